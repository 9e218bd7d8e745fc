#!/usr/bin/env python3
"""Peer baseline for the ingest benchmark: plain Python `re` + `sqlite3`.

Reads arXiv listing JSON Lines (one paper per line, as in shared/corpora), extracts links from the
abstract and comment with regular expressions, classifies code status with regular expressions
over sentences, and stores everything in the PaperGraph v1 schema (copied from notes/schema.md).

It is meant to be a fair peer, not a strawman: compiled regexes, a cheap pre-filter so papers
without any link pay for one scan only, `executemany` in one transaction per 10,000 papers,
WAL + synchronous=NORMAL, an in-memory id cache for papers and targets, explicit ids so no
read-back is needed. Foreign keys are enforced, as GRDB does by default.

Scope: ingest into a fresh (or append-only) database. A paper whose key is already stored is
counted as unchanged and skipped; updating changed papers is not implemented.

Usage: ingest_baseline.py --db FILE [--batch 10000] FILE...

The last line on stdout is one parseable record:
  baseline papers=N new=N skipped=N targets=N mentions=N seconds=S papers_per_s=R peak_rss_mb=M
"""

import argparse
import bisect
import hashlib
import json
import re
import resource
import sqlite3
import sys
import time

SCHEMA = """
CREATE TABLE paper (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
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
  content_hash INTEGER NOT NULL,
  source_file TEXT NOT NULL, source_line INTEGER NOT NULL, format TEXT NOT NULL
);
CREATE INDEX paper_by_arxiv ON paper(arxiv_id);
CREATE INDEX paper_by_date ON paper(date);

CREATE TABLE target (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  target TEXT NOT NULL UNIQUE,
  owner_id INTEGER REFERENCES target(id),
  paper_id INTEGER REFERENCES paper(id)
);
CREATE INDEX target_by_kind ON target(kind);

CREATE TABLE mention (
  paper_id INTEGER NOT NULL REFERENCES paper(id) ON DELETE CASCADE,
  target_id INTEGER NOT NULL REFERENCES target(id),
  field TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  text TEXT NOT NULL, rule TEXT NOT NULL,
  PRIMARY KEY (paper_id, field, start)
) WITHOUT ROWID;
CREATE INDEX mention_by_target ON mention(target_id, paper_id);

CREATE TABLE code_status (
  paper_id INTEGER PRIMARY KEY REFERENCES paper(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  evidence TEXT, field TEXT, start INTEGER, "end" INTEGER, rule TEXT
);
CREATE INDEX code_status_by_status ON code_status(status);

CREATE TABLE source (id INTEGER PRIMARY KEY, path TEXT NOT NULL, ingested_at TEXT NOT NULL,
  records INTEGER NOT NULL, papers_new INTEGER NOT NULL, papers_updated INTEGER NOT NULL,
  papers_unchanged INTEGER NOT NULL, skipped INTEGER NOT NULL);
"""

# --- Link extraction ------------------------------------------------------------------------

# Characters allowed inside a URL. A newline is allowed only straight after a slash and before a
# word character: that is how a URL hard-wrapped by its author (or by the old arXiv API) looks.
_URL_BODY = r"(?:[^\s<>\"{}|\\^`\[\]]|(?<=/)\n(?=\w))"
_CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org")

