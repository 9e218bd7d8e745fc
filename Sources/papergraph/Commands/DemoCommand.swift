import ArgumentParser
import Foundation

/// One picture of the gallery: `papergraph render <arguments>` saved as `<file>.dot` and `<file>.svg`.
struct GalleryView {
    var file: String
    var arguments: [String]
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Ingest the bundled sample, show what it holds, and write the Graphs/ gallery.",
        discussion: """
            Reads the sample corpus (Graphs/sample/ under the current directory, or
            --sample DIR) into a scratch database, prints its stats, the repositories
            and owners several papers share, the papers with code and those that only
            promise it, then writes the DOT and SVG of every view plus a GraphML export
            of the whole graph into --out (default Graphs/). Same sample, same bytes.

            Example:
              papergraph demo
              papergraph demo --sample Graphs/sample --out /tmp/gallery --db /tmp/sample.sqlite
            """
    )

    /// The sample's input files, in ingest order.
    static let sampleInputs = ["hf-papers-page.txt", "arxiv-listing.jsonl", "daily-papers.json"]

    /// The gallery. Add a view here and it is rendered, listed and checked by the
    /// regeneration test (Tests/PapergraphCLITests/GalleryTests.swift).
    static let views: [GalleryView] = [
        GalleryView(file: "shared-repos", arguments: ["shared-repos"]),
        GalleryView(file: "top", arguments: ["top"]),
        GalleryView(file: "code", arguments: ["code"]),
        GalleryView(file: "ego-attention", arguments: ["ego", "1706.03762"]),
        GalleryView(file: "topics", arguments: ["topics"]),
    ]

    /// The whole graph for Gephi or Cytoscape.
    static let graphMLFile = "sample-graph.graphml"

    @Option(name: .long, help: ArgumentHelp("The sample corpus directory.", valueName: "dir"))
    var sample: String = "Graphs/sample"

    @Option(name: .long, help: ArgumentHelp("Where the gallery goes (the directory must exist).", valueName: "dir"))
    var out: String = "Graphs"

    @Option(name: .long, help: ArgumentHelp("Keep the sample database here instead of a scratch file.", valueName: "path"))
    var db: String?

    func run() throws {
        let inputs = Self.sampleInputs.map { (sample as NSString).appendingPathComponent($0) }
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw CLIError.inputFile(
                "the sample corpus is not at \(sample) (missing \(input)). Run papergraph demo from the papergraph checkout, or pass --sample DIR.")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError.invalidArgument("the gallery directory \(out) does not exist; create it or pass --out DIR.")
        }

        let scratch = db == nil ? try ScratchDirectory() : nil
        let database = db ?? scratch?.path("demo.sqlite") ?? "demo.sqlite"
        defer { scratch?.remove() }

        section("papergraph ingest \(inputs.joined(separator: " "))")
        try run(IngestCommand.self, ["--quiet", "--db", database] + inputs)
        section("papergraph stats")
        try run(StatsCommand.self, ["--db", database])
        section("papergraph shared-repos --min-papers 2")
        try run(SharedReposCommand.self, ["--db", database, "--min-papers", "2"])
        section("papergraph shared-repos --by owner --min-papers 2")
        try run(SharedReposCommand.self, ["--db", database, "--by", "owner", "--min-papers", "2"])
        section("papergraph papers --with-code")
        try run(PapersCommand.self, ["--db", database, "--with-code"])
        section("papergraph papers --status promised")
        try run(PapersCommand.self, ["--db", database, "--status", "promised"])

        section("papergraph render → \(out)/ (DOT and SVG of each view) and export → \(Self.graphMLFile)")
        var written: [String] = []
        for view in Self.views {
            for format in ["dot", "svg"] {
                let path = (out as NSString).appendingPathComponent("\(view.file).\(format)")
                try run(RenderCommand.self, view.arguments + ["--db", database, "--format", format, "-o", path])
                written.append(path)
            }
        }
        let graphML = (out as NSString).appendingPathComponent(Self.graphMLFile)
        try run(ExportCommand.self, ["--db", database, "--format", "graphml", "-o", graphML])
        written.append(graphML)
        say(written.joined(separator: "\n") + "\n")
    }

    /// Runs another subcommand in this process, exactly as `papergraph <name> <arguments>` would.
    private func run<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) throws {
        var command = try type.parse(arguments)
        try command.run()
    }

    private func section(_ title: String) {
        say("\n== \(title)\n")
    }

    /// Straight to file descriptor 1, like the commands' own output, so the two never reorder.
    private func say(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// A temporary directory for the demo database, removed when the demo ends.
private struct ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("papergraph-demo-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw CLIError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
