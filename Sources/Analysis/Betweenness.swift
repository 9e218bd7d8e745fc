import Dispatch

/// Options for betweenness centrality.
public struct BetweennessOptions: Sendable, Hashable {
    /// Follow edge directions (paths paper→repo→owner only). Default false: on this graph
    /// directed shortest paths are at most a few hops long and nearly every node is a pure
    /// source or sink, so only the undirected view shows which nodes bridge communities.
    public var directed: Bool = false
    /// Divide by the number of node pairs, like networkx `normalized=True`.
    public var normalized: Bool = true
    /// Graphs with at most this many nodes are computed exactly.
    public var exactLimit: Int = 50_000
    /// Number of source nodes sampled on larger graphs (networkx `k`). Each costs one BFS
    /// over the whole graph: about 80 ms of CPU on the 340k-node benchmark graph, spread over all cores.
    public var samples: Int = 256
    /// Seed of the SplitMix64 generator that picks the sampled sources.
    public var seed: UInt64 = 0

    public init(
        directed: Bool = false, normalized: Bool = true, exactLimit: Int = 50_000, samples: Int = 256,
        seed: UInt64 = 0
    ) {
        self.directed = directed
        self.normalized = normalized
        self.exactLimit = exactLimit
        self.samples = samples
        self.seed = seed
    }
}

/// Betweenness scores and how they were obtained.
public struct BetweennessScores: Sendable, Hashable {
    public var scores: [Double]
    /// Number of BFS sources used; equals the node count when exact.
    public var sources: Int
    public var exact: Bool
}

extension Centrality {
    /// Brandes betweenness on unweighted shortest paths (hop counts, networkx `weight=None`),
    /// endpoints excluded, with networkx's scaling: normalized scores divide by (n−1)(n−2);
    /// unnormalized undirected scores count each unordered pair once.
    ///
    /// Above `exactLimit` nodes, `samples` distinct sources are drawn with the seeded generator
    /// and scaled like networkx `betweenness_centrality(k=…)` (sampled sources by 1/(k−1),
    /// the others by 1/k). Sources are processed in fixed chunks on all cores and the partial
    /// sums added in chunk order, so results do not depend on thread timing.
    public static func betweenness(_ graph: PaperGraph, options: BetweennessOptions = .init()) throws(AnalysisError)
        -> BetweennessScores
    {
        guard options.samples > 0 else {
            throw .invalidParameter(name: "samples", value: "\(options.samples)", reason: "must be positive")
        }
        let n = graph.nodeCount
        var sources = (0..<n).map(Int32.init)
        var exact = true
        if n > options.exactLimit && options.samples < n {
            var rng = SplitMix64(seed: options.seed)
            // Partial Fisher–Yates: the first `samples` slots become a uniform sample.
            for i in 0..<options.samples {
                sources.swapAt(i, i + rng.below(n - i))
            }
            sources = Array(sources[0..<options.samples]).sorted()
            exact = false
        }

        let adjacency: Adjacency =
            options.directed
            ? Adjacency(
                forward: (graph.outOffsets, graph.outTargets), backward: (graph.inOffsets, graph.inSources))
            : {
                let undirected = UndirectedGraph(graph, weighted: false)
                return Adjacency(
                    forward: (undirected.offsets, undirected.neighbors),
                    backward: (undirected.offsets, undirected.neighbors))
            }()

        var raw = brandes(adjacency, nodeCount: n, sources: sources, foldLeaves: !options.directed)

        // Rescale exactly as networkx `_rescale` with endpoints=False.
        let pairs = n - 1
        if pairs >= 2 {
            let k = sources.count
            let correction = options.directed ? 1.0 : 2.0
            if exact {
                let scale =
                    options.normalized ? 1.0 / (Double(pairs) * Double(pairs - 1)) : 1.0 / correction
                for v in 0..<n { raw[v] *= scale }
            } else {
                let sourceScale: Double, otherScale: Double
                if options.normalized {
                    sourceScale = k > 1 ? 1.0 / (Double(k - 1) * Double(pairs - 1)) : 0
                    otherScale = 1.0 / (Double(k) * Double(pairs - 1))
                } else {
                    sourceScale = k > 1 ? Double(pairs) / (Double(k - 1) * correction) : 0
                    otherScale = Double(pairs) / (Double(k) * correction)
                }
                var isSource = [Bool](repeating: false, count: n)
                for s in sources { isSource[Int(s)] = true }
                for v in 0..<n { raw[v] *= isSource[v] ? sourceScale : otherScale }
            }
        }
        return BetweennessScores(scores: raw, sources: sources.count, exact: exact)
    }

