#!/usr/bin/env python3
"""Side-by-side summary of PaperGraph v1 databases (see notes/schema.md).

Usage: db_summary.py LABEL=DB [LABEL=DB ...]

Prints one row per figure and one column per database, so the ingest benchmark can show that
the tools it times stored comparable graphs (a fast ingest that extracts nothing is no win).
Figures are counts only; nothing here depends on row order or ids.
"""

import sqlite3
import sys

FIGURES = [
    ("papers", "SELECT count(*) FROM paper"),
    ("targets", "SELECT count(*) FROM target"),
    ("  repo", "SELECT count(*) FROM target WHERE kind = 'repo'"),
    ("  owner", "SELECT count(*) FROM target WHERE kind = 'owner'"),
    ("  artifact", "SELECT count(*) FROM target WHERE kind = 'artifact'"),
    ("  paper", "SELECT count(*) FROM target WHERE kind = 'paper'"),
    ("  page", "SELECT count(*) FROM target WHERE kind = 'page'"),
    ("mentions", "SELECT count(*) FROM mention"),
    ("  in comment", "SELECT count(*) FROM mention WHERE field = 'comment'"),
    ("papers with repo link",
     "SELECT count(DISTINCT m.paper_id) FROM mention m JOIN target t ON t.id = m.target_id WHERE t.kind = 'repo'"),
    ("papers with page link",
     "SELECT count(DISTINCT m.paper_id) FROM mention m JOIN target t ON t.id = m.target_id WHERE t.kind = 'page'"),
    ("papers with HF artifact",
     "SELECT count(DISTINCT m.paper_id) FROM mention m JOIN target t ON t.id = m.target_id WHERE t.kind = 'artifact'"),
    ("papers citing arXiv id",
     "SELECT count(DISTINCT m.paper_id) FROM mention m JOIN target t ON t.id = m.target_id"
     " WHERE t.kind = 'paper' AND t.target LIKE 'arxiv:%'"),
    ("papers citing DOI",
     "SELECT count(DISTINCT m.paper_id) FROM mention m JOIN target t ON t.id = m.target_id"
     " WHERE t.kind = 'paper' AND t.target LIKE 'doi:%'"),
    ("arXiv targets resolved", "SELECT count(*) FROM target WHERE kind = 'paper' AND paper_id IS NOT NULL"),
    ("repos with owner", "SELECT count(*) FROM target WHERE kind = 'repo' AND owner_id IS NOT NULL"),
    ("repos cited by >= 2 papers",
     "SELECT count(*) FROM (SELECT m.target_id FROM mention m JOIN target t ON t.id = m.target_id"
     " WHERE t.kind = 'repo' GROUP BY m.target_id HAVING count(DISTINCT m.paper_id) >= 2)"),
    ("code released", "SELECT count(*) FROM code_status WHERE status = 'released'"),
    ("code promised", "SELECT count(*) FROM code_status WHERE status = 'promised'"),
    ("code none", "SELECT count(*) FROM code_status WHERE status = 'none'"),
]


def figures(path):
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    values = []
    for _, query in FIGURES:
        try:
            values.append(str(connection.execute(query).fetchone()[0]))
        except sqlite3.Error as error:
            values.append(f"error: {error}")
    connection.close()
    return values


def main(arguments):
    if not arguments:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    columns = []
    for argument in arguments:
        label, separator, path = argument.partition("=")
        if not separator:
            label, path = argument, argument
        columns.append((label, figures(path)))
    name_width = max(len(name) for name, _ in FIGURES)
    widths = [max(len(label), *(len(v) for v in values)) for label, values in columns]
    print(" " * name_width + "  " + "  ".join(label.rjust(w) for (label, _), w in zip(columns, widths)))
    for row, (name, _) in enumerate(FIGURES):
        cells = "  ".join(values[row].rjust(w) for (_, values), w in zip(columns, widths))
        print(name.ljust(name_width) + "  " + cells)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
