import Corpus
import Foundation
import Testing
@testable import Extraction

/// Prints every reference resolved among the real listings in `../shared` (the two arXiv months
/// in `corpora/` and the three Hugging Face pages in `seeds/`), for a person to audit precision
/// by eye. Opt-in: `PAPERGRAPH_AUDIT=1 swift test --filter RealCorpusAudit`.
///
/// Each listing set is resolved on its own (which names win, which are ambiguous or established,
/// and what topical agreement judges all depend on what else is indexed): both months with the
/// seed pages, then each month alone. Name links are printed once per citing → cited pair with
/// how the cited paper claims the name; uses kept dangling by the topical or corroboration
/// rules are printed too, to look for right links dropped; and every pair that a name rule adds
/// or removes is listed, rule by rule.
@Suite struct RealCorpusAuditTests {
    static let enabled = ProcessInfo.processInfo.environment["PAPERGRAPH_AUDIT"] != nil

    static func sharedDirectory() throws -> URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.deletingLastPathComponent().appendingPathComponent("shared")
            }
        }
        throw CocoaError(.fileNoSuchFile)
    }

    static func records(_ file: String) throws -> [PaperRecord] {
        let url = try sharedDirectory().appendingPathComponent("corpora").appendingPathComponent(file)
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

    /// The three Hugging Face page dumps, read by the product's own reader.
    static func seedRecords() throws -> [PaperRecord] {
        let directory = try sharedDirectory().appendingPathComponent("seeds")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        var records: [PaperRecord] = []
        for file in files {
            records += try RecordReader.readAll(path: directory.appendingPathComponent(file).path).records
        }
        return records
    }

    /// One resolved name link, for comparing runs.
    struct Pair: Hashable, Comparable {
        var citing: String
        var name: String
        var cited: String

        static func < (lhs: Pair, rhs: Pair) -> Bool { (lhs.citing, lhs.name, lhs.cited) < (rhs.citing, rhs.name, rhs.cited) }
    }

    /// Name pairs (and gated uses) of one listing set under one set of name options.
    static func namePairs(_ records: [PaperRecord], matcher: ReferenceMatcher)
        -> (linked: [Pair: Int], gated: [(Pair, String)])
    {
        var linked: [Pair: Int] = [:]
        var gated: Set<String> = []
        var gatedList: [(Pair, String)] = []
        var scanner = matcher.scanner()
        for record in records {
            guard let citing = matcher.index(ofKey: record.id) else { continue }
            let scan = UTF8Text.withBytes(record.abstract) { scanner.collect($0, citing: citing) }
            for hit in matcher.resolve(scan, citing: citing) where hit.rule == .name {
                if let cited = hit.cited {
                    linked[Pair(citing: matcher.papers[citing].key, name: hit.citedText, cited: matcher.papers[cited].key), default: 0] += 1
                }
            }
            for (occurrence, verdict) in matcher.nameVerdicts(scan, citing: citing) {
                let entry = matcher.names[Int(occurrence.pattern)]
                guard entry.owner >= 0, entry.owner != Int32(citing) else { continue }
                let reason: String
                switch verdict {
                case .linked: continue
                case .dangling(let why): reason = why.rawValue
                case .dropped(let why): reason = "dropped " + why.rawValue
                }
                let pair = Pair(citing: matcher.papers[citing].key, name: entry.name, cited: matcher.papers[Int(entry.owner)].key)
                if gated.insert("\(pair) \(reason)").inserted { gatedList.append((pair, reason)) }
            }
        }
        return (linked, gatedList.sorted { $0.0 < $1.0 })
    }

    static func claimKind(_ matcher: ReferenceMatcher, name: String) -> String {
        guard let entry = matcher.names.first(where: { $0.name == name }), entry.owner >= 0 else { return "?" }
        let title = matcher.papers[Int(entry.owner)].title
        if NameRules.titleName(title)?.name == name { return "title" }
        if ReferenceMatcher.title(title, contains: name) { return "abstract, in title" }
        return "abstract only"
    }

    static func audit(_ label: String, _ records: [PaperRecord]) {
        var index = ReferenceIndex()
        for record in records { index.add(record) }
        let matcher = index.compiled().pruningEstablishedNames(in: records)
        print("== \(label): papers \(index.count), names \(matcher.nameCount), ambiguous \(matcher.ambiguousNames.count), "
            + "established (pruned) \(matcher.establishedNames.count)")
        print("  established: \(matcher.establishedNames.joined(separator: " "))")
        for name in matcher.ambiguousNames { print("  ambiguous \(name.name): \(name.claimants.joined(separator: ", "))") }
        let ordinary = matcher.names.filter(\.ordinaryWordsUntitled).map(\.name)
        let releases = matcher.names.filter(\.titledRelease).map(\.name)
        print("  ordinary-word names only an abstract claims: \(ordinary.count): \(ordinary.joined(separator: " "))")
        print("  titled releases: \(releases.count): \(releases.joined(separator: " "))")

        var counts: [String: (resolved: Int, dangling: Int)] = [:]
        for record in records {
            let citing = matcher.index(ofKey: record.id)
            for mention in matcher.mentions(in: record) {
                var count = counts[mention.rule, default: (0, 0)]
                if let cited = mention.resolvedID {
                    count.resolved += 1
                    if mention.rule != ReferenceRule.name.rawValue {
                        let citedTitle = matcher.index(ofKey: cited).map { matcher.papers[$0].title } ?? "?"
                        print("  \(record.id) \(mention.rule) \"\(mention.text)\" → \(cited) \(citedTitle.prefix(70))")
                    }
                } else {
                    count.dangling += 1
                }
                counts[mention.rule] = count
            }
            _ = citing
        }
        for (rule, count) in counts.sorted(by: { $0.key < $1.key }) {
            print("  \(rule): \(count.resolved) resolved, \(count.dangling) dangling")
        }

        let (linked, gated) = namePairs(records, matcher: matcher)
        print("  name pairs: \(linked.count)")
        for (pair, uses) in linked.sorted(by: { $0.key < $1.key }) {
            let cited = matcher.index(ofKey: pair.cited).map { matcher.papers[$0].title } ?? "?"
            print("  PAIR \(pair.citing) \"\(pair.name)\" ×\(uses) → \(pair.cited) [\(claimKind(matcher, name: pair.name))] \(cited.prefix(70))")
        }
        for (pair, reason) in gated {
            print("  GATED \(reason) \(pair.citing) \"\(pair.name)\" → \(pair.cited) [\(claimKind(matcher, name: pair.name))]")
        }
        // What the structural rules give alone, as in an index under 1,000 papers: every pair
        // that only the topical gate keeps out is listed under "topical agreement" below, and
        // the structural rules are measured again with the gate off.
        var ungated = matcher
        ungated.options.topicalAgreement = false
        let ungatedPairs = Set(namePairs(records, matcher: ungated).linked.keys)
        typealias Variant = (rule: String, switchOff: (inout ReferenceMatcher.NameOptions) -> Void)
        let corroboration: Variant = (
            "ordinary-word names need corroboration", { $0.ordinaryWordNamesNeedCorroboration = false }
        )
        let establishedSense: Variant = ("established sense per abstract", { $0.establishedSensePerAbstract = false })
        let structuralVariants = [corroboration, establishedSense]
        for (rule, switchOff) in structuralVariants {
            var without = ungated
            switchOff(&without.options)
            let before = Set(namePairs(records, matcher: without).linked.keys)
            for pair in before.subtracting(ungatedPairs).sorted() {
                print("  UNGATED RULE \(rule): - \(pair.citing) \"\(pair.name)\" → \(pair.cited)")
            }
        }
        // What each switchable rule changes: pairs it removes (-) or adds (+).
        let variants: [Variant] = [
            corroboration,
            ("titled releases skip topic", { $0.titledReleasesSkipTopic = false }),
            ("topical agreement", { $0.topicalAgreement = false }),
            establishedSense,
        ]
        for (rule, switchOff) in variants {
            var without = matcher
            switchOff(&without.options)
            let before = Set(namePairs(records, matcher: without).linked.keys)
            let after = Set(linked.keys)
            for pair in before.subtracting(after).sorted() { print("  RULE \(rule): - \(pair.citing) \"\(pair.name)\" → \(pair.cited)") }
            for pair in after.subtracting(before).sorted() { print("  RULE \(rule): + \(pair.citing) \"\(pair.name)\" → \(pair.cited)") }
        }
    }

    @Test(.enabled(if: enabled)) func printResolvedReferencesForAudit() throws {
        let march = try Self.records("arxiv-cs-2025-03.jsonl")
        let december = try Self.records("arxiv-cs-2025-12.jsonl")
        let seeds = try Self.seedRecords()
        Self.audit("both months + seed pages", march + december + seeds)
        Self.audit("2025-03 alone", march)
        Self.audit("2025-12 alone", december)
        Self.audit("seed pages alone", seeds)
    }

    /// Topical agreement of every single-owner name use, to tune `TopicalAgreement.threshold`.
    @Test(.enabled(if: enabled)) func printTopicalAgreementScores() throws {
        let records = try Self.records("arxiv-cs-2025-03.jsonl") + Self.records("arxiv-cs-2025-12.jsonl")
        var index = ReferenceIndex()
        for record in records { index.add(record) }
        let matcher = index.compiled().pruningEstablishedNames(in: records)
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
    }
}
