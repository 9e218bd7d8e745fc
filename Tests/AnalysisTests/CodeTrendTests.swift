import Foundation
import GRDB
import Testing

import Corpus
import GraphStore

@testable import Analysis

@Suite struct CodeTrendTests {
    /// SmallStore plus statuses: 1 released (Jan), 2 promised with repo links (Mar), 3 none (Mar),
    /// 4 promised (undated), 5 unclassified (Mar, cs.CL).
    static func store() throws -> SmallStore {
        let store = try SmallStore()
        try store.database.write { db in
            try Insert.codeStatus(db, paper: 1, status: "released")
            try Insert.codeStatus(db, paper: 2, status: "promised")
            try Insert.codeStatus(db, paper: 3, status: "none")
            try Insert.codeStatus(db, paper: 4, status: "promised")
            try Insert.paper(db, id: 5, arxivID: "2503.00005", categories: "cs.CL", date: "2025-03-20")
        }
        return store
    }

    @Test func monthlySharesAndPromisedWithLinks() throws {
        let store = try Self.store()
        defer { store.database.remove() }
        let trend = try CodeTrends.compute(in: store.database.queue)
        #expect(trend.undated == 1)
        #expect(trend.rows.map(\.period) == ["2025-01", "2025-03"])
        let march = trend.rows[1]
        #expect(march.papers == 3 && march.promised == 1 && march.none == 1 && march.unclassified == 1)
        #expect(march.released == 0 && march.promisedWithRepoLink == 1)
        #expect(abs(march.promisedShare - 1.0 / 3) < 1e-15)
        #expect(trend.rows[0].releasedShare == 1)
        #expect(trend.totals.papers == 4 && trend.totals.released == 1)
        let json = String(decoding: try JSONEncoder().encode(trend.rows[0]), as: UTF8.self)
        #expect(json.contains("\"releasedShare\":1") && json.contains("\"period\":\"2025-01\""))
    }

    @Test func yearlyCategoryAndDateFilters() throws {
        let store = try Self.store()
        defer { store.database.remove() }
        let yearly = try CodeTrends.compute(in: store.database.queue, granularity: .year)
        #expect(yearly.rows.map(\.period) == ["2025"] && yearly.rows[0].papers == 4)
        let cl = try CodeTrends.compute(in: store.database.queue, categories: ["cs.CL"])
        #expect(cl.rows.map(\.papers) == [1, 2] && cl.undated == 0)
        let lg = try CodeTrends.compute(in: store.database.queue, categories: ["cs.LG", "cs.CV"])
        #expect(lg.rows.map(\.papers) == [2])
        let bounded = try CodeTrends.compute(in: store.database.queue, since: "2025-02", until: "2025-03-19")
        #expect(bounded.rows.map(\.papers) == [1])  // only paper 2 (03-05)
        #expect(throws: AnalysisError.invalidDate("soon")) { try CodeTrends.compute(in: store.database.queue, since: "soon") }
    }

    @Test func emptyAndSchemalessDatabases() throws {
        let empty = try TestDatabase()
        defer { empty.remove() }
        let trend = try CodeTrends.compute(in: empty.queue)
        #expect(trend.rows.isEmpty && trend.undated == 0 && trend.totals.releasedShare == 0)
        let bare = try TestDatabase(schema: false)
        defer { bare.remove() }
        #expect(throws: AnalysisError.missingTable("paper")) { try CodeTrends.compute(in: bare.queue) }
    }
}

/// promised → released follow-ups, end to end: ingest through GraphStore, count in Analysis.
@Suite struct CodeFollowUpTests {
    static func record(_ abstract: String, date: String, file: String, line: Int, id: String = "2502.00001") -> PaperRecord {
        PaperRecord(
            arxivID: id, title: "Lattice Widgets \(id)", abstract: abstract, authors: ["Ada Lovelace"],
            categories: ["cs.LG"], date: date, source: SourceLocation(file: file, line: line), format: .arxivListing)
    }

    static func ingest(_ store: GraphStore, _ name: String, _ records: [PaperRecord]) throws {
        _ = try store.ingest([
            IngestSource(name: name) {
                var iterator = records.makeIterator()
                return AnyIterator { iterator.next().map { .success($0) } }
            }
        ])
    }

    @Test func aLaterRecordWithTheRepoLinkIsAFollowUp() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pg-followup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try GraphStore(path: directory.appendingPathComponent("db.sqlite").path)
        try Self.ingest(store, "feb.jsonl", [
            Self.record("Lattice widgets. Code will be released upon acceptance.", date: "2025-02-03", file: "feb.jsonl", line: 1),
            Self.record("Other widgets. Code will be released soon.", date: "2025-02-04", file: "feb.jsonl", line: 2, id: "2502.00002"),
        ])
        #expect(try CodeTrends.compute(in: store.database).totals.followUps == 0)
        try Self.ingest(store, "jun.jsonl", [
            Self.record("Lattice widgets. Code is available at https://github.com/acme/lattice.", date: "2025-06-10", file: "jun.jsonl", line: 9)
        ])
        let trend = try CodeTrends.compute(in: store.database)
        #expect(trend.rows.map(\.period) == ["2025-02", "2025-06"])
        #expect(trend.rows.map(\.followUps) == [0, 1])
        #expect(trend.rows[1].released == 1 && trend.rows[0].promised == 1)
        #expect(trend.followUps.map(\.key) == ["2502.00001"])
        #expect(trend.followUps.first.map { "\($0.sourceFile):\($0.sourceLine) \($0.date ?? "")" } == "jun.jsonl:9 2025-06-10")
        #expect(try CodeTrends.compute(in: store.database, granularity: .year).totals.followUps == 1)
        #expect(try CodeTrends.compute(in: store.database, until: "2025-05").followUps.isEmpty)
        #expect(try CodeTrends.compute(in: store.database, categories: ["cs.CV"]).followUps.isEmpty)
    }
}
