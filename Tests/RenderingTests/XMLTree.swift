import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small element tree built with XMLParser (SAX), so tests read attributes and text the
/// same way on Linux and macOS. Names are as written (prefixes kept, no namespace handling).
final class XMLTree: NSObject, XMLParserDelegate {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        func elements(_ name: String) -> [Element] { children.filter { $0.name == name } }
        func first(_ name: String) -> Element? { children.first { $0.name == name } }

        /// All descendants (depth first) with this name.
        func descendants(_ name: String) -> [Element] {
            children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
        }

        /// Text of this element and its descendants, in document order.
        var allText: String { text + children.map(\.allText).joined() }
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    private var stack: [Element] = []
    private(set) var root: Element?

    static func parse(_ data: Data) throws -> Element {
        let parser = XMLParser(data: data)
        let tree = XMLTree()
        parser.delegate = tree
        parser.shouldResolveExternalEntities = false
        guard parser.parse(), let root = tree.root else {
            throw ParseError(description: "XML parse failed: \(parser.parserError.map { "\($0)" } ?? "no root") at line \(parser.lineNumber)")
        }
        return root
    }

    static func parse(_ text: String) throws -> Element { try parse(Data(text.utf8)) }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let element = Element(name: name, attributes: attributes)
        stack.last?.children.append(element)
        if stack.isEmpty { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}
