import Foundation
import Testing

/// Records written by us for the reference commands: a named method, a paper that cites it by
/// name, author–year and arXiv id, two papers claiming one name, and one that cites by name only.
enum ReferenceFixture {
    static func line(
        _ id: String?, _ title: String, _ abstract: String, authors: [String] = ["Ada Lovelace", "Alan Turing"],
        comment: String? = nil, date: String = "2025-03-01"
    ) -> String {
        var object: [String: Any] = [
            "title": title, "abstract": abstract, "authors": authors, "categories": ["cs.LG"], "listing_date": date,
        ]
        object["id"] = id
        object["comment"] = comment
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static let records = [
        line("2106.09685", "LoRA: Low-Rank Adaptation of Large Language Models",
             "We freeze the pretrained weights and learn a pair of small rank-decomposition matrices per layer.",
             authors: ["Edward J. Hu", "Yelong Shen"], date: "2021-06-17"),
        line("2401.00001", "Sparse Updates for Adapters",
             "Unlike LoRA, we learn sparse updates (Hu et al., 2021); see arXiv:2106.09685 and arXiv:2501.99999. FLASH kernels help (Nobody et al., 2020).",
             comment: "Code: https://github.com/acme/sparse", date: "2024-01-05"),
        line("2201.00001", "FLASH: Fast Learned Attention with Sparse Hashing", "A fast attention layer.", date: "2022-01-01"),
        line("2201.00002", "FLASH: Federated Learning with Adaptive Secure Hashing", "A federated method.", date: "2022-01-02"),
        line("2402.00003", "Rank Schedules for Adapters", "We grow the rank of LoRA adapters during training.", date: "2024-02-01"),
    ]

    static var text: String { records.joined(separator: "\n") + "\n" }
}

@Suite struct ReferenceCommandTests {
    let scratch = Scratch()

    private func database(_ lines: [String] = ReferenceFixture.records) throws -> String {
        let db = scratch.path("refs.sqlite")
        let input = try scratch.write("refs.jsonl", lines.joined(separator: "\n") + "\n")
        let ingest = try CLI.run(["ingest", "--quiet", "--db", db, input])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return db
    }

    private func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test(arguments: ["refs", "explain"])
    func newCommandsExplainThemselves(command: String) throws {
        let result = try CLI.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
        #expect(result.stdout.contains("Example"))
    }

    @Test func refsListsWhatAPaperCitesWithRuleSpanAndWords() throws {
        let db = try database()
        let result = try CLI.run(["refs", "2401.00001", "--db", db, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try json(result.stdout) as? [[String: Any]])
        let summary = rows.map { "\($0["direction"] ?? "")|\($0["rule"] ?? "")|\($0["text"] ?? "")|\($0["paper"] as? String ?? "-")|\($0["unresolved"] as? String ?? "-")" }
        #expect(summary == [
            "cites|name|LoRA|2106.09685|-",
            "cites|author-year|Hu et al., 2021|2106.09685|-",
            "cites|identifier|arXiv:2106.09685|2106.09685|-",
            "cites|identifier|arXiv:2501.99999|-|arxiv:2501.99999",
            "cites|name|FLASH|-|FLASH",
            "cites|author-year|Nobody et al., 2020|-|Nobody et al. 2020",
        ])
        let first = try #require(rows.first)
        #expect(first["field"] as? String == "abstract")
        #expect(first["start"] as? Int == 7)
        #expect(first["end"] as? Int == 11)
        #expect((first["context"] as? String)?.hasPrefix("Unlike LoRA, we learn sparse updates") == true)
    }

