import Analysis
import ArgumentParser
import GraphStore

extension CommunityAlgorithm: ExpressibleByArgument {}

struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Find communities of papers and the targets they share (Leiden or Louvain).",
        discussion: """
            Runs on the undirected, weighted paper-target graph. Deterministic for a
            given --seed. Prints each community's size, its most central papers and
            its most used repositories, and the modularity of the partition.

            Example:
              papergraph communities --algo leiden --resolution 1.0 --top 10
            """
    )

    @Option(name: .long, help: "leiden or louvain.")
    var algo: CommunityAlgorithm = .leiden

    @Option(name: .long, help: "Modularity resolution; above 1 gives smaller communities.")
    var resolution: Double = 1

    @Option(name: .long, help: "Seed of the random visiting order.")
    var seed: UInt64 = 0

    @Option(name: .long, help: "How many communities to print.")
    var top: Int = 20

    @OptionGroup var graphOptions: GraphFilterOptions
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if !(resolution > 0) { throw ValidationError("--resolution must be positive") }
    }

    func run() throws {
        let store = try options.openStore()
        let graph = try graphOptions.load(store)
        let result = try Communities.detect(
            graph, options: CommunityOptions(algorithm: algo, resolution: resolution, seed: seed))
        let summaries = Communities.summarize(graph, result, top: top, papersPerCommunity: 3, reposPerCommunity: 3)
        let shown = summaries.flatMap { $0.topPapers.map(\.node) + $0.topRepos.map(\.node) }
        let book = try LabelBook(graph: graph, nodes: shown, store: store)
        Console.info("\(result.count) communities, modularity \(ResultTable.Cell.formatted(result.modularity)) (\(algo.rawValue), resolution \(resolution), seed \(seed))")
        let table = ResultTable(
            columns: ["community", "size", "papers", "repos", "top_papers", "top_repos", "modularity"],
            rows: summaries.map { summary in
                [
                    .int(summary.index), .int(summary.size), .int(summary.papers), .int(summary.repos),
                    .text(summary.topPapers.map { book.name($0.node) }.joined(separator: " ")),
                    .text(summary.topRepos.map { book.name($0.node) }.joined(separator: " ")),
                    .double(result.modularity),
                ]
            })
        try options.emit(.table(table))
    }
}
