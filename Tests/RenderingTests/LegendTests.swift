import Foundation
import Testing

@testable import Rendering

/// Extra legend cells (the code view's statuses) and component packing.
@Suite struct LegendTests {
    @Test func extraEntriesFollowTheKindsAndAreEscaped() {
        var view = Fixtures.small()
        view.legendEntries = [
            LegendEntry(name: "released", color: "#009E73", fillColor: "#CDEFE4"),
            LegendEntry(name: "a <b> & \"c\"", color: "#8C8C8C", fillColor: "#EEEEEE"),
        ]
        let dot = DOTWriter().write(view)
        let legend = dot.split(separator: "\n").first { $0.hasPrefix("  label=<") }.map(String.init) ?? ""
        let paper = legend.range(of: ">paper</TD>"), released = legend.range(of: ">released</TD>")
        #expect(paper != nil && released != nil)
        if let paper, let released { #expect(paper.lowerBound < released.lowerBound) }
        #expect(legend.contains("BGCOLOR=\"#CDEFE4\""))
        #expect(legend.contains("a &lt;b&gt; &amp; &quot;c&quot;"))
    }

    @Test func entriesAloneWhenTheKindLegendIsOff() {
        var view = Fixtures.small()
        view.legend = false
        view.legendEntries = [LegendEntry(name: "promised", color: "#D55E00", fillColor: "#FBE0C4")]
        let dot = DOTWriter().write(view)
        #expect(dot.contains(">promised</TD>"))
        #expect(!dot.contains(">paper</TD>"))
        view.legendEntries = []
        view.note = nil
        #expect(!DOTWriter().write(view).contains("label=<"))
    }

    @Test func disconnectedPartsArePacked() throws {
        let dot = DOTWriter().write(Fixtures.small())
        #expect(dot.contains("pack=\"true\""))
        // Ten isolated nodes laid out by dot: packed, the picture is wider than one node.
        let isolated = GraphView(
            name: "isolated", nodes: (0..<10).map { ViewNode(id: "n\($0)", label: "node \($0)", kind: .repo) },
            legend: false)
        let svg = try GraphvizRenderer().render(isolated, layout: .dot, format: .svg)
        let text = String(decoding: svg.data, as: UTF8.self)
        let width = text.firstMatch(of: /<svg width="(\d+)pt" height="(\d+)pt"/)
        let size = try #require(width)
        #expect((Int(size.1) ?? 0) > 2 * (Int(size.2) ?? 0) / 3, "\(size.0)")
    }
}
