import Testing

@testable import Analysis

@Suite struct CommunityTests {
    @Test(arguments: CommunityAlgorithm.allCases)
    func twoTrianglesSplitAtTheBridge(_ algorithm: CommunityAlgorithm) throws {
        let graph = try HandGraphs.twoTriangles()
        let result = try Communities.detect(graph, options: .init(algorithm: algorithm))
        #expect(result.membership == [0, 0, 0, 1, 1, 1])
        #expect(result.sizes == [3, 3])
        // Each triangle: 3 inside edges of m = 7, strength 7 ⇒ Q = 2(3/7 − (7/14)²) = 6/7 − 1/2.
        #expect(abs(result.modularity - (6.0 / 7 - 0.5)) < 1e-12)
    }

    @Test func modularityByHandWithResolution() throws {
        let undirected = UndirectedGraph(try HandGraphs.twoTriangles())
        #expect(undirected.totalWeight == 7 && undirected.edgeCount == 7)
        let split: [Int32] = [0, 0, 0, 1, 1, 1]
        #expect(abs(Communities.modularity(undirected, membership: split, resolution: 2) - (6.0 / 7 - 1)) < 1e-12)
        #expect(abs(Communities.modularity(undirected, membership: [0, 0, 0, 0, 0, 0]) - 0) < 1e-12)
        // Singletons: Q = −Σ (k_i / 2m)² = −(4·2² + 2·3²)/14².
        #expect(abs(Communities.modularity(undirected, membership: [0, 1, 2, 3, 4, 5]) + 34.0 / 196) < 1e-12)
    }

    @Test func mutualEdgesAddUpInTheUndirectedView() throws {
        let graph = try PaperGraph(
            kinds: [.paper, .paper], storeIDs: [1, 2],
            edges: [GraphEdge(source: 0, target: 1, weight: 2), GraphEdge(source: 1, target: 0, weight: 3)])
        let undirected = UndirectedGraph(graph)
        #expect(undirected.neighbors == [1, 0] && undirected.weights == [5, 5] && undirected.totalWeight == 5)
        #expect(UndirectedGraph(graph, weighted: false).weights == [2, 2])
    }

    @Test(arguments: CommunityAlgorithm.allCases)
    func graphsWithoutEdgesGiveSingletonsAndZeroModularity(_ algorithm: CommunityAlgorithm) throws {
        let result = try Communities.detect(HandGraphs.isolated(4), options: .init(algorithm: algorithm))
        #expect(result.membership == [0, 1, 2, 3] && result.modularity == 0 && result.sizes == [1, 1, 1, 1])
    }

    @Test func resolutionControlsCommunityCount() throws {
        // A ring of 8 triangles, each joined to the next by one edge.
        var edges = [GraphEdge]()
        for t in 0..<8 {
            let a = Int32(3 * t)
            edges += [GraphEdge(source: a, target: a + 1), GraphEdge(source: a + 1, target: a + 2), GraphEdge(source: a + 2, target: a)]
            edges.append(GraphEdge(source: a + 2, target: Int32((3 * t + 3) % 24)))
        }
        let graph = try PaperGraph(kinds: Array(repeating: .paper, count: 24), storeIDs: (1...24).map(Int64.init), edges: edges)
        for algorithm in CommunityAlgorithm.allCases {
            let fine = try Communities.detect(graph, options: .init(algorithm: algorithm, resolution: 1))
            #expect(fine.count == 8, "\(algorithm)")
            let coarse = try Communities.detect(graph, options: .init(algorithm: algorithm, resolution: 0.05))
            #expect(coarse.count < 8, "\(algorithm)")
        }
    }

    @Test func badOptionsAreRejected() throws {
        let graph = try HandGraphs.twoTriangles()
        #expect(throws: AnalysisError.self) { try Communities.detect(graph, options: .init(resolution: 0)) }
        #expect(throws: AnalysisError.self) { try Communities.detect(graph, options: .init(randomness: -1)) }
        #expect(throws: AnalysisError.self) { try Communities.detect(graph, options: .init(maxIterations: 0)) }
    }

    @Test func summariesNameCentralPapersAndMostUsedRepos() throws {
        // Papers 0,1,2 use repo 4 (owner 6); paper 2 also uses repo 5; paper 3 uses page 7 only.
        let graph = try PaperGraph(
            kinds: [.paper, .paper, .paper, .paper, .repo, .repo, .owner, .page], storeIDs: [1, 2, 3, 4, 10, 11, 12, 13],
            edges: [
                GraphEdge(source: 0, target: 4), GraphEdge(source: 1, target: 4), GraphEdge(source: 2, target: 4),
                GraphEdge(source: 2, target: 5), GraphEdge(source: 4, target: 6), GraphEdge(source: 3, target: 7),
            ])
        let result = CommunityResult(
            algorithm: .leiden, membership: [0, 0, 0, 1, 0, 0, 0, 1], sizes: [6, 2], modularity: 0, resolution: 1,
            seed: 0, levels: 1, iterations: 1)
        let summaries = Communities.summarize(graph, result, papersPerCommunity: 2, reposPerCommunity: 2)
        #expect(summaries.count == result.count)
        #expect(summaries.map(\.size).reduce(0, +) == graph.nodeCount)
        let big = try #require(summaries.first)
        #expect(big.size == 6 && big.papers == 3 && big.repos == 2 && big.owners == 1 && big.pages == 0)
        #expect(big.topRepos.map(\.node) == [4, 5] && big.topRepos.map(\.score) == [3, 1])
        #expect(summaries[1].papers == 1 && summaries[1].pages == 1 && summaries[1].topRepos.isEmpty)
        #expect(big.topPapers.first?.node == 2)  // degree 2, the others 1
        #expect(Communities.summarize(graph, result, top: 0).isEmpty)
        let byRank = Communities.summarize(graph, result, centrality: [0.1, 0.9, 0.2, 0.3, 0, 0, 0, 0], top: 1)
        #expect(byRank.first?.topPapers.first?.node == 1)
    }
}