    struct Adjacency: Sendable {
        var forward: (offsets: [Int], nodes: [Int32])
        var backward: (offsets: [Int], nodes: [Int32])
    }

    /// A BFS to run: its dependencies count `weight` times, and `foldedLeaves` leaf sources
    /// hanging off `node` add their paths through it (see ``roots(_:sources:foldLeaves:)``).
    struct BFSRoot: Sendable {
        var node: Int32
        var weight: Double
        var foldedLeaves: Double
    }

    /// The BFS runs that give the betweenness of `sources`.
    ///
    /// On an undirected graph a source `u` of degree 1 whose neighbour `v` has a higher degree
    /// needs no BFS of its own: every shortest path from `u` is the edge u–v followed by a
    /// shortest path from `v`, so `u`'s dependency on every node other than `v` equals `v`'s,
    /// and `v` lies on the paths from `u` to all (component size − 2) other nodes. Such leaves
    /// are folded into one weighted BFS from `v`. Papers that cite or link exactly one thing
    /// are most of a paper–link graph, so this removes most of the work.
    static func roots(_ adjacency: Adjacency, sources: [Int32], foldLeaves: Bool) -> [BFSRoot] {
        guard foldLeaves else { return sources.map { BFSRoot(node: $0, weight: 1, foldedLeaves: 0) } }
        let offsets = adjacency.forward.offsets, neighbors = adjacency.forward.nodes
        func degree(_ v: Int) -> Int { offsets[v + 1] - offsets[v] }
        let n = offsets.count - 1
        var weight = [Double](repeating: 0, count: n), leaves = [Double](repeating: 0, count: n)
        for s in sources {
            var root = Int(s)
            if degree(root) == 1, degree(Int(neighbors[offsets[root]])) > 1 {
                root = Int(neighbors[offsets[root]])
                leaves[root] += 1
            }
            weight[root] += 1
        }
        return (0..<n).filter { weight[$0] > 0 }.map { v in
            BFSRoot(node: Int32(v), weight: weight[v], foldedLeaves: leaves[v])
        }
    }