    @Test func refsListsWhoCitesAPaper() throws {
        let db = try database()
        let result = try CLI.run(["refs", "low-rank adaptation", "--db", db, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "direction,rule,paper,title,unresolved,field,start,end,text,context")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("cited-by,") })
        #expect(lines.contains { $0.hasPrefix("cited-by,name,2401.00001,Sparse Updates for Adapters,,abstract,7,11,LoRA,") })
        #expect(lines.contains { $0.hasPrefix("cited-by,name,2402.00003,Rank Schedules for Adapters,,abstract,20,24,LoRA,") })
        // The table (for people) has no sentence column.
        let table = try CLI.run(["refs", "2106.09685", "--db", db])
        #expect(table.stdout.hasPrefix("direction  rule"))
        #expect(!table.stdout.contains("context"))
    }

    @Test func refsNeedsExactlyOnePaper() throws {
        let db = try database()
        let ambiguous = try CLI.run(["refs", "flash", "--db", db])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("matches 2 papers"))
        #expect(ambiguous.stderr.contains("2201.00001"))
        #expect(try CLI.run(["refs", "no such paper anywhere", "--db", db]).status == 1)
        #expect(try CLI.run(["refs", "--db", db]).status == 1)
        #expect(try CLI.run(["refs", "2106.09685", "--unresolved", "--db", db]).status == 1)
        #expect(try CLI.run(["refs", "2106.09685", "--top", "3", "--db", db]).status == 1)
    }

    @Test func unresolvedReferencesAreGroupedMostFrequentFirst() throws {
        var lines = ReferenceFixture.records
        lines.append(ReferenceFixture.line("2403.00004", "Hash Kernels", "Our FLASH baseline and arXiv:2501.99999 again.", date: "2024-03-01"))
        let db = try database(lines)
        let result = try CLI.run(["refs", "--unresolved", "--db", db, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try json(result.stdout) as? [[String: Any]])
        #expect(rows.map { "\($0["rule"] ?? "")|\($0["text"] ?? "")|\($0["count"] ?? "")|\($0["examples"] ?? "")" } == [
            "identifier|arxiv:2501.99999|2|2401.00001 2403.00004",
            "name|FLASH|2|2401.00001 2403.00004",
            "author-year|Nobody et al. 2020|1|2401.00001",
        ])
        #expect((rows[0]["reason"] as? String)?.contains("no stored paper has this identifier") == true)
        #expect(rows[1]["reason"] as? String == "ambiguous: claimed by 2201.00001, 2201.00002")
        let top = try CLI.run(["refs", "--unresolved", "--top", "1", "--db", db, "--format", "csv"])
        #expect(top.stdout.split(separator: "\r\n").count == 2)
    }

    @Test func explainPaperToPaperListsEveryReference() throws {
        let db = try database()
        let result = try CLI.run(["explain", "2401.00001", "2106.09685", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("2401.00001 Sparse Updates for Adapters → 2106.09685 LoRA: Low-Rank Adaptation"))
        #expect(result.stdout.contains("reference  rule name  abstract 7..<11  \"LoRA\""))
        #expect(result.stdout.contains("rule author-year  abstract"))
        #expect(result.stdout.contains("rule identifier (arxiv-id)  abstract"))
        #expect(result.stdout.contains("in: Unlike LoRA, we learn sparse updates (Hu et al., 2021);"))
        let json = try #require(try json(try CLI.run(["explain", "2401.00001", "2106.09685", "--db", db, "--format", "json"]).stdout) as? [String: Any])
        let evidence = try #require(json["evidence"] as? [[String: Any]])
        #expect(evidence.map { $0["rule"] as? String } == ["name", "author-year", "identifier"])
        #expect(json["reversed"] as? Bool == false)
    }

    @Test func explainTheOtherWayExplainsTheReverseEdgeWithANote() throws {
        let db = try database()
        let result = try CLI.run(["explain", "lora", "sparse updates", "--db", db, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try json(result.stdout) as? [String: Any])
        #expect(json["reversed"] as? Bool == true)
        #expect(json["source"] as? String == "2401.00001")
        let text = try CLI.run(["explain", "2106.09685", "2401.00001", "--db", db])
        #expect(text.stdout.contains("no edge 2106.09685 → 2401.00001; this is the edge the other way"))
    }

    @Test func explainMentionsOwnersAndCodeStatus() throws {
        let db = try database()
        let repo = try CLI.run(["explain", "2401.00001", "https://github.com/acme/sparse/", "--db", db])
        #expect(repo.status == 0, "\(repo.stderr)")
        #expect(repo.stdout.contains("→ github.com/acme/sparse (repo)"))
        #expect(repo.stdout.contains("mention    rule url  comment 6..<36  \"https://github.com/acme/sparse\""))
        let owner = try CLI.run(["explain", "github.com/acme/sparse", "github.com/acme", "--db", db])
        #expect(owner.stdout.contains("owner      rule owner  \"owner of github.com/acme/sparse\""))
        let viaRepo = try CLI.run(["explain", "2401.00001", "github.com/acme", "--db", db])
        #expect(viaRepo.status == 0)
        #expect(viaRepo.stdout.contains("2401.00001 → github.com/acme/sparse (repo)"))
        #expect(viaRepo.stdout.contains("github.com/acme/sparse → github.com/acme (owner)"))
        let dangling = try CLI.run(["explain", "2401.00001", "2501.99999", "--db", db])
        #expect(dangling.stdout.contains("→ arxiv:2501.99999 (paper-ref)"))
        let code = try CLI.run(["explain", "2401.00001", "code", "--db", db])
        #expect(code.stdout.contains("code       released  rule repo-link  comment 0..<36"))
    }

    @Test func explainRefusesWhatIsNoEdge() throws {
        let db = try database()
        let none = try CLI.run(["explain", "2201.00001", "2106.09685", "--db", db])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no edge between 2201.00001 and 2106.09685"))
        let unknown = try CLI.run(["explain", "2401.00001", "github.com/nobody/nothing", "--db", db])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no paper or link target matches \"github.com/nobody/nothing\""))
        let ambiguous = try CLI.run(["explain", "flash", "2106.09685", "--db", db])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("matches 2 papers"))
        let selfEdge = try CLI.run(["explain", "2106.09685", "2106.09685", "--db", db])
        #expect(selfEdge.status == 1)
    }

    @Test func showExplainListsEveryEdgeOfThePaper() throws {
        let db = try database()
        let text = try CLI.run(["show", "2401.00001", "--explain", "--db", db])
        #expect(text.status == 0, "\(text.stderr)")
        let edges = try #require(text.stdout.components(separatedBy: "\nedges (").last)
        #expect(text.stdout.contains("\nedges (7)\n"))
        #expect(edges.contains("reference  2401.00001 → 2106.09685 LoRA: Low-Rank Adaptation of Large Language Models  rule name"))
        #expect(edges.contains("mention    2401.00001 → arxiv:2501.99999 (paper-ref)  rule arxiv-id"))
        #expect(edges.contains("mention    2401.00001 → github.com/acme/sparse (repo)  rule url"))
        #expect(edges.contains("owner      github.com/acme/sparse → github.com/acme (owner)  rule owner"))
        #expect(edges.contains("code       released  rule repo-link"))
        // Incoming references show on the cited paper.
        let cited = try CLI.run(["show", "2106.09685", "--explain", "--db", db, "--format", "json"])
        let object = try #require(try json(cited.stdout) as? [String: Any])
        let incoming = try #require(object["edges"] as? [[String: Any]]).filter { $0["kind"] as? String == "reference" }
        #expect(Set(incoming.compactMap { $0["source"] as? String }) == ["2401.00001", "2402.00003"])
        let csv = try CLI.run(["show", "2401.00001", "--explain", "--db", db, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("kind,source,target,target_kind,rule,link_rule,field,start,end,text,context\r\n"))
        // Without --explain, show is unchanged.
        #expect(!(try CLI.run(["show", "2401.00001", "--db", db]).stdout.contains("edges (")))
    }
}

