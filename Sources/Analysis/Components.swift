/// Weakly connected components, largest first.
public struct ComponentResult: Sendable, Hashable {
    /// Component index of every node; 0 is the largest component (ties: the one holding the
    /// smallest node id first).
    public var componentOf: [Int32]
    /// Size of each component, descending.
    public var sizes: [Int]
    /// Number of paper nodes in each component.
    public var paperCounts: [Int]

    public var count: Int { sizes.count }
    /// Share of all nodes in the largest component (0 for an empty graph).
    public var largestShare: Double {
        guard let largest = sizes.first, !componentOf.isEmpty else { return 0 }
        return Double(largest) / Double(componentOf.count)
    }

    /// Rows for printing: one per component, the first `top` (all when nil, none when ≤ 0).
    public func summaries(top: Int? = nil) -> [ComponentSummary] {
        let limit = max(0, min(top ?? sizes.count, sizes.count))
        let total = Double(componentOf.count)
        return (0..<limit).map {
            ComponentSummary(
                index: $0, size: sizes[$0], papers: paperCounts[$0], share: total > 0 ? Double(sizes[$0]) / total : 0)
        }
    }
}

/// One component as a printable row.
public struct ComponentSummary: Sendable, Hashable, Codable {
    public var index: Int
    public var size: Int
    public var papers: Int
    /// Share of all nodes in this component.
    public var share: Double
}

public enum Components {
    /// Weakly connected components (edge direction ignored), by union–find.
    public static func weaklyConnected(_ graph: PaperGraph) -> ComponentResult {
        let n = graph.nodeCount
        var parent = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            for i in 0..<n { buffer[i] = Int32(i) }
            count = n
        }
        func root(_ x: Int32) -> Int32 {
            var x = x
            while parent[Int(x)] != x {
                parent[Int(x)] = parent[Int(parent[Int(x)])]  // path halving
                x = parent[Int(x)]
            }
            return x
        }
        for u in 0..<n {
            for e in graph.outOffsets[u]..<graph.outOffsets[u + 1] {
                let a = root(Int32(u)), b = root(graph.outTargets[e])
                if a != b {
                    // Smaller id becomes the root, so roots are each component's smallest node.
                    if a < b { parent[Int(b)] = a } else { parent[Int(a)] = b }
                }
            }
        }
        var rootSize = [Int](repeating: 0, count: n)
        var rootPapers = [Int](repeating: 0, count: n)
        var roots = [Int32]()
        for v in 0..<n {
            let r = Int(root(Int32(v)))
            if r == v { roots.append(Int32(v)) }
            rootSize[r] += 1
            if v < graph.paperCount { rootPapers[r] += 1 }
        }
        roots.sort { rootSize[Int($0)] != rootSize[Int($1)] ? rootSize[Int($0)] > rootSize[Int($1)] : $0 < $1 }
        var indexOfRoot = [Int32](repeating: -1, count: n)
        for (i, r) in roots.enumerated() { indexOfRoot[Int(r)] = Int32(i) }
        let componentOf = (0..<n).map { indexOfRoot[Int(root(Int32($0)))] }
        return ComponentResult(
            componentOf: componentOf, sizes: roots.map { rootSize[Int($0)] },
            paperCounts: roots.map { rootPapers[Int($0)] })
    }
}
