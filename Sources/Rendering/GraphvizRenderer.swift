import CGraphviz
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Graphviz layout engines we offer.
public enum Layout: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case dot, neato, fdp, sfdp, circo, twopi

    /// Parses a user-supplied name; the error lists the valid names.
    public init(parsing name: String) throws(RenderError) {
        guard let layout = Layout(rawValue: name.lowercased()) else {
            throw .unknownLayout(name, valid: Layout.allCases.map(\.rawValue))
        }
        self = layout
    }

    public var description: String { rawValue }
}

/// Output formats rendered in-process.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case svg, png, pdf

    /// Parses a user-supplied name; the error lists the valid names.
    public init(parsing name: String) throws(RenderError) {
        guard let format = OutputFormat(rawValue: name.lowercased()) else {
            throw .unknownFormat(name, valid: OutputFormat.allCases.map(\.rawValue))
        }
        self = format
    }

    public var description: String { rawValue }

    /// The Graphviz `-T` name: png and pdf go through cairo (anti-aliased, UTF-8 text).
    var graphvizName: String {
        switch self {
        case .svg: "svg"
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        }
    }
}

public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// Graphviz could not parse the DOT text; the message is Graphviz's own.
    case invalidDOT(String)
    case layoutFailed(Layout, String)
    case renderFailed(OutputFormat, String)
    case unknownLayout(String, valid: [String])
    case unknownFormat(String, valid: [String])
    /// Neither the installed plugin configuration nor the plugin libraries could be loaded.
    case pluginsUnavailable(String)

    public var description: String {
        switch self {
        case .invalidDOT(let message):
            "invalid DOT: \(message)"
        case .layoutFailed(let layout, let message):
            "Graphviz layout '\(layout)' failed: \(message)"
        case .renderFailed(let format, let message):
            "Graphviz could not render \(format): \(message)"
        case .unknownLayout(let name, let valid):
            "unknown layout '\(name)'; valid layouts: \(valid.joined(separator: ", "))"
        case .unknownFormat(let name, let valid):
            "unknown format '\(name)'; valid formats: \(valid.joined(separator: ", "))"
        case .pluginsUnavailable(let message):
            "Graphviz plugins unavailable: \(message) (install the 'graphviz' package, or run 'dot -c' as root)"
        }
    }

    public var errorDescription: String? { description }
}

/// Rendered bytes plus the warnings Graphviz reported while producing them.
public struct RenderOutput: Sendable, Hashable {
    public var data: Data
    /// Graphviz messages, one per line, e.g. "Warning: …" (never printed to stderr).
    public var warnings: [String]
}

/// Lays out and renders DOT in-process through libgvc.
///
/// libgvc is not thread-safe: the DOT parser, the error reporting and parts of the layout
/// code use process-global state, so both one shared context and one context per thread
/// crash under concurrent use. Every call therefore runs parse + layout + render + free
/// under one process-wide lock (`GraphvizSession`); renders from several tasks are safe
/// but run one at a time. Nothing else in the process may call Graphviz without that lock.
public struct GraphvizRenderer: Sendable {
    public init() {}

    /// Renders `view` written by `writer`.
    public func render(
        _ view: GraphView, layout: Layout, format: OutputFormat, writer: DOTWriter = DOTWriter()
    ) throws(RenderError) -> RenderOutput {
        try render(dot: writer.write(view), layout: layout, format: format)
    }

    /// Parses `dot`, lays it out with `layout` and renders `format` into memory.
    /// A `layout` attribute inside the DOT text is overridden by `layout`.
    public func render(dot: String, layout: Layout, format: OutputFormat) throws(RenderError) -> RenderOutput {
        try GraphvizSession.shared.withContext { gvc throws(RenderError) in
            try GraphvizSession.render(dot: dot, layout: layout, format: format, context: gvc)
        }
    }

    /// Graphviz version string, e.g. "2.43.0".
    public static func graphvizVersion() throws(RenderError) -> String {
        try GraphvizSession.shared.withContext { gvc in
            gvcVersion(gvc).map { String(cString: $0) } ?? "unknown"
        }
    }