@Suite struct ExtractReferenceTests {
    let scratch = Scratch()

    private func papers(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func extractReportsPaperMentions() throws {
        let input = try scratch.write("refs.jsonl", ReferenceFixture.text)
        let result = try CLI.run(["extract", input])
        #expect(result.status == 0, "\(result.stderr)")
        let citing = try #require(try papers(result.stdout).first { $0["id"] as? String == "2401.00001" })
        let references = try #require(citing["references"] as? [[String: Any]])
        #expect(references.allSatisfy { $0["kind"] as? String == "paper-mention" && $0["field"] as? String == "abstract" })
        #expect(references.map { reference in
            let known = (reference["known"] as? Bool) == true ? "known" : "unknown"
            return "\(reference["rule"] ?? "")|\(reference["text"] ?? "")|\(reference["resolved"] as? String ?? "-")|\(known)"
        } == [
            "name|LoRA|2106.09685|known",
            "author-year|Hu et al., 2021|2106.09685|known",
            "identifier|arXiv:2106.09685|2106.09685|known",
            "identifier|arXiv:2501.99999|2501.99999|unknown",
            "name|FLASH|-|unknown",
            "author-year|Nobody et al., 2020|-|unknown",
        ])
        let abstract = ReferenceFixture.records[1].abstractText
        let scalars = Array(abstract.unicodeScalars)
        for reference in references {
            let start = try #require(reference["start"] as? Int)
            let end = try #require(reference["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == reference["text"] as? String)
        }
    }

    @Test func linksAreUnchangedAndReferencesCanBeLeftOut() throws {
        let input = try scratch.write("refs.jsonl", ReferenceFixture.text)
        let with = try papers(try CLI.run(["extract", input]).stdout)
        let without = try CLI.run(["extract", "--no-references", input])
        #expect(without.status == 0)
        let plain = try papers(without.stdout)
        #expect(plain.allSatisfy { $0["references"] == nil })
        for (a, b) in zip(with, plain) {
            var a = a
            a["references"] = nil
            #expect(NSDictionary(dictionary: a).isEqual(to: b))
        }
        #expect(try CLI.run(["extract", "--no-references", "--db", scratch.path("x.sqlite"), input]).status == 1)
    }

    @Test func extractFromStdinResolvesAcrossTheWholeInput() throws {
        let result = try CLI.run(["extract", "-"], stdin: Data(ReferenceFixture.text.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let rank = try #require(try papers(result.stdout).first { $0["id"] as? String == "2402.00003" })
        #expect(rank["source"] as? String == "-:5")
        let references = try #require(rank["references"] as? [[String: Any]])
        #expect(references.map { $0["resolved"] as? String } == ["2106.09685"])
    }

    @Test func extractWithADatabaseResolvesAgainstStoredPapers() throws {
        let db = scratch.path("store.sqlite")
        let stored = try scratch.write("stored.jsonl", ReferenceFixture.records[0] + "\n")
        #expect(try CLI.run(["ingest", "--quiet", "--db", db, stored]).status == 0)
        let input = try scratch.write("new.jsonl", ReferenceFixture.records[4] + "\n")
        let alone = try papers(try CLI.run(["extract", input]).stdout)
        #expect((alone.first?["references"] as? [Any])?.isEmpty == true)
        let withStore = try papers(try CLI.run(["extract", input, "--db", db]).stdout)
        let references = try #require(withStore.first?["references"] as? [[String: Any]])
        #expect(references.map { $0["resolved"] as? String } == ["2106.09685"])
        #expect(references.map { $0["known"] as? Bool } == [true])
        #expect(try CLI.run(["extract", input, "--db", scratch.path("missing.sqlite")]).status == 1)
    }

    @Test func extractTableHasPaperMentionRows() throws {
        let input = try scratch.write("refs.jsonl", ReferenceFixture.text)
        let csv = try CLI.run(["extract", "--format", "csv", input])
        #expect(csv.stdout.contains("2401.00001,paper-mention,2106.09685,abstract,7,11,name,LoRA,released\r\n"))
        #expect(csv.stdout.contains("2401.00001,paper-mention,,abstract,"))
    }
}

extension String {
    /// The `abstract` of a fixture line (the extract output does not repeat it).
    fileprivate var abstractText: String {
        let object = (try? JSONSerialization.jsonObject(with: Data(utf8))) as? [String: Any]
        return object?["abstract"] as? String ?? ""
    }
}