# One pattern per written form, each starting with a literal: `re` then skips to candidates with
# a fast substring search, where one big alternation would be tried at every character (70x
# slower on these abstracts). Each pattern runs only if its literal occurs in the text at all.
# Entries: (literal that must occur, pattern, rule, group holding the URL, 0 for the whole match).
_URL_FORMS = (
    ("\\href{", re.compile(r"\\href\{([^{}\s]+)\}\{[^{}]*\}"), "latex-href", 1),
    ("\\url{", re.compile(r"\\url\{([^{}\s]+)\}"), "latex-url", 1),
    ("[this https URL](", re.compile(r"\[this https URL\]\(([^()\s]+)\)"), "markdown-url", 1),
    ("://", re.compile(r"https?://" + _URL_BODY + "+"), "url", 0),
    ("www.", re.compile(r"www\." + _URL_BODY + "+"), "url", 0),
    ("github.com", re.compile(r"github\.com(?:/" + _URL_BODY + "*)?"), "bare-host", 0),
    ("gitlab.com", re.compile(r"gitlab\.com(?:/" + _URL_BODY + "*)?"), "bare-host", 0),
    ("bitbucket.org", re.compile(r"bitbucket\.org(?:/" + _URL_BODY + "*)?"), "bare-host", 0),
    ("codeberg.org", re.compile(r"codeberg\.org(?:/" + _URL_BODY + "*)?"), "bare-host", 0),
    ("huggingface.co", re.compile(r"huggingface\.co(?:/" + _URL_BODY + "*)?"), "bare-host", 0),
)
# Scheme-less project pages (`name.github.io/...`) start with the name, not a literal, so they
# are found from each `.github.io` occurrence backwards and then matched in place.
_PAGE_BARE = re.compile(r"[\w-]+\.github\.io(?:/" + _URL_BODY + "*)?")
# The space after `arXiv:` may have become a newline in hard-wrapped abstracts.
ARXIV_REF = re.compile(r"(?<![\w/])[aA][rR][xX][iI][vV]:[ \n]?(\d{4}\.\d{4,5})(?:v\d+)?")
DOI_REF = re.compile(r"(?<![\w/])[dD][oO][iI](?:: ?|:? )(10\.\d{4,9}/[^\s]+)")
# A DOI written without any prefix (`Published version: 10.5281/zenodo.123`).
DOI_BARE = re.compile(r"(?<![\w/.])10\.\d{4,9}/[^\s]+")
_WORD_OR_URL_CHAR = re.compile(r"[\w.@/-]")

_TRAILING = ".,;:!?'\"*"
_CLOSERS = {")": "(", "]": "[", "}": "{"}
_ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_HF_SECTIONS = ("datasets", "spaces", "collections")
_HF_NON_REPOS = ("papers", "blog", "docs", "learn", "models", "tasks", "join", "pricing", "settings")
_GITHUB_NON_OWNERS = ("features", "orgs", "topics", "about", "sponsors", "marketplace", "settings", "login")


def trim_url(text, start, end):
    """Drops trailing sentence punctuation and unbalanced closing brackets; returns the new end."""
    while end > start:
        last = text[end - 1]
        if last in _TRAILING:
            end -= 1
        elif last in _CLOSERS:
            span = text[start:end]
            if span.count(_CLOSERS[last]) < span.count(last):
                end -= 1
            else:
                break
        else:
            break
    return end


_PLAIN_WORD = re.compile(r"[a-z]+[.,;:!?)]*$")


def wrap_continues(before, after):
    """Whether a URL broken by a newline after `before` goes on with the token `after`.

    A line that ends in a slash is ambiguous: the URL may be complete (`.../Name/`) with prose
    following, or wrapped mid-path. Code-host URLs continue until they have owner and name; other
    URLs continue unless the next token reads like a plain lower-case word."""
    if before.endswith("://"):
        return True
    rest = before.split("://", 1)[-1]
    host, _, path = rest.partition("/")
    host = host.lower()
    if host.startswith("www."):
        host = host[4:]
    segments = [s for s in path.split("/") if s]
    if host in _CODE_HOSTS:
        return len(segments) < 2
    if host == "anonymous.4open.science" and len(segments) >= 2 and segments[0] == "r":
        return ("repo", "anonymous.4open.science/r/" + segments[1].lower(), None)

    if host == "huggingface.co":
        return len(segments) < (3 if segments and segments[0] in _HF_SECTIONS else 2)
    return not _PLAIN_WORD.match(after)


def cut_at_false_wrap(text, start, end):
    """Ends the URL at the first newline that is prose rather than a wrapped continuation."""
    newline = text.find("\n", start, end)
    while newline >= 0:
        following = text.find("\n", newline + 1, end)
        after = text[newline + 1:following if following >= 0 else end]
        if not wrap_continues(text[start:newline], after):
            return newline
        newline = following
    return end


