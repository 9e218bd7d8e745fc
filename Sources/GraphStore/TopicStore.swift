import Foundation
import GRDB
import GRDBSQLite

/// One stored topic computation: the topics of one source (`keyphrases` or `categories`),
/// with the parameters and the store state they were computed from.
public struct StoredTopicRun: Sendable, Hashable {
    /// `keyphrases` or `categories`.
    public var source: String
    /// Canonical parameter text; a run with other parameters is a different run.
    public var parameters: String
    /// ``GraphStore/topicFingerprint()`` when the topics were computed.
    public var fingerprint: String
    /// Papers in the store at the time (assigned or not).
    public var paperCount: Int
    /// Modularity of the partition, for topics found by community detection.
    public var modularity: Double?
    /// Topics, numbered 1… by size.
    public var topics: [StoredTopic]

    public init(
        source: String, parameters: String, fingerprint: String, paperCount: Int, modularity: Double?,
        topics: [StoredTopic]
    ) {
        self.source = source
        self.parameters = parameters
        self.fingerprint = fingerprint
        self.paperCount = paperCount
        self.modularity = modularity
        self.topics = topics
    }

    /// Papers that belong to a topic.
    public var assignedCount: Int { topics.reduce(0) { $0 + $1.papers.count } }
}

public struct StoredTopic: Sendable, Hashable {
    /// 1 for the largest topic of its run.
    public var number: Int
    /// A short name: the best label phrases, or the arXiv category.
    public var label: String
    /// Member papers, most representative first.
    public var papers: [StoredTopicPaper]
    /// The phrases that set the topic apart from the rest, best first.
    public var phrases: [StoredTopicPhrase]

    public var size: Int { papers.count }

    public init(number: Int, label: String, papers: [StoredTopicPaper], phrases: [StoredTopicPhrase]) {
        self.number = number
        self.label = label
        self.papers = papers
        self.phrases = phrases
    }
}

public struct StoredTopicPaper: Sendable, Hashable {
    public var paperID: Int64
    public var score: Double

    public init(paperID: Int64, score: Double) {
        self.paperID = paperID
        self.score = score
    }
}

public struct StoredTopicPhrase: Sendable, Hashable {
    public var phrase: String
    public var score: Double
    /// Papers of the topic that have the phrase among their keyphrases.
    public var papers: Int

    public init(phrase: String, score: Double, papers: Int) {
        self.phrase = phrase
        self.score = score
        self.papers = papers
    }
}

/// Schema v3: topic assignments, so that other commands can filter by topic without
/// recomputing them. One run per source; saving a run replaces the previous one.
enum TopicStore {
    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE topic_run (
              source TEXT PRIMARY KEY,
              parameters TEXT NOT NULL,
              fingerprint TEXT NOT NULL,
              papers INTEGER NOT NULL,
              modularity REAL
            ) WITHOUT ROWID;

            CREATE TABLE topic (
              id INTEGER PRIMARY KEY,
              source TEXT NOT NULL REFERENCES topic_run(source) ON DELETE CASCADE,
              number INTEGER NOT NULL,
              label TEXT NOT NULL,
              size INTEGER NOT NULL,
              UNIQUE (source, number)
            );

            -- paper_id is deliberately not a foreign key: its index would make replacing a run
            -- of 200,000 papers 5x slower, and a run whose papers changed is recomputed anyway
            -- (its fingerprint no longer matches the store).
            CREATE TABLE topic_paper (
              topic_id INTEGER NOT NULL REFERENCES topic(id) ON DELETE CASCADE,
              paper_id INTEGER NOT NULL,
              rank INTEGER NOT NULL,
              score REAL NOT NULL,
              PRIMARY KEY (topic_id, paper_id)
            ) WITHOUT ROWID;

