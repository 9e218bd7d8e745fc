import Foundation

/// Community detection method.
public enum CommunityAlgorithm: String, Sendable, Hashable, Codable, CaseIterable {
    /// Blondel et al. 2008: repeated sweeps of greedy node moves, then aggregation.
    case louvain
    /// Traag et al. 2019: fast local moves, a refinement phase that only merges well-connected
    /// nodes inside each community (so communities stay connected), then aggregation.
    case leiden
}

/// Options for ``Communities/detect(_:options:)``.
public struct CommunityOptions: Sendable, Hashable {
    public var algorithm: CommunityAlgorithm = .leiden
    /// Modularity resolution γ: above 1 gives more, smaller communities.
    public var resolution: Double = 1
    /// Seed of the SplitMix64 generator that orders node visits (and Leiden's random merges).
    public var seed: UInt64 = 0
    /// Leiden's refinement randomness θ (igraph's `beta`): merges are drawn with probability
    /// ∝ exp(gain/θ), gains in edge-weight units. Smaller is greedier.
    public var randomness: Double = 0.01
    /// Leiden: run the whole algorithm this many times at most, each run starting from the
    /// previous partition, stopping early once modularity stops improving. 2 is igraph's and
    /// leidenalg's default; each extra run costs about as much as the second one and adds
    /// little (0.7905 → 0.7937 modularity from 2 to 10 runs on the 200k-paper benchmark).
    public var maxIterations: Int = 2
    /// Use edge weights (mention counts); false gives every directed edge weight 1 (a mutual
    /// citation then weighs 2 in the undirected view).
    public var weighted: Bool = true

    public init(
        algorithm: CommunityAlgorithm = .leiden, resolution: Double = 1, seed: UInt64 = 0, randomness: Double = 0.01,
        maxIterations: Int = 2, weighted: Bool = true
    ) {
        self.algorithm = algorithm
        self.resolution = resolution
        self.seed = seed
        self.randomness = randomness
        self.maxIterations = maxIterations
        self.weighted = weighted
    }

    func validate() throws(AnalysisError) {
        guard resolution > 0, resolution.isFinite else {
            throw .invalidParameter(name: "resolution", value: "\(resolution)", reason: "must be a positive number")
        }
        guard randomness > 0, randomness.isFinite else {
            throw .invalidParameter(name: "randomness", value: "\(randomness)", reason: "must be a positive number")
        }
        guard maxIterations > 0 else {
            throw .invalidParameter(name: "iterations", value: "\(maxIterations)", reason: "must be positive")
        }
    }
}

/// A partition of the graph's nodes into communities.
public struct CommunityResult: Sendable, Hashable {
    public var algorithm: CommunityAlgorithm
    /// Community of every node. Community 0 is the largest; ties go to the community holding
    /// the smaller node id.
    public var membership: [Int32]
    /// Node count of each community, descending.
    public var sizes: [Int]
    /// Modularity (networkx `modularity(G, communities, weight="weight", resolution=γ)`) of
    /// `membership` on the undirected view of the graph.
    public var modularity: Double
    public var resolution: Double
    public var seed: UInt64
    /// Aggregation levels of the last run.
    public var levels: Int
    /// Full runs made (Leiden may rerun from its own result; Louvain always 1).
    public var iterations: Int

    public var count: Int { sizes.count }
}

/// One community as a printable row.
public struct CommunitySummary: Sendable, Hashable, Codable {
    public var index: Int
    public var size: Int
    public var papers: Int
    public var repos: Int
    public var owners: Int
    public var pages: Int
    public var artifacts: Int
    public var paperRefs: Int
    /// Most central papers of the community: by PageRank when given, else by total degree.
    public var topPapers: [RankedNode]
    /// Repositories most used by the community's papers; score = number of its papers that
    /// mention the repo (the repo itself may have been placed in another community).
    public var topRepos: [RankedNode]
}

/// Community detection on the undirected, weighted view of the paper–target graph.
///
/// Why this graph rather than a paper–paper projection: projecting (papers linked by shared
/// targets) turns a repo used by 5,000 papers into 12.5 M edges, while the bipartite-style graph
/// keeps one edge per mention and papers sharing a target still end up together. Targets are
/// placed in communities too, which is what the summaries use to name them.
public enum Communities {
    /// Runs the configured algorithm on `UndirectedGraph(graph, weighted: options.weighted)`.
    public static func detect(_ graph: PaperGraph, options: CommunityOptions = .init()) throws(AnalysisError)
        -> CommunityResult
    {
        try options.validate()
        let undirected = UndirectedGraph(graph, weighted: options.weighted)
        switch options.algorithm {
        case .louvain: return louvain(undirected, resolution: options.resolution, seed: options.seed)
        case .leiden:
            return leiden(
                undirected, resolution: options.resolution, seed: options.seed, randomness: options.randomness,
                maxIterations: options.maxIterations)
        }
    }

