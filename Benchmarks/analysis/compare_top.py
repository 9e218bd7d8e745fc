#!/usr/bin/env python3
"""Checks that several top-k lists name the same nodes in the same order.

    python3 compare_top.py REFERENCE=FILE OTHER=FILE [OTHER=FILE ...]

Each FILE is either `papergraph rank --format jsonl` output (one JSON object per line with
`rank`, `node`, `kind`, `score`) or the `rank<TAB>node<TAB>kind<TAB>score` lines the Python
baselines print. Every list is compared with the first one. Two nodes whose scores differ by
less than --tie may swap places: solvers that stop at different tolerances (PRPACK
vs power iteration) can order near-ties differently, and that is not a disagreement.
Scores must agree within --tie (absolute; default 1e-6, the issue's bar). Exit status 0 when every list agrees, 1 otherwise.
"""
import argparse
import json
import sys


def read(path):
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if line.startswith("{"):
                obj = json.loads(line)
                rows.append((str(obj["node"]), str(obj["kind"]), float(obj["score"])))
            else:
                parts = line.split("\t")
                if len(parts) != 4:
                    raise SystemExit("%s: cannot read line %r" % (path, line))
                rows.append((parts[1], parts[2], float(parts[3])))
    return rows


def agree(reference, other, tie):
    """Returns a list of problems (empty when the lists agree)."""
    problems = []
    if len(reference) != len(other):
        problems.append("%d rows vs %d" % (len(reference), len(other)))
    for position, (a, b) in enumerate(zip(reference, other), start=1):
        if (a[0], a[1]) == (b[0], b[1]):
            if abs(a[2] - b[2]) > tie:
                problems.append("rank %d %s: score %.9g vs %.9g" % (position, a[0], a[2], b[2]))
            continue
        # A swap of near-ties: both nodes appear in both lists with nearly equal scores.
        ref_score = {row[0]: row[2] for row in reference}
        near = b[0] in ref_score and abs(ref_score[b[0]] - a[2]) <= tie
        if not near:
            problems.append("rank %d: %s (%s) vs %s (%s)" % (position, a[0], a[1], b[0], b[1]))
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lists", nargs="+", help="NAME=FILE; the first is the reference")
    parser.add_argument("--tie", type=float, default=1e-6, help="score gap within which scores agree and nodes may swap")
    args = parser.parse_args()
    named = []
    for item in args.lists:
        name, _, path = item.partition("=")
        if not path:
            raise SystemExit("expected NAME=FILE, got %r" % item)
        named.append((name, read(path)))
    reference_name, reference = named[0]
    ok = True
    for name, rows in named[1:]:
        problems = agree(reference, rows, args.tie)
        if problems:
            ok = False
            print("top-%d of %s and %s DISAGREE:" % (len(reference), reference_name, name))
            for problem in problems[:10]:
                print("  " + problem)
        else:
            print("top-%d of %s and %s agree (same nodes, same order, scores within %g)" % (len(reference), reference_name, name, args.tie))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
