/// One node with a score, ready to print as a table row, JSON object or CSV line.
public struct RankedNode: Sendable, Hashable, Codable {
    /// 1-based position in the ranking.
    public var rank: Int
    public var node: Int32
    /// `paper.id` or `target.id`.
    public var storeID: Int64
    public var kind: NodeKind
    public var score: Double
    /// Total degree (in + out edges) in the analysed graph.
    public var degree: Int

    public init(rank: Int, node: Int32, storeID: Int64, kind: NodeKind, score: Double, degree: Int) {
        self.rank = rank
        self.node = node
        self.storeID = storeID
        self.kind = kind
        self.score = score
        self.degree = degree
    }
}

extension PaperGraph {
    /// The `top` highest-scoring nodes (ties broken by ascending node id), optionally only
    /// nodes of some kinds. `top <= 0` returns an empty list; `top == nil` returns every node.
    ///
    /// `scores` must have one entry per node (as every score array in this library does).
    public func ranked(_ scores: [Double], top: Int?, kinds filterKinds: Set<NodeKind>? = nil) -> [RankedNode] {
        precondition(scores.count == nodeCount, "one score per node expected")
        if let top, top <= 0 { return [] }
        var candidates = [Int32]()
        candidates.reserveCapacity(nodeCount)
        for v in 0..<nodeCount where filterKinds?.contains(kinds[v]) ?? true { candidates.append(Int32(v)) }
        let order = Self.topIndices(candidates, count: top ?? candidates.count) { a, b in
            let sa = scores[Int(a)], sb = scores[Int(b)]
            return sa != sb ? sa > sb : a < b
        }
        return order.enumerated().map { position, v in
            RankedNode(
                rank: position + 1, node: v, storeID: storeIDs[Int(v)], kind: kinds[Int(v)], score: scores[Int(v)],
                degree: degree(v))
        }
    }

    /// The first `count` elements of `items` under `areInOrder`, sorted; avoids a full sort
    /// when `count` is small next to the input.
    static func topIndices(_ items: [Int32], count: Int, by areInOrder: (Int32, Int32) -> Bool) -> [Int32] {
        if count <= 0 || items.isEmpty { return [] }
        if count * 8 >= items.count { return Array(items.sorted(by: areInOrder).prefix(count)) }
        // Keep a sorted buffer of the best `count` seen so far; cheap for the usual top-20.
        var best = [Int32]()
        best.reserveCapacity(count + 1)
        for item in items {
            if best.count == count, let last = best.last, !areInOrder(item, last) { continue }
            var low = 0, high = best.count
            while low < high {
                let mid = (low + high) / 2
                if areInOrder(best[mid], item) { low = mid + 1 } else { high = mid }
            }
            best.insert(item, at: low)
            if best.count > count { best.removeLast() }
        }
        return best
    }
}

/// SplitMix64: tiny, fast, and easy to reproduce bit for bit in Python for reference values.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform-ish value in `0..<bound` by plain modulo (the tiny bias is irrelevant here and
    /// keeps the Python port trivial). `bound` must be positive.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// Uniform double in [0, 1) built from the top 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Fisher–Yates shuffle driven by `below`, reproducible across platforms (unlike
    /// `Array.shuffle(using:)`, whose algorithm the standard library does not promise).
    public mutating func shuffle<T>(_ items: inout [T]) {
        var i = items.count - 1
        while i > 0 {
            let j = below(i + 1)
            items.swapAt(i, j)
            i -= 1
        }
    }
}
