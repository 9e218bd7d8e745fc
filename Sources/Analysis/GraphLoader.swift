import GRDB

/// Reads the paper–link graph out of a papergraph SQLite database (schema v1).
public enum GraphLoader {
    /// Loads the graph selected by `filter` with one sequential scan of each table.
    ///
    /// Edges: paper→target for every distinct (paper, target) in `mention` (weight = number of
    /// mentions); repo→owner from `target.owner_id` (weight 1); paper→paper when a mentioned
    /// target of kind `paper` resolves (`target.paper_id`) to another kept paper, plus one per
    /// row of the optional `reference` table — both kinds of citation add up on one edge.
    /// A `paper` target without `paper_id` becomes a `.paperRef` node; one whose paper was
    /// filtered out is dropped.
    ///
    /// An empty database (schema present, no rows) loads as an empty graph.
    /// - Throws: `AnalysisError.missingTable` when `paper`, `target` or `mention` is missing,
    ///   `AnalysisError.invalidDate`/`.invalidParameter` for a bad filter, or a GRDB error.
    public static func load(from reader: any DatabaseReader, filter: GraphFilter = .all) throws -> PaperGraph {
        try filter.validate()
        return try reader.read { db in try load(db, filter: filter) }
    }

    /// Same as ``load(from:filter:)`` inside an open database access.
    public static func load(_ db: Database, filter: GraphFilter = .all) throws -> PaperGraph {
        try filter.validate()
        for table in ["paper", "target", "mention"] where try !db.tableExists(table) {
            throw AnalysisError.missingTable(table)
        }
        let keepPapers = filter.kinds.contains(.paper)

        // Papers: dense ids 0..<paperIDs.count in ascending paper.id. Without ORDER BY and
        // without `categories`, SQLite reads ids and dates from the narrow paper_by_date index
        // instead of every row with its abstract (≈ 4× faster on real data); sorting 200k ids
        // here is cheap.
        var paperIDs = [Int64]()
        if keepPapers {
            if !filter.categories.isEmpty {
                let rows = try Row.fetchCursor(db, sql: "SELECT id, date, categories FROM paper")
                while let row = try rows.next() {
                    let date: String? = row[1]
                    let categories: String? = row[2]
                    if filter.accepts(date: date, categories: categories) { paperIDs.append(row[0]) }
                }
            } else if filter.filtersPapers {
                let rows = try Row.fetchCursor(db, sql: "SELECT id, date FROM paper")
                while let row = try rows.next() {
                    let date: String? = row[1]
                    if filter.accepts(date: date, categories: nil) { paperIDs.append(row[0]) }
                }
            } else {
                let ids = try Int64.fetchCursor(db, sql: "SELECT id FROM paper")
                while let id = try ids.next() { paperIDs.append(id) }
            }
            if let subset = filter.paperIDs { paperIDs.removeAll { !subset.contains($0) } }
            sortDenseIDs(&paperIDs)
        }
        let paperIndex = StoreIDIndex(paperIDs[...], firstNode: 0)

        // Targets, by position in ascending target.id.
        var targetIDs = [Int64]()
        var targetKinds = [NodeKind?]()  // nil: resolved paper target, unknown kind, or filtered kind
        var resolvedPaper = [Int32]()  // dense paper id a `paper` target resolves to, else -1
        var ownerIDs = [Int64?]()
        let targetRows = try Row.fetchCursor(db, sql: "SELECT id, kind, owner_id, paper_id FROM target ORDER BY id")
        while let row = try targetRows.next() {
            let kindName: String = row[1]
            let ownerID: Int64? = row[2]
            let paperID: Int64? = row[3]
            var kind: NodeKind?
            var resolved: Int32 = -1
            switch kindName {
            case "repo": kind = .repo
            case "owner": kind = .owner
            case "page": kind = .page
            case "artifact": kind = .artifact
            case "paper":
                if let paperID {
                    resolved = paperIndex.node(for: paperID) ?? -1
                } else {
                    kind = .paperRef
                }
            default: kind = nil  // a kind added by a later schema: not part of this graph
            }
            if let k = kind, !filter.kinds.contains(k) { kind = nil }
            targetIDs.append(row[0])
            targetKinds.append(kind)
            resolvedPaper.append(resolved)
            ownerIDs.append(kind == .repo ? ownerID : nil)
        }
        let targetIndex = StoreIDIndex(targetIDs[...], firstNode: 0)
        var touched = [Bool](repeating: false, count: targetIDs.count)

        // Pending edges; target ends are positions until we know which targets are nodes.
        var mentionSources = [Int32](), mentionTargetPositions = [Int32]()
        var citationSources = [Int32](), citationTargets = [Int32]()
        if keepPapers {
            // Raw rows, not GROUP BY: the edge sort below merges duplicates and counts them.
            let mentions = try Row.fetchCursor(db, sql: "SELECT paper_id, target_id FROM mention")
            while let row = try mentions.next() {
                guard let p = paperIndex.node(for: row[0]), let t = targetIndex.node(for: row[1]) else { continue }
                let position = Int(t)
                let q = resolvedPaper[position]
                if q >= 0 {
                    if q != p {
                        citationSources.append(p)
                        citationTargets.append(q)
                    }
                } else if targetKinds[position] != nil {
                    mentionSources.append(p)
                    mentionTargetPositions.append(t)
                    touched[position] = true
                }
            }
            if try db.tableExists("reference") {
                let references = try Row.fetchCursor(db, sql: "SELECT citing_id, cited_id FROM reference")
                while let row = try references.next() {
                    let citing: Int64? = row[0]
                    let cited: Int64? = row[1]
                    guard let citing, let cited, let p = paperIndex.node(for: citing),
                        let q = paperIndex.node(for: cited), p != q
                    else { continue }
                    citationSources.append(p)
                    citationTargets.append(q)
                }
            }
        }

        // repo→owner, for repos that are nodes (every repo when papers are not loaded).
        var ownershipRepos = [Int32](), ownershipOwners = [Int32]()
        for position in targetIDs.indices where targetKinds[position] == .repo {
            guard keepPapers ? touched[position] : true,
                let ownerID = ownerIDs[position], let owner = targetIndex.node(for: ownerID),
                targetKinds[Int(owner)] == .owner
            else { continue }
            ownershipRepos.append(Int32(position))
            ownershipOwners.append(owner)
            touched[position] = true
            touched[Int(owner)] = true
        }

        // Dense ids: papers, then touched targets in target.id order.
        var targetNode = [Int32](repeating: -1, count: targetIDs.count)
        var kinds = [NodeKind](repeating: .paper, count: paperIDs.count)
        var storeIDs = paperIDs
        for position in targetIDs.indices where touched[position] {
            guard let kind = targetKinds[position] else { continue }
            targetNode[position] = Int32(kinds.count)
            kinds.append(kind)
            storeIDs.append(targetIDs[position])
        }

        let edgeCount = mentionSources.count + citationSources.count + ownershipRepos.count
        var sources = [Int32](), targets = [Int32]()
        sources.reserveCapacity(edgeCount)
        targets.reserveCapacity(edgeCount)
        sources += mentionSources
        targets += mentionTargetPositions.lazy.map { targetNode[Int($0)] }
        sources += citationSources
        targets += citationTargets
        sources += ownershipRepos.lazy.map { targetNode[Int($0)] }
        targets += ownershipOwners.lazy.map { targetNode[Int($0)] }
        let weights = [Double](repeating: 1, count: sources.count)
        let merged = EdgeList.sortedMerged(sources: sources, targets: targets, weights: weights, nodeCount: kinds.count)

        if filter.minDegree > 0 {
            return dropLowDegree(
                kinds: kinds, storeIDs: storeIDs, paperCount: paperIDs.count, edges: merged, minDegree: filter.minDegree)
        }
        return PaperGraph(uncheckedKinds: kinds, storeIDs: storeIDs, paperCount: paperIDs.count, sortedUniqueEdges: merged)
    }

