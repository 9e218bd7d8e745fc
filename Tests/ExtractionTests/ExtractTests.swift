import Corpus
import Testing

@testable import Extraction

private func paper(_ abstract: String, comment: String? = nil, metadata: [MetadataLink] = []) -> PaperRecord {
    PaperRecord(
        title: "T", abstract: abstract, comment: comment, metadataLinks: metadata,
        source: SourceLocation(file: "test", line: 1), format: .huggingFaceAPI)
}

@Test func linksMergeAcrossFieldsInFieldOrder() {
    let record = paper(
        "Page: https://lab.github.io/p. Code: https://github.com/a/b.",
        comment: "Code: github.com/A/B; data: https://huggingface.co/datasets/a/d",
        metadata: [
            MetadataLink(role: .githubRepo, url: "https://github.com/a/b"),
            MetadataLink(role: .projectPage, url: "https://other.github.io/"),
        ])
    let extraction = extract(record)
    #expect(extraction.links.map(\.target) == [
        "lab.github.io/p", "github.com/a/b", "huggingface.co/datasets/a/d", "other.github.io",
    ])
    let repo = extraction.links[1]
    #expect(repo.mentions.map(\.field) == ["abstract", "comment", "metadata"])
    #expect(repo.mentions.map(\.rule) == ["url", "scheme-less", "metadata"])
    let metadata = repo.mentions[2]
    #expect(metadata.start == 0)
    #expect(metadata.end == "https://github.com/a/b".unicodeScalars.count)
    #expect(metadata.text == "https://github.com/a/b")
    expectValidOffsets(extraction.links, fields: ["abstract": record.abstract, "comment": record.comment ?? ""])
    #expect(extraction.code.rule == "repo-link")
    #expect(extraction.code.field == "abstract")
}

@Test func linkFirstSeenInCommentSortsAfterAbstractLinks() {
    let record = paper("See https://z.org/a.", comment: "https://a.org/b and https://z.org/a")
    let extraction = extract(record)
    expectValidOffsets(extraction.links, fields: ["abstract": record.abstract, "comment": record.comment ?? ""])
    #expect(extraction.links.map(\.target) == ["z.org/a", "a.org/b"])
    #expect(extraction.links[0].mentions.map(\.field) == ["abstract", "comment"])
}

@Test func metadataLinksWithoutURLAreSkipped() {
    let extraction = extract(paper("Nothing.", metadata: [MetadataLink(role: .projectPage, url: "")]))
    #expect(extraction.links.isEmpty)
    #expect(extraction.code == .none)
}

@Test func missingOrEmptyCommentIsFine() {
    #expect(extract(paper("x", comment: nil)).links.isEmpty)
    #expect(extract(paper("x", comment: "")).links.isEmpty)
}

@Test func extractionIsDeterministic() {
    let record = paper(
        "A https://b.org/1 and https://a.org/2 and https://b.org/1 again.", comment: "https://c.org/3")
    let first = extract(record)
    for _ in 0..<5 { #expect(extract(record) == first) }
}

@Test func ruleNamesAreTheDocumentedOnes() {
    #expect(ExtractionRule.allCases.map(\.rawValue) == [
        "url", "scheme-less", "www", "latex-url", "latex-href", "latex-brace", "wrapped-url", "arxiv-id", "doi",
        "metadata",
    ])
    #expect(CodeStatusRule.allCases.map(\.rawValue) == [
        "repo-link", "available-at-link", "available-on-page", "available-in-supplement",
        "available-at-placeholder", "available-no-link", "promise-phrase",
    ])
}

/// Random texts stitched from the fragments links are made of: nothing crashes, every span
/// selects its text, mentions do not overlap, and evidence spans select their sentences.
@Test func randomFragmentsNeverBreakOffsets() {
    let fragments = [
        "https://", "http:", "//", "github.com/", "GitHub.com", "a", "B-c", "_", "\\_", "\\url{", "\\href{", "{", "}",
        ".", ",", ":", ";", ")", "(", "\n", "\n  ", " ", "~", "$", "é", "e\u{301}", "😀", "👍🏽", "。", "\u{A0}",
        "10.", "1234", "/", "arXiv:", "2401.01234", "v2", "www.", "x.org", "io", "huggingface.co/datasets/",
        "@", "code", " is available at ", " will be released", "this https URL", "-", "?", "#", "%", "'", "\"",
    ]
    var generator = SplitMix64(seed: 0x5EED)
    for _ in 0..<3000 {
        let count = Int(generator.next() % 40) + 1
        var text = ""
        for _ in 0..<count { text += fragments[Int(generator.next() % UInt64(fragments.count))] }
        let record = paper(text, comment: String(text.reversed()))
        let extraction = extract(record)
        let fields = ["abstract": record.abstract, "comment": record.comment ?? ""]
        expectValidOffsets(extraction.links, fields: fields)
        expectValidEvidence(extraction.code, fields: fields)
        for field in ["abstract", "comment"] {
            let spans = extraction.links.flatMap(\.mentions).filter { $0.field == field }.sorted { $0.start < $1.start }
            for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.end <= b.start, "\(text.debugDescription)") }
        }
    }
}

/// A small deterministic generator, so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
