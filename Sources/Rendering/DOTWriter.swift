/// Turns a `GraphView` into DOT text.
///
/// The output is a pure function of the view and the options: nodes sorted by kind then id,
/// edges by (from, to), attribute dictionaries by key, numbers in fixed-point, no dates or
/// comments, and the graph always named (an anonymous graph gets a fresh name per parse).
/// Every ID and text is quoted and escaped; control characters are removed.
public struct DOTWriter: Sendable {
    public struct Options: Sendable, Hashable {
        /// Label lines are wrapped at this many characters…
        public var wrapWidth: Int
        /// …and cut to this many lines, the last one ending in `…`.
        public var maxLabelLines: Int
        public var fontName: String
        /// Base font size of node labels; nodes with the highest score get `maxFontSize`.
        public var fontSize: Double
        public var maxFontSize: Double
        /// Open links in a new browser tab when the SVG is viewed on its own.
        public var linkTarget: String?
        /// Up to this many nodes, force-directed layouts remove node overlaps completely
        /// (`overlap=false`); above it only Prism's cheap scaling phase runs (`prism0`):
        /// full removal took 17 s instead of 2 s for 2,000 labelled nodes under sfdp.
        public var fullOverlapRemovalLimit: Int

        public init(
            wrapWidth: Int = 32, maxLabelLines: Int = 4, fontName: String = "Helvetica",
            fontSize: Double = 10, maxFontSize: Double = 18, linkTarget: String? = "_blank",
            fullOverlapRemovalLimit: Int = 500
        ) {
            self.wrapWidth = wrapWidth
            self.maxLabelLines = maxLabelLines
            self.fontName = fontName
            self.fontSize = fontSize
            self.maxFontSize = maxFontSize
            self.linkTarget = linkTarget
            self.fullOverlapRemovalLimit = fullOverlapRemovalLimit
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// DOT text for `view`. Same view, same bytes.
    public func write(_ view: GraphView) -> String {
        var out = "digraph " + TextEscaping.dotQuoted(view.name) + " {\n"
        out += "  graph " + renderList(overriding(encoded(graphDefaults(nodeCount: view.nodes.count)), with: view.graphAttributes)) + ";\n"
        out += "  node " + renderList(encoded(nodeDefaults())) + ";\n"
        out += "  edge " + renderList(encoded(edgeDefaults())) + ";\n"

        let nodes = view.orderedNodes
        guard !nodes.isEmpty else {
            out += emptyGraphNode(note: view.note)
            return out + "}\n"
        }

        let scale = ScoreScale(nodes.compactMap(\.score))
        let kindByID = Dictionary(nodes.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })

        for cluster in view.orderedClusters {
            out += "  subgraph " + TextEscaping.dotQuoted("cluster_" + cluster.id) + " {\n"
            out += "    graph " + renderList(clusterAttributes(cluster)) + ";\n"
            for node in nodes where node.cluster == cluster.id {
                out += "    " + nodeStatement(node, scale: scale) + "\n"
            }
            out += "  }\n"
        }
        for node in nodes where node.cluster == nil {
            out += "  " + nodeStatement(node, scale: scale) + "\n"
        }

        let edges = view.orderedEdges
        let weights = ScoreScale(edges.compactMap(\.weight))
        for edge in edges {
            out += "  " + TextEscaping.dotQuoted(edge.from) + " -> " + TextEscaping.dotQuoted(edge.to) + " "
            out += renderList(edgeAttributes(edge, weights: weights, kinds: kindByID)) + ";\n"
        }

        // The root label is set last: a graph attribute declared before a subgraph would
        // become that subgraph's default too.
        if let label = rootLabel(view) {
            out += "  label=" + label + ";\n"
        }
        return out + "}\n"
    }

    // MARK: Defaults

