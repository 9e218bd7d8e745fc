import ArgumentParser
import Extraction
import GraphStore

extension CodeStatus: ExpressibleByArgument {}

struct PapersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "papers",
        abstract: "List papers, optionally only those with released (or promised, or no) code.",
        discussion: """
            --with-code keeps papers whose code is released; --status picks any status
            instead. Newest first; each row carries the repositories and the sentence
            that decided the status.

            Example:
              papergraph papers --with-code --since 2025-03-01
              papergraph papers --status promised --format csv -o promised.csv
            """
    )

    @Flag(name: .long, help: "Only papers with released code (same as --status released).")
    var withCode = false

    @Option(name: .long, help: "Only papers with this code status: released, promised or none.")
    var status: CodeStatus?

    @Option(name: .long, help: ArgumentHelp("Only papers dated on or after this day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only papers dated on or before this day.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(name: .long, help: "Show at most this many papers.")
    var limit: Int?

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !DateArgument.isValid(value) {
                throw ValidationError("\(name) takes a date as YYYY-MM-DD (or YYYY-MM, YYYY), not \"\(value)\"")
            }
        }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        let wanted = status ?? (withCode ? .released : nil)
        let papers = try options.openStore().papers(
            status: wanted, since: since.map(DateArgument.lowerBound), until: until.map(DateArgument.upperBound),
            limit: limit)
        let table = ResultTable(
            columns: ["id", "date", "code", "title", "repos", "evidence"],
            rows: papers.map { paper in
                [
                    .text(paper.key), paper.date.map(ResultTable.Cell.text) ?? .null, .text(paper.codeStatus.rawValue),
                    .text(paper.title), .text(paper.repos.joined(separator: " ")),
                    paper.codeEvidence.map(ResultTable.Cell.text) ?? .null,
                ]
            })
        try options.emit(.table(table))
    }
}

/// Dates on the command line: YYYY-MM-DD, or a coarser YYYY-MM / YYYY meaning the whole period.
enum DateArgument {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let lengths = [4, 2, 2]
        guard (1...3).contains(parts.count) else { return false }
        for (index, part) in parts.enumerated() {
            guard part.count == lengths[index], part.allSatisfy(\.isNumber) else { return false }
        }
        if parts.count >= 2, let month = Int(parts[1]), !(1...12).contains(month) { return false }
        if parts.count == 3, let day = Int(parts[2]), !(1...31).contains(day) { return false }
        return true
    }

    static func lowerBound(_ text: String) -> String { text }

    /// `2025-03` as an upper bound means the end of March: compare against `2025-03-99`.
    static func upperBound(_ text: String) -> String {
        switch text.count {
        case 4: return text + "-99-99"
        case 7: return text + "-99"
        default: return text
        }
    }
}