    /// Plugin names Graphviz offers for `kind` ("layout", "render", "textlayout", …).
    public static func availablePlugins(kind: String) throws(RenderError) -> [String] {
        try GraphvizSession.shared.withContext { gvc in
            GraphvizSession.pluginList(gvc, kind: kind)
        }
    }
}

// MARK: - Process-wide Graphviz state

/// Owns the one Graphviz context and the lock that serialises every use of libgvc.
final class GraphvizSession: @unchecked Sendable {
    static let shared = GraphvizSession()

    private let lock = NSLock()
    // Guarded by `lock`. Created on first use and kept for the life of the process.
    private var context: OpaquePointer?
    private var contextFailure: RenderError?
    /// How the shared context found its plugins (for diagnostics and tests).
    private(set) var pluginSource: PluginSource?

    enum PluginSource: Equatable, Sendable {
        /// `gvContext()` read the installed plugin configuration.
        case installedConfiguration
        /// The configuration was missing; plugin libraries were loaded from this directory.
        case pluginLibraries(directory: String)
    }

    /// Where the shared context's plugins came from (creating the context if needed).
    func currentPluginSource() throws(RenderError) -> PluginSource? {
        try withContext { _ in pluginSource }
    }

    /// Runs `body` holding the Graphviz lock, with the shared context.
    func withContext<T>(_ body: (OpaquePointer) throws(RenderError) -> T) throws(RenderError) -> T {
        lock.lock()
        defer { lock.unlock() }
        let gvc = try contextLocked()
        return try body(gvc)
    }

    /// Runs `body` holding the Graphviz lock, with a context built by the plugin-library
    /// fallback (freed afterwards). Lets tests exercise the fallback in a process whose
    /// shared context came from the installed configuration.
    func withFallbackContext<T>(
        searching directories: [String]? = nil, _ body: (OpaquePointer) throws(RenderError) -> T
    ) throws(RenderError) -> T {
        lock.lock()
        defer { lock.unlock() }
        installMessageSink()
        let (gvc, _) = try Self.makeFallbackContext(searching: directories ?? Self.pluginDirectoryCandidates())
        defer { gvFreeContext(gvc) }
        return try body(gvc)
    }

    private func contextLocked() throws(RenderError) -> OpaquePointer {
        if let context { return context }
        if let contextFailure { throw contextFailure }
        installMessageSink()
        do {
            let (gvc, source) = try Self.makeContext()
            context = gvc
            pluginSource = source
            return gvc
        } catch {
            contextFailure = error
            throw error
        }
    }

    private func installMessageSink() {
        // Every Graphviz error and warning goes to the callback instead of stderr. The level
        // stays at AGWARN: with agseterr(AGMAX) messages would bypass the callback and only
        // the last one would be kept (aglasterr).
        _ = agseterr(AGWARN)
        _ = agseterrf(graphvizMessageCallback)
    }

    /// The normal context: `gvContext()` reads the plugin configuration (`config6a`) that
    /// Debian's postinst writes with `dot -c`. Without that file it finds no plugins, and it
    /// also skips opening its font table, so any label then crashes the layout; in that case
    /// the context is rebuilt from the plugin libraries themselves.
    static func makeContext() throws(RenderError) -> (OpaquePointer, PluginSource) {
        if let gvc = gvContext() {
            if pluginList(gvc, kind: "layout").contains("dot") && pluginList(gvc, kind: "render").contains("svg") {
                return (gvc, .installedConfiguration)
            }
            _ = gvFreeContext(gvc)
        }
        return try makeFallbackContext(searching: pluginDirectoryCandidates())
    }

