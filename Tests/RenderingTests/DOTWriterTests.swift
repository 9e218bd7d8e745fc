import Foundation
import Testing

@testable import Rendering

@Suite struct TextEscapingTests {
    @Test func wrapsOnWordBoundaries() {
        let lines = TextEscaping.wrap("Attention is all you need for sparse graph retrieval today", width: 20, maxLines: 4)
        #expect(lines == ["Attention is all you", "need for sparse", "graph retrieval", "today"])
    }

    @Test func truncatesBeyondMaxLinesWithEllipsis() {
        let lines = TextEscaping.wrap(Fixtures.longTitle, width: 32, maxLines: 4)
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.count <= 32 })
        #expect(lines.last?.hasSuffix("…") == true)
        #expect(!lines.contains { $0.hasPrefix(" ") || $0.hasSuffix(" ") })
    }

    @Test func splitsOverlongWordsPreferablyAfterSeparators() {
        let lines = TextEscaping.wrap("github.com/some-organisation/a-very-long-repository-name", width: 32, maxLines: 4)
        #expect(lines.allSatisfy { $0.count <= 32 })
        #expect(lines.joined() == "github.com/some-organisation/a-very-long-repository-name")
        #expect(lines.dropLast().allSatisfy { "/-_.".contains($0.last ?? " ") }, "\(lines)")
    }

    @Test func countsGraphemesNotBytes() {
        let lines = TextEscaping.wrap("🚀🚀🚀🚀 数学数学 naïve", width: 10, maxLines: 4)
        #expect(lines == ["🚀🚀🚀🚀 数学数学", "naïve"])
    }

    @Test func cleanRemovesControlsAndNormalisesBreaks() {
        #expect(TextEscaping.clean("a\u{00}b\u{07}c\u{1B}d\u{7F}e\u{85}f\u{9B}g", keepNewlines: true) == "abcde\nfg")
        #expect(TextEscaping.clean("x\r\ny\rz\u{2028}w\tv", keepNewlines: true) == "x\ny\nz\nw v")
        #expect(TextEscaping.clean("x\r\ny", keepNewlines: false) == "x y")
    }

    @Test func dotQuotingEscapesQuotesAndBackslashes() {
        #expect(TextEscaping.dotQuoted("a\"b\\") == "\"a\\\"b\\\\\"")
        #expect(TextEscaping.dotLabel(lines: ["x \"y\"", "\\N"]) == "\"x \\\"y\\\"\\n\\\\N\"")
    }

    @Test func xmlEscaping() {
        #expect(TextEscaping.xml("<a & 'b' \"c\">\u{01}\n", attribute: true) == "&lt;a &amp; &apos;b&apos; &quot;c&quot;&gt;&#10;")
        #expect(TextEscaping.xml("<a>\n\u{FFFE}", attribute: false) == "&lt;a&gt;\n")
    }

    @Test func fixedNumbersHaveNoLocaleOrTrailingZeros() {
        #expect(TextEscaping.fixed(1.5) == "1.5")
        #expect(TextEscaping.fixed(2.0) == "2")
        #expect(TextEscaping.fixed(0.125, decimals: 2) == "0.13")
        #expect(TextEscaping.fixed(-0.001) == "0")
        #expect(TextEscaping.fixed(-3.25, decimals: 1) == "-3.3")
        #expect(TextEscaping.fixed(.nan) == "0")
    }
}

@Suite struct DOTWriterTests {
    let writer = DOTWriter()

    @Test func sameViewGivesByteIdenticalOutput() {
        let view = Fixtures.nasty()
        var shuffled = view
        shuffled.nodes.reverse()
        shuffled.edges.reverse()
        shuffled.graphAttributes = ["b": "2", "a": "1"]
        var again = view
        again.graphAttributes = ["a": "1", "b": "2"]
        #expect(writer.write(view) == writer.write(view))
        #expect(writer.write(shuffled) == writer.write(again))
    }

