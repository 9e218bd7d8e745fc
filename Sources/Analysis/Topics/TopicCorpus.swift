import Dispatch
import Foundation
import GRDB
import GraphStore

/// Everything topic modelling reads from the store, in paper order (ascending `paper.id`):
/// the keyphrases of every paper, its primary arXiv category, and the link targets it
/// mentions.
public struct TopicCorpus: Sendable {
    public let paperIDs: [Int64]
    /// First listed arXiv category of each paper (the primary one), nil when none.
    public let primaryCategories: [String?]
    public let keyphrases: KeyphraseIndex
    /// Distinct link targets (`target.id`) of paper i: `linkTargets[linkStart[i]..<linkStart[i+1]]`,
    /// ascending. Targets that resolve to a stored paper are citations, not links, and left out.
    public let linkStart: [Int]
    public let linkTargets: [Int64]

    public var paperCount: Int { paperIDs.count }

    public init(
        paperIDs: [Int64], primaryCategories: [String?], keyphrases: KeyphraseIndex, linkStart: [Int],
        linkTargets: [Int64]
    ) {
        precondition(paperIDs.count == keyphrases.paperCount && primaryCategories.count == paperIDs.count)
        precondition(linkStart.count == paperIDs.count + 1)
        self.paperIDs = paperIDs
        self.primaryCategories = primaryCategories
        self.keyphrases = keyphrases
        self.linkStart = linkStart
        self.linkTargets = linkTargets
    }

    /// Links of paper `i`.
    public func links(ofPaper i: Int) -> ArraySlice<Int64> { linkTargets[linkStart[i]..<linkStart[i + 1]] }

    /// Reads titles, abstracts, categories and mentions of every paper in `store`. The text is
    /// indexed in two halves on two threads, each with its own read connection, and merged in
    /// paper order, which gives the same index as one pass (``KeyphraseIndexer/absorb(_:)``).
    public static func load(_ store: GraphStore, phrasesPerPaper: Int = 30) throws -> TopicCorpus {
        let ids = try store.read { db in
            for table in ["paper", "target", "mention"] where try !db.tableExists(table) {
                throw AnalysisError.missingTable(table)
            }
            return try Int64.fetchAll(db, sql: "SELECT id FROM paper ORDER BY id")
        }
        guard ids.count >= 1_000 else {
            return try store.database.read { db in try load(db, phrasesPerPaper: phrasesPerPaper) }
        }
        let split = ids[ids.count / 2]
        let parts = UnsafeMutableBufferPointer<Result<IndexedPart, any Error>?>.allocate(capacity: 2)
        parts.initialize(repeating: nil)
        defer { parts.deallocate() }
        let slots = SendableBuffer(parts)
        let path = store.path
        let firstHalf = store.database
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            slots.buffer[half] = Result {
                if half == 0 { return try firstHalf.read { db in try indexPart(db, below: split) } }
                var configuration = Configuration()
                configuration.readonly = true
                configuration.busyMode = .timeout(2)
                return try DatabaseQueue(path: path, configuration: configuration).read { db in
                    try indexPart(db, from: split)
                }
            }
        }
        guard var first = try parts[0]?.get(), let second = try parts[1]?.get() else {
            throw AnalysisError.missingTable("paper")
        }
        first.indexer.absorb(second.indexer)
        let links = try store.database.read { db in try Self.links(db, paperIDs: ids) }
        return TopicCorpus(
            paperIDs: first.paperIDs + second.paperIDs, primaryCategories: first.categories + second.categories,
            keyphrases: first.indexer.finish(phrasesPerPaper: phrasesPerPaper), linkStart: links.start,
            linkTargets: links.targets)
    }

    /// One pass over the papers of `db` (for small stores and tests).
    public static func load(_ db: Database, phrasesPerPaper: Int = 30) throws -> TopicCorpus {
        for table in ["paper", "target", "mention"] where try !db.tableExists(table) {
            throw AnalysisError.missingTable(table)
        }
        let part = try indexPart(db)
        let links = try Self.links(db, paperIDs: part.paperIDs)
        return TopicCorpus(
            paperIDs: part.paperIDs, primaryCategories: part.categories,
            keyphrases: part.indexer.finish(phrasesPerPaper: phrasesPerPaper), linkStart: links.start,
            linkTargets: links.targets)
    }

    struct IndexedPart: Sendable {
        var indexer = KeyphraseIndexer()
        var paperIDs: [Int64] = []
        var categories: [String?] = []
    }

    /// Indexes the papers with `below` > id >= `from`, in id order. Text is scanned straight
    /// from SQLite's buffers, never copied into Swift strings.
    static func indexPart(_ db: Database, from: Int64 = .min, below: Int64 = .max) throws -> IndexedPart {
        var part = IndexedPart()
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, title, abstract, categories FROM paper WHERE id >= ? AND id < ? ORDER BY id",
            arguments: [from, below])
        let empty: [UInt8] = [0]
        while let row = try rows.next() {
            part.paperIDs.append(row[0])
            let listed: String? = row[3]
            part.categories.append(listed.flatMap { $0.split(separator: " ").first.map(String.init) })
            try row.withUnsafeData(atIndex: 1) { title in
                try row.withUnsafeData(atIndex: 2) { abstract in
                    empty.withUnsafeBufferPointer { none in
                        Self.bytes(title, fallback: none) { titleBytes in
                            Self.bytes(abstract, fallback: none) { abstractBytes in
                                part.indexer.add(titleBytes: titleBytes, abstractBytes: abstractBytes)
                            }
                        }
                    }
                }
            }
        }
        return part
    }

    /// Distinct link targets per paper (`paperIDs` ascending), citations of stored papers excluded.
    static func links(_ db: Database, paperIDs: [Int64]) throws -> (start: [Int], targets: [Int64]) {
        let paperIndex = StoreIDIndex(paperIDs[...], firstNode: 0)
        var pairs: [(paper: Int32, target: Int64)] = []
        let mentions = try Row.fetchCursor(
            db,
            sql: "SELECT m.paper_id, m.target_id FROM mention m JOIN target t ON t.id = m.target_id WHERE t.paper_id IS NULL")
        while let row = try mentions.next() {
            guard let paper = paperIndex.node(for: row[0]) else { continue }
            pairs.append((paper, row[1]))
        }
        pairs.sort { $0.paper != $1.paper ? $0.paper < $1.paper : $0.target < $1.target }
        var linkStart = [Int](repeating: 0, count: paperIDs.count + 1)
        var linkTargets: [Int64] = []
        var previous: (Int32, Int64)? = nil
        for pair in pairs {
            if let previous, previous == (pair.paper, pair.target) { continue }
            previous = (pair.paper, pair.target)
            linkTargets.append(pair.target)
            linkStart[Int(pair.paper) + 1] += 1
        }
        for i in 0..<paperIDs.count { linkStart[i + 1] += linkStart[i] }
        return (linkStart, linkTargets)
    }

    private static func bytes(
        _ data: Data?, fallback: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        guard let data, !data.isEmpty else {
            body(UnsafeBufferPointer(rebasing: fallback[0..<0]))
            return
        }
        data.withUnsafeBytes { raw in body(raw.bindMemory(to: UInt8.self)) }
    }
}
