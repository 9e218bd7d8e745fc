import Foundation
import GRDB
import Testing

@testable import Analysis

/// A hand-made store:
///
///     papers 1 (2025-01-10, cs.CL), 2 (2025-03-05, cs.LG cs.CL), 3 (2025-03-31, cs.CV), 4 (no date)
///     targets 10 owner github.com/alice, 11 repo github.com/alice/x (owner 10),
///             12 repo github.com/bob/y (owner 13), 13 owner github.com/bob,
///             14 page lab.example.org, 15 artifact huggingface.co/datasets/a/b,
///             16 paper arxiv:2501.00002 → paper 2, 17 paper arxiv:2409.99999 (dangling),
///             18 paper arxiv:2501.00003 → paper 3, 19 repo github.com/carol/z (no mention)
///     mentions 1→11 ×2, 1→14, 1→16, 2→11, 2→12, 2→17, 3→15, 3→18 (self-citation), 4→17
struct SmallStore {
    let database: TestDatabase

    init(withReferenceTable: Bool = false) throws {
        database = try TestDatabase()
        try database.write { db in
            try Insert.paper(db, id: 1, title: "Alpha", arxivID: "2501.00001", categories: "cs.CL", date: "2025-01-10")
            try Insert.paper(db, id: 2, title: "Beta", arxivID: "2501.00002", categories: "cs.LG cs.CL", date: "2025-03-05")
            try Insert.paper(db, id: 3, title: "Gamma", arxivID: "2501.00003", categories: "cs.CV", date: "2025-03-31")
            try Insert.paper(db, id: 4, key: "a title only paper", title: "A Title-Only Paper")
            try Insert.target(db, id: 10, kind: "owner", target: "github.com/alice")
            try Insert.target(db, id: 13, kind: "owner", target: "github.com/bob")
            try Insert.target(db, id: 11, kind: "repo", target: "github.com/alice/x", ownerID: 10)
            try Insert.target(db, id: 12, kind: "repo", target: "github.com/bob/y", ownerID: 13)
            try Insert.target(db, id: 14, kind: "page", target: "lab.example.org")
            try Insert.target(db, id: 15, kind: "artifact", target: "huggingface.co/datasets/a/b")
            try Insert.target(db, id: 16, kind: "paper", target: "arxiv:2501.00002", paperID: 2)
            try Insert.target(db, id: 17, kind: "paper", target: "arxiv:2409.99999")
            try Insert.target(db, id: 18, kind: "paper", target: "arxiv:2501.00003", paperID: 3)
            try Insert.target(db, id: 19, kind: "repo", target: "github.com/carol/z")
            try Insert.mention(db, paper: 1, target: 11, start: 0)
            try Insert.mention(db, paper: 1, target: 11, start: 50)
            try Insert.mention(db, paper: 1, target: 14, start: 90)
            try Insert.mention(db, paper: 1, target: 16, start: 5, field: "comment")
            try Insert.mention(db, paper: 2, target: 11, start: 0)
            try Insert.mention(db, paper: 2, target: 12, start: 30)
            try Insert.mention(db, paper: 2, target: 17, start: 60)
            try Insert.mention(db, paper: 3, target: 15, start: 0)
            try Insert.mention(db, paper: 3, target: 18, start: 40)
            try Insert.mention(db, paper: 4, target: 17, start: 0)
            if withReferenceTable {
                try db.execute(sql: TestDatabase.referenceTable)
                try Insert.reference(db, citing: 1, cited: 2, start: 200)
                try Insert.reference(db, citing: 3, cited: 1, start: 0)
                try Insert.reference(db, citing: 3, cited: 3, start: 10)  // self-reference: ignored
            }
        }
    }

    func load(_ filter: GraphFilter = .all) throws -> PaperGraph { try GraphLoader.load(from: database.queue, filter: filter) }
}

extension PaperGraph {
    /// (kind, store id) → (kind, store id) edges with weights, for readable expectations.
    var storeEdges: [String] {
        edges.map { e in
            "\(kinds[Int(e.source)]):\(storeIDs[Int(e.source)])→\(kinds[Int(e.target)]):\(storeIDs[Int(e.target)]) \(Int(e.weight))"
        }
    }
}

