import Foundation
import Testing

@testable import Analysis

@Suite struct SimilarityTests {
    /// papers 0–4; repos 5 (A), 6 (B) of owner 7; page 8; artifact 9.
    /// 0 → A, page, cites 1;  1 → A;  2 → B;  3 → page, artifact;  4 → artifact.
    static func relatedGraph() throws -> PaperGraph {
        let edges: [(Int32, Int32)] = [(0, 5), (0, 8), (0, 1), (1, 5), (2, 6), (3, 8), (3, 9), (4, 9), (5, 7), (6, 7)]
        return try PaperGraph(
            kinds: [.paper, .paper, .paper, .paper, .paper, .repo, .repo, .owner, .page, .artifact],
            storeIDs: (1...10).map(Int64.init), edges: edges.map { GraphEdge(source: $0.0, target: $0.1) })
    }

    @Test func relatedPapersScoredByAdamicAdarWithReasons() throws {
        let graph = try Self.relatedGraph()
        let related = try Similarity.relatedPapers(graph, to: 0)
        #expect(related.map(\.node) == [1, 3, 2])
        #expect(related.map(\.rank) == [1, 2, 3])
        let ln2 = log(2.0), ln3 = log(3.0)
        #expect(abs(related[0].score - 2 / ln2) < 1e-12)
        #expect(related[0].reasons.map(\.relation) == [.cites, .sharedRepo])
        #expect(related[0].reasons.map(\.via) == [1, 5])
        // Paper 1 shares the owner too, but only through the repo already listed.
        #expect(!related[0].reasons.contains { $0.relation == .sharedOwner })
        #expect(abs(related[1].score - 1 / ln2) < 1e-12 && related[1].reasons.map(\.relation) == [.sharedPage])
        #expect(abs(related[2].score - 1 / ln3) < 1e-12)
        #expect(related[2].reasons.map(\.relation) == [.sharedOwner] && related[2].reasons[0].papersUsingVia == 3)
        #expect(related[2].reasons[0].text(viaLabel: "github.com/o") == "both use code of github.com/o")
        #expect(related[0].reasons[1].text(viaLabel: "github.com/o/a") == "both use github.com/o/a")

        let cited = try Similarity.relatedPapers(graph, to: 1, top: 1)
        #expect(cited.map(\.node) == [0] && cited[0].reasons.map(\.relation) == [.citedBy, .sharedRepo])
        #expect(try Similarity.relatedPapers(graph, to: 4).map(\.node) == [3])
        #expect(try Similarity.relatedPapers(graph, to: 0, top: 0).isEmpty)
    }

    @Test func relatedPapersNeedAPaperNode() throws {
        let graph = try Self.relatedGraph()
        #expect(throws: AnalysisError.notAPaper(node: 5, kind: .repo)) { try Similarity.relatedPapers(graph, to: 5) }
        #expect(throws: AnalysisError.nodeOutOfRange(node: 10, nodeCount: 10)) {
            try Similarity.relatedPapers(graph, to: 10)
        }
        let lonely = try Similarity.relatedPapers(HandGraphs.isolated(2), to: 0)
        #expect(lonely.isEmpty)
    }

    /// papers 0–5 all use hub 6; 0,1 use 7; 0,1,2 use 8.
    static func hubGraph() throws -> PaperGraph {
        var edges = (0..<6).map { GraphEdge(source: Int32($0), target: 6) }
        edges += [GraphEdge(source: 0, target: 7), GraphEdge(source: 1, target: 7)]
        edges += [GraphEdge(source: 0, target: 8), GraphEdge(source: 1, target: 8), GraphEdge(source: 2, target: 8)]
        return try PaperGraph(
            kinds: Array(repeating: .paper, count: 6) + [.repo, .artifact, .page], storeIDs: (1...9).map(Int64.init),
            edges: edges)
    }

    @Test func hubTargetsAreSkippedAsPairGeneratorsButCountAsShared() throws {
        let graph = try Self.hubGraph()
        let capped = try Similarity.sharedTargetPairs(graph, options: .init(minShared: 2, maxTargetPapers: 3))
        #expect(capped.skippedTargets == [SkippedTarget(node: 6, storeID: 7, kind: .repo, papers: 6)])
        #expect(capped.matchingPairs == 3)
        #expect(capped.pairs.map { [$0.first, $0.second] } == [[0, 1], [0, 2], [1, 2]])
        #expect(capped.pairs[0].shared == [6, 7, 8] && capped.pairs[0].jaccard == 1)
        #expect(abs(capped.pairs[0].adamicAdar - (1 / log(6.0) + 1 / log(2.0) + 1 / log(3.0))) < 1e-12)
        #expect(abs(capped.pairs[1].jaccard - 2.0 / 3) < 1e-12)

        let uncapped = try Similarity.sharedTargetPairs(graph, options: .init(minShared: 1, maxTargetPapers: 10, top: 2))
        #expect(uncapped.skippedTargets.isEmpty)
        #expect(uncapped.matchingPairs == 15)
        #expect(uncapped.pairs.map { [$0.first, $0.second] } == [[0, 1], [0, 2]])
        #expect(uncapped.pairs.map(\.rank) == [1, 2])

        let none = try Similarity.sharedTargetPairs(graph, options: .init(top: 0))
        #expect(none.pairs.isEmpty && none.matchingPairs == 3)
        let onlyPages = try Similarity.sharedTargetPairs(graph, options: .init(minShared: 1, targetKinds: [.page]))
        #expect(onlyPages.matchingPairs == 3 && onlyPages.pairs.allSatisfy { $0.shared == [8] })
    }

    @Test func pairOptionsAreValidated() throws {
        let graph = try Self.hubGraph()
        #expect(throws: AnalysisError.self) { try Similarity.sharedTargetPairs(graph, options: .init(minShared: 0)) }
        #expect(throws: AnalysisError.self) { try Similarity.sharedTargetPairs(graph, options: .init(maxTargetPapers: 1)) }
        #expect(try Similarity.sharedTargetPairs(HandGraphs.isolated(3)).pairs.isEmpty)
    }

    @Test func boundedBestKeepsTheBestInOrder() {
        var best = BoundedBest<Int>(limit: 3, isBetter: >)
        for value in [5, 1, 9, 3, 9, 7, 2] { best.insert(value) }
        #expect(best.sorted() == [9, 9, 7])
        var all = BoundedBest<Int>(limit: nil, isBetter: <)
        for value in [3, 1, 2] { all.insert(value) }
        #expect(all.sorted() == [1, 2, 3])
    }
}