    /// Modularity with resolution γ, as networkx `modularity`:
    /// Q = Σ_c [ L_c / m − γ (d_c / 2m)² ] with L_c the weight inside c and d_c its total strength.
    /// A graph without edges has modularity 0.
    public static func modularity(_ graph: UndirectedGraph, membership: [Int32], resolution: Double = 1) -> Double {
        precondition(membership.count == graph.nodeCount, "one community per node expected")
        let m = graph.totalWeight
        guard m > 0 else { return 0 }
        let communityCount = Int(membership.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: communityCount)
        var strength = [Double](repeating: 0, count: communityCount)
        for v in 0..<graph.nodeCount {
            let c = Int(membership[v])
            for e in graph.offsets[v]..<graph.offsets[v + 1] {
                strength[c] += graph.weights[e]
                if membership[Int(graph.neighbors[e])] == membership[v] { inside[c] += graph.weights[e] }
            }
        }
        var q = 0.0
        for c in 0..<communityCount {
            let share = strength[c] / (2 * m)
            q += inside[c] / (2 * m) - resolution * share * share  // inside counts both directions
        }
        return q
    }

    // MARK: Louvain

    /// Louvain with networkx's move rule (a node only joins a neighbouring community, and only
    /// for a strictly positive gain); sweeps visit nodes in an order shuffled once per level,
    /// skipping nodes whose neighbourhood did not change since their last visit.
    public static func louvain(_ graph: UndirectedGraph, resolution: Double = 1, seed: UInt64 = 0) -> CommunityResult {
        var rng = SplitMix64(seed: seed)
        var level = LevelGraph(graph)
        let twoM = 2 * graph.totalWeight
        var nodeToLevel = (0..<graph.nodeCount).map(Int32.init)
        var community = (0..<level.nodeCount).map(Int32.init)
        var levels = 0
        var accumulator = NeighborAccumulator(count: level.nodeCount)
        while level.nodeCount > 0 && twoM > 0 {
            levels += 1
            community = (0..<level.nodeCount).map(Int32.init)
            let moved = louvainMoves(
                level, community: &community, resolution: resolution, twoM: twoM, rng: &rng,
                accumulator: &accumulator)
            let count = relabelDensely(&community)
            if !moved || count == level.nodeCount { break }
            level = level.aggregated(by: community, groupCount: count)
            for o in nodeToLevel.indices { nodeToLevel[o] = community[Int(nodeToLevel[o])] }
        }
        let membership = nodeToLevel.map { community.isEmpty ? $0 : community[Int($0)] }
        return finish(
            graph, membership: membership, algorithm: .louvain, resolution: resolution, seed: seed, levels: levels,
            iterations: 1)
    }

    static func louvainMoves(
        _ level: LevelGraph, community: inout [Int32], resolution: Double, twoM: Double, rng: inout SplitMix64,
        accumulator: inout NeighborAccumulator
    ) -> Bool {
        let n = level.nodeCount
        var communityStrength = level.strengths
        var order = (0..<n).map(Int32.init)
        rng.shuffle(&order)
        // Pruning (Ozaki et al. 2016): after the first sweep only nodes with a neighbour that
        // changed community can gain from moving, so only those are revisited. Same fixed
        // point as plain sweeps in far fewer node visits on hub-heavy graphs.
        var dirty = [Bool](repeating: true, count: n)
        var movedAny = false
        var moves = 0
        repeat {
            moves = 0
            for i32 in order where dirty[Int(i32)] {
                let i = Int(i32)
                dirty[i] = false
                let current = community[i]
                let ki = level.strengths[i]
                accumulator.reset()
                for e in level.offsets[i]..<level.offsets[i + 1] {
                    accumulator.add(community[Int(level.neighbors[e])], level.weights[e])
                }
                communityStrength[Int(current)] -= ki
                let scaled = resolution * ki / twoM
                var best = current
                var bestGain = accumulator.weight(of: current) - scaled * communityStrength[Int(current)]
                for d in accumulator.touched where d != current {
                    let gain = accumulator.weight[Int(d)] - scaled * communityStrength[Int(d)]
                    if gain > bestGain + gainEpsilon {
                        best = d
                        bestGain = gain
                    }
                }
                communityStrength[Int(best)] += ki
                if best != current {
                    community[i] = best
                    moves += 1
                    for e in level.offsets[i]..<level.offsets[i + 1] { dirty[Int(level.neighbors[e])] = true }
                }
            }
            if moves > 0 { movedAny = true }
        } while moves > 0
        return movedAny
    }