@Suite struct LoaderTests {
    @Test func loadsNodesPapersFirstAndEdgesWithMentionCounts() throws {
        let store = try SmallStore()
        defer { store.database.remove() }
        let graph = try store.load()
        #expect(graph.paperCount == 4)
        #expect(graph.storeIDs == [1, 2, 3, 4, 10, 11, 12, 13, 14, 15, 17])
        #expect(graph.kinds == [.paper, .paper, .paper, .paper, .owner, .repo, .repo, .owner, .page, .artifact, .paperRef])
        #expect(
            graph.storeEdges == [
                "paper:1→paper:2 1", "paper:1→repo:11 2", "paper:1→page:14 1",
                "paper:2→repo:11 1", "paper:2→repo:12 1", "paper:2→paper-ref:17 1",
                "paper:3→artifact:15 1",
                "paper:4→paper-ref:17 1",
                "repo:11→owner:10 1", "repo:12→owner:13 1",
            ])
        #expect(graph.node(forPaperID: 3) == 2)
        #expect(graph.node(forTargetID: 17) == 10)
        #expect(graph.node(forTargetID: 19) == nil)  // never mentioned
        #expect(graph.node(forTargetID: 16) == nil)  // resolved to paper 2
        #expect(graph.weight(from: 0, to: 5) == 2)
        #expect(graph.weight(from: 5, to: 0) == nil)
        #expect(Array(graph.predecessors(of: 5)) == [0, 1])
    }

    @Test func referenceTableAddsCitationsToMentionCitations() throws {
        let store = try SmallStore(withReferenceTable: true)
        defer { store.database.remove() }
        let graph = try store.load()
        #expect(graph.storeEdges.contains("paper:1→paper:2 2"))  // one mention + one reference
        #expect(graph.storeEdges.contains("paper:3→paper:1 1"))
        #expect(!graph.storeEdges.contains { $0.hasPrefix("paper:3→paper:3") })
    }

    @Test func kindFilterDropsNodesAndTheirEdges() throws {
        let store = try SmallStore()
        defer { store.database.remove() }
        let graph = try store.load(GraphFilter(kinds: [.paper, .repo]))
        #expect(graph.kinds == [.paper, .paper, .paper, .paper, .repo, .repo])
        #expect(graph.storeEdges == ["paper:1→paper:2 1", "paper:1→repo:11 2", "paper:2→repo:11 1", "paper:2→repo:12 1"])

        let owners = try store.load(GraphFilter(kinds: [.repo, .owner]))
        #expect(owners.paperCount == 0)
        #expect(owners.storeEdges == ["repo:11→owner:10 1", "repo:12→owner:13 1"])  // repo 19 has no owner
    }

    @Test func dateFilterIsInclusiveAndDropsUndatedPapers() throws {
        let store = try SmallStore()
        defer { store.database.remove() }
        let march = try store.load(GraphFilter(since: "2025-03", until: "2025-03"))
        #expect(march.storeIDs.prefix(march.paperCount) == [2, 3])
        // Targets only paper 1 used are gone; paper 1's citation of 2 goes with it.
        #expect(march.node(forTargetID: 14) == nil)
        #expect(march.storeEdges.contains("repo:11→owner:10 1"))
        let sinceDay = try store.load(GraphFilter(since: "2025-03-31"))
        #expect(sinceDay.storeIDs.prefix(sinceDay.paperCount) == [3])
        let untilDay = try store.load(GraphFilter(until: "2025-03-05"))
        #expect(untilDay.storeIDs.prefix(untilDay.paperCount) == [1, 2])
        let year = try store.load(GraphFilter(since: "2025", until: "2025"))
        #expect(year.paperCount == 3)
    }

    @Test func categoryFilterMatchesAnyListedCategoryExactly() throws {
        let store = try SmallStore()
        defer { store.database.remove() }
        let cl = try store.load(GraphFilter(categories: ["cs.CL"]))
        #expect(cl.storeIDs.prefix(cl.paperCount) == [1, 2])
        let some = try store.load(GraphFilter(categories: ["cs.CV", "stat.ML"]))
        #expect(some.storeIDs.prefix(some.paperCount) == [3])
        let prefixOnly = try store.load(GraphFilter(categories: ["cs.C"]))
        #expect(prefixOnly.paperCount == 0)
    }

    @Test func minDegreeDropsLowDegreeNodesOnce() throws {
        let store = try SmallStore()
        defer { store.database.remove() }
        let graph = try store.load(GraphFilter(minDegree: 2))
        // Degrees: p1 3, p2 4, p3 1, p4 1, owner10 1, repo11 3, repo12 2, owner13 1, page 1, artifact 1, ref17 2.
        #expect(graph.storeIDs == [1, 2, 11, 12, 17])
        #expect(graph.paperCount == 2)
        // One pass only: repo 12 keeps its place although its owner was dropped (degree now 1).
        #expect(graph.degree(3) == 1)
        #expect(graph.storeEdges == ["paper:1→paper:2 1", "paper:1→repo:11 2", "paper:2→repo:11 1", "paper:2→repo:12 1", "paper:2→paper-ref:17 1"])
    }

    @Test func emptyDatabaseLoadsAsEmptyGraph() throws {
        let database = try TestDatabase()
        defer { database.remove() }
        let graph = try GraphLoader.load(from: database.queue)
        #expect(graph.isEmpty && graph.edgeCount == 0 && graph.paperCount == 0)
        #expect(try Centrality.pageRank(graph).scores.isEmpty)
        #expect(try Centrality.hits(graph).hubs.isEmpty)
        #expect(try Centrality.betweenness(graph).scores.isEmpty)
        #expect(Components.weaklyConnected(graph).count == 0)
        #expect(Components.weaklyConnected(graph).largestShare == 0)
        for algorithm in CommunityAlgorithm.allCases {
            let communities = try Communities.detect(graph, options: .init(algorithm: algorithm))
            #expect(communities.count == 0 && communities.modularity == 0)
        }
        #expect(graph.ranked([], top: 10).isEmpty)
        #expect(try Similarity.sharedTargetPairs(graph).pairs.isEmpty)
        #expect(try graph.labels(for: [], in: database.queue).isEmpty)
    }

    @Test func databaseWithoutTheSchemaIsRejected() throws {
        let database = try TestDatabase(schema: false)
        defer { database.remove() }
        #expect(throws: AnalysisError.missingTable("paper")) { try GraphLoader.load(from: database.queue) }
    }

    @Test func malformedFiltersAreRejected() throws {
        let store = try SmallStore()
        defer { store.database.remove() }
        #expect(throws: AnalysisError.invalidDate("March")) { try store.load(GraphFilter(since: "March")) }
        #expect(throws: AnalysisError.invalidDate("2025-3-1")) { try store.load(GraphFilter(until: "2025-3-1")) }
        #expect(throws: AnalysisError.self) { try store.load(GraphFilter(minDegree: -1)) }
        #expect(throws: AnalysisError.self) { try NodeKind.parseList("paper,repos") }
        #expect(try NodeKind.parseList(" paper, Repo ,paper-ref") == [.paper, .repo, .paperRef])
    }

    @Test func labelsAreFetchedOnlyForRequestedNodes() throws {
        let store = try SmallStore()
        defer { store.database.remove() }
        let graph = try store.load()
        let labels = try graph.labels(for: [0, 3, 5, 10, 99, -1, 5], in: store.database.queue)
        #expect(labels.keys.sorted() == [0, 3, 5, 10])
        #expect(labels[0] == NodeLabel(node: 0, kind: .paper, storeID: 1, text: "Alpha", arxivID: "2501.00001", key: "2501.00001", url: "https://arxiv.org/abs/2501.00001"))
        #expect(labels[3]?.text == "A Title-Only Paper" && labels[3]?.url == nil && labels[3]?.shortText == "A Title-Only Paper")
        #expect(labels[5]?.text == "github.com/alice/x" && labels[5]?.url == "https://github.com/alice/x")
        #expect(labels[10]?.url == "https://arxiv.org/abs/2409.99999")
    }

    @Test func nodesAreFoundByArxivIDKeyOrTarget() throws {
        let store = try SmallStore()
        defer { store.database.remove() }
        let graph = try store.load()
        let reader = store.database.queue
        #expect(try graph.node(matching: "2501.00002", in: reader) == 1)
        #expect(try graph.node(matching: "arXiv:2501.00002v3", in: reader) == 1)
        #expect(try graph.node(matching: "a title only paper", in: reader) == 3)
        #expect(try graph.node(matching: "https://www.GitHub.com/alice/x/", in: reader) == 5)
        #expect(try graph.node(matching: "arxiv:2409.99999", in: reader) == 10)
        #expect(throws: AnalysisError.unknownNode("github.com/nobody/nothing")) {
            try graph.node(matching: "github.com/nobody/nothing", in: reader)
        }
        let filtered = try store.load(GraphFilter(since: "2025-03"))
        #expect(throws: AnalysisError.nodeNotInGraph("2501.00001")) { try filtered.node(matching: "2501.00001", in: reader) }
    }

    @Test func handBuiltGraphsAreValidated() throws {
        #expect(throws: AnalysisError.self) {
            try PaperGraph(kinds: [.repo, .paper], storeIDs: [1, 2], edges: [])
        }
        #expect(throws: AnalysisError.self) {
            try PaperGraph(kinds: [.paper], storeIDs: [1], edges: [GraphEdge(source: 0, target: 0)])
        }
        #expect(throws: AnalysisError.self) {
            try PaperGraph(kinds: [.paper, .repo], storeIDs: [1, 2], edges: [GraphEdge(source: 0, target: 2)])
        }
        let merged = try PaperGraph(
            kinds: [.paper, .repo], storeIDs: [1, 2],
            edges: [GraphEdge(source: 0, target: 1, weight: 1), GraphEdge(source: 0, target: 1, weight: 2)])
        #expect(merged.edgeCount == 1 && merged.weight(from: 0, to: 1) == 3)
    }
}

@Suite struct DenseIDSortTests {
    @Test func denseSparseAndEmptyIDsComeOutSorted() {
        var dense: [Int64] = [5, 3, 9, 4, 1000, 7, 6, 8, 999]
        GraphLoader.sortDenseIDs(&dense)
        #expect(dense == [3, 4, 5, 6, 7, 8, 9, 999, 1000])
        var sparse: [Int64] = [9_000_000_000, 2, -5, 70_000]
        GraphLoader.sortDenseIDs(&sparse)
        #expect(sparse == [-5, 2, 70_000, 9_000_000_000])
        var empty: [Int64] = []
        GraphLoader.sortDenseIDs(&empty)
        #expect(empty.isEmpty)
        var shuffled = (1...5000).map(Int64.init)
        var rng = SplitMix64(seed: 4)
        rng.shuffle(&shuffled)
        GraphLoader.sortDenseIDs(&shuffled)
        #expect(shuffled == (1...5000).map(Int64.init))
    }
}
