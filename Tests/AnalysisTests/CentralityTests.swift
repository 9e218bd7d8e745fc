import Testing

@testable import Analysis

/// Graphs small enough to solve by hand.
enum HandGraphs {
    /// paper 0 → repo 1 (b has no out-edge).
    static func pair() throws -> PaperGraph {
        try PaperGraph(kinds: [.paper, .repo], storeIDs: [1, 2], edges: [GraphEdge(source: 0, target: 1)])
    }

    /// papers 0, 1; targets 2, 3: 0→2, 1→2, 1→3.
    static func bipartite() throws -> PaperGraph {
        try PaperGraph(
            kinds: [.paper, .paper, .repo, .page], storeIDs: [1, 2, 3, 4],
            edges: [GraphEdge(source: 0, target: 2), GraphEdge(source: 1, target: 2), GraphEdge(source: 1, target: 3)])
    }

    /// Nodes without edges.
    static func isolated(_ n: Int) throws -> PaperGraph {
        try PaperGraph(kinds: Array(repeating: .paper, count: n), storeIDs: (0..<n).map { Int64($0 + 1) }, edges: [])
    }

    /// Two triangles {0,1,2} and {3,4,5} joined by 2→3 (all papers citing papers).
    static func twoTriangles() throws -> PaperGraph {
        let pairs: [(Int32, Int32)] = [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)]
        return try PaperGraph(
            kinds: Array(repeating: .paper, count: 6), storeIDs: (1...6).map(Int64.init),
            edges: pairs.map { GraphEdge(source: $0.0, target: $0.1) })
    }
}

@Suite struct CentralityTests {
    @Test func pageRankOfOneEdgeSolvedByHand() throws {
        // x0 = 0.15/2 + 0.85·x1/2 ; x1 = 1 − x0  ⇒  x0 = 0.5/1.425.
        let result = try Centrality.pageRank(HandGraphs.pair())
        #expect(result.converged)
        #expect(abs(result.scores[0] - 0.5 / 1.425) < 1e-10)
        #expect(abs(result.scores[1] - 0.925 / 1.425) < 1e-10)
    }

    @Test func pageRankWithoutEdgesIsUniform() throws {
        let result = try Centrality.pageRank(HandGraphs.isolated(4))
        #expect(result.scores == [0.25, 0.25, 0.25, 0.25])
        #expect(result.converged && result.iterations == 1)
    }

    @Test func pageRankSplitsRankByEdgeWeightUnlessUnweighted() throws {
        let graph = try PaperGraph(
            kinds: [.paper, .repo, .page], storeIDs: [1, 2, 3],
            edges: [GraphEdge(source: 0, target: 1, weight: 3), GraphEdge(source: 0, target: 2, weight: 1)])
        let weighted = try Centrality.pageRank(graph)
        #expect(weighted.scores[1] > weighted.scores[2])
        let unweighted = try Centrality.pageRank(graph, options: .init(weighted: false))
        #expect(abs(unweighted.scores[1] - unweighted.scores[2]) < 1e-15)
    }

    @Test func pageRankReportsNonConvergence() throws {
        let result = try Centrality.pageRank(HandGraphs.twoTriangles(), options: .init(tolerance: 1e-300, maxIterations: 3))
        #expect(!result.converged && result.iterations == 3)
        #expect(abs(result.scores.reduce(0, +) - 1) < 1e-12)
    }

    @Test func personalizedPageRankTeleportsToSeedsOnly() throws {
        // Seed 0 only: x0 = 0.15 + 0.85·x1 (dangling mass back to the seed), x1 = 0.85·x0.
        let result = try Centrality.personalizedPageRank(HandGraphs.pair(), seeds: [0])
        #expect(abs(result.scores[0] - 1 / 1.85) < 1e-10)
        #expect(abs(result.scores[1] - 0.85 / 1.85) < 1e-10)
        let isolated = try Centrality.personalizedPageRank(HandGraphs.isolated(3), seeds: [2])
        #expect(isolated.scores == [0, 0, 1])
    }

