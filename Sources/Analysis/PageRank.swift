/// Options for PageRank and personalized PageRank.
public struct PageRankOptions: Sendable, Hashable {
    /// Probability of following an edge rather than teleporting (networkx `alpha`).
    public var damping: Double = 0.85
    /// Stop when the L1 change of the score vector drops below `nodeCount × tolerance`
    /// (networkx's `tol` convention, so results match `nx.pagerank(G, tol=tolerance)`).
    public var tolerance: Double = 1e-10
    public var maxIterations: Int = 1000
    /// Split a node's rank over its out-edges in proportion to edge weight (mention counts),
    /// like networkx `weight="weight"`; false splits it evenly over distinct out-neighbours.
    public var weighted: Bool = true
    /// Walk edges both ways (the ``UndirectedGraph`` view, weights of both directions added).
    /// Directed walks from a paper only reach its targets, their owners and cited papers; the
    /// undirected walk also reaches the other papers using them, which is what "papers near
    /// these seeds" usually means. networkx equivalent: `pagerank` on the undirected graph.
    public var undirected: Bool = false

    public init(
        damping: Double = 0.85, tolerance: Double = 1e-10, maxIterations: Int = 1000, weighted: Bool = true,
        undirected: Bool = false
    ) {
        self.damping = damping
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.weighted = weighted
        self.undirected = undirected
    }

    func validate() throws(AnalysisError) {
        guard damping >= 0, damping < 1 else {
            throw .invalidParameter(name: "damping", value: "\(damping)", reason: "must be in [0, 1)")
        }
        guard tolerance > 0, tolerance.isFinite else {
            throw .invalidParameter(name: "tolerance", value: "\(tolerance)", reason: "must be positive")
        }
        guard maxIterations > 0 else {
            throw .invalidParameter(name: "max-iterations", value: "\(maxIterations)", reason: "must be positive")
        }
    }
}

/// Scores from a power-iteration method.
public struct ScoreVector: Sendable, Hashable {
    /// One score per dense node id.
    public var scores: [Double]
    public var iterations: Int
    /// False when `maxIterations` ran out first (networkx would raise); scores are the last iterate.
    public var converged: Bool

    public init(scores: [Double], iterations: Int, converged: Bool) {
        self.scores = scores
        self.iterations = iterations
        self.converged = converged
    }
}

public enum Centrality {
    /// PageRank on the directed graph, as networkx `pagerank(G, alpha:, tol:, weight="weight")`:
    /// uniform teleport, the rank of nodes without out-edges spread uniformly over all nodes,
    /// uniform start vector. Scores sum to 1; an empty graph gives no scores.
    public static func pageRank(_ graph: PaperGraph, options: PageRankOptions = .init()) throws(AnalysisError)
        -> ScoreVector
    {
        try options.validate()
        let n = graph.nodeCount
        guard n > 0 else { return ScoreVector(scores: [], iterations: 0, converged: true) }
        let uniform = [Double](repeating: 1.0 / Double(n), count: n)
        return powerIterate(graph, teleport: uniform, options: options)
    }

    /// Personalized PageRank: teleports go to `seeds` only (equal shares, a seed listed twice
    /// counts twice), and so does the rank of nodes without out-edges — networkx
    /// `pagerank(G, personalization={seed: 1, ...})` with the default `dangling`.
    ///
    /// - Throws: `AnalysisError.noSeeds` or `.nodeOutOfRange` for an unknown seed.
    public static func personalizedPageRank(
        _ graph: PaperGraph, seeds: [Int32], options: PageRankOptions = .init()
    ) throws(AnalysisError) -> ScoreVector {
        try options.validate()
        guard !seeds.isEmpty else { throw .noSeeds }
        for seed in seeds { try graph.validate(seed) }
        var teleport = [Double](repeating: 0, count: graph.nodeCount)
        for seed in seeds { teleport[Int(seed)] += 1.0 / Double(seeds.count) }
        return powerIterate(graph, teleport: teleport, options: options)
    }

    /// x ← α (x·W + (Σ dangling x)·p) + (1 − α) p, pulled over in-edges so each node is
    /// written once per iteration (the summation order is fixed, so results are reproducible).
    static func powerIterate(_ graph: PaperGraph, teleport: [Double], options: PageRankOptions) -> ScoreVector {
        let n = graph.nodeCount
        // In-lists to pull from: the directed in-edges, or the symmetric adjacency.
        let inOffsets: [Int], inSources: [Int32], inWeights: [Double]
        if options.undirected {
            let undirected = UndirectedGraph(graph, weighted: options.weighted)
            (inOffsets, inSources, inWeights) = (undirected.offsets, undirected.neighbors, undirected.weights)
        } else {
            let ones = options.weighted ? graph.inWeights : [Double](repeating: 1, count: graph.edgeCount)
            (inOffsets, inSources, inWeights) = (graph.inOffsets, graph.inSources, ones)
        }
        let alpha = options.damping
        // A node's out-weight is the sum over the edges it appears in as a source.
        var outWeight = [Double](repeating: 0, count: n)
        for e in inSources.indices { outWeight[Int(inSources[e])] += inWeights[e] }
        // Transition probability of every in-edge, precomputed once.
        var transition = [Double](repeating: 0, count: inSources.count)
        for e in inSources.indices {
            let source = Int(inSources[e])
            transition[e] = outWeight[source] > 0 ? inWeights[e] / outWeight[source] : 0
        }
        let dangling = (0..<n).filter { outWeight[$0] == 0 }

        var x = [Double](repeating: 1.0 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        let threshold = Double(n) * options.tolerance
        for iteration in 1...options.maxIterations {
            var danglingMass = 0.0
            for u in dangling { danglingMass += x[u] }
            var change = 0.0
            inOffsets.withUnsafeBufferPointer { offsets in
                inSources.withUnsafeBufferPointer { sources in
                    transition.withUnsafeBufferPointer { probability in
                        x.withUnsafeBufferPointer { current in
                            for v in 0..<n {
                                var inflow = 0.0
                                for e in offsets[v]..<offsets[v + 1] {
                                    inflow += current[Int(sources[e])] * probability[e]
                                }
                                let value = alpha * (inflow + danglingMass * teleport[v]) + (1 - alpha) * teleport[v]
                                change += abs(value - current[v])
                                next[v] = value
                            }
                        }
                    }
                }
            }
            swap(&x, &next)
            if change < threshold { return ScoreVector(scores: x, iterations: iteration, converged: true) }
        }
        return ScoreVector(scores: x, iterations: options.maxIterations, converged: false)
    }
}
