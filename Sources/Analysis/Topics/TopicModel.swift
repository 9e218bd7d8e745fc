import Foundation

/// Where topics come from.
public enum TopicSource: String, Sendable, Hashable, CaseIterable, Codable {
    /// Communities of papers that share keyphrases and link targets.
    case keyphrases
    /// The papers' primary arXiv category, as given by arXiv.
    case categories
}

/// What a topic computation depends on besides the store's contents.
public struct TopicParameters: Sendable, Hashable {
    public var source: TopicSource
    /// Communities (or categories) with fewer papers are not topics; their papers stay unassigned.
    public var minSize: Int
    /// Seed of the community detection (keyphrase topics only).
    public var seed: UInt64
    /// Modularity resolution of the community detection: above 1, more and smaller topics.
    public var resolution: Double

    /// Bumped whenever the algorithm changes, so topics stored by an older papergraph are recomputed.
    public static let algorithmVersion = 1

    public init(source: TopicSource = .keyphrases, minSize: Int = 5, seed: UInt64 = 0, resolution: Double = 1) {
        self.source = source
        self.minSize = minSize
        self.seed = seed
        self.resolution = resolution
    }

    /// Canonical text stored with the topics, e.g. `v1 min-size=5 resolution=1.0 seed=0`.
    public var canonical: String {
        switch source {
        case .keyphrases: "v\(Self.algorithmVersion) min-size=\(minSize) resolution=\(resolution) seed=\(seed)"
        case .categories: "v\(Self.algorithmVersion) min-size=\(minSize)"
        }
    }

    /// Parses ``canonical``; nil when it was written by another algorithm version.
    public init?(canonical: String, source: TopicSource) {
        var fields: [String: String] = [:]
        var version: String?
        for part in canonical.split(separator: " ") {
            if part.hasPrefix("v"), !part.contains("=") { version = String(part.dropFirst()); continue }
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
        }
        guard version == String(Self.algorithmVersion), let minSize = fields["min-size"].flatMap({ Int($0) }) else {
            return nil
        }
        self.init(source: source, minSize: minSize)
        if source == .keyphrases {
            guard let seed = fields["seed"].flatMap({ UInt64($0) }),
                let resolution = fields["resolution"].flatMap({ Double($0) })
            else { return nil }
            self.seed = seed
            self.resolution = resolution
        }
    }

    public func validate() throws(AnalysisError) {
        guard minSize >= 1 else {
            throw .invalidParameter(name: "min-size", value: String(minSize), reason: "must be at least 1")
        }
        guard resolution > 0, resolution.isFinite else {
            throw .invalidParameter(name: "resolution", value: "\(resolution)", reason: "must be a positive number")
        }
    }
}

/// A phrase that sets a topic apart.
public struct TopicPhrase: Sendable, Hashable {
    public var text: String
    /// c-TF-IDF weight in the topic.
    public var score: Double
    /// Papers of the topic with the phrase among their keyphrases.
    public var papers: Int
}

public struct Topic: Sendable, Hashable {
    /// 1 for the largest topic.
    public var number: Int
    public var label: String
    /// Member papers (indices into the corpus), most representative first.
    public var papers: [Int]
    /// Parallel to `papers`: how typical each paper's keyphrases are of the topic.
    public var paperScores: [Double]
    public var phrases: [TopicPhrase]
}

public struct TopicModelResult: Sendable {
    public var parameters: TopicParameters
    public var topics: [Topic]
    public var paperCount: Int
    /// Modularity of the partition of the keyphrase–link graph (keyphrase topics only).
    public var modularity: Double?

    public var assignedCount: Int { topics.reduce(0) { $0 + $1.papers.count } }
}

