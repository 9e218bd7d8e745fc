import Corpus
import Dispatch
import Extraction
import Foundation
import GRDB
import GRDBSQLite

/// What one resolution pass found.
public struct ReferenceReport: Sendable, Hashable {
    public struct RuleCount: Sendable, Hashable {
        public var rule: String
        /// References that point at exactly one stored paper.
        public var resolved: Int
        /// References written in the text that no single stored paper fits (kept with their text).
        public var dangling: Int
    }

    public struct AmbiguousName: Sendable, Hashable {
        public var name: String
        /// Keys of the papers that claim the name, sorted.
        public var claimants: [String]
        /// How many times other abstracts use the name (kept as dangling references).
        public var mentions: Int
    }

    /// One entry per rule, in `ReferenceRule` order (identifier, name, author-year, title).
    public var rules: [RuleCount]
    /// Distinct names in the dictionary, ambiguous ones included.
    public var names: Int
    public var ambiguousNames: [AmbiguousName]

    public var resolved: Int { rules.reduce(0) { $0 + $1.resolved } }
    public var dangling: Int { rules.reduce(0) { $0 + $1.dangling } }

    public func count(_ rule: ReferenceRule) -> RuleCount {
        rules.first { $0.rule == rule.rawValue } ?? RuleCount(rule: rule.rawValue, resolved: 0, dangling: 0)
    }
}

/// A paper reference as stored, with the other paper's key and title.
public struct StoredReference: Sendable, Hashable {
    public var citingID: Int64
    public var citedID: Int64?
    public var rule: String
    public var field: String
    public var start: Int
    public var end: Int
    public var text: String
    public var citedText: String?
    /// Key and title of the paper on the other side of the edge (the cited one for outgoing
    /// references, the citing one for incoming); nil for a dangling reference.
    public var otherKey: String?
    public var otherTitle: String?
}

