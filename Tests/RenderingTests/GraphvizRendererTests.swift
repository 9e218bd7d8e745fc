import Foundation
import Testing

@testable import Rendering

@Suite struct GraphvizRendererTests {
    let renderer = GraphvizRenderer()

    @Test func graphvizVersionAndPlugins() throws {
        let version = try GraphvizRenderer.graphvizVersion()
        #expect(!version.isEmpty && version != "unknown")
        let layouts = try GraphvizRenderer.availablePlugins(kind: "layout")
        for layout in Layout.allCases { #expect(layouts.contains(layout.rawValue)) }
    }

    @Test(arguments: OutputFormat.allCases)
    func rendersEachFormatWithItsMagicBytes(format: OutputFormat) throws {
        let output = try renderer.render(Fixtures.small(), layout: .dot, format: format)
        switch format {
        case .svg:
            let text = output.data.utf8String
            #expect(text.hasPrefix("<?xml") && text.contains("<svg"))
        case .png:
            #expect(output.data.hasPrefix([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        case .pdf:
            #expect(output.data.hasPrefix(Array("%PDF".utf8)))
        }
    }

    @Test(arguments: Layout.allCases)
    func everyLayoutRendersSVG(layout: Layout) throws {
        let output = try renderer.render(Fixtures.small(), layout: layout, format: .svg)
        let svg = output.data.utf8String
        #expect(svg.contains("<svg"))
        #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == 4)
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == 4)
    }

    @Test func svgOutputIsByteIdenticalForTheSameView() throws {
        let a = try renderer.render(Fixtures.nasty(), layout: .dot, format: .svg)
        let b = try renderer.render(Fixtures.nasty(), layout: .dot, format: .svg)
        #expect(a.data == b.data)
    }

    @Test func svgOfNastyTitleIsWellFormedAndShowsTheText() throws {
        let svg = try XMLTree.parse(renderer.render(Fixtures.nasty(), layout: .dot, format: .svg).data)
        // The wrapped lines of the title, decoded back from the SVG.
        let nodeGroups = svg.descendants("g").filter { $0.attributes["class"] == "node" }
        let shown = nodeGroups.flatMap { $0.descendants("text") }.map(\.text).joined(separator: " ")
        for fragment in ["Quote \"", "back\\slash", "\\N", "<lt>", ">gt", "& amp", "'apos'", "{brace}", "|pipe|", "naïve", "数学", "🚀"] {
            #expect(shown.contains(fragment), "missing \(fragment) in \(shown)")
        }
        #expect(!shown.contains("\u{07}"))
        let links = svg.descendants("a")
        #expect(links.contains { $0.attributes["xlink:href"] == "https://example.org/a?b=1&c=%3C2%3E" })
        #expect(links.contains { $0.attributes["xlink:title"] == Fixtures.longTitle }, "tooltip carries the full 500-character title")
        #expect(links.contains { $0.attributes["xlink:title"]?.hasPrefix("Quote \" back\\slash \\N") == true })
    }

    @Test func latexBackslashesSurviveInLabelsAndTooltips() throws {
        let title = "$\\Gamma$-convergence of \\mathcal{O}(n) and \\N \\E \\T \\H \\L \\\\ end\\"
        let view = GraphView(name: "G", nodes: [ViewNode(id: "x", label: title, kind: .paper, url: "https://example.org/x")])
        let svg = try XMLTree.parse(renderer.render(view, layout: .dot, format: .svg).data)
        let link = try #require(svg.descendants("a").first)
        #expect(link.attributes["xlink:title"] == title)
        let node = try #require(svg.descendants("g").first { $0.attributes["class"] == "node" })
        let shown = node.descendants("text").map(\.text).joined(separator: " ")
        #expect(shown == TextEscaping.wrap(title, width: 32, maxLines: 4).joined(separator: " "))
    }

    @Test func svgNodesAreClickableWithTooltips() throws {
        let svg = try renderer.render(Fixtures.small(), layout: .dot, format: .svg).data.utf8String
        #expect(svg.contains("xlink:href=\"https://arxiv.org/abs/2401.00001\""))
        #expect(svg.contains("xlink:href=\"https://github.com/acme/tool\""))
        #expect(svg.contains("xlink:title=\"A Small Paper About Graphs\""))
    }

