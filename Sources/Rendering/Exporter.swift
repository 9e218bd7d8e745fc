/// File formats a view can be exported to.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case dot, graphml, gexf, json, csv

    /// Parses a user-supplied name; the error lists the valid names.
    public init(parsing name: String) throws(RenderError) {
        guard let format = ExportFormat(rawValue: name.lowercased()) else {
            throw .unknownFormat(name, valid: ExportFormat.allCases.map(\.rawValue))
        }
        self = format
    }

    public var description: String { rawValue }
}

/// One exported document. `suffix` is what the caller appends to its base file name
/// (`graphml`, `gexf`, `json`, `dot`, or `nodes.csv` / `edges.csv` for CSV).
public struct ExportedFile: Sendable, Hashable {
    public var suffix: String
    public var contents: String

    public init(suffix: String, contents: String) {
        self.suffix = suffix
        self.contents = contents
    }
}

/// Writes a `GraphView` as GraphML, GEXF 1.3, a networkx node-link JSON document, CSV or DOT.
///
/// Every format lists nodes in `GraphView.orderedNodes` order and edges in
/// `GraphView.orderedEdges` order (dangling edges left out), uses no timestamps, and is
/// byte-for-byte deterministic. Text is cleaned of control characters XML 1.0 cannot carry.
/// Node and edge `attributes` are Graphviz styling and are not exported.
public enum Exporter {
    public static func export(_ view: GraphView, as format: ExportFormat, dotWriter: DOTWriter = DOTWriter())
        -> [ExportedFile]
    {
        switch format {
        case .dot: [ExportedFile(suffix: "dot", contents: dotWriter.write(view))]
        case .graphml: [ExportedFile(suffix: "graphml", contents: graphML(view))]
        case .gexf: [ExportedFile(suffix: "gexf", contents: gexf(view))]
        case .json: [ExportedFile(suffix: "json", contents: nodeLinkJSON(view))]
        case .csv:
            [
                ExportedFile(suffix: "nodes.csv", contents: csvNodes(view)),
                ExportedFile(suffix: "edges.csv", contents: csvEdges(view)),
            ]
        }
    }

    // MARK: GraphML

