import Foundation
import Testing

@testable import Rendering

@Suite struct ExporterTests {
    @Test(arguments: ExportFormat.allCases)
    func everyFormatIsByteIdenticalForTheSameView(format: ExportFormat) {
        var shuffled = Fixtures.nasty()
        shuffled.nodes.reverse()
        shuffled.edges.reverse()
        #expect(Exporter.export(Fixtures.nasty(), as: format) == Exporter.export(shuffled, as: format))
    }

    @Test func exportFormatParsingListsValidValues() {
        #expect(throws: RenderError.unknownFormat("xlsx", valid: ["dot", "graphml", "gexf", "json", "csv"])) {
            _ = try ExportFormat(parsing: "xlsx")
        }
        #expect(Exporter.export(Fixtures.small(), as: .csv).map(\.suffix) == ["nodes.csv", "edges.csv"])
    }

    // MARK: GraphML

    @Test func graphMLParsesBackWithKeysAndData() throws {
        let root = try XMLTree.parse(Exporter.graphML(Fixtures.nasty()))
        #expect(root.name == "graphml")
        #expect(root.attributes["xmlns"] == "http://graphml.graphdrawing.org/xmlns")
        let keys = root.elements("key")
        let keyNames = Set(keys.compactMap { $0.attributes["attr.name"] })
        #expect(keyNames.isSuperset(of: ["kind", "label", "url", "score", "weight"]))
        #expect(keys.allSatisfy { ["string", "double"].contains($0.attributes["attr.type"] ?? "") })
        let graph = try #require(root.first("graph"))
        #expect(graph.attributes["edgedefault"] == "directed")
        let nodes = graph.elements("node")
        let edges = graph.elements("edge")
        #expect(nodes.count == 4 && edges.count == 2)
        // Every data element refers to a declared key of the right domain.
        var keyDomain: [String: String] = [:]
        for key in keys { keyDomain[key.attributes["id"] ?? ""] = key.attributes["for"] }
        for (elements, domain) in [(nodes, "node"), (edges, "edge"), ([graph], "graph")] {
            for element in elements {
                for data in element.elements("data") {
                    let key = data.attributes["key"] ?? ""
                    #expect(keyDomain[key] == domain, "data key \(key) used on \(domain)")
                }
            }
        }
        func data(_ element: XMLTree.Element, _ key: String) -> String? {
            element.elements("data").first { $0.attributes["key"] == key }?.text
        }
        let nasty = try #require(nodes.first { data($0, "n_key") == "p\"1\\" })
        #expect(data(nasty, "n_label") == Fixtures.nastyTitle.replacingAll("\t", with: " "))
        #expect(data(nasty, "n_url") == "https://example.org/a?b=1&c=<2>")
        #expect(data(nasty, "n_score") == "1.0")
        #expect(data(nasty, "n_kind") == "paper")
        #expect(nodes.contains { data($0, "n_key") == "ctlx" }, "control characters stripped")
        // Node ids are XML NMTOKENs, as the GraphML schema requires.
        #expect(nodes.allSatisfy { ($0.attributes["id"] ?? "").allSatisfy { $0.isLetter || $0.isNumber } })
        let nodeIDs = Set(nodes.compactMap { $0.attributes["id"] })
        #expect(edges.allSatisfy { nodeIDs.contains($0.attributes["source"] ?? "") && nodeIDs.contains($0.attributes["target"] ?? "") })
        let cited = try #require(edges.first { data($0, "e_label") != nil })
        #expect(data(cited, "e_label") == "cites <this> & \"that\"")
        #expect(data(cited, "e_weight") == "2.0")
        #expect(data(graph, "g_note") == "note with <angle> & ampersand")
        #expect(data(graph, "g_name") == "nasty \"graph\"")
    }

    @Test func graphMLIsWellFormedForXmllintWhenAvailable() throws {
        try checkWithXmllint(Exporter.graphML(Fixtures.nasty()), suffix: "graphml")
    }

    // MARK: GEXF

    @Test func gexfParsesBackWithAttributes() throws {
        let xml = Exporter.gexf(Fixtures.nasty())
        let root = try XMLTree.parse(xml)
        #expect(root.name == "gexf")
        #expect(root.attributes["version"] == "1.3")
        #expect(root.attributes["xmlns"] == "http://gexf.net/1.3")
        let graph = try #require(root.first("graph"))
        #expect(graph.attributes["defaultedgetype"] == "directed")
        let declared = graph.elements("attributes").flatMap { $0.elements("attribute") }
        let declaredIDs = Set(declared.compactMap { $0.attributes["id"] })
        #expect(declaredIDs == ["kind", "url", "score", "cluster", "tooltip"])
        let nodes = try #require(graph.first("nodes")).elements("node")
        let edges = try #require(graph.first("edges")).elements("edge")
        #expect(nodes.count == 4 && edges.count == 2)
        let nodeIDs = Set(nodes.compactMap { $0.attributes["id"] })
        for edge in edges {
            #expect(nodeIDs.contains(edge.attributes["source"] ?? ""))
            #expect(nodeIDs.contains(edge.attributes["target"] ?? ""))
        }
        let nasty = try #require(nodes.first { $0.attributes["id"] == "p\"1\\" })
        #expect(nasty.attributes["label"] == Fixtures.nastyTitle.replacingAll("\t", with: " "))
        let values = nasty.elements("attvalues").flatMap { $0.elements("attvalue") }
        var byKey: [String: String] = [:]
        for value in values { byKey[value.attributes["for"] ?? ""] = value.attributes["value"] }
        #expect(byKey["kind"] == "paper")
        #expect(byKey["url"] == "https://example.org/a?b=1&c=<2>")
        #expect(byKey["score"] == "1.0")
        #expect(values.allSatisfy { declaredIDs.contains($0.attributes["for"] ?? "") })
        #expect(nasty.first("viz:color")?.attributes["b"] == "178")
        let weighted = try #require(edges.first { $0.attributes["weight"] != nil })
        #expect(weighted.attributes["weight"] == "2.0")
        #expect(weighted.attributes["label"] == "cites <this> & \"that\"")
        #expect(!xml.contains("lastmodifieddate"))
    }

    @Test func gexfIsWellFormedForXmllintWhenAvailable() throws {
        try checkWithXmllint(Exporter.gexf(Fixtures.nasty()), suffix: "gexf")
    }

    // MARK: JSON

    @Test func nodeLinkJSONHasNetworkxShape() throws {
        let json = Exporter.nodeLinkJSON(Fixtures.nasty())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["directed", "multigraph", "graph", "nodes", "links"])
        #expect(object["directed"] as? Bool == true)
        #expect(object["multigraph"] as? Bool == false)
        #expect((object["graph"] as? [String: Any])?["name"] as? String == "nasty \"graph\"")
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let links = try #require(object["links"] as? [[String: Any]])
        #expect(nodes.count == 4 && links.count == 2)
        let nasty = try #require(nodes.first { $0["id"] as? String == "p\"1\\" })
        #expect(nasty["label"] as? String == Fixtures.nastyTitle.replacingAll("\t", with: " "))
        #expect(nasty["kind"] as? String == "paper")
        #expect(nasty["score"] as? Double == 1)
        #expect(nodes.first { $0["id"] as? String == "node" }?["url"] == nil, "absent values are omitted")
        let link = try #require(links.first { $0["weight"] != nil })
        #expect(link["source"] as? String == "p\"1\\" && link["target"] as? String == "long")
        #expect(link["weight"] as? Double == 2)
        // Keys are sorted in the text itself.
        let topKeys = ["\"directed\"", "\"graph\"", "\"links\"", "\"multigraph\"", "\"nodes\""]
        let positions = try topKeys.map { try #require(json.range(of: "\n  " + $0)).lowerBound }
        #expect(positions == positions.sorted())
    }

    // MARK: CSV

    @Test func csvQuotesPerRFC4180AndParsesBack() throws {
        let view = Fixtures.nasty()
        let nodes = parseCSV(Exporter.csvNodes(view))
        let edges = parseCSV(Exporter.csvEdges(view))
        #expect(nodes.first == ["id", "kind", "label", "url", "tooltip", "score", "cluster"])
        #expect(edges.first == ["source", "target", "weight", "label"])
        #expect(nodes.count == 5 && edges.count == 3)
        #expect(nodes.allSatisfy { $0.count == 7 } && edges.allSatisfy { $0.count == 4 })
        let nasty = try #require(nodes.first { $0[0] == "p\"1\\" })
        // Newlines inside a field survive (as CRLF), tabs become spaces.
        #expect(nasty[2] == Fixtures.nastyTitle.replacingAll("\t", with: " ").replacingAll("\n", with: "\r\n"))
        #expect(nasty[5] == "1.0")
        #expect(edges.contains { $0 == ["p\"1\\", "long", "2.0", "cites <this> & \"that\""] })
        #expect(Exporter.csvEdges(view).hasSuffix("\r\n"))
    }

    @Test func dotExportIsTheDOTWriterOutput() throws {
        let files = Exporter.export(Fixtures.small(), as: .dot)
        #expect(files == [ExportedFile(suffix: "dot", contents: DOTWriter().write(Fixtures.small()))])
        let parsed = try GraphvizSession.shared.parse(dot: files[0].contents)
        #expect(parsed.nodes.count == 4 && parsed.edges.count == 4)
    }

    @Test func emptyViewExportsAreValid() throws {
        let view = GraphView(name: "none", note: "nothing selected")
        #expect(try XMLTree.parse(Exporter.graphML(view)).first("graph")?.elements("node").isEmpty == true)
        #expect(try XMLTree.parse(Exporter.gexf(view)).first("graph")?.first("nodes")?.elements("node").isEmpty == true)
        let object = try JSONSerialization.jsonObject(with: Data(Exporter.nodeLinkJSON(view).utf8)) as? [String: Any]
        #expect((object?["nodes"] as? [Any])?.isEmpty == true)
        #expect(Exporter.csvNodes(view) == "id,kind,label,url,tooltip,score,cluster\r\n")
    }
}

/// Minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF records).
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var inQuotes = false
    var iterator = Array(text.unicodeScalars).makeIterator()
    var pending: Unicode.Scalar? = nil
    while let scalar = pending ?? iterator.next() {
        pending = nil
        if inQuotes {
            if scalar == "\"" {
                if let next = iterator.next() {
                    if next == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                } else { inQuotes = false }
            } else {
                field.unicodeScalars.append(scalar)
            }
        } else if scalar == "\"" {
            inQuotes = true
        } else if scalar == "," {
            row.append(field)
            field = ""
        } else if scalar == "\r" {
            continue
        } else if scalar == "\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            field.unicodeScalars.append(scalar)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

/// `xmllint --noout` on the text when xmllint is installed (the GraphML/GEXF schemas cannot
/// be fetched without network, so only well-formedness is checked).
func checkWithXmllint(_ xml: String, suffix: String) throws {
    let candidates = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"]
    guard let tool = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else { return }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).\(suffix)")
    try xml.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["--noout", url.path]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 0, "xmllint: \(message)")
}
