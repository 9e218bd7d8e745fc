import Foundation
import Testing

@testable import Rendering

/// In-process renders must not depend on what the process did before. cgraph's default ID
/// discipline numbered named objects by the address of their name, and clusters are laid out
/// in ID order, so a view with clusters drew differently once the heap had been churned (the
/// gallery's `code` view changed on every `papergraph demo`).
@Suite struct DeterminismTests {
    static func clustered() -> GraphView {
        let months = ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06", "2023-07", "2023-08"]
        var nodes: [ViewNode] = []
        var edges: [ViewEdge] = []
        for (index, month) in months.enumerated() {
            for k in 0..<3 {
                nodes.append(ViewNode(id: "p\(index)-\(k)", label: "Paper \(k) of \(month)", kind: .paper, cluster: month))
            }
            if index > 0 { edges.append(ViewEdge(from: "p\(index)-0", to: "p\(index - 1)-1")) }
        }
        nodes.append(ViewNode(id: "lonely", label: "Lonely paper", kind: .paper, cluster: "undated"))
        return GraphView(
            name: "clustered", nodes: nodes, edges: edges,
            clusters: months.map { ViewCluster(id: $0, label: $0) } + [ViewCluster(id: "undated", label: "undated")])
    }

    @Test func clusteredViewIsTheSameAfterOtherWork() throws {
        let renderer = GraphvizRenderer()
        let view = Self.clustered()
        let first = try renderer.render(view, layout: .dot, format: .svg).data
        // Churn the heap the way a long-running process does: other renders, strings of many sizes.
        var keep: [String] = []
        for round in 0..<20 {
            _ = try renderer.render(Fixtures.generated(count: 30 + round, name: "churn\(round)"), layout: .dot, format: .svg)
            for size in stride(from: 1, to: 400, by: 7) where (size + round) % 3 == 0 {
                keep.append(String(repeating: "x", count: size + round))
            }
            if round % 2 == 0 { keep.removeFirst(keep.count / 2) }
        }
        for _ in 0..<5 {
            #expect(try renderer.render(view, layout: .dot, format: .svg).data == first)
        }
        #expect(!keep.isEmpty)
    }

    @Test func nodeAndClusterNamesSurviveTheIDDiscipline() throws {
        let svg = try GraphvizRenderer().render(Self.clustered(), layout: .dot, format: .svg).data.utf8String
        #expect(svg.contains("<title>p3&#45;1</title>"))
        #expect(svg.contains("<title>cluster_2023&#45;05</title>"))
        #expect(svg.contains("<title>p3&#45;0&#45;&gt;p2&#45;1</title>"))
    }
}