    /// Sum over `sources` of Brandes' dependency accumulation (unscaled). Runs in a fixed
    /// number of chunks whose partial sums are added in chunk order, so the result does not
    /// depend on the number of cores or on thread timing.
    static func brandes(_ adjacency: Adjacency, nodeCount n: Int, sources: [Int32], foldLeaves: Bool) -> [Double] {
        guard n > 0, !sources.isEmpty else { return [Double](repeating: 0, count: n) }
        let sources = roots(adjacency, sources: sources, foldLeaves: foldLeaves)
        let chunkCount = min(8, sources.count)
        let partials = UnsafeMutableBufferPointer<[Double]>.allocate(capacity: chunkCount)
        partials.initialize(repeating: [])
        defer { partials.deallocate() }
        let slots = SendableBuffer(partials)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let lo = sources.count * chunk / chunkCount, hi = sources.count * (chunk + 1) / chunkCount
            slots.buffer[chunk] = brandesChunk(adjacency, nodeCount: n, sources: sources[lo..<hi])
        }
        var total = [Double](repeating: 0, count: n)
        for chunk in 0..<chunkCount {
            for v in 0..<n { total[v] += partials[chunk][v] }
        }
        return total
    }

    private static func brandesChunk(_ adjacency: Adjacency, nodeCount n: Int, sources: ArraySlice<BFSRoot>) -> [Double] {
        var centrality = [Double](repeating: 0, count: n)
        // Raw buffers: this loop runs (sources × reachable nodes) times, and array bounds and
        // uniqueness checks in it cost more than the work itself.
        let sigma = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let delta = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let distance = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        let order = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)  // BFS visit order, doubles as the queue
        sigma.initialize(repeating: 0)
        delta.initialize(repeating: 0)
        distance.initialize(repeating: -1)
        order.initialize(repeating: 0)
        defer {
            sigma.deallocate()
            delta.deallocate()
            distance.deallocate()
            order.deallocate()
        }
        adjacency.forward.offsets.withUnsafeBufferPointer { fOffsets in
            adjacency.forward.nodes.withUnsafeBufferPointer { fNodes in
                adjacency.backward.offsets.withUnsafeBufferPointer { bOffsets in
                    adjacency.backward.nodes.withUnsafeBufferPointer { bNodes in
                        centrality.withUnsafeMutableBufferPointer { centrality in
                            for root in sources {
                                accumulate(
                                    from: root, fOffsets, fNodes, bOffsets, bNodes, sigma: sigma, delta: delta,
                                    distance: distance, order: order, into: centrality)
                            }
                        }
                    }
                }
            }
        }
        return centrality
    }

    /// One root's BFS and weighted dependency accumulation; leaves the work buffers reset.
    @inline(__always)
    private static func accumulate(
        from root: BFSRoot, _ fOffsets: UnsafeBufferPointer<Int>, _ fNodes: UnsafeBufferPointer<Int32>,
        _ bOffsets: UnsafeBufferPointer<Int>, _ bNodes: UnsafeBufferPointer<Int32>,
        sigma: UnsafeMutableBufferPointer<Double>, delta: UnsafeMutableBufferPointer<Double>,
        distance: UnsafeMutableBufferPointer<Int32>, order: UnsafeMutableBufferPointer<Int32>,
        into centrality: UnsafeMutableBufferPointer<Double>
    ) {
        guard let fOffsets = fOffsets.baseAddress, let fNodes = fNodes.baseAddress,
            let bOffsets = bOffsets.baseAddress, let bNodes = bNodes.baseAddress,
            let sigma = sigma.baseAddress, let delta = delta.baseAddress, let distance = distance.baseAddress,
            let order = order.baseAddress, let centrality = centrality.baseAddress
        else { return }
        let s = Int(root.node)
        var head = 0, tail = 0
        order[tail] = Int32(s)
        tail += 1
        sigma[s] = 1
        distance[s] = 0
        while head < tail {
            let v = Int(order[head])
            head += 1
            let next = distance[v] + 1
            let sigmaV = sigma[v]
            for e in fOffsets[v]..<fOffsets[v + 1] {
                let w = Int(fNodes[e])
                var dw = distance[w]
                if dw < 0 {
                    dw = next
                    distance[w] = next
                    order[tail] = Int32(truncatingIfNeeded: w)
                    tail += 1
                }
                if dw == next { sigma[w] += sigmaV }
            }
        }
        // Dependencies in reverse BFS order; predecessors are back-neighbours one hop closer.
        var i = tail - 1
        while i > 0 {
            let w = Int(order[i])
            let previous = distance[w] - 1
            let share = (1 + delta[w]) / sigma[w]
            for e in bOffsets[w]..<bOffsets[w + 1] {
                let v = Int(bNodes[e])
                if distance[v] == previous { delta[v] += sigma[v] * share }
            }
            centrality[w] += root.weight * delta[w]
            i -= 1
        }
        if root.foldedLeaves > 0 && tail > 2 { centrality[s] += root.foldedLeaves * Double(tail - 2) }
        for j in 0..<tail {
            let v = Int(order[j])
            sigma[v] = 0
            distance[v] = -1
            delta[v] = 0
        }
    }
}

/// Lets disjoint slots of one buffer be written from concurrent workers.
struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
