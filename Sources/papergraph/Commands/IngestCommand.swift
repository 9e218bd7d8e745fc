import ArgumentParser
import Corpus
import Extraction
import Foundation
import GraphStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read paper listings into the database, extracting every link with its evidence.",
        discussion: """
            Formats are detected from content: Hugging Face Papers page dumps, arXiv
            JSON Lines (listing or Kaggle snapshot shape) and Hugging Face
            daily-papers JSON. `-` reads stdin.

            Re-ingesting a file changes nothing; a paper seen again (same arXiv id, or
            the same normalized title) is merged into one paper, newer values winning
            and absent values never erasing known ones. The whole run is one
            transaction: if it fails or is killed, the database stays as it was.
            Malformed records are reported with file:line and skipped (exit status 2);
            with --strict nothing is stored if any record is malformed.

            Example:
              papergraph ingest --db graph.sqlite ../shared/corpora/*.jsonl Graphs/sample/hf-papers-page.txt
            """
    )

    @Argument(help: ArgumentHelp("Input files (`-` for stdin).", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("SQLite database file (default $PAPERGRAPH_DB, then papergraph.sqlite).", valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Store nothing if any record is malformed.")
    var strict = false

    @Flag(name: .long, help: "No progress lines on stderr.")
    var quiet = false

    @Flag(name: .long, help: "Print the wall time of each ingest step on stderr (load, references, ...).")
    var timings = false

    @Option(name: .long, help: "Summary format: table or json.")
    var format: OutputFormat = .table

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the summary to this file.", valueName: "file"))
    var output: String?

    func run() throws {
        try InputFiles.check(files)
        let store = try GraphStore(path: db ?? GraphStore.defaultPath, mode: .readWrite)
        let sources = files.map { file in
            IngestSource(name: file) {
                let reader = try RecordReader(path: file)
                return AnyIterator { reader.next() }
            }
        }
        let quiet = quiet
        // Benchmarks only (Benchmarks/run-ingest.sh): how long ingest takes without reference resolution.
        let skipReferences = ProcessInfo.processInfo.environment["PAPERGRAPH_BENCH_NO_REFERENCES"] == "1"
        let options = IngestOptions(strict: strict, resolveReferences: !skipReferences)
        let summary = try store.ingest(sources, options: options) { progress in
            guard !quiet else { return }
            let rate = progress.elapsed > 0 ? Double(progress.papers) / progress.elapsed : 0
            Console.info("ingest: \(progress.papers) records, \(Int(rate)) records/s (\(progress.source))")
        }
        if timings {
            for phase in summary.phases {
                Console.info("timing \(phase.name): \(String(format: "%.3f", phase.seconds)) s")
            }
        }
        // The summary lists the first skipped records too; stderr gets them all only when few,
        // so a wrong file (say, pretty-printed JSON) does not bury the terminal.
        for issue in summary.skipped.prefix(50) { Console.warn("skipped \(issue.description)") }
        if summary.skipped.count > 50 { Console.warn("… and \(summary.skipped.count - 50) more skipped records") }
        try OutputSink(path: output).write(format.formatter.format(Self.render(summary, path: store.path)))
        if !summary.skipped.isEmpty { throw CLIError.recordsSkipped(count: summary.skipped.count) }
    }

    static func render(_ summary: IngestSummary, path: String) -> CommandOutput {
        let kinds = LinkKind.allCases.map { kind in (kind.rawValue, summary.linksByKind[kind] ?? 0) }
        var text = "Ingested \(summary.sources.count) file(s) into \(path) in \(String(format: "%.2f", summary.elapsed)) s"
        text += " (\(Int(summary.papersPerSecond)) records/s)\n"
        text += "  records read      \(summary.records)\n"
        text += "  papers new        \(summary.papersNew)\n"
        text += "  papers updated    \(summary.papersUpdated)\n"
        text += "  papers unchanged  \(summary.papersUnchanged)  (already stored, or repeated in the input)\n"
        text += "  links by kind     " + kinds.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "\n"
        text += "  mentions          \(summary.mentions)\n"
        text += "  records skipped   \(summary.skipped.count)\n"
        for issue in summary.skipped.prefix(20) { text += "    \(issue.description)\n" }
        if summary.skipped.count > 20 { text += "    … \(summary.skipped.count - 20) more\n" }
        var links: [String: JSONValue] = [:]
        for (kind, count) in kinds { links[kind] = .int(count) }
        let json: JSONValue = .object([
            "database": .string(path),
            "sources": .array(summary.sources.map(JSONValue.string)),
            "records": .int(summary.records),
            "papers_new": .int(summary.papersNew),
            "papers_updated": .int(summary.papersUpdated),
            "papers_unchanged": .int(summary.papersUnchanged),
            "links_by_kind": .object(links),
            "mentions": .int(summary.mentions),
            "skipped": .array(summary.skipped.map { .string($0.description) }),
        ])
        return .document(text: text, json: json)
    }
}