    // MARK: Leiden

    /// Leiden for modularity: fast local moves (queue of nodes whose neighbourhood changed,
    /// moves to an empty community allowed), refinement by randomized merges of well-connected
    /// singletons inside each community, aggregation on the refined partition with the
    /// unrefined one as the next starting point. Reruns from its own result while modularity
    /// improves, up to `maxIterations` times.
    public static func leiden(
        _ graph: UndirectedGraph, resolution: Double = 1, seed: UInt64 = 0, randomness: Double = 0.01,
        maxIterations: Int = 2
    ) -> CommunityResult {
        var rng = SplitMix64(seed: seed)
        var best: (membership: [Int32], modularity: Double, levels: Int)?
        var iterations = 0
        for _ in 0..<max(1, maxIterations) {
            iterations += 1
            let run = leidenRun(
                graph, initial: best?.membership, resolution: resolution, randomness: randomness, rng: &rng)
            let q = modularity(graph, membership: run.membership, resolution: resolution)
            if let previous = best, q <= previous.modularity + 1e-12 { break }
            best = (run.membership, q, run.levels)
        }
        return finish(
            graph, membership: best?.membership ?? [], algorithm: .leiden, resolution: resolution, seed: seed,
            levels: best?.levels ?? 0, iterations: iterations)
    }

    static func leidenRun(
        _ graph: UndirectedGraph, initial: [Int32]?, resolution: Double, randomness: Double, rng: inout SplitMix64
    ) -> (membership: [Int32], levels: Int) {
        let twoM = 2 * graph.totalWeight
        var level = LevelGraph(graph)
        var nodeToLevel = (0..<graph.nodeCount).map(Int32.init)
        var community = initial ?? nodeToLevel
        _ = relabelDensely(&community)
        guard twoM > 0 else { return (community, 0) }
        var levels = 0
        var accumulator = NeighborAccumulator(count: level.nodeCount)
        while true {
            levels += 1
            leidenMoves(level, community: &community, resolution: resolution, twoM: twoM, rng: &rng, accumulator: &accumulator)
            let count = relabelDensely(&community)
            if count == level.nodeCount { break }
            var refined = refine(
                level, community: community, resolution: resolution, twoM: twoM, randomness: randomness, rng: &rng,
                accumulator: &accumulator)
            var refinedCount = relabelDensely(&refined)
            if refinedCount == level.nodeCount {
                // Nothing merged: aggregate on the partition itself so the next level differs.
                refined = community
                refinedCount = count
            }
            var nextCommunity = [Int32](repeating: 0, count: refinedCount)
            for v in 0..<level.nodeCount { nextCommunity[Int(refined[v])] = community[v] }
            level = level.aggregated(by: refined, groupCount: refinedCount)
            for o in nodeToLevel.indices { nodeToLevel[o] = refined[Int(nodeToLevel[o])] }
            community = nextCommunity
        }
        return (nodeToLevel.map { community[Int($0)] }, levels)
    }