    @Test func personalizedPageRankRejectsBadSeeds() throws {
        let graph = try HandGraphs.pair()
        #expect(throws: AnalysisError.nodeOutOfRange(node: 7, nodeCount: 2)) {
            try Centrality.personalizedPageRank(graph, seeds: [0, 7])
        }
        #expect(throws: AnalysisError.nodeOutOfRange(node: -1, nodeCount: 2)) {
            try Centrality.personalizedPageRank(graph, seeds: [-1])
        }
        #expect(throws: AnalysisError.noSeeds) { try Centrality.personalizedPageRank(graph, seeds: []) }
        #expect(throws: AnalysisError.self) { try Centrality.pageRank(graph, options: .init(damping: 1)) }
    }

    @Test func hitsOfASmallBipartiteGraphSolvedByHand() throws {
        // AᵀA on the targets is [[2,1],[1,1]]: leading eigenvector (1, φ−1) with φ the golden ratio.
        let result = try Centrality.hits(HandGraphs.bipartite())
        let phi = (1 + 5.0.squareRoot()) / 2
        #expect(result.converged)
        #expect(abs(result.authorities[2] - 1 / phi) < 1e-12)
        #expect(abs(result.authorities[3] - (1 - 1 / phi)) < 1e-12)
        #expect(abs(result.hubs[0] - (1 - 1 / phi)) < 1e-12)
        #expect(abs(result.hubs[1] - 1 / phi) < 1e-12)
        #expect(result.hubs[2] == 0 && result.authorities[0] == 0)
    }

    @Test func hitsWithoutEdgesIsAllZeroNotNaN() throws {
        let result = try Centrality.hits(HandGraphs.isolated(3))
        #expect(result.hubs == [0, 0, 0] && result.authorities == [0, 0, 0])
    }

    @Test func degreesCountEdgesAndWeights() throws {
        let graph = try PaperGraph(
            kinds: [.paper, .paper, .repo], storeIDs: [1, 2, 3],
            edges: [GraphEdge(source: 0, target: 2, weight: 2), GraphEdge(source: 1, target: 2), GraphEdge(source: 0, target: 1)])
        let table = Centrality.degrees(graph)
        #expect(table.outDegree == [2, 1, 0] && table.inDegree == [0, 1, 2])
        #expect(table.outWeight == [3, 1, 0] && table.inWeight == [0, 1, 3])
        #expect(table.scores(.total) == [2, 2, 2])
        #expect(table.scores(.incoming, weighted: true) == [0, 1, 3])
        let ranked = graph.ranked(table.scores(.incoming, weighted: true), top: 2)
        #expect(ranked.map(\.node) == [2, 1] && ranked.map(\.rank) == [1, 2] && ranked[0].degree == 2)
    }

    @Test func betweennessOfAPathSolvedByHand() throws {
        let path = try PaperGraph(
            kinds: [.paper, .paper, .paper], storeIDs: [1, 2, 3],
            edges: [GraphEdge(source: 0, target: 1), GraphEdge(source: 1, target: 2)])
        #expect(try Centrality.betweenness(path).scores == [0, 1, 0])
        #expect(try Centrality.betweenness(path, options: .init(normalized: false)).scores == [0, 1, 0])
        #expect(try Centrality.betweenness(path, options: .init(directed: true)).scores == [0, 0.5, 0])
        // Two triangles joined by a bridge: the bridge ends carry all 9 cross pairs.
        let bridge = try Centrality.betweenness(HandGraphs.twoTriangles(), options: .init(normalized: false))
        #expect(bridge.scores == [0, 0, 6, 6, 0, 0])
    }

    @Test func betweennessWithoutEdgesOrWithTooFewNodesIsZero() throws {
        #expect(try Centrality.betweenness(HandGraphs.isolated(5)).scores == [0, 0, 0, 0, 0])
        #expect(try Centrality.betweenness(HandGraphs.pair()).scores == [0, 0])
        #expect(throws: AnalysisError.self) { try Centrality.betweenness(HandGraphs.pair(), options: .init(samples: 0)) }
    }

    @Test func sampledBetweennessIsDeterministicAndFinite() throws {
        let graph = try HandGraphs.twoTriangles()
        let options = BetweennessOptions(exactLimit: 2, samples: 3, seed: 9)
        let first = try Centrality.betweenness(graph, options: options)
        let second = try Centrality.betweenness(graph, options: options)
        #expect(first == second && !first.exact && first.sources == 3)
        #expect(first.scores.allSatisfy { $0.isFinite && $0 >= 0 })
        let single = try Centrality.betweenness(graph, options: .init(exactLimit: 2, samples: 1))
        #expect(single.scores.allSatisfy { $0.isFinite })
    }

    @Test func componentsAreSortedBySizeThenSmallestNode() throws {
        let graph = try PaperGraph(
            kinds: [.paper, .paper, .paper, .paper, .repo, .repo], storeIDs: [1, 2, 3, 4, 5, 6],
            edges: [GraphEdge(source: 2, target: 4), GraphEdge(source: 3, target: 4), GraphEdge(source: 0, target: 5)])
        let components = Components.weaklyConnected(graph)
        #expect(components.sizes == [3, 2, 1])
        #expect(components.componentOf == [1, 2, 0, 0, 0, 1])
        #expect(components.paperCounts == [2, 1, 1])
        #expect(components.largestShare == 0.5)
        #expect(components.summaries(top: 2).map(\.size) == [3, 2])
        #expect(components.summaries(top: 0).isEmpty)
    }

    @Test func rankingHonoursTopZeroKindsAndTies() throws {
        let graph = try HandGraphs.bipartite()
        let scores = [0.5, 0.5, 0.9, 0.1]
        #expect(graph.ranked(scores, top: 0).isEmpty)
        #expect(graph.ranked(scores, top: -3).isEmpty)
        #expect(graph.ranked(scores, top: nil).map(\.node) == [2, 0, 1, 3])
        #expect(graph.ranked(scores, top: 2, kinds: [.paper]).map(\.node) == [0, 1])
        #expect(graph.ranked(scores, top: 10).count == 4)
        // The partial-selection path (top much smaller than the node count) agrees with sorting.
        let many = (0..<1000).map { Double(($0 * 7919) % 101) }
        let big = try HandGraphs.isolated(1000)
        let fast = big.ranked(many, top: 5).map(\.node)
        let full = Array(big.ranked(many, top: nil).prefix(5)).map(\.node)
        #expect(fast == full)
    }
}
