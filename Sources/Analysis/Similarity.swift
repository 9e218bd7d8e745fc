import Foundation

/// Why two papers are related.
public enum Relation: String, Sendable, Hashable, Codable, CaseIterable {
    case sharedRepo = "shared-repo"
    /// Both use the same code-host account, directly or through different repos of it.
    case sharedOwner = "shared-owner"
    case sharedPage = "shared-page"
    case sharedArtifact = "shared-artifact"
    /// Both cite the same paper (stored or not).
    case sharedReference = "shared-reference"
    /// The first paper cites the second.
    case cites
    /// The second paper cites the first.
    case citedBy = "cited-by"

    static func shared(_ kind: NodeKind) -> Relation {
        switch kind {
        case .repo: .sharedRepo
        case .owner: .sharedOwner
        case .page: .sharedPage
        case .artifact: .sharedArtifact
        case .paper, .paperRef: .sharedReference
        }
    }
}

/// One piece of evidence linking two papers.
public struct RelationReason: Sendable, Hashable, Codable {
    public var relation: Relation
    /// The shared target (or, for `cites`/`cited-by`, the other paper).
    public var via: Int32
    public var viaStoreID: Int64
    public var viaKind: NodeKind
    /// Number of papers using `via` (for shared targets; 2 for citations).
    public var papersUsingVia: Int
    /// Adamic–Adar contribution 1 / ln(papersUsingVia).
    public var contribution: Double

    /// Human-readable form, e.g. `both use github.com/x/y`, given the label of `via`.
    public func text(viaLabel: String) -> String {
        switch relation {
        case .sharedRepo, .sharedPage, .sharedArtifact: "both use \(viaLabel)"
        case .sharedOwner: "both use code of \(viaLabel)"
        case .sharedReference: "both cite \(viaLabel)"
        case .cites: "cites \(viaLabel)"
        case .citedBy: "cited by \(viaLabel)"
        }
    }
}

/// A paper related to the query paper.
public struct RelatedPaper: Sendable, Hashable, Codable {
    public var rank: Int
    public var node: Int32
    public var storeID: Int64
    /// Sum of the reasons' Adamic–Adar contributions.
    public var score: Double
    /// Strongest reason first (then by `via`).
    public var reasons: [RelationReason]
}

/// Two papers that share link targets.
public struct PaperPair: Sendable, Hashable, Codable {
    public var rank: Int
    /// Smaller node id of the pair.
    public var first: Int32
    public var second: Int32
    public var firstStoreID: Int64
    public var secondStoreID: Int64
    /// Shared targets, ascending node id (hub targets included when the pair was found through
    /// another target).
    public var shared: [Int32]
    /// |shared| / |targets of first ∪ targets of second|.
    public var jaccard: Double
    /// Σ over shared targets of 1 / ln(number of papers using it).
    public var adamicAdar: Double

    public var sharedCount: Int { shared.count }
}

/// A target left out of pair generation because too many papers use it.
public struct SkippedTarget: Sendable, Hashable, Codable {
    public var node: Int32
    public var storeID: Int64
    public var kind: NodeKind
    public var papers: Int
}

/// Options for ``Similarity/sharedTargetPairs(_:options:)``.
public struct PairOptions: Sendable, Hashable {
    /// Only pairs sharing at least this many targets.
    public var minShared: Int = 2
    /// Targets used by more papers than this do not generate pairs (a target used by 5,000
    /// papers alone would make 12.5 M pairs). They still count as shared for pairs found
    /// through another target, and are listed in ``SharedTargetPairs/skippedTargets``.
    public var maxTargetPapers: Int = 500
    /// Keep the best `top` pairs (nil: all; ≤ 0: none).
    public var top: Int? = 100
    /// Target kinds that count (`.paper` and `.paperRef` are cited papers). Default: all.
    public var targetKinds: Set<NodeKind> = Set(NodeKind.allCases)

    public init(
        minShared: Int = 2, maxTargetPapers: Int = 500, top: Int? = 100,
        targetKinds: Set<NodeKind> = Set(NodeKind.allCases)
    ) {
        self.minShared = minShared
        self.maxTargetPapers = maxTargetPapers
        self.top = top
        self.targetKinds = targetKinds
    }
}

/// Result of ``Similarity/sharedTargetPairs(_:options:)``.
public struct SharedTargetPairs: Sendable, Hashable {
    /// Best first: most shared targets, then Adamic–Adar, then Jaccard, then node ids.
    public var pairs: [PaperPair]
    /// Number of pairs meeting `minShared` before `top` was applied.
    public var matchingPairs: Int
    /// Hub targets skipped as pair generators, most used first.
    public var skippedTargets: [SkippedTarget]
}

