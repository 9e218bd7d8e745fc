import ArgumentParser
import Corpus
import Extraction
import Foundation
import GraphStore

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the links and code status found in each paper, without a database.",
        discussion: """
            Reads Hugging Face Papers page dumps, arXiv JSON Lines (listing or Kaggle
            snapshot shape) or Hugging Face daily-papers JSON (detected from content;
            `-` reads stdin) and prints one JSON object per paper per line:

              {"code":{…},"id":…,"links":[…],"source":"file:line","title":…}

            Each link has kind (repo, owner, artifact, paper, page), the canonical
            target, and the first mention's text, field, start, end and rule;
            `mentions` lists every place the target is written. Offsets count
            Unicode scalars, so Python's field[start:end] == text. `code` holds
            status (released, promised, none) and the deciding sentence. A paper
            that appears twice in the input is printed once (first occurrence).

            `references` lists the other papers each abstract refers to, as records
            {"kind":"paper-mention","rule":…,"text":…,"field":…,"start":…,"end":…,
            "resolved":…,"known":…,"cited_text":…}: rule identifier (an arXiv id or
            DOI), name (a short name another paper claims), author-year or title.
            `resolved` is the referred paper's key (for an arXiv id, the id itself),
            `known` whether that paper is among the inputs (or in --db). Names and
            citations resolve against all inputs together, so the inputs are read
            twice more (stdin is kept in a temporary file); --no-references skips it.

            Example:
              papergraph extract Graphs/sample/arxiv-listing.jsonl | head -3
              papergraph extract --format table page.txt
              papergraph extract new.jsonl --db graph.sqlite   # names resolve against the store too
            """
    )

    @Argument(help: ArgumentHelp("Input files (`-` for stdin).", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: "Output format: jsonl (default), json, table, csv.")
    var format: OutputFormat = .jsonl

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Stop at the first malformed record and print nothing.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Also resolve references against the papers in this database.", valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Leave out paper references (one pass over the inputs, no `references` key).")
    var noReferences = false

    func validate() throws {
        if noReferences && db != nil { throw ValidationError("--db only serves references; drop --no-references or --db") }
    }

    func run() throws {
        try InputFiles.check(files)
        let store = try db.map { try GraphStore(path: $0, mode: .readOnly) }
        let (inputs, cleanup) = try ExtractInput.prepare(files, rereadable: !noReferences)
        defer { cleanup() }
        let references = noReferences ? nil : try ExtractReferences.build(inputs: inputs, store: store, strict: strict)
        var seen = Set<String>()
        var papers: [JSONValue] = []
        var rows: [[ResultTable.Cell]] = []
        var skipped = 0
        let sink = OutputSink(path: output)
        var streamed = ""
        for input in inputs {
            let reader = try input.reader()
            for result in reader {
                switch result {
                case .failure(let issue):
                    if strict { throw CLIError.inputFile("--strict: \(issue.description)") }
                    Console.warn(issue.description)
                    skipped += 1
                case .success(let record):
                    guard seen.insert(record.id).inserted else { continue }
                    let extraction = extract(record)
                    let mentions = references?.mentions(for: record, extraction: extraction)
                    switch format {
                    case .jsonl:
                        streamed += ExtractJSON.paper(record, extraction, references: mentions).compact + "\n"
                        if !strict, output == nil, streamed.utf8.count > 1 << 20 {
                            try sink.write(streamed)
                            streamed = ""
                        }
                    case .json:
                        papers.append(ExtractJSON.paper(record, extraction, references: mentions))
                    case .table, .csv:
                        rows += ExtractJSON.rows(record, extraction)
                            + ExtractJSON.rows(record, mentions ?? [], code: extraction.code.status)
                    }
                }
            }
        }
        switch format {
        case .jsonl: try sink.write(streamed)
        case .json: try sink.write(JSONValue.array(papers).pretty + "\n")
        case .table, .csv:
            let table = ResultTable(
                columns: ["paper", "kind", "target", "field", "start", "end", "rule", "text", "code"], rows: rows)
            try sink.write(format.formatter.format(.table(table)))
        }
        if skipped > 0 { throw CLIError.recordsSkipped(count: skipped) }
    }
}

