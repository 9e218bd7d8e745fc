import Analysis
import GraphStore
import Rendering

/// Turns a chosen set of graph nodes into a `GraphView`: labels looked up once, the edges
/// among the chosen nodes, and a note when the node limit dropped some.
struct ViewBuilder {
    var graph: PaperGraph
    var store: GraphStore

    /// Keeps the `maxNodes` best nodes of `candidates` by `importance`, then builds the view.
    func view(
        name: String, candidates: [Int32], importance: [Double], maxNodes: Int, clusters: [Int32: String] = [:],
        clusterLabels: [String: String] = [:]
    ) throws -> GraphView {
        let ordered = candidates.sorted { a, b in
            let sa = importance[Int(a)], sb = importance[Int(b)]
            return sa != sb ? sa > sb : a < b
        }
        let kept = Array(ordered.prefix(maxNodes))
        let keptSet = Set(kept)
        let labels = try graph.labels(for: kept, in: store.database)
        func id(_ node: Int32) -> String {
            guard let label = labels[node] else { return "n\(node)" }
            return label.kind == .paper ? (label.key ?? label.text) : label.text
        }
        var nodes: [ViewNode] = []
        for node in kept {
            let label = labels[node]
            let kind = Rendering.NodeKind(storeKind: graph.kinds[Int(node)] == .paperRef ? "paper" : graph.kinds[Int(node)].rawValue) ?? .page
            nodes.append(ViewNode(
                id: id(node), label: label?.text ?? id(node), kind: kind, url: label?.url, tooltip: label?.text,
                score: importance[Int(node)], cluster: clusters[node]))
        }
        var edges: [ViewEdge] = []
        for node in kept {
            let start = graph.outOffsets[Int(node)]
            for offset in start..<graph.outOffsets[Int(node) + 1] where keptSet.contains(graph.outTargets[offset]) {
                edges.append(ViewEdge(from: id(node), to: id(graph.outTargets[offset]), weight: graph.outWeights[offset]))
            }
        }
        let usedClusters = Set(nodes.compactMap(\.cluster)).sorted()
        let dropped = candidates.count - kept.count
        return GraphView(
            name: name, nodes: nodes, edges: edges,
            clusters: usedClusters.map { ViewCluster(id: $0, label: clusterLabels[$0] ?? $0) },
            note: dropped > 0 ? "\(dropped) nodes not shown (max-nodes \(maxNodes))" : (kept.isEmpty ? "no nodes match" : nil))
    }
}

extension ViewBuilder {
    /// The topic-link map of the current topics of `source` (computed and stored first when needed).
    static func topicMap(store: GraphStore, source: TopicSource, maxNodes: Int) throws -> GraphView {
        let run = try TopicOptions.current(store, source: source)
        let links = try TopicCatalog.links(of: run, in: store)
        return TopicMap.view(
            topics: run.topics.map {
                TopicMap.TopicNode(number: $0.number, label: TopicsListCommand.label($0, source: run.source, phrases: 2), papers: $0.size)
            },
            links: links.map { TopicMap.Link(topic: $0.topic, target: $0.target, kind: $0.kind, papers: $0.papers) },
            maxNodes: maxNodes)
    }
}
