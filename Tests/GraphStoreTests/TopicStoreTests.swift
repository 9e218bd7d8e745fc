import Corpus
import Foundation
import GRDB
import Testing

@testable import GraphStore

@Suite struct TopicStoreTests {
    let directory = TemporaryDirectory()

    private func run(_ source: String = "keyphrases", parameters: String = "v1 min-size=2", topics: Int = 2) -> StoredTopicRun {
        StoredTopicRun(
            source: source, parameters: parameters, fingerprint: "f", paperCount: 5, modularity: source == "keyphrases" ? 0.5 : nil,
            topics: (1...topics).map { number in
                StoredTopic(
                    number: number, label: "topic \(number)",
                    papers: [StoredTopicPaper(paperID: Int64(number * 10), score: 2.5), StoredTopicPaper(paperID: Int64(number * 10 + 1), score: 1)],
                    phrases: [StoredTopicPhrase(phrase: "phrase \(number)", score: 3.25, papers: 2),
                              StoredTopicPhrase(phrase: "other \(number)", score: 1.5, papers: 1)])
            })
    }

    @Test func runsRoundTrip() throws {
        let store = try GraphStore(path: directory.path("a.sqlite"))
        #expect(try store.storedTopics(source: "keyphrases") == nil)
        let saved = run()
        try store.saveTopics(saved)
        #expect(try store.storedTopics(source: "keyphrases") == saved)
        #expect(try store.storedTopicSources() == ["keyphrases"])
    }

    @Test func savingReplacesOnlyThatSourcesRun() throws {
        let store = try GraphStore(path: directory.path("b.sqlite"))
        try store.saveTopics(run("keyphrases", topics: 3))
        try store.saveTopics(run("categories", parameters: "v1 min-size=1", topics: 2))
        let replacement = run("keyphrases", parameters: "v1 min-size=9", topics: 1)
        try store.saveTopics(replacement)
        #expect(try store.storedTopics(source: "keyphrases") == replacement)
        #expect(try store.storedTopics(source: "categories")?.topics.count == 2)
        let orphans = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM topic_paper WHERE topic_id NOT IN (SELECT id FROM topic)")
        }
        #expect(orphans == 0, "replaced topics take their papers and labels with them")
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM topic_label") } == 6)
    }

    @Test func emptyRunIsStored() throws {
        let store = try GraphStore(path: directory.path("c.sqlite"))
        let empty = StoredTopicRun(source: "keyphrases", parameters: "v1", fingerprint: "x", paperCount: 0, modularity: nil, topics: [])
        try store.saveTopics(empty)
        #expect(try store.storedTopics(source: "keyphrases") == empty)
    }

    @Test func fingerprintFollowsIngests() throws {
        let store = try GraphStore(path: directory.path("d.sqlite"))
        let empty = try store.topicFingerprint()
        #expect(empty.hasPrefix("papers=0"))
        _ = try store.ingest([source("one.jsonl", records: [record("2401.00001", "Widgets", "About widgets.")])])
        let one = try store.topicFingerprint()
        #expect(one != empty)
        #expect(try store.topicFingerprint() == one, "reading does not change it")
        _ = try store.ingest([source("two.jsonl", records: [record("2401.00002", "Gadgets", "About gadgets.")])])
        #expect(try store.topicFingerprint() != one)
    }

    @Test func olderDatabasesGainTheTopicTables() throws {
        let path = directory.path("e.sqlite")
        do {
            let store = try GraphStore(path: path)
            _ = try store.ingest([source("one.jsonl", records: [record("2401.00001", "Widgets", "About widgets.")])])
            // Back to what papergraph wrote before topics existed.
            try store.database.write { db in
                try db.execute(sql: "DROP TABLE topic_label; DROP TABLE topic_paper; DROP TABLE topic; DROP TABLE topic_run")
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4-topics'")
                try db.execute(sql: "PRAGMA user_version = 3")
            }
        }
        let reopened = try GraphStore(path: path)
        #expect(try reopened.read { db in try db.tableExists("topic_run") && db.tableExists("topic_paper") })
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == Schema.currentVersion)
        #expect(try reopened.stats().papers == 1)
    }

    @Test func paperRefsNameStoredPapers() throws {
        let store = try GraphStore(path: directory.path("f.sqlite"))
        _ = try store.ingest([source("one.jsonl", records: [record("2401.00001", "Widgets", "About widgets.")])])
        let id = try store.resolvePaper("2401.00001")
        let refs = try store.paperRefs(ids: [id, 999])
        #expect(refs.count == 1)
        #expect(refs[id]?.title == "Widgets")
    }
}
