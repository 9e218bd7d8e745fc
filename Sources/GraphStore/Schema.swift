import GRDB

/// Versioned schema. Each migration is append-only: never edit one that has shipped.
enum Schema {
    /// Bumped with every migration; a database with a higher `user_version` was written by a newer tool.
    static let currentVersion = 4

    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-papers-targets-mentions") { db in
            try db.execute(sql: """
                CREATE TABLE paper (
                  id INTEGER PRIMARY KEY,
                  key TEXT NOT NULL UNIQUE,
                  title_key TEXT NOT NULL,
                  arxiv_id TEXT,
                  doi TEXT,
                  title TEXT NOT NULL,
                  abstract TEXT NOT NULL,
                  comment TEXT,
                  authors TEXT NOT NULL DEFAULT '',
                  author_count INTEGER,
                  categories TEXT NOT NULL DEFAULT '',
                  date TEXT,
                  upvotes INTEGER,
                  metadata_links TEXT NOT NULL DEFAULT '',
                  content_hash INTEGER NOT NULL,
                  source_file TEXT NOT NULL,
                  source_line INTEGER NOT NULL,
                  format TEXT NOT NULL
                );
                CREATE INDEX paper_by_arxiv ON paper(arxiv_id);
                CREATE INDEX paper_by_doi ON paper(doi) WHERE doi IS NOT NULL;
                CREATE INDEX paper_by_date ON paper(date);
                CREATE INDEX paper_by_title_key ON paper(title_key);

                CREATE TABLE target (
                  id INTEGER PRIMARY KEY,
                  kind TEXT NOT NULL,
                  target TEXT NOT NULL UNIQUE,
                  owner_id INTEGER REFERENCES target(id),
                  paper_id INTEGER REFERENCES paper(id) ON DELETE SET NULL
                );
                CREATE INDEX target_by_kind ON target(kind);

                CREATE TABLE mention (
                  paper_id INTEGER NOT NULL REFERENCES paper(id) ON DELETE CASCADE,
                  target_id INTEGER NOT NULL REFERENCES target(id),
                  field TEXT NOT NULL,
                  start INTEGER NOT NULL,
                  "end" INTEGER NOT NULL,
                  text TEXT NOT NULL,
                  rule TEXT NOT NULL,
                  PRIMARY KEY (paper_id, field, start)
                ) WITHOUT ROWID;
                CREATE INDEX mention_by_target ON mention(target_id, paper_id);

                CREATE TABLE code_status (
                  paper_id INTEGER PRIMARY KEY REFERENCES paper(id) ON DELETE CASCADE,
                  status TEXT NOT NULL,
                  evidence TEXT,
                  field TEXT,
                  start INTEGER,
                  "end" INTEGER,
                  rule TEXT
                );
                CREATE INDEX code_status_by_status ON code_status(status);

                CREATE TABLE source (
                  id INTEGER PRIMARY KEY,
                  path TEXT NOT NULL UNIQUE,
                  first_ingested_at TEXT NOT NULL,
                  last_ingested_at TEXT NOT NULL,
                  records INTEGER NOT NULL,
                  papers_new INTEGER NOT NULL,
                  papers_updated INTEGER NOT NULL,
                  papers_unchanged INTEGER NOT NULL,
                  skipped INTEGER NOT NULL
                );
                """)
        }
        // v2: paper-to-paper references found by name, author–year and title (`reference`), the
        // names papers claim (`paper_name`), and one view over every paper reference including
        // the identifier ones that live in `mention`/`target`.
        migrator.registerMigration("v2-references") { db in
            try db.execute(sql: """
                CREATE TABLE reference (
                  citing_id INTEGER NOT NULL REFERENCES paper(id) ON DELETE CASCADE,
                  cited_id INTEGER REFERENCES paper(id) ON DELETE SET NULL,
                  rule TEXT NOT NULL,
                  field TEXT NOT NULL,
                  start INTEGER NOT NULL,
                  "end" INTEGER NOT NULL,
                  text TEXT NOT NULL,
                  cited_text TEXT,
                  PRIMARY KEY (citing_id, field, start, rule)
                ) WITHOUT ROWID;
                CREATE INDEX reference_by_cited ON reference(cited_id);

                CREATE TABLE paper_name (
                  name TEXT NOT NULL,
                  paper_id INTEGER NOT NULL REFERENCES paper(id) ON DELETE CASCADE,
                  ambiguous INTEGER NOT NULL,
                  PRIMARY KEY (name, paper_id)
                ) WITHOUT ROWID;
                CREATE INDEX paper_name_by_paper ON paper_name(paper_id);

                CREATE VIEW paper_reference AS
                  SELECT m.paper_id AS citing_id, t.paper_id AS cited_id, 'identifier' AS rule, m.field AS field,
                         m.start AS start, m."end" AS "end", m.text AS text, t.target AS cited_text
                  FROM mention m JOIN target t ON t.id = m.target_id
                  WHERE t.kind = 'paper' AND (t.paper_id IS NULL OR t.paper_id <> m.paper_id)
                  UNION ALL
                  SELECT citing_id, cited_id, rule, field, start, "end", text, cited_text FROM reference;
                """)
            // Databases written by v1 already hold papers: resolve them now.
            try ReferenceResolver.rebuild(db, reporting: false)
        }
        // v3: code-status changes across re-ingests (promised → released follow-ups).
        migrator.registerMigration("v3-code-status-history") { db in try CodeStatusHistory.createSchema(db) }
        // v4: stored topic assignments (`papergraph topics`), see TopicStore.
        migrator.registerMigration("v4-topics") { db in try TopicStore.createTables(db) }
        return migrator
    }
}
