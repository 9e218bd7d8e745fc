import Foundation
import GRDB

/// A throwaway papergraph database in a temp directory, built from the schema note verbatim.
/// Only the schema is shared with GraphStore, never its Swift API.
struct TestDatabase: Sendable {
    let queue: DatabaseQueue
    let directory: URL

    /// GraphStore schema v1, copied verbatim from /work/notes/schema.md
    /// (also in Benchmarks/analysis/schema.sql for the Python scripts).
    static let schemaV1 = #"""
        CREATE TABLE paper (
          id INTEGER PRIMARY KEY,            -- internal id
          key TEXT NOT NULL UNIQUE,          -- PaperRecord.id: arXiv id (no version) or normalized title
          arxiv_id TEXT,                     -- NULL for title-only papers (HF pages)
          doi TEXT,
          title TEXT NOT NULL,
          abstract TEXT NOT NULL,
          comment TEXT,
          authors TEXT NOT NULL DEFAULT '',  -- names joined by '\n' (may be empty)
          author_count INTEGER,
          categories TEXT NOT NULL DEFAULT '', -- space separated, primary first (may be empty)
          date TEXT,                         -- 'YYYY-MM-DD' or NULL
          upvotes INTEGER,
          content_hash INTEGER NOT NULL,
          source_file TEXT NOT NULL, source_line INTEGER NOT NULL, format TEXT NOT NULL
        );
        CREATE INDEX paper_by_arxiv ON paper(arxiv_id);
        CREATE INDEX paper_by_date ON paper(date);

        CREATE TABLE target (                -- link targets = non-paper nodes (and dangling paper refs)
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL,                -- 'repo' | 'owner' | 'artifact' | 'paper' | 'page'
          target TEXT NOT NULL UNIQUE,       -- canonical, e.g. 'github.com/owner/name', 'arxiv:2401.01234'
          owner_id INTEGER REFERENCES target(id),  -- for kind 'repo': its 'owner' target (github.com/owner)
          paper_id INTEGER REFERENCES paper(id)    -- for kind 'paper': the stored paper it resolves to, else NULL
        );
        CREATE INDEX target_by_kind ON target(kind);

        CREATE TABLE mention (               -- paper → target edge, one row per place it is written
          paper_id INTEGER NOT NULL REFERENCES paper(id) ON DELETE CASCADE,
          target_id INTEGER NOT NULL REFERENCES target(id),
          field TEXT NOT NULL,               -- 'abstract' | 'comment' | 'title' | 'metadata'
          start INTEGER NOT NULL, "end" INTEGER NOT NULL,   -- unicode-scalar offsets into the field
          text TEXT NOT NULL, rule TEXT NOT NULL,
          PRIMARY KEY (paper_id, field, start)
        ) WITHOUT ROWID;
        CREATE INDEX mention_by_target ON mention(target_id, paper_id);

        CREATE TABLE code_status (
          paper_id INTEGER PRIMARY KEY REFERENCES paper(id) ON DELETE CASCADE,
          status TEXT NOT NULL,              -- 'released' | 'promised' | 'none'
          evidence TEXT, field TEXT, start INTEGER, "end" INTEGER, rule TEXT
        );
        CREATE INDEX code_status_by_status ON code_status(status);

        CREATE TABLE source (id INTEGER PRIMARY KEY, path TEXT NOT NULL, ingested_at TEXT NOT NULL,
          records INTEGER NOT NULL, papers_new INTEGER NOT NULL, papers_updated INTEGER NOT NULL,
          papers_unchanged INTEGER NOT NULL, skipped INTEGER NOT NULL);
        """#

    /// The optional table a later issue adds (shape from the schema note).
    static let referenceTable = #"""
        CREATE TABLE reference (citing_id INTEGER NOT NULL REFERENCES paper(id),
          cited_id INTEGER NOT NULL REFERENCES paper(id), rule TEXT NOT NULL, field TEXT NOT NULL,
          start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL);
        """#

    /// - Parameter schema: false leaves the database without tables.
    init(schema: Bool = true) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("analysis-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        queue = try DatabaseQueue(path: directory.appendingPathComponent("papergraph.sqlite").path)
        if schema { try queue.write { try $0.execute(sql: Self.schemaV1) } }
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    func write(_ body: (Database) throws -> Void) throws { try queue.write(body) }
}

/// Row inserters for hand-made fixtures.
enum Insert {
    static func paper(
        _ db: Database, id: Int64, key: String? = nil, title: String? = nil, arxivID: String? = nil,
        categories: String = "", date: String? = nil
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO paper (id, key, arxiv_id, title, abstract, categories, date, content_hash,
                                   source_file, source_line, format)
                VALUES (?, ?, ?, ?, '', ?, ?, 0, 'fixture', ?, 'arxiv-listing')
                """,
            arguments: [id, key ?? arxivID ?? "paper \(id)", arxivID, title ?? "Paper \(id)", categories, date, id])
    }

    static func target(
        _ db: Database, id: Int64, kind: String, target: String, ownerID: Int64? = nil, paperID: Int64? = nil
    ) throws {
        try db.execute(
            sql: "INSERT INTO target (id, kind, target, owner_id, paper_id) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, kind, target, ownerID, paperID])
    }

    /// One mention; `start` must differ between mentions of the same paper.
    static func mention(_ db: Database, paper: Int64, target: Int64, start: Int, field: String = "abstract") throws {
        try db.execute(
            sql: #"INSERT INTO mention (paper_id, target_id, field, start, "end", text, rule) VALUES (?, ?, ?, ?, ?, 'x', 'fixture')"#,
            arguments: [paper, target, field, start, start + 1])
    }

    static func codeStatus(_ db: Database, paper: Int64, status: String) throws {
        try db.execute(sql: "INSERT INTO code_status (paper_id, status) VALUES (?, ?)", arguments: [paper, status])
    }

    static func reference(_ db: Database, citing: Int64, cited: Int64, start: Int) throws {
        try db.execute(
            sql: #"INSERT INTO reference (citing_id, cited_id, rule, field, start, "end", text) VALUES (?, ?, 'name', 'abstract', ?, ?, 'x')"#,
            arguments: [citing, cited, start, start + 1])
    }
}
