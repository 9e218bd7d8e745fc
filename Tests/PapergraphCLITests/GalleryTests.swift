import Foundation
import Testing

/// `bash scripts/demo` (`papergraph demo`) regenerates Graphs/ from Graphs/sample; regeneration must be byte-identical.
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

    /// `papergraph demo` (what `bash scripts/demo` runs) into a scratch directory: every DOT and
    /// GraphML file it writes must equal the committed one, and every committed one must be written.
    @Test func demoRegeneratesTheCommittedGalleryByteForByte() throws {
        let out = scratch.path("gallery")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let graphs = Repository.root.appendingPathComponent("Graphs")
        let result = try CLI.run([
            "demo", "--sample", graphs.appendingPathComponent("sample").path, "--out", out,
            "--db", scratch.path("demo.sqlite"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("== papergraph stats"))
        #expect(result.stdout.contains("== papergraph papers --status promised"))
        func files(in directory: String, _ extensions: Set<String>) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { extensions.contains(($0 as NSString).pathExtension) }.sorted()
        }
        let written = try files(in: out, ["dot", "graphml", "svg"])
        #expect(written.filter { $0.hasSuffix(".svg") }.count == written.filter { $0.hasSuffix(".dot") }.count)
        #expect(try files(in: graphs.path, ["dot", "graphml"]) == written.filter { !$0.hasSuffix(".svg") })
        for file in written where !file.hasSuffix(".svg") {
            let fresh = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(file))
            let committed = try Data(contentsOf: graphs.appendingPathComponent(file))
            #expect(fresh == committed, "Graphs/\(file) is stale: run bash scripts/demo")
        }
    }

    @Test func demoWithoutTheSampleSaysWhereToFindIt() throws {
        let result = try CLI.run(["demo", "--sample", scratch.path("nowhere"), "--out", scratch.url.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--sample"))
        let noOut = try CLI.run([
            "demo", "--sample", Repository.root.appendingPathComponent("Graphs/sample").path, "--out",
            scratch.path("missing-dir"),
        ])
        #expect(noOut.status == 1)
        #expect(noOut.stderr.contains("--out"))
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
