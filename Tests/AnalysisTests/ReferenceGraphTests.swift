import Foundation
import GRDB
import Testing

@testable import Analysis

/// The synthetic corpus of Benchmarks/analysis/synthetic.py, built once for the suite.
struct ReferenceFixture: Sendable {
    let database: TestDatabase
    let graph: PaperGraph

    init() throws {
        database = try TestDatabase()
        try database.write { try SyntheticCorpus.write(papers: Reference.papers, seed: Reference.seed, into: $0) }
        graph = try GraphLoader.load(from: database.queue)
    }

    static let shared = Result { try ReferenceFixture() }

    func node(_ reference: NodeRef) throws -> Int32 {
        let node =
            reference.kind == .paper
            ? graph.node(forPaperID: reference.storeID) : graph.node(forTargetID: reference.storeID)
        let found = try #require(node, "reference node \(reference) is not in the graph")
        #expect(graph.kinds[Int(found)] == reference.kind)
        return found
    }

    /// Every listed node's score agrees, and the top of our ranking has the same score profile
    /// (position by position, which tolerates reordering among ties).
    func expectScores(
        _ scores: [Double], match expected: [(node: NodeRef, score: Double)], tolerance: Double,
        relative: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        func close(_ a: Double, _ b: Double) -> Bool {
            abs(a - b) <= tolerance * (relative ? max(1, abs(b)) : 1)
        }
        for (reference, score) in expected {
            let v = try node(reference)
            #expect(close(scores[Int(v)], score), "\(reference): \(scores[Int(v)]) vs \(score)", sourceLocation: sourceLocation)
        }
        let ours = graph.ranked(scores, top: expected.count)
        for (row, reference) in zip(ours, expected) {
            #expect(close(row.score, reference.score), "rank \(row.rank): \(row.score) vs \(reference.score)", sourceLocation: sourceLocation)
        }
    }
}

@Suite struct ReferenceGraphTests {
    let fixture: ReferenceFixture
    var graph: PaperGraph { fixture.graph }

    init() throws { fixture = try ReferenceFixture.shared.get() }

    @Test func loaderMatchesThePythonReadingOfTheSameDatabase() throws {
        #expect(graph.nodeCount == Reference.nodeCount)
        #expect(graph.edgeCount == Reference.edgeCount)
        #expect(graph.outWeights.reduce(0, +) == Reference.totalWeight)
        #expect(graph.kindCounts.map(\.count) == Reference.kindCounts)
        #expect(graph.paperCount == Reference.papers)
    }

    @Test func pageRankMatchesNetworkx() throws {
        let result = try Centrality.pageRank(graph)
        #expect(result.converged)
        #expect(abs(result.scores.reduce(0, +) - 1) < 1e-12)
        try fixture.expectScores(result.scores, match: Reference.pageRankTop, tolerance: 1e-9)
    }

    @Test func unweightedPageRankMatchesNetworkxWithoutWeights() throws {
        let result = try Centrality.pageRank(graph, options: .init(weighted: false))
        try fixture.expectScores(result.scores, match: Reference.pageRankUnweightedTop, tolerance: 1e-9)
    }

    @Test func personalizedPageRankMatchesNetworkxPersonalization() throws {
        let seeds = try Reference.personalizedSeeds.map { try fixture.node($0) }
        let directed = try Centrality.personalizedPageRank(graph, seeds: seeds)
        try fixture.expectScores(directed.scores, match: Reference.personalizedTop, tolerance: 1e-9)
        let undirected = try Centrality.personalizedPageRank(graph, seeds: seeds, options: .init(undirected: true))
        try fixture.expectScores(undirected.scores, match: Reference.personalizedUndirectedTop, tolerance: 1e-9)
    }

    @Test func hitsMatchesTheLeadingSingularVectors() throws {
        let result = try Centrality.hits(graph)
        #expect(result.converged)
        try fixture.expectScores(result.hubs, match: Reference.hubsTop, tolerance: 1e-9)
        try fixture.expectScores(result.authorities, match: Reference.authoritiesTop, tolerance: 1e-9)
    }

    @Test func betweennessMatchesNetworkx() throws {
        let undirected = try Centrality.betweenness(graph)
        #expect(undirected.exact && undirected.sources == graph.nodeCount)
        try fixture.expectScores(undirected.scores, match: Reference.betweennessTop, tolerance: 1e-9)
        let directed = try Centrality.betweenness(graph, options: .init(directed: true))
        try fixture.expectScores(directed.scores, match: Reference.directedBetweennessTop, tolerance: 1e-12)
        let raw = try Centrality.betweenness(graph, options: .init(normalized: false))
        try fixture.expectScores(raw.scores, match: Reference.unnormalizedBetweennessTop, tolerance: 1e-9, relative: true)
    }

    @Test func sampledBetweennessIsCloseToExact() throws {
        // exactLimit 0 forces the sampling path.
        let sampled = try Centrality.betweenness(
            graph, options: .init(exactLimit: 0, samples: graph.nodeCount - 1, seed: 3))
        #expect(!sampled.exact && sampled.sources == graph.nodeCount - 1)
        let exact = try Centrality.betweenness(graph)
        // With n−1 of n sources the estimate is close but not equal.
        #expect(sampled.scores.allSatisfy { $0.isFinite })
        let top = try fixture.node(Reference.betweennessTop[0].node)
        #expect(abs(sampled.scores[Int(top)] - exact.scores[Int(top)]) < 0.01)
    }

