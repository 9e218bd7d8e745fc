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
    let extraction = extract(paper("See https://z.org/a.", comment: "https://a.org/b and https://z.org/a"))
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
