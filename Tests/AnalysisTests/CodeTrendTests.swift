import Foundation
import GRDB
import Testing

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