    /// Leaf sources folded into their neighbour's BFS give the same sums as one BFS each,
    /// for all sources and for a sample of them.
    @Test func foldingLeafSourcesChangesNoScore() throws {
        let undirected = UndirectedGraph(graph, weighted: false)
        let adjacency = Centrality.Adjacency(
            forward: (undirected.offsets, undirected.neighbors), backward: (undirected.offsets, undirected.neighbors))
        let everyNode = (0..<graph.nodeCount).map(Int32.init)
        let sample = everyNode.filter { $0 % 7 == 3 }
        for sources in [everyNode, sample] {
            let roots = Centrality.roots(adjacency, sources: sources, foldLeaves: true)
            #expect(roots.count < sources.count)  // the synthetic graph has leaves to fold
            #expect(roots.reduce(0) { $0 + $1.weight } == Double(sources.count))
            let folded = Centrality.brandes(adjacency, nodeCount: graph.nodeCount, sources: sources, foldLeaves: true)
            let plain = Centrality.brandes(adjacency, nodeCount: graph.nodeCount, sources: sources, foldLeaves: false)
            let largest = plain.max() ?? 0
            #expect(largest > 0)
            for v in plain.indices {
                #expect(abs(folded[v] - plain[v]) <= 1e-9 * largest, "node \(v): \(folded[v]) vs \(plain[v])")
            }
        }
    }

    @Test func componentsMatchNetworkx() {
        let components = Components.weaklyConnected(graph)
        #expect(components.count == Reference.componentCount)
        #expect(Array(components.sizes.prefix(Reference.componentSizesTop.count)) == Reference.componentSizesTop)
        #expect(components.largestShare == Double(Reference.componentSizesTop[0]) / Double(graph.nodeCount))
        #expect(components.paperCounts.reduce(0, +) == graph.paperCount)
    }

    @Test func modularityMatchesNetworkx() throws {
        let undirected = UndirectedGraph(graph)
        let kindIndex: [NodeKind: Int64] = [.paper: 0, .repo: 1, .owner: 2, .page: 3, .artifact: 4, .paperRef: 5]
        let fixed = (0..<graph.nodeCount).map { v in
            Int32((graph.storeIDs[v] * 7 + (kindIndex[graph.kinds[v]] ?? 0)) % 5)
        }
        #expect(abs(Communities.modularity(undirected, membership: fixed) - Reference.fixedPartitionModularity) < 1e-9)
        #expect(
            abs(
                Communities.modularity(undirected, membership: fixed, resolution: 0.5)
                    - Reference.fixedPartitionModularityHalfResolution) < 1e-9)
        let components = Components.weaklyConnected(graph).componentOf
        #expect(
            abs(Communities.modularity(undirected, membership: components) - Reference.componentPartitionModularity)
                < 1e-9)
    }

    @Test(arguments: CommunityAlgorithm.allCases)
    func communitiesReachReferenceQuality(_ algorithm: CommunityAlgorithm) throws {
        let result = try Communities.detect(graph, options: .init(algorithm: algorithm, seed: 11))
        let reference = max(Reference.networkxLouvainModularity, Reference.igraphLeidenModularity)
        #expect(result.modularity > reference - 0.005, "\(algorithm): \(result.modularity) vs \(reference)")
        #expect(abs(result.modularity - Communities.modularity(UndirectedGraph(graph), membership: result.membership)) < 1e-12)
        #expect(result.sizes.reduce(0, +) == graph.nodeCount)
        #expect(result.sizes == result.sizes.sorted(by: >))
        let again = try Communities.detect(graph, options: .init(algorithm: algorithm, seed: 11))
        #expect(again.membership == result.membership)
    }

    @Test func leidenCommunitiesAreConnected() throws {
        let result = try Communities.detect(graph, options: .init(algorithm: .leiden, seed: 5))
        let undirected = UndirectedGraph(graph)
        var seen = [Bool](repeating: false, count: graph.nodeCount)
        var reachedPerCommunity = [Int](repeating: 0, count: result.count)
        var started = [Bool](repeating: false, count: result.count)
        for start in 0..<graph.nodeCount where !started[Int(result.membership[start])] {
            let c = result.membership[start]
            started[Int(c)] = true
            var stack = [start]
            seen[start] = true
            while let v = stack.popLast() {
                reachedPerCommunity[Int(c)] += 1
                for e in undirected.offsets[v]..<undirected.offsets[v + 1] {
                    let w = Int(undirected.neighbors[e])
                    if !seen[w] && result.membership[w] == c {
                        seen[w] = true
                        stack.append(w)
                    }
                }
            }
        }
        #expect(reachedPerCommunity == result.sizes)
    }

    @Test func sharedTargetPairsMatchPython() throws {
        for reference in Reference.pairCases {
            let result = try Similarity.sharedTargetPairs(
                graph, options: .init(minShared: reference.minShared, maxTargetPapers: reference.maxTargetPapers, top: 10))
            #expect(result.matchingPairs == reference.matching)
            #expect(result.skippedTargets.count == reference.skipped)
            #expect(result.pairs.count == reference.top.count)
            for (pair, expected) in zip(result.pairs, reference.top) {
                let first = try fixture.node(expected.first), second = try fixture.node(expected.second)
                #expect(pair.first == first && pair.second == second)
                #expect(pair.sharedCount == expected.shared)
                #expect(abs(pair.jaccard - expected.jaccard) < 1e-12)
                #expect(abs(pair.adamicAdar - expected.adamicAdar) < 1e-12)
            }
        }
    }
}
