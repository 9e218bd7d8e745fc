import Corpus
import Foundation
import Testing
@testable import Extraction

/// Prints every reference resolved among the real arXiv listings in `../shared/corpora`, for a
/// person to audit precision by eye. Opt-in: `PAPERGRAPH_AUDIT=1 swift test --filter RealCorpusAudit`.
@Suite struct RealCorpusAuditTests {
    static let enabled = ProcessInfo.processInfo.environment["PAPERGRAPH_AUDIT"] != nil

    static func corpusDirectory() throws -> URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.deletingLastPathComponent().appendingPathComponent("shared/corpora")
            }
        }
        throw CocoaError(.fileNoSuchFile)
    }

    static func records(_ file: String) throws -> [PaperRecord] {
        let url = try corpusDirectory().appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        var records: [PaperRecord] = []
        for (number, line) in text.split(separator: "\n").enumerated() {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let title = object["title"] as? String, let abstract = object["abstract"] as? String
            else { continue }
            records.append(PaperRecord(
                arxivID: object["id"] as? String, title: title, abstract: abstract,
                comment: object["comment"] as? String, authors: object["authors"] as? [String] ?? [],
                categories: object["categories"] as? [String] ?? [], date: object["listing_date"] as? String,
                source: SourceLocation(file: file, line: number + 1), format: .arxivListing))
        }
        return records
    }

    @Test(.enabled(if: enabled)) func printResolvedReferencesForAudit() throws {
        let records = try Self.records("arxiv-cs-2025-03.jsonl") + Self.records("arxiv-cs-2025-12.jsonl")
        var index = ReferenceIndex()
        for record in records { index.add(record) }
        let matcher = index.compiled().pruningEstablishedNames(in: records)
        print(
            "papers \(records.count), names \(matcher.nameCount), ambiguous \(matcher.ambiguousNames.count), "
                + "established (pruned) \(matcher.establishedNames.count)")
        print("  established: \(matcher.establishedNames.joined(separator: " "))")
        for name in matcher.ambiguousNames { print("  ambiguous \(name.name): \(name.claimants.joined(separator: ", "))") }
        for claimed in matcher.claimedNames { print("  name \(claimed.name) ← \(claimed.claimants.map { matcher.papers[$0].key })") }
        var counts: [String: (resolved: Int, dangling: Int)] = [:]
        for record in records {
            for mention in matcher.mentions(in: record) {
                var count = counts[mention.rule, default: (0, 0)]
                if let cited = mention.resolvedID {
                    count.resolved += 1
                    let citedTitle = matcher.index(ofKey: cited).map { matcher.papers[$0].title } ?? "?"
                    print("  \(record.id) \(mention.rule) \"\(mention.text)\" → \(cited) \(citedTitle.prefix(70))")
                } else {
                    count.dangling += 1
                }
                counts[mention.rule] = count
            }
        }
        // Topical agreement of every single-owner name use, to tune `TopicalAgreement.threshold`.
        var scanner = matcher.scanner()
        for record in records {
            guard let citing = matcher.index(ofKey: record.id) else { continue }
            let scan = UTF8Text.withBytes(record.abstract) { scanner.collect($0, citing: citing) }
            var words: [UInt32] = []
            UTF8Text.withBytes(record.abstract) { TopicalAgreement.abstractWords($0, into: &words) }
            for occurrence in scan.names {
                let entry = matcher.names[Int(occurrence.pattern)]
                guard entry.owner >= 0, entry.owner != Int32(citing), !matcher.pruned[Int(occurrence.pattern)] else { continue }
                let score = matcher.topicSignatures.agreement(pattern: Int(occurrence.pattern), abstractWords: words)
                let modifier = occurrence.afterEstablishedModifier ? " after-modifier" : ""
                print("  topic \(score) \(record.id) \"\(entry.name)\" → \(matcher.papers[Int(entry.owner)].key)\(modifier)")
            }
        }
        for (rule, count) in counts.sorted(by: { $0.key < $1.key }) {
            print("\(rule): \(count.resolved) resolved, \(count.dangling) dangling")
        }
    }
}