    /// Loads the core (svg), dot/neato layout and cairo (png, pdf, text metrics) plugin
    /// libraries by path and hands them to `gvContextPlugins` as built-ins with demand
    /// loading off — the only mode in which such a context is fully initialised
    /// (`gvContext()` + `gvAddLibrary` lists the plugins but crashes on the first label).
    static func makeFallbackContext(searching directories: [String]) throws(RenderError) -> (OpaquePointer, PluginSource) {
        let libraries = ["core", "dot_layout", "neato_layout", "pango"]
        guard let directory = directories.first(where: { dir in
            libraryFileNames("dot_layout").contains { FileManager.default.fileExists(atPath: dir + "/" + $0) }
        }) else {
            throw .pluginsUnavailable(
                "no plugin configuration and no libgvplugin_dot_layout library in "
                    + directories.joined(separator: ", "))
        }
        var symbols: [(name: String, address: UnsafeMutableRawPointer)] = []
        var failures: [String] = []
        for library in libraries {
            let path = libraryFileNames(library).map { directory + "/" + $0 }
                .first { FileManager.default.fileExists(atPath: $0) }
            guard let path, let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
                failures.append("\(library): " + (dlerror().map { String(cString: $0) } ?? "not found in \(directory)"))
                continue
            }
            let symbolName = "gvplugin_\(library)_LTX_library"
            guard let address = dlsym(handle, symbolName) else {
                failures.append("\(library): no symbol \(symbolName)")
                continue
            }
            symbols.append((symbolName, address))
        }
        guard symbols.contains(where: { $0.name.contains("dot_layout") }),
            symbols.contains(where: { $0.name.contains("core") })
        else {
            throw .pluginsUnavailable(failures.joined(separator: "; "))
        }
        // Graphviz keeps pointers into this table and its names for the context's lifetime;
        // it is allocated once per context build and deliberately never freed.
        let table = UnsafeMutablePointer<lt_symlist_t>.allocate(capacity: symbols.count + 1)
        for (index, symbol) in symbols.enumerated() {
            table[index] = lt_symlist_t(name: UnsafePointer(strdup(symbol.name)), address: symbol.address)
        }
        table[symbols.count] = lt_symlist_t(name: nil, address: nil)
        guard let gvc = gvContextPlugins(table, 0) else {
            throw .pluginsUnavailable("gvContextPlugins returned no context")
        }
        guard pluginList(gvc, kind: "layout").contains("dot") else {
            _ = gvFreeContext(gvc)
            throw .pluginsUnavailable("plugin libraries in \(directory) did not register the dot layout")
        }
        return (gvc, .pluginLibraries(directory: directory))
    }

    private static func libraryFileNames(_ library: String) -> [String] {
        #if canImport(Darwin)
            ["libgvplugin_\(library).6.dylib", "libgvplugin_\(library).dylib"]
        #else
            ["libgvplugin_\(library).so.6", "libgvplugin_\(library).so"]
        #endif
    }

    /// Where plugin libraries may live: `GVBINDIR`, next to the loaded libgvc, then the
    /// usual distribution and Homebrew directories.
    static func pluginDirectoryCandidates() -> [String] {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["GVBINDIR"], !env.isEmpty {
            candidates.append(env)
        }
        if let libgvcDirectory = loadedLibraryDirectory() {
            candidates.append(libgvcDirectory + "/graphviz")
        }
        candidates += [
            "/usr/lib/x86_64-linux-gnu/graphviz", "/usr/lib/aarch64-linux-gnu/graphviz",
            "/usr/lib64/graphviz", "/usr/lib/graphviz", "/usr/local/lib/graphviz",
            "/opt/homebrew/lib/graphviz",
        ]
        var seen = Set<String>()
        return candidates.filter { seen.insert($0).inserted }
    }

    /// Directory of the libgvc this process loaded. Glibc's module does not export
    /// `dladdr`, so on Linux the mapping table is read instead.
    private static func loadedLibraryDirectory() -> String? {
        #if canImport(Darwin)
            var info = Dl_info()
            let symbol = unsafeBitCast(gvContext as @convention(c) () -> OpaquePointer?, to: UnsafeRawPointer.self)
            guard dladdr(symbol, &info) != 0, let fileName = info.dli_fname else { return nil }
            let path = String(cString: fileName)
        #else
            guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8),
                let line = maps.split(separator: "\n").first(where: { $0.contains("/libgvc.so") }),
                let start = line.firstIndex(of: "/")
            else { return nil }
            let path = String(line[start...])
        #endif
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    /// Plugin type names of one API kind, without the `:package` suffix.
    static func pluginList(_ gvc: OpaquePointer, kind: String) -> [String] {
        var count: Int32 = 0
        guard let list = kind.withCString({ gvPluginList(gvc, $0, &count, nil) }) else { return [] }
        var names: [String] = []
        for index in 0..<Int(count) {
            if let entry = list[index] {
                names.append(String(cString: entry))
                free(entry)
            }
        }
        free(list)
        return names
    }

    // MARK: One render

    /// Parse, lay out, render and free. Must be called with the lock held.
    static func render(dot: String, layout: Layout, format: OutputFormat, context gvc: OpaquePointer)
        throws(RenderError) -> RenderOutput
    {
        _ = GraphvizMessages.drain()  // drop anything left over from outside a render
        _ = agreseterrors()

        guard let graph = parseDOT(dot) else {
            let messages = GraphvizMessages.drain()
            let detail = messages.isEmpty ? "no graph found in the DOT text" : messages.joined(separator: " ")
            throw .invalidDOT(detail)
        }
        defer { _ = agclose(graph) }

        // The `layout` graph attribute would take precedence over the engine passed to
        // gvLayout; set it to the requested engine so the caller's choice wins.
        setGraphAttribute(graph, name: "layout", value: layout.rawValue)
        let layoutStatus = layout.rawValue.withCString { gvLayout(gvc, graph, $0) }
        guard layoutStatus == 0 else {
            throw .layoutFailed(layout, messageText(GraphvizMessages.drain(), fallback: "gvLayout returned \(layoutStatus)"))
        }
        defer { _ = gvFreeLayout(gvc, graph) }

        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let renderStatus = format.graphvizName.withCString { gvRenderData(gvc, graph, $0, &buffer, &length) }
        defer { if let buffer { gvFreeRenderData(buffer) } }
        guard renderStatus == 0, let buffer, length > 0 else {
            throw .renderFailed(format, messageText(GraphvizMessages.drain(), fallback: "gvRenderData returned \(renderStatus) and \(length) bytes"))
        }
        let data = Data(bytes: buffer, count: Int(length))
        return RenderOutput(data: data, warnings: GraphvizMessages.drain())
    }

    /// Reads the first graph of `dot` (up to a NUL, as `agmemread` would) into a graph with
    /// its own memory arena, so cluster order, and with it the layout, does not depend on
    /// the state of the process heap (see `pg_read_dot` in shim.h); flushes the scanner so
    /// text after that graph cannot leak into the next parse. Must be called with the lock held.
    static func parseDOT(_ dot: String) -> UnsafeMutablePointer<Agraph_t>? {
        dot.withCString { text in pg_read_dot(text, strlen(text)) }
    }

    private static func setGraphAttribute(_ graph: UnsafeMutablePointer<Agraph_t>, name: String, value: String) {
        // agsafeset takes non-const char*; it copies the strings into the graph's pool.
        name.withCString { namePointer in
            value.withCString { valuePointer in
                "".withCString { defaultPointer in
                    _ = agsafeset(
                        UnsafeMutableRawPointer(graph), UnsafeMutablePointer(mutating: namePointer),
                        UnsafeMutablePointer(mutating: valuePointer), UnsafeMutablePointer(mutating: defaultPointer))
                }
            }
        }
    }

    private static func messageText(_ messages: [String], fallback: String) -> String {
        messages.isEmpty ? fallback : messages.joined(separator: " ")
    }
}

