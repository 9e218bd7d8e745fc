import Corpus
import Dispatch
import Extraction
import Foundation
import GRDB

/// One input to ingest. `open` runs on the reading thread and yields records one at a time;
/// a thrown error is a file-level failure (binary file, unreadable, ...).
public struct IngestSource: Sendable {
    public var name: String
    public var open: @Sendable () throws -> AnyIterator<Result<PaperRecord, RecordIssue>>

    public init(name: String, open: @escaping @Sendable () throws -> AnyIterator<Result<PaperRecord, RecordIssue>>) {
        self.name = name
        self.open = open
    }
}

public struct IngestOptions: Sendable {
    /// Store nothing if any record is malformed.
    public var strict: Bool
    /// Seconds between progress callbacks.
    public var progressInterval: Double
    /// Rebuild the paper references after writing. Off only to measure what resolution costs
    /// (the benchmark does): the stored references are then out of date.
    public var resolveReferences: Bool

    public init(strict: Bool = false, progressInterval: Double = 1.0, resolveReferences: Bool = true) {
        self.strict = strict
        self.progressInterval = progressInterval
        self.resolveReferences = resolveReferences
    }
}

public struct IngestProgress: Sendable {
    public var papers: Int
    public var elapsed: Double
    public var source: String
}

public struct IngestSummary: Sendable {
    public var sources: [String] = []
    /// Records read without error (duplicates included).
    public var records = 0
    public var papersNew = 0
    public var papersUpdated = 0
    public var papersUnchanged = 0
    /// Distinct (paper, target) links written by this run, by kind.
    public var linksByKind: [LinkKind: Int] = [:]
    public var mentions = 0
    /// Records (or whole files) that were skipped, with file:line and the reason.
    public var skipped: [RecordIssue] = []
    public var elapsed: Double = 0
    /// Wall time of each step of the run, in order (`papergraph ingest --timings` prints them).
    public var phases: [IngestPhase] = []

    public var papersPerSecond: Double { elapsed > 0 ? Double(records) / elapsed : 0 }
}

/// One step of an ingest run and the wall time it took.
public struct IngestPhase: Sendable, Hashable {
    public var name: String
    public var seconds: Double

    public init(name: String, seconds: Double) {
        self.name = name
        self.seconds = seconds
    }
}

/// Wall-clock stopwatch for `IngestSummary.phases`.
struct PhaseClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var phases: [IngestPhase] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append(IngestPhase(name: name, seconds: Double(now - last) / 1e9))
        last = now
    }
}

/// The column values of a paper row that take some work to compute from a record.
struct StoredFields: Sendable {
    var titleKey: String
    var doi: String?
    var authors: String
    var categories: String
    var metadataLinks: String

    init(_ record: PaperRecord) {
        titleKey = PaperIdentity.normalizedTitle(record.title)
        doi = record.doi?.lowercased()
        authors = record.authors.joined(separator: "\n")
        categories = record.categories.joined(separator: " ")
        metadataLinks = MetadataLinkCoding.encode(record.metadataLinks)
    }
}

/// A record with everything the writer needs, prepared on the reading thread so that the
/// writing thread only binds values.
struct PreparedRecord: Sendable {
    var record: PaperRecord
    var extraction: PaperExtraction
    var contentHash: Int64
    var stored: StoredFields
    /// `record.id`, the `key` column.
    var key: String
    var keyHash: UInt64
    var titleKeyHash: UInt64
    /// Nil when the run resolves no references.
    var references: ReferenceFields?

    var titleKey: String { stored.titleKey }

    init(_ record: PaperRecord, forReferences: Bool) {
        self.record = record
        extraction = extract(record)
        contentHash = ContentHash.of(record)
        stored = StoredFields(record)
        key = record.arxivID ?? stored.titleKey
        keyHash = ContentHash.of(key)
        titleKeyHash = ContentHash.of(stored.titleKey)
        references = forReferences ? ReferenceFields(record, storedAuthors: stored.authors) : nil
    }
}

