import Foundation
import Testing

/// References found by name only (no identifier anywhere) must reach the analysis commands:
/// `rank`, `related`, and the `ego` and `top` render views.
@Suite struct ReferenceGraphCLITests {
    let scratch = Scratch()

    private func database() throws -> String {
        let lines = [
            ReferenceFixture.line("2301.00001", "HyperWidget: Fast Widget Networks", "A fictional widget network.", date: "2023-01-01"),
            ReferenceFixture.line("2402.00002", "Sparse Widgets", "Unlike HyperWidget, we prune widget edges.", date: "2024-02-01"),
            ReferenceFixture.line("2403.00003", "Deep Widgets", "We stack HyperWidget blocks twelve deep.", date: "2024-03-01"),
            ReferenceFixture.line("2404.00004", "Unrelated Gadgets", "Gadgets are not widgets.", date: "2024-04-01"),
        ]
        let db = scratch.path("graph.sqlite")
        let input = try scratch.write("graph.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(try CLI.run(["ingest", "--quiet", "--db", db, input]).status == 0)
        return db
    }

    @Test func relatedGivesCitesAndCitedByAsReasons() throws {
        let db = try database()
        let citing = try CLI.run(["related", "2402.00002", "--db", db, "--format", "csv"])
        #expect(citing.status == 0, "\(citing.stderr)")
        #expect(citing.stdout.contains("2301.00001"))
        #expect(citing.stdout.contains("cites 2301.00001"))
        let cited = try CLI.run(["related", "hyperwidget", "--db", db, "--format", "csv"])
        #expect(cited.stdout.contains("cited by 2402.00002"))
        #expect(cited.stdout.contains("cited by 2403.00003"))
        #expect(!cited.stdout.contains("2404.00004"))
    }

    @Test func rankPutsTheCitedPaperFirst() throws {
        let db = try database()
        let result = try CLI.run(["rank", "--algo", "pagerank", "--kinds", "paper", "--top", "1", "--db", db, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\r\n")
        #expect(rows.count == 2)
        #expect(rows.last?.contains("2301.00001") == true)
        let degree = try CLI.run(["rank", "--algo", "degree", "--kinds", "paper", "--top", "1", "--db", db, "--format", "csv"])
        #expect(degree.stdout.split(separator: "\r\n").last?.contains("2301.00001") == true)
    }

    @Test func egoAndTopViewsDrawReferenceEdges() throws {
        let db = try database()
        let ego = try CLI.run(["render", "ego", "2301.00001", "--format", "dot", "--db", db])
        #expect(ego.status == 0, "\(ego.stderr)")
        #expect(ego.stdout.contains("\"2402.00002\" -> \"2301.00001\""))
        #expect(ego.stdout.contains("\"2403.00003\" -> \"2301.00001\""))
        #expect(!ego.stdout.contains("2404.00004"))
        let top = try CLI.run(["render", "top", "--top", "3", "--format", "dot", "--db", db])
        #expect(top.status == 0, "\(top.stderr)")
        #expect(top.stdout.contains("\"2402.00002\" -> \"2301.00001\""))
    }
}

/// The bad inputs issue 6 names, end to end through ingest and `refs`.
@Suite struct ReferenceBadInputCLITests {
    let scratch = Scratch()

    private func database(_ lines: [String]) throws -> String {
        let db = scratch.path("bad.sqlite")
        let input = try scratch.write("bad.jsonl", lines.joined(separator: "\n") + "\n")
        let ingest = try CLI.run(["ingest", "--quiet", "--db", db, input])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return db
    }

    private func refs(_ paper: String, _ db: String) throws -> [[String: Any]] {
        let result = try CLI.run(["refs", paper, "--db", db, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test func namesWithRegexMetacharactersAreLiteral() throws {
        let db = try database([
            ReferenceFixture.line("2201.00011", "(α,β)-Net: Two-Parameter Activations", "Every unit learns two shape parameters.", date: "2022-01-01"),
            ReferenceFixture.line("2201.00012", "C++: Compiler Feedback for Code Models", "Compiler messages as rewards.", date: "2022-01-02"),
            ReferenceFixture.line("2201.00013", "A*: Admissible Search for Agents", "Planning with heuristics.", date: "2022-01-03"),
            ReferenceFixture.line("2401.00014", "Activation Zoo", "We swap ReLU for (α,β)-Net units, port A* search to C++, and match .* literally.", date: "2024-01-01"),
        ])
        let rows = try refs("2401.00014", db)
        #expect(rows.map { $0["text"] as? String } == ["(α,β)-Net"])
        #expect(rows.first?["paper"] as? String == "2201.00011")
        // Offsets are Unicode scalars: "We swap ReLU for " is 17 of them.
        #expect(rows.first?["start"] as? Int == 17)
        #expect(rows.first?["end"] as? Int == 26)
    }

    @Test func aPaperCitingItselfHasNoReferences() throws {
        let db = try database([
            ReferenceFixture.line("2305.11627", "LLM-Pruner: On the Structural Pruning of Large Language Models",
                "We propose LLM-Pruner, a pruning method. LLM-Pruner is fast (Lovelace et al., 2023); see arXiv:2305.11627 and \"LLM-Pruner: On the Structural Pruning of Large Language Models\".",
                date: "2023-05-19"),
        ])
        #expect(try refs("2305.11627", db).isEmpty)
        #expect(try CLI.run(["explain", "2305.11627", "2305.11627", "--db", db]).status == 1)
        let unresolved = try CLI.run(["refs", "--unresolved", "--db", db])
        #expect(unresolved.stdout == "(no rows)\n")
    }

    @Test func twoPapersWithTheSameTitle() throws {
        let title = "Learning to Rank with Sparse Signals"
        let db = try database([
            ReferenceFixture.line("2201.00021", title, "First fictional paper.", date: "2022-01-01"),
            ReferenceFixture.line("2302.00022", title, "Second fictional paper.", date: "2023-02-01"),
            // The same title without an arXiv id (a Hugging Face page) merges into one of them.
            ReferenceFixture.line(nil, "Widget Search at Scale", "Page copy.", date: "2023-03-01"),
            ReferenceFixture.line("2303.00023", "Widget Search at Scale", "Listing copy.", date: "2023-03-01"),
            ReferenceFixture.line("2401.00024", "Retrieval Notes", "We build on \"Learning to Rank with Sparse Signals\" and \"Widget Search at Scale\".", date: "2024-01-01"),
        ])
        let rows = try refs("retrieval notes", db)
        #expect(rows.map { "\($0["rule"] ?? "")|\($0["paper"] as? String ?? "-")" } == ["title|-", "title|2303.00023"])
        let unresolved = try CLI.run(["refs", "--unresolved", "--db", db, "--format", "csv"])
        #expect(unresolved.stdout.contains("several stored papers have this title: 2201.00021, 2302.00022"))
        let stats = try CLI.run(["stats", "--db", db, "--format", "json"])
        #expect(stats.stdout.contains("\"papers\": 4,"))
    }

    @Test func titlesWithoutAShortNameClaimNothing() throws {
        let db = try database([
            ReferenceFixture.line("1706.03762", "Attention Is All You Need", "Only attention, no recurrence.", date: "2017-06-12"),
            ReferenceFixture.line("2401.00031", "Attention Budgets", "Attention is costly; we follow Attention Is All You Need but prune Attention heads.", date: "2024-01-01"),
        ])
        let rows = try refs("2401.00031", db)
        #expect(rows.map { "\($0["rule"] ?? "")|\($0["text"] ?? "")" } == ["title|Attention Is All You Need"])
    }
}