            CREATE TABLE topic_label (
              topic_id INTEGER NOT NULL REFERENCES topic(id) ON DELETE CASCADE,
              rank INTEGER NOT NULL,
              phrase TEXT NOT NULL,
              score REAL NOT NULL,
              papers INTEGER NOT NULL,
              PRIMARY KEY (topic_id, rank)
            ) WITHOUT ROWID;
            """)
    }

    /// What topics depend on, read cheaply (no scan of the paper table): paper and mention
    /// counts, the highest paper id, and each source file's last ingest (time and counts).
    /// Any ingest, even one that changed nothing, changes it, so topics are recomputed
    /// conservatively rather than served stale.
    static func fingerprint(_ db: Database) throws -> String {
        let papers = try Int.fetchOne(db, sql: "SELECT count(*) FROM paper") ?? 0
        let maxID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM paper") ?? 0
        let mentions = try Int.fetchOne(db, sql: "SELECT count(*) FROM mention") ?? 0
        var hash = FNV1a()
        let sources = try Row.fetchAll(
            db,
            sql: """
                SELECT path, last_ingested_at, records, papers_new, papers_updated, papers_unchanged, skipped
                FROM source ORDER BY path
                """)
        for row in sources {
            for column in 0..<row.count { hash.add(String(describing: row[column] as DatabaseValue)) }
        }
        return "papers=\(papers) max-id=\(maxID) mentions=\(mentions) sources=\(String(hash.value, radix: 16))"
    }

    static func save(_ run: StoredTopicRun, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM topic_run WHERE source = ?", arguments: [run.source])
        try db.execute(
            sql: "INSERT INTO topic_run (source, parameters, fingerprint, papers, modularity) VALUES (?, ?, ?, ?, ?)",
            arguments: [run.source, run.parameters, run.fingerprint, run.paperCount, run.modularity])
        let insertTopic = try db.makeStatement(
            sql: "INSERT INTO topic (source, number, label, size) VALUES (?, ?, ?, ?)")
        // The one table with a row per paper goes through the C API, as ingest does.
        let insertPaper = try RawStatement(
            db, sql: "INSERT INTO topic_paper (topic_id, paper_id, rank, score) VALUES (?1, ?2, ?3, ?4)")
        let insertLabel = try db.makeStatement(
            sql: "INSERT INTO topic_label (topic_id, rank, phrase, score, papers) VALUES (?, ?, ?, ?, ?)")
        for topic in run.topics {
            try insertTopic.execute(arguments: [run.source, topic.number, topic.label, topic.size])
            let topicID = db.lastInsertedRowID
            for (rank, paper) in topic.papers.enumerated() {
                insertPaper.bind(1, topicID)
                insertPaper.bind(2, paper.paperID)
                insertPaper.bind(3, rank + 1)
                sqlite3_bind_double(insertPaper.statement.sqliteStatement, 4, paper.score)
                try insertPaper.run()
            }
            for (rank, phrase) in topic.phrases.enumerated() {
                try insertLabel.execute(arguments: [topicID, rank + 1, phrase.phrase, phrase.score, phrase.papers])
            }
        }
    }

    static func load(source: String, _ db: Database) throws -> StoredTopicRun? {
        guard let runRow = try Row.fetchOne(db, sql: "SELECT * FROM topic_run WHERE source = ?", arguments: [source])
        else { return nil }
        var topics: [StoredTopic] = []
        var indexByID: [Int64: Int] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT id, number, label FROM topic WHERE source = ? ORDER BY number", arguments: [source])
        {
            indexByID[row[0]] = topics.count
            topics.append(StoredTopic(number: row[1], label: row[2], papers: [], phrases: []))
        }
        let papers = try Row.fetchCursor(
            db,
            sql: """
                SELECT tp.topic_id, tp.paper_id, tp.score FROM topic_paper tp JOIN topic t ON t.id = tp.topic_id
                WHERE t.source = ? ORDER BY tp.topic_id, tp.rank
                """, arguments: [source])
        while let row = try papers.next() {
            guard let index = indexByID[row[0]] else { continue }
            topics[index].papers.append(StoredTopicPaper(paperID: row[1], score: row[2]))
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT tl.topic_id, tl.phrase, tl.score, tl.papers FROM topic_label tl JOIN topic t ON t.id = tl.topic_id
                WHERE t.source = ? ORDER BY tl.topic_id, tl.rank
                """, arguments: [source])
        {
            guard let index = indexByID[row[0]] else { continue }
            topics[index].phrases.append(StoredTopicPhrase(phrase: row[1], score: row[2], papers: row[3]))
        }
        return StoredTopicRun(
            source: source, parameters: runRow["parameters"], fingerprint: runRow["fingerprint"],
            paperCount: runRow["papers"], modularity: runRow["modularity"], topics: topics)
    }
}

extension GraphStore {
    /// A summary of what topics are computed from; when it differs from a stored run's, the
    /// store changed since (see `TopicStore.fingerprint`).
    public func topicFingerprint() throws(StoreError) -> String {
        try read { db in try TopicStore.fingerprint(db) }
    }

    /// Replaces the stored run of `run.source` in one transaction.
    public func saveTopics(_ run: StoredTopicRun) throws(StoreError) {
        do {
            try database.write { db in try TopicStore.save(run, db) }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// The stored run of `source`, or nil when topics of that source were never computed.
    public func storedTopics(source: String) throws(StoreError) -> StoredTopicRun? {
        try read { db in try TopicStore.load(source: source, db) }
    }

    /// Key and title of each of `ids` that exists.
    public func paperRefs(ids: [Int64]) throws(StoreError) -> [Int64: PaperRef] {
        try read { db in
            var found: [Int64: PaperRef] = [:]
            let statement = try db.makeStatement(sql: "SELECT key, title FROM paper WHERE id = ?")
            for id in ids {
                if let row = try Row.fetchOne(statement, arguments: [id]) {
                    found[id] = PaperRef(key: row[0], title: row[1])
                }
            }
            return found
        }
    }

    /// Sources with a stored run, sorted.
    public func storedTopicSources() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT source FROM topic_run ORDER BY source") }
    }
}