/// Topics of a corpus: communities of papers (or arXiv categories), each labelled with the
/// keyphrases that set it apart from the rest.
///
/// Keyphrase topics come from community detection (``Communities/leiden(_:resolution:seed:randomness:maxIterations:)``,
/// the same code as `papergraph communities`) on a graph of papers, their keyphrases and
/// their link targets: paper—phrase edges for each paper's best ``graphPhrasesPerPaper``
/// keyphrases weighted by the phrase's TF-IDF in the paper, paper—target edges for its links
/// weighted by the target's IDF. Papers that share phrases and targets are two steps apart, which is the paper
/// graph of shared keyphrases without its quadratic blow-up: a phrase used by 5,000 papers
/// is 5,000 edges here, not 12.5 million. Phrases and targets used by more than
/// ``maxShare`` of the papers ("large language models" in a cs listing) carry no edges: they
/// would glue everything together.
public enum TopicModel {
    /// Keyphrases per paper that become graph edges.
    public static let graphPhrasesPerPaper = 10
    /// Phrases and targets used by more than this share of the papers get no edges
    /// (but never fewer than ``minimumCap`` papers, so small stores still have a graph).
    public static let maxShare = 0.05
    public static let minimumCap = 20
    /// Label phrases kept per topic.
    public static let labelsKept = 10
    /// Weight of a paper—target edge relative to a paper—phrase edge of the same IDF.
    public static let linkWeight = 1.0
    /// Single words make poor slide titles ("tracking" vs "multi-object tracking"): their
    /// label weight is scaled by this.
    public static let unigramLabelFactor = 0.6

    public static func compute(_ corpus: TopicCorpus, parameters: TopicParameters) throws(AnalysisError)
        -> TopicModelResult
    {
        try parameters.validate()
        let n = corpus.paperCount
        var topicOf = [Int32](repeating: -1, count: n)
        var modularity: Double?
        switch parameters.source {
        case .keyphrases:
            let (membership, q) = keyphraseCommunities(corpus, parameters: parameters)
            modularity = q
            topicOf = membership
        case .categories:
            var index: [String: Int32] = [:]
            for (i, category) in corpus.primaryCategories.enumerated() {
                guard let category else { continue }
                if let existing = index[category] {
                    topicOf[i] = existing
                } else {
                    let next = Int32(index.count)
                    index[category] = next
                    topicOf[i] = next
                }
            }
        }
        // Topics: groups with at least minSize papers, largest first, ties by first paper.
        var members: [Int32: [Int]] = [:]
        for (paper, group) in topicOf.enumerated() where group >= 0 { members[group, default: []].append(paper) }
        let kept = members.values.filter { $0.count >= parameters.minSize }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        var topicIndex = [Int32](repeating: -1, count: n)
        for (t, papers) in kept.enumerated() { for p in papers { topicIndex[p] = Int32(t) } }
        let labels = label(corpus, topicIndex: topicIndex, topicCount: kept.count)
        var topics: [Topic] = []
        for (t, papers) in kept.enumerated() {
            let scores = labels.paperScores[t]
            let order = papers.indices.sorted { a, b in
                scores[a] != scores[b] ? scores[a] > scores[b] : papers[a] < papers[b]
            }
            let phrases = labels.phrases[t]
            let name: String
            if parameters.source == .categories, let category = corpus.primaryCategories[papers[0]] {
                name = category
            } else if phrases.isEmpty {
                name = "topic \(t + 1)"
            } else {
                name = phrases.prefix(3).map(\.text).joined(separator: ", ")
            }
            topics.append(Topic(
                number: t + 1, label: name, papers: order.map { papers[$0] }, paperScores: order.map { scores[$0] },
                phrases: phrases))
        }
        return TopicModelResult(parameters: parameters, topics: topics, paperCount: n, modularity: modularity)
    }

    // MARK: Graph and communities

