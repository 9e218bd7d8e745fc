"""Reads the analysis graph out of a papergraph SQLite file exactly as Swift's GraphLoader does
(no filters): nodes = papers (ascending paper.id) then the targets some edge touches
(ascending target.id); edges paper->target (weight = mention count), repo->owner (weight 1),
paper->paper through targets of kind 'paper' that resolve to another paper, plus the optional
`reference` table. Targets of kind 'paper' without paper_id are 'paper-ref' nodes.
"""
import sqlite3


def load(path):
    """Returns (nodes, edges): nodes = [(kind, store_id)] in dense-id order,
    edges = {(u, v): weight} over dense ids."""
    db = sqlite3.connect(path)
    paper_ids = [r[0] for r in db.execute("SELECT id FROM paper ORDER BY id")]
    paper_node = {pid: i for i, pid in enumerate(paper_ids)}
    targets = db.execute("SELECT id, kind, owner_id, paper_id FROM target ORDER BY id").fetchall()
    info = {}
    for tid, kind, owner_id, paper_id in targets:
        if kind == "paper":
            if paper_id is not None:
                info[tid] = ("resolved", paper_node.get(paper_id), None)
            else:
                info[tid] = ("paper-ref", None, None)
        elif kind in ("repo", "owner", "page", "artifact"):
            info[tid] = (kind, None, owner_id if kind == "repo" else None)
    raw = {}  # (src, ('p', dense) | ('t', target id)) -> weight

    def add(key, w=1.0):
        raw[key] = raw.get(key, 0.0) + w

    touched = set()
    for pid, tid in db.execute("SELECT paper_id, target_id FROM mention"):
        if pid not in paper_node or tid not in info:
            continue
        p = paper_node[pid]
        kind, resolved, _ = info[tid]
        if kind == "resolved":
            if resolved is not None and resolved != p:
                add((("p", p), ("p", resolved)))
        else:
            add((("p", p), ("t", tid)))
            touched.add(tid)
    has_reference = db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='reference'").fetchone()
    if has_reference:
        for citing, cited in db.execute("SELECT citing_id, cited_id FROM reference"):
            if citing in paper_node and cited in paper_node and citing != cited:
                add((("p", paper_node[citing]), ("p", paper_node[cited])))
    for tid, kind, owner_id, _ in targets:
        if kind == "repo" and tid in touched and owner_id is not None and info.get(owner_id, (None,))[0] == "owner":
            add((("t", tid), ("t", owner_id)))
            touched.add(owner_id)
    nodes = [("paper", pid) for pid in paper_ids]
    target_node = {}
    for tid, _, _, _ in targets:
        if tid in touched and tid in info:
            target_node[tid] = len(nodes)
            nodes.append((info[tid][0], tid))

    def dense(end):
        return end[1] if end[0] == "p" else target_node[end[1]]

    edges = {(dense(a), dense(b)): w for (a, b), w in raw.items()}
    db.close()
    return nodes, edges


def undirected(n, edges):
    """Symmetric weights with both directions added, as Swift's UndirectedGraph."""
    sym = {}
    for (u, v), w in edges.items():
        key = (min(u, v), max(u, v))
        sym[key] = sym.get(key, 0.0) + w
    return sym


def names(path, nodes, dense_ids):
    """Printable names of some nodes, as `papergraph rank` prints them: a paper's key (arXiv id
    or normalized title), a target's canonical string. Looked up for the shown nodes only."""
    db = sqlite3.connect(path)
    out = {}
    for v in dense_ids:
        kind, store_id = nodes[v]
        if kind == "paper":
            row = db.execute("SELECT key FROM paper WHERE id = ?", (store_id,)).fetchone()
        else:
            row = db.execute("SELECT target FROM target WHERE id = ?", (store_id,)).fetchone()
        out[v] = row[0] if row else "#%d" % v
    db.close()
    return out


def print_top(path, nodes, scores, top):
    """Prints the `top` best nodes (ties by ascending dense id, like Swift's `ranked`) as
    `rank<TAB>node<TAB>kind<TAB>score`, the columns of `papergraph rank --format csv`."""
    best = sorted(range(len(nodes)), key=lambda v: (-scores[v], v))[:top]
    label = names(path, nodes, best)
    for rank, v in enumerate(best, start=1):
        print("%d\t%s\t%s\t%.12g" % (rank, label[v], nodes[v][0], scores[v]))
