/// The paper–link graph held in memory as compressed sparse rows.
///
/// Nodes have dense ids `0..<nodeCount`: papers first (ascending `paper.id`), then link targets
/// (ascending `target.id`). Edges are directed — paper→target (weight = number of mentions),
/// repo→owner (weight 1) and paper→paper (weight = number of mentions/references) — with no
/// self-loops and at most one edge per ordered pair (parallel edges are merged by summing weights).
///
/// Labels (titles, target strings) are deliberately not held: fetch them for the few nodes you
/// print with ``labels(for:in:)``.
public struct PaperGraph: Sendable {
    /// Kind of every node, indexed by dense id.
    public let kinds: [NodeKind]
    /// `paper.id` for papers, `target.id` for every other kind, indexed by dense id.
    public let storeIDs: [Int64]
    /// Number of `.paper` nodes; they occupy dense ids `0..<paperCount`.
    public let paperCount: Int

    /// Out-edges of node `u` are `outTargets[outOffsets[u]..<outOffsets[u+1]]`, sorted by target.
    public let outOffsets: [Int]
    public let outTargets: [Int32]
    public let outWeights: [Double]
    /// In-edges of node `v` are `inSources[inOffsets[v]..<inOffsets[v+1]]`, sorted by source.
    public let inOffsets: [Int]
    public let inSources: [Int32]
    public let inWeights: [Double]

    private let paperIndex: StoreIDIndex
    private let targetIndex: StoreIDIndex

    public var nodeCount: Int { kinds.count }
    public var edgeCount: Int { outTargets.count }
    public var isEmpty: Bool { kinds.isEmpty }

    /// An empty graph (what an empty database loads as).
    public init() {
        self.init(uncheckedKinds: [], storeIDs: [], paperCount: 0, sortedUniqueEdges: ([], [], []))
    }

    /// Builds a graph from explicit nodes and edges (tests, other front ends).
    ///
    /// Parallel edges are merged by summing their weights.
    /// - Throws: `AnalysisError.invalidGraph` when papers do not come first, ids are out of range,
    ///   an edge is a self-loop, or a weight is negative or not finite.
    public init(kinds: [NodeKind], storeIDs: [Int64], edges: [GraphEdge]) throws(AnalysisError) {
        guard kinds.count == storeIDs.count else {
            throw .invalidGraph("\(kinds.count) kinds for \(storeIDs.count) store ids")
        }
        guard kinds.count < Int(Int32.max) else { throw .invalidGraph("too many nodes") }
        let paperCount = kinds.firstIndex { $0 != .paper } ?? kinds.count
        if kinds[paperCount...].contains(.paper) {
            throw .invalidGraph("paper nodes must come before every other kind")
        }
        var sources = [Int32](), targets = [Int32](), weights = [Double]()
        sources.reserveCapacity(edges.count)
        targets.reserveCapacity(edges.count)
        weights.reserveCapacity(edges.count)
        for edge in edges {
            guard edge.source >= 0, Int(edge.source) < kinds.count, edge.target >= 0, Int(edge.target) < kinds.count
            else { throw .invalidGraph("edge \(edge.source)→\(edge.target) names a node outside 0..<\(kinds.count)") }
            guard edge.source != edge.target else { throw .invalidGraph("self-loop on node \(edge.source)") }
            guard edge.weight.isFinite, edge.weight >= 0 else {
                throw .invalidGraph("edge \(edge.source)→\(edge.target) has weight \(edge.weight)")
            }
            sources.append(edge.source)
            targets.append(edge.target)
            weights.append(edge.weight)
        }
        let merged = EdgeList.sortedMerged(sources: sources, targets: targets, weights: weights, nodeCount: kinds.count)
        self.init(uncheckedKinds: kinds, storeIDs: storeIDs, paperCount: paperCount, sortedUniqueEdges: merged)
    }

    /// Trusted initializer: edges already sorted by (source, target) with no duplicates.
    init(
        uncheckedKinds kinds: [NodeKind], storeIDs: [Int64], paperCount: Int,
        sortedUniqueEdges edges: (sources: [Int32], targets: [Int32], weights: [Double])
    ) {
        let n = kinds.count
        self.kinds = kinds
        self.storeIDs = storeIDs
        self.paperCount = paperCount

        var outOffsets = [Int](repeating: 0, count: n + 1)
        for s in edges.sources { outOffsets[Int(s) + 1] += 1 }
        for i in 0..<n { outOffsets[i + 1] += outOffsets[i] }
        self.outOffsets = outOffsets
        self.outTargets = edges.targets
        self.outWeights = edges.weights

        // Stable counting sort by target over edges already ordered by source gives sources
        // ascending inside every in-list.
        var inOffsets = [Int](repeating: 0, count: n + 1)
        for t in edges.targets { inOffsets[Int(t) + 1] += 1 }
        for i in 0..<n { inOffsets[i + 1] += inOffsets[i] }
        var cursor = inOffsets
        var inSources = [Int32](repeating: 0, count: edges.targets.count)
        var inWeights = [Double](repeating: 0, count: edges.targets.count)
        for e in edges.targets.indices {
            let t = Int(edges.targets[e])
            inSources[cursor[t]] = edges.sources[e]
            inWeights[cursor[t]] = edges.weights[e]
            cursor[t] += 1
        }
        self.inOffsets = inOffsets
        self.inSources = inSources
        self.inWeights = inWeights

        self.paperIndex = StoreIDIndex(storeIDs[0..<paperCount], firstNode: 0)
        self.targetIndex = StoreIDIndex(storeIDs[paperCount...], firstNode: paperCount)
    }

