import Analysis
import ArgumentParser
import GraphStore

struct RelatedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "related",
        abstract: "Papers related to one paper through shared repositories, owners, pages and references.",
        discussion: """
            Scores add 1/ln(n) for every shared target used by n papers (Adamic-Adar),
            and each row says why: "both use github.com/x/y".

            Example:
              papergraph related 2106.09685 --top 10
            """
    )

    @Argument(help: ArgumentHelp("arXiv id or part of the title.", valueName: "paper"))
    var paper: String

    @Option(name: .long, help: "How many papers to print.")
    var top: Int = 10

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let store = try options.openStore()
        let graph = try GraphLoader.load(from: store.database)
        let node = try graph.node(forPaperOrTarget: paper, store: store)
        let related = try Similarity.relatedPapers(graph, to: node, top: max(0, top))
        let nodes = related.map(\.node) + related.flatMap { $0.reasons.map(\.via) }
        let book = try LabelBook(graph: graph, nodes: nodes, store: store)
        let table = ResultTable(
            columns: ["rank", "paper", "score", "title", "reasons"],
            rows: related.map { row in
                [
                    .int(row.rank), .text(book.name(row.node)), .double(row.score), .text(book.title(row.node)),
                    .text(row.reasons.map { $0.text(viaLabel: book.name($0.via)) }.joined(separator: "; ")),
                ]
            })
        try options.emit(.table(table))
    }
}
