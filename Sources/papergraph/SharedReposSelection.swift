import Analysis

/// Which nodes the `shared-repos` view draws: repositories used by at least `minPapers`
/// papers, with those papers.
///
/// When everything fits under `maxNodes` it is all drawn. Past the limit, cutting by one
/// importance list would keep only repositories (each outranks every paper) and draw no edge
/// at all, so the budget is split instead: the most used repositories take a fifth of it, and
/// the rest goes to their papers, those that use several of the kept repositories first (they
/// are what links the picture together), then by node id.
struct SharedReposSelection {
    /// The nodes to draw.
    var nodes: [Int32]
    /// Repositories: papers using them + 1; papers: 1 (drawn smaller).
    var importance: [Double]
    /// Shared repositories and their papers left out by the limit.
    var dropped: Int

    /// Share of the node budget given to repositories when the view is capped.
    static let repositoryShare = 5

    init(graph: PaperGraph, minPapers: Int, maxNodes: Int) {
        importance = [Double](repeating: 0, count: graph.nodeCount)
        var repos: [(node: Int32, users: [Int32])] = []
        var allPapers = Set<Int32>()
        for node in 0..<Int32(graph.nodeCount) where graph.kinds[Int(node)] == .repo {
            let users = graph.predecessors(of: node).filter { graph.isPaper($0) }
            guard users.count >= minPapers else { continue }
            repos.append((node, Array(users)))
            importance[Int(node)] = Double(users.count) + 1
            allPapers.formUnion(users)
        }
        for paper in allPapers { importance[Int(paper)] = 1 }
        let total = repos.count + allPapers.count
        guard total > maxNodes else {
            nodes = repos.map(\.node) + allPapers.sorted()
            dropped = 0
            return
        }

        repos.sort { a, b in a.users.count != b.users.count ? a.users.count > b.users.count : a.node < b.node }
        let repoBudget = min(repos.count, max(1, maxNodes / Self.repositoryShare))
        let kept = repos.prefix(repoBudget)
        var keptRepoCount = [Int32: Int]()  // paper → how many kept repos it uses
        for repo in kept {
            for paper in repo.users { keptRepoCount[paper, default: 0] += 1 }
        }
        let papers = keptRepoCount.keys.sorted { a, b in
            let ca = keptRepoCount[a] ?? 0, cb = keptRepoCount[b] ?? 0
            return ca != cb ? ca > cb : a < b
        }
        nodes = kept.map(\.node) + papers.prefix(maxNodes - kept.count)
        dropped = total - nodes.count
    }
}