    @Test func legendAndNoteAppearInSVG() throws {
        let svg = try renderer.render(Fixtures.small(), layout: .dot, format: .svg).data.utf8String
        #expect(svg.contains(">repository</text>"))
        #expect(svg.contains("2 nodes not shown (max&#45;nodes 4)") || svg.contains("2 nodes not shown (max-nodes 4)"))
    }

    @Test func emptyGraphRendersAValidSVGSayingSo() throws {
        let view = GraphView(name: "empty-view", note: "412 nodes not shown (max-nodes 500)")
        let output = try renderer.render(view, layout: .dot, format: .svg)
        let svg = try XMLTree.parse(output.data)
        #expect(svg.name == "svg")
        let text = svg.descendants("text").map(\.text).joined(separator: " ")
        #expect(text == "empty graph: 412 nodes not shown (max-nodes 500)")
        for layout in Layout.allCases {
            #expect(try renderer.render(view, layout: layout, format: .svg).data.utf8String.contains("empty graph"))
        }
    }

    @Test(arguments: [
        "digraph G { a -> ; }",
        "digraph G { a -> b ",
        "graph G { a -> b }",
        "digraph G { a [label=<unclosed }",
        "not dot at all",
        "\u{01}\u{02}\u{FF}",
    ])
    func invalidDOTIsATypedErrorWithGraphvizMessage(dot: String) throws {
        #expect {
            _ = try renderer.render(dot: dot, layout: .dot, format: .svg)
        } throws: { error in
            guard case .invalidDOT(let message)? = error as? RenderError else { return false }
            return !message.isEmpty
        }
        // The parser recovers: the next render works.
        let ok = try renderer.render(dot: "digraph ok { a -> b }", layout: .dot, format: .svg)
        #expect(ok.data.utf8String.contains("<svg"))
    }

    @Test func syntaxErrorMessageComesFromGraphviz() throws {
        do {
            _ = try renderer.render(dot: "digraph G { a -> ; }", layout: .dot, format: .svg)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("syntax error in line 1"))
        }
    }

    @Test func textAfterTheFirstGraphDoesNotLeakIntoTheNextParse() throws {
        _ = try renderer.render(dot: "digraph A { a } digraph B { b }\n", layout: .dot, format: .svg)
        let next = try renderer.render(dot: "digraph C { c }", layout: .dot, format: .svg).data.utf8String
        #expect(next.contains("<title>C</title>"))
        do {
            _ = try renderer.render(dot: "digraph D {\n d -> ; }", layout: .dot, format: .svg)
        } catch {
            #expect(error.description.contains("line 2"), "line numbers restart for each parse")
        }
    }

    @Test func badHTMLLabelIsAWarningNotACrash() throws {
        let output = try renderer.render(dot: "digraph G { a [label=<<b>unclosed>]; }", layout: .dot, format: .svg)
        #expect(output.data.utf8String.contains("<svg"))
        #expect(output.warnings.contains { $0.contains("mismatched tag") })
    }

    @Test func emptyInputIsInvalid() {
        #expect(throws: RenderError.invalidDOT("no graph found in the DOT text")) {
            _ = try renderer.render(dot: "", layout: .dot, format: .svg)
        }
    }

    @Test func unknownLayoutAndFormatListValidValues() {
        #expect(throws: RenderError.unknownLayout("spring", valid: ["dot", "neato", "fdp", "sfdp", "circo", "twopi"])) {
            _ = try Layout(parsing: "spring")
        }
        #expect(throws: RenderError.unknownFormat("gif", valid: ["svg", "png", "pdf"])) {
            _ = try OutputFormat(parsing: "gif")
        }
        #expect(RenderError.unknownLayout("spring", valid: Layout.allCases.map(\.rawValue)).description
            == "unknown layout 'spring'; valid layouts: dot, neato, fdp, sfdp, circo, twopi")
        #expect((try? Layout(parsing: "SFDP")) == .sfdp)
    }

    @Test func layoutAttributeInsideDOTDoesNotOverrideTheRequestedEngine() throws {
        let output = try renderer.render(dot: "digraph G { layout=nonexistent; a -> b }", layout: .neato, format: .svg)
        #expect(output.data.utf8String.contains("<svg"))
    }

    @Test func warningsAreCapturedNotPrintedToStderr() throws {
        let (output, stderrText) = try capturingStandardError {
            try renderer.render(dot: "digraph G { a [shape=nonsense]; a -> b }", layout: .dot, format: .svg)
        }
        #expect(output.warnings.contains { $0.contains("nonsense") })
        #expect(stderrText.isEmpty, "Graphviz wrote to stderr: \(stderrText)")
    }

    @Test func concurrentRendersFromFourTasksAreSerialisedSafely() async throws {
        let view = Fixtures.generated(count: 60, name: "concurrent")
        let expected = try renderer.render(view, layout: .dot, format: .svg).data
        let renderer = self.renderer
        let results = try await withThrowingTaskGroup(of: [Data].self) { group in
            for task in 0..<4 {
                group.addTask {
                    var outputs: [Data] = []
                    for i in 0..<10 {
                        let layout: Layout = (i + task) % 2 == 0 ? .dot : .neato
                        let data = try renderer.render(view, layout: layout, format: .svg).data
                        if layout == .dot { outputs.append(data) }
                        // Mix in failures: error state must not leak into other renders.
                        _ = try? renderer.render(dot: "digraph { broken -> ; }", layout: .dot, format: .svg)
                    }
                    return outputs
                }
            }
            var all: [Data] = []
            for try await outputs in group { all += outputs }
            return all
        }
        #expect(results.count == 20)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func twoThousandNodeSFDPRenderCompletes() throws {
        let view = Fixtures.generated(count: 2000, name: "big")
        let start = ContinuousClock.now
        let output = try renderer.render(view, layout: .sfdp, format: .svg)
        let elapsed = ContinuousClock.now - start
        #expect(output.data.utf8String.components(separatedBy: "class=\"node\"").count - 1 == 2000)
        #expect(elapsed < .seconds(120))
    }

    @Test func pluginLibraryFallbackRenders() throws {
        let svg = try GraphvizSession.shared.withFallbackContext { gvc throws(RenderError) in
            try GraphvizSession.render(dot: DOTWriter().write(Fixtures.small()), layout: .dot, format: .svg, context: gvc)
        }
        #expect(svg.data.utf8String.contains("A Small Paper About Graphs"))
        let png = try GraphvizSession.shared.withFallbackContext { gvc throws(RenderError) in
            try GraphvizSession.render(dot: "digraph G { a -> b }", layout: .sfdp, format: .png, context: gvc)
        }
        #expect(png.data.hasPrefix([0x89, 0x50, 0x4E, 0x47]))
    }

    /// Run the suite with `GVBINDIR=<empty dir>` to exercise the fallback as the shared
    /// context (what a Debian install without `config6a` looks like).
    @Test func sharedContextUsesTheFallbackOnlyWithoutAConfiguration() throws {
        let source = try GraphvizSession.shared.currentPluginSource()
        if let dir = ProcessInfo.processInfo.environment["GVBINDIR"],
            !FileManager.default.fileExists(atPath: dir + "/config6a")
        {
            guard case .pluginLibraries? = source else {
                Issue.record("expected the plugin-library fallback, got \(String(describing: source))")
                return
            }
        } else {
            #expect(source == .installedConfiguration)
        }
    }

    @Test func fallbackReportsWhereItLooked() {
        #expect {
            try GraphvizSession.shared.withFallbackContext(searching: ["/nonexistent/graphviz"]) { _ in 0 }
        } throws: { error in
            guard case .pluginsUnavailable(let message)? = error as? RenderError else { return false }
            return message.contains("/nonexistent/graphviz")
        }
    }
}

/// Runs `body` with file descriptor 2 redirected to a temporary file and returns what was
/// written there (other tests writing to stderr meanwhile would show up too).
func capturingStandardError<T>(_ body: () throws -> T) throws -> (T, String) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)").path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let saved = dup(2)
    let file = open(path, O_WRONLY)
    fflush(nil)
    dup2(file, 2)
    let result = Result { try body() }
    fflush(nil)
    dup2(saved, 2)
    close(file)
    close(saved)
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return (try result.get(), text)
}
