import Corpus

/// What a drawn node stands for. Rendering keeps its own kind (instead of reusing Analysis or
/// Extraction types) so the view model stays a plain value the selection step fills in.
/// The declaration order is the drawing and export order.
public enum NodeKind: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case paper
    case repo
    case owner
    case page
    case artifact
    case topic

    public static func < (lhs: NodeKind, rhs: NodeKind) -> Bool {
        lhs.sortIndex < rhs.sortIndex
    }

    private var sortIndex: Int {
        switch self {
        case .paper: 0
        case .repo: 1
        case .owner: 2
        case .page: 3
        case .artifact: 4
        case .topic: 5
        }
    }

    /// Maps a `target.kind` value from the store (`repo`, `owner`, `artifact`, `paper`, `page`).
    public init?(storeKind: String) {
        self.init(rawValue: storeKind)
    }
}

/// One node to draw or export.
public struct ViewNode: Sendable, Hashable {
    /// Stable identity (paper key or canonical target); also the DOT node name.
    public var id: String
    /// Text shown in the node; long text is wrapped and truncated by `DOTWriter`.
    public var label: String
    public var kind: NodeKind
    /// Where a click on the node leads in SVG output; see `ViewNode.defaultURL(kind:key:)`.
    public var url: String?
    /// Hover text; when nil the writer uses the full, unwrapped label.
    public var tooltip: String?
    /// Importance (PageRank, degree, …); scales font size and border width. Any finite range.
    public var score: Double?
    /// Id of the `ViewCluster` this node is drawn inside, if any.
    public var cluster: String?
    /// Extra Graphviz node attributes, written after (and so overriding) the kind's style.
    /// Values are written as literal text. Rendering-only: exporters do not include them.
    public var attributes: [String: String]

    public init(
        id: String, label: String, kind: NodeKind, url: String? = nil, tooltip: String? = nil,
        score: Double? = nil, cluster: String? = nil, attributes: [String: String] = [:]
    ) {
        self.id = id
        self.label = label
        self.kind = kind
        self.url = url
        self.tooltip = tooltip
        self.score = score
        self.cluster = cluster
        self.attributes = attributes
    }

    /// The page a node should link to: the arXiv abstract page for arXiv papers
    /// (`2401.01234`, `arxiv:2401.01234v2`), doi.org for `doi:` targets, `https://` + target
    /// for repos, owners, pages and artifacts; nil for title-only papers and topics.
    public static func defaultURL(kind: NodeKind, key: String) -> String? {
        let trimmed = key.trimmingEnds(of: " \t\r\n")
        guard !trimmed.isEmpty else { return nil }
        switch kind {
        case .topic:
            return nil
        case .paper:
            if let arxiv = PaperIdentity.normalizedArxivID(trimmed) {
                return "https://arxiv.org/abs/" + arxiv
            }
            if trimmed.lowercased().hasPrefix("doi:") {
                return "https://doi.org/" + trimmed.dropFirst(4)
            }
            if trimmed.hasPrefix("https://") || trimmed.hasPrefix("http://") { return trimmed }
            return nil
        case .repo, .owner, .page, .artifact:
            if trimmed.hasPrefix("https://") || trimmed.hasPrefix("http://") { return trimmed }
            return "https://" + trimmed
        }
    }
}

/// One directed edge. Endpoints name `ViewNode.id`s; edges whose endpoints are not in the
/// view are left out of every output (see `GraphView.danglingEdges`).
public struct ViewEdge: Sendable, Hashable {
    public var from: String
    public var to: String
    /// Number of mentions or similar strength; scales the line width. Any positive range.
    public var weight: Double?
    public var label: String?
    /// Extra Graphviz edge attributes, written after the computed style. Rendering-only.
    public var attributes: [String: String]

    public init(
        from: String, to: String, weight: Double? = nil, label: String? = nil,
        attributes: [String: String] = [:]
    ) {
        self.from = from
        self.to = to
        self.weight = weight
        self.label = label
        self.attributes = attributes
    }
}

/// A labelled box around the nodes whose `cluster` equals `id` (a community, a topic, …).
public struct ViewCluster: Sendable, Hashable {
    public var id: String
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

/// One extra legend cell: a name drawn in the given colours (e.g. the code view's statuses).
public struct LegendEntry: Sendable, Hashable {
    public var name: String
    /// Border colour.
    public var color: String
    public var fillColor: String

