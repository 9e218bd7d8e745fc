import Analysis
import ArgumentParser
import GraphStore

extension TrendGranularity: ExpressibleByArgument {}

struct CodeTrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code-trend",
        abstract: "Share of papers with released, promised and no code per month or year.",
        discussion: """
            Example:
              papergraph code-trend --by month --category cs.CV
            """
    )

    @Option(name: .long, help: "month or year.")
    var by: TrendGranularity = .month

    @Option(name: .long, help: ArgumentHelp("Only papers in this arXiv category (repeatable).", valueName: "category"))
    var category: [String] = []

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let trend = try CodeTrends.compute(in: options.openStore().database, granularity: by, categories: category)
        let table = ResultTable(
            columns: ["period", "papers", "released", "promised", "none", "released_share", "promised_share", "none_share"],
            rows: (trend.rows + [trend.totals]).map { row in
                [
                    .text(row.period), .int(row.papers), .int(row.released), .int(row.promised), .int(row.none),
                    .double(row.releasedShare), .double(row.promisedShare), .double(row.noneShare),
                ]
            })
        try options.emit(.table(table))
    }
}