    @Test func graphIsNamedAndHasNoDatesOrComments() {
        let dot = writer.write(Fixtures.small())
        #expect(dot.hasPrefix("digraph \"small\" {\n"))
        #expect(!dot.contains("//") || dot.contains("https://"))
        #expect(!dot.contains("/*"))
        #expect(!dot.contains("#!"))
        #expect(dot.contains("charset=\"UTF-8\""))
    }

    @Test func nodesSortedByKindThenIdAndEdgesByEndpoints() throws {
        let dot = writer.write(Fixtures.small())
        let order = ["\"2401.00001\" [", "\"2401.00002\" [", "\"github.com/acme/tool\" [", "\"github.com/acme\" ["]
        let positions = try order.map { try #require(dot.range(of: $0)).lowerBound }
        #expect(positions == positions.sorted())
        let edgeOrder = [
            "\"2401.00001\" -> \"github.com/acme/tool\"", "\"2401.00002\" -> \"2401.00001\"",
            "\"2401.00002\" -> \"github.com/acme/tool\"", "\"github.com/acme/tool\" -> \"github.com/acme\"",
        ]
        let edgePositions = try edgeOrder.map { try #require(dot.range(of: $0)).lowerBound }
        #expect(edgePositions == edgePositions.sorted())
    }

    @Test func graphvizParsesEscapedIdsAndLabelsBack() throws {
        let view = Fixtures.nasty()
        let parsed = try GraphvizSession.shared.parse(dot: writer.write(view))
        #expect(parsed.graphName == "nasty \"graph\"")
        #expect(parsed.nodes.count == 4)
        #expect(parsed.edges.count == 2)
        #expect(parsed.subgraphNames == ["cluster_c&1"])
        // The DOT scanner keeps `\\` as two characters in IDs, so names carry doubled backslashes.
        let nasty = try #require(parsed.node("p\"1\\\\"))
        let label = try #require(nasty.attributes["label"])
        // escString: `\\` is a literal backslash, `\n` a line break; no raw newline or tab survives.
        #expect(!label.contains("\n") && !label.contains("\t"))
        #expect(label.contains("\\\\N") && label.contains("\\\\l"))
        #expect(label.contains("数学") && label.contains("🚀"))
        #expect(nasty.attributes["URL"] == "https://example.org/a?b=1&amp;c=%3C2%3E")
        #expect(nasty.attributes["shape"] == "box")
        #expect(parsed.node("ctlx") != nil, "control characters are stripped from ids")
        #expect(parsed.node("node")?.attributes["label"] == "keyword id", "a DOT keyword works as a quoted id")
    }

    @Test func longTitleIsWrappedAndTruncatedInTheLabel() throws {
        let parsed = try GraphvizSession.shared.parse(dot: writer.write(Fixtures.nasty()))
        let label = try #require(parsed.node("long")?.attributes["label"])
        let lines = label.components(separatedBy: "\\n")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.count <= 32 })
        #expect(label.hasSuffix("…"))
        #expect(parsed.node("long")?.attributes["tooltip"] == Fixtures.longTitle, "tooltip keeps the full title")
    }

    @Test func kindStylesAreDistinct() {
        let styles = NodeKind.allCases.map(NodeStyle.for)
        #expect(Set(styles.map(\.shape)).count == NodeKind.allCases.count)
        #expect(Set(styles.map(\.fillColor)).count == NodeKind.allCases.count)
        #expect(NodeStyle.for(.paper).shape == "box")
        #expect(NodeStyle.for(.artifact).shape == "cylinder")
    }

    @Test func scoresScaleFontSizeAndPenwidth() throws {
        let parsed = try GraphvizSession.shared.parse(dot: writer.write(Fixtures.small()))
        let high = try #require(parsed.node("2401.00001")?.attributes)
        let low = try #require(parsed.node("2401.00002")?.attributes)
        let highSize = try #require(Double(high["fontsize"] ?? ""))
        let lowSize = try #require(Double(low["fontsize"] ?? ""))
        #expect(highSize == 18 && lowSize == 10)
        #expect(Double(high["penwidth"] ?? "") == 3)
        // Unscored node keeps the defaults.
        #expect(parsed.node("github.com/acme")?.attributes["fontsize"] == "10")
    }

