import Analysis
import ArgumentParser
import GraphStore

enum RankAlgorithm: String, CaseIterable, ExpressibleByArgument {
    case pagerank, personalized, hits, degree, betweenness
}

struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank papers and link targets by PageRank, personalized PageRank, HITS, degree or betweenness.",
        discussion: """
            pagerank: damping 0.85, dangling mass spread uniformly, tolerance 1e-10 on the
            L1 change (networkx's definition, on the directed graph paper→target,
            repo→owner, paper→paper). personalized: teleports to the --seed papers
            ("what is related to this paper?"). hits: papers as hubs, targets as
            authorities (the authority score is printed). betweenness: exact up to
            50,000 nodes, sampled with --samples pivots beyond.

            Example:
              papergraph rank --algo pagerank --top 20
              papergraph rank --algo personalized --seed 1706.03762 --kinds paper
              papergraph rank --algo degree --kinds repo --format csv
            """
    )

    @Option(name: .long, help: "Algorithm: pagerank, personalized, hits, degree, betweenness.")
    var algo: RankAlgorithm = .pagerank

    @Option(name: .long, help: "How many nodes to print.")
    var top: Int = 20

    @Option(name: .long, help: ArgumentHelp("Seed paper for personalized PageRank (repeatable): arXiv id or title words.", valueName: "paper"))
    var seed: [String] = []

    @Option(name: .long, help: "Pivots for sampled betweenness on graphs over 50,000 nodes.")
    var samples: Int = 1_000

    @OptionGroup var graphOptions: GraphFilterOptions
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if algo == .personalized && seed.isEmpty { throw ValidationError("--algo personalized needs at least one --seed PAPER") }
        if samples < 1 { throw ValidationError("--samples must be at least 1") }
    }

    func run() throws {
        let store = try options.openStore()
        let graph = try graphOptions.load(store)
        let scores: [Double]
        switch algo {
        case .pagerank:
            scores = try Centrality.pageRank(graph).scores
        case .personalized:
            let seeds = try seed.map { reference in try graph.node(forPaperOrTarget: reference, store: store) }
            scores = try Centrality.personalizedPageRank(graph, seeds: seeds).scores
        case .hits:
            scores = try Centrality.hits(graph).authorities
        case .degree:
            scores = Centrality.degrees(graph).scores(.total)
        case .betweenness:
            scores = try Centrality.betweenness(graph, options: BetweennessOptions(samples: samples)).scores
        }
        let ranked = graph.ranked(scores, top: top)
        let book = try LabelBook(graph: graph, nodes: ranked.map(\.node), store: store)
        let table = ResultTable(
            columns: ["rank", "node", "kind", "score", "degree", "title"],
            rows: ranked.map { row in
                [
                    .int(row.rank), .text(book.name(row.node)), .text(row.kind.rawValue), .double(row.score),
                    .int(row.degree), row.kind == .paper ? .text(book.title(row.node)) : .null,
                ]
            })
        try options.emit(.table(table))
    }
}
