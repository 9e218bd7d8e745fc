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

/// Writes prepared records inside the ingest transaction. Caches map hashed keys to row ids
/// so that a fresh ingest never has to look anything up in SQLite.
struct IngestWriter {
    private let db: Database
    private let insertPaper: RawStatement
    private let updatePaper: RawStatement
    private let insertTarget: RawStatement
    private let insertMention: RawStatement
    private let insertCode: RawStatement
    private let deleteMentions: RawStatement
    private var paperIDByKey: [UInt64: Int64] = [:]
    /// Every paper by title, for incoming records without an arXiv id.
    private var paperIDByTitle: [UInt64: Int64] = [:]
    /// Only papers without an arXiv id, for incoming records with one: two arXiv papers with
    /// the same title stay two papers, so looking them up would be wasted reads.
    private var titleOnlyPaperIDByTitle: [UInt64: Int64] = [:]
    private var targetIDByName: [UInt64: Int64] = [:]

    init(db: Database) throws {
        self.db = db
        insertPaper = try RawStatement(db, sql: """
            INSERT INTO paper (key, title_key, arxiv_id, doi, title, abstract, comment, authors, author_count,
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
        insertTarget = try RawStatement(db, sql: "INSERT INTO target (kind, target, owner_id) VALUES (?1, ?2, ?3)")
        insertMention = try RawStatement(db, sql: """
            INSERT OR IGNORE INTO mention (paper_id, target_id, field, start, "end", text, rule)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """)
        insertCode = try RawStatement(db, sql: """
            INSERT OR REPLACE INTO code_status (paper_id, status, evidence, field, start, "end", rule)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """)
        deleteMentions = try RawStatement(db, sql: "DELETE FROM mention WHERE paper_id = ?1")

        let papers = try Row.fetchCursor(db, sql: "SELECT id, key, title_key, arxiv_id IS NULL FROM paper")
        while let row = try papers.next() {
            let id: Int64 = row[0]
            paperIDByKey[ContentHash.of(row[1] as String)] = id
            paperIDByTitle[ContentHash.of(row[2] as String)] = id
            if row[3] as Bool { titleOnlyPaperIDByTitle[ContentHash.of(row[2] as String)] = id }
        }
        let targets = try Row.fetchCursor(db, sql: "SELECT id, target FROM target")
        while let row = try targets.next() {
            targetIDByName[ContentHash.of(row[1] as String)] = row[0]
        }
    }

    mutating func write(_ item: PreparedRecord, summary: inout IngestSummary) throws {
        summary.records += 1
        let titleKey = PaperIdentity.normalizedTitle(item.record.title)
        if let existing = try existingPaper(for: item.record, titleKey: titleKey) {
            try merge(item, into: existing, titleKey: titleKey, summary: &summary)
            return
        }
        let paperID = try bindPaper(insertPaper, item.record, titleKey: titleKey, hash: item.contentHash)
        paperIDByKey[ContentHash.of(item.record.id)] = paperID
        paperIDByTitle[ContentHash.of(titleKey)] = paperID
        if item.record.arxivID == nil { titleOnlyPaperIDByTitle[ContentHash.of(titleKey)] = paperID }
        try writeEdges(paperID: paperID, extraction: item.extraction, summary: &summary)
        summary.papersNew += 1
    }

    /// The stored paper this record is a copy of: same key, or same normalized title when at
    /// least one side has no arXiv id (a Hugging Face page entry and its arXiv listing).
    private func existingPaper(for record: PaperRecord, titleKey: String) throws -> StoredPaper? {
        if let id = paperIDByKey[ContentHash.of(record.id)], let stored = try StoredPaper.fetch(db, id: id),
            stored.record.id == record.id
        {
            return stored
        }
        let titles = record.arxivID == nil ? paperIDByTitle : titleOnlyPaperIDByTitle
        if let id = titles[ContentHash.of(titleKey)], let stored = try StoredPaper.fetch(db, id: id),
            stored.titleKey == titleKey, stored.record.arxivID == nil || record.arxivID == nil
        {
            return stored
        }
        return nil
    }

    private mutating func merge(
        _ item: PreparedRecord, into stored: StoredPaper, titleKey: String, summary: inout IngestSummary
    ) throws {
        let merged = stored.record.merged(with: item.record)
        let hash = ContentHash.of(merged)
        guard hash != stored.contentHash else {
            summary.papersUnchanged += 1
            return
        }
        let extraction = merged == item.record ? item.extraction : extract(merged)
        let mergedTitleKey = PaperIdentity.normalizedTitle(merged.title)
        updatePaper.bind(17, stored.id)
        _ = try bindPaper(updatePaper, merged, titleKey: mergedTitleKey, hash: hash)
        paperIDByKey[ContentHash.of(merged.id)] = stored.id
        paperIDByTitle[ContentHash.of(mergedTitleKey)] = stored.id
        if merged.arxivID == nil {
            titleOnlyPaperIDByTitle[ContentHash.of(mergedTitleKey)] = stored.id
        } else {
            titleOnlyPaperIDByTitle[ContentHash.of(stored.titleKey)] = nil
        }
        deleteMentions.bind(1, stored.id)
        try deleteMentions.run()
        try writeEdges(paperID: stored.id, extraction: extraction, summary: &summary)
        summary.papersUpdated += 1
    }

    @discardableResult
    private func bindPaper(_ statement: RawStatement, _ record: PaperRecord, titleKey: String, hash: Int64) throws
        -> Int64
    {
        statement.bind(1, record.id)
        statement.bind(2, titleKey)
        statement.bind(3, record.arxivID)
        statement.bind(4, record.doi?.lowercased())
        statement.bind(5, record.title)
        statement.bind(6, record.abstract)
        statement.bind(7, record.comment)
        statement.bind(8, record.authors.joined(separator: "\n"))
        statement.bind(9, record.authorCount)
        statement.bind(10, record.categories.joined(separator: " "))
        statement.bind(11, record.date)
        statement.bind(12, record.upvotes)
        statement.bind(13, hash)
        statement.bind(14, record.source.file)
        statement.bind(15, record.source.line)
        statement.bind(16, record.format.rawValue)
        statement.bind(18, MetadataLinkCoding.encode(record.metadataLinks))
        return try statement.run()
    }

    private mutating func writeEdges(paperID: Int64, extraction: PaperExtraction, summary: inout IngestSummary) throws {
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
        insertCode.bind(1, paperID)
        insertCode.bind(2, code.status.rawValue)
        insertCode.bind(3, code.evidence)
        insertCode.bind(4, code.field)
        insertCode.bind(5, code.start)
        insertCode.bind(6, code.end)
        insertCode.bind(7, code.rule)
        try insertCode.run()
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
        let id = try insertTarget.run()
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

    func recordSources(_ names: [String], summary: IngestSummary) throws {
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
