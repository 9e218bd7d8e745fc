import Foundation
import Testing

@Suite struct CommandTests {
    let scratch = Scratch()

    @Test(arguments: [
        "extract", "ingest", "stats", "show", "papers", "shared-repos", "rank", "communities", "related",
        "components", "code-trend", "render", "export", "demo", "render-dot",
    ])
    func everyCommandExplainsItself(command: String) throws {
        let result = try CLI.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
        #expect(result.stdout.contains("Example"))
    }

    @Test func extractIsDeterministic() throws {
        let input = try scratch.write("ok.jsonl", Fixture.three)
        let first = try CLI.run(["extract", input])
        let second = try CLI.run(["extract", input])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.split(separator: "\n").count == 3)
    }

    @Test func extractReadsStdin() throws {
        let result = try CLI.run(["extract", "-"], stdin: Data(Fixture.three.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"source\":\"-:1\""))
    }

    @Test func ingestThenQuery() throws {
        let db = scratch.path("db.sqlite")
        let input = try scratch.write("ok.jsonl", Fixture.three)
        let ingest = try CLI.run(["ingest", "--quiet", "--db", db, input])
        #expect(ingest.status == 0)
        #expect(ingest.stdout.contains("papers new        3"))
        let again = try CLI.run(["ingest", "--quiet", "--db", db, input])
        #expect(again.stdout.contains("papers unchanged  3"))

        let papers = try CLI.run(["papers", "--with-code", "--db", db, "--format", "csv"])
        #expect(papers.status == 0)
        #expect(papers.stdout.contains("2503.00001"))
        #expect(papers.stdout.contains("2503.00002"))
        #expect(!papers.stdout.contains("2503.00003"))

        let promised = try CLI.run(["papers", "--status", "promised", "--db", db, "--format", "json"])
        #expect(promised.stdout.contains("2503.00003"))

        let shared = try CLI.run(["shared-repos", "--db", db, "--format", "csv"])
        #expect(shared.stdout.contains("github.com/acme/widgets,2,2503.00001 2503.00002"))
        let owners = try CLI.run(["shared-repos", "--by", "owner", "--db", db, "--format", "csv"])
        #expect(owners.stdout.contains("github.com/acme,3,"))

        let pairs = try CLI.run(["shared-repos", "--pairs", "--min-shared", "1", "--db", db, "--format", "csv"])
        #expect(pairs.status == 0)
        #expect(pairs.stdout.contains("2503.00001,2503.00002"))
        #expect(pairs.stdout.contains("github.com/acme/widgets"))

        let show = try CLI.run(["show", "gadget networks", "--db", db])
        #expect(show.status == 0)
        #expect(show.stdout.contains("github.com/acme/widgets"))
        #expect(show.stdout.contains("github.com/acme/widgets/tree/main/gadgets"))
        #expect(show.stdout.contains("arxiv:2503.00001  → 2503.00001 Widget Networks"))

        let missing = try CLI.run(["show", "no such paper at all", "--db", db])
        #expect(missing.status == 1)
        let ambiguous = try CLI.run(["show", "networks", "--db", db])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("matches 2 papers"))
    }

    @Test func databaseComesFromTheEnvironment() throws {
        let db = scratch.path("env.sqlite")
        let input = try scratch.write("ok.jsonl", Fixture.three)
        #expect(try CLI.run(["ingest", "--quiet", input], environment: ["PAPERGRAPH_DB": db]).status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
    }
}
