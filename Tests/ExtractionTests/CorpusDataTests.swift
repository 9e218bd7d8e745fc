import Corpus
import Testing

@testable import Extraction

private let corpusFiles = ["arxiv-cs-2025-03.jsonl", "arxiv-cs-2025-12.jsonl"]

/// Both months by arXiv id, read once for all the cases.
private let corpusByID: Result<[String: SharedData.CorpusPaper], any Error> = Result {
    var byID: [String: SharedData.CorpusPaper] = [:]
    for file in corpusFiles {
        for paper in try SharedData.corpus(file) { byID[paper.id] = paper }
    }
    return byID
}

private func record(_ paper: SharedData.CorpusPaper) -> PaperRecord {
    PaperRecord(
        arxivID: paper.id, title: paper.id, abstract: paper.abstract, comment: paper.comment,
        source: SourceLocation(file: "corpus", line: 0), format: .arxivListing)
}

/// Over every abstract and comment of both months: no crash, every mention's span selects its
/// text, every evidence span selects its sentence, and mentions do not overlap.
@Test(arguments: corpusFiles)
func corpusOffsetsAreValid(_ file: String) throws {
    let papers = try SharedData.corpus(file)
    #expect(papers.count > 2000)
    var linkCount = 0
    for paper in papers {
        let extraction = extract(record(paper))
        let fields = ["abstract": paper.abstract, "comment": paper.comment ?? ""]
        expectValidOffsets(extraction.links, fields: fields)
        expectValidEvidence(extraction.code, fields: fields)
        linkCount += extraction.links.count
        for field in ["abstract", "comment"] {
            let spans = extraction.links.flatMap(\.mentions).filter { $0.field == field }.sorted { $0.start < $1.start }
            for (a, b) in zip(spans, spans.dropFirst()) {
                #expect(a.end <= b.start, "\(paper.id): overlapping mentions \(a.text) / \(b.text)")
            }
        }
    }
    #expect(linkCount > 500)
}

/// Tricky real cases found by searching the corpora, referred to by arXiv id. Each lists every
/// link of the paper (abstract and comment merged) as `kind target [rules of its mentions]`.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    var id: String
    var why: String
    var links: [String]
    var status: CodeStatus

    var testDescription: String { "\(id): \(why)" }
}