extension GraphStore {
    /// Ingests every source in one transaction: a failed or interrupted run (even kill -9)
    /// leaves the database exactly as it was before the run. Reading and extraction run on a
    /// second thread while this one writes, so both cores work.
    public func ingest(
        _ sources: [IngestSource],
        options: IngestOptions = IngestOptions(),
        progress: (@Sendable (IngestProgress) -> Void)? = nil
    ) throws(StoreError) -> IngestSummary {
        let started = Date()
        HeapTuning.prepare()
        let channel = BatchChannel(capacity: 8)
        let forReferences = options.resolveReferences
        let reader = Thread {
            Self.produce(sources, into: channel, forReferences: forReferences)
        }
        reader.stackSize = 8 << 20
        reader.start()
        defer { channel.cancel() }

        var summary = IngestSummary()
        summary.sources = sources.map(\.name)
        var clock = PhaseClock()
        do {
            try database.writeWithoutTransaction { db in
                // The writer keeps references consistent by construction; per-row foreign-key
                // checks and a small page cache made SQLite re-read its own pages for every row.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                try db.execute(sql: "PRAGMA cache_size = \(Self.loadCacheKiB)")
                // Lets SQLite sort on a second thread when it builds an index.
                try db.execute(sql: "PRAGMA threads = 2")
                // In WAL mode a large ingest writes every page twice (WAL, then checkpoint). A
                // rollback journal stores only pages that existed before, so new data is
                // written once; it is just as atomic, and WAL comes back afterwards.
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
                defer {
                    _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                    try? db.execute(sql: "PRAGMA foreign_keys = ON")
                    try? db.execute(sql: "PRAGMA cache_size = -2000")
                }
                try db.inTransaction(.immediate) {
                    let writeback = BackgroundWriteback(path: path)
                    let compiling = try Self.load(
                        db, from: channel, options: options, started: started, summary: &summary, progress: progress,
                        writeback: writeback, clock: &clock)
                    writeback?.start()
                    HeapTuning.releaseFreeMemory()
                    clock.lap("load: paper targets")
                    // Rebuilt from every stored paper, so a citing paper may arrive before or after the one it names.
                    if options.resolveReferences && summary.papersNew + summary.papersUpdated > 0 {
                        _ = try ReferenceResolver.rebuild(db, reporting: false, clock: &clock, compiling: compiling)
                    }
                    try IngestWriter.recordSources(db, sources.map(\.name), summary: summary)
                    return .commit
                }
            }
        } catch {
            throw Self.translate(error, path: path)
        }
        clock.lap("commit")
        summary.phases = clock.phases
        summary.elapsed = Date().timeIntervalSince(started)
        return summary
    }

    /// Writes every record from `channel`, then brings back the indexes a bulk load set aside and
    /// points paper targets at stored papers. Returns the reference index of the stored papers,
    /// being compiled on another thread, when the writer could keep one up to date and the run
    /// added or changed papers.
    private static func load(
        _ db: Database, from channel: BatchChannel, options: IngestOptions, started: Date,
        summary: inout IngestSummary, progress: (@Sendable (IngestProgress) -> Void)?, writeback: BackgroundWriteback?,
        clock: inout PhaseClock
    ) throws -> CompilingReferenceIndex? {
        var writer = try IngestWriter(db: db, indexingReferences: options.resolveReferences)
        // Once this run brings at least as many records as the database held, building the
        // secondary indexes afresh costs less than updating them row by row.
        let storedPapers = try Int.fetchOne(db, sql: "SELECT count(*) FROM paper") ?? 0
        let bulkThreshold = storedPapers == 0 ? 0 : max(storedPapers, bulkMinimumRecords)
        var bulk = false
        var lastReport = started
        var currentSource = summary.sources.first ?? ""
        var batches = 0
        while let message = channel.take() {
            switch message {
            case .records(let batch, let source):
                currentSource = source
                if !bulk && summary.records >= bulkThreshold {
                    try writer.beginBulkLoad()
                    bulk = true
                }
                // By index: iterating the array by value would copy (retain and release) every record.
                let items = batch.wait()
                for index in items.indices { try writer.write(items[index], summary: &summary) }
                // The writer is the busiest thread: the batch's strings and arrays are freed on
                // a worker instead (by whichever thread lets go of the batch last).
                batch.releaseElsewhere()
                writer.endBatch()
                batches += 1
                if batches % 32 == 0 { writeback?.start() }
            case .issue(let issue):
                if options.strict {
                    throw StoreError.strictIngestRejected(issues: 1, first: issue.description)
                }
                summary.skipped.append(issue)
            }
            if let progress {
                let now = Date()
                if now.timeIntervalSince(lastReport) >= options.progressInterval {
                    lastReport = now
                    progress(IngestProgress(
                        papers: summary.records, elapsed: now.timeIntervalSince(started), source: currentSource))
                }
            }
        }
        // Rows are in; what follows reads sequentially or sorts. A small page cache gives its
        // memory back to the reference index (and bounds SQLite's sorter, which sizes its
        // buffers by it).
        clock.lap("load: rows")
        // The matcher is compiled while SQLite brings its indexes back.
        var compiling: CompilingReferenceIndex?
        if let indexed = writer.takeReferenceIndex(), summary.papersNew + summary.papersUpdated > 0 {
            compiling = CompilingReferenceIndex(indexed)
        }
        try db.execute(sql: "PRAGMA cache_size = \(referenceCacheKiB)")
        try db.execute(sql: "PRAGMA shrink_memory")
        try writer.restoreIndexes()
        clock.lap("load: indexes")
        try writer.resolvePaperTargets()
        return compiling
    }

