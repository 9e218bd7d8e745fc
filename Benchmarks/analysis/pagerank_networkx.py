#!/usr/bin/env python3
"""Baseline: PageRank of a papergraph database with networkx.

Same graph as Swift's GraphLoader (graph_edges.py): paper->target weighted by mention count,
repo->owner, paper->paper citations. alpha 0.85, tol 1e-10 (networkx scales it by N), weights on.

    python3 pagerank_networkx.py DB.sqlite [--top 20]

Prints the top nodes as `rank<TAB>node<TAB>kind<TAB>score` (node: paper key or target, as
`papergraph rank` prints it); phase timings go to stderr.
"""
import argparse
import os
import sys
import time

import networkx as nx

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
    G = nx.DiGraph()
    G.add_nodes_from(range(len(nodes)))
    G.add_weighted_edges_from((u, v, w) for (u, v), w in edges.items())
    t2 = time.perf_counter()
    scores = nx.pagerank(G, alpha=0.85, tol=1e-10, max_iter=1000, weight="weight")
    t3 = time.perf_counter()

    graph_edges.print_top(args.db, nodes, scores, args.top)
    print(
        "networkx %s: %d nodes, %d edges; load %.3f s, build %.3f s, pagerank %.3f s"
        % (nx.__version__, len(nodes), len(edges), t1 - t0, t2 - t1, t3 - t2),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
