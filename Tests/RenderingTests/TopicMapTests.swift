import Testing

@testable import Rendering

@Suite struct TopicMapTests {
    static let topics = [
        TopicMap.TopicNode(number: 1, label: "video generation", papers: 40),
        TopicMap.TopicNode(number: 2, label: "speech recognition", papers: 20),
        TopicMap.TopicNode(number: 3, label: "molecules", papers: 10),
    ]
    static let links = [
        TopicMap.Link(topic: 1, target: "github.com/acme/shared", kind: "repo", papers: 12),
        TopicMap.Link(topic: 2, target: "github.com/acme/shared", kind: "repo", papers: 3),
        TopicMap.Link(topic: 1, target: "github.com/acme", kind: "owner", papers: 14),
        TopicMap.Link(topic: 3, target: "github.com/acme", kind: "owner", papers: 2),
        TopicMap.Link(topic: 2, target: "huggingface.co/datasets/acme/speech", kind: "artifact", papers: 5),
        TopicMap.Link(topic: 3, target: "acme.github.io/molecules", kind: "page", papers: 1),
    ]

    @Test func sharedTargetsAreNodesAndOwnTargetsAreCounted() {
        let view = TopicMap.view(topics: Self.topics, links: Self.links, maxNodes: 500)
        #expect(Set(view.nodes.map(\.id)) == ["topic:1", "topic:2", "topic:3", "github.com/acme/shared", "github.com/acme"])
        #expect(view.nodes.first { $0.id == "topic:2" }?.label.contains("+1 own target") == true)
        #expect(view.nodes.first { $0.id == "topic:1" }?.label.contains("own target") == false)
        #expect(view.edges.count == 4)
        let edge = view.edges.first { $0.from == "topic:1" && $0.to == "github.com/acme/shared" }
        #expect(edge?.weight == 12)
        #expect(edge?.attributes["color"] == NodeStyle.for(.repo).color)
        #expect(view.edges.first { $0.to == "github.com/acme" }?.attributes["color"] == NodeStyle.for(.owner).color)
        #expect(view.legend)
        #expect(view.kindsPresent == [.repo, .owner, .topic])
    }

    @Test func biggerTopicsAreBiggerNodes() throws {
        let view = TopicMap.view(topics: Self.topics, links: Self.links, maxNodes: 500)
        let widths = try ["topic:1", "topic:2", "topic:3"].map { id in
            try #require(Double(view.nodes.first { $0.id == id }?.attributes["width"] ?? ""))
        }
        #expect(widths[0] > widths[1] && widths[1] > widths[2])
    }

    @Test func nodeLimitKeepsLargestTopicsAndMostSharedTargets() {
        let view = TopicMap.view(topics: Self.topics, links: Self.links, maxNodes: 3)
        #expect(view.nodes.count <= 3)
        #expect(view.nodes.contains { $0.id == "topic:1" })
        #expect(!view.nodes.contains { $0.id == "topic:3" })
        #expect(view.note?.contains("not shown (max-nodes 3)") == true)
        #expect(view.danglingEdges.isEmpty)
    }

    @Test func noTopicsIsAnEmptyViewThatSaysSo() {
        let view = TopicMap.view(topics: [], links: [], maxNodes: 10)
        #expect(view.nodes.isEmpty)
        #expect(view.note?.contains("no topics") == true)
        #expect(DOTWriter().write(view).contains("empty graph"))
    }

    @Test func sameInputSameDOT() {
        let a = DOTWriter().write(TopicMap.view(topics: Self.topics, links: Self.links, maxNodes: 500))
        let b = DOTWriter().write(TopicMap.view(topics: Self.topics.reversed(), links: Self.links.reversed(), maxNodes: 500))
        #expect(a == b)
    }
}
