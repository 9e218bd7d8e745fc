/// Builds the topic-link map view: topics and the link targets their papers share.
///
/// - A target linked from two or more drawn topics is a node, joined to each of those topics
///   by an edge whose width grows with the number of the topic's papers linking to it and
///   whose colour is the target kind's.
/// - A target only one topic links to is folded into a count on that topic's node
///   ("+ 7 own targets"), so the map shows what topics share rather than every link.
/// - Topic nodes grow with their paper count.
/// - Past `maxNodes`, the largest topics (at most half the budget) and then the targets
///   shared by the most topics are kept, and a note says how many were left out.
public enum TopicMap {
    public struct TopicNode: Sendable, Hashable {
        public var number: Int
        public var label: String
        public var papers: Int

        public init(number: Int, label: String, papers: Int) {
            self.number = number
            self.label = label
            self.papers = papers
        }
    }

    public struct Link: Sendable, Hashable {
        public var topic: Int
        /// Canonical target (`github.com/owner/name`).
        public var target: String
        /// Store kind: `repo`, `owner`, `page` or `artifact`.
        public var kind: String
        public var papers: Int

        public init(topic: Int, target: String, kind: String, papers: Int) {
            self.topic = topic
            self.target = target
            self.kind = kind
            self.papers = papers
        }
    }

    public static func view(topics: [TopicNode], links: [Link], maxNodes: Int, name: String = "topics") -> GraphView {
        guard !topics.isEmpty else {
            return GraphView(name: name, note: "no topics: the store has no topic with enough papers")
        }
        let budget = max(1, maxNodes)
        let orderedTopics = topics.sorted { $0.papers != $1.papers ? $0.papers > $1.papers : $0.number < $1.number }
        let keptTopics = Array(orderedTopics.prefix(max(1, min(orderedTopics.count, budget / 2))))
        let keptNumbers = Set(keptTopics.map(\.number))
        let keptLinks = links.filter { keptNumbers.contains($0.topic) }

        // Targets by the kept topics that link to them.
        struct TargetUse {
            var kind: String
            var topics: Set<Int> = []
            var papers = 0
        }
        var uses: [String: TargetUse] = [:]
        for link in keptLinks {
            uses[link.target, default: TargetUse(kind: link.kind)].topics.insert(link.topic)
            uses[link.target]?.papers += link.papers
        }
        let shared = uses.filter { $0.value.topics.count >= 2 }.sorted { a, b in
            if a.value.topics.count != b.value.topics.count { return a.value.topics.count > b.value.topics.count }
            if a.value.papers != b.value.papers { return a.value.papers > b.value.papers }
            return a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
        }
        let keptTargets = Array(shared.prefix(budget - keptTopics.count))
        let drawn = Set(keptTargets.map(\.key))

        var ownTargets: [Int: Int] = [:]
        for (target, use) in uses where !drawn.contains(target) {
            for topic in use.topics { ownTargets[topic, default: 0] += 1 }
        }
        let largest = Double(max(1, keptTopics.map(\.papers).max() ?? 1))
        var nodes: [ViewNode] = []
        for topic in keptTopics {
            var lines = "T\(topic.number) · \(topic.label)\n\(topic.papers) paper\(topic.papers == 1 ? "" : "s")"
            if let own = ownTargets[topic.number], own > 0 {
                lines += " · +\(own) own target\(own == 1 ? "" : "s")"
            }
            let scale = (Double(topic.papers) / largest).squareRoot()
            nodes.append(ViewNode(
                id: topicID(topic.number), label: lines, kind: .topic,
                tooltip: "topic \(topic.number): \(topic.label) (\(topic.papers) papers)", score: Double(topic.papers),
                attributes: [
                    "width": TextEscaping.fixed(1.2 + 1.8 * scale), "height": TextEscaping.fixed(0.6 + 0.9 * scale),
                ]))
        }
        for (target, use) in keptTargets {
            let kind = NodeKind(storeKind: use.kind) ?? .page
            nodes.append(ViewNode(
                id: target, label: target, kind: kind, url: ViewNode.defaultURL(kind: kind, key: target),
                tooltip: "\(target): linked from \(use.topics.count) topics, \(use.papers) papers",
                score: Double(use.papers)))
        }
        var edges: [ViewEdge] = []
        for link in keptLinks where drawn.contains(link.target) {
            let kind = NodeKind(storeKind: link.kind) ?? .page
            edges.append(ViewEdge(
                from: topicID(link.topic), to: link.target, weight: Double(link.papers),
                attributes: [
                    "color": NodeStyle.for(kind).color, "arrowhead": "none",
                    "tooltip": "\(link.papers) paper\(link.papers == 1 ? " of topic \(link.topic) links" : "s of topic \(link.topic) link") to \(link.target)",
                ]))
        }
        let droppedTopics = topics.count - keptTopics.count
        let droppedTargets = shared.count - keptTargets.count
        var notes: [String] = []
        if droppedTopics > 0 || droppedTargets > 0 {
            notes.append("\(droppedTopics) topics and \(droppedTargets) shared targets not shown (max-nodes \(maxNodes))")
        }
        if keptTargets.isEmpty { notes.append("no link target is shared by two topics") }
        notes.append("edge width: papers of the topic linking to the target; dashed: to an owner, through its repositories")
        return GraphView(name: name, nodes: nodes, edges: edges, note: notes.joined(separator: "; "))
    }

    static func topicID(_ number: Int) -> String { "topic:\(number)" }
}