    // MARK: Lookup

    /// Dense id of the paper with `paper.id == storeID`, if it is in the graph.
    public func node(forPaperID storeID: Int64) -> Int32? { paperIndex.node(for: storeID) }

    /// Dense id of the target with `target.id == storeID`, if it is in the graph.
    public func node(forTargetID storeID: Int64) -> Int32? { targetIndex.node(for: storeID) }

    /// Throws unless `node` is a valid dense id.
    public func validate(_ node: Int32) throws(AnalysisError) {
        guard node >= 0, Int(node) < nodeCount else { throw .nodeOutOfRange(node: node, nodeCount: nodeCount) }
    }

    public func isPaper(_ node: Int32) -> Bool { Int(node) < paperCount }

    public func outDegree(_ node: Int32) -> Int { outOffsets[Int(node) + 1] - outOffsets[Int(node)] }
    public func inDegree(_ node: Int32) -> Int { inOffsets[Int(node) + 1] - inOffsets[Int(node)] }
    /// Number of incident directed edges (in + out), as networkx's `DiGraph.degree`.
    public func degree(_ node: Int32) -> Int { outDegree(node) + inDegree(node) }

    /// Out-neighbours of `node`, ascending.
    public func successors(of node: Int32) -> ArraySlice<Int32> {
        outTargets[outOffsets[Int(node)]..<outOffsets[Int(node) + 1]]
    }

    /// In-neighbours of `node`, ascending.
    public func predecessors(of node: Int32) -> ArraySlice<Int32> {
        inSources[inOffsets[Int(node)]..<inOffsets[Int(node) + 1]]
    }

    /// Weight of the edge `source → target`, or nil when there is none.
    public func weight(from source: Int32, to target: Int32) -> Double? {
        let lo = outOffsets[Int(source)], hi = outOffsets[Int(source) + 1]
        var low = lo, high = hi
        while low < high {
            let mid = (low + high) / 2
            if outTargets[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < hi && outTargets[low] == target ? outWeights[low] : nil
    }

    /// Every edge, ordered by (source, target).
    public var edges: [GraphEdge] {
        var result = [GraphEdge]()
        result.reserveCapacity(edgeCount)
        for u in 0..<nodeCount {
            for e in outOffsets[u]..<outOffsets[u + 1] {
                result.append(GraphEdge(source: Int32(u), target: outTargets[e], weight: outWeights[e]))
            }
        }
        return result
    }

    /// Node count per kind, every kind present (zero when absent), in `NodeKind` order.
    public var kindCounts: [(kind: NodeKind, count: Int)] {
        var counts = [Int](repeating: 0, count: NodeKind.allCases.count)
        for kind in kinds { counts[kind.ordinal] += 1 }
        return NodeKind.allCases.map { ($0, counts[$0.ordinal]) }
    }
}

/// Maps store ids back to dense ids: a flat table when ids are dense enough, else a dictionary.
struct StoreIDIndex: Sendable {
    private var table: [Int32] = []
    private var minID: Int64 = 0
    private var dictionary: [Int64: Int32] = [:]
    private var usesTable = true

    init(_ ids: ArraySlice<Int64>, firstNode: Int) {
        guard let lo = ids.min(), let hi = ids.max() else { return }
        let span = hi - lo + 1
        if span <= Int64(ids.count) * 4 + 1024 {
            minID = lo
            table = [Int32](repeating: -1, count: Int(span))
            for (offset, id) in ids.enumerated() { table[Int(id - lo)] = Int32(firstNode + offset) }
        } else {
            usesTable = false
            dictionary.reserveCapacity(ids.count)
            for (offset, id) in ids.enumerated() { dictionary[id] = Int32(firstNode + offset) }
        }
    }

    func node(for id: Int64) -> Int32? {
        if usesTable {
            let slot = id - minID
            guard slot >= 0, slot < Int64(table.count) else { return nil }
            let node = table[Int(slot)]
            return node >= 0 ? node : nil
        }
        return dictionary[id]
    }
}

/// Edge-list helpers shared by the loader and the public initializer.
enum EdgeList {
    /// Sorts edges by (source, target) with two stable counting sorts and merges parallel edges
    /// by summing weights. Linear in nodes + edges.
    static func sortedMerged(
        sources: [Int32], targets: [Int32], weights: [Double], nodeCount n: Int
    ) -> (sources: [Int32], targets: [Int32], weights: [Double]) {
        let m = sources.count
        if m == 0 { return ([], [], []) }
        func countingOrder(keys: [Int32], input: [Int]) -> [Int] {
            var start = [Int](repeating: 0, count: n + 1)
            for k in keys { start[Int(k) + 1] += 1 }
            for i in 0..<n { start[i + 1] += start[i] }
            var output = [Int](repeating: 0, count: m)
            for e in input {
                let k = Int(keys[e])
                output[start[k]] = e
                start[k] += 1
            }
            return output
        }
        let byTarget = countingOrder(keys: targets, input: Array(0..<m))
        let order = countingOrder(keys: sources, input: byTarget)

        var outS = [Int32](), outT = [Int32](), outW = [Double]()
        outS.reserveCapacity(m)
        outT.reserveCapacity(m)
        outW.reserveCapacity(m)
        for e in order {
            let s = sources[e], t = targets[e]
            if let last = outS.indices.last, outS[last] == s, outT[last] == t {
                outW[last] += weights[e]
            } else {
                outS.append(s)
                outT.append(t)
                outW.append(weights[e])
            }
        }
        return (outS, outT, outW)
    }
}