    static func leidenMoves(
        _ level: LevelGraph, community: inout [Int32], resolution: Double, twoM: Double, rng: inout SplitMix64,
        accumulator: inout NeighborAccumulator
    ) {
        let n = level.nodeCount
        var communityStrength = [Double](repeating: 0, count: n)
        var communitySize = [Int32](repeating: 0, count: n)
        for v in 0..<n {
            communityStrength[Int(community[v])] += level.strengths[v]
            communitySize[Int(community[v])] += 1
        }
        var emptyCommunities = (0..<Int32(n)).filter { communitySize[Int($0)] == 0 }.reversed() as [Int32]
        var queue = (0..<n).map(Int32.init)
        rng.shuffle(&queue)
        var inQueue = [Bool](repeating: true, count: n)
        var head = 0, queued = n  // ring buffer over `queue`
        while queued > 0 {
            let i = Int(queue[head])
            head = head + 1 == n ? 0 : head + 1
            queued -= 1
            inQueue[i] = false
            let current = community[i]
            let ki = level.strengths[i]
            accumulator.reset()
            for e in level.offsets[i]..<level.offsets[i + 1] {
                accumulator.add(community[Int(level.neighbors[e])], level.weights[e])
            }
            communityStrength[Int(current)] -= ki
            communitySize[Int(current)] -= 1
            let scaled = resolution * ki / twoM
            var best = current
            var bestGain = accumulator.weight(of: current) - scaled * communityStrength[Int(current)]
            for d in accumulator.touched where d != current {
                let gain = accumulator.weight[Int(d)] - scaled * communityStrength[Int(d)]
                if gain > bestGain + gainEpsilon {
                    best = d
                    bestGain = gain
                }
            }
            if bestGain < -gainEpsilon && communitySize[Int(current)] > 0 {
                // Alone is better than anywhere else: take an empty community (gain 0).
                while let candidate = emptyCommunities.last, communitySize[Int(candidate)] != 0 {
                    emptyCommunities.removeLast()
                }
                if let empty = emptyCommunities.popLast() { best = empty }
            }
            communityStrength[Int(best)] += ki
            communitySize[Int(best)] += 1
            if communitySize[Int(current)] == 0 { emptyCommunities.append(current) }
            guard best != current else { continue }
            community[i] = best
            for e in level.offsets[i]..<level.offsets[i + 1] {
                let j = Int(level.neighbors[e])
                if !inQueue[j] && community[j] != best {
                    inQueue[j] = true
                    var tail = head + queued
                    if tail >= n { tail -= n }
                    queue[tail] = Int32(j)
                    queued += 1
                }
            }
        }
    }

    /// Leiden refinement: inside each community S, start from singletons and merge each
    /// still-singleton, well-connected node into a well-connected refined sub-community of S,
    /// chosen with probability ∝ exp(gain/θ) among non-negative gains (staying alone included).
    static func refine(
        _ level: LevelGraph, community: [Int32], resolution: Double, twoM: Double, randomness: Double,
        rng: inout SplitMix64, accumulator: inout NeighborAccumulator
    ) -> [Int32] {
        let n = level.nodeCount
        var refined = (0..<n).map(Int32.init)
        var refinedStrength = level.strengths
        var refinedSize = [Int32](repeating: 1, count: n)
        var communityStrength = [Double](repeating: 0, count: n)
        for v in 0..<n { communityStrength[Int(community[v])] += level.strengths[v] }
        // Weight from each refined sub-community to the rest of its community.
        var external = [Double](repeating: 0, count: n)
        for v in 0..<n {
            for e in level.offsets[v]..<level.offsets[v + 1] where community[Int(level.neighbors[e])] == community[v] {
                external[v] += level.weights[e]
            }
        }
        let nodeExternal = external
        var order = (0..<n).map(Int32.init)
        rng.shuffle(&order)
        var candidates = [Int32](), gains = [Double]()
        for i32 in order {
            let i = Int(i32)
            guard refinedSize[i] == 1 && refined[i] == i32 else { continue }
            let ki = level.strengths[i]
            let total = communityStrength[Int(community[i])]
            guard nodeExternal[i] >= resolution * ki * (total - ki) / twoM else { continue }
            accumulator.reset()
            for e in level.offsets[i]..<level.offsets[i + 1] {
                let j = Int(level.neighbors[e])
                if community[j] == community[i] { accumulator.add(refined[j], level.weights[e]) }
            }
            candidates.removeAll(keepingCapacity: true)
            gains.removeAll(keepingCapacity: true)
            candidates.append(i32)  // staying alone: gain 0
            gains.append(0)
            var bestGain = 0.0
            for r in accumulator.touched where r != i32 {
                let strength = refinedStrength[Int(r)]
                guard external[Int(r)] >= resolution * strength * (total - strength) / twoM else { continue }
                let gain = accumulator.weight[Int(r)] - resolution * ki * strength / twoM
                guard gain >= 0 else { continue }
                candidates.append(r)
                gains.append(gain)
                bestGain = max(bestGain, gain)
            }
            guard candidates.count > 1 else { continue }
            var sum = 0.0
            for k in gains.indices {
                gains[k] = exp((gains[k] - bestGain) / randomness)
                sum += gains[k]
            }
            var draw = rng.unit() * sum
            var chosen = candidates[candidates.count - 1]
            for k in gains.indices {
                draw -= gains[k]
                if draw < 0 {
                    chosen = candidates[k]
                    break
                }
            }
            guard chosen != i32 else { continue }
            let r = Int(chosen)
            external[r] = external[r] + nodeExternal[i] - 2 * accumulator.weight[r]
            refinedStrength[r] += ki
            refinedSize[r] += 1
            refinedSize[i] = 0
            refined[i] = chosen
        }
        return refined
    }

