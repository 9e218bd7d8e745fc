import GraphStore

/// How `explain`, `show --explain` and `refs` print the evidence behind edges.
enum EvidenceOutput {
    static let columns = [
        "kind", "source", "target", "target_kind", "rule", "link_rule", "field", "start", "end", "text", "context",
    ]

    static func row(_ evidence: EdgeEvidence) -> [ResultTable.Cell] {
        [
            .text(evidence.kind.rawValue), .text(evidence.source), .text(evidence.target), .text(evidence.targetKind),
            .text(evidence.rule), evidence.linkRule.map(ResultTable.Cell.text) ?? .null,
            evidence.field.map(ResultTable.Cell.text) ?? .null, evidence.start.map(ResultTable.Cell.int) ?? .null,
            evidence.end.map(ResultTable.Cell.int) ?? .null, .text(evidence.text),
            evidence.context.map(ResultTable.Cell.text) ?? .null,
        ]
    }

    static func table(_ evidence: [EdgeEvidence]) -> ResultTable {
        ResultTable(columns: columns, rows: evidence.map(row))
    }

    static func json(_ evidence: EdgeEvidence) -> JSONValue {
        var object: [String: JSONValue] = [
            "kind": .string(evidence.kind.rawValue),
            "source": .string(evidence.source),
            "target": .string(evidence.target),
            "target_kind": .string(evidence.targetKind),
            "rule": .string(evidence.rule),
            "text": .string(evidence.text),
        ]
        object["source_title"] = .optional(evidence.sourceTitle)
        object["target_title"] = .optional(evidence.targetTitle)
        object["link_rule"] = .optional(evidence.linkRule)
        object["field"] = .optional(evidence.field)
        object["start"] = .optional(evidence.start)
        object["end"] = .optional(evidence.end)
        object["context"] = .optional(evidence.context)
        return .object(object)
    }

    /// Two lines per piece of evidence: what and where, then the sentence.
    /// `showEnds`: print source and target (when they vary, as in `show --explain`).
    static func text(_ evidence: EdgeEvidence, showEnds: Bool, indent: String = "  ") -> String {
        var line = indent + evidence.kind.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
        if evidence.kind == .code {
            line += "\(evidence.target)  "
        } else if showEnds {
            line += "\(evidence.source) → \(describe(evidence))  "
        }
        line += "rule \(evidence.rule)"
        if let linkRule = evidence.linkRule { line += " (\(linkRule))" }
        if let field = evidence.field, let start = evidence.start, let end = evidence.end {
            line += "  \(field) \(start)..<\(end)"
        }
        if !evidence.text.isEmpty { line += "  \"\(flat(evidence.text))\"" }
        line += "\n"
        if let context = evidence.context, !context.isEmpty, evidence.kind != .code || context != evidence.text {
            line += indent + String(repeating: " ", count: 11) + "in: \(flat(context))\n"
        }
        return line
    }

    /// `2106.09685 LoRA: Low-Rank …`, `github.com/x/y (repo)`, `FLASH (unresolved)`.
    static func describe(_ evidence: EdgeEvidence) -> String {
        switch evidence.targetKind {
        case "paper": return [evidence.target, evidence.targetTitle.map { clip($0) }].compactMap { $0 }.joined(separator: " ")
        default: return "\(evidence.target) (\(evidence.targetKind))"
        }
    }

    static func describe(_ endpoint: EdgeEndpoint) -> String {
        switch endpoint {
        case .paper(_, let key, let title): return "\(key) \(clip(title))"
        case .target(_, _, let target): return "\(target) (\(endpoint.kind))"
        }
    }

    static func flat(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    static func clip(_ text: String, to width: Int = 70) -> String {
        let flat = flat(text)
        return flat.count > width ? String(flat.prefix(width - 1)) + "…" : flat
    }
}