    public init(name: String, color: String, fillColor: String) {
        self.name = name
        self.color = color
        self.fillColor = fillColor
    }
}

/// Everything needed to draw or export one graph. Selection code fills it; `DOTWriter` and
/// `Exporter` turn it into text without consulting anything else, so the same view always
/// gives byte-identical output.
public struct GraphView: Sendable, Hashable {
    /// DOT graph id. Always written, because an anonymous `digraph {` gets a fresh internal
    /// name on every parse and would make the SVG differ between runs.
    public var name: String
    /// Graphviz graph attributes, written after (and so overriding) the writer's defaults.
    public var graphAttributes: [String: String]
    public var nodes: [ViewNode]
    public var edges: [ViewEdge]
    public var clusters: [ViewCluster]
    /// Draw a legend with one entry per node kind present.
    public var legend: Bool
    /// Legend cells after the node kinds (drawn even when `legend` is false), for views that
    /// colour nodes by something other than their kind.
    public var legendEntries: [LegendEntry]
    /// Shown under the graph, e.g. "412 nodes not shown (max-nodes 500)".
    public var note: String?

    public init(
        name: String = "papergraph", graphAttributes: [String: String] = [:],
        nodes: [ViewNode] = [], edges: [ViewEdge] = [], clusters: [ViewCluster] = [],
        legend: Bool = true, note: String? = nil, legendEntries: [LegendEntry] = []
    ) {
        self.name = name
        self.graphAttributes = graphAttributes
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
        self.legend = legend
        self.note = note
        self.legendEntries = legendEntries
    }

    /// Nodes in output order: by kind, then id (byte order); of several nodes with the same
    /// id only the first in that order is kept, because Graphviz would merge them anyway.
    public var orderedNodes: [ViewNode] {
        let sorted = nodes.sorted { a, b in
            if a.kind != b.kind { return a.kind < b.kind }
            if a.id != b.id { return a.id.utf8.lexicographicallyPrecedes(b.id.utf8) }
            return a.label.utf8.lexicographicallyPrecedes(b.label.utf8)
        }
        var seen = Set<String>()
        return sorted.filter { seen.insert($0.id).inserted }
    }

    /// Edges in output order: by (from, to), then label and weight; dangling edges removed.
    public var orderedEdges: [ViewEdge] {
        let ids = Set(nodes.map(\.id))
        return edges.filter { ids.contains($0.from) && ids.contains($0.to) }.sorted(by: ViewEdge.precedes)
    }

    /// Edges that name a node not in `nodes`; no writer outputs them.
    public var danglingEdges: [ViewEdge] {
        let ids = Set(nodes.map(\.id))
        return edges.filter { !ids.contains($0.from) || !ids.contains($0.to) }.sorted(by: ViewEdge.precedes)
    }

    /// Clusters in output order (by id), including clusters that nodes name but `clusters`
    /// lacks (labelled with their id), excluding clusters no node uses.
    public var orderedClusters: [ViewCluster] {
        var byID: [String: ViewCluster] = [:]
        for cluster in clusters where byID[cluster.id] == nil { byID[cluster.id] = cluster }
        var used = Set<String>()
        for node in nodes { if let c = node.cluster { used.insert(c) } }
        return used.map { byID[$0] ?? ViewCluster(id: $0, label: $0) }
            .sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    }

    /// Kinds that occur in the view, in kind order (what the legend shows).
    public var kindsPresent: [NodeKind] {
        let kinds = Set(nodes.map(\.kind))
        return NodeKind.allCases.filter { kinds.contains($0) }
    }
}

extension ViewEdge {
    static func precedes(_ a: ViewEdge, _ b: ViewEdge) -> Bool {
        if a.from != b.from { return a.from.utf8.lexicographicallyPrecedes(b.from.utf8) }
        if a.to != b.to { return a.to.utf8.lexicographicallyPrecedes(b.to.utf8) }
        let la = a.label ?? "", lb = b.label ?? ""
        if la != lb { return la.utf8.lexicographicallyPrecedes(lb.utf8) }
        return (a.weight ?? 0) < (b.weight ?? 0)
    }
}

extension String {
    /// Foundation-free trim of the given characters at both ends.
    func trimmingEnds(of set: String) -> String {
        let chars = Set(set)
        var start = startIndex
        var end = endIndex
        while start < end, chars.contains(self[start]) { start = index(after: start) }
        while end > start, chars.contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}