    /// Community of every paper (-1 for none) and the modularity of the partition.
    static func keyphraseCommunities(_ corpus: TopicCorpus, parameters: TopicParameters) -> ([Int32], Double) {
        let n = corpus.paperCount
        guard n > 0 else { return ([], 0) }
        let index = corpus.keyphrases
        let cap = max(minimumCap, Int(maxShare * Double(n)))
        let logN = Double(n)
        func idf(_ df: Int) -> Double { log(1 + logN / Double(max(df, 1))) }

        // Paper—phrase edges: each paper's best phrases that are neither unique nor too common.
        var phraseUse = [Int32](repeating: 0, count: index.phraseCount)
        var chosen: [[(id: Int32, score: Float)]] = Array(repeating: [], count: n)
        for p in 0..<n {
            for (id, score) in zip(index.phraseIDs(ofPaper: p), index.scores(ofPaper: p))
            where index.documentFrequency[Int(id)] <= cap {
                chosen[p].append((id, score))
                phraseUse[Int(id)] += 1
                if chosen[p].count == graphPhrasesPerPaper { break }
            }
        }
        var phraseNode = [Int32](repeating: -1, count: index.phraseCount)
        var nodeCount = n
        var sources: [Int32] = [], targets: [Int32] = [], weights: [Double] = []
        func addEdge(_ a: Int32, _ b: Int32, _ w: Double) {
            sources.append(a)
            targets.append(b)
            weights.append(w)
            sources.append(b)
            targets.append(a)
            weights.append(w)
        }
        for p in 0..<n {
            for (id, score) in chosen[p] where phraseUse[Int(id)] >= 2 {
                if phraseNode[Int(id)] < 0 {
                    phraseNode[Int(id)] = Int32(nodeCount)
                    nodeCount += 1
                }
                addEdge(Int32(p), phraseNode[Int(id)], Double(score))
            }
        }
        // Paper—target edges for targets shared by 2…cap papers.
        var targetUse: [Int64: Int] = [:]
        for target in corpus.linkTargets { targetUse[target, default: 0] += 1 }
        var targetNode: [Int64: Int32] = [:]
        for target in targetUse.keys.sorted() where (2...cap).contains(targetUse[target] ?? 0) {
            targetNode[target] = Int32(nodeCount)
            nodeCount += 1
        }
        for p in 0..<n {
            for target in corpus.links(ofPaper: p) {
                guard let node = targetNode[target] else { continue }
                addEdge(Int32(p), node, linkWeight * idf(targetUse[target] ?? 1))
            }
        }
        let merged = EdgeList.sortedMerged(sources: sources, targets: targets, weights: weights, nodeCount: nodeCount)
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        for s in merged.sources { offsets[Int(s) + 1] += 1 }
        for v in 0..<nodeCount { offsets[v + 1] += offsets[v] }
        let total = merged.weights.reduce(0, +) / 2
        let graph = UndirectedGraph(
            offsets: offsets, neighbors: merged.targets, weights: merged.weights, totalWeight: total)
        let result = Communities.leiden(graph, resolution: parameters.resolution, seed: parameters.seed)
        let full = result.membership
        var papersIn = [Int](repeating: 0, count: result.count)
        for p in 0..<n where offsets[p] < offsets[p + 1] { papersIn[Int(full[p])] += 1 }
        func isTopic(_ c: Int32) -> Bool { papersIn[Int(c)] >= parameters.minSize }
        // A paper without any edge is its own community, not a topic.
        var membership = [Int32](repeating: -1, count: n)
        for p in 0..<n where offsets[p] < offsets[p + 1] && isTopic(full[p]) { membership[p] = full[p] }
        // Papers of communities too small to be topics join the topic they are most tied to:
        // through their phrases and targets, or one step further through the papers sharing
        // them (the first 200 of each, which bounds the cost on hub phrases).
        let strengths = graph.strengths
        for p in 0..<n where offsets[p] < offsets[p + 1] && !isTopic(full[p]) {
            var scores: [Int32: Double] = [:]
            for e in offsets[p]..<offsets[p + 1] {
                let v = Int(merged.targets[e]), w = merged.weights[e]
                if isTopic(full[v]) {
                    scores[full[v], default: 0] += w
                    continue
                }
                var seen = 0
                for f in offsets[v]..<offsets[v + 1] {
                    let q = Int(merged.targets[f])
                    guard q < n, q != p else { continue }
                    if isTopic(full[q]) { scores[full[q], default: 0] += w * merged.weights[f] / strengths[v] }
                    seen += 1
                    if seen == 200 { break }
                }
            }
            if let best = scores.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) { membership[p] = best.key }
        }
        return (membership, result.modularity)
    }

    // MARK: Labels

    struct Labels {
        var phrases: [[TopicPhrase]]
        /// Per topic, per member paper in the order of `members`… indexed like the topic's papers.
        var paperScores: [[Double]]
    }

    /// c-TF-IDF (Grootendorst 2022) over the papers' keyphrases: a phrase's weight in topic c
    /// is n(c, p) · ln(1 + A / n(p)), with n(c, p) the topic's papers having it, n(p) all
    /// assigned papers having it, and A the mean topic size. Phrases of one paper only never
    /// label a topic. A phrase contained in a better one is skipped; a longer phrase that
    /// contains a chosen one replaces it when at least half as many papers use it
    /// ("video generation" → "diffusion video generation").
    static func label(_ corpus: TopicCorpus, topicIndex: [Int32], topicCount: Int) -> Labels {
        let index = corpus.keyphrases
        guard topicCount > 0 else { return Labels(phrases: [], paperScores: []) }
        var pairs: [UInt64] = []
        var assigned = 0
        var phraseTotal: [Int32: Int32] = [:]
        for p in 0..<corpus.paperCount where topicIndex[p] >= 0 {
            assigned += 1
            for id in index.phraseIDs(ofPaper: p) {
                pairs.append(UInt64(UInt32(topicIndex[p])) << 32 | UInt64(UInt32(bitPattern: id)))
                phraseTotal[id, default: 0] += 1
            }
        }
        pairs.sort()
        let average = Double(assigned) / Double(topicCount)
        var weightsByTopic: [[Int32: Double]] = Array(repeating: [:], count: topicCount)
        var countsByTopic: [[Int32: Int]] = Array(repeating: [:], count: topicCount)
        var k = 0
        while k < pairs.count {
            var end = k
            while end < pairs.count && pairs[end] == pairs[k] { end += 1 }
            let topic = Int(pairs[k] >> 32)
            let id = Int32(bitPattern: UInt32(truncatingIfNeeded: pairs[k]))
            let inTopic = end - k
            let total = Double(phraseTotal[id] ?? 1)
            let lengthFactor = index.wordCount(of: id) == 1 ? unigramLabelFactor : 1
            weightsByTopic[topic][id] = lengthFactor * Double(inTopic) * log(1 + average / total)
            countsByTopic[topic][id] = inTopic
            k = end
        }
        var phrases: [[TopicPhrase]] = []
        for t in 0..<topicCount {
            let ranked = weightsByTopic[t].filter { (countsByTopic[t][$0.key] ?? 0) >= 2 }
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            var chosen: [Int32] = []
            for (id, _) in ranked {
                if chosen.count == labelsKept { break }
                if chosen.contains(where: { index.contains($0, id) }) { continue }
                let inside = chosen.indices.filter { index.contains(id, chosen[$0]) }
                if inside.isEmpty {
                    if chosen.contains(where: { index.overlapsAtEnds($0, id) }) { continue }
                    chosen.append(id)
                    continue
                }
                let count = countsByTopic[t][id] ?? 0
                guard inside.allSatisfy({ count * 2 >= (countsByTopic[t][chosen[$0]] ?? 0) }) else { continue }
                chosen[inside[0]] = id
                for position in inside.dropFirst().reversed() { chosen.remove(at: position) }
            }
            phrases.append(chosen.map { id in
                TopicPhrase(
                    text: index.text(of: id), score: weightsByTopic[t][id] ?? 0, papers: countsByTopic[t][id] ?? 0)
            })
        }
        // How typical a paper is: the summed topic weights of its keyphrases.
        var paperScores: [[Double]] = Array(repeating: [], count: topicCount)
        var members: [[Int]] = Array(repeating: [], count: topicCount)
        for p in 0..<corpus.paperCount where topicIndex[p] >= 0 { members[Int(topicIndex[p])].append(p) }
        for t in 0..<topicCount {
            paperScores[t] = members[t].map { p in
                index.phraseIDs(ofPaper: p).reduce(0) { $0 + (weightsByTopic[t][$1] ?? 0) }
            }
        }
        return Labels(phrases: phrases, paperScores: paperScores)
    }
}

