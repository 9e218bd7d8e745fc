import Analysis
import ArgumentParser
import GraphStore

/// Graph filters shared by every analysis command.
struct GraphFilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Node kinds to keep, comma-separated: paper,repo,owner,page,artifact.", valueName: "kinds"))
    var kinds: String?

    @Option(name: .long, help: ArgumentHelp("Only papers dated on or after (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only papers dated on or before (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("Only papers in this arXiv category (repeatable).", valueName: "category"))
    var category: [String] = []

    @Option(name: .long, help: "Drop nodes with fewer edges than this.")
    var minDegree: Int = 0

    @Option(name: .long, help: ArgumentHelp("Only papers of this stored topic (number or label; see `papergraph topics`).", valueName: "topic"))
    var topic: String?

    func filter() throws -> GraphFilter {
        let kindSet = try kinds.map { try NodeKind.parseList($0) } ?? Set(NodeKind.allCases)
        let filter = GraphFilter(kinds: kindSet, since: since, until: until, categories: category, minDegree: minDegree)
        try filter.validate()
        return filter
    }

    func load(_ store: GraphStore) throws -> PaperGraph {
        var filter = try filter()
        if let topic { filter.paperIDs = try TopicCatalog.paperIDs(forTopic: topic, in: store) }
        return try GraphLoader.load(from: store.database, filter: filter)
    }
}

/// Labels for printing, looked up only for the nodes shown.
struct LabelBook {
    var labels: [Int32: NodeLabel]

    init(graph: PaperGraph, nodes: [Int32], store: GraphStore) throws {
        labels = try graph.labels(for: nodes, in: store.database)
    }

    func name(_ node: Int32) -> String {
        guard let label = labels[node] else { return "#\(node)" }
        return label.kind == .paper ? (label.key ?? label.text) : label.text
    }

    func title(_ node: Int32) -> String { labels[node]?.text ?? "" }
}

extension PaperGraph {
    /// A paper given as the store takes it (arXiv id or title words), or any node reference
    /// the graph understands (a target such as github.com/owner/name).
    func node(forPaperOrTarget reference: String, store: GraphStore) throws -> Int32 {
        if let id = try? store.resolvePaper(reference) {
            return try node(matching: store.paperDetail(id: id).summary.key, in: store.database)
        }
        return try node(matching: reference, in: store.database)
    }
}