    // MARK: Shared

    /// Gains closer than this are treated as equal, so float noise cannot make nodes oscillate.
    static let gainEpsilon = 1e-10

    /// Renumbers labels 0..<count in order of first appearance; returns count.
    @discardableResult
    static func relabelDensely(_ labels: inout [Int32]) -> Int {
        var map = [Int32](repeating: -1, count: labels.count)
        var next: Int32 = 0
        for v in labels.indices {
            let old = Int(labels[v])
            if map[old] < 0 {
                map[old] = next
                next += 1
            }
            labels[v] = map[old]
        }
        return Int(next)
    }

    /// Canonical numbering (largest community first, ties by smallest node) and modularity.
    static func finish(
        _ graph: UndirectedGraph, membership: [Int32], algorithm: CommunityAlgorithm, resolution: Double,
        seed: UInt64, levels: Int, iterations: Int
    ) -> CommunityResult {
        var labels = membership
        let count = relabelDensely(&labels)  // first appearance = smallest node
        var sizes = [Int](repeating: 0, count: count)
        for c in labels { sizes[Int(c)] += 1 }
        let order = (0..<count).sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        var rename = [Int32](repeating: 0, count: count)
        for (newLabel, old) in order.enumerated() { rename[old] = Int32(newLabel) }
        let canonical = labels.map { rename[Int($0)] }
        return CommunityResult(
            algorithm: algorithm, membership: canonical, sizes: order.map { sizes[$0] },
            modularity: modularity(graph, membership: canonical, resolution: resolution), resolution: resolution,
            seed: seed, levels: levels, iterations: iterations)
    }
}

/// Sparse per-community weight sums for one node's neighbourhood, reset in O(touched).
struct NeighborAccumulator {
    private(set) var weight: [Double]
    private(set) var touched: [Int32] = []

    init(count: Int) { weight = [Double](repeating: -1, count: count) }

    mutating func add(_ community: Int32, _ w: Double) {
        let c = Int(community)
        if weight[c] < 0 {
            weight[c] = 0
            touched.append(community)
        }
        weight[c] += w
    }

    func weight(of community: Int32) -> Double { max(0, weight[Int(community)]) }

    mutating func reset() {
        for c in touched { weight[Int(c)] = -1 }
        touched.removeAll(keepingCapacity: true)
    }
}

/// A graph at one aggregation level: self-loops carry the weight inside merged nodes.
struct LevelGraph {
    var offsets: [Int]
    var neighbors: [Int32]
    var weights: [Double]
    /// Weight of the self-loop (each internal edge once).
    var selfLoops: [Double]
    /// Σ incident weights + 2 × self-loop: the `k_i` of modularity, preserved by aggregation.
    var strengths: [Double]

    var nodeCount: Int { strengths.count }

    init(_ graph: UndirectedGraph) {
        offsets = graph.offsets
        neighbors = graph.neighbors
        weights = graph.weights
        selfLoops = [Double](repeating: 0, count: graph.nodeCount)
        strengths = graph.strengths
    }

    private init(offsets: [Int], neighbors: [Int32], weights: [Double], selfLoops: [Double], strengths: [Double]) {
        self.offsets = offsets
        self.neighbors = neighbors
        self.weights = weights
        self.selfLoops = selfLoops
        self.strengths = strengths
    }

