import Analysis
import ArgumentParser
import GraphStore

extension SharedGrouping: ExpressibleByArgument {}

struct SharedReposCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shared-repos",
        abstract: "Repositories (or owners) that several papers mention, most shared first.",
        discussion: """
            --by owner groups by the account that owns the repositories
            (github.com/facebookresearch), counting a paper once however many of the
            owner's repositories it names.

            --pairs lists pairs of papers sharing at least --min-shared link targets
            (repos, owners, pages, artifacts, cited papers) with the targets, Jaccard
            and Adamic-Adar scores. Targets used by more than --max-target-papers
            papers do not generate pairs (a hub would make millions).

            Example:
              papergraph shared-repos --min-papers 2
              papergraph shared-repos --pairs --min-shared 2 --top 50
              papergraph shared-repos --by owner --format json
            """
    )

    @Option(name: .long, help: "Group by repo or owner.")
    var by: SharedGrouping = .repo

    @Option(name: .long, help: "Only targets mentioned by at least this many papers.")
    var minPapers: Int = 2

    @Flag(name: .long, help: "List pairs of papers that share targets instead.")
    var pairs = false

    @Option(name: .long, help: "--pairs: only pairs sharing at least this many targets.")
    var minShared: Int = 2

    @Option(name: .long, help: "--pairs: targets used by more papers than this generate no pairs.")
    var maxTargetPapers: Int = 500

    @Option(name: .long, help: "--pairs: how many pairs to print.")
    var top: Int = 100

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if minPapers < 1 { throw ValidationError("--min-papers must be at least 1") }
    }

    func run() throws {
        if pairs { return try runPairs() }
        let shared = try options.openStore().sharedTargets(by: by, minPapers: minPapers)
        let table = ResultTable(
            columns: [by.rawValue, "papers", "paper_ids", "titles"],
            rows: shared.map { target in
                [
                    .text(target.target), .int(target.papers.count),
                    .text(target.papers.map(\.key).joined(separator: " ")),
                    .text(target.papers.map(\.title).joined(separator: " | ")),
                ]
            })
        try options.emit(.table(table))
    }

    private func runPairs() throws {
        let store = try options.openStore()
        let graph = try GraphLoader.load(from: store.database)
        let result = try Similarity.sharedTargetPairs(
            graph, options: PairOptions(minShared: minShared, maxTargetPapers: maxTargetPapers, top: max(0, top)))
        let nodes = result.pairs.flatMap { [$0.first, $0.second] + $0.shared }
        let book = try LabelBook(graph: graph, nodes: nodes, store: store)
        if !result.skippedTargets.isEmpty {
            Console.info("\(result.skippedTargets.count) hub target(s) used by more than \(maxTargetPapers) papers generated no pairs")
        }
        let table = ResultTable(
            columns: ["rank", "paper_a", "paper_b", "shared", "jaccard", "adamic_adar", "targets"],
            rows: result.pairs.map { pair in
                [
                    .int(pair.rank), .text(book.name(pair.first)), .text(book.name(pair.second)), .int(pair.sharedCount),
                    .double(pair.jaccard), .double(pair.adamicAdar),
                    .text(pair.shared.map { book.name($0) }.joined(separator: " ")),
                ]
            })
        try options.emit(.table(table))
    }
}
