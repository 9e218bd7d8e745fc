import Corpus
import Testing

@testable import Extraction

struct CodeCase: Sendable, CustomTestStringConvertible {
    var name: String
    var abstract: String
    var status: CodeStatus
    var rule: CodeStatusRule?
    /// The deciding sentence exactly as written; nil for `none`.
    var evidence: String?

    var testDescription: String { name }
}

private func code(
    _ name: String, _ abstract: String, _ status: CodeStatus, _ rule: CodeStatusRule? = nil, _ evidence: String? = nil
) -> CodeCase {
    CodeCase(name: name, abstract: abstract, status: status, rule: rule, evidence: evidence)
}

private func verdict(abstract: String, comment: String? = nil, metadata: [MetadataLink] = []) -> (PaperExtraction, PaperRecord) {
    let record = PaperRecord(
        title: "T", abstract: abstract, comment: comment, metadataLinks: metadata,
        source: SourceLocation(file: "test", line: 1), format: .arxivListing)
    return (extract(record), record)
}

@Test(arguments: [
    // Released
    code("repo link", "We propose X. Code is available at https://github.com/a/b.", .released, .repoLink,
        "Code is available at https://github.com/a/b."),
    code("repo link without verb", "We propose X. https://github.com/a/b", .released, .repoLink,
        "We propose X. https://github.com/a/b"),
    code("link after the sentence that names it", "It works. Code is available. https://lab.github.io/p",
        .released, .availableAtLink, "Code is available. https://lab.github.io/p"),
    code("available at a project page", "Our code is publicly available at https://lab.github.io/p.", .released,
        .availableAtLink, "Our code is publicly available at https://lab.github.io/p."),
    code("code label", "It works. Code: https://lab.github.io/p", .released, .availableAtLink,
        "Code: https://lab.github.io/p"),
    code("on the project page", "It works. Code and data are available on the project page.", .released,
        .availableOnPage, "Code and data are available on the project page."),
    code("in the supplement", "It works. The source code is included in the supplementary material.", .released,
        .availableInSupplement, "The source code is included in the supplementary material."),
    code("attached as a supplement", "It works. Our code is attached as a supplement.", .released,
        .availableInSupplement, "Our code is attached as a supplement."),
    code("placeholder", "It works. Code is available at this https URL.", .released, .availableAtPlaceholder,
        "Code is available at this https URL."),
    code("available on GitHub without a link", "It works. Our code is available at GitHub.", .released,
        .availableNoLink, "Our code is available at GitHub."),
    code("active release", "It works. We release our code and models.", .released, .availableNoLink,
        "We release our code and models."),
    code("made publicly available", "We make our code publicly available.", .released, .availableNoLink,
        "We make our code publicly available."),
    code("own open-source toolkit", "We present Kit, an open-source toolkit for parsing.", .released,
        .availableNoLink, "We present Kit, an open-source toolkit for parsing."),
    code("has been open-sourced", "The implementation has been open-sourced.", .released, .availableNoLink,
        "The implementation has been open-sourced."),
    // Promised
    code("will be released", "It works. Our code will be released.", .promised, .promisePhrase,
        "Our code will be released."),
    code("will be made publicly available", "Code will be made publicly available.", .promised, .promisePhrase,
        "Code will be made publicly available."),
    code("will be open-sourced", "The code will be open-sourced.", .promised, .promisePhrase,
        "The code will be open-sourced."),
    code("upon acceptance", "Source code is available upon acceptance.", .promised, .promisePhrase,
        "Source code is available upon acceptance."),
    code("upon publication", "Code available upon publication.", .promised, .promisePhrase,
        "Code available upon publication."),
    code("coming soon", "It works. Code: coming soon.", .promised, .promisePhrase, "Code: coming soon."),
    code("after review", "The code will be released after review", .promised, .promisePhrase,
        "The code will be released after review"),
    code("to be released", "The source code is to be released.", .promised, .promisePhrase,
        "The source code is to be released."),
    code("we will release", "We will release the code and data.", .promised, .promisePhrase,
        "We will release the code and data."),
    code("we'll release", "We'll release our code.", .promised, .promisePhrase, "We'll release our code."),
    code("plan to release", "We plan to release the implementation.", .promised, .promisePhrase,
        "We plan to release the implementation."),
    code("promise overrides a link in the same sentence", "It works. Code will be available at https://github.com/a/b.",
        .promised, .promisePhrase, "Code will be available at https://github.com/a/b."),
    code("promise with a list of artifacts", "The code, data, and models will be released.", .promised,
        .promisePhrase, "The code, data, and models will be released."),
    code("glued sentence", "It reads gestures.The code will be released to help.", .promised, .promisePhrase,
        "The code will be released to help."),
    code("repository link in a promise", "The dataset will be released at https://github.com/a/b.", .promised,
        .promisePhrase, "The dataset will be released at https://github.com/a/b."),
    // Released beats promised
    code("separate released sentence wins", "Code will be released at https://github.com/a/b. Code is available at https://github.com/a/b.",
        .released, .repoLink, "Code is available at https://github.com/a/b."),
    code("promise in another clause", "The dataset will be released after review, and the code is available at https://github.com/a/b.",
        .released, .repoLink,
        "The dataset will be released after review, and the code is available at https://github.com/a/b."),
    // None
    code("nothing", "We study transformers. They work well.", .none),
    code("upon request", "Code will be made available upon request.", .none),
    code("not available", "The code is not publicly available.", .none),
    code("dataset only", "We release our dataset at https://huggingface.co/datasets/a/b.", .none),
    code("artifacts only", "All datasets and models will be released.", .none),
    code("code generation", "We evaluate code generation on publicly available benchmarks.", .none),
    code("code-switching", "Code-switched speech data will be released.", .none),
    code("pseudo-code", "Pseudo-code is provided in the appendix.", .none),
    code("others' open-source repositories", "We collect images from open-source repositories such as X.", .none),
    code("a library of prompts", "A library of prompts is available to the agent.", .none),
    code("codes as data", "High-quality codes obtained in the previous iteration guide the next.", .none),
    code("release as a noun", "Software release decisions are hard.", .none),
    code("project page without code", "It works. Project page: https://lab.github.io/p.", .none),
])
func codeStatus(_ c: CodeCase) {
    let (extraction, record) = verdict(abstract: c.abstract)
    let v = extraction.code
    #expect(v.status == c.status)
    #expect(v.rule == c.rule?.rawValue)
    #expect(v.evidence == c.evidence)
    if c.status != .none { #expect(v.field == "abstract") }
    expectValidEvidence(v, fields: ["abstract": record.abstract])
    expectValidOffsets(extraction.links, fields: ["abstract": record.abstract])
}

@Test func sentenceSplittingKeepsAbbreviationsDecimalsAndURLs() {
    let abstract =
        "We gain 3.5 points on ImageNet (Fig. 2) over Smith et al. (2020), e.g. with ViT-B/16 from "
        + "https://x.org/v1.2/a.b. Code: https://github.com/a/b."
    let (extraction, record) = verdict(abstract: abstract)
    #expect(extraction.code.evidence == "Code: https://github.com/a/b.")
    expectValidEvidence(extraction.code, fields: ["abstract": record.abstract])
}

@Test func evidenceSpanCountsScalars() {
    let abstract = "Des résultats 😀 solides. Le code est ici. Code is available at https://github.com/a/b."
    let (extraction, record) = verdict(abstract: abstract)
    #expect(extraction.code.rule == "repo-link")
    #expect(extraction.code.start == 42)
    expectValidEvidence(extraction.code, fields: ["abstract": record.abstract])
}

@Test func commentFieldDecidesWhenAbstractIsSilent() {
    let (extraction, record) = verdict(abstract: "We study X.", comment: "CVPR 2025. Code: https://github.com/a/b")
    #expect(extraction.code.status == .released)
    #expect(extraction.code.field == "comment")
    #expect(extraction.code.evidence == "Code: https://github.com/a/b")
    expectValidEvidence(extraction.code, fields: ["abstract": record.abstract, "comment": record.comment ?? ""])
}

@Test func strongestRuleWinsAcrossFields() {
    let (extraction, _) = verdict(
        abstract: "Our code is available on GitHub.", comment: "Code: https://github.com/a/b")
    #expect(extraction.code.rule == "repo-link")
    #expect(extraction.code.field == "comment")
}

@Test func metadataRepositoryCountsAsReleased() {
    let url = "https://github.com/Owner/Repo"
    let (extraction, _) = verdict(abstract: "We study X.", metadata: [MetadataLink(role: .githubRepo, url: url)])
    #expect(extraction.code.status == .released)
    #expect(extraction.code.rule == "repo-link")
    #expect(extraction.code.field == "metadata")
    #expect(extraction.code.evidence == url)
    #expect(extraction.code.start == 0)
    #expect(extraction.code.end == url.unicodeScalars.count)
}

@Test func classifierWorksOnFieldsDirectly() {
    let text = "Our code will be released upon acceptance."
    let v = CodeStatusClassifier.classify([(name: "abstract", text: text)], links: [])
    #expect(v.status == .promised)
    #expect(v.evidence == text)
    #expect(CodeStatusClassifier.classify([], links: []) == .none)
}

/// Every code noun the classifier knows, in both cases; the scanner matches them byte by byte.
@Test(arguments: [
    "code", "codes", "codebase", "codebases", "implementation", "implementations", "software", "toolkit",
    "toolkits", "toolbox", "library", "libraries", "repository", "repositories", "repo", "repos", "GitHub",
    "GitLab", "package", "packages", "scripts", "Code", "IMPLEMENTATION",
])
func codeNounIsRecognized(_ noun: String) {
    let text = "Our \(noun) is publicly available."
    let v = CodeStatusClassifier.classify([(name: "abstract", text: text)], links: [])
    #expect(v.status == .released)
    #expect(v.rule == "available-no-link")
}

@Test(arguments: ["coder", "cod", "tool", "repot", "packaged", "softwares", "implementing", "2code", "codex"])
func nearMissIsNotACodeNoun(_ word: String) {
    let text = "Our \(word) is publicly available."
    #expect(CodeStatusClassifier.classify([(name: "abstract", text: text)], links: []).status == .none)
}
