import Foundation
import Testing

/// `papergraph render-dot`: a DOT file through the in-process renderer.
@Suite struct RenderDOTTests {
    let scratch = Scratch()

    @Test func rendersWhatRenderWrote() throws {
        let db = scratch.path("db.sqlite")
        let input = try scratch.write("ok.jsonl", Fixture.three)
        #expect(try CLI.run(["ingest", "--quiet", "--db", db, input]).status == 0)
        let dot = scratch.path("shared.dot")
        #expect(try CLI.run(["render", "shared-repos", "--db", db, "--format", "dot", "-o", dot]).status == 0)
        let direct = try CLI.run(["render", "shared-repos", "--db", db, "--format", "svg"])
        let viaFile = try CLI.run(["render-dot", dot, "--format", "svg"])
        #expect(viaFile.status == 0, "\(viaFile.stderr)")
        #expect(viaFile.stdout.contains("<svg"))
        #expect(viaFile.stdout == direct.stdout)
        let sfdp = try CLI.run(["render-dot", dot, "--layout", "sfdp", "--format", "svg", "-o", scratch.path("s.svg")])
        #expect(sfdp.status == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.path("s.svg")))
        let stdin = try CLI.run(["render-dot", "-", "--format", "svg"], stdin: Data("digraph g { a -> b }".utf8))
        #expect(stdin.stdout.contains("<svg"))
    }

    @Test func badInput() throws {
        let broken = try scratch.write("broken.dot", "digraph g { a -> ; }")
        let rejected = try CLI.run(["render-dot", broken])
        #expect(rejected.status == 2)
        #expect(rejected.stderr.contains("invalid DOT"))
        let good = try scratch.write("g.dot", "digraph g { a -> b }")
        let layout = try CLI.run(["render-dot", good, "--layout", "spring"])
        #expect(layout.status == 1)
        #expect(layout.stderr.contains("sfdp"))
        let format = try CLI.run(["render-dot", good, "--format", "gif"])
        #expect(format.status == 1)
        #expect(format.stderr.contains("svg"))
        #expect(try CLI.run(["render-dot", scratch.path("absent.dot")]).status == 1)
        #expect(try CLI.run(["render-dot", good, "-o", scratch.path("no/dir/x.svg")]).status == 1)
    }
}

/// The shared-repos view past --max-nodes keeps repositories AND their papers.
@Suite struct SharedReposViewTests {
    let scratch = Scratch()

    @Test func cappedViewStillDrawsEdges() throws {
        var lines = ""
        // Three repos shared by two papers each, one paper using two of them.
        for (index, repos) in [["a"], ["a", "b"], ["b"], ["c"], ["c"]].enumerated() {
            let links = repos.map { "https://github.com/acme/\($0)" }.joined(separator: " and ")
            lines += Fixture.line(String(format: "2503.%05d", index + 1), "Paper \(index)", "Code at \(links).") + "\n"
        }
        let input = try scratch.write("shared.jsonl", lines)
        let db = scratch.path("db.sqlite")
        #expect(try CLI.run(["ingest", "--quiet", "--db", db, input]).status == 0)
        let full = try CLI.run(["render", "shared-repos", "--db", db, "--format", "dot"])
        #expect(full.stdout.components(separatedBy: " -> ").count - 1 == 6)
        let capped = try CLI.run(["render", "shared-repos", "--db", db, "--format", "dot", "--max-nodes", "5"])
        #expect(capped.status == 0)
        // acme/a (a fifth of 5 nodes) with its 2 papers, then acme/b, which fits with its one
        // new paper; acme/c and its papers are left out.
        #expect(capped.stdout.contains("\"github.com/acme/a\" [") && capped.stdout.contains("\"github.com/acme/b\" ["))
        #expect(!capped.stdout.contains("\"github.com/acme/c\" ["))
        #expect(capped.stdout.components(separatedBy: " -> ").count - 1 == 4)
        #expect(capped.stdout.contains("3 nodes not shown (max-nodes 5)"))
    }
}