    /// GraphML with `<key>` declarations. GraphML node ids must be XML NMTOKENs, which
    /// paper titles and `github.com/owner/name` are not, so nodes are numbered `n0`, `n1`, …
    /// in output order and the real id is kept in the `key` data field.
    public static func graphML(_ view: GraphView) -> String {
        let nodes = view.orderedNodes
        let edges = view.orderedEdges
        var number: [String: Int] = [:]
        for (index, node) in nodes.enumerated() { number[node.id] = index }

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
        out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        out += " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
        out += " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        let keys: [(id: String, domain: String, name: String, type: String)] = [
            ("g_name", "graph", "name", "string"),
            ("g_note", "graph", "note", "string"),
            ("n_key", "node", "key", "string"),
            ("n_label", "node", "label", "string"),
            ("n_kind", "node", "kind", "string"),
            ("n_url", "node", "url", "string"),
            ("n_tooltip", "node", "tooltip", "string"),
            ("n_score", "node", "score", "double"),
            ("n_cluster", "node", "cluster", "string"),
            ("e_weight", "edge", "weight", "double"),
            ("e_label", "edge", "label", "string"),
        ]
        for key in keys {
            out += "  <key id=\"\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(key.name)\" attr.type=\"\(key.type)\"/>\n"
        }
        out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
        out += graphMLData("g_name", view.name, indent: 4)
        out += graphMLData("g_note", view.note, indent: 4)
        for (index, node) in nodes.enumerated() {
            out += "    <node id=\"n\(index)\">\n"
            out += graphMLData("n_key", node.id, indent: 6)
            out += graphMLData("n_label", node.label, indent: 6)
            out += graphMLData("n_kind", node.kind.rawValue, indent: 6)
            out += graphMLData("n_url", node.url, indent: 6)
            out += graphMLData("n_tooltip", node.tooltip, indent: 6)
            out += graphMLData("n_score", TextEscaping.exact(node.score), indent: 6)
            out += graphMLData("n_cluster", node.cluster, indent: 6)
            out += "    </node>\n"
        }
        for (index, edge) in edges.enumerated() {
            guard let source = number[edge.from], let target = number[edge.to] else { continue }
            let data = graphMLData("e_weight", TextEscaping.exact(edge.weight), indent: 6)
                + graphMLData("e_label", edge.label, indent: 6)
            if data.isEmpty {
                out += "    <edge id=\"e\(index)\" source=\"n\(source)\" target=\"n\(target)\"/>\n"
            } else {
                out += "    <edge id=\"e\(index)\" source=\"n\(source)\" target=\"n\(target)\">\n" + data + "    </edge>\n"
            }
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    private static func graphMLData(_ key: String, _ value: String?, indent: Int) -> String {
        guard let value else { return "" }
        let text = TextEscaping.xml(TextEscaping.clean(value, keepNewlines: true), attribute: false)
        return String(repeating: " ", count: indent) + "<data key=\"\(key)\">" + text + "</data>\n"
    }

    // MARK: GEXF

    /// GEXF 1.3 (as read by Gephi 0.9+): node attributes `kind`, `url`, `score`, `cluster`,
    /// `tooltip` as attvalues, the kind colour as `viz:color`, edge weight and label.
    public static func gexf(_ view: GraphView) -> String {
        let nodes = view.orderedNodes
        let edges = view.orderedEdges
        let scale = ScoreScale(nodes.compactMap(\.score))
        let attributes: [(id: String, title: String, type: String)] = [
            ("kind", "kind", "string"),
            ("url", "url", "string"),
            ("score", "score", "double"),
            ("cluster", "cluster", "string"),
            ("tooltip", "tooltip", "string"),
        ]

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""
        out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        out += " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
        out += "  <meta>\n    <creator>papergraph</creator>\n"
        var description = TextEscaping.singleLine(view.name)
        if let note = view.note.map(TextEscaping.singleLine), !note.isEmpty { description += " (" + note + ")" }
        out += "    <description>" + TextEscaping.xml(description, attribute: false) + "</description>\n  </meta>\n"
        out += "  <graph defaultedgetype=\"directed\" mode=\"static\">\n"
        out += "    <attributes class=\"node\" mode=\"static\">\n"
        for attribute in attributes {
            out += "      <attribute id=\"\(attribute.id)\" title=\"\(attribute.title)\" type=\"\(attribute.type)\"/>\n"
        }
        out += "    </attributes>\n"
        out += "    <nodes>\n"
        for node in nodes {
            out += "      <node id=\"" + xmlAttribute(node.id) + "\" label=\"" + xmlAttribute(node.label) + "\">\n"
            let values: [(String, String?)] = [
                ("kind", node.kind.rawValue), ("url", node.url), ("score", TextEscaping.exact(node.score)),
                ("cluster", node.cluster), ("tooltip", node.tooltip),
            ]
            let present = values.compactMap { pair in pair.1.map { (pair.0, $0) } }
            if !present.isEmpty {
                out += "        <attvalues>\n"
                for (key, value) in present {
                    out += "          <attvalue for=\"\(key)\" value=\"" + xmlAttribute(value) + "\"/>\n"
                }
                out += "        </attvalues>\n"
            }
            let rgb = rgbComponents(NodeStyle.for(node.kind).color)
            out += "        <viz:color r=\"\(rgb.r)\" g=\"\(rgb.g)\" b=\"\(rgb.b)\"/>\n"
            let size = 10 + 20 * (scale.position(node.score) ?? 0)
            out += "        <viz:size value=\"" + TextEscaping.fixed(size) + "\"/>\n"
            out += "      </node>\n"
        }
        out += "    </nodes>\n"
        out += "    <edges>\n"
        for (index, edge) in edges.enumerated() {
            out += "      <edge id=\"\(index)\" source=\"" + xmlAttribute(edge.from) + "\" target=\"" + xmlAttribute(edge.to) + "\""
            if let weight = TextEscaping.exact(edge.weight) { out += " weight=\"\(weight)\"" }
            if let label = edge.label { out += " label=\"" + xmlAttribute(label) + "\"" }
            out += "/>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    private static func xmlAttribute(_ value: String) -> String {
        TextEscaping.xml(TextEscaping.clean(value, keepNewlines: true), attribute: true)
    }

    private static func rgbComponents(_ hex: String) -> (r: Int, g: Int, b: Int) {
        let digits = Array(hex.utf8.dropFirst())
        func component(_ offset: Int) -> Int {
            guard digits.count >= offset + 2 else { return 0 }
            return Int(String(decoding: digits[offset..<(offset + 2)], as: UTF8.self), radix: 16) ?? 0
        }
        return (component(0), component(2), component(4))
    }

    // MARK: JSON node-link

    /// The shape of networkx's `node_link_data` (`nx.node_link_graph(data)` reads it back):
    /// `{"directed", "multigraph", "graph", "nodes": [{"id", …}], "links": [{"source",
    /// "target", …}]}`, keys sorted, two-space indentation, absent values omitted.
    public static func nodeLinkJSON(_ view: GraphView) -> String {
        var graph: [(String, JSONValue)] = [("name", .string(view.name))]
        if let note = view.note { graph.append(("note", .string(note))) }
        let nodes: [JSONValue] = view.orderedNodes.map { node in
            var fields: [(String, JSONValue)] = [
                ("id", .string(node.id)), ("label", .string(node.label)), ("kind", .string(node.kind.rawValue)),
            ]
            if let url = node.url { fields.append(("url", .string(url))) }
            if let tooltip = node.tooltip { fields.append(("tooltip", .string(tooltip))) }
            if let score = TextEscaping.exact(node.score) { fields.append(("score", .number(score))) }
            if let cluster = node.cluster { fields.append(("cluster", .string(cluster))) }
            return .object(fields)
        }
        let links: [JSONValue] = view.orderedEdges.map { edge in
            var fields: [(String, JSONValue)] = [("source", .string(edge.from)), ("target", .string(edge.to))]
            if let weight = TextEscaping.exact(edge.weight) { fields.append(("weight", .number(weight))) }
            if let label = edge.label { fields.append(("label", .string(label))) }
            return .object(fields)
        }
        let document = JSONValue.object([
            ("directed", .bool(true)), ("multigraph", .bool(false)), ("graph", .object(graph)),
            ("nodes", .array(nodes)), ("links", .array(links)),
        ])
        return document.serialized(indent: 0) + "\n"
    }

    // MARK: CSV

    /// RFC 4180 node table: `id,kind,label,url,tooltip,score,cluster`, CRLF line ends.
    public static func csvNodes(_ view: GraphView) -> String {
        var rows = [["id", "kind", "label", "url", "tooltip", "score", "cluster"]]
        for node in view.orderedNodes {
            rows.append([
                node.id, node.kind.rawValue, node.label, node.url ?? "", node.tooltip ?? "",
                TextEscaping.exact(node.score) ?? "", node.cluster ?? "",
            ])
        }
        return csv(rows)
    }

    /// RFC 4180 edge table: `source,target,weight,label`, CRLF line ends.
    public static func csvEdges(_ view: GraphView) -> String {
        var rows = [["source", "target", "weight", "label"]]
        for edge in view.orderedEdges {
            rows.append([edge.from, edge.to, TextEscaping.exact(edge.weight) ?? "", edge.label ?? ""])
        }
        return csv(rows)
    }

    private static func csv(_ rows: [[String]]) -> String {
        rows.map { row in row.map(csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func csvField(_ raw: String) -> String {
        // Line breaks inside a field are kept (quoted) as CRLF, the record separator RFC 4180 uses.
        let value = TextEscaping.clean(raw, keepNewlines: true)
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        let escaped = value.replacingAll("\"", with: "\"\"").replacingAll("\n", with: "\r\n")
        return "\"" + escaped + "\""
    }
}

/// Minimal JSON tree with deterministic serialisation (keys sorted by UTF-8 bytes).
enum JSONValue {
    case string(String)
    /// Already formatted, finite number text.
    case number(String)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])

    func serialized(indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        let inner = String(repeating: " ", count: indent + 2)
        switch self {
        case .string(let text): return Self.quoted(text)
        case .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { inner + $0.serialized(indent: indent + 2) }.joined(separator: ",\n") + "\n" + pad + "]"
        case .object(let fields):
            guard !fields.isEmpty else { return "{}" }
            let sorted = fields.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            return "{\n"
                + sorted.map { inner + Self.quoted($0.0) + ": " + $0.1.serialized(indent: indent + 2) }
                .joined(separator: ",\n") + "\n" + pad + "}"
        }
    }

    private static func quoted(_ raw: String) -> String {
        var out = "\""
        for scalar in TextEscaping.clean(raw, keepNewlines: true).unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension String {
    /// Foundation-free replacement of every occurrence of `target`.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
