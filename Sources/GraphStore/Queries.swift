import Corpus
import Extraction
import Foundation
import GRDB

/// Counts for `papergraph stats`.
public struct StoreStats: Sendable {
    public var papers = 0
    public var targetsByKind: [String: Int] = [:]
    public var linksByKind: [String: Int] = [:]
    public var mentions = 0
    public var codeStatus: [String: Int] = [:]
    public var resolvedPaperReferences = 0
    public var sources: [SourceRow] = []

    public struct SourceRow: Sendable {
        public var path: String
        public var firstIngestedAt: String
        public var lastIngestedAt: String
        public var records: Int
        public var skipped: Int
    }
}

/// A paper row as listing commands show it.
public struct PaperSummary: Sendable, Hashable {
    public var id: Int64
    public var key: String
    public var arxivID: String?
    public var title: String
    public var date: String?
    public var categories: [String]
    public var codeStatus: CodeStatus
    public var codeEvidence: String?
    public var repos: [String]
}

/// A paper with everything extracted from it, for `show`.
public struct PaperDetail: Sendable {
    public var summary: PaperSummary
    public var abstract: String
    public var comment: String?
    public var authors: [String]
    public var authorCount: Int?
    public var upvotes: Int?
    public var source: String
    public var code: CodeVerdict
    public var links: [StoredLink]
}

public struct StoredLink: Sendable, Hashable {
    public var kind: LinkKind
    public var target: String
    /// The stored paper a `paper` target resolves to.
    public var resolvedPaper: String?
    public var mentions: [StoredMention]
}

public struct StoredMention: Sendable, Hashable {
    public var field: String
    public var start: Int
    public var end: Int
    public var text: String
    public var rule: String
    /// The sentence around the mention, so the edge can be audited without opening the abstract.
    public var context: String
}

/// One shared repository (or owner) and the papers that mention it.
public struct SharedTarget: Sendable, Hashable {
    public var target: String
    public var kind: LinkKind
    public var papers: [PaperRef]
}

public struct PaperRef: Sendable, Hashable {
    public var key: String
    public var title: String
}

public enum SharedGrouping: String, Sendable, CaseIterable {
    case repo
    case owner
}

extension GraphStore {
    public func stats() throws(StoreError) -> StoreStats {
        try read { db in
            var stats = StoreStats()
            stats.papers = try Int.fetchOne(db, sql: "SELECT count(*) FROM paper") ?? 0
            for row in try Row.fetchAll(db, sql: "SELECT kind, count(*) FROM target GROUP BY kind") {
                stats.targetsByKind[row[0]] = row[1]
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT t.kind, count(*) FROM (SELECT DISTINCT paper_id, target_id FROM mention) m
                JOIN target t ON t.id = m.target_id GROUP BY t.kind
                """)
            {
                stats.linksByKind[row[0]] = row[1]
            }
            stats.mentions = try Int.fetchOne(db, sql: "SELECT count(*) FROM mention") ?? 0
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) FROM code_status GROUP BY status") {
                stats.codeStatus[row[0]] = row[1]
            }
            stats.resolvedPaperReferences =
                try Int.fetchOne(db, sql: """
                    SELECT count(DISTINCT m.paper_id || ':' || t.paper_id) FROM mention m
                    JOIN target t ON t.id = m.target_id
                    WHERE t.paper_id IS NOT NULL AND t.paper_id <> m.paper_id
                    """) ?? 0
            stats.sources = try Row.fetchAll(db, sql: "SELECT * FROM source ORDER BY path").map { row in
                StoreStats.SourceRow(
                    path: row["path"], firstIngestedAt: row["first_ingested_at"],
                    lastIngestedAt: row["last_ingested_at"], records: row["records"], skipped: row["skipped"])
            }
            return stats
        }
    }

    /// Finds one paper by arXiv id (any version, with or without `arXiv:`), exact key, or a
    /// case-insensitive title substring. Several title matches are an error listing them.
    public func resolvePaper(_ query: String) throws(StoreError) -> Int64 {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        let result: Result<Int64, StoreError> = try read { db in
            if let arxiv = PaperIdentityBridge.arxivID(trimmed),
                let id = try Int64.fetchOne(db, sql: "SELECT id FROM paper WHERE arxiv_id = ?", arguments: [arxiv])
            {
                return .success(id)
            }
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM paper WHERE key = ?", arguments: [trimmed]) {
                return .success(id)
            }
            let normalized = PaperIdentityBridge.titleKey(trimmed)
            guard !normalized.isEmpty else { return .failure(.paperNotFound(query: query)) }
            if let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM paper WHERE title_key = ? ORDER BY id LIMIT 1", arguments: [normalized])
            {
                return .success(id)
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, key, title FROM paper WHERE instr(title_key, ?) > 0 ORDER BY title, key LIMIT 51
                    """, arguments: [normalized])
            switch rows.count {
            case 0: return .failure(.paperNotFound(query: query))
            case 1: return .success(rows[0]["id"])
            default:
                return .failure(.ambiguousPaper(
                    query: query, candidates: rows.map { "\($0["key"] as String)  \($0["title"] as String)" }))
            }
        }
        return try result.get()
    }

