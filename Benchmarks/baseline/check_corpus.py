#!/usr/bin/env python3
"""Structural check of an arXiv listing JSON Lines corpus (generated or real).

Usage: check_corpus.py FILE

Every line must be a JSON object with exactly the listing fields and types; ids must be unique
new-style arXiv ids; listing dates must be YYYY-MM-DD. Prints a one-line summary (and the first
few problems) and exits non-zero if anything is wrong.
"""

import json
import re
import sys

FIELDS = ["id", "title", "authors", "categories", "comment", "abstract", "listing_date"]
ARXIV_ID = re.compile(r"^\d{4}\.\d{4,5}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def problems_in(record):
    if not isinstance(record, dict):
        return ["not an object"]
    found = []
    if list(record.keys()) != FIELDS:
        found.append(f"fields {list(record.keys())}")
    if not isinstance(record.get("id"), str) or not ARXIV_ID.match(record["id"]):
        found.append(f"bad id {record.get('id')!r}")
    for name in ("title", "abstract"):
        if not isinstance(record.get(name), str) or not record[name].strip():
            found.append(f"empty or missing {name}")
    for name in ("authors", "categories"):
        value = record.get(name)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            found.append(f"bad {name}")
    if record.get("comment") is not None and not isinstance(record["comment"], str):
        found.append("comment neither null nor text")
    if not isinstance(record.get("listing_date"), str) or not DATE.match(record["listing_date"]):
        found.append(f"bad listing_date {record.get('listing_date')!r}")
    categories = record.get("categories")
    if isinstance(categories, list) and len(set(categories)) != len(categories):
        found.append("duplicate categories")
    return found


def main(arguments):
    if len(arguments) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    seen = set()
    lines = 0
    wrapped = 0
    null_comments = 0
    abstract_chars = 0
    longest_line = 0
    bad = []
    with open(arguments[0], "r", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            lines += 1
            try:
                record = json.loads(line)
            except ValueError as error:
                bad.append(f"line {number}: invalid JSON ({error})")
                continue
            issues = problems_in(record)
            if isinstance(record, dict):
                if record.get("id") in seen:
                    issues.append(f"duplicate id {record['id']}")
                seen.add(record.get("id"))
                abstract = record.get("abstract") or ""
                abstract_chars += len(abstract)
                if "\n" in abstract:
                    wrapped += 1
                    # Lines may only exceed 79 columns when a single token (a URL) is longer.
                    for text_line in abstract.split("\n"):
                        if len(text_line) > 79 and " " in text_line.strip():
                            longest_line = max(longest_line, len(text_line))
                null_comments += record.get("comment") is None
            bad.extend(f"line {number}: {issue}" for issue in issues)
    if longest_line:
        bad.append(f"a wrapped line of {longest_line} columns could have been broken at a space")
    print(
        f"check lines={lines} unique_ids={len(seen)} wrapped={wrapped} null_comments={null_comments} "
        f"mean_abstract_chars={abstract_chars // max(lines, 1)} problems={len(bad)}"
    )
    for problem in bad[:10]:
        print("  " + problem)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
