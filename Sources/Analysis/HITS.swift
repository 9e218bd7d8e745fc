/// Hub and authority scores.
public struct HITSScores: Sendable, Hashable {
    /// Hub score per node (papers that point at good authorities); sums to 1.
    public var hubs: [Double]
    /// Authority score per node (targets pointed at by good hubs); sums to 1.
    public var authorities: [Double]
    public var iterations: Int
    public var converged: Bool
}

extension Centrality {
    /// HITS on the directed, weighted graph with networkx `hits` normalisation: the leading
    /// singular vectors of the weighted adjacency matrix, each scaled to sum to 1.
    ///
    /// Papers mostly score as hubs and targets as authorities because edges run paper→target,
    /// but the scores are computed for every node (repos are hubs of their owners, cited papers
    /// authorities). When the largest singular value is repeated (e.g. two identical disjoint
    /// stars) the answer is not unique; power iteration from the uniform vector then returns
    /// one of them, as networkx's ARPACK call does. A graph without edges gives all zeros.
    ///
    /// - Parameters:
    ///   - tolerance: stop when the L1 change of the max-normalised hub vector is below this.
    public static func hits(_ graph: PaperGraph, tolerance: Double = 1e-13, maxIterations: Int = 10_000)
        throws(AnalysisError) -> HITSScores
    {
        guard tolerance > 0 else {
            throw .invalidParameter(name: "tolerance", value: "\(tolerance)", reason: "must be positive")
        }
        guard maxIterations > 0 else {
            throw .invalidParameter(name: "max-iterations", value: "\(maxIterations)", reason: "must be positive")
        }
        let n = graph.nodeCount
        guard graph.edgeCount > 0 else {
            let zeros = [Double](repeating: 0, count: n)
            return HITSScores(hubs: zeros, authorities: zeros, iterations: 0, converged: true)
        }
        // Power iteration on AᵀA, both iterates scaled to max 1 so the change is comparable.
        var hubs = [Double](repeating: 1, count: n)
        var nextHubs = [Double](repeating: 0, count: n)
        var authorities = [Double](repeating: 0, count: n)
        var iterations = 0
        var converged = false
        while iterations < maxIterations {
            iterations += 1
            multiplyTransposed(graph, hubs, into: &authorities)
            scaleToMax(&authorities)
            multiply(graph, authorities, into: &nextHubs)
            scaleToMax(&nextHubs)
            var change = 0.0
            for u in 0..<n { change += abs(nextHubs[u] - hubs[u]) }
            swap(&hubs, &nextHubs)
            if change < tolerance {
                converged = true
                break
            }
        }
        // Authorities from the final hubs, as networkx derives one vector from the other.
        multiplyTransposed(graph, hubs, into: &authorities)
        scaleToSum(&hubs)
        scaleToSum(&authorities)
        return HITSScores(hubs: hubs, authorities: authorities, iterations: iterations, converged: converged)
    }

    /// y = Aᵀx (pulled over in-edges).
    static func multiplyTransposed(_ graph: PaperGraph, _ x: [Double], into y: inout [Double]) {
        for v in 0..<graph.nodeCount {
            var sum = 0.0
            for e in graph.inOffsets[v]..<graph.inOffsets[v + 1] { sum += x[Int(graph.inSources[e])] * graph.inWeights[e] }
            y[v] = sum
        }
    }

    /// y = A x (pulled over out-edges).
    static func multiply(_ graph: PaperGraph, _ x: [Double], into y: inout [Double]) {
        for u in 0..<graph.nodeCount {
            var sum = 0.0
            for e in graph.outOffsets[u]..<graph.outOffsets[u + 1] { sum += x[Int(graph.outTargets[e])] * graph.outWeights[e] }
            y[u] = sum
        }
    }

    static func scaleToMax(_ values: inout [Double]) {
        let largest = values.max() ?? 0
        guard largest > 0 else { return }
        for i in values.indices { values[i] /= largest }
    }

    static func scaleToSum(_ values: inout [Double]) {
        let total = values.reduce(0, +)
        guard total > 0 else { return }
        for i in values.indices { values[i] /= total }
    }
}