// MARK: - Message capture

/// Collects what Graphviz reports through `agseterrf`. The callback is a C function pointer
/// and cannot carry context, so it appends to this one process-wide buffer. Graphviz calls
/// it only from inside a render, i.e. with the session lock held; the buffer's own lock
/// keeps it safe even if something else triggers a message.
enum GraphvizMessages {
    private final class Buffer: @unchecked Sendable {
        let lock = NSLock()
        var text = ""
    }

    private static let buffer = Buffer()

    static func append(_ fragment: String) {
        buffer.lock.lock()
        buffer.text += fragment
        buffer.lock.unlock()
    }

    /// Returns the collected messages, one per line ("Error: …", "Warning: …"), and empties
    /// the buffer. Graphviz sends the level, ": " and the text as separate fragments.
    static func drain() -> [String] {
        buffer.lock.lock()
        let text = buffer.text
        buffer.text = ""
        buffer.lock.unlock()
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingEnds(of: " \t") }
            .filter { !$0.isEmpty }
    }
}

private func graphvizMessageCallback(_ message: UnsafeMutablePointer<CChar>?) -> Int32 {
    if let message { GraphvizMessages.append(String(cString: message)) }
    return 0
}

extension Substring {
    fileprivate func trimmingEnds(of set: String) -> String { String(self).trimmingEnds(of: set) }
}