    @Test func edgeWidthFollowsWeightAndOwnerEdgesAreDashed() {
        let dot = writer.write(Fixtures.small())
        #expect(dot.contains("\"2401.00001\" -> \"github.com/acme/tool\" [penwidth=\"4\"]"))
        #expect(dot.contains("\"2401.00002\" -> \"github.com/acme/tool\" [penwidth=\"0.8\"]"))
        #expect(dot.contains("\"github.com/acme/tool\" -> \"github.com/acme\" [style=\"dashed\""))
    }

    @Test func legendListsKindsPresentAndTheNote() {
        let dot = writer.write(Fixtures.small())
        #expect(dot.contains(">paper</TD>") && dot.contains(">repository</TD>") && dot.contains(">owner / org</TD>"))
        #expect(!dot.contains(">topic</TD>"))
        #expect(dot.contains("2 nodes not shown (max-nodes 4)"))
        var noLegend = Fixtures.small()
        noLegend.legend = false
        noLegend.note = nil
        #expect(!writer.write(noLegend).contains("label=<"))
    }

    @Test func viewAttributesOverrideDefaultsWithoutDuplicates() {
        var view = Fixtures.small()
        view.graphAttributes = ["rankdir": "TB", "my attr": "x\"y"]
        view.nodes[0].attributes = ["shape": "octagon"]
        let dot = writer.write(view)
        #expect(dot.contains("rankdir=\"TB\"") && !dot.contains("rankdir=\"LR\""))
        #expect(dot.contains("\"my attr\"=\"x\\\"y\""))
        #expect(dot.contains("shape=\"octagon\"") )
    }

    @Test func danglingEdgesAndDuplicateNodesAreDropped() throws {
        var view = Fixtures.small()
        view.edges.append(ViewEdge(from: "2401.00001", to: "missing"))
        view.nodes.append(ViewNode(id: "2401.00001", label: "duplicate", kind: .topic))
        #expect(view.danglingEdges.count == 1)
        let parsed = try GraphvizSession.shared.parse(dot: writer.write(view))
        #expect(parsed.nodes.count == 4)
        #expect(parsed.edges.count == 4)
        #expect(parsed.node("2401.00001")?.attributes["shape"] == "box")
    }

    @Test func emptyViewWritesOneLabelNode() throws {
        let view = GraphView(name: "nothing", note: "412 nodes not shown (max-nodes 500)")
        let parsed = try GraphvizSession.shared.parse(dot: writer.write(view))
        #expect(parsed.nodes.count == 1)
        #expect(parsed.node("empty")?.attributes["label"] == "empty graph: 412 nodes not shown (max-nodes 500)")
        let bare = try GraphvizSession.shared.parse(dot: writer.write(GraphView(name: "nothing")))
        #expect(bare.node("empty")?.attributes["label"] == "empty graph")
    }

    @Test func defaultURLs() {
        #expect(ViewNode.defaultURL(kind: .paper, key: "2401.01234") == "https://arxiv.org/abs/2401.01234")
        #expect(ViewNode.defaultURL(kind: .paper, key: "arxiv:2401.01234v3") == "https://arxiv.org/abs/2401.01234")
        #expect(ViewNode.defaultURL(kind: .paper, key: "hep-th/9901001") == "https://arxiv.org/abs/hep-th/9901001")
        #expect(ViewNode.defaultURL(kind: .paper, key: "doi:10.1000/xyz") == "https://doi.org/10.1000/xyz")
        #expect(ViewNode.defaultURL(kind: .paper, key: "attention is all you need") == nil)
        #expect(ViewNode.defaultURL(kind: .repo, key: "github.com/a/b") == "https://github.com/a/b")
        #expect(ViewNode.defaultURL(kind: .artifact, key: "huggingface.co/datasets/a/b") == "https://huggingface.co/datasets/a/b")
        #expect(ViewNode.defaultURL(kind: .topic, key: "graphs") == nil)
    }
}