@Test(arguments: [
    CorpusCase(id: "2503.13217", why: "scheme, line break, slashes", links: [
        "page selen-suyue.github.io/DspNet [wrapped-url]"
    ], status: .promised),
    CorpusCase(id: "2503.13477", why: "slashes, line break, host", links: [
        "repo anonymous.4open.science/r/bone-loss-keypoint-detection-code [wrapped-url]",
        "page bit.ly/4hJ3aE7 [url]",
    ], status: .released),
    CorpusCase(id: "2503.21771", why: "`https: //` in the abstract, `https:\\n  //` in the comment", links: [
        "repo github.com/hongklin/tide [wrapped-url, wrapped-url]"
    ], status: .released),
    CorpusCase(id: "2503.14029", why: "\\href with the URL twice, placeholder plus URL in the comment", links: [
        "repo github.com/runsong123/unified-lift [latex-href, latex-brace, url]"
    ], status: .released),
    CorpusCase(id: "2503.15888", why: "\\href whose text is `this https URL` inside math", links: [
        "repo github.com/byronbbl/ck-plug [latex-href]"
    ], status: .released),
    CorpusCase(id: "2503.16530", why: "\\href to one Drive URL with another as its text", links: [
        "page drive.google.com/file/d/1WJ9QTokK3MdkjEmwuFQxwH96j_Byawj_/view [latex-href]",
        "page drive.google.com/rag4ebm [latex-brace]",
    ], status: .none),
    CorpusCase(id: "2503.17793", why: "`at~\\url{…}` to a Hugging Face model, no code", links: [
        "artifact huggingface.co/inclusionai/ling-coder-lite [latex-url]"
    ], status: .none),
    CorpusCase(id: "2503.18559", why: "URL ended by `|` in the comment", links: [
        "page amd.com/en/developer/resources/technical-articles/amd-hummingbird-0-9b-text-to-video-diffusion-model-with-4-step-inferencing.html [url]",
        "repo github.com/amd-aig-aima/amd-hummingbird-t2v [url]",
    ], status: .released),
    CorpusCase(id: "2503.18862", why: "doi.org URL after a wrapped `DOI:`", links: [
        "paper doi:10.1007/978-3-658-47422-5_71 [url]"
    ], status: .none),
    CorpusCase(id: "2503.19119", why: "DOI URL with slashes in its suffix", links: [
        "page trackrad2025.grand-challenge.org [url]", "paper doi:10.57967/hf/4539 [url]",
    ], status: .none),
    CorpusCase(id: "2503.21268", why: "\\href whose first argument is words broken by a newline", links: [
        "page lidarhumanmotion.net/climbingcap [latex-brace, latex-brace]"
    ], status: .released),
    CorpusCase(id: "2503.21829", why: "escaped underscore after a wrapped `found at:`", links: [
        "repo github.com/scan-nrad/e3nn_u-net [url]"
    ], status: .released),
    CorpusCase(id: "2503.17057", why: "two escaped underscores", links: [
        "repo github.com/13204942/ssl_cervical_segmentation [url]"
    ], status: .released),
    CorpusCase(id: "2503.15138", why: "`.git;` then a line break", links: [
        "repo github.com/dungeonmassster/videogen-of-thought [url]", "page cheliosoops.github.io/VGoT [url]",
    ], status: .released),
    CorpusCase(id: "2503.15667", why: "`Page:https://…` and `Code:https://…` on wrapped lines", links: [
        "page freedomgu.github.io/DiffPortrait360 [url]", "repo github.com/freedomgu/diffportrait360 [url]",
    ], status: .released),
    CorpusCase(id: "2503.18420", why: "URL ending in `/` at a line end followed by `Code:https`", links: [
        "page isee-laboratory.github.io/PanoDecouple [url]", "repo github.com/isee-laboratory/panodecouple [url]",
    ], status: .released),
    CorpusCase(id: "2512.02965", why: "`https://githubhttps://github.com/…`", links: [
        "repo github.com/yuhanchen2024/ultrafast-linet [url]"
    ], status: .released),
    CorpusCase(id: "2512.16913", why: "\\href{url} {url with \\_}", links: [
        "page insta360-research-team.github.io/DAP_website [latex-href, latex-brace, url]"
    ], status: .none),
    CorpusCase(id: "2512.17226", why: "\\href text is the URL without scheme and with \\_", links: [
        "repo github.com/sontung/robust_scr [latex-href, latex-brace]"
    ], status: .released),
    CorpusCase(id: "2512.02162", why: "publisher DOI URL with a fragment", links: [
        "paper doi:10.1145/3340531.3414074 [url]"
    ], status: .none),
    CorpusCase(id: "2512.08340", why: "bare DOI after `DOI`", links: ["paper doi:10.5281/zenodo.17530868 [doi]"], status: .none),
    CorpusCase(id: "2512.21809", why: "versioned arXiv identifier in prose", links: [
        "paper arxiv:2005.14050 [arxiv-id]"
    ], status: .none),
    CorpusCase(id: "2512.23020", why: "markdown `[this https URL](…)`", links: [
        "page why-102.github.io/openground.io [url, url]"
    ], status: .none),
    CorpusCase(id: "2512.08042", why: "markdown link whose text is the URL itself", links: [
        "repo github.com/chandlerbing65nm/fakeimagedetection [url, url]"
    ], status: .released),
    CorpusCase(id: "2512.09069", why: "line break after a hyphen turned into a space", links: [
        "repo github.com/erfan-nourbakhsh/kd-oct [wrapped-url]"
    ], status: .released),
    CorpusCase(id: "2512.21845", why: "line break after an underscore turned into a space", links: [
        "repo github.com/zhangchuangxin71-cyber/dynamic_etf2 [wrapped-url]"
    ], status: .released),
    CorpusCase(id: "2503.13740", why: "`www.github.com.` promised", links: ["page github.com [www]"], status: .promised),
    CorpusCase(id: "2512.19823", why: "`www.` before a github.io host", links: [
        "page learn2refocus.github.io [www, url]"
    ], status: .released),
    CorpusCase(id: "2512.04862", why: "deep host without scheme or path", links: [
        "page biotuch.is.tue.mpg.de [scheme-less]"
    ], status: .released),
    CorpusCase(id: "2512.21883", why: "URL glued after a promise sentence", links: [
        "repo github.com/dtc111111/reloc-vggt [url]"
    ], status: .promised),
    CorpusCase(id: "2512.03666", why: "\\href then `..`", links: [
        "repo github.com/qaxudev/tog-bench [latex-href, latex-brace]"
    ], status: .promised),
    CorpusCase(id: "2503.14564", why: "`2025.Code:https://…`", links: ["repo github.com/flash1803/eatta [url]"], status: .released),
    CorpusCase(id: "2512.10038", why: "escaped underscores in a promised repository", links: [
        "repo github.com/jchenghu/show_suggest_tell [url]"
    ], status: .promised),
])
func corpusCase(_ c: CorpusCase) throws {
    let papers = try corpusByID.get()
    let paper = try #require(papers[c.id], "\(c.id) is in the corpora")
    let extraction = extract(record(paper))
    let got = extraction.links.map { link in
        "\(link.kind.rawValue) \(link.target) [" + link.mentions.map(\.rule).joined(separator: ", ") + "]"
    }
    #expect(got == c.links)
    #expect(extraction.code.status == c.status)
    expectValidOffsets(extraction.links, fields: ["abstract": paper.abstract, "comment": paper.comment ?? ""])
}
