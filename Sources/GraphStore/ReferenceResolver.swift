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

/// Builds the `reference` and `paper_name` tables from the stored papers.
///
/// 1. Index: names, first authors, years and titles of every paper, in row id order, into a
///    `ReferenceIndex` — handed over by an ingest that built it while writing the papers, or
///    read back here.
/// 2. Uses: which dictionary names each abstract uses, so that names other papers used before
///    their claimant can be pruned (that needs every abstract).
/// 3. References: every abstract scanned and resolved against the pruned dictionary, and the
///    rows written as they come.
///
/// Passes 2 and 3 stream the abstracts from SQLite in batches: each batch is copied out and
/// examined on every core while this thread reads the next one and writes the previous one's
/// rows, so nothing but compact per-paper integers outlives a batch. Results are applied in
/// row order, so the outcome does not depend on the number of cores.
enum ReferenceResolver {
    /// Abstracts per batch: enough to keep the cores busy, few enough that the copies in flight
    /// stay a few megabytes. Every batch ends with the workers idle until this thread has read
    /// the next one and woken them; at 1,024 that idle time was a fifth of the scan.
    static let batchSize = 4096

    /// Rebuilds both tables; the report (a few aggregate queries) only when asked for.
    @discardableResult
    static func rebuild(_ db: Database, reporting: Bool = true) throws -> ReferenceReport? {
        var clock = PhaseClock()
        return try rebuild(db, reporting: reporting, clock: &clock)
    }

    /// `rebuild(_:reporting:)`, timing its steps on `clock` as `references: <step>`. `compiling`
    /// is the index of every stored paper, being compiled, when the caller built it already.
    static func rebuild(
        _ db: Database, reporting: Bool = true, clock: inout PhaseClock, compiling: CompilingReferenceIndex? = nil
    ) throws -> ReferenceReport? {
        let pending: CompilingReferenceIndex
        if let compiling {
            pending = compiling
        } else {
            var stored = StoredPaperIndex()
            try stored.addStoredPapers(db)
            clock.lap("references: index")
            pending = CompilingReferenceIndex(consume stored)
        }
        let waited = pending.wait()
        let rowIDs = waited.rowIDs
        var compiled = waited.matcher
        HeapTuning.releaseFreeMemory()
        clock.lap("references: compile")
        try chooseSignatures(db, rowIDs: rowIDs, matcher: &compiled)
        let matcher = compiled
        clock.lap("references: signatures")

        // One scan per abstract. Which names get chosen depends on who uses which name across
        // all abstracts (established names are pruned), so the scans are kept, packed, until
        // every abstract has been read.
        var scans = PackedScans(matcher: matcher)
        try scanAbstracts(
            db, rowIDs: rowIDs, matcher: matcher,
            { scanner, position, abstract in scanner.collect(abstract, citing: position) },
            { position, scan in scans.append(scan, citing: position, matcher: matcher) })
        clock.lap("references: scan")
        let resolver = matcher.pruningEstablishedNames(uses: scans.uses)
        clock.lap("references: prune")

        // With foreign keys on (a rebuild outside ingest), each row looks up both of its papers,
        // the cited one anywhere in the table: a larger page cache keeps those off the disk.
        let previousCacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        if try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true {
            try db.execute(sql: "PRAGMA cache_size = \(min(previousCacheSize, -32768))")
        }
        defer { try? db.execute(sql: "PRAGMA cache_size = \(previousCacheSize)") }
        // Every row is written again: building the secondary indexes once afterwards is cheaper
        // than keeping them up to date row by row.
        var indexes = SecondaryIndexes()
        try indexes.drop(db, names: ["reference_by_cited", "paper_name_by_paper"])
        try db.execute(sql: "DELETE FROM reference; DELETE FROM paper_name;")
        let insert = try RawStatement(db, sql: """
            INSERT INTO reference (citing_id, cited_id, rule, field, start, "end", text, cited_text)
            VALUES (?1, ?2, ?3, 'abstract', ?4, ?5, ?6, ?7)
            """)
        // Names are chosen on another thread, a chunk ahead of this one writing the rows.
        let packed = scans
        func resolving(_ chunk: Range<Int>) -> RunningBatch<[ReferenceHit]> {
            RunningBatch(first: chunk.lowerBound) {
                chunk.map { resolver.resolve(packed.scan(at: $0, matcher: matcher), citing: packed.citing(at: $0)) }
            }
        }
        let chunkSize = batchSize
        var running = scans.count > 0 ? resolving(0..<min(chunkSize, scans.count)) : nil
        while let current = running {
            let next = current.first + chunkSize
            running = next < scans.count ? resolving(next..<min(next + chunkSize, scans.count)) : nil
            for (offset, hits) in current.wait().enumerated() {
                let citing = scans.citing(at: current.first + offset)
                for hit in hits {
                    insert.bind(1, rowIDs[citing])
                    insert.bind(2, hit.cited.map { rowIDs[$0] })
                    insert.bind(3, hit.rule.rawValue)
                    insert.bind(4, hit.start)
                    insert.bind(5, hit.end)
                    insert.bind(6, hit.text)
                    insert.bind(7, hit.citedText)
                    try insert.run()
                }
            }
        }
        scans = PackedScans(matcher: matcher)

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
        // SQLite's sorter sizes its runs by the page cache: the scans are gone by now, so the
        // indexes can be sorted in a few large runs rather than many small ones.
        try db.execute(sql: "PRAGMA cache_size = \(min(previousCacheSize, -16384))")
        try indexes.restore(db)
        clock.lap("references: write")
        return reporting ? try report(db) : nil
    }