    private func graphDefaults(nodeCount: Int) -> [(String, String)] {
        [
            ("charset", "UTF-8"),
            ("fontname", options.fontName),
            ("fontsize", "12"),
            ("rankdir", "LR"),
            ("nodesep", "0.2"),
            ("ranksep", "0.5"),
            ("pad", "0.3"),
            ("bgcolor", "white"),
            ("outputorder", "edgesfirst"),
            ("overlap", nodeCount <= options.fullOverlapRemovalLimit ? "false" : "prism0"),
            // Disconnected parts are laid out one by one and packed side by side; without it
            // `dot` stacks every isolated node in one tall first rank.
            ("pack", "true"),
            ("labelloc", "b"),
            ("labeljust", "l"),
        ]
    }

    private func nodeDefaults() -> [(String, String)] {
        [
            ("fontname", options.fontName),
            ("fontsize", TextEscaping.fixed(options.fontSize)),
            ("fontcolor", "#1A1A1A"),
            ("margin", "0.1,0.05"),
            ("penwidth", "1"),
        ]
    }

    private func edgeDefaults() -> [(String, String)] {
        [
            ("color", "#7A7A7A"),
            ("arrowsize", "0.6"),
            ("penwidth", "1"),
            ("fontname", options.fontName),
            ("fontsize", "8"),
            ("fontcolor", "#4D4D4D"),
        ]
    }

    // MARK: Statements

    private func nodeStatement(_ node: ViewNode, scale: ScoreScale) -> String {
        let style = NodeStyle.for(node.kind)
        let labelText = node.label.isEmpty ? node.id : node.label
        var attributes: [(String, String)] = [
            ("label", TextEscaping.dotLabel(lines: TextEscaping.wrap(labelText, width: options.wrapWidth, maxLines: options.maxLabelLines))),
            ("shape", quoted(style.shape)),
            ("style", quoted(style.style)),
            ("color", quoted(style.color)),
            ("fillcolor", quoted(style.fillColor)),
        ]
        if let t = scale.position(node.score) {
            let fontSize = options.fontSize + (options.maxFontSize - options.fontSize) * t
            attributes.append(("fontsize", quoted(TextEscaping.fixed(fontSize, decimals: 1))))
            attributes.append(("penwidth", quoted(TextEscaping.fixed(1 + 2 * t))))
        }
        let tooltip = TextEscaping.tidyLines(node.tooltip ?? labelText).joined(separator: "\n")
        if !tooltip.isEmpty {
            attributes.append(("tooltip", TextEscaping.dotTooltip(lines: tooltip.split(separator: "\n").map(String.init))))
        }
        if let url = node.url, !TextEscaping.singleLine(url).isEmpty {
            attributes.append(("URL", TextEscaping.dotURL(url)))
            if let target = options.linkTarget { attributes.append(("target", quoted(target))) }
        }
        return TextEscaping.dotQuoted(node.id) + " " + renderList(overriding(attributes, with: node.attributes)) + ";"
    }

    private func edgeAttributes(_ edge: ViewEdge, weights: ScoreScale, kinds: [String: NodeKind]) -> [(String, String)] {
        var attributes: [(String, String)] = []
        if let t = weights.position(edge.weight) {
            attributes.append(("penwidth", quoted(TextEscaping.fixed(0.8 + 3.2 * t))))
        }
        switch (kinds[edge.from], kinds[edge.to]) {
        case (_, .owner?):
            attributes.append(("style", quoted("dashed")))
            attributes.append(("color", quoted("#A0A0A0")))
        case (.paper?, .paper?):
            attributes.append(("color", quoted("#0072B2")))
        default:
            break
        }
        if let label = edge.label {
            let lines = TextEscaping.wrap(label, width: options.wrapWidth, maxLines: 2)
            if !lines.isEmpty { attributes.append(("label", TextEscaping.dotLabel(lines: lines))) }
        }
        return overriding(attributes, with: edge.attributes)
    }

    private func clusterAttributes(_ cluster: ViewCluster) -> [(String, String)] {
        let lines = TextEscaping.wrap(cluster.label, width: options.wrapWidth * 2, maxLines: 2)
        return [
            ("label", lines.isEmpty ? "\"\"" : TextEscaping.dotLabel(lines: lines)),
            ("labelloc", quoted("t")),
            ("labeljust", quoted("l")),
            ("style", quoted("rounded,dashed")),
            ("color", quoted("#9A9A9A")),
            ("fontsize", quoted("11")),
            ("fontcolor", quoted("#4D4D4D")),
        ]
    }

