import Corpus
import Extraction
import Foundation
import GRDB
import Testing
@testable import GraphStore

@Suite struct ReferenceResolverTests {
    let directory = TemporaryDirectory()

    private func paper(
        _ id: String?, _ title: String, _ abstract: String, authors: [String] = ["Ada Lovelace"],
        date: String = "2024-01-01"
    ) -> PaperRecord {
        PaperRecord(
            arxivID: id, title: title, abstract: abstract, authors: authors, categories: ["cs.LG"], date: date,
            source: SourceLocation(file: "refs.jsonl", line: 1), format: .arxivListing)
    }

    private var lora: PaperRecord {
        paper("2106.09685", "LoRA: Low-Rank Adaptation of Large Language Models",
              "We freeze the weights and learn low-rank updates.", authors: ["Edward J. Hu", "Yelong Shen"],
              date: "2021-06-17")
    }
    private var citing: PaperRecord {
        paper("2401.00001", "Sparse Updates for Adapters",
              "Unlike LoRA, we learn sparse updates (Hu et al., 2021). We also cite (Nobody et al., 2020).")
    }

    private func rows(_ store: GraphStore) throws -> [String] {
        try store.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.key AS citing, d.key AS cited, r.rule, r.field, r.start, r."end", r.text, r.cited_text
                FROM reference r JOIN paper c ON c.id = r.citing_id LEFT JOIN paper d ON d.id = r.cited_id
                ORDER BY c.key, r.start, r.rule
                """).map { $0.description }
        }
    }

    @Test func ingestResolvesNameAndAuthorYearReferences() throws {
        let store = try GraphStore(path: directory.path("a.sqlite"))
        _ = try store.ingest([source("refs.jsonl", records: [lora, citing])])
        let references = try store.references(from: store.resolvePaper("2401.00001"))
        #expect(references.map(\.rule) == ["name", "author-year", "author-year"])
        #expect(references.map(\.text) == ["LoRA", "Hu et al., 2021", "Nobody et al., 2020"])
        #expect(references[0].otherKey == "2106.09685")
        #expect(references[1].otherKey == "2106.09685")
        #expect(references[2].citedID == nil)
        #expect(references[2].citedText == "Nobody et al. 2020")
        // Offsets are Unicode-scalar offsets into the abstract.
        let scalars = Array(citing.abstract.unicodeScalars)
        for reference in references {
            #expect(String(String.UnicodeScalarView(scalars[reference.start..<reference.end])) == reference.text)
        }
        let incoming = try store.references(to: store.resolvePaper("2106.09685"))
        #expect(incoming.count == 2)
        #expect(incoming.allSatisfy { $0.otherKey == "2401.00001" })
    }

    /// Over enough papers for word rarity to mean something (and for the owner's words to be
    /// shared by a few of them), ingest reads each name owner's text back to choose its
    /// signature: an abstract on the owner's subject links, an unrelated one keeps the name
    /// dangling.
    @Test func ingestJudgesTopicWithSignaturesReadBack() throws {
        let topics = [
            "protein folding", "traffic forecasting", "speech enhancement", "robot grasping", "gravitational lensing",
        ]
        var records = (0..<1100).map { number in
            paper("2501.\(10000 + number)", "A study of \(topics[number % topics.count]) number \(number)",
                  "We study \(topics[number % topics.count]) with token\(number) and marker\(number % 97).")
        }
        records.append(paper(
            "2502.00001", "ZetaNet: Sparse Reconstruction of Gravitational Lensing Maps",
            "We propose a sparse reconstruction network for gravitational lensing maps of galaxy clusters, "
                + "recovering dark matter halos from weak shear catalogues."))
        records.append(paper(
            "2503.00001", "Lensing halos",
            "Building on ZetaNet, we reconstruct gravitational lensing maps of galaxy clusters and dark matter halos.",
            date: "2025-03-01"))
        records.append(paper(
            "2503.00002", "Kitchen planning",
            "Our pasta recipe planner beats ZetaNet at ordering kitchen tasks for busy restaurant cooks.",
            date: "2025-03-01"))
        let store = try GraphStore(path: directory.path("topics.sqlite"))
        _ = try store.ingest([source("topics.jsonl", records: records)])
        let onTopic = try store.references(from: store.resolvePaper("2503.00001"))
        #expect(onTopic.map(\.otherKey) == ["2502.00001"])
        let offTopic = try store.references(from: store.resolvePaper("2503.00002"))
        #expect(offTopic.count == 1)
        #expect(offTopic.first?.citedID == nil)
    }

    @Test func ingestOrderDoesNotMatter() throws {
        let forward = try GraphStore(path: directory.path("forward.sqlite"))
        _ = try forward.ingest([source("one.jsonl", records: [lora])])
        _ = try forward.ingest([source("two.jsonl", records: [citing])])
        let backward = try GraphStore(path: directory.path("backward.sqlite"))
        _ = try backward.ingest([source("two.jsonl", records: [citing])])
        #expect(try backward.referenceReport().count(.name).resolved == 0)
        _ = try backward.ingest([source("one.jsonl", records: [lora])])
        #expect(try rows(forward) == rows(backward))
        #expect(try rows(forward).count == 3)
    }

    @Test func reingestingUnchangedInputKeepsReferences() throws {
        let store = try GraphStore(path: directory.path("b.sqlite"))
        _ = try store.ingest([source("refs.jsonl", records: [lora, citing])])
        let before = try rows(store)
        _ = try store.ingest([source("refs.jsonl", records: [lora, citing])])
        #expect(try rows(store) == before)
        let report = try store.resolveReferences()
        #expect(report.resolved == 2 && report.dangling == 1)
        #expect(try rows(store) == before)
    }

    @Test func reportCountsRulesAndListsAmbiguousNames() throws {
        let store = try GraphStore(path: directory.path("c.sqlite"))
        let flashA = paper("2201.00001", "FLASH: Fast Learned Attention with Sparse Hashing", "One FLASH.")
        let flashB = paper("2201.00002", "FLASH: Federated Learning with Adaptive Secure Hashing", "Another.")
        let user = paper("2401.00009", "Kernels for Training", "FLASH kernels and LoRA adapters help; see \"Learning to Rank with Sparse Signals\".")
        let rankA = paper("2202.00001", "Learning to Rank with Sparse Signals", "First.")
        let rankB = paper("2202.00002", "Learning to Rank with Sparse Signals", "Second.")
        _ = try store.ingest([source("c.jsonl", records: [flashA, flashB, user, lora, rankA, rankB])])
        let report = try store.referenceReport()
        #expect(report.count(.name) == ReferenceReport.RuleCount(rule: "name", resolved: 1, dangling: 1))
        #expect(report.count(.title) == ReferenceReport.RuleCount(rule: "title", resolved: 0, dangling: 1))
        #expect(report.ambiguousNames == [
            ReferenceReport.AmbiguousName(name: "FLASH", claimants: ["2201.00001", "2201.00002"], mentions: 1)
        ])
        #expect(report.names == 2)
        // resolveReferences returns the same report it stores.
        #expect(try store.resolveReferences() == report)
    }

    @Test func selfReferencesNeverCount() throws {
        let store = try GraphStore(path: directory.path("d.sqlite"))
        let selfish = paper(
            "2305.11627", "LLM-Pruner: On the Structural Pruning of Large Language Models",
            "We propose LLM-Pruner, a pruning method. LLM-Pruner is fast (Ma et al., 2023); see \"LLM-Pruner: On the Structural Pruning of Large Language Models\".",
            authors: ["Xinyin Ma", "Gongfan Fang", "Xinchao Wang"], date: "2023-05-19")
        _ = try store.ingest([source("d.jsonl", records: [selfish])])
        #expect(try rows(store).isEmpty)
    }

    @Test func identifierReferencesAppearInTheUnifiedView() throws {
        let store = try GraphStore(path: directory.path("e.sqlite"))
        _ = try store.ingest([source("refs.jsonl", records: [lora, citing])])
        // The link extractor is stubbed on this branch, so write the identifier mention directly.
        try store.database.write { db in
            try db.execute(sql: """
                INSERT INTO target (kind, target, paper_id) VALUES
                  ('paper', 'arxiv:2106.09685', (SELECT id FROM paper WHERE key = '2106.09685')),
                  ('paper', 'arxiv:2501.99999', NULL);
                INSERT INTO mention (paper_id, target_id, field, start, "end", text, rule) VALUES
                  ((SELECT id FROM paper WHERE key = '2401.00001'), (SELECT id FROM target WHERE target = 'arxiv:2106.09685'),
                   'comment', 0, 16, 'arXiv:2106.09685', 'arxiv-id'),
                  ((SELECT id FROM paper WHERE key = '2401.00001'), (SELECT id FROM target WHERE target = 'arxiv:2501.99999'),
                   'comment', 20, 36, 'arXiv:2501.99999', 'arxiv-id'),
                  ((SELECT id FROM paper WHERE key = '2106.09685'), (SELECT id FROM target WHERE target = 'arxiv:2106.09685'),
                   'comment', 0, 16, 'arXiv:2106.09685', 'arxiv-id');
                """)
        }
        let references = try store.references(from: store.resolvePaper("2401.00001"))
        let identifiers = references.filter { $0.rule == "identifier" }
        #expect(identifiers.map(\.text) == ["arXiv:2106.09685", "arXiv:2501.99999"])
        #expect(identifiers[0].otherKey == "2106.09685")
        #expect(identifiers[1].citedID == nil)
        let report = try store.referenceReport()
        #expect(report.count(.identifier) == ReferenceReport.RuleCount(rule: "identifier", resolved: 1, dangling: 1))
        // The cited paper's link to itself is not a reference.
        #expect(try store.references(from: store.resolvePaper("2106.09685")).isEmpty)
    }

    @Test func version1DatabaseIsMigratedAndResolved() throws {
        let path = directory.path("v1.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator().migrate(queue, upTo: "v1-papers-targets-mentions")
            try queue.write { db in
                for (index, record) in [lora, citing].enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO paper (key, title_key, arxiv_id, title, abstract, authors, date, content_hash,
                              source_file, source_line, format)
                            VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'old.jsonl', ?, 'arxiv-listing')
                            """,
                        arguments: [
                            record.id, PaperIdentity.normalizedTitle(record.title), record.arxivID, record.title,
                            record.abstract, record.authors.joined(separator: "\n"), record.date, index + 1,
                        ])
                }
                try db.execute(sql: "PRAGMA user_version = 1")
            }
        }
        let store = try GraphStore(path: path)
        #expect(try store.referenceReport().resolved == 2)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == Schema.currentVersion)
    }

    @Test func failedIngestLeavesReferencesUntouched() throws {
        let store = try GraphStore(path: directory.path("f.sqlite"))
        _ = try store.ingest([source("refs.jsonl", records: [lora, citing])])
        let before = try rows(store)
        let issue = RecordIssue(location: SourceLocation(file: "bad.jsonl", line: 2), message: "truncated JSON")
        #expect(throws: StoreError.self) {
            try store.ingest([source("bad.jsonl", [.success(paper("2402.00001", "Another LoRA Study", "Beyond LoRA we go.")), .failure(issue)])],
                             options: IngestOptions(strict: true))
        }
        #expect(try rows(store) == before)
    }
}
