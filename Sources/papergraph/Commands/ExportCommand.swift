import Analysis
import ArgumentParser
import Foundation
import GraphStore
import Rendering

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the whole graph for Gephi, Cytoscape, networkx or a spreadsheet.",
        discussion: """
            Formats: graphml, gexf (Gephi), json (networkx node-link), csv (writes
            FILE-nodes.csv and FILE-edges.csv), dot. Nodes carry kind, label, url and
            PageRank score; edges carry their weight (number of mentions).

            Example:
              papergraph export --format graphml -o graph.graphml
              papergraph export --format csv -o graph
            """
    )

    @Option(name: .long, help: "graphml, gexf, json, csv or dot.")
    var format: String = "graphml"

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file (for csv: the prefix).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("SQLite database file.", valueName: "path"))
    var db: String?

    @OptionGroup var graphOptions: GraphFilterOptions

    func run() throws {
        let exportFormat = try ExportFormat(parsing: format)
        let store = try GraphStore(path: db ?? GraphStore.defaultPath, mode: .readOnly)
        let graph = try graphOptions.load(store)
        let pagerank = graph.isEmpty ? [] : try Centrality.pageRank(graph).scores
        let nodes = (0..<graph.nodeCount).map { Int32($0) }
        let view = try ViewBuilder(graph: graph, store: store).view(
            name: "papergraph", candidates: nodes, importance: pagerank, maxNodes: max(1, graph.nodeCount))
        let files = Exporter.export(view, as: exportFormat)
        if files.count == 1, let file = files.first {
            try OutputSink(path: output).write(file.contents)
            return
        }
        guard let output else {
            for file in files { try OutputSink(path: nil).write(file.contents) }
            return
        }
        for file in files {
            try OutputSink(path: output + "-" + file.suffix).write(file.contents)
        }
    }
}
