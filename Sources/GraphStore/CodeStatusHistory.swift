import GRDB

/// The changes of a paper's code status across ingests.
///
/// `code_status` holds one row per paper, and a later record of the same paper (a new listing,
/// v2 of the abstract, a Hugging Face page adding the repository link) replaces it. This table
/// keeps what the replacement would lose: every time a re-ingest changes a paper's status, one
/// row with the old and new status and the record that caused the change (its file:line and
/// date). "Promised in March, released in June" is then a `promised` → `released` row.
///
/// Changes are recorded by triggers on `code_status`, so every writer (the ingest writer's
/// `INSERT OR REPLACE`, an upsert, a plain `UPDATE`) is covered without a call in the ingest
/// loop, and a first classification (no earlier row) costs one primary-key probe and writes
/// nothing. The triggers read the record's location from the `paper` row, which the ingest
/// writer updates before it writes the paper's code status.
public enum CodeStatusHistory {
    /// Table name, for queries elsewhere (Analysis reads it when it exists).
    public static let table = "code_status_history"

    /// Schema v3: the history table and the triggers that fill it.
    static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE code_status_history (
              id INTEGER PRIMARY KEY,            -- order of the changes
              paper_id INTEGER NOT NULL REFERENCES paper(id) ON DELETE CASCADE,
              from_status TEXT NOT NULL,
              status TEXT NOT NULL,
              source_file TEXT NOT NULL,         -- the record that changed the status
              source_line INTEGER NOT NULL,
              date TEXT                          -- that record's date (the paper's date after the merge)
            );
            CREATE INDEX code_status_history_by_paper ON code_status_history(paper_id);

            -- INSERT OR REPLACE and upserts: the old row is still there before the insert.
            CREATE TRIGGER code_status_history_on_replace BEFORE INSERT ON code_status
            WHEN EXISTS (SELECT 1 FROM code_status WHERE paper_id = NEW.paper_id AND status <> NEW.status)
            BEGIN
              INSERT INTO code_status_history (paper_id, from_status, status, source_file, source_line, date)
              SELECT NEW.paper_id, c.status, NEW.status, p.source_file, p.source_line, p.date
              FROM code_status c JOIN paper p ON p.id = c.paper_id
              WHERE c.paper_id = NEW.paper_id;
            END;

            CREATE TRIGGER code_status_history_on_update AFTER UPDATE OF status ON code_status
            WHEN OLD.status <> NEW.status
            BEGIN
              INSERT INTO code_status_history (paper_id, from_status, status, source_file, source_line, date)
              SELECT NEW.paper_id, OLD.status, NEW.status, p.source_file, p.source_line, p.date
              FROM paper p WHERE p.id = NEW.paper_id;
            END;
            """)
    }

    /// One recorded change.
    public struct Change: Sendable, Hashable, Codable {
        public var paperID: Int64
        public var paperKey: String
        public var title: String
        public var fromStatus: String
        public var status: String
        public var sourceFile: String
        public var sourceLine: Int
        public var date: String?

        /// `promised` → `released`: the code a paper promised showed up in a later record.
        public var isFollowUp: Bool { fromStatus == "promised" && status == "released" }
    }

    /// Every recorded change in the order it happened (empty for a database older than v3).
    public static func changes(_ db: Database) throws -> [Change] {
        guard try db.tableExists(table) else { return [] }
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT h.paper_id, p.key, p.title, h.from_status, h.status, h.source_file, h.source_line, h.date
                FROM code_status_history h JOIN paper p ON p.id = h.paper_id
                ORDER BY h.id
                """)
        var changes = [Change]()
        while let row = try rows.next() {
            changes.append(
                Change(
                    paperID: row[0], paperKey: row[1], title: row[2], fromStatus: row[3], status: row[4],
                    sourceFile: row[5], sourceLine: row[6], date: row[7]))
        }
        return changes
    }
}
