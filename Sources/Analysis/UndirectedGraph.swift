/// Symmetric view of a `PaperGraph`: an edge {u, v} wherever u→v or v→u exists, with the
/// weights of both directions added (a mutual citation counts both citations). Each edge is
/// stored in both adjacency lists; neighbours are sorted; there are no self-loops.
public struct UndirectedGraph: Sendable {
    public let offsets: [Int]
    public let neighbors: [Int32]
    public let weights: [Double]
    /// Sum of edge weights, each undirected edge once (the `m` of modularity).
    public let totalWeight: Double

    public var nodeCount: Int { offsets.count - 1 }
    /// Number of undirected edges.
    public var edgeCount: Int { neighbors.count / 2 }

    /// - Parameter weighted: false gives every edge weight 1 (so `totalWeight` = edge count).
    public init(_ graph: PaperGraph, weighted: Bool = true) {
        let n = graph.nodeCount
        var offsets = [Int](repeating: 0, count: n + 1)
        var neighbors = [Int32](), weights = [Double]()
        neighbors.reserveCapacity(graph.edgeCount * 2)
        weights.reserveCapacity(graph.edgeCount * 2)
        var total = 0.0
        for v in 0..<n {
            // Merge the sorted out- and in-lists.
            var i = graph.outOffsets[v], j = graph.inOffsets[v]
            let iEnd = graph.outOffsets[v + 1], jEnd = graph.inOffsets[v + 1]
            while i < iEnd || j < jEnd {
                let a = i < iEnd ? graph.outTargets[i] : Int32.max
                let b = j < jEnd ? graph.inSources[j] : Int32.max
                var w = 0.0
                let neighbor = min(a, b)
                if a == neighbor {
                    w += weighted ? graph.outWeights[i] : 1
                    i += 1
                }
                if b == neighbor {
                    w += weighted ? graph.inWeights[j] : 1
                    j += 1
                }
                neighbors.append(neighbor)
                weights.append(w)
                if Int32(v) < neighbor { total += w }
            }
            offsets[v + 1] = neighbors.count
        }
        self.offsets = offsets
        self.neighbors = neighbors
        self.weights = weights
        self.totalWeight = total
    }

    init(offsets: [Int], neighbors: [Int32], weights: [Double], totalWeight: Double) {
        self.offsets = offsets
        self.neighbors = neighbors
        self.weights = weights
        self.totalWeight = totalWeight
    }

    /// Sum of incident edge weights of every node (`k_i` of modularity).
    public var strengths: [Double] {
        (0..<nodeCount).map { v in
            var s = 0.0
            for e in offsets[v]..<offsets[v + 1] { s += weights[e] }
            return s
        }
    }
}