/// Paper-to-paper similarity through shared link targets and citations.
public enum Similarity {
    /// Papers related to `paper`, scored by Adamic–Adar over shared evidence: each shared target
    /// t adds 1/ln(papers using t), so a repo two papers share outweighs a popular benchmark.
    ///
    /// Evidence: shared repos, pages, artifacts and cited papers; shared owners (directly
    /// mentioned, or through *different* repos of that owner — papers sharing the repo itself
    /// get only the repo reason); and direct citations either way, which count 1/ln 2 as if
    /// the two papers shared a target nobody else uses.
    ///
    /// - Throws: `.nodeOutOfRange`, or `.notAPaper` when `paper` is not a paper node.
    public static func relatedPapers(_ graph: PaperGraph, to paper: Int32, top: Int? = 20) throws(AnalysisError)
        -> [RelatedPaper]
    {
        try graph.validate(paper)
        guard graph.isPaper(paper) else { throw .notAPaper(node: paper, kind: graph.kinds[Int(paper)]) }
        if let top, top <= 0 { return [] }

        var reasons = [Int32: [RelationReason]]()
        func add(_ q: Int32, _ reason: RelationReason) { reasons[q, default: []].append(reason) }
        func reason(_ relation: Relation, via: Int32, papers: Int) -> RelationReason {
            RelationReason(
                relation: relation, via: via, viaStoreID: graph.storeIDs[Int(via)], viaKind: graph.kinds[Int(via)],
                papersUsingVia: papers, contribution: 1 / log(Double(papers)))
        }

        let direct = Set(graph.successors(of: paper))
        var owners = [Int32]()  // owners p uses, directly or through its repos
        for t in graph.successors(of: paper) {
            if graph.isPaper(t) { add(t, reason(.cites, via: t, papers: 2)) }
            switch graph.kinds[Int(t)] {
            case .owner: owners.append(t)
            case .repo: owners += graph.successors(of: t).filter { graph.kinds[Int($0)] == .owner }
            default:
                break
            }
            guard graph.kinds[Int(t)] != .owner else { continue }
            let users = graph.predecessors(of: t).filter { graph.isPaper($0) }
            for q in users where q != paper {
                add(q, reason(.shared(graph.kinds[Int(t)]), via: t, papers: users.count))
            }
        }
        for q in graph.predecessors(of: paper) where graph.isPaper(q) {
            add(q, reason(.citedBy, via: q, papers: 2))
        }

        for owner in Set(owners).sorted() {
            // Papers using the owner: directly, or via a repo; remember who only shares via a
            // repo that `paper` also uses, since the repo reason already covers them.
            var sharesRepo = Set<Int32>(), users = Set<Int32>()
            for u in graph.predecessors(of: owner) {
                if graph.isPaper(u) {
                    users.insert(u)
                } else if graph.kinds[Int(u)] == .repo {
                    for q in graph.predecessors(of: u) where graph.isPaper(q) {
                        users.insert(q)
                        if direct.contains(u) { sharesRepo.insert(q) }
                    }
                }
            }
            let directUsers = Set(graph.predecessors(of: owner).filter { graph.isPaper($0) })
            let paperUsesOwnerDirectly = direct.contains(owner)
            for q in users.sorted() where q != paper {
                // Covered by a shared repo unless one of them names the owner itself.
                if sharesRepo.contains(q) && !paperUsesOwnerDirectly && !directUsers.contains(q) { continue }
                add(q, reason(.sharedOwner, via: owner, papers: users.count))
            }
        }

        var related = reasons.map { q, list in
            RelatedPaper(
                rank: 0, node: q, storeID: graph.storeIDs[Int(q)],
                score: list.map(\.contribution).sorted().reduce(0, +),
                reasons: list.sorted { $0.contribution != $1.contribution ? $0.contribution > $1.contribution : $0.via < $1.via })
        }
        related.sort {
            if $0.score != $1.score { return $0.score > $1.score }
            if $0.reasons.count != $1.reasons.count { return $0.reasons.count > $1.reasons.count }
            return $0.node < $1.node
        }
        if let top, related.count > top { related.removeLast(related.count - top) }
        for i in related.indices { related[i].rank = i + 1 }
        return related
    }