    private func emptyGraphNode(note: String?) -> String {
        let noteText = note.map(TextEscaping.singleLine) ?? ""
        let text = noteText.isEmpty ? "empty graph" : "empty graph: " + noteText
        let label = TextEscaping.dotLabel(lines: TextEscaping.wrap(text, width: 60, maxLines: 4))
        return "  \"empty\" [label=" + label + ", shape=\"plaintext\", fontsize=\"14\"];\n"
    }

    // MARK: Root label (note + legend)

    /// An HTML-like label placed under the drawing. Graphviz reserves room for the root
    /// graph label outside the laid-out nodes in every layout engine, so the legend never
    /// overlaps the graph (a legend cluster would in neato/sfdp, which ignore clusters).
    private func rootLabel(_ view: GraphView) -> String? {
        let note = view.note.map(TextEscaping.singleLine) ?? ""
        let cells =
            (view.legend ? view.kindsPresent.map { kind in
                let style = NodeStyle.for(kind)
                return LegendEntry(name: style.legendName, color: style.color, fillColor: style.fillColor)
            } : []) + view.legendEntries
        guard !note.isEmpty || !cells.isEmpty else { return nil }
        var rows = ""
        let columns = max(cells.count, 1)
        if !note.isEmpty {
            let lines = TextEscaping.wrap(note, width: 90, maxLines: 3).map { TextEscaping.xml($0) }
            rows += "<TR><TD COLSPAN=\"\(columns)\" ALIGN=\"LEFT\"><I>" + lines.joined(separator: "<BR ALIGN=\"LEFT\"/>") + "</I></TD></TR>"
        }
        if !cells.isEmpty {
            rows += "<TR>"
            for cell in cells {
                rows += "<TD BORDER=\"1\" COLOR=\"\(TextEscaping.xml(cell.color))\" BGCOLOR=\"\(TextEscaping.xml(cell.fillColor))\" CELLPADDING=\"4\">"
                rows += TextEscaping.xml(cell.name) + "</TD>"
            }
            rows += "</TR>"
        }
        return "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"2\">" + rows + "</TABLE>>"
    }

    // MARK: Attribute lists

    private func quoted(_ value: String) -> String { TextEscaping.dotQuoted(value) }

    /// Raw values quoted for DOT.
    private func encoded(_ attributes: [(String, String)]) -> [(String, String)] {
        attributes.map { ($0.0, quoted($0.1)) }
    }

    /// `attributes` (already DOT-encoded values) with `overrides` (raw text values) replacing
    /// same-named entries in place and the rest appended in key order.
    private func overriding(_ attributes: [(String, String)], with overrides: [String: String]) -> [(String, String)] {
        guard !overrides.isEmpty else { return attributes }
        var result = attributes
        for key in overrides.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            guard let raw = overrides[key] else { continue }
            let value = quoted(raw)
            if let index = result.firstIndex(where: { $0.0 == key }) {
                result[index].1 = value
            } else {
                result.append((key, value))
            }
        }
        return result
    }

    private func renderList(_ attributes: [(String, String)]) -> String {
        "[" + attributes.map { TextEscaping.dotAttributeName($0.0) + "=" + $0.1 }.joined(separator: ", ") + "]"
    }
}

/// Maps values into 0…1 on a square-root scale between the smallest and largest finite
/// value, so a few very large scores do not flatten everything else. Nil when the value is
/// missing or not finite; 0 for every value when they are all equal.
struct ScoreScale {
    let minimum: Double
    let maximum: Double

    init(_ values: [Double]) {
        let finite = values.filter(\.isFinite)
        minimum = finite.min() ?? 0
        maximum = finite.max() ?? 0
    }

    func position(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        guard maximum > minimum else { return 0 }
        let t = (value - minimum) / (maximum - minimum)
        return min(max(t, 0), 1).squareRoot()
    }
}