    /// Sorts distinct row ids. Paper ids are rowids, nearly dense, and arrive in date order
    /// from the index, so marking them in a bitmap over their range and reading it back is
    /// linear (a comparison sort of 200k ids was a visible part of a `render`); sparse ids fall
    /// back to sorting.
    static func sortDenseIDs(_ ids: inout [Int64]) {
        guard let low = ids.min(), let high = ids.max(), high - low < Int64(4 * ids.count + 1024) else {
            ids.sort()
            return
        }
        var present = [Bool](repeating: false, count: Int(high - low) + 1)
        for id in ids { present[Int(id - low)] = true }
        var position = 0
        for offset in present.indices where present[offset] {
            ids[position] = low + Int64(offset)
            position += 1
        }
        ids.removeLast(ids.count - position)  // only if an id was repeated
    }

    /// One pass of the `minDegree` filter; dense ids are renumbered keeping their order.
    static func dropLowDegree(
        kinds: [NodeKind], storeIDs: [Int64], paperCount: Int,
        edges: (sources: [Int32], targets: [Int32], weights: [Double]), minDegree: Int
    ) -> PaperGraph {
        var degree = [Int](repeating: 0, count: kinds.count)
        for s in edges.sources { degree[Int(s)] += 1 }
        for t in edges.targets { degree[Int(t)] += 1 }
        var newID = [Int32](repeating: -1, count: kinds.count)
        var keptKinds = [NodeKind](), keptStoreIDs = [Int64]()
        var keptPapers = 0
        for v in kinds.indices where degree[v] >= minDegree {
            newID[v] = Int32(keptKinds.count)
            keptKinds.append(kinds[v])
            keptStoreIDs.append(storeIDs[v])
            if v < paperCount { keptPapers += 1 }
        }
        var sources = [Int32](), targets = [Int32](), weights = [Double]()
        for e in edges.sources.indices {
            let s = newID[Int(edges.sources[e])], t = newID[Int(edges.targets[e])]
            guard s >= 0, t >= 0 else { continue }
            sources.append(s)
            targets.append(t)
            weights.append(edges.weights[e])
        }
        // Renumbering is monotone, so the edges stay sorted and unique.
        return PaperGraph(
            uncheckedKinds: keptKinds, storeIDs: keptStoreIDs, paperCount: keptPapers,
            sortedUniqueEdges: (sources, targets, weights))
    }
}
