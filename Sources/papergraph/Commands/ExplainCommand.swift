import ArgumentParser
import GraphStore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Say which words in which abstract made one edge of the graph.",
        discussion: """
            EDGE is two arguments, SOURCE and TARGET, each written as other commands
            print nodes: a paper (arXiv id, key, or part of the title, as `show`
            takes it) or a link target (github.com/owner/name, github.com/owner,
            huggingface.co/…, a page, arxiv:2401.01234, doi:10.…). TARGET `code`
            explains the paper's code status.

              paper → target   every mention: field, span, text, rule, sentence
              paper → paper    every reference: rule (identifier, name,
                               author-year, title), words, sentence
              repo  → owner    derived: "owner of github.com/x/y"
              paper → owner    through the paper's repositories of that owner
            When only the reverse edge exists it is explained, with a note. No
            edge at all: a message and exit status 1.

            Example:
              papergraph explain 2503.00002 github.com/acme/widgets
              papergraph explain 2401.00001 2106.09685 --format json
              papergraph explain github.com/acme/widgets github.com/acme
              papergraph explain "gadget networks" code
            """
    )

    @Argument(help: ArgumentHelp("Where the edge starts: a paper or a link target.", valueName: "source"))
    var source: String

    @Argument(help: ArgumentHelp("Where it ends: a paper, a link target, or `code`.", valueName: "target"))
    var target: String

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let store = try options.openStore()
        let from = try endpoint(source, store: store)
        var header = ""
        var evidence: [EdgeEvidence]
        var ends = (source: from.name, target: "code")
        var reversed = false
        if target.lowercased() == "code" || target.lowercased() == "code-status" {
            guard case .paper(let id, _, _) = from else {
                throw CLIError.invalidArgument("only papers have a code status; \(from.name) is a \(from.kind)")
            }
            evidence = [try store.codeEvidence(ofPaper: id)]
            header = "\(EvidenceOutput.describe(from)) → code status"
        } else {
            let to = try endpoint(target, store: store)
            evidence = try store.explainEdge(from: from, to: to)
            ends = (from.name, to.name)
            header = "\(EvidenceOutput.describe(from)) → \(EvidenceOutput.describe(to))"
            if evidence.isEmpty {
                evidence = try store.explainEdge(from: to, to: from)
                guard !evidence.isEmpty else {
                    throw CLIError.invalidArgument(
                        "no edge between \(from.name) and \(to.name) in the graph. "
                            + "`papergraph show \(from.kind == "paper" ? from.name : to.name) --explain` lists a paper's edges.")
                }
                ends = (to.name, from.name)
                reversed = true
                header = "\(EvidenceOutput.describe(to)) → \(EvidenceOutput.describe(from))"
                    + "\n  (no edge \(from.name) → \(to.name); this is the edge the other way)"
            }
        }
        if options.format == .csv {
            try options.emit(.table(EvidenceOutput.table(evidence)))
            return
        }
        // Evidence through another node (paper → repo → owner) names its own ends.
        let showEnds = Set(evidence.map { "\($0.source) \($0.target)" }).count > 1
        var text = "\(header)\n"
        for item in evidence { text += EvidenceOutput.text(item, showEnds: showEnds) }
        try options.emit(.document(text: text, json: .object([
            "source": .string(ends.source),
            "target": .string(ends.target),
            "reversed": .bool(reversed),
            "evidence": .array(evidence.map(EvidenceOutput.json)),
        ])))
    }

    private func endpoint(_ text: String, store: GraphStore) throws -> EdgeEndpoint {
        guard let endpoint = try store.edgeEndpoint(matching: text) else {
            throw CLIError.invalidArgument(
                "no paper or link target matches \"\(text)\". Give an arXiv id, part of a title, or a target as "
                    + "other commands print it (github.com/owner/name, arxiv:2401.01234); `papergraph papers` lists papers.")
        }
        return endpoint
    }
}
