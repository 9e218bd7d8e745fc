import Analysis
import ArgumentParser
import GraphStore

extension TrendGranularity: ExpressibleByArgument {}

struct CodeTrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code-trend",
        abstract: "Share of papers with released, promised and no code per month or year.",
        discussion: """
            followups counts promised → released follow-ups: a paper whose code was
            promised in one record and linked in a later record of the same paper
            (counted in the period of that later record). --list-followups prints
            those papers instead, with the record that brought the link. Follow-ups
            are recorded by ingests from schema v3 on.

            Example:
              papergraph code-trend --by month --category cs.CV
              papergraph code-trend --list-followups --since 2025-06
            """
    )

    @Option(name: .long, help: "month or year.")
    var by: TrendGranularity = .month

    @Option(name: .long, help: ArgumentHelp("Only papers in this arXiv category (repeatable).", valueName: "category"))
    var category: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only papers dated on or after (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only papers dated on or before (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var until: String?

    @Flag(name: .long, help: "List the papers with a promised → released follow-up instead of the trend.")
    var listFollowups = false

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let trend = try CodeTrends.compute(
            in: options.openStore().database, granularity: by, categories: category, since: since, until: until)
        if listFollowups {
            let table = ResultTable(
                columns: ["paper", "date", "from", "to", "source", "title"],
                rows: trend.followUps.map { followUp in
                    [
                        .text(followUp.key), followUp.date.map(ResultTable.Cell.text) ?? .null, .text("promised"),
                        .text("released"), .text("\(followUp.sourceFile):\(followUp.sourceLine)"), .text(followUp.title),
                    ]
                })
            try options.emit(.table(table))
            return
        }
        let table = ResultTable(
            columns: [
                "period", "papers", "released", "promised", "none", "followups", "released_share", "promised_share",
                "none_share",
            ],
            rows: (trend.rows + [trend.totals]).map { row in
                [
                    .text(row.period), .int(row.papers), .int(row.released), .int(row.promised), .int(row.none),
                    .int(row.followUps), .double(row.releasedShare), .double(row.promisedShare), .double(row.noneShare),
                ]
            })
        try options.emit(.table(table))
    }
}
