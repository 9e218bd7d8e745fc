import Corpus
import Extraction
import Foundation
import GRDB

/// Stable 64-bit FNV-1a. Swift's `Hasher` is seeded per process, so it cannot be stored.
enum ContentHash {
    static func of(_ record: PaperRecord) -> Int64 {
        var hash = FNV1a()
        hash.add(record.arxivID ?? "")
        hash.add(record.doi ?? "")
        hash.add(record.title)
        hash.add(record.abstract)
        hash.add(record.comment ?? "")
        for author in record.authors { hash.add(author) }
        hash.add(record.authorCount.map(String.init) ?? "")
        hash.add(record.categories.joined(separator: " "))
        hash.add(record.date ?? "")
        hash.add(record.upvotes.map(String.init) ?? "")
        for link in record.metadataLinks { hash.add(link.role.rawValue + link.url) }
        return Int64(bitPattern: hash.value)
    }

    static func of(_ text: String) -> UInt64 {
        var hash = FNV1a()
        hash.add(text)
        return hash.value
    }
}

struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        // A separator byte that cannot occur in UTF-8 keeps ("ab","c") apart from ("a","bc").
        value = (value ^ 0xff) &* 0x0000_0100_0000_01b3
    }
}

/// Writes prepared records inside the ingest transaction.
///
/// Duplicates are found without holding every paper in memory: filters of key and title hashes
/// answer "certainly new" for nearly every record, and only a possible match is looked up in
/// SQLite (through the `key` and `title_key` indexes). Targets, which repeat all the time, are
/// kept in an exact map from hashed name to row id.
struct IngestWriter {
    private let db: Database
    private let insertPaper: RawStatement
    private let updatePaper: RawStatement
    private let insertTarget: RawStatement
    private let insertMention: RawStatement
    private let insertCode: RawStatement
    private let replaceCode: RawStatement
    private let deleteMentions: RawStatement
    private let paperByKey: RawStatement
    private let paperByTitle: RawStatement
    private var keys = KeyFilter()
    private var titles = KeyFilter()
    /// Only papers without an arXiv id, for incoming records with one: two arXiv papers with
    /// the same title stay two papers, so looking them up would be wasted reads. Few.
    private var titleOnlyPaperIDByTitle: [UInt64: Int64] = [:]
    private var targetIDByName: [UInt64: Int64] = [:]
    /// Indexes set aside for a bulk load (see `SecondaryIndexes`).
    private(set) var indexes = SecondaryIndexes()
    /// The reference index of every stored paper, kept up to date as papers are inserted so
    /// that resolution need not read them all back. Given up at the first update of a stored
    /// paper (its old entry would be stale): resolution then reads every paper back.
    private var referenceIndex: ReferenceIndexState = .notStarted
    /// Papers inserted since the last `endBatch`, for the reference index.
    private var inserted: [IndexedPaper] = []

    private enum ReferenceIndexState {
        case notStarted
        case building(ReferenceIndexer)
        case abandoned
    }

    /// Indexes a bulk load rebuilds at the end rather than row by row.
    static let bulkLoadIndexes: Set<String> = ["paper_by_title_key", "mention_by_target"]

