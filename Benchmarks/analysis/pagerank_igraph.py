#!/usr/bin/env python3
"""Baseline: PageRank of a papergraph database with python-igraph (PRPACK solver).

Same graph as Swift's GraphLoader (graph_edges.py): paper->target weighted by mention count,
repo->owner, paper->paper citations. damping 0.85, weights on; igraph spreads the rank of nodes
without out-edges uniformly, like networkx and the Swift implementation.

    python3 pagerank_igraph.py DB.sqlite [--top 20]

Prints the top nodes as `rank<TAB>node<TAB>kind<TAB>score` (node: paper key or target, as
`papergraph rank` prints it); phase timings go to stderr.
"""
import argparse
import os
import sys
import time

import igraph as ig

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import graph_edges  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()

    t0 = time.perf_counter()
    nodes, edges = graph_edges.load(args.db)
    t1 = time.perf_counter()
    pairs = list(edges.keys())
    g = ig.Graph(n=len(nodes), edges=pairs, directed=True)
    g.es["weight"] = [edges[e] for e in pairs]
    t2 = time.perf_counter()
    scores = g.pagerank(damping=0.85, weights="weight", directed=True, implementation="prpack")
    t3 = time.perf_counter()

    graph_edges.print_top(args.db, nodes, scores, args.top)
    print(
        "igraph %s: %d nodes, %d edges; load %.3f s, build %.3f s, pagerank %.3f s"
        % (ig.__version__, len(nodes), len(edges), t1 - t0, t2 - t1, t3 - t2),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