def canonical(url):
    """(kind, target, owner_target) for a URL as written, or None if it names nothing useful."""
    url = url.replace("\n", "")
    scheme = _SCHEME.match(url)
    rest = url[scheme.end():] if scheme else url
    slash = rest.find("/")
    host = (rest if slash < 0 else rest[:slash]).lower()
    path = "" if slash < 0 else rest[slash:]
    if host.startswith("www."):
        host = host[4:]
    colon = host.find(":")
    if colon >= 0:
        host = host[:colon]
    if not host or "." not in host:
        return None
    path = path.split("#", 1)[0].split("?", 1)[0]
    segments = [s for s in path.split("/") if s]

    if host in _CODE_HOSTS:
        if not segments or segments[0].lower() in _GITHUB_NON_OWNERS:
            return None
        owner = host + "/" + segments[0].lower()
        if len(segments) == 1:
            return ("owner", owner, None)
        name = segments[1].lower()
        if name.endswith(".git"):
            name = name[:-4]
        if not name:
            return ("owner", owner, None)
        return ("repo", owner + "/" + name, owner)

    if host == "huggingface.co":
        if len(segments) >= 3 and segments[0] in _HF_SECTIONS:
            return ("artifact", "huggingface.co/" + "/".join(segments[:3]).lower(), None)
        if len(segments) >= 2 and segments[0] == "papers":
            match = _ARXIV_ID.match(segments[1])
            if match:
                return ("paper", "arxiv:" + match.group(1), None)
        if len(segments) >= 2 and segments[0] not in _HF_NON_REPOS and segments[0] not in _HF_SECTIONS:
            return ("artifact", "huggingface.co/" + "/".join(segments[:2]).lower(), None)

    if host in ("arxiv.org", "export.arxiv.org") and len(segments) >= 2 and segments[0] in ("abs", "pdf", "html"):
        match = _ARXIV_ID.match(segments[1])
        if match:
            return ("paper", "arxiv:" + match.group(1), None)

    if host in ("doi.org", "dx.doi.org") and len(segments) >= 2:
        return ("paper", "doi:" + "/".join(segments).lower(), None)

    trimmed = path.rstrip("/")
    return ("page", host + trimmed, None)


def extract_links(text, lowered):
    """(start, end, kind, target, owner_target, rule) for every link written in `text`, in order."""
    found = []
    for literal, pattern, rule, url_group, in _URL_FORMS:
        if literal not in text:
            continue
        for match in pattern.finditer(text):
            start = match.start()
            if rule == "bare-host" and start > 0 and _WORD_OR_URL_CHAR.match(text[start - 1]):
                continue  # inside a longer URL or token, found by another pattern
            if url_group:
                end = match.end()
                link = canonical(match.group(url_group))
            else:
                end = match.end()
                if "\n" in match.group():
                    end = cut_at_false_wrap(text, start, end)
                end = trim_url(text, start, end)
                link = canonical(text[start:end])
            if link is not None and end > start:
                found.append((start, end, link[0], link[1], link[2], rule))
    position = text.find(".github.io")
    while position >= 0:
        start = position
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
            start -= 1
        if start < position and not (start > 0 and _WORD_OR_URL_CHAR.match(text[start - 1])):
            match = _PAGE_BARE.match(text, start)
            if match:
                end = match.end()
                if "\n" in match.group():
                    end = cut_at_false_wrap(text, start, end)
                end = trim_url(text, start, end)
                link = canonical(text[start:end])
                if link is not None:
                    found.append((start, end, link[0], link[1], link[2], "bare-host"))
        position = text.find(".github.io", position + 10)
    if "arxiv:" in lowered:
        for match in ARXIV_REF.finditer(text):
            found.append((match.start(), match.end(), "paper", "arxiv:" + match.group(1), None, "arxiv-id"))
    if "doi" in lowered:
        for match in DOI_REF.finditer(text):
            start = match.start()
            end = trim_url(text, start, match.end())
            doi = text[match.start(1):end]
            if "/" in doi:
                found.append((start, end, "paper", "doi:" + doi.lower(), None, "doi"))
    if "10." in text:
        for match in DOI_BARE.finditer(text):
            start = match.start()
            end = trim_url(text, start, match.end())
            found.append((start, end, "paper", "doi:" + text[start:end].lower(), None, "doi-bare"))
    if len(found) > 1:
        # Patterns overlap (the URL inside `\\href{...}`, `www.` inside `https://www.`); keep the
        # earliest, longest match and drop what it covers.
        found.sort(key=lambda item: (item[0], -item[1]))
        kept = []
        covered = -1
        for item in found:
            if item[0] >= covered:
                kept.append(item)
                covered = item[1]
        found = kept
    return found


