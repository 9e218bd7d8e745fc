import ArgumentParser
import GraphStore

struct RefsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refs",
        abstract: "The papers a paper refers to and the papers that refer to it, with the words that say so.",
        discussion: """
            PAPER is an arXiv id or part of the title, as `show` takes it. Each row is
            one reference: direction (cites, cited-by), rule (identifier, name,
            author-year, title), the other paper (key and title; for a reference no
            single stored paper fits, `unresolved` holds what was looked up), and the
            words with their field and span — in PAPER's text for `cites`, in the
            citing paper's text for `cited-by`. json, jsonl and csv add the sentence.

            --unresolved lists instead what could not be resolved anywhere in the
            store, grouped by what was looked up, most frequent first: arXiv ids and
            DOIs of papers not ingested, names several papers claim, author–year
            citations no single paper fits, titles several papers share.

            Example:
              papergraph refs 2106.09685
              papergraph refs "low-rank adaptation" --format json
              papergraph refs --unresolved --top 20
            """
    )

    @Argument(help: ArgumentHelp("arXiv id or part of the title.", valueName: "paper"))
    var paper: String?

    @Flag(name: .long, help: "List unresolved references across the store instead.")
    var unresolved = false

    @Option(name: .long, help: "With --unresolved: how many groups to print (default all).")
    var top: Int?

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if unresolved && paper != nil { throw ValidationError("give either PAPER or --unresolved, not both") }
        if !unresolved && paper == nil { throw ValidationError("give a PAPER (arXiv id or title words), or --unresolved") }
        if top != nil && !unresolved { throw ValidationError("--top goes with --unresolved") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let store = try options.openStore()
        if unresolved {
            try options.emit(.table(Self.unresolvedTable(try store.unresolvedReferences(limit: top))))
            return
        }
        let id = try store.resolvePaper(paper ?? "")
        let (outgoing, incoming) = try store.referenceEvidence(ofPaper: id)
        try options.emit(.table(Self.table(outgoing: outgoing, incoming: incoming, withContext: options.format != .table)))
    }

    static func table(outgoing: [EdgeEvidence], incoming: [EdgeEvidence], withContext: Bool) -> ResultTable {
        var columns = ["direction", "rule", "paper", "title", "unresolved", "field", "start", "end", "text"]
        if withContext { columns.append("context") }
        func row(_ evidence: EdgeEvidence, direction: String) -> [ResultTable.Cell] {
            let resolved = evidence.targetKind == "paper"
            let isOutgoing = direction == "cites"
            var cells: [ResultTable.Cell] = [
                .text(direction), .text(evidence.rule),
                isOutgoing ? (resolved ? .text(evidence.target) : .null) : .text(evidence.source),
                .text((isOutgoing ? evidence.targetTitle : evidence.sourceTitle) ?? ""),
                isOutgoing && !resolved ? .text(evidence.target) : .null,
                evidence.field.map(ResultTable.Cell.text) ?? .null, evidence.start.map(ResultTable.Cell.int) ?? .null,
                evidence.end.map(ResultTable.Cell.int) ?? .null, .text(evidence.text),
            ]
            if withContext { cells.append(evidence.context.map(ResultTable.Cell.text) ?? .null) }
            return cells
        }
        return ResultTable(
            columns: columns,
            rows: outgoing.map { row($0, direction: "cites") } + incoming.map { row($0, direction: "cited-by") })
    }

    static func unresolvedTable(_ groups: [UnresolvedReference]) -> ResultTable {
        ResultTable(
            columns: ["rule", "text", "count", "papers", "examples", "reason"],
            rows: groups.map { group in
                [
                    .text(group.rule), .text(group.text), .int(group.count), .int(group.papers),
                    .text(group.examples.map(\.key).joined(separator: " ")), .text(group.reason),
                ]
            })
    }
}