extension GraphStore {
    /// Rebuilds the name, author–year and title references of every stored paper in one write
    /// transaction. Ingest does this itself; this is for a database whose rules changed.
    @discardableResult
    public func resolveReferences() throws(StoreError) -> ReferenceReport {
        do {
            return try database.write { db in
                _ = try ReferenceResolver.rebuild(db, reporting: false)
                return try ReferenceResolver.report(db)
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Counts of the stored references and the ambiguous names, without resolving again.
    public func referenceReport() throws(StoreError) -> ReferenceReport {
        try read { db in try ReferenceResolver.report(db) }
    }

    /// Every reference a paper's text makes (identifiers included), in text order.
    public func references(from paperID: Int64) throws(StoreError) -> [StoredReference] {
        try read { db in
            try ReferenceResolver.stored(
                db, sql: """
                    SELECT r.*, p.key AS other_key, p.title AS other_title FROM paper_reference r
                    LEFT JOIN paper p ON p.id = r.cited_id WHERE r.citing_id = ?
                    ORDER BY CASE r.field WHEN 'abstract' THEN 0 WHEN 'comment' THEN 1 ELSE 2 END, r.field, r.start, r.rule
                    """, paperID)
        }
    }

    /// Every reference other papers make to this one, by citing paper then position.
    public func references(to paperID: Int64) throws(StoreError) -> [StoredReference] {
        try read { db in
            try ReferenceResolver.stored(
                db, sql: """
                    SELECT r.*, p.key AS other_key, p.title AS other_title FROM paper_reference r
                    JOIN paper p ON p.id = r.citing_id WHERE r.cited_id = ?
                    ORDER BY p.key, r.field, r.start, r.rule
                    """, paperID)
        }
    }
}

/// Builds the `reference` and `paper_name` tables from the stored papers. Two streaming passes
/// over the `paper` table: the first collects names, authors, years and titles into a
/// `ReferenceIndex`, the second scans each abstract once against the compiled index.
///
/// Rows are read in batches; each batch's abstracts are copied out of SQLite and examined on
/// every core (resolution runs at the end of ingest, when the reading thread is idle), while
/// this thread does all the SQLite work. Results are applied in row order, so the outcome does
/// not depend on the number of cores.
enum ReferenceResolver {
    static let batchSize = 4096

    /// Rebuilds both tables; the report (a few aggregate queries) only when asked for.
    @discardableResult
    static func rebuild(_ db: Database, reporting: Bool = true) throws -> ReferenceReport? {
        var index = ReferenceIndex()
        var rowIDs: [Int64] = []
        var batch = PaperBatch()
        func addBatch() {
            let titles = batch.titles
            let claims = batch.parallelMap { row, abstract in PaperClaims(title: titles[row], abstract: abstract) }
            for row in 0..<min(batch.count, claims.count) {
                let metadata = batch.metadata[row]
                index.add(
                    key: metadata.key, arxivID: metadata.arxivID, doi: metadata.doi, title: batch.titles[row],
                    claims: claims[row], authors: metadata.firstAuthors, authorCount: metadata.authorCount,
                    date: metadata.date, mergingDuplicates: false)
            }
            batch.removeAll()
        }
        try forEachRow(
            db, sql: "SELECT id, key, arxiv_id, doi, title, abstract, authors, author_count, date FROM paper ORDER BY id"
        ) { row in
            rowIDs.append(sqlite3_column_int64(row, 0))
            let (firstAuthors, authorLines) = leadingAuthors(row, column: 6)
            let authorCount = sqlite3_column_type(row, 7) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(row, 7))
            batch.append(
                abstract: bytes(row, 5), title: text(row, 4) ?? "",
                metadata: PaperBatch.Metadata(
                    key: text(row, 1) ?? "", arxivID: text(row, 2), doi: text(row, 3), firstAuthors: firstAuthors,
                    authorCount: max(authorLines, authorCount ?? 0), date: text(row, 8)))
            if batch.count == batchSize { addBatch() }
        }
        addBatch()
        let matcher = index.compiled()

        // Each row's foreign keys look up two papers, the cited one anywhere in the table: a
        // larger page cache for this pass keeps those lookups off the disk. Restored afterwards.
        let previousCacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = \(min(previousCacheSize, -65536))")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(previousCacheSize)") }
        try db.execute(sql: "DELETE FROM reference; DELETE FROM paper_name;")
        let insert = try RawStatement(db, sql: """
            INSERT INTO reference (citing_id, cited_id, rule, field, start, "end", text, cited_text)
            VALUES (?1, ?2, ?3, 'abstract', ?4, ?5, ?6, ?7)
            """)
        // Pass 2 keeps each abstract's title and citation references and name occurrences;
        // names that other papers used before their claimant are then pruned (which needs every
        // abstract), and only then are names chosen and rows written.
        var scans: [(position: Int, scan: AbstractScan)] = []
        var uses: [(citing: Int, names: [Int32])] = []
        var firstPosition = 0
        func scanBatch() {
            let base = firstPosition
            let collected = batch.parallelMap(scanner: matcher) { scanner, row, abstract in
                scanner.collect(abstract, citing: base + row)
            }
            for (row, scan) in collected.enumerated() where !scan.isEmpty {
                scans.append((base + row, scan))
                let used = scan.usedNames
                if !used.isEmpty { uses.append((base + row, used)) }
            }
            firstPosition += batch.count
            batch.removeAll()
        }
        // Same transaction, same ORDER BY: the second pass meets the rows in the first pass's order.
        try forEachRow(db, sql: "SELECT id, abstract FROM paper ORDER BY id") { row in
            let position = firstPosition + batch.count
            guard position < rowIDs.count, rowIDs[position] == sqlite3_column_int64(row, 0) else {
                throw DatabaseError(resultCode: .SQLITE_ERROR, message: "the paper table changed during reference resolution")
            }
            batch.append(abstract: bytes(row, 1))
            if batch.count == batchSize { scanBatch() }
        }
        scanBatch()

        let resolver = matcher.pruningEstablishedNames(uses: uses)
        for (position, scan) in scans {
            for hit in resolver.resolve(scan, citing: position) {
                insert.bind(1, rowIDs[position])
                insert.bind(2, hit.cited.map { rowIDs[$0] })
                insert.bind(3, hit.rule.rawValue)
                insert.bind(4, hit.start)
                insert.bind(5, hit.end)
                insert.bind(6, hit.text)
                insert.bind(7, hit.citedText)
                try insert.run()
            }
        }

        let insertName = try RawStatement(
            db, sql: "INSERT OR IGNORE INTO paper_name (name, paper_id, ambiguous) VALUES (?1, ?2, ?3)")
        for claimed in resolver.claimedNames {
            for claimant in claimed.claimants {
                insertName.bind(1, claimed.name)
                insertName.bind(2, rowIDs[claimant])
                insertName.bind(3, claimed.isAmbiguous ? 1 : 0)
                try insertName.run()
            }
        }
        return reporting ? try report(db) : nil
    }

