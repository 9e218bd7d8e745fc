import Foundation
import GRDB
import GraphStore

/// One edge of the topic-link map: how many papers of a topic link to a target.
public struct TopicLink: Sendable, Hashable {
    public var topic: Int
    public var targetID: Int64
    public var target: String
    /// `repo`, `owner`, `page` or `artifact`.
    public var kind: String
    public var papers: Int
}

/// Stored topics, kept fresh.
///
/// Topics are computed on first use and stored (``GraphStore/saveTopics(_:)``), one run per
/// source. A later command reuses the stored run while the store is unchanged
/// (``GraphStore/topicFingerprint()``: paper and mention counts, highest paper id, ingest
/// times) and the parameters asked for are the stored ones; otherwise it recomputes and
/// replaces the run. Parameters not given keep the stored run's values, so
/// `papergraph topics --resolution 2` followed by `papergraph topics show 3` shows topic 3
/// of the resolution-2 run.
public enum TopicCatalog {
    public struct Outcome: Sendable {
        public var run: StoredTopicRun
        public var parameters: TopicParameters
        /// True when the topics were computed by this call (not read back).
        public var computed: Bool
        /// False when they were computed but could not be stored (read-only database).
        public var stored: Bool
    }

    /// Parameters asked for on the command line; nil keeps the stored (or default) value.
    public struct Request: Sendable, Hashable {
        public var source: TopicSource
        public var minSize: Int?
        public var seed: UInt64?
        public var resolution: Double?
        public var recompute: Bool

        public init(
            source: TopicSource = .keyphrases, minSize: Int? = nil, seed: UInt64? = nil, resolution: Double? = nil,
            recompute: Bool = false
        ) {
            self.source = source
            self.minSize = minSize
            self.seed = seed
            self.resolution = resolution
            self.recompute = recompute
        }
    }

    /// The topics of `request.source`, from the store when still valid, else computed (and stored).
    public static func current(_ store: GraphStore, _ request: Request) throws -> Outcome {
        let stored = try store.storedTopics(source: request.source.rawValue)
        let storedParameters = stored.flatMap { TopicParameters(canonical: $0.parameters, source: request.source) }
        var parameters = storedParameters ?? TopicParameters(source: request.source)
        if let minSize = request.minSize { parameters.minSize = minSize }
        if let seed = request.seed { parameters.seed = seed }
        if let resolution = request.resolution { parameters.resolution = resolution }
        try parameters.validate()
        let fingerprint = try store.topicFingerprint()
        if !request.recompute, let stored, let storedParameters, storedParameters.canonical == parameters.canonical,
            stored.fingerprint == fingerprint
        {
            return Outcome(run: stored, parameters: parameters, computed: false, stored: true)
        }
        let corpus = try TopicCorpus.load(store)
        let result = try TopicModel.compute(corpus, parameters: parameters)
        let run = storedRun(result, corpus: corpus, fingerprint: fingerprint)
        do {
            try store.saveTopics(run)
        } catch {
            guard case .readOnly = error else { throw error }
            return Outcome(run: run, parameters: parameters, computed: true, stored: false)
        }
        return Outcome(run: run, parameters: parameters, computed: true, stored: true)
    }

    /// The stored form of a computed result.
    public static func storedRun(_ result: TopicModelResult, corpus: TopicCorpus, fingerprint: String) -> StoredTopicRun {
        StoredTopicRun(
            source: result.parameters.source.rawValue, parameters: result.parameters.canonical,
            fingerprint: fingerprint, paperCount: result.paperCount, modularity: result.modularity,
            topics: result.topics.map { topic in
                StoredTopic(
                    number: topic.number, label: topic.label,
                    papers: zip(topic.papers, topic.paperScores).map {
                        StoredTopicPaper(paperID: corpus.paperIDs[$0], score: $1)
                    },
                    phrases: topic.phrases.map { StoredTopicPhrase(phrase: $0.text, score: $0.score, papers: $0.papers) })
            })
    }

    // MARK: Naming topics

