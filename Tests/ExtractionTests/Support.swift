import Foundation
import Testing

@testable import Extraction

/// One expected link: kind, canonical target, and each mention as (text as written, rule).
struct ExpectedLink: Sendable, CustomStringConvertible {
    var kind: LinkKind
    var target: String
    var mentions: [(text: String, rule: ExtractionRule)]

    init(_ kind: LinkKind, _ target: String, _ mentions: [(String, ExtractionRule)]) {
        self.kind = kind
        self.target = target
        self.mentions = mentions.map { (text: $0.0, rule: $0.1) }
    }

    var description: String {
        "\(kind.rawValue) \(target) " + mentions.map { "[\($0.rule.rawValue)] \($0.text)" }.joined(separator: " | ")
    }
}

func describe(_ links: [Link]) -> [String] {
    links.map { link in
        "\(link.kind.rawValue) \(link.target) "
            + link.mentions.map { "[\($0.rule)] \($0.text)" }.joined(separator: " | ")
    }
}

/// Every mention's span must select exactly its text from the field, counting Unicode scalars
/// (so Python's `field[start:end] == text`).
func expectValidOffsets(
    _ links: [Link], fields: [String: String], sourceLocation: SourceLocation = #_sourceLocation
) {
    for link in links {
        for mention in link.mentions where mention.field != "metadata" {
            guard let text = fields[mention.field] else {
                Issue.record("mention in unknown field \(mention.field)", sourceLocation: sourceLocation)
                continue
            }
            let scalars = Array(text.unicodeScalars)
            guard mention.start >= 0, mention.start <= mention.end, mention.end <= scalars.count else {
                Issue.record(
                    "span \(mention.start)..<\(mention.end) outside \(mention.field) (\(scalars.count) scalars)",
                    sourceLocation: sourceLocation)
                continue
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[mention.start..<mention.end])
            #expect(String(view) == mention.text, "span of \(link.target) in \(mention.field)", sourceLocation: sourceLocation)
        }
    }
}

/// The text of a verdict's evidence span must be the evidence.
func expectValidEvidence(
    _ verdict: CodeVerdict, fields: [String: String], sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let evidence = verdict.evidence, let field = verdict.field, let start = verdict.start,
        let end = verdict.end
    else {
        #expect(verdict.status == .none, "a verdict other than none needs evidence", sourceLocation: sourceLocation)
        return
    }
    guard let text = fields[field] else {
        #expect(field == "metadata", sourceLocation: sourceLocation)
        return
    }
    let scalars = Array(text.unicodeScalars)
    guard start >= 0, start <= end, end <= scalars.count else {
        Issue.record("evidence span \(start)..<\(end) outside \(field)", sourceLocation: sourceLocation)
        return
    }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    #expect(String(view) == evidence, sourceLocation: sourceLocation)
}

/// Checks the links of one field against the expectation, mention by mention, and the offsets.
func expectLinks(
    in text: String, _ expected: [ExpectedLink], sourceLocation: SourceLocation = #_sourceLocation
) {
    let links = LinkExtractor.links(in: text, field: "abstract")
    let want = expected.map(\.description)
    #expect(describe(links) == want, sourceLocation: sourceLocation)
    expectValidOffsets(links, fields: ["abstract": text], sourceLocation: sourceLocation)
}

// MARK: - Real data in ../shared

enum SharedData {
    /// `../shared` next to the package root, found by walking up from this file.
    static func directory(filePath: String = #filePath) throws -> URL {
        var dir = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                let shared = dir.deletingLastPathComponent().appendingPathComponent("shared")
                guard FileManager.default.fileExists(atPath: shared.path) else {
                    throw MissingSharedData(path: shared.path)
                }
                return shared
            }
            dir = dir.deletingLastPathComponent()
        }
        throw MissingSharedData(path: "../shared (no Package.swift above \(filePath))")
    }

    struct MissingSharedData: Error, CustomStringConvertible {
        var path: String
        var description: String {
            "real-data tests need the shared folder at \(path); check out the project next to it"
        }
    }

    struct SeedPaper {
        var title: String
        var abstract: String
    }

    /// A minimal reader for the Hugging Face page dumps: blocks separated by blank lines; a
    /// one-line block that is not site chrome, a date or an author/upvote line is a title, and
    /// the next block's first line is its abstract.
    static func seedPapers(_ name: String) throws -> [SeedPaper] {
        let url = try directory().appendingPathComponent("seeds").appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        var blocks: [[String]] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(String(line))
            }
        }
        if !current.isEmpty { blocks.append(current) }
        let chrome: Set<String> = [
            "new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers",
            "byAK and the research community",
        ]
        func isDate(_ s: String) -> Bool {
            let parts = s.split(separator: " ")
            return parts.count == 2 && parts[0].count == 3 && parts[1].allSatisfy(\.isNumber)
        }
        func isMetadata(_ block: [String]) -> Bool {
            let first = block[0].trimmingCharacters(in: .whitespaces)
            return first.hasPrefix("•") || first == "·"
        }
        var papers: [SeedPaper] = []
        var i = 0
        while i < blocks.count {
            let block = blocks[i]
            if block.count == 1, chrome.contains(block[0]) || isDate(block[0]) {
                i += 1
            } else if isMetadata(block) {
                i += 1
            } else if block.count == 1, i + 1 < blocks.count, !isMetadata(blocks[i + 1]) {
                papers.append(SeedPaper(title: block[0], abstract: blocks[i + 1][0]))
                i += 2
            } else {
                i += 1
            }
        }
        return papers
    }

    struct CorpusPaper {
        var id: String
        var abstract: String
        var comment: String?
    }

    static func corpus(_ name: String) throws -> [CorpusPaper] {
        let url = try directory().appendingPathComponent("corpora").appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        var papers: [CorpusPaper] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let id = object["id"] as? String, let abstract = object["abstract"] as? String
            else { continue }
            papers.append(CorpusPaper(id: id, abstract: abstract, comment: object["comment"] as? String))
        }
        return papers
    }
}