    public func paperDetail(id: Int64) throws(StoreError) -> PaperDetail {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM paper WHERE id = ?", arguments: [id]) else {
                throw StoreError.paperNotFound(query: "#\(id)")
            }
            let summary = try Self.summaries(db, whereSQL: "p.id = ?", arguments: [id]).first
            let codeRow = try Row.fetchOne(db, sql: "SELECT * FROM code_status WHERE paper_id = ?", arguments: [id])
            let code = CodeVerdict(
                status: CodeStatus(rawValue: codeRow?["status"] ?? "none") ?? .none,
                evidence: codeRow?["evidence"], field: codeRow?["field"], start: codeRow?["start"],
                end: codeRow?["end"], rule: codeRow?["rule"])
            let abstract: String = row["abstract"]
            let comment: String? = row["comment"]
            let metadata: String = row["metadata_links"]
            var links: [StoredLink] = []
            let mentionRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT t.kind, t.target, m.field, m.start, m."end", m.text, m.rule, rp.key AS ref_key, rp.title AS ref_title
                    FROM mention m JOIN target t ON t.id = m.target_id
                    LEFT JOIN paper rp ON rp.id = t.paper_id
                    WHERE m.paper_id = ?
                    ORDER BY CASE m.field WHEN 'abstract' THEN 0 WHEN 'comment' THEN 1 ELSE 2 END, m.start
                    """, arguments: [id])
            for mention in mentionRows {
                let field: String = mention["field"]
                let fieldText = field == "abstract" ? abstract : field == "comment" ? (comment ?? "") : metadata
                let stored = StoredMention(
                    field: field, start: mention["start"], end: mention["end"], text: mention["text"],
                    rule: mention["rule"],
                    context: SentenceContext.around(start: mention["start"], end: mention["end"], in: fieldText))
                let target: String = mention["target"]
                if let index = links.firstIndex(where: { $0.target == target }) {
                    links[index].mentions.append(stored)
                } else {
                    let refKey: String? = mention["ref_key"]
                    let refTitle: String? = mention["ref_title"]
                    links.append(StoredLink(
                        kind: LinkKind(rawValue: mention["kind"]) ?? .page, target: target,
                        resolvedPaper: refKey.map { key in "\(key) \(refTitle ?? "")" },
                        mentions: [stored]))
                }
            }
            let authors: String = row["authors"]
            return PaperDetail(
                summary: summary ?? PaperSummary(
                    id: id, key: row["key"], arxivID: row["arxiv_id"], title: row["title"], date: row["date"],
                    categories: [], codeStatus: code.status, codeEvidence: code.evidence, repos: []),
                abstract: abstract, comment: comment,
                authors: authors.isEmpty ? [] : authors.components(separatedBy: "\n"),
                authorCount: row["author_count"], upvotes: row["upvotes"],
                source: "\(row["source_file"] as String):\(row["source_line"] as Int)", code: code, links: links)
        }
    }

    /// Papers filtered by code status and date, newest first.
    public func papers(status: CodeStatus?, since: String?, until: String? = nil, limit: Int? = nil)
        throws(StoreError) -> [PaperSummary]
    {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let status {
            conditions.append("COALESCE(c.status, 'none') = ?")
            arguments.append(status.rawValue)
        }
        if let since {
            conditions.append("p.date >= ?")
            arguments.append(since)
        }
        if let until {
            conditions.append("p.date <= ?")
            arguments.append(until)
        }
        let whereSQL = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
        return try read { db in
            var rows = try Self.summaries(db, whereSQL: whereSQL, arguments: StatementArguments(arguments))
            if let limit { rows = Array(rows.prefix(limit)) }
            return rows
        }
    }

    static func summaries(_ db: Database, whereSQL: String, arguments: StatementArguments) throws -> [PaperSummary] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT p.id, p.key, p.arxiv_id, p.title, p.date, p.categories,
                       COALESCE(c.status, 'none') AS status, c.evidence,
                       (SELECT group_concat(target, ' ') FROM (
                           SELECT DISTINCT t.target FROM mention m JOIN target t ON t.id = m.target_id
                           WHERE m.paper_id = p.id AND t.kind = 'repo' ORDER BY t.target)) AS repos
                FROM paper p LEFT JOIN code_status c ON c.paper_id = p.id
                WHERE \(whereSQL)
                ORDER BY p.date IS NULL, p.date DESC, p.key
                """, arguments: arguments)
        return rows.map { row in
            let categories: String = row["categories"]
            let repos: String? = row["repos"]
            return PaperSummary(
                id: row["id"], key: row["key"], arxivID: row["arxiv_id"], title: row["title"], date: row["date"],
                categories: categories.split(separator: " ").map(String.init),
                codeStatus: CodeStatus(rawValue: row["status"]) ?? .none, codeEvidence: row["evidence"],
                repos: repos?.split(separator: " ").map(String.init) ?? [])
        }
    }

    /// Repositories (or owners) mentioned by at least `minPapers` papers, most shared first.
    public func sharedTargets(by grouping: SharedGrouping, minPapers: Int) throws(StoreError) -> [SharedTarget] {
        let sql: String
        switch grouping {
        case .repo:
            sql = """
                SELECT t.target AS name, t.kind AS kind, p.key AS key, p.title AS title
                FROM target t JOIN (SELECT DISTINCT target_id, paper_id FROM mention) m ON m.target_id = t.id
                JOIN paper p ON p.id = m.paper_id
                WHERE t.kind = 'repo'
                  AND t.id IN (SELECT target_id FROM mention GROUP BY target_id HAVING count(DISTINCT paper_id) >= ?)
                """
        case .owner:
            // An owner is shared when papers reach it directly or through any of its repositories.
            sql = """
                SELECT o.target AS name, o.kind AS kind, p.key AS key, p.title AS title FROM (
                    SELECT DISTINCT COALESCE(t.owner_id, t.id) AS owner_id, m.paper_id
                    FROM mention m JOIN target t ON t.id = m.target_id
                    WHERE t.kind = 'owner' OR (t.kind = 'repo' AND t.owner_id IS NOT NULL)
                ) x JOIN target o ON o.id = x.owner_id JOIN paper p ON p.id = x.paper_id
                WHERE x.owner_id IN (
                    SELECT owner_id FROM (
                        SELECT DISTINCT COALESCE(t.owner_id, t.id) AS owner_id, m.paper_id
                        FROM mention m JOIN target t ON t.id = m.target_id
                        WHERE t.kind = 'owner' OR (t.kind = 'repo' AND t.owner_id IS NOT NULL))
                    GROUP BY owner_id HAVING count(*) >= ?)
                """
        }
        return try read { db in
            var grouped: [String: SharedTarget] = [:]
            for row in try Row.fetchAll(db, sql: sql, arguments: [max(1, minPapers)]) {
                let name: String = row["name"]
                let ref = PaperRef(key: row["key"], title: row["title"])
                grouped[name, default: SharedTarget(
                    target: name, kind: LinkKind(rawValue: row["kind"]) ?? .repo, papers: [])].papers.append(ref)
            }
            return grouped.values.map { shared in
                var shared = shared
                shared.papers.sort { ($0.key, $0.title) < ($1.key, $1.title) }
                return shared
            }.sorted { ($1.papers.count, $0.target) < ($0.papers.count, $1.target) }
        }
    }
}

/// Bridges identity rules from `Corpus` without making callers import it.
enum PaperIdentityBridge {
    static func arxivID(_ text: String) -> String? {
        var text = text
        for prefix in ["https://arxiv.org/abs/", "http://arxiv.org/abs/", "arxiv.org/abs/"] where text.lowercased().hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        return PaperIdentity.normalizedArxivID(text)
    }

    static func titleKey(_ text: String) -> String { PaperIdentity.normalizedTitle(text) }
}