# --- Code status ----------------------------------------------------------------------------

PROMISE = re.compile(
    r"\b(?:will\s+be\s+(?:made\s+)?(?:publicly\s+|freely\s+)?(?:released|available|open[- ]?sourced|shared)"
    r"|(?:will|plan\s+to)\s+(?:release|open[- ]?source|make\s+(?:\w+\s+){0,3}available)"
    r"|upon\s+(?:acceptance|publication)|coming\s+soon|to\s+be\s+released)\b",
    re.IGNORECASE,
)
AVAILABLE = re.compile(
    r"\b(?:available|released|open[- ]?sourced|hosted|found)\s+(?:at|on|in|from|via|under)\b", re.IGNORECASE
)
# Words a promise phrase starts with. Scanning a whole abstract with PROMISE tries its alternation
# at every character; jumping to these words and matching there is ~10x cheaper.
_PROMISE_STARTS = ("will", "upon", "coming", "to be", "plan to")


def first_promise(text, lowered):
    """The first PROMISE match in `text`, or None. `lowered` is `text.lower()`."""
    if len(lowered) != len(text):  # lower-casing changed offsets (rare scripts): scan directly
        return PROMISE.search(text)
    best = None
    for word in _PROMISE_STARTS:
        position = lowered.find(word)
        while position >= 0 and (best is None or position < best.start()):
            if position == 0 or not lowered[position - 1].isalnum():
                match = PROMISE.match(text, position)
                if match:
                    best = match
                    break
            position = lowered.find(word, position + 1)
    return best