    /// Pairs of papers sharing at least `minShared` link targets, with the shared targets,
    /// Jaccard and Adamic–Adar scores.
    ///
    /// Cost is Σ over targets of (papers using it)²; targets above `maxTargetPapers` are skipped
    /// as generators to bound it, so pairs sharing *only* such hub targets are not reported.
    public static func sharedTargetPairs(_ graph: PaperGraph, options: PairOptions = .init()) throws(AnalysisError)
        -> SharedTargetPairs
    {
        guard options.minShared >= 1 else {
            throw .invalidParameter(name: "min-shared", value: "\(options.minShared)", reason: "must be at least 1")
        }
        guard options.maxTargetPapers >= 2 else {
            throw .invalidParameter(
                name: "max-target-papers", value: "\(options.maxTargetPapers)", reason: "must be at least 2")
        }
        let n = graph.nodeCount
        let counts = { (t: Int32) in options.targetKinds.contains(graph.kinds[Int(t)]) }
        // Papers using each counted target.
        var users = [Int](repeating: 0, count: n)
        for t in 0..<n where counts(Int32(t)) {
            users[t] = graph.predecessors(of: Int32(t)).reduce(0) { $0 + (graph.isPaper($1) ? 1 : 0) }
        }
        let isHub = (0..<n).map { users[$0] > options.maxTargetPapers }
        let skipped = (0..<n).filter { isHub[$0] }
            .sorted { users[$0] != users[$1] ? users[$0] > users[$1] : $0 < $1 }
            .map {
                SkippedTarget(
                    node: Int32($0), storeID: graph.storeIDs[$0], kind: graph.kinds[$0], papers: users[$0])
            }

        var best = BoundedBest<PaperPair>(limit: options.top, isBetter: pairIsBetter)
        var matching = 0
        var sharedCount = [Int](repeating: 0, count: graph.paperCount)
        var touched = [Int32]()
        var firstTargets = [Int32](), secondTargets = [Int32](), shared = [Int32]()
        for p in 0..<Int32(graph.paperCount) {
            firstTargets.removeAll(keepingCapacity: true)
            firstTargets += graph.successors(of: p).filter(counts)
            let hubsOfFirst = firstTargets.reduce(0) { $0 + (isHub[Int($1)] ? 1 : 0) }
            touched.removeAll(keepingCapacity: true)
            for t in firstTargets where !isHub[Int(t)] {
                for q in graph.predecessors(of: t) where q > p && graph.isPaper(q) {
                    if sharedCount[Int(q)] == 0 { touched.append(q) }
                    sharedCount[Int(q)] += 1
                }
            }
            touched.sort()
            for q in touched {
                let generated = sharedCount[Int(q)]
                sharedCount[Int(q)] = 0
                guard generated + hubsOfFirst >= options.minShared else { continue }
                secondTargets.removeAll(keepingCapacity: true)
                secondTargets += graph.successors(of: q).filter(counts)
                shared.removeAll(keepingCapacity: true)
                var i = 0, j = 0
                while i < firstTargets.count && j < secondTargets.count {
                    if firstTargets[i] < secondTargets[j] {
                        i += 1
                    } else if firstTargets[i] > secondTargets[j] {
                        j += 1
                    } else {
                        shared.append(firstTargets[i])
                        i += 1
                        j += 1
                    }
                }
                guard shared.count >= options.minShared else { continue }
                matching += 1
                guard best.wouldAccept(count: shared.count) else { continue }
                let union = firstTargets.count + secondTargets.count - shared.count
                let adamicAdar = shared.map { 1 / log(Double(users[Int($0)])) }.reduce(0, +)
                best.insert(
                    PaperPair(
                        rank: 0, first: p, second: q, firstStoreID: graph.storeIDs[Int(p)],
                        secondStoreID: graph.storeIDs[Int(q)], shared: shared,
                        jaccard: Double(shared.count) / Double(union), adamicAdar: adamicAdar))
            }
        }
        var pairs = best.sorted()
        for i in pairs.indices { pairs[i].rank = i + 1 }
        return SharedTargetPairs(pairs: pairs, matchingPairs: matching, skippedTargets: skipped)
    }

    static func pairIsBetter(_ a: PaperPair, _ b: PaperPair) -> Bool {
        if a.shared.count != b.shared.count { return a.shared.count > b.shared.count }
        if a.adamicAdar != b.adamicAdar { return a.adamicAdar > b.adamicAdar }
        if a.jaccard != b.jaccard { return a.jaccard > b.jaccard }
        if a.first != b.first { return a.first < b.first }
        return a.second < b.second
    }
}

/// Keeps the best `limit` items seen (all when `limit` is nil) in a binary heap whose root is
/// the worst kept item, so memory stays O(limit) however many candidates stream past.
struct BoundedBest<Element> {
    let limit: Int?
    let isBetter: (Element, Element) -> Bool
    private var heap: [Element] = []

    init(limit: Int?, isBetter: @escaping (Element, Element) -> Bool) {
        self.limit = limit.map { max(0, $0) }
        self.isBetter = isBetter
    }

    /// Cheap pre-check for pairs: with `limit` 0 nothing is kept.
    func wouldAccept(count: Int) -> Bool { limit != 0 }

    mutating func insert(_ item: Element) {
        guard let limit else {
            heap.append(item)
            return
        }
        if limit == 0 { return }
        if heap.count < limit {
            heap.append(item)
            siftUp(heap.count - 1)
        } else if let worst = heap.first, isBetter(item, worst) {
            heap[0] = item
            siftDown(0)
        }
    }

    func sorted() -> [Element] { heap.sorted(by: isBetter) }

    // The heap orders by "worse first": parent is worse than (not better than) children.
    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard isBetter(heap[parent], heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1, right = left + 1
            var worst = parent
            if left < heap.count && isBetter(heap[worst], heap[left]) { worst = left }
            if right < heap.count && isBetter(heap[worst], heap[right]) { worst = right }
            if worst == parent { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