    /// Page cache while rows are written (negative: KiB), and afterwards.
    static let loadCacheKiB = -16384
    static let referenceCacheKiB = -4096

    /// Below this many records, a run into a non-empty database keeps the indexes up to date
    /// row by row (see `SecondaryIndexes`).
    static let bulkMinimumRecords = 10_000

    /// Reads the sources and hands the records over in batches, in input order. Reading is one
    /// thread's job, but preparing a batch (extraction, hashes, names) is most of the work: each
    /// batch is prepared on the shared worker pool, so that every core helps while the writer
    /// waits for the batches in order.
    private static func produce(_ sources: [IngestSource], into channel: BatchChannel, forReferences: Bool) {
        defer { channel.finish() }
        let batchSize = 256
        for source in sources {
            let iterator: AnyIterator<Result<PaperRecord, RecordIssue>>
            do {
                iterator = try source.open()
            } catch {
                let issue = RecordIssue(location: SourceLocation(file: source.name, line: 0), message: "\(error)")
                if !channel.put(.issue(issue)) { return }
                continue
            }
            var batch: [PaperRecord] = []
            batch.reserveCapacity(batchSize)
            func send() -> Bool {
                let records = batch
                batch.removeAll(keepingCapacity: true)
                return channel.put(.records(
                    PendingBatch { records.map { PreparedRecord($0, forReferences: forReferences) } }, source: source.name))
            }
            for result in iterator {
                switch result {
                case .success(let record):
                    batch.append(record)
                    if batch.count == batchSize, !send() { return }
                case .failure(let issue):
                    if !batch.isEmpty, !send() { return }
                    if !channel.put(.issue(issue)) { return }
                }
            }
            if !batch.isEmpty, !send() { return }
        }
    }
}

/// Records being prepared on the worker pool; `wait` returns them prepared, in order.
final class PendingBatch: @unchecked Sendable {
    // @unchecked: `prepared` is written once by the background task, read only after `wait`.
    private let group = DispatchGroup()
    private var prepared: [PreparedRecord] = []

    init(_ work: @escaping @Sendable () -> [PreparedRecord]) {
        group.enter()
        DispatchQueue.global().async {
            self.prepared = work()
            self.group.leave()
        }
    }

    func wait() -> [PreparedRecord] {
        group.wait()
        return prepared
    }

    /// Frees the prepared records on the worker pool rather than on the calling thread.
    func releaseElsewhere() {
        let records = prepared
        prepared = []
        DispatchQueue.global().async { withExtendedLifetime(records) {} }
    }
}

/// A bounded hand-off between the reading thread and the writing thread, so memory stays
/// flat however large the input is.
final class BatchChannel: @unchecked Sendable {
    // @unchecked: every field is guarded by `condition`.
    enum Message {
        case records(PendingBatch, source: String)
        case issue(RecordIssue)
    }

    private let condition = NSCondition()
    private var queue: [Message] = []
    private var finished = false
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Returns false when the consumer has gone away; the producer should stop.
    func put(_ message: Message) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        queue.append(message)
        condition.broadcast()
        return true
    }

    func take() -> Message? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        if queue.isEmpty { return nil }
        let message = queue.removeFirst()
        condition.broadcast()
        return message
    }

    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
