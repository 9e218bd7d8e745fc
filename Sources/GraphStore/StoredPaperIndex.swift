import Corpus
import Dispatch
import Extraction
import GRDB
import GRDBSQLite

/// The `ReferenceIndex` of every stored paper, in row id order, with the row ids themselves.
///
/// Reference resolution needs no keys or identifiers from it (identifier references are
/// resolved in SQL, papers are named by row id), so none are kept: the index holds names,
/// first authors, dates and titles only.
struct StoredPaperIndex {
    /// Claimants' words are not kept: the resolver reads the text of the papers whose
    /// signatures it needs back from the table (`ReferenceResolver.chooseSignatures`).
    private(set) var index = ReferenceIndex(keepsClaimantWords: false)
    private(set) var rowIDs = RowIDMap()

    /// The index, leaving an empty one in its place: the caller then holds the only copy.
    mutating func takeIndex() -> ReferenceIndex {
        defer { index = ReferenceIndex(keepsClaimantWords: false) }
        return index
    }

    /// Adds the stored papers with a row id above the last one added, reading them back; their
    /// names are worked out on every core.
    mutating func addStoredPapers(_ db: Database) throws {
        var batch = PaperBatch()
        func addBatch() {
            let titles = batch.titles
            let claims = batch.parallelMap { row, abstract in PaperClaims(title: titles[row], abstract: abstract) }
            for row in 0..<min(batch.count, claims.count) {
                let metadata = batch.metadata[row]
                add(
                    title: batch.titles[row], claims: claims[row], leadingAuthors: metadata.firstAuthors,
                    authorCount: metadata.authorCount, date: metadata.date)
            }
            batch.removeAll()
        }
        var rowIDs: [Int64] = []
        let after = self.rowIDs.last ?? Int64.min
        try ReferenceResolver.forEachRow(
            db, sql: "SELECT id, title, abstract, authors, author_count, date FROM paper WHERE id > \(after) ORDER BY id"
        ) { row in
            rowIDs.append(sqlite3_column_int64(row, 0))
            let (firstAuthors, authorLines) = ReferenceResolver.leadingAuthors(row, column: 3)
            let authorCount = sqlite3_column_type(row, 4) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(row, 4))
            batch.append(
                abstract: ReferenceResolver.bytes(row, 2), title: ReferenceResolver.text(row, 1) ?? "",
                metadata: PaperBatch.Metadata(
                    key: "", arxivID: nil, doi: nil, firstAuthors: firstAuthors,
                    authorCount: max(authorLines, authorCount ?? 0), date: ReferenceResolver.text(row, 5)))
            if batch.count == ReferenceResolver.batchSize {
                addBatch()
                for id in rowIDs { self.rowIDs.append(id) }
                rowIDs.removeAll(keepingCapacity: true)
            }
        }
        addBatch()
        for id in rowIDs { self.rowIDs.append(id) }
    }

    /// Adds one paper just written, whose row id must be above every row id so far (returns
    /// false, adding nothing, when it is not).
    mutating func add(_ paper: IndexedPaper) -> Bool {
        if let last = rowIDs.last, paper.rowID <= last { return false }
        add(
            title: paper.title, claims: paper.fields.claims, leadingAuthors: paper.fields.leadingAuthors,
            authorCount: max(paper.fields.authorLines, paper.authorCount ?? 0), date: paper.date)
        rowIDs.append(paper.rowID)
        return true
    }

    private mutating func add(title: String, claims: PaperClaims, leadingAuthors: [String], authorCount: Int, date: String?) {
        index.add(
            key: "", arxivID: nil, doi: nil, title: title, claims: claims, authors: leadingAuthors,
            authorCount: authorCount, date: date, mergingDuplicates: false)
    }
}

/// What the reference index takes from a paper just written. Only these fields cross to the
/// index's thread: copying whole prepared records there cost the writing thread a retain and a
/// release of every string and array they hold.
struct IndexedPaper: Sendable {
    var rowID: Int64
    var title: String
    var fields: ReferenceFields
    var authorCount: Int?
    var date: String?
}

/// Keeps a `StoredPaperIndex` up to date on a thread of its own, so that adding papers to it
/// overlaps with writing them.
final class ReferenceIndexer: @unchecked Sendable {
    // @unchecked: `stored` and `given up` are only touched on `queue`.
    private let queue = DispatchQueue(label: "papergraph.reference-index")
    /// Bounds the batches waiting for the queue, so memory stays flat if it falls behind.
    private let slots = DispatchSemaphore(value: 4)
    private var stored: StoredPaperIndex
    private var givenUp = false

    init(_ stored: StoredPaperIndex) {
        self.stored = stored
    }

    /// Adds papers just inserted, in row id order.
    func add(_ papers: [IndexedPaper]) {
        slots.wait()
        queue.async {
            defer { self.slots.signal() }
            guard !self.givenUp else { return }
            for paper in papers where !self.stored.add(paper) {
                self.giveUp()
                return
            }
        }
    }

    /// Drops the index: an update made an entry stale.
    func abandon() {
        queue.async { self.giveUp() }
    }

    /// The index once every paper handed over is in, or nil when it was given up.
    func finish() -> StoredPaperIndex? {
        queue.sync {
            defer { stored = StoredPaperIndex() }
            return givenUp ? nil : stored
        }
    }

    private func giveUp() {
        givenUp = true
        stored = StoredPaperIndex()
    }
}

/// What the reference index needs from a record, worked out on the reading thread: the names it
/// claims, and its leading authors as the resolver reads them back from the `authors` column.
struct ReferenceFields: Sendable {
    var claims: PaperClaims
    var leadingAuthors: [String]
    var authorLines: Int

    init(_ record: PaperRecord, storedAuthors: String) {
        var abstract = record.abstract
        claims = abstract.withUTF8 { PaperClaims(title: record.title, abstract: $0) }
        var authors = storedAuthors
        (leadingAuthors, authorLines) = authors.withUTF8 { ReferenceResolver.leadingAuthors($0) }
    }
}

/// Row ids by position, as runs of consecutive ids: one run for a table filled by one ingest.
struct RowIDMap: Sendable {
    private var runPositions: [Int] = []
    private var runFirstIDs: [Int64] = []
    private(set) var count = 0

    var last: Int64? { count == 0 ? nil : self[count - 1] }

    mutating func append(_ id: Int64) {
        if let position = runPositions.last, let first = runFirstIDs.last {
            let (expected, overflow) = first.addingReportingOverflow(Int64(count - position))
            if !overflow && expected == id {
                count += 1
                return
            }
        }
        runPositions.append(count)
        runFirstIDs.append(id)
        count += 1
    }

    subscript(position: Int) -> Int64 {
        var low = 0
        var high = runPositions.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runPositions[middle] <= position { low = middle } else { high = middle - 1 }
        }
        return runFirstIDs[low] + Int64(position - runPositions[low])
    }
}

/// A batch being examined on the worker threads while the caller goes on.
final class RunningBatch<T>: @unchecked Sendable {
    // @unchecked: `results` is written by the one background task and read only after `wait`.
    let first: Int
    private let group = DispatchGroup()
    private var results: [T] = []

    init(first: Int, _ work: @escaping @Sendable () -> [T]) {
        self.first = first
        group.enter()
        DispatchQueue.global().async {
            self.results = work()
            self.group.leave()
        }
    }

    func wait() -> [T] {
        group.wait()
        return results
    }
}