    /// `indexingReferences: false` when the run resolves no references.
    init(db: Database, indexingReferences: Bool = true) throws {
        self.db = db
        if !indexingReferences { referenceIndex = .abandoned }
        // `OR IGNORE` with a check that the row went in (`RawStatement.insert`) rather than the
        // default `ABORT`: an aborting statement that writes a table and its indexes makes SQLite
        // keep a statement journal, copying every page it touches for each row.
        insertPaper = try RawStatement(db, sql: """
            INSERT OR IGNORE INTO paper (key, title_key, arxiv_id, doi, title, abstract, comment, authors, author_count,
              categories, date, upvotes, content_hash, source_file, source_line, format, metadata_links)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?18)
            """)
        updatePaper = try RawStatement(db, sql: """
            UPDATE paper SET key = ?1, title_key = ?2, arxiv_id = ?3, doi = ?4, title = ?5, abstract = ?6,
              comment = ?7, authors = ?8, author_count = ?9, categories = ?10, date = ?11, upvotes = ?12,
              content_hash = ?13, source_file = ?14, source_line = ?15, format = ?16,
              metadata_links = ?18
            WHERE id = ?17
            """)
        insertTarget = try RawStatement(
            db, sql: "INSERT OR IGNORE INTO target (kind, target, owner_id) VALUES (?1, ?2, ?3)")
        insertMention = try RawStatement(db, sql: """
            INSERT OR IGNORE INTO mention (paper_id, target_id, field, start, "end", text, rule)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """)
        // A new paper has no code status yet; an updated one replaces its own.
        insertCode = try RawStatement(db, sql: """
            INSERT OR IGNORE INTO code_status (paper_id, status, evidence, field, start, "end", rule)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """)
        replaceCode = try RawStatement(db, sql: """
            INSERT OR REPLACE INTO code_status (paper_id, status, evidence, field, start, "end", rule)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """)
        deleteMentions = try RawStatement(db, sql: "DELETE FROM mention WHERE paper_id = ?1")
        paperByKey = try RawStatement(db, sql: "SELECT id FROM paper WHERE key = ?1")
        // The most recently stored paper with the title, when several share it.
        paperByTitle = try RawStatement(db, sql: "SELECT id FROM paper WHERE title_key = ?1 ORDER BY id DESC LIMIT 1")

        // Covering-index scans, not reads of the paper rows.
        let storedKeys = try String.fetchCursor(db, sql: "SELECT key FROM paper")
        while let key = try storedKeys.next() { keys.insert(ContentHash.of(key)) }
        let storedTitles = try String.fetchCursor(db, sql: "SELECT title_key FROM paper")
        while let titleKey = try storedTitles.next() { titles.insert(ContentHash.of(titleKey)) }
        let titleOnly = try Row.fetchCursor(db, sql: "SELECT id, title_key FROM paper WHERE arxiv_id IS NULL ORDER BY id")
        while let row = try titleOnly.next() {
            titleOnlyPaperIDByTitle[ContentHash.of(row[1] as String)] = row[0]
        }
        let targets = try Row.fetchCursor(db, sql: "SELECT id, target FROM target")
        while let row = try targets.next() {
            targetIDByName[ContentHash.of(row[1] as String)] = row[0]
        }
    }

    /// The reference index of every stored paper when it could be kept up to date, and nil when
    /// resolution has to read the papers back. Ends the index's upkeep.
    mutating func takeReferenceIndex() -> StoredPaperIndex? {
        endBatch()
        defer { referenceIndex = .abandoned }
        if case .building(let indexer) = referenceIndex { return indexer.finish() }
        return nil
    }

    /// Hands the papers inserted since the last call to the reference index, which takes them in
    /// on another thread while this one writes on.
    mutating func endBatch() {
        guard !inserted.isEmpty else { return }
        if case .building(let indexer) = referenceIndex { indexer.add(inserted) }
        inserted.removeAll(keepingCapacity: true)
    }

    /// Sets the `bulkLoadIndexes` aside until `restoreIndexes`.
    mutating func beginBulkLoad() throws {
        try indexes.drop(db, names: Self.bulkLoadIndexes)
    }

    mutating func restoreIndexes() throws {
        try indexes.restore(db)
    }

    mutating func write(_ item: PreparedRecord, summary: inout IngestSummary) throws {
        summary.records += 1
        if let existing = try existingPaper(for: item) {
            try merge(item, into: existing, summary: &summary)
            return
        }
        if case .notStarted = referenceIndex {
            // The papers stored before this run come first, in row id order.
            var stored = StoredPaperIndex()
            try stored.addStoredPapers(db)
            referenceIndex = .building(ReferenceIndexer(stored))
        }
        let paperID = try bindPaper(insertPaper, item.record, prepared: item.stored, hash: item.contentHash, inserting: true)
        if case .building(let indexer) = referenceIndex {
            if let fields = item.references {
                inserted.append(IndexedPaper(
                    rowID: paperID, title: item.record.title, fields: fields, authorCount: item.record.authorCount,
                    date: item.record.date))
            } else {
                indexer.abandon()
                referenceIndex = .abandoned
                inserted.removeAll()
            }
        }
        keys.insert(item.keyHash)
        titles.insert(item.titleKeyHash)
        if item.record.arxivID == nil { titleOnlyPaperIDByTitle[item.titleKeyHash] = paperID }
        try writeEdges(paperID: paperID, extraction: item.extraction, summary: &summary, newPaper: true)
        summary.papersNew += 1
    }

    /// The stored paper this record is a copy of: same key, or same normalized title when at
    /// least one side has no arXiv id (a Hugging Face page entry and its arXiv listing).
    private mutating func existingPaper(for item: PreparedRecord) throws -> StoredPaper? {
        let record = item.record
        if keys.mayContain(item.keyHash) {
            paperByKey.bind(1, item.key)
            if let id = try paperByKey.fetchInt64(), let stored = try StoredPaper.fetch(db, id: id),
                stored.record.id == item.key
            {
                return stored
            }
        }
        let candidate: Int64?
        if record.arxivID == nil {
            candidate = titles.mayContain(item.titleKeyHash) ? try storedPaper(titleKey: item.titleKey) : nil
        } else {
            candidate = titleOnlyPaperIDByTitle[item.titleKeyHash]
        }
        if let id = candidate, let stored = try StoredPaper.fetch(db, id: id),
            stored.titleKey == item.titleKey, stored.record.arxivID == nil || record.arxivID == nil
        {
            return stored
        }
        return nil
    }

