import Analysis
import ArgumentParser
import GraphStore

struct ComponentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "components",
        abstract: "Connected components of the graph, largest first, with the largest one's share.",
        discussion: "Example:\n  papergraph components --top 5"
    )

    @Option(name: .long, help: "How many components to print.")
    var top: Int = 10

    @OptionGroup var graphOptions: GraphFilterOptions
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let graph = try graphOptions.load(options.openStore())
        let result = Components.weaklyConnected(graph)
        Console.info("\(result.count) components; the largest holds \(ResultTable.Cell.formatted(result.largestShare * 100))% of \(graph.nodeCount) nodes")
        let table = ResultTable(
            columns: ["component", "size", "papers", "share"],
            rows: result.summaries(top: max(0, top)).map { row in
                [.int(row.index), .int(row.size), .int(row.papers), .double(row.share)]
            })
        try options.emit(.table(table))
    }
}