/// The `extract` JSON contract. Keep it stable: other tools and our accuracy checks read it.
enum ExtractJSON {
    static func paper(_ record: PaperRecord, _ extraction: PaperExtraction, references: [PaperMention]? = nil) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(record.id),
            "title": .string(record.title),
            "source": .string(record.source.description),
            "format": .string(record.format.rawValue),
            "links": .array(extraction.links.map(link)),
            "code": code(extraction.code),
        ]
        object["arxiv_id"] = .optional(record.arxivID)
        object["date"] = .optional(record.date)
        if let references { object["references"] = .array(references.map(reference)) }
        return .object(object)
    }

    /// One `paper-mention` record (see the command's discussion and README).
    static func reference(_ mention: PaperMention) -> JSONValue {
        .object([
            "kind": .string(mention.kind),
            "rule": .string(mention.rule),
            "text": .string(mention.text),
            "field": .string(mention.field),
            "start": .int(mention.start),
            "end": .int(mention.end),
            "resolved": .optional(ExtractReferences.resolvedKey(mention)),
            "known": .bool(mention.resolvedID != nil),
            "cited_text": .optional(mention.citedText),
        ])
    }

    static func rows(_ record: PaperRecord, _ mentions: [PaperMention], code: CodeStatus) -> [[ResultTable.Cell]] {
        mentions.map { mention in
            [
                .text(record.id), .text(mention.kind), .text(ExtractReferences.resolvedKey(mention) ?? ""),
                .text(mention.field), .int(mention.start), .int(mention.end), .text(mention.rule), .text(mention.text),
                .text(code.rawValue),
            ]
        }
    }

    static func link(_ link: Link) -> JSONValue {
        var object: [String: JSONValue] = [
            "kind": .string(link.kind.rawValue),
            "target": .string(link.target),
            "mentions": .array(link.mentions.map(mention)),
        ]
        if let first = link.mentions.first {
            if case .object(let fields) = mention(first) {
                object.merge(fields) { current, _ in current }
            }
        }
        return .object(object)
    }

    static func mention(_ mention: Mention) -> JSONValue {
        .object([
            "text": .string(mention.text),
            "start": .int(mention.start),
            "end": .int(mention.end),
            "field": .string(mention.field),
            "rule": .string(mention.rule),
        ])
    }

    static func code(_ code: CodeVerdict) -> JSONValue {
        var object: [String: JSONValue] = [
            "status": .string(code.status.rawValue),
            "evidence": .optional(code.evidence),
        ]
        if let field = code.field { object["field"] = .string(field) }
        if let start = code.start { object["start"] = .int(start) }
        if let end = code.end { object["end"] = .int(end) }
        if let rule = code.rule { object["rule"] = .string(rule) }
        return .object(object)
    }

    static func rows(_ record: PaperRecord, _ extraction: PaperExtraction) -> [[ResultTable.Cell]] {
        extraction.links.flatMap { link in
            link.mentions.map { mention in
                [
                    .text(record.id), .text(link.kind.rawValue), .text(link.target), .text(mention.field),
                    .int(mention.start), .int(mention.end), .text(mention.rule), .text(mention.text),
                    .text(extraction.code.status.rawValue),
                ]
            }
        }
    }
}

/// Checks input paths up front, so a typo fails before any work (and before the database is touched).
enum InputFiles {
    static func check(_ files: [String]) throws {
        if files.isEmpty { throw CLIError.invalidArgument("no input files given") }
        for file in files where file != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
                throw CLIError.inputFile("\(file): no such file")
            }
            if isDirectory.boolValue {
                throw CLIError.inputFile("\(file) is a directory; pass the files inside it (e.g. \(file)/*.jsonl)")
            }
        }
    }
}
