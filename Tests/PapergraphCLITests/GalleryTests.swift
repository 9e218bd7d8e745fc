import Foundation
import Testing

/// `bash scripts/demo` regenerates Graphs/ from Graphs/sample; regeneration must be byte-identical.
@Suite struct GalleryTests {
    let scratch = Scratch()

    private func sampleDatabase() throws -> String {
        let db = scratch.path("sample.sqlite")
        let sample = Repository.root.appendingPathComponent("Graphs/sample")
        let inputs = ["hf-papers-page.txt", "arxiv-listing.jsonl", "daily-papers.json"].map {
            sample.appendingPathComponent($0).path
        }
        let result = try CLI.run(["ingest", "--quiet", "--db", db] + inputs)
        #expect(result.status == 0, "\(result.stderr)")
        return db
    }

    @Test func committedDOTFilesMatchARegeneration() throws {
        let db = try sampleDatabase()
        let views: [(arguments: [String], file: String)] = [
            (["shared-repos"], "shared-repos.dot"), (["top"], "top.dot"), (["code"], "code.dot"),
            (["ego", "1706.03762"], "ego-attention.dot"), (["topics"], "topics.dot"),
        ]
        for view in views {
            let out = scratch.path(view.file)
            let result = try CLI.run(["render"] + view.arguments + ["--db", db, "--format", "dot", "-o", out])
            #expect(result.status == 0, "\(result.stderr)")
            let committed = try Data(contentsOf: Repository.root.appendingPathComponent("Graphs/\(view.file)"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == committed, "Graphs/\(view.file) is stale: run bash scripts/demo")
        }
    }

    @Test func svgIsTheSameBytesTwice() throws {
        let db = try sampleDatabase()
        let first = try CLI.run(["render", "shared-repos", "--db", db, "--format", "svg"])
        let second = try CLI.run(["render", "shared-repos", "--db", db, "--format", "svg"])
        #expect(first.status == 0)
        #expect(first.stdout.contains("<svg"))
        #expect(first.stdout == second.stdout)
    }

    @Test func emptyDatabaseRendersAnSVGThatSaysSo() throws {
        let db = scratch.path("empty.sqlite")
        let input = try scratch.write("one.jsonl", Fixture.line("2503.00001", "Lonely", "No links here."))
        #expect(try CLI.run(["ingest", "--quiet", "--db", db, input]).status == 0)
        let result = try CLI.run(["render", "shared-repos", "--db", db, "--format", "svg"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("<svg"))
        #expect(result.stdout.contains("empty"))
    }

    @Test func exportsParseBack() throws {
        let db = try sampleDatabase()
        let graphml = try CLI.run(["export", "--db", db, "--format", "graphml"])
        #expect(graphml.status == 0)
        #expect(graphml.stdout.contains("<graphml"))
        let json = try CLI.run(["export", "--db", db, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["nodes"] as? [Any])?.isEmpty == false)
    }

    @Test func badRenderRequestsAreUserErrors() throws {
        let db = try sampleDatabase()
        #expect(try CLI.run(["render", "nope", "--db", db]).status == 1)
        #expect(try CLI.run(["render", "top", "--layout", "bogus", "--db", db]).status == 1)
        #expect(try CLI.run(["render", "top", "--max-nodes", "0", "--db", db]).status == 1)
        let missingDir = try CLI.run(["render", "top", "--db", db, "-o", scratch.path("no/dir/x.svg")])
        #expect(missingDir.status == 1)
    }
}
