import Foundation

@testable import Rendering

/// Views written for the tests (no text from the shared corpora).
enum Fixtures {
    /// A title exercising every character that needs care in DOT, SVG, XML and CSV.
    static let nastyTitle =
        "Quote \" back\\slash \\N \\l, new\nline\ttab <lt> >gt & amp 'apos' {brace} |pipe| naïve 数学 🚀 end"

    /// 500 characters of words.
    static let longTitle: String = {
        let words = ["graph", "neural", "diffusion", "transformers", "for", "sparse", "retrieval", "augmented", "reasoning"]
        var text = ""
        var i = 0
        while text.count < 500 {
            text += (text.isEmpty ? "" : " ") + words[i % words.count]
            i += 1
        }
        return String(text.prefix(500))
    }()

    static func small() -> GraphView {
        GraphView(
            name: "small",
            nodes: [
                ViewNode(id: "2401.00001", label: "A Small Paper About Graphs", kind: .paper,
                         url: ViewNode.defaultURL(kind: .paper, key: "2401.00001"), score: 0.9),
                ViewNode(id: "2401.00002", label: "Another Paper", kind: .paper,
                         url: ViewNode.defaultURL(kind: .paper, key: "2401.00002"), score: 0.1),
                ViewNode(id: "github.com/acme/tool", label: "acme/tool", kind: .repo,
                         url: ViewNode.defaultURL(kind: .repo, key: "github.com/acme/tool"), score: 0.5),
                ViewNode(id: "github.com/acme", label: "acme", kind: .owner,
                         url: ViewNode.defaultURL(kind: .owner, key: "github.com/acme")),
            ],
            edges: [
                ViewEdge(from: "2401.00001", to: "github.com/acme/tool", weight: 3),
                ViewEdge(from: "2401.00002", to: "github.com/acme/tool", weight: 1),
                ViewEdge(from: "github.com/acme/tool", to: "github.com/acme"),
                ViewEdge(from: "2401.00002", to: "2401.00001", weight: 1),
            ],
            note: "2 nodes not shown (max-nodes 4)")
    }

    static func nasty() -> GraphView {
        GraphView(
            name: "nasty \"graph\"",
            nodes: [
                ViewNode(id: "p\"1\\", label: nastyTitle, kind: .paper, url: "https://example.org/a?b=1&c=<2>", score: 1),
                ViewNode(id: "long", label: longTitle, kind: .paper, score: 0),
                ViewNode(id: "node", label: "keyword id", kind: .topic),
                ViewNode(id: "ctl\u{01}\u{7F}x", label: "bell\u{07}here", kind: .artifact, cluster: "c&1"),
            ],
            edges: [
                ViewEdge(from: "p\"1\\", to: "long", weight: 2, label: "cites <this> & \"that\""),
                ViewEdge(from: "node", to: "ctl\u{01}\u{7F}x"),
            ],
            clusters: [ViewCluster(id: "c&1", label: "Cluster <one> & \"two\"")],
            note: "note with <angle> & ampersand")
    }

    /// Deterministic pseudo-random view: `count` nodes of mixed kinds, ~1.5 edges per node.
    static func generated(count: Int, name: String = "generated") -> GraphView {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let kinds: [NodeKind] = [.paper, .paper, .paper, .repo, .repo, .owner, .page, .artifact]
        var nodes: [ViewNode] = []
        for i in 0..<count {
            let kind = kinds[Int(next() % UInt64(kinds.count))]
            nodes.append(ViewNode(id: "n\(i)", label: "Node \(i) of kind \(kind.rawValue)", kind: kind,
                                  score: Double(next() % 1000) / 1000))
        }
        var edges: [ViewEdge] = []
        for i in 1..<max(count, 1) {
            edges.append(ViewEdge(from: "n\(i)", to: "n\(Int(next() % UInt64(i)))", weight: Double(1 + next() % 5)))
            if next() % 2 == 0 {
                edges.append(ViewEdge(from: "n\(i)", to: "n\(Int(next() % UInt64(count)))"))
            }
        }
        return GraphView(name: name, nodes: nodes, edges: edges, legend: true)
    }
}

extension Data {
    func hasPrefix(_ bytes: [UInt8]) -> Bool { count >= bytes.count && Array(prefix(bytes.count)) == bytes }
    var utf8String: String { String(decoding: self, as: UTF8.self) }
}