    private mutating func storedPaper(titleKey: String) throws -> Int64? {
        // A bulk load set the title index aside; a title lookup needs it back from now on.
        if indexes.isDropped("paper_by_title_key") { try indexes.restore(db, names: ["paper_by_title_key"]) }
        paperByTitle.bind(1, titleKey)
        return try paperByTitle.fetchInt64()
    }

    private mutating func merge(_ item: PreparedRecord, into stored: StoredPaper, summary: inout IngestSummary) throws {
        let merged = stored.record.merged(with: item.record)
        let hash = ContentHash.of(merged)
        guard hash != stored.contentHash else {
            summary.papersUnchanged += 1
            return
        }
        if case .building(let indexer) = referenceIndex { indexer.abandon() }
        referenceIndex = .abandoned
        inserted.removeAll()
        let extraction = merged == item.record ? item.extraction : extract(merged)
        let prepared = StoredFields(merged)
        updatePaper.bind(17, stored.id)
        _ = try bindPaper(updatePaper, merged, prepared: prepared, hash: hash)
        keys.insert(ContentHash.of(merged.id))
        titles.insert(ContentHash.of(prepared.titleKey))
        if merged.arxivID == nil {
            titleOnlyPaperIDByTitle[ContentHash.of(prepared.titleKey)] = stored.id
        } else {
            titleOnlyPaperIDByTitle[ContentHash.of(stored.titleKey)] = nil
        }
        deleteMentions.bind(1, stored.id)
        try deleteMentions.run()
        try writeEdges(paperID: stored.id, extraction: extraction, summary: &summary, newPaper: false)
        summary.papersUpdated += 1
    }

    @discardableResult
    private func bindPaper(
        _ statement: RawStatement, _ record: PaperRecord, prepared: StoredFields, hash: Int64, inserting: Bool = false
    ) throws -> Int64 {
        statement.bind(1, record.arxivID ?? prepared.titleKey)
        statement.bind(2, prepared.titleKey)
        statement.bind(3, record.arxivID)
        statement.bind(4, prepared.doi)
        statement.bind(5, record.title)
        statement.bind(6, record.abstract)
        statement.bind(7, record.comment)
        statement.bind(8, prepared.authors)
        statement.bind(9, record.authorCount)
        statement.bind(10, prepared.categories)
        statement.bind(11, record.date)
        statement.bind(12, record.upvotes)
        statement.bind(13, hash)
        statement.bind(14, record.source.file)
        statement.bind(15, record.source.line)
        statement.bind(16, record.format.rawValue)
        statement.bind(18, prepared.metadataLinks)
        return inserting ? try statement.insert() : try statement.run()
    }

    private mutating func writeEdges(
        paperID: Int64, extraction: PaperExtraction, summary: inout IngestSummary, newPaper: Bool
    ) throws {
        for link in extraction.links {
            let targetID = try targetID(kind: link.kind, target: link.target)
            summary.linksByKind[link.kind, default: 0] += 1
            for mention in link.mentions {
                insertMention.bind(1, paperID)
                insertMention.bind(2, targetID)
                insertMention.bind(3, mention.field)
                insertMention.bind(4, mention.start)
                insertMention.bind(5, mention.end)
                insertMention.bind(6, mention.text)
                insertMention.bind(7, mention.rule)
                try insertMention.run()
                summary.mentions += 1
            }
        }
        let code = extraction.code
        let statement = newPaper ? insertCode : replaceCode
        statement.bind(1, paperID)
        statement.bind(2, code.status.rawValue)
        statement.bind(3, code.evidence)
        statement.bind(4, code.field)
        statement.bind(5, code.start)
        statement.bind(6, code.end)
        statement.bind(7, code.rule)
        if newPaper { try statement.insert() } else { try statement.run() }
    }

    private mutating func targetID(kind: LinkKind, target: String) throws -> Int64 {
        let key = ContentHash.of(target)
        if let id = targetIDByName[key] { return id }
        var ownerID: Int64?
        if kind == .repo, let owner = RepoOwner.of(target) {
            ownerID = try targetID(kind: .owner, target: owner)
        }
        insertTarget.bind(1, kind.rawValue)
        insertTarget.bind(2, target)
        insertTarget.bind(3, ownerID)
        let id = try insertTarget.insert()
        targetIDByName[key] = id
        return id
    }

