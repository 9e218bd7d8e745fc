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

            Example:
              papergraph shared-repos --min-papers 2
              papergraph shared-repos --by owner --format json
            """
    )

    @Option(name: .long, help: "Group by repo or owner.")
    var by: SharedGrouping = .repo

    @Option(name: .long, help: "Only targets mentioned by at least this many papers.")
    var minPapers: Int = 2

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if minPapers < 1 { throw ValidationError("--min-papers must be at least 1") }
    }

    func run() throws {
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
}