    /// The topic `reference` names in `run`: its number, its label (case-insensitive), or a
    /// piece of its label or label phrases that only one topic has.
    public static func topic(_ reference: String, in run: StoredTopicRun) throws(AnalysisError) -> StoredTopic {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        if let number = Int(trimmed), let topic = run.topics.first(where: { $0.number == number }) { return topic }
        let lowered = trimmed.lowercased()
        guard !lowered.isEmpty else { throw .unknownTopic(reference, known: listing(run)) }
        if let topic = run.topics.first(where: { $0.label.lowercased() == lowered }) { return topic }
        let matches = run.topics.filter { topic in
            topic.label.lowercased().contains(lowered) || topic.phrases.contains { $0.phrase.lowercased() == lowered }
        }
        if matches.count == 1 { return matches[0] }
        throw .unknownTopic(reference, known: listing(matches.isEmpty ? run : StoredTopicRun(
            source: run.source, parameters: run.parameters, fingerprint: run.fingerprint, paperCount: run.paperCount,
            modularity: run.modularity, topics: matches)))
    }

    /// "3  diffusion video generation, … (42 papers)" lines for an error message.
    static func listing(_ run: StoredTopicRun, limit: Int = 15) -> [String] {
        var lines = run.topics.prefix(limit).map { "\($0.number)  \($0.label) (\($0.size) papers)" }
        if run.topics.count > limit { lines.append("… and \(run.topics.count - limit) more") }
        return lines
    }

    /// Paper ids (`paper.id`) of the stored topic `reference` names, for `--topic`.
    ///
    /// `keyphrases:3` or `categories:cs.CV` pick the source; without a prefix the keyphrase
    /// topics are tried first, then the category topics. Topics are not computed here: a
    /// filter must not depend on a computation the user did not ask for.
    public static func paperIDs(forTopic reference: String, in store: GraphStore) throws -> Set<Int64> {
        var sources = TopicSource.allCases
        var name = reference
        for source in TopicSource.allCases where reference.lowercased().hasPrefix(source.rawValue + ":") {
            sources = [source]
            name = String(reference.dropFirst(source.rawValue.count + 1))
        }
        var firstError: AnalysisError?
        for source in sources {
            guard let run = try store.storedTopics(source: source.rawValue) else { continue }
            do {
                return Set(try topic(name, in: run).papers.map(\.paperID))
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        throw firstError ?? AnalysisError.noTopics(source: sources.first?.rawValue ?? "keyphrases")
    }

    // MARK: Topic-link map

    /// For every topic of `run`, the targets its papers link to (repositories, owners, pages,
    /// artifacts) with the number of its papers linking to each (an owner through any of its
    /// repositories too); sorted by topic number, then papers (descending), then the rank of
    /// the best-ranked paper linking to it, then target.
    public static func links(of run: StoredTopicRun, in store: GraphStore) throws -> [TopicLink] {
        var topicOf: [Int64: (topic: Int, rank: Int)] = [:]
        for topic in run.topics {
            for (rank, paper) in topic.papers.enumerated() { topicOf[paper.paperID] = (topic.number, rank) }
        }
        struct Key: Hashable {
            var topic: Int
            var target: Int64
        }
        var counts: [Key: Int] = [:]
        // Most targets are one paper's own code: among equals, those of the topic's most
        // representative papers come first.
        var bestRank: [Key: Int] = [:]
        var names: [Int64: (String, String)] = [:]
        try store.read { db in
            // Owners count the papers that name them or any of their repositories, as
            // `shared-repos --by owner` does; a paper counts once per target.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT m.paper_id, t.id, t.target, t.kind FROM mention m JOIN target t ON t.id = m.target_id
                    WHERE t.kind IN ('repo', 'owner', 'page', 'artifact')
                    UNION
                    SELECT m.paper_id, o.id, o.target, o.kind FROM mention m JOIN target t ON t.id = m.target_id
                    JOIN target o ON o.id = t.owner_id
                    WHERE t.kind = 'repo' AND o.kind = 'owner'
                    """)
            while let row = try rows.next() {
                guard let (topic, rank) = topicOf[row[0]] else { continue }
                let target: Int64 = row[1]
                let key = Key(topic: topic, target: target)
                counts[key, default: 0] += 1
                bestRank[key] = min(bestRank[key] ?? .max, rank)
                if names[target] == nil { names[target] = (row[2], row[3]) }
            }
        }
        return counts.map { key, papers in
            let (target, kind) = names[key.target] ?? ("#\(key.target)", "page")
            return (TopicLink(topic: key.topic, targetID: key.target, target: target, kind: kind, papers: papers),
                    bestRank[key] ?? .max)
        }.sorted { a, b in
            if a.0.topic != b.0.topic { return a.0.topic < b.0.topic }
            if a.0.papers != b.0.papers { return a.0.papers > b.0.papers }
            if a.1 != b.1 { return a.1 < b.1 }
            return a.0.target < b.0.target
        }.map(\.0)
    }
}
