import Analysis

/// Which nodes the `shared-repos` view draws: repositories used by at least `minPapers`
/// papers, with those papers.
///
/// When everything fits under `maxNodes` it is all drawn. Past the limit, cutting by one
/// importance list would keep only repositories (each outranks every paper) and draw no edge
/// at all, so the budget is split instead: the most used repositories take a fifth of it (more
/// while the next one fits with all its papers), and the rest goes to their papers, those that
/// use several of the kept repositories first (they are what links the picture together), then
/// by node id.
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
        // Flat arrays indexed by node rather than sets: this runs over every repo of the
        // store, and hashing was a visible part of `render` on a 200k-paper database.
        var importance = [Double](repeating: 0, count: graph.nodeCount)
        var repos: [(node: Int32, users: [Int32])] = []
        var paperCount = 0
        for node in 0..<Int32(graph.nodeCount) where graph.kinds[Int(node)] == .repo {
            let papers = graph.predecessors(of: node).filter { graph.isPaper($0) }
            guard papers.count >= minPapers else { continue }
            repos.append((node, papers))
            importance[Int(node)] = Double(papers.count) + 1
            for paper in papers where importance[Int(paper)] == 0 {
                importance[Int(paper)] = 1
                paperCount += 1
            }
        }
        let total = repos.count + paperCount
        guard total > maxNodes else {
            nodes = repos.map(\.node) + (0..<Int32(graph.paperCount)).filter { importance[Int($0)] > 0 }
            self.importance = importance
            dropped = 0
            return
        }

        repos.sort { a, b in a.users.count != b.users.count ? a.users.count > b.users.count : a.node < b.node }
        var keptRepoCount = [Int32](repeating: 0, count: graph.paperCount)  // kept repos each paper uses
        var keptPapers = 0
        func keep(_ repo: (node: Int32, users: [Int32])) {
            for paper in repo.users {
                if keptRepoCount[Int(paper)] == 0 { keptPapers += 1 }
                keptRepoCount[Int(paper)] += 1
            }
        }
        var keptRepos = min(repos.count, max(1, maxNodes / Self.repositoryShare))
        for repo in repos.prefix(keptRepos) { keep(repo) }
        // More repositories while they fit with all their papers (small views, few users each).
        while keptRepos < repos.count {
            let newPapers = repos[keptRepos].users.filter { keptRepoCount[Int($0)] == 0 }.count
            guard keptRepos + 1 + keptPapers + newPapers <= maxNodes else { break }
            keep(repos[keptRepos])
            keptRepos += 1
        }
        let kept = repos.prefix(keptRepos)
        var papers: [(count: Int32, node: Int32)] = []
        for paper in 0..<Int32(graph.paperCount) where keptRepoCount[Int(paper)] > 0 {
            papers.append((keptRepoCount[Int(paper)], paper))
        }
        papers.sort { a, b in a.count != b.count ? a.count > b.count : a.node < b.node }
        nodes = kept.map(\.node) + papers.prefix(maxNodes - kept.count).map(\.node)
        self.importance = importance
        dropped = total - nodes.count
    }
}