    /// One node per group; edges between groups summed, edges inside a group become its self-loop.
    func aggregated(by group: [Int32], groupCount: Int) -> LevelGraph {
        var start = [Int](repeating: 0, count: groupCount + 1)
        for g in group { start[Int(g) + 1] += 1 }
        for g in 0..<groupCount { start[g + 1] += start[g] }
        var members = [Int32](repeating: 0, count: nodeCount)
        var cursor = start
        for v in 0..<nodeCount {
            let g = Int(group[v])
            members[cursor[g]] = Int32(v)
            cursor[g] += 1
        }
        var newOffsets = [Int](repeating: 0, count: groupCount + 1)
        var newNeighbors = [Int32](), newWeights = [Double]()
        newNeighbors.reserveCapacity(neighbors.count / 2)
        newWeights.reserveCapacity(neighbors.count / 2)
        var newSelfLoops = [Double](repeating: 0, count: groupCount)
        var newStrengths = [Double](repeating: 0, count: groupCount)
        var accumulator = NeighborAccumulator(count: groupCount)
        for g in 0..<groupCount {
            accumulator.reset()
            var inside = 0.0
            for k in start[g]..<start[g + 1] {
                let v = Int(members[k])
                newSelfLoops[g] += selfLoops[v]
                newStrengths[g] += strengths[v]
                for e in offsets[v]..<offsets[v + 1] {
                    let h = group[Int(neighbors[e])]
                    if Int(h) == g { inside += weights[e] } else { accumulator.add(h, weights[e]) }
                }
            }
            newSelfLoops[g] += inside / 2  // each inside edge was seen from both ends
            for h in accumulator.touched {
                newNeighbors.append(h)
                newWeights.append(accumulator.weight[Int(h)])
            }
            newOffsets[g + 1] = newNeighbors.count
        }
        return LevelGraph(
            offsets: newOffsets, neighbors: newNeighbors, weights: newWeights, selfLoops: newSelfLoops,
            strengths: newStrengths)
    }
}

extension Communities {
    /// Printable rows for the first `top` communities (all when nil, none when ≤ 0).
    ///
    /// - Parameters:
    ///   - centrality: score per node used to pick each community's top papers (e.g. PageRank
    ///     scores); nil ranks them by total degree.
    public static func summarize(
        _ graph: PaperGraph, _ result: CommunityResult, centrality: [Double]? = nil, top: Int? = nil,
        papersPerCommunity: Int = 5, reposPerCommunity: Int = 5
    ) -> [CommunitySummary] {
        precondition(result.membership.count == graph.nodeCount, "membership of another graph")
        let limit = max(0, min(top ?? result.count, result.count))
        guard limit > 0 else { return [] }
        var membersOf = [[Int32]](repeating: [], count: limit)
        for v in 0..<graph.nodeCount where Int(result.membership[v]) < limit {
            membersOf[Int(result.membership[v])].append(Int32(v))
        }
        let scores = centrality ?? (0..<graph.nodeCount).map { Double(graph.degree(Int32($0))) }
        var repoUse = [Int](repeating: 0, count: graph.nodeCount)
        return (0..<limit).map { c in
            let members = membersOf[c]
            var byKind = [Int](repeating: 0, count: NodeKind.allCases.count)
            for v in members { byKind[graph.kinds[Int(v)].ordinal] += 1 }

            let papers = members.filter { graph.isPaper($0) }
            let topPapers = PaperGraph.topIndices(papers, count: papersPerCommunity) {
                scores[Int($0)] != scores[Int($1)] ? scores[Int($0)] > scores[Int($1)] : $0 < $1
            }
            var repos = [Int32]()
            for p in papers {
                for t in graph.successors(of: p) where graph.kinds[Int(t)] == .repo {
                    if repoUse[Int(t)] == 0 { repos.append(t) }
                    repoUse[Int(t)] += 1
                }
            }
            let topRepos = PaperGraph.topIndices(repos, count: reposPerCommunity) {
                repoUse[Int($0)] != repoUse[Int($1)] ? repoUse[Int($0)] > repoUse[Int($1)] : $0 < $1
            }
            let repoRows = topRepos.enumerated().map { i, t in
                RankedNode(
                    rank: i + 1, node: t, storeID: graph.storeIDs[Int(t)], kind: .repo, score: Double(repoUse[Int(t)]),
                    degree: graph.degree(t))
            }
            for t in repos { repoUse[Int(t)] = 0 }
            return CommunitySummary(
                index: c, size: members.count, papers: byKind[NodeKind.paper.ordinal],
                repos: byKind[NodeKind.repo.ordinal], owners: byKind[NodeKind.owner.ordinal],
                pages: byKind[NodeKind.page.ordinal], artifacts: byKind[NodeKind.artifact.ordinal],
                paperRefs: byKind[NodeKind.paperRef.ordinal],
                topPapers: topPapers.enumerated().map { i, p in
                    RankedNode(
                        rank: i + 1, node: p, storeID: graph.storeIDs[Int(p)], kind: .paper, score: scores[Int(p)],
                        degree: graph.degree(p))
                },
                topRepos: repoRows)
        }
    }
}