    /// Points `paper` targets at stored papers. Done once per run, over all paper targets, so
    /// the order in which a citing and a cited paper arrive does not matter.
    func resolvePaperTargets() throws {
        try db.execute(sql: """
            UPDATE target SET paper_id = (
                SELECT p.id FROM paper p WHERE p.arxiv_id = substr(target.target, 7)
            ) WHERE kind = 'paper' AND target LIKE 'arxiv:%';
            UPDATE target SET paper_id = (
                SELECT p.id FROM paper p WHERE p.doi = substr(target.target, 5) ORDER BY p.id LIMIT 1
            ) WHERE kind = 'paper' AND target LIKE 'doi:%';
            """)
    }

    static func recordSources(_ db: Database, _ names: [String], summary: IngestSummary) throws {
        let now = ISO8601DateFormatter().string(from: Date())
        for name in Set(names).sorted() {
            let skipped = summary.skipped.filter { $0.location.file == name }.count
            try db.execute(
                sql: """
                    INSERT INTO source (path, first_ingested_at, last_ingested_at, records, papers_new,
                      papers_updated, papers_unchanged, skipped)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(path) DO UPDATE SET last_ingested_at = excluded.last_ingested_at,
                      records = excluded.records, papers_new = excluded.papers_new,
                      papers_updated = excluded.papers_updated, papers_unchanged = excluded.papers_unchanged,
                      skipped = excluded.skipped
                    """,
                arguments: [
                    name, now, now, summary.records, summary.papersNew, summary.papersUpdated,
                    summary.papersUnchanged, skipped,
                ])
        }
    }
}

/// The owner node of a repository target (`github.com/owner/name` → `github.com/owner`).
public enum RepoOwner {
    public static func of(_ repoTarget: String) -> String? {
        let parts = repoTarget.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count >= 3 else { return nil }
        switch parts[0] {
        case "github.com", "gitlab.com", "bitbucket.org", "codeberg.org":
            return "\(parts[0])/\(parts[1])"
        default:
            // Anonymous mirrors have no owner by design.
            return nil
        }
    }
}

/// A paper row read back for merging.
struct StoredPaper {
    var id: Int64
    var titleKey: String
    var contentHash: Int64
    var record: PaperRecord

    static func fetch(_ db: Database, id: Int64) throws -> StoredPaper? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM paper WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let authors: String = row["authors"]
        let categories: String = row["categories"]
        let format = RecordFormat(rawValue: row["format"]) ?? .arxivListing
        let record = PaperRecord(
            arxivID: row["arxiv_id"], doi: row["doi"], title: row["title"], abstract: row["abstract"],
            comment: row["comment"],
            authors: authors.isEmpty ? [] : authors.components(separatedBy: "\n"),
            authorCount: row["author_count"],
            categories: categories.split(separator: " ").map(String.init),
            date: row["date"], upvotes: row["upvotes"],
            metadataLinks: MetadataLinkCoding.decode(row["metadata_links"]),
            source: SourceLocation(file: row["source_file"], line: row["source_line"]), format: format)
        return StoredPaper(id: id, titleKey: row["title_key"], contentHash: row["content_hash"], record: record)
    }
}

extension PaperRecord {
    /// Later records win field by field, but an absent value never erases a known one: a search
    /// page without dates must not wipe the date a listing page gave.
    func merged(with newer: PaperRecord) -> PaperRecord {
        var result = newer
        if result.arxivID == nil { result.arxivID = arxivID }
        if result.doi == nil { result.doi = doi }
        if result.abstract.isEmpty { result.abstract = abstract }
        if result.comment == nil { result.comment = comment }
        if result.authors.isEmpty { result.authors = authors }
        if result.authorCount == nil { result.authorCount = authorCount }
        if result.categories.isEmpty { result.categories = categories }
        if result.date == nil { result.date = date }
        if result.upvotes == nil { result.upvotes = upvotes }
        if result.metadataLinks.isEmpty { result.metadataLinks = metadataLinks }
        return result
    }
}

/// Metadata links stored as `role<TAB>url` lines, so a merge can re-extract them.
enum MetadataLinkCoding {
    static func encode(_ links: [MetadataLink]) -> String {
        links.map { "\($0.role.rawValue)\t\($0.url)" }.joined(separator: "\n")
    }

    static func decode(_ text: String) -> [MetadataLink] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, let role = MetadataLink.Role(rawValue: String(parts[0])) else { return nil }
            return MetadataLink(role: role, url: String(parts[1]))
        }
    }
}
