#!/usr/bin/env python3
"""Deterministic synthetic papergraph database (schema v1).

The same generator is implemented in Swift in Tests/AnalysisTests/SyntheticCorpus.swift; both
must draw the random numbers in exactly the same order, so the test graph and the reference
values computed here describe the same graph. Integer-only arithmetic keeps it bit-identical.

    python3 synthetic.py OUT.sqlite [--papers 200000] [--seed 42] [--density 1]

Link mix per paper: 45% one repo (2 mentions a quarter of the time), 5% an owner, 20% a
project page, 10% an HF artifact, 10% an arXiv reference (a fifth of them dangling).
Repo, owner and artifact popularity is skewed: half the draws uniform, half log-uniform
(P(k) ~ 1/k), so a few targets become hubs used by thousands of papers at full size.
`--density N` draws that link mix N times per paper (N=2 gives ~400k mentions for 200k papers,
the size the analysis benchmark targets); the tests use density 1. `--abstract-chars N` pads
every abstract with N characters of filler so table scans cost what they cost on real data
(arXiv abstracts average about 1,200 characters).
"""
import argparse
import os
import sqlite3
import sys

MASK = (1 << 64) - 1
CATEGORIES = ["cs.CL", "cs.LG", "cs.CV", "cs.AI", "cs.RO", "stat.ML"]


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, bound):
        return self.next() % bound

    def skewed(self, n):
        """Index in [0, n): half uniform, half log-uniform (head-heavy)."""
        if self.below(2) == 0:
            return self.below(n)
        b = self.below(n.bit_length())
        return min(n - 1, (1 << b) - 1 + self.below(1 << b))


def sizes_for(papers):
    """Pool sizes used for a given paper count (the small test graph and the 200k benchmark)."""
    return dict(
        repos=max(10, papers * 3 // 10),
        owners=max(5, papers // 8),
        pages=max(10, papers * 2 // 5),
        artifacts=max(5, papers // 15),
    )


def paper_key(i):
    return "25%02d.%05d" % (1 + i // 100000, i % 100000)


def generate(papers, seed, density=1):
    """Yields table rows in insertion order: ('paper'|'target'|'mention'|'code_status', tuple)."""
    s = sizes_for(papers)
    R, O, G, A = s["repos"], s["owners"], s["pages"], s["artifacts"]
    rng = SplitMix64(seed)
    rows = {"paper": [], "target": [], "mention": [], "code_status": []}
    for o in range(1, O + 1):
        rows["target"].append((o, "owner", "github.com/owner%d" % o, None, None))
    for r in range(1, R + 1):
        owner = 1 + rng.skewed(O)
        rows["target"].append((O + r, "repo", "github.com/owner%d/repo%d" % (owner, r), owner, None))
    for g in range(1, G + 1):
        rows["target"].append((O + R + g, "page", "lab%d.example.org/project" % g, None, None))
    for a in range(1, A + 1):
        rows["target"].append((O + R + G + a, "artifact", "huggingface.co/datasets/org%d/set%d" % (a, a), None, None))
    next_target = O + R + G + A + 1
    paper_targets = {}  # target string -> id, created on first citation

    for i in range(1, papers + 1):
        primary = CATEGORIES[rng.below(6)]
        cats = primary
        if rng.below(3) == 0:
            second = CATEGORIES[rng.below(6)]
            if second != primary:
                cats += " " + second
        month, day = 1 + rng.below(12), 1 + rng.below(28)
        date = None if rng.below(20) == 0 else "2025-%02d-%02d" % (month, day)
        key = paper_key(i)
        rows["paper"].append((i, key, key, "Synthetic paper %d" % i, cats, date))

        slot = 0
        mentions = []

        def mention(target_id, count, text):
            nonlocal slot
            for _ in range(count):
                mentions.append((i, target_id, "abstract", slot * 20, slot * 20 + 10, text, "synthetic"))
                slot += 1

        has_repo = False
        for _ in range(density):
            if rng.below(100) < 45:
                repo = O + 1 + rng.skewed(R)
                count = 2 if rng.below(4) == 0 else 1
                mention(repo, count, "repo")
                has_repo = True
            if rng.below(100) < 5:
                mention(1 + rng.skewed(O), 1, "owner")
            if rng.below(100) < 20:
                mention(O + R + 1 + rng.below(G), 1, "page")
            if rng.below(100) < 10:
                mention(O + R + G + 1 + rng.skewed(A), 1, "artifact")
            if rng.below(100) < 10 and i > 1:
                if rng.below(5) == 0:
                    target, resolved = "arxiv:2499.%05d" % rng.skewed(papers // 10 + 1), None
                else:
                    cited = 1 + rng.skewed(i - 1)
                    target, resolved = "arxiv:" + paper_key(cited), cited
                if target not in paper_targets:
                    paper_targets[target] = next_target
                    rows["target"].append((next_target, "paper", target, None, resolved))
                    next_target += 1
                mention(paper_targets[target], 1, "ref")
        rows["mention"].extend(mentions)

        if has_repo:
            status = "promised" if rng.below(10) == 0 else "released"
        else:
            r = rng.below(100)
            status = "promised" if r < 10 else ("none" if r < 95 else None)
        if status is not None:
            rows["code_status"].append((i, status))
    return rows


def filler(i, chars):
    """Deterministic stand-in abstract text (not drawn from the generator's random stream)."""
    if chars <= 0:
        return ""
    words = ("we propose a method for learning graph models of paper %d with code and data " % i) * (chars // 60 + 1)
    return words[:chars]


def write_db(path, papers, seed, density=1, abstract_chars=0):
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "schema.sql")) as f:
        db.executescript(f.read())
    rows = generate(papers, seed, density)
    db.executemany(
        "INSERT INTO paper (id, key, arxiv_id, title, abstract, categories, date, content_hash, source_file,"
        " source_line, format) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'synthetic', ?, 'arxiv-listing')",
        [(i, k, a, t, filler(i, abstract_chars), c, d, i) for (i, k, a, t, c, d) in rows["paper"]],
    )
    db.executemany("INSERT INTO target (id, kind, target, owner_id, paper_id) VALUES (?, ?, ?, ?, ?)", rows["target"])
    db.executemany(
        'INSERT INTO mention (paper_id, target_id, field, start, "end", text, rule) VALUES (?, ?, ?, ?, ?, ?, ?)',
        rows["mention"],
    )
    db.executemany("INSERT INTO code_status (paper_id, status) VALUES (?, ?)", rows["code_status"])
    db.commit()
    db.close()
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--papers", type=int, default=200000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--density", type=int, default=1)
    parser.add_argument("--abstract-chars", type=int, default=0)
    args = parser.parse_args()
    rows = write_db(args.out, args.papers, args.seed, args.density, args.abstract_chars)
    print(
        "%s: %d papers, %d targets, %d mentions, %d code_status rows"
        % (args.out, len(rows["paper"]), len(rows["target"]), len(rows["mention"]), len(rows["code_status"])),
        file=sys.stderr,
    )