    static func report(_ db: Database) throws -> ReferenceReport {
        var counts: [String: ReferenceReport.RuleCount] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT rule, sum(cited_id IS NOT NULL), sum(cited_id IS NULL) FROM paper_reference GROUP BY rule
            """)
        {
            let rule: String = row[0]
            counts[rule] = ReferenceReport.RuleCount(rule: rule, resolved: row[1], dangling: row[2])
        }
        let rules = ReferenceRule.allCases.map {
            counts[$0.rawValue] ?? ReferenceReport.RuleCount(rule: $0.rawValue, resolved: 0, dangling: 0)
        }
        let names = try Int.fetchOne(db, sql: "SELECT count(DISTINCT name) FROM paper_name") ?? 0
        var mentions: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT cited_text, count(*) FROM reference WHERE rule = 'name' AND cited_id IS NULL GROUP BY cited_text
            """)
        {
            if let name: String = row[0] { mentions[name] = row[1] }
        }
        var claimants: [String: [String]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT n.name, p.key FROM paper_name n JOIN paper p ON p.id = n.paper_id WHERE n.ambiguous = 1
            """)
        {
            claimants[row[0], default: []].append(row[1])
        }
        let ambiguous = claimants.keys.sorted().map { name in
            ReferenceReport.AmbiguousName(
                name: name, claimants: (claimants[name] ?? []).sorted(), mentions: mentions[name] ?? 0)
        }
        return ReferenceReport(rules: rules, names: names, ambiguousNames: ambiguous)
    }

    static func stored(_ db: Database, sql: String, _ paperID: Int64) throws -> [StoredReference] {
        try Row.fetchAll(db, sql: sql, arguments: [paperID]).map { row in
            StoredReference(
                citingID: row["citing_id"], citedID: row["cited_id"], rule: row["rule"], field: row["field"],
                start: row["start"], end: row["end"], text: row["text"], citedText: row["cited_text"],
                otherKey: row["other_key"], otherTitle: row["other_title"])
        }
    }

    // MARK: Raw row access

    /// Steps a query with the C API so abstracts are scanned in SQLite's own buffer, uncopied.
    private static func forEachRow(_ db: Database, sql: String, _ body: (OpaquePointer) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try body(handle)
        }
    }

    private static func bytes(_ row: OpaquePointer, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = sqlite3_column_text(row, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(row, column)))
    }

    private static func text(_ row: OpaquePointer, _ column: Int32) -> String? {
        guard sqlite3_column_type(row, column) != SQLITE_NULL else { return nil }
        return String(decoding: bytes(row, column), as: UTF8.self)
    }

    /// The first two names of the newline-joined author list, and how many names it holds.
    private static func leadingAuthors(_ row: OpaquePointer, column: Int32) -> ([String], Int) {
        let list = bytes(row, column)
        guard !list.isEmpty else { return ([], 0) }
        var names: [String] = []
        var lines = 1
        var start = 0
        for index in 0..<list.count where list[index] == 0x0A {
            if names.count < 2 {
                names.append(String(decoding: UnsafeBufferPointer(rebasing: list[start..<index]), as: UTF8.self))
            }
            start = index + 1
            lines += 1
        }
        if names.count < 2 {
            names.append(String(decoding: UnsafeBufferPointer(rebasing: list[start...]), as: UTF8.self))
        }
        return (names, lines)
    }
}

/// A batch of rows whose abstracts are copied end to end, so that worker threads can read them
/// while SQLite moves on.
struct PaperBatch {
    struct Metadata {
        var key: String
        var arxivID: String?
        var doi: String?
        var firstAuthors: [String]
        var authorCount: Int
        var date: String?
    }

    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []
    private(set) var titles: [String] = []
    private(set) var metadata: [Metadata] = []

    var count: Int { ends.count }

    mutating func append(abstract: UnsafeBufferPointer<UInt8>, title: String? = nil, metadata: Metadata? = nil) {
        bytes.append(contentsOf: abstract)
        ends.append(bytes.count)
        if let title { titles.append(title) }
        if let metadata { self.metadata.append(metadata) }
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        titles.removeAll(keepingCapacity: true)
        metadata.removeAll(keepingCapacity: true)
    }

    static var workerCount: Int { max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) }

    /// `body(row, abstract)` for every row, spread over the cores; results in row order.
    func parallelMap<T>(_ body: @Sendable (Int, UnsafeBufferPointer<UInt8>) -> T) -> [T] {
        parallelMap(state: { () }) { _, row, abstract in body(row, abstract) }
    }

    /// Like `parallelMap(_:)`, with one `ReferenceScanner` per worker for its reusable buffers.
    func parallelMap<T>(
        scanner matcher: ReferenceMatcher, _ body: @Sendable (inout ReferenceScanner, Int, UnsafeBufferPointer<UInt8>) -> T
    ) -> [T] {
        parallelMap(state: { matcher.scanner() }, body)
    }

    private func parallelMap<State, T>(
        state makeState: @Sendable () -> State, _ body: @Sendable (inout State, Int, UnsafeBufferPointer<UInt8>) -> T
    ) -> [T] {
        let rows = count
        guard rows > 0 else { return [] }
        let slots = ResultSlots<T>(count: rows)
        let workers = min(Self.workerCount, max(1, rows / 64))
        bytes.withUnsafeBufferPointer { allBytes in
            let shared = SharedBuffer(allBytes)
            let ends = self.ends
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var state = makeState()
                let first = rows * worker / workers
                let last = rows * (worker + 1) / workers
                for row in first..<last {
                    let start = row == 0 ? 0 : ends[row - 1]
                    let abstract = UnsafeBufferPointer(rebasing: shared.buffer[start..<ends[row]])
                    slots.set(row, body(&state, row, abstract))
                }
            }
        }
        return slots.values()
    }
}

/// A read-only buffer handed to worker threads for the duration of one `concurrentPerform`.
private struct SharedBuffer: @unchecked Sendable {
    // @unchecked: the owner keeps the memory alive and unchanged until every worker has returned.
    let buffer: UnsafeBufferPointer<UInt8>
    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }
}

/// One result slot per row, each written by exactly one worker.
private final class ResultSlots<T>: @unchecked Sendable {
    // @unchecked: workers write disjoint slots through a raw pointer (no exclusivity checks on a
    // shared array), and nothing reads until all of them have returned.
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: T) { slots[index] = value }

    func values() -> [T] { UnsafeBufferPointer(start: slots, count: count).compactMap { $0 } }
}