    /// Reads back the title and abstract of every paper whose names need a topic signature
    /// (only those: the index kept no paper's words) and chooses the signatures on every core.
    private static func chooseSignatures(_ db: Database, rowIDs: RowIDMap, matcher: inout ReferenceMatcher) throws {
        let owners = matcher.papersAwaitingSignatures
        defer { matcher.finishSignatures() }
        guard !owners.isEmpty else { return }
        var batch = PaperBatch()
        var positions: [Int] = []
        func chooseBatch() {
            // The workers' copy of the matcher is gone before any signature is set, so setting
            // them does not copy the signatures chosen so far.
            let chosen = { [matcher, titles = batch.titles, papers = positions, batch] in
                batch.parallelMap { row, abstract in matcher.signatures(of: papers[row], title: titles[row], abstract: abstract) }
            }()
            for owned in chosen { matcher.setSignatures(owned) }
            batch.removeAll()
            positions.removeAll(keepingCapacity: true)
        }
        var position = 0
        var nextOwner = 0
        try forEachRow(db, sql: "SELECT id, title, abstract FROM paper ORDER BY id") { row in
            defer { position += 1 }
            guard nextOwner < owners.count, Int(owners[nextOwner]) == position else { return }
            nextOwner += 1
            guard position < rowIDs.count, rowIDs[position] == sqlite3_column_int64(row, 0) else {
                throw DatabaseError(resultCode: .SQLITE_ERROR, message: "the paper table changed during reference resolution")
            }
            batch.append(abstract: bytes(row, 2), title: text(row, 1) ?? "")
            positions.append(position)
            if batch.count == batchSize { chooseBatch() }
        }
        chooseBatch()
    }

