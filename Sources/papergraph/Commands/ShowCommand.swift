import ArgumentParser
import Extraction
import GraphStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one paper: its metadata, code status with evidence, and every link with the words that made it.",
        discussion: """
            PAPER is an arXiv id (2401.01234, arXiv:2401.01234v2, an arxiv.org/abs
            URL) or part of the title (case and punctuation ignored). Several title
            matches are listed; pick one.

            --explain adds every edge of the graph that touches the paper with what
            makes it: links it writes (mention, with the sentence), papers it refers
            to and papers that refer to it (reference: rule and words), the owners
            of its repositories (derived), and its code status (rule and sentence).
            With --format csv it prints those edges as rows (as `explain` does).

            Example:
              papergraph show 1706.03762
              papergraph show "attention is all" --format json
              papergraph show 2106.09685 --explain
            """
    )

    @Argument(help: ArgumentHelp("arXiv id or part of the title.", valueName: "paper"))
    var paper: String

    @Flag(name: .long, help: "Also list every edge of the paper with the words (or the rule) that made it.")
    var explain = false

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let store = try options.openStore()
        let id = try store.resolvePaper(paper)
        let detail = try store.paperDetail(id: id)
        let edges = explain ? try store.explainEdges(ofPaper: id) : nil
        if options.format == .csv {
            try options.emit(.table(edges.map(EvidenceOutput.table) ?? Self.mentionTable(detail)))
            return
        }
        var text = Self.text(detail)
        var json = Self.json(detail)
        if let edges {
            text += "\nedges (\(edges.count))\n"
            for edge in edges { text += EvidenceOutput.text(edge, showEnds: true) }
            if case .object(var object) = json {
                object["edges"] = .array(edges.map(EvidenceOutput.json))
                json = .object(object)
            }
        }
        try options.emit(.document(text: text, json: json))
    }

    static func text(_ detail: PaperDetail) -> String {
        let summary = detail.summary
        var out = "\(summary.title)\n"
        out += "  id        \(summary.key)\n"
        if let date = summary.date { out += "  date      \(date)\n" }
        if !summary.categories.isEmpty { out += "  categories \(summary.categories.joined(separator: " "))\n" }
        if !detail.authors.isEmpty {
            let shown = detail.authors.prefix(6).joined(separator: ", ")
            out += "  authors   \(shown)\(detail.authors.count > 6 ? ", … (\(detail.authors.count))" : "")\n"
        } else if let count = detail.authorCount {
            out += "  authors   \(count)\n"
        }
        out += "  source    \(detail.source)\n"
        out += "  code      \(detail.code.status.rawValue)"
        if let rule = detail.code.rule { out += " (\(rule))" }
        out += "\n"
        if let evidence = detail.code.evidence {
            out += "            “\(evidence.split(whereSeparator: \.isNewline).joined(separator: " "))”"
            if let field = detail.code.field, let start = detail.code.start, let end = detail.code.end {
                out += " [\(field) \(start)..<\(end)]"
            }
            out += "\n"
        }
        out += "\nlinks (\(detail.links.count))\n"
        if detail.links.isEmpty { out += "  none\n" }
        for link in detail.links {
            out += "  \(link.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(link.target)"
            if let resolved = link.resolvedPaper { out += "  → \(resolved)" }
            out += "\n"
            for mention in link.mentions {
                out += "           \(mention.field) \(mention.start)..<\(mention.end) rule \(mention.rule): \"\(mention.text.replacingOccurrences(of: "\n", with: "\\n"))\"\n"
                out += "             in: \(mention.context)\n"
            }
        }
        return out
    }

    static func json(_ detail: PaperDetail) -> JSONValue {
        let summary = detail.summary
        var code: [String: JSONValue] = ["status": .string(detail.code.status.rawValue), "evidence": .optional(detail.code.evidence)]
        code["field"] = .optional(detail.code.field)
        code["start"] = .optional(detail.code.start)
        code["end"] = .optional(detail.code.end)
        code["rule"] = .optional(detail.code.rule)
        return .object([
            "id": .string(summary.key),
            "arxiv_id": .optional(summary.arxivID),
            "title": .string(summary.title),
            "date": .optional(summary.date),
            "categories": .array(summary.categories.map(JSONValue.string)),
            "authors": .array(detail.authors.map(JSONValue.string)),
            "author_count": .optional(detail.authorCount),
            "upvotes": .optional(detail.upvotes),
            "source": .string(detail.source),
            "abstract": .string(detail.abstract),
            "comment": .optional(detail.comment),
            "code": .object(code),
            "links": .array(detail.links.map { link in
                .object([
                    "kind": .string(link.kind.rawValue),
                    "target": .string(link.target),
                    "resolved_paper": .optional(link.resolvedPaper),
                    "mentions": .array(link.mentions.map { mention in
                        .object([
                            "field": .string(mention.field), "start": .int(mention.start), "end": .int(mention.end),
                            "text": .string(mention.text), "rule": .string(mention.rule),
                            "context": .string(mention.context),
                        ])
                    }),
                ])
            }),
        ])
    }

    static func mentionTable(_ detail: PaperDetail) -> ResultTable {
        ResultTable(
            columns: ["paper", "kind", "target", "field", "start", "end", "rule", "text", "context"],
            rows: detail.links.flatMap { link in
                link.mentions.map { mention in
                    [
                        .text(detail.summary.key), .text(link.kind.rawValue), .text(link.target), .text(mention.field),
                        .int(mention.start), .int(mention.end), .text(mention.rule), .text(mention.text),
                        .text(mention.context),
                    ]
                }
            })
    }
}