CODE_WORD = re.compile(r"\b(?:code|codes|implementation|source)\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


class Sentences:
    """Sentence spans of one field, computed on first use."""

    __slots__ = ("text", "ends")

    def __init__(self, text):
        self.text = text
        self.ends = None

    def around(self, position):
        if self.ends is None:
            self.ends = [m.end() for m in SENTENCE_END.finditer(self.text)]
        index = bisect.bisect_right(self.ends, position)
        start = self.ends[index - 1] if index > 0 else 0
        end = self.ends[index] if index < len(self.ends) else len(self.text)
        while start < end and self.text[start].isspace():
            start += 1
        return start, end


def classify(fields, mentions_by_field):
    """(status, evidence, field, start, end, rule) from the links and promise phrases of a paper."""
    sentences = {name: Sentences(text) for name, text in fields}
    promised = None
    for name, _ in fields:
        for start, _end, kind in mentions_by_field.get(name, ()):
            if kind != "repo":
                continue
            s_start, s_end = sentences[name].around(start)
            sentence = sentences[name].text[s_start:s_end]
            if PROMISE.search(sentence):
                if promised is None:
                    promised = ("promised", sentence, name, s_start, s_end, "promise-with-repo")
            else:
                return ("released", sentence, name, s_start, s_end, "repo-link")
    for name, _ in fields:
        for start, _end, kind in mentions_by_field.get(name, ()):
            if kind not in ("page", "artifact", "owner"):
                continue
            s_start, s_end = sentences[name].around(start)
            sentence = sentences[name].text[s_start:s_end]
            if AVAILABLE.search(sentence) and CODE_WORD.search(sentence) and not PROMISE.search(sentence):
                return ("released", sentence, name, s_start, s_end, "available-at-link")
    if promised is not None:
        return promised
    for name, text in fields:
        match = first_promise(text, text.lower())
        if match:
            s_start, s_end = sentences[name].around(match.start())
            return ("promised", text[s_start:s_end], name, s_start, s_end, "promise-phrase")
    return ("none", None, None, None, None, None)


# --- Ingest ---------------------------------------------------------------------------------

def content_hash(record):
    digest = hashlib.blake2b(digest_size=8)
    for value in (record["title"], record["abstract"], record.get("comment") or "",
                  "\n".join(record.get("authors") or ()), " ".join(record.get("categories") or ()),
                  record.get("listing_date") or ""):
        digest.update(value.encode("utf-8"))
        digest.update(b"\x1f")
    return int.from_bytes(digest.digest(), "little", signed=True)


_VERSION = re.compile(r"v\d+$")

INSERT_PAPER = (
    "INSERT INTO paper (id, key, arxiv_id, doi, title, abstract, comment, authors, author_count, categories,"
    " date, upvotes, content_hash, source_file, source_line, format) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
INSERT_TARGET = "INSERT OR IGNORE INTO target (id, kind, target, owner_id, paper_id) VALUES (?,?,?,?,?)"
INSERT_MENTION = (
    'INSERT OR IGNORE INTO mention (paper_id, target_id, field, start, "end", text, rule) VALUES (?,?,?,?,?,?,?)'
)
INSERT_STATUS = 'INSERT INTO code_status (paper_id, status, evidence, field, start, "end", rule) VALUES (?,?,?,?,?,?,?)'


class Ingest:
    def __init__(self, connection, batch_size):
        self.db = connection
        self.batch_size = batch_size
        self.paper_ids = dict(connection.execute("SELECT key, id FROM paper"))
        self.target_ids = dict(connection.execute("SELECT target, id FROM target"))
        self.unresolved = {
            target: target_id
            for target, target_id in connection.execute(
                "SELECT target, id FROM target WHERE kind = 'paper' AND paper_id IS NULL AND target LIKE 'arxiv:%'")
        }
        self.next_paper_id = (connection.execute("SELECT max(id) FROM paper").fetchone()[0] or 0) + 1
        self.next_target_id = (connection.execute("SELECT max(id) FROM target").fetchone()[0] or 0) + 1
        self.papers_new = 0
        self.papers_unchanged = 0
        self.skipped = 0
        self.records = 0
        self.mention_count = 0
        self._reset_batch()

    def _reset_batch(self):
        self.paper_rows = []
        self.target_rows = []
        self.mention_rows = []
        self.status_rows = []

    def target_id(self, kind, target, owner_target):
        known = self.target_ids.get(target)
        if known is not None:
            return known
        owner_id = self.target_id("owner", owner_target, None) if owner_target else None
        paper_id = None
        if kind == "paper" and target.startswith("arxiv:"):
            paper_id = self.paper_ids.get(target[6:])
        target_id = self.next_target_id
        self.next_target_id += 1
        self.target_ids[target] = target_id
        self.target_rows.append((target_id, kind, target, owner_id, paper_id))
        if kind == "paper" and paper_id is None and target.startswith("arxiv:"):
            self.unresolved[target] = target_id
        return target_id

    def add(self, record, path, line_number):
        self.records += 1
        key = _VERSION.sub("", record["id"].strip())
        if key in self.paper_ids:
            self.papers_unchanged += 1
            return
        paper_id = self.next_paper_id
        self.next_paper_id += 1
        self.paper_ids[key] = paper_id
        self.papers_new += 1
        abstract = record["abstract"]
        comment = record.get("comment")
        authors = record.get("authors") or []
        self.paper_rows.append((
            paper_id, key, key, None, record["title"], abstract, comment, "\n".join(authors), len(authors),
            " ".join(record.get("categories") or ()), record.get("listing_date"), None, content_hash(record),
            path, line_number, "arxiv-listing",
        ))

        fields = [("abstract", abstract)]
        if comment:
            fields.append(("comment", comment))
        mentions_by_field = {}
        promise_possible = False
        for name, text in fields:
            lowered = text.lower()
            links = extract_links(text, lowered)
            if links:
                spans = []
                for start, end, kind, target, owner_target, rule in links:
                    target_id = self.target_id(kind, target, owner_target)
                    self.mention_rows.append((paper_id, target_id, name, start, end, text[start:end], rule))
                    spans.append((start, end, kind))
                mentions_by_field[name] = spans
            if not promise_possible:
                promise_possible = first_promise(text, lowered) is not None
        if mentions_by_field or promise_possible:
            status = classify(fields, mentions_by_field)
        else:
            status = ("none", None, None, None, None, None)
        self.status_rows.append((paper_id,) + status)

        if len(self.paper_rows) >= self.batch_size:
            self.flush()

    def flush(self):
        if not self.paper_rows:
            return
        db = self.db
        db.execute("BEGIN")
        db.executemany(INSERT_PAPER, self.paper_rows)
        db.executemany(INSERT_TARGET, self.target_rows)
        db.executemany(INSERT_MENTION, self.mention_rows)
        db.executemany(INSERT_STATUS, self.status_rows)
        db.execute("COMMIT")
        self.mention_count += len(self.mention_rows)
        self._reset_batch()

    def finish(self, paths):
        self.flush()
        # References to papers that were ingested after the citing paper.
        resolved = [
            (self.paper_ids[target[6:]], target_id)
            for target, target_id in self.unresolved.items()
            if target[6:] in self.paper_ids
        ]
        self.db.execute("BEGIN")
        self.db.executemany("UPDATE target SET paper_id = ? WHERE id = ?", resolved)
        for path, records, new, unchanged, skipped in paths:
            self.db.execute(
                "INSERT INTO source (path, ingested_at, records, papers_new, papers_updated, papers_unchanged, skipped)"
                " VALUES (?, ?, ?, ?, 0, ?, ?)",
                (path, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), records, new, unchanged, skipped),
            )
        self.db.execute("COMMIT")


def open_database(path):
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    exists = connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'paper'").fetchone()[0]
    if not exists:
        connection.executescript(SCHEMA)
    return connection


def peak_rss_mb():
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv):
    parser = argparse.ArgumentParser(description="Plain re + sqlite3 ingest baseline for PaperGraph.")
    parser.add_argument("--db", required=True, help="SQLite database to create or append to")
    parser.add_argument("--batch", type=int, default=10_000, help="papers per transaction (default 10000)")
    parser.add_argument("files", nargs="+", help="arXiv listing JSON Lines files")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    connection = open_database(args.db)
    ingest = Ingest(connection, args.batch)
    per_file = []
    for path in args.files:
        records_before, new_before = ingest.records, ingest.papers_new
        unchanged_before, skipped_before = ingest.papers_unchanged, ingest.skipped
        with open(path, "r", encoding="utf-8") as handle:
            for line_number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    record["id"], record["title"], record["abstract"]  # required fields
                except (ValueError, KeyError, TypeError):
                    ingest.skipped += 1
                    continue
                ingest.add(record, path, line_number)
        per_file.append((path, ingest.records - records_before + ingest.skipped - skipped_before,
                         ingest.papers_new - new_before, ingest.papers_unchanged - unchanged_before,
                         ingest.skipped - skipped_before))
    ingest.finish(per_file)
    targets = connection.execute("SELECT count(*) FROM target").fetchone()[0]
    connection.close()
    elapsed = time.perf_counter() - started

    papers = ingest.records
    print(
        f"baseline papers={papers} new={ingest.papers_new} skipped={ingest.skipped} targets={targets} "
        f"mentions={ingest.mention_count} seconds={elapsed:.3f} papers_per_s={papers / elapsed:.0f} "
        f"peak_rss_mb={peak_rss_mb():.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