    /// Runs `examine` on every stored abstract (row id order, `position` = index in `rowIDs`)
    /// on all cores, and `apply` on this thread with each result, in order. Reading the next
    /// batch from SQLite and applying the previous batch's results overlap with the examination.
    private static func scanAbstracts<T>(
        _ db: Database, rowIDs: RowIDMap, matcher: ReferenceMatcher,
        _ examine: @escaping @Sendable (inout ReferenceScanner, Int, UnsafeBufferPointer<UInt8>) -> T,
        _ apply: (Int, T) throws -> Void
    ) throws {
        var batch = PaperBatch()
        var position = 0
        var running: (work: RunningBatch<T>, batch: LentBatch)?
        // Two batches take turns, so their buffers are allocated once: a fresh megabyte-sized
        // batch each time cost a page fault per page and a copy at every doubling.
        var spare = PaperBatch()
        /// Starts examining `batch` (when not empty), then applies the results of the batch before it.
        func launch() throws {
            let previous = running
            running = nil
            let finished = previous.map { (first: $0.work.first, results: $0.work.wait()) }
            if let previous {
                spare = previous.batch.takeBack()
                spare.removeAll()
            }
            if batch.count > 0 {
                let launched = LentBatch(batch)
                let first = position - batch.count
                running = (RunningBatch(first: first) {
                    launched.batch.parallelMap(scanner: matcher) { scanner, row, abstract in
                        examine(&scanner, first + row, abstract)
                    }
                }, launched)
                batch = spare
                spare = PaperBatch()
            }
            if let finished {
                for (offset, result) in finished.results.enumerated() { try apply(finished.first + offset, result) }
            }
        }
        try forEachRow(db, sql: "SELECT id, abstract FROM paper ORDER BY id") { row in
            guard position < rowIDs.count, rowIDs[position] == sqlite3_column_int64(row, 0) else {
                throw DatabaseError(resultCode: .SQLITE_ERROR, message: "the paper table changed during reference resolution")
            }
            batch.append(abstract: bytes(row, 1))
            position += 1
            if batch.count == batchSize {
                try launch()
                // Worker threads allocate and free per abstract, each in its own malloc arena;
                // handing the free pages back keeps them from adding up across batches.
                if (position / batchSize) % 8 == 0 { HeapTuning.releaseFreeMemory() }
            }
        }
        guard position == rowIDs.count else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "the paper table changed during reference resolution")
        }
        try launch()
        try launch()
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
    static func forEachRow(_ db: Database, sql: String, _ body: (OpaquePointer) throws -> Void) throws {
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

    static func bytes(_ row: OpaquePointer, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = sqlite3_column_text(row, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(row, column)))
    }

    static func text(_ row: OpaquePointer, _ column: Int32) -> String? {
        guard sqlite3_column_type(row, column) != SQLITE_NULL else { return nil }
        return String(decoding: bytes(row, column), as: UTF8.self)
    }

    /// The first two names of the newline-joined author list, and how many names it holds.
    static func leadingAuthors(_ row: OpaquePointer, column: Int32) -> ([String], Int) {
        leadingAuthors(bytes(row, column))
    }

    /// The first two names of a newline-joined author list, and how many names it holds.
    static func leadingAuthors(_ list: UnsafeBufferPointer<UInt8>) -> ([String], Int) {
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
struct PaperBatch: Sendable {
    struct Metadata: Sendable {
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
            // Rows are handed out a few at a time rather than split in fixed shares: the thread
            // that reads the next batch shares a core with one of the workers, and a fixed share
            // would leave the other worker idle while that one catches up.
            let next = RowDispenser(rows: rows, chunk: 16)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                var state = makeState()
                while let chunk = next.take() {
                    for row in chunk {
                        let start = row == 0 ? 0 : ends[row - 1]
                        let abstract = UnsafeBufferPointer(rebasing: shared.buffer[start..<ends[row]])
                        slots.set(row, body(&state, row, abstract))
                    }
                }
            }
        }
        return slots.values()
    }
}

/// The matcher of a `StoredPaperIndex`, compiled on another thread from the moment the index
/// is complete: an ingest brings back SQLite's indexes meanwhile.
final class CompilingReferenceIndex: @unchecked Sendable {
    // @unchecked: `index` and `result` are each touched by one thread at a time, in turn:
    // the compiling thread until it leaves `group`, the caller of `wait` after.
    private let group = DispatchGroup()
    private var index: ReferenceIndex?
    private var result: (rowIDs: RowIDMap, matcher: ReferenceMatcher)?

    init(_ stored: consuming StoredPaperIndex) {
        let rowIDs = stored.rowIDs
        index = stored.takeIndex()
        group.enter()
        DispatchQueue.global().async {
            // Handed over whole, so that the index's parts are freed while the matcher is built.
            if let index = self.index.take() {
                self.result = (rowIDs, index.compiledReleasingIndex())
            }
            self.group.leave()
        }
    }

    /// The row ids of the indexed papers (by position) and their matcher, once compiled.
    func wait() -> (rowIDs: RowIDMap, matcher: ReferenceMatcher) {
        group.wait()
        defer { result = nil }
        return result ?? (RowIDMap(), ReferenceIndex().compiled())
    }
}

/// A batch lent to the workers of one `RunningBatch` and taken back once they are done, so
/// that its buffers can be filled again.
private final class LentBatch: @unchecked Sendable {
    // @unchecked: the workers only read `batch`; it is taken back after `RunningBatch.wait`.
    private(set) var batch: PaperBatch

    init(_ batch: PaperBatch) { self.batch = batch }

    func takeBack() -> PaperBatch {
        defer { batch = PaperBatch() }
        return batch
    }
}

/// Consecutive ranges of rows for the workers of one `parallelMap`, first come first served.
private final class RowDispenser: @unchecked Sendable {
    // @unchecked: `next` is only touched under `lock`.
    private let lock = NSLock()
    private var next = 0
    private let rows: Int
    private let chunk: Int

    init(rows: Int, chunk: Int) {
        self.rows = rows
        self.chunk = chunk
    }

    func take() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard next < rows else { return nil }
        let range = next..<min(next + chunk, rows)
        next = range.upperBound
        return range
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
