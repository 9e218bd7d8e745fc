import ArgumentParser
import GraphStore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count papers, link targets by kind, mentions, code status and ingested sources.",
        discussion: "Example:\n  papergraph stats --db graph.sqlite --format json"
    )

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let stats = try options.openStore().stats()
        let kinds = ["repo", "owner", "artifact", "paper", "page"]
        var text = "papers             \(stats.papers)\n"
        text += "link targets       " + kinds.map { "\($0) \(stats.targetsByKind[$0] ?? 0)" }.joined(separator: ", ") + "\n"
        text += "links (paper→target) " + kinds.map { "\($0) \(stats.linksByKind[$0] ?? 0)" }.joined(separator: ", ") + "\n"
        text += "mentions           \(stats.mentions)\n"
        text += "code status        " + ["released", "promised", "none"].map { "\($0) \(stats.codeStatus[$0] ?? 0)" }.joined(separator: ", ") + "\n"
        text += "paper references resolved to stored papers  \(stats.resolvedPaperReferences)\n"
        text += "sources\n"
        for source in stats.sources {
            text += "  \(source.path)  \(source.records) records, \(source.skipped) skipped, first \(source.firstIngestedAt), last \(source.lastIngestedAt)\n"
        }
        func counts(_ dictionary: [String: Int], _ keys: [String]) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: keys.map { ($0, JSONValue.int(dictionary[$0] ?? 0)) }))
        }
        let json: JSONValue = .object([
            "papers": .int(stats.papers),
            "targets_by_kind": counts(stats.targetsByKind, kinds),
            "links_by_kind": counts(stats.linksByKind, kinds),
            "mentions": .int(stats.mentions),
            "code_status": counts(stats.codeStatus, ["released", "promised", "none"]),
            "resolved_paper_references": .int(stats.resolvedPaperReferences),
            "sources": .array(stats.sources.map { source in
                .object([
                    "path": .string(source.path), "records": .int(source.records), "skipped": .int(source.skipped),
                    "first_ingested_at": .string(source.firstIngestedAt),
                    "last_ingested_at": .string(source.lastIngestedAt),
                ])
            }),
        ])
        try options.emit(.document(text: text, json: json))
    }
}
