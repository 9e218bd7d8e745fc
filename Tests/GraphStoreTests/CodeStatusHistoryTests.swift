import Corpus
import Foundation
import GRDB
import Testing
@testable import GraphStore

@Suite struct CodeStatusHistoryTests {
    let directory = TemporaryDirectory()

    let promised = record(
        "2502.00001", "Lattice Widgets", "We build lattice widgets. Code will be released upon acceptance.",
        date: "2025-02-03", file: "february.jsonl", line: 3)
    /// The same paper listed again months later, now with its repository.
    var released: PaperRecord {
        record(
            "2502.00001", "Lattice Widgets",
            "We build lattice widgets. Code is available at https://github.com/acme/lattice-widgets.",
            date: "2025-06-10", file: "june.jsonl", line: 7)
    }

    @Test func firstClassificationRecordsNothing() throws {
        let store = try GraphStore(path: directory.path("a.sqlite"))
        _ = try store.ingest([source("february.jsonl", records: [promised])])
        #expect(try store.read { db in try CodeStatusHistory.changes(db) }.isEmpty)
    }

    @Test func promisedThenReleasedIsAFollowUpWithTheLaterRecordsLocation() throws {
        let store = try GraphStore(path: directory.path("b.sqlite"))
        _ = try store.ingest([source("february.jsonl", records: [promised])])
        _ = try store.ingest([source("june.jsonl", records: [released])])
        let changes = try store.read { db in try CodeStatusHistory.changes(db) }
        #expect(changes.count == 1)
        let change = try #require(changes.first)
        #expect(change.paperKey == "2502.00001" && change.title == "Lattice Widgets")
        #expect(change.fromStatus == "promised" && change.status == "released" && change.isFollowUp)
        #expect(change.sourceFile == "june.jsonl" && change.sourceLine == 7 && change.date == "2025-06-10")

        // Re-reading the same records changes nothing and records nothing.
        _ = try store.ingest([source("june.jsonl", records: [released])])
        #expect(try store.read { db in try CodeStatusHistory.changes(db) }.count == 1)
    }

    @Test func bothRecordsInOneIngestAndEveryLaterChange() throws {
        let store = try GraphStore(path: directory.path("c.sqlite"))
        var withdrawn = released
        withdrawn.abstract = "We build lattice widgets."
        withdrawn.source = SourceLocation(file: "july.jsonl", line: 1)
        _ = try store.ingest([source("all.jsonl", records: [promised, released]), source("july.jsonl", records: [withdrawn])])
        let changes = try store.read { db in try CodeStatusHistory.changes(db) }
        #expect(changes.map { "\($0.fromStatus)>\($0.status)@\($0.sourceFile):\($0.sourceLine)" }
            == ["promised>released@june.jsonl:7", "released>none@july.jsonl:1"])
        #expect(changes.filter(\.isFollowUp).count == 1)
    }

    @Test func plainUpdatesAreRecordedToo() throws {
        let store = try GraphStore(path: directory.path("d.sqlite"))
        _ = try store.ingest([source("february.jsonl", records: [promised])])
        try store.database.write { db in
            try db.execute(sql: "UPDATE code_status SET status = 'released'")
        }
        let changes = try store.read { db in try CodeStatusHistory.changes(db) }
        #expect(changes.map(\.isFollowUp) == [true])
        #expect(changes.first?.sourceFile == "february.jsonl")
    }

    @Test func deletingAPaperDeletesItsHistory() throws {
        let store = try GraphStore(path: directory.path("e.sqlite"))
        _ = try store.ingest([source("all.jsonl", records: [promised, released])])
        try store.database.write { db in try db.execute(sql: "DELETE FROM paper") }
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM code_status_history") } == 0)
    }

    @Test func version2DatabaseGainsTheHistoryTable() throws {
        let path = directory.path("v2.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator().migrate(queue, upTo: "v2-references")
            try queue.write { db in try db.execute(sql: "PRAGMA user_version = 2") }
        }
        let store = try GraphStore(path: path)
        #expect(try store.read { db in try db.tableExists(CodeStatusHistory.table) })
        #expect(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == Schema.currentVersion)
        _ = try store.ingest([source("february.jsonl", records: [promised]), source("june.jsonl", records: [released])])
        #expect(try store.read { db in try CodeStatusHistory.changes(db) }.filter(\.isFollowUp).count == 1)
    }
}
