import Analysis
import ArgumentParser
import Foundation
import GraphStore
import Rendering

enum RenderView: String, CaseIterable, ExpressibleByArgument {
    case sharedRepos = "shared-repos"
    case ego
    case top
    case code
    case topics
}

enum RenderFormat: String, CaseIterable, ExpressibleByArgument {
    case dot, svg, png, pdf
}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a view of the graph as DOT, SVG, PNG or PDF through libgvc (in-process Graphviz).",
        discussion: """
            Views:
              shared-repos  repositories used by at least --min-papers papers, with them
              ego PAPER     a paper's neighbourhood up to --depth steps
              top           the --top highest PageRank nodes and the edges among them
              code          papers coloured by code status, clustered by month
              topics        the topic-link map: topics and the targets their papers
                            share (--topics keyphrases|categories; see `papergraph topics`)
            Past --max-nodes the most important nodes are kept and the picture says
            how many were dropped. Layouts: dot, neato, fdp, sfdp, circo, twopi.

            Example:
              papergraph render shared-repos --format svg -o shared.svg
              papergraph render ego 1706.03762 --depth 2 --layout neato --format png -o ego.png
              papergraph render topics --topics categories --layout sfdp -o topics.svg
            """
    )

    @Argument(help: "View: shared-repos, ego, top, code, topics.")
    var view: RenderView

    @Argument(help: ArgumentHelp("The paper for the ego view.", valueName: "paper"))
    var paper: String?

    @Option(name: .long, help: "Layout engine: dot, neato, fdp, sfdp, circo, twopi.")
    var layout: String = "dot"

    @Option(name: .long, help: "dot, svg, png or pdf.")
    var format: RenderFormat = .svg

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file (stdout when omitted).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("SQLite database file.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: "Keep at most this many nodes.")
    var maxNodes: Int = 500

    @Option(name: .long, help: "shared-repos: only repositories used by at least this many papers.")
    var minPapers: Int = 2

    @Option(name: .long, help: "ego: how many steps from the paper.")
    var depth: Int = 2

    @Option(name: .long, help: "top: how many nodes.")
    var top: Int = 50

    @Option(name: .customLong("topics"), help: "topics: keyphrases or categories (arXiv primary categories).")
    var topicSource: TopicSource = .keyphrases

    func validate() throws {
        if maxNodes < 1 { throw ValidationError("--max-nodes must be at least 1") }
        if view == .ego && paper == nil { throw ValidationError("the ego view needs a PAPER (arXiv id or title words)") }
        if depth < 1 { throw ValidationError("--depth must be at least 1") }
    }

    func run() throws {
        let layout = try Layout(parsing: layout)
        let store = try GraphStore(path: db ?? GraphStore.defaultPath, mode: .readOnly)
        let graphView: GraphView
        if view == .topics {
            graphView = try ViewBuilder.topicMap(store: store, source: topicSource, maxNodes: maxNodes)
        } else {
            let graph = try GraphLoader.load(from: store.database)
            let builder = ViewBuilder(graph: graph, store: store)
            // shared-repos sizes nodes by how many papers use them; the other views need PageRank.
            let pagerank = graph.isEmpty || view == .sharedRepos ? [] : try Centrality.pageRank(graph).scores
            graphView = try makeView(graph: graph, store: store, builder: builder, pagerank: pagerank)
        }
        let dot = DOTWriter().write(graphView)
        let data: Data
        switch format {
        case .dot: data = Data(dot.utf8)
        case .svg, .png, .pdf:
            let rendered = try GraphvizRenderer().render(dot: dot, layout: layout, format: Rendering.OutputFormat(parsing: format.rawValue))
            data = rendered.data
        }
        try OutputSink(path: output).write(data)
    }

    private func makeView(graph: PaperGraph, store: GraphStore, builder: ViewBuilder, pagerank: [Double]) throws -> GraphView {
        let nodes = (0..<graph.nodeCount).map { Int32($0) }
        switch view {
        case .top:
            return try builder.view(name: "top", candidates: nodes, importance: pagerank, maxNodes: min(top, maxNodes))
        case .sharedRepos:
            let selection = SharedReposSelection(graph: graph, minPapers: minPapers, maxNodes: maxNodes)
            var view = try builder.view(
                name: "shared_repos", candidates: selection.nodes, importance: selection.importance, maxNodes: maxNodes)
            if selection.dropped > 0 { view.note = "\(selection.dropped) nodes not shown (max-nodes \(maxNodes))" }
            return view
        case .ego:
            let center = try graph.node(forPaperOrTarget: paper ?? "", store: store)
            var distance: [Int32: Int] = [center: 0]
            var frontier = [center]
            for step in 1...depth {
                var next: [Int32] = []
                for node in frontier {
                    for neighbour in graph.successors(of: node) + graph.predecessors(of: node) where distance[neighbour] == nil {
                        distance[neighbour] = step
                        next.append(neighbour)
                    }
                }
                frontier = next
            }
            var importance = [Double](repeating: 0, count: graph.nodeCount)
            for (node, hops) in distance { importance[Int(node)] = Double(depth + 1 - hops) + (pagerank.isEmpty ? 0 : pagerank[Int(node)]) }
            return try builder.view(name: "ego", candidates: Array(distance.keys), importance: importance, maxNodes: maxNodes)
        case .topics:
            return try ViewBuilder.topicMap(store: store, source: topicSource, maxNodes: maxNodes)
        case .code:
            let papers = try store.papers(status: nil, since: nil)
            var clusters: [Int32: String] = [:]
            var colour: [Int32: String] = [:]
            for paper in papers {
                guard let node = graph.node(forPaperID: paper.id) else { continue }
                clusters[node] = "cluster_" + (paper.date.map { String($0.prefix(7)) } ?? "undated").replacingOccurrences(of: "-", with: "_")
                colour[node] = paper.codeStatus.rawValue
            }
            var importance = [Double](repeating: 0, count: graph.nodeCount)
            for node in clusters.keys { importance[Int(node)] = pagerank.isEmpty ? 1 : pagerank[Int(node)] }
            var view = try builder.view(
                name: "code", candidates: Array(clusters.keys), importance: importance, maxNodes: maxNodes,
                clusters: clusters,
                clusterLabels: Dictionary(uniqueKeysWithValues: Set(clusters.values).map { ($0, String($0.dropFirst(8)).replacingOccurrences(of: "_", with: "-")) }))
            // Every node is a paper, so the legend shows the statuses instead of the kinds.
            let statuses = [
                LegendEntry(name: "released", color: "#009E73", fillColor: "#CDEFE4"),
                LegendEntry(name: "promised", color: "#D55E00", fillColor: "#FBE0C4"),
                LegendEntry(name: "none", color: "#8C8C8C", fillColor: "#EEEEEE"),
            ]
            let statusByID = Dictionary(uniqueKeysWithValues: papers.map { ($0.key, $0.codeStatus.rawValue) })
            for index in view.nodes.indices {
                if let status = statusByID[view.nodes[index].id], let style = statuses.first(where: { $0.name == status }) {
                    view.nodes[index].attributes["color"] = style.color
                    view.nodes[index].attributes["fillcolor"] = style.fillColor
                    view.nodes[index].label += " [\(status)]"
                }
            }
            view.legend = false
            view.legendEntries = statuses
            return view
        }
    }
}
