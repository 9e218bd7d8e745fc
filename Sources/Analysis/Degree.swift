/// Which edges a degree counts.
public enum DegreeDirection: String, Sendable, Hashable, Codable, CaseIterable {
    case incoming = "in"
    case outgoing = "out"
    case total
}

/// In/out degree (distinct edges) and weighted degree (sum of edge weights) of every node.
public struct DegreeTable: Sendable, Hashable {
    public var inDegree: [Int]
    public var outDegree: [Int]
    public var inWeight: [Double]
    public var outWeight: [Double]

    /// The chosen degree of every node as scores for ``PaperGraph/ranked(_:top:kinds:)``.
    public func scores(_ direction: DegreeDirection, weighted: Bool = false) -> [Double] {
        switch (direction, weighted) {
        case (.incoming, false): inDegree.map(Double.init)
        case (.outgoing, false): outDegree.map(Double.init)
        case (.total, false): zip(inDegree, outDegree).map { Double($0 + $1) }
        case (.incoming, true): inWeight
        case (.outgoing, true): outWeight
        case (.total, true): zip(inWeight, outWeight).map { $0 + $1 }
        }
    }
}

extension Centrality {
    /// Degrees of every node. For a paper, `outDegree` counts the distinct targets and papers it
    /// links to; for a target, `inDegree` counts the papers (and repos) pointing at it.
    public static func degrees(_ graph: PaperGraph) -> DegreeTable {
        let n = graph.nodeCount
        var table = DegreeTable(
            inDegree: [Int](repeating: 0, count: n), outDegree: [Int](repeating: 0, count: n),
            inWeight: [Double](repeating: 0, count: n), outWeight: [Double](repeating: 0, count: n))
        for v in 0..<n {
            table.outDegree[v] = graph.outOffsets[v + 1] - graph.outOffsets[v]
            table.inDegree[v] = graph.inOffsets[v + 1] - graph.inOffsets[v]
            for e in graph.outOffsets[v]..<graph.outOffsets[v + 1] { table.outWeight[v] += graph.outWeights[e] }
            for e in graph.inOffsets[v]..<graph.inOffsets[v + 1] { table.inWeight[v] += graph.inWeights[e] }
        }
        return table
    }
}