// MARK: - Parse-only inspection

/// What Graphviz's own parser makes of a DOT text: lets tests check escaping against the
/// real parser rather than against our expectations of it.
struct ParsedDOT: Sendable, Hashable {
    struct Node: Sendable, Hashable {
        var name: String
        /// Every declared node attribute with a non-empty value.
        var attributes: [String: String]
    }

    var graphName: String
    var graphAttributes: [String: String]
    var nodes: [Node]
    var edges: [(from: String, to: String)]
    var subgraphNames: [String]

    static func == (a: ParsedDOT, b: ParsedDOT) -> Bool {
        a.graphName == b.graphName && a.graphAttributes == b.graphAttributes && a.nodes == b.nodes
            && a.edges.map { [$0.from, $0.to] } == b.edges.map { [$0.from, $0.to] } && a.subgraphNames == b.subgraphNames
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(graphName)
        hasher.combine(nodes)
    }

    func node(_ name: String) -> Node? { nodes.first { $0.name == name } }
}

extension GraphvizSession {
    func parse(dot: String) throws(RenderError) -> ParsedDOT {
        try withContext { _ throws(RenderError) in
            _ = GraphvizMessages.drain()
            guard let graph = Self.parseDOT(dot) else {
                throw .invalidDOT(GraphvizMessages.drain().joined(separator: " "))
            }
            defer { _ = agclose(graph) }
            let rawGraph = UnsafeMutableRawPointer(graph)
            var result = ParsedDOT(
                graphName: agnameof(rawGraph).map { String(cString: $0) } ?? "",
                graphAttributes: Self.attributes(of: rawGraph, graph: graph, kind: Int32(AGRAPH)),
                nodes: [], edges: [], subgraphNames: [])
            var node = agfstnode(graph)
            while let current = node {
                let raw = UnsafeMutableRawPointer(current)
                let name = agnameof(raw).map { String(cString: $0) } ?? ""
                result.nodes.append(.init(name: name, attributes: Self.attributes(of: raw, graph: graph, kind: Int32(AGNODE))))
                var edge = agfstout(graph, current)
                while let e = edge {
                    let head = pg_aghead(e).flatMap { agnameof(UnsafeMutableRawPointer($0)) }.map { String(cString: $0) } ?? ""
                    result.edges.append((from: name, to: head))
                    edge = agnxtout(graph, e)
                }
                node = agnxtnode(graph, current)
            }
            var subgraph = agfstsubg(graph)
            while let s = subgraph {
                result.subgraphNames.append(agnameof(UnsafeMutableRawPointer(s)).map { String(cString: $0) } ?? "")
                subgraph = agnxtsubg(s)
            }
            return result
        }
    }

    private static func attributes(of object: UnsafeMutableRawPointer, graph: UnsafeMutablePointer<Agraph_t>, kind: Int32)
        -> [String: String]
    {
        var values: [String: String] = [:]
        var symbol = agnxtattr(graph, kind, nil)
        while let sym = symbol {
            if let namePointer = sym.pointee.name, let valuePointer = agxget(object, sym) {
                let value = String(cString: valuePointer)
                if !value.isEmpty { values[String(cString: namePointer)] = value }
            }
            symbol = agnxtattr(graph, kind, sym)
        }
        return values
    }
}
