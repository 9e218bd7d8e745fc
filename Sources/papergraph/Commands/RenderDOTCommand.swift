import ArgumentParser
import Foundation
import Rendering

/// Lays out a DOT file through the same in-process libgvc renderer `render` uses: for DOT files
/// edited by hand, and for comparing the renderer with the `dot` program on the same input.
struct RenderDOTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-dot",
        abstract: "Lay out and draw a DOT file through libgvc in-process (no `dot` program needed).",
        discussion: """
            Takes any DOT file (for instance one written by `papergraph render VIEW
            --format dot` and edited by hand). --layout overrides a layout attribute in
            the file. Graphviz's messages become papergraph errors; DOT that Graphviz
            rejects exits with status 2.

            Example:
              papergraph render shared-repos --format dot -o shared.dot
              papergraph render-dot shared.dot --layout sfdp --format svg -o shared.svg
            """
    )

    @Argument(help: ArgumentHelp("DOT file (`-` for stdin).", valueName: "file"))
    var file: String

    @Option(name: .long, help: "Layout engine: \(Layout.allCases.map(\.rawValue).joined(separator: ", ")).")
    var layout: String = "dot"

    @Option(name: .long, help: "svg, png or pdf.")
    var format: String = "svg"

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file (stdout when omitted).", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Print the time of the in-process parse, layout and render on stderr (benchmarks).")
    var timing = false

    func run() throws {
        let layout = try Layout(parsing: layout)
        let format = try Rendering.OutputFormat(parsing: format)
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            try InputFiles.check([file])
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CLIError.inputFile("cannot read \(file): \(error.localizedDescription)")
            }
        }
        guard let dot = String(data: data, encoding: .utf8) else {
            throw RenderError.invalidDOT("\(file) is not UTF-8 text")
        }
        let clock = ContinuousClock()
        let started = clock.now
        let rendered = try GraphvizRenderer().render(dot: dot, layout: layout, format: format)
        if timing {
            let (seconds, attoseconds) = started.duration(to: clock.now).components
            let elapsed = Double(seconds) + Double(attoseconds) * 1e-18
            Console.info("render-dot: in-process parse + layout + render \(String(format: "%.3f", elapsed)) s")
        }
        for warning in rendered.warnings { Console.warn("graphviz: \(warning)") }
        try OutputSink(path: output).write(rendered.data)
    }
}
