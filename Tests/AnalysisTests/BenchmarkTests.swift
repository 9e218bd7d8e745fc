import Foundation
import GRDB
import Testing

import Analysis

/// Timing run on a large database, off unless `PAPERGRAPH_ANALYSIS_BENCH_DB` names one, e.g.
///
///     python3 Benchmarks/analysis/synthetic.py /tmp/syn200k.sqlite --papers 200000 --density 2
///     PAPERGRAPH_ANALYSIS_BENCH_DB=/tmp/syn200k.sqlite swift test -c release --filter AnalysisBenchmark
///
/// Prints one line per phase plus the PageRank top 20 in the format of
/// Benchmarks/analysis/pagerank_networkx.py, so the two can be diffed.
@Suite struct AnalysisBenchmark {
    static let databasePath = ProcessInfo.processInfo.environment["PAPERGRAPH_ANALYSIS_BENCH_DB"]

    @Test(.enabled(if: databasePath != nil, "set PAPERGRAPH_ANALYSIS_BENCH_DB to a papergraph database"))
    func timeTheAnalysesOnALargeGraph() throws {
        let path = try #require(Self.databasePath)
        var configuration = Configuration()
        configuration.readonly = true
        let reader = try DatabaseQueue(path: path, configuration: configuration)
        let clock = ContinuousClock()
        func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let start = clock.now
            let value = try body()
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            print("bench \(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(format: "%8.3f", seconds)) s")
            return value
        }

        let graph = try time("load") { try GraphLoader.load(from: reader) }
        print("bench graph: \(graph.nodeCount) nodes, \(graph.edgeCount) edges, \(graph.paperCount) papers")
        _ = try time("load --since 2025-06 cs.CL") {
            try GraphLoader.load(from: reader, filter: GraphFilter(since: "2025-06", categories: ["cs.CL"]))
        }
        let pageRank = try time("pagerank") { try Centrality.pageRank(graph) }
        print("bench pagerank iterations: \(pageRank.iterations), converged: \(pageRank.converged)")
        _ = try time("personalized pagerank") { try Centrality.personalizedPageRank(graph, seeds: [0, 1]) }
        let hits = try time("hits") { try Centrality.hits(graph) }
        print("bench hits iterations: \(hits.iterations), converged: \(hits.converged)")
        _ = time("degrees") { Centrality.degrees(graph) }
        let components = time("components") { Components.weaklyConnected(graph) }
        print("bench components: \(components.count), largest share \(components.largestShare)")
        _ = try time("betweenness (200 samples)") {
            try Centrality.betweenness(graph, options: .init(samples: 200, seed: 1))
        }
        let undirected = time("undirected view") { UndirectedGraph(graph) }
        print("bench undirected: \(undirected.edgeCount) edges, total weight \(undirected.totalWeight)")
        for algorithm in CommunityAlgorithm.allCases {
            let result = try time("communities \(algorithm)") {
                try Communities.detect(graph, options: .init(algorithm: algorithm, seed: 1))
            }
            print(
                "bench \(algorithm): \(result.count) communities, modularity \(result.modularity), "
                    + "levels \(result.levels), iterations \(result.iterations), largest \(result.sizes.first ?? 0)")
        }
        let pairs = try time("shared-target pairs") { try Similarity.sharedTargetPairs(graph) }
        print("bench pairs: \(pairs.matchingPairs) matching, \(pairs.skippedTargets.count) hub targets skipped")
        _ = try time("related papers x100") {
            for p in stride(from: 0, to: min(graph.paperCount, 100_000), by: 1000) {
                _ = try Similarity.relatedPapers(graph, to: Int32(p))
            }
        }
        _ = try time("code trend") { try CodeTrends.compute(in: reader) }
        let top = graph.ranked(pageRank.scores, top: 20)
        _ = try time("labels for top 20") { try graph.labels(for: top.map(\.node), in: reader) }
        for row in top {
            print("pagerank \(row.node) \(row.kind):\(row.storeID) \(String(format: "%.12g", row.score))")
        }
    }
}
