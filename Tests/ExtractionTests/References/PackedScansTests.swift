import Corpus
import Testing
@testable import Extraction

@Suite struct PackedScansTests {
    /// `PackedScans` packs these fields one by one: a field added to either type must be packed
    /// too (and this list updated), or it would be lost between scanning and resolving.
    @Test func packedTypesHaveTheFieldsThePackingKnows() {
        let occurrence = AbstractScan.NameOccurrence(pattern: 0, start: 0, end: 1, text: "x", definedAs: nil)
        #expect(Mirror(reflecting: occurrence).children.map(\.label) == [
            "pattern", "start", "end", "text", "definedAs", "use", "insideLongForm", "topicAgrees", "afterEstablishedModifier",
        ])
        #expect(Mirror(reflecting: AbstractScan()).children.map(\.label) == ["fixed", "names"])
    }

    /// A matcher whose dictionary holds one name, `LoRA`, and that name's pattern.
    static func loraMatcher() throws -> (ReferenceMatcher, Int) {
        var index = ReferenceIndex()
        index.add(PaperRecord(
            arxivID: "2001.00001", title: "LoRA: Low-Rank Adaptation", abstract: "We propose LoRA.", date: "2021-01-01",
            source: SourceLocation(file: "t", line: 1), format: .arxivListing))
        let matcher = index.compiled()
        return (matcher, try #require(matcher.names.firstIndex { $0.name == "LoRA" }))
    }

    /// Occurrences whose text is not the name's (wrapped across lines), expansions, references
    /// found by title or author and year, and starts that go backwards all come back as they were.
    @Test func everyPartOfAScanComesBack() throws {
        let (matcher, pattern) = try Self.loraMatcher()
        var scan = AbstractScan()
        scan.fixed = [ReferenceHit(rule: .title, start: 3, end: 9, text: "A Title", cited: 0, citedText: "A Title")]
        scan.names = [
            AbstractScan.NameOccurrence(pattern: Int32(pattern), start: 40, end: 44, text: "LoRA", definedAs: nil),
            AbstractScan.NameOccurrence(pattern: Int32(pattern), start: 12, end: 17, text: "Lo\nRA", definedAs: "low rank"),
            AbstractScan.NameOccurrence(pattern: Int32(pattern), start: 100_000, end: 100_004, text: "LoRA", definedAs: nil),
        ]
        scan.names[0].topicAgrees = false
        scan.names[1].insideLongForm = true
        scan.names[2].afterEstablishedModifier = true
        scan.names[2].use = NameContext.Use(head: .data, inEnumeration: true)
        var packed = PackedScans(matcher: matcher)
        packed.append(AbstractScan(), citing: 0, matcher: matcher)
        packed.append(scan, citing: 7, matcher: matcher)
        #expect(packed.count == 1 && packed.citing(at: 0) == 7)
        let back = packed.scan(at: 0, matcher: matcher)
        #expect(back.fixed == scan.fixed)
        #expect(back.names.map(\.pattern) == scan.names.map(\.pattern))
        #expect(back.names.map(\.start) == scan.names.map(\.start))
        #expect(back.names.map(\.end) == scan.names.map(\.end))
        #expect(back.names.map(\.text) == scan.names.map(\.text))
        #expect(back.names.map(\.definedAs) == scan.names.map(\.definedAs))
        #expect(back.names.map(\.topicAgrees) == scan.names.map(\.topicAgrees))
        #expect(back.names.map(\.insideLongForm) == scan.names.map(\.insideLongForm))
        #expect(back.names.map(\.afterEstablishedModifier) == scan.names.map(\.afterEstablishedModifier))
        #expect(back.names.map(\.use) == scan.names.map(\.use))
        #expect(Array(packed.uses.map(\.names)) == [[Int32(pattern)]])
    }

    /// Every combination of context judgements survives its one-byte packing.
    @Test func everyContextComesBack() throws {
        let (matcher, pattern) = try Self.loraMatcher()
        var scan = AbstractScan()
        let heads: [NameContext.Head?] = [nil, .data, .measure, .device]
        for combination in 0..<64 {
            var occurrence = AbstractScan.NameOccurrence(
                pattern: Int32(pattern), start: 10 * combination, end: 10 * combination + 4, text: "LoRA", definedAs: nil)
            occurrence.use = NameContext.Use(head: heads[combination & 3], inEnumeration: combination & 4 != 0)
            occurrence.insideLongForm = combination & 8 != 0
            occurrence.topicAgrees = combination & 16 != 0
            occurrence.afterEstablishedModifier = combination & 32 != 0
            scan.names.append(occurrence)
        }
        var packed = PackedScans(matcher: matcher)
        packed.append(scan, citing: 3, matcher: matcher)
        let back = packed.scan(at: 0, matcher: matcher)
        #expect(back.names.map(\.use) == scan.names.map(\.use))
        #expect(back.names.map(\.insideLongForm) == scan.names.map(\.insideLongForm))
        #expect(back.names.map(\.topicAgrees) == scan.names.map(\.topicAgrees))
        #expect(back.names.map(\.afterEstablishedModifier) == scan.names.map(\.afterEstablishedModifier))
        #expect(back.names.map(\.start) == scan.names.map(\.start))
    }

    @Test func packedScansResolveAsTheScansThemselves() {
        func paper(_ id: String, _ title: String, _ abstract: String, _ date: String, authors: [String] = ["Ann Lee"])
            -> PaperRecord
        {
            PaperRecord(
                arxivID: id, title: title, abstract: abstract, authors: authors, date: date,
                source: SourceLocation(file: "t", line: 1), format: .arxivListing)
        }
        let records = [
            paper("2001.00001", "LoRA: Low-Rank Adaptation of Large Language Models", "We propose LoRA, an adapter.", "2021-06-01"),
            paper("2001.00002", "HAWQ-V2: Hessian Aware Quantization", "We introduce HAWQ-V2 for quantization.", "2020-01-01"),
            paper(
                "2001.00003", "A study of adapters",
                "Unlike LoRA and HAWQ-V2, as in \"LoRA: Low-Rank Adaptation of Large Language Models\" (Lee et al., 2021), "
                    + "we wrap LoRA and\nHAWQ-V2 here; our Quantized Adapters (QA) work. HAWQ-V2, LoRA.", "2022-01-01",
                authors: ["Bo Chen", "Cy Wu", "Di Xu"]),
            paper("2001.00004", "Another one", "Nothing to see.", "2022-02-01"),
        ]
        var index = ReferenceIndex()
        for record in records { index.add(record) }
        let matcher = index.compiled()
        var scanner = matcher.scanner()
        var packed = PackedScans(matcher: matcher)
        var scans: [(Int, AbstractScan)] = []
        for (position, record) in records.enumerated() {
            let scan = UTF8Text.withBytes(record.abstract) { scanner.collect($0, citing: position) }
            packed.append(scan, citing: position, matcher: matcher)
            if !scan.isEmpty { scans.append((position, scan)) }
        }
        #expect(scans.contains { !$0.1.fixed.isEmpty } && scans.contains { !$0.1.names.isEmpty })
        #expect(packed.count == scans.count)
        #expect(packed.uses.map(\.citing) == scans.filter { !$0.1.usedNames.isEmpty }.map(\.0))
        #expect(packed.uses.map(\.names) == scans.filter { !$0.1.usedNames.isEmpty }.map(\.1.usedNames))
        for (index, (position, scan)) in scans.enumerated() {
            #expect(packed.citing(at: index) == position)
            #expect(matcher.resolve(packed.scan(at: index, matcher: matcher), citing: position)
                == matcher.resolve(scan, citing: position))
        }
    }
}
