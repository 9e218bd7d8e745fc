-- GraphStore schema v1, copied verbatim from the schema note (keep in sync with
-- Tests/AnalysisTests/TestDatabase.swift).
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
