import Testing

@testable import Extraction

/// One hard case: a short text of our own and every link expected in it, in order.
struct HardCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: [ExpectedLink]

    init(_ name: String, _ text: String, _ expected: [ExpectedLink]) {
        self.name = name
        self.text = text
        self.expected = expected
    }

    var testDescription: String { name }
}

// MARK: - Trailing punctuation

@Test(arguments: [
    HardCase("full stop", "Code is at https://github.com/abc/def.", [
        ExpectedLink(.repo, "github.com/abc/def", [("https://github.com/abc/def", .url)])
    ]),
    HardCase("comma", "See https://x.org/a, then more.", [ExpectedLink(.page, "x.org/a", [("https://x.org/a", .url)])]),
    HardCase("semicolon", "Code: https://x.org/a; data: none.", [ExpectedLink(.page, "x.org/a", [("https://x.org/a", .url)])]),
    HardCase("colon", "Mirror https://x.org/a: fast.", [ExpectedLink(.page, "x.org/a", [("https://x.org/a", .url)])]),
    HardCase("exclamation", "Try https://x.org/a!", [ExpectedLink(.page, "x.org/a", [("https://x.org/a", .url)])]),
    HardCase("question mark", "Seen https://x.org/a?", [ExpectedLink(.page, "x.org/a", [("https://x.org/a", .url)])]),
    HardCase("closing parenthesis", "Our code (https://github.com/a/b) is open.", [
        ExpectedLink(.repo, "github.com/a/b", [("https://github.com/a/b", .url)])
    ]),
    HardCase("closing bracket", "Links [https://x.org/a] here.", [ExpectedLink(.page, "x.org/a", [("https://x.org/a", .url)])]),
    HardCase("closing brace without opening", "see https://x.org/a} end", [
        ExpectedLink(.page, "x.org/a", [("https://x.org/a", .url)])
    ]),
    HardCase("brace then full stop", "Project: https://x.org/a}. Next.", [
        ExpectedLink(.page, "x.org/a", [("https://x.org/a", .url)])
    ]),
    HardCase("parenthesis then full stop", "(Project: https://x.org/a).", [
        ExpectedLink(.page, "x.org/a", [("https://x.org/a", .url)])
    ]),
    HardCase("brace, full stop, brace", "\\footnote{Page {https://x.org/a}.}", [
        ExpectedLink(.page, "x.org/a", [("{https://x.org/a}", .latexBrace)])
    ]),
    HardCase("apostrophes", "the 'https://x.org/a' page", [ExpectedLink(.page, "x.org/a", [("https://x.org/a", .url)])]),
    HardCase("straight quotes", "the \"https://x.org/a\" page", [ExpectedLink(.page, "x.org/a", [("https://x.org/a", .url)])]),
    HardCase("curly double quotes", "the “https://x.org/a” page", [ExpectedLink(.page, "x.org/a", [("https://x.org/a", .url)])]),
    HardCase("curly single quotes", "the ‘https://x.org/a’ page", [ExpectedLink(.page, "x.org/a", [("https://x.org/a", .url)])]),
    HardCase("angle brackets", "at <https://x.org/a>.", [ExpectedLink(.page, "x.org/a", [("https://x.org/a", .url)])]),
    HardCase("balanced parentheses inside", "See https://en.wikipedia.org/wiki/Foo_(bar) now.", [
        ExpectedLink(.page, "en.wikipedia.org/wiki/Foo_(bar)", [("https://en.wikipedia.org/wiki/Foo_(bar)", .url)])
    ]),
    HardCase("balanced parentheses inside, closing one outside", "(see https://en.wikipedia.org/wiki/Foo_(bar)).", [
        ExpectedLink(.page, "en.wikipedia.org/wiki/Foo_(bar)", [("https://en.wikipedia.org/wiki/Foo_(bar)", .url)])
    ]),
    HardCase("trailing slash then full stop", "Page: https://lab.github.io/proj/.", [
        ExpectedLink(.page, "lab.github.io/proj", [("https://lab.github.io/proj/", .url)])
    ]),
    HardCase("double full stop", "Released at https://github.com/a/b..", [
        ExpectedLink(.repo, "github.com/a/b", [("https://github.com/a/b", .url)])
    ]),
    HardCase("bold markdown", "Code: **https://github.com/a/b**", [
        ExpectedLink(.repo, "github.com/a/b", [("https://github.com/a/b", .url)])
    ]),
])
func trailingPunctuation(_ c: HardCase) {
    expectLinks(in: c.text, c.expected)
}

// MARK: - LaTeX

@Test(arguments: [
    HardCase("brace artefact", "Our page {https://lab.github.io/p} shows it.", [
        ExpectedLink(.page, "lab.github.io/p", [("{https://lab.github.io/p}", .latexBrace)])
    ]),
    HardCase("duplicated brace artefact: one target, two mentions",
        "models. https://a.github.io/P/{https://a.github.io/P/}", [
            ExpectedLink(.page, "a.github.io/P", [
                ("https://a.github.io/P/", .url), ("{https://a.github.io/P/}", .latexBrace),
            ])
        ]),
    HardCase("url command", "Code: \\url{https://github.com/a/b}.", [
        ExpectedLink(.repo, "github.com/a/b", [("\\url{https://github.com/a/b}", .latexURL)])
    ]),
    HardCase("url command without scheme", "See \\url{www.example.org/tool}.", [
        ExpectedLink(.page, "example.org/tool", [("\\url{www.example.org/tool}", .latexURL)])
    ]),
    HardCase("href with the same URL as text", "at \\href{https://github.com/a/b}{https://github.com/a/b}.", [
        ExpectedLink(.repo, "github.com/a/b", [
            ("\\href{https://github.com/a/b}", .latexHref), ("{https://github.com/a/b}", .latexBrace),
        ])
    ]),
    HardCase("href with words", "on our \\href{https://lab.github.io/p/}{project page}.", [
        ExpectedLink(.page, "lab.github.io/p", [("\\href{https://lab.github.io/p/}", .latexHref)])
    ]),
    HardCase("href with a scheme-less URL as text", "\\href{https://github.com/a/b_c}{github.com/a/b\\_c}", [
        ExpectedLink(.repo, "github.com/a/b_c", [
            ("\\href{https://github.com/a/b_c}", .latexHref), ("{github.com/a/b\\_c}", .latexBrace),
        ])
    ]),
    HardCase("href whose first argument is not a URL", "in \\href{this link}{http://www.lab.net/p/}", [
        ExpectedLink(.page, "lab.net/p", [("{http://www.lab.net/p/}", .latexBrace)])
    ]),
    HardCase("textcolor", "at \\textcolor{red}{https://github.com/a/b}.", [
        ExpectedLink(.repo, "github.com/a/b", [("{https://github.com/a/b}", .latexBrace)])
    ]),
    HardCase("math around href", "here: $\\href{https://lab.github.io/p/}{lab.github.io/p}$.", [
        ExpectedLink(.page, "lab.github.io/p", [
            ("\\href{https://lab.github.io/p/}", .latexHref), ("{lab.github.io/p}", .latexBrace),
        ])
    ]),
    HardCase("math around a URL", "at $https://x.org/a$ now", [ExpectedLink(.page, "x.org/a", [("https://x.org/a", .url)])]),
    HardCase("escaped underscores", "at https://github.com/a/b\\_c\\_d.", [
        ExpectedLink(.repo, "github.com/a/b_c_d", [("https://github.com/a/b\\_c\\_d", .url)])
    ]),
    HardCase("escaped underscore without scheme", "at github.com/a/b\\_c.", [
        ExpectedLink(.repo, "github.com/a/b_c", [("github.com/a/b\\_c", .schemeLess)])
    ]),
    HardCase("non-breaking tilde", "available at~https://github.com/a/b.", [
        ExpectedLink(.repo, "github.com/a/b", [("https://github.com/a/b", .url)])
    ]),
    HardCase("footnote command ends the URL", "at https://x.org/a\\footnote{x}", [
        ExpectedLink(.page, "x.org/a", [("https://x.org/a", .url)])
    ]),
])
func latex(_ c: HardCase) {
    expectLinks(in: c.text, c.expected)
}

// MARK: - Missing space, no scheme, e-mail and prose that looks like a link

@Test(arguments: [
    HardCase("glued to a word", "LLMsCode:https://github.com/a/b", [
        ExpectedLink(.repo, "github.com/a/b", [("https://github.com/a/b", .url)])
    ]),
    HardCase("glued to a label", "page:https://lab.github.io/p", [
        ExpectedLink(.page, "lab.github.io/p", [("https://lab.github.io/p", .url)])
    ]),
    HardCase("glued to a sentence", "upon acceptance.https://github.com/a/b.", [
        ExpectedLink(.repo, "github.com/a/b", [("https://github.com/a/b", .url)])
    ]),
    HardCase("glued scheme twice", "at https://githubhttps://github.com/a/b", [
        ExpectedLink(.repo, "github.com/a/b", [("https://github.com/a/b", .url)])
    ]),
    HardCase("two URLs glued by a semicolon", "Code:https://github.com/a/b;Page:https://a.github.io", [
        ExpectedLink(.repo, "github.com/a/b", [("https://github.com/a/b", .url)]),
        ExpectedLink(.page, "a.github.io", [("https://a.github.io", .url)]),
    ]),
    HardCase("known code host glued to a word", "atgithub.com/a/b", [
        ExpectedLink(.repo, "github.com/a/b", [("github.com/a/b", .schemeLess)])
    ]),
    HardCase("github without scheme", "Code: github.com/a/b.", [
        ExpectedLink(.repo, "github.com/a/b", [("github.com/a/b", .schemeLess)])
    ]),
    HardCase("www host", "See www.example.org for more.", [
        ExpectedLink(.page, "example.org", [("www.example.org", .www)])
    ]),
    HardCase("huggingface dataset without scheme", "Data: huggingface.co/datasets/a/b.", [
        ExpectedLink(.artifact, "huggingface.co/datasets/a/b", [("huggingface.co/datasets/a/b", .schemeLess)])
    ]),
    HardCase("github.io page without path", "Page: lab.github.io.", [
        ExpectedLink(.page, "lab.github.io", [("lab.github.io", .schemeLess)])
    ]),
    HardCase("domain with a path", "Demo at example.org/demo now.", [
        ExpectedLink(.page, "example.org/demo", [("example.org/demo", .schemeLess)])
    ]),
    HardCase("deep lower-case host", "Data at lab.cs.example.edu now.", [
        ExpectedLink(.page, "lab.cs.example.edu", [("lab.cs.example.edu", .schemeLess)])
    ]),
    HardCase("bare two-label domain is prose", "products from Amazon.com and example.org", []),
    HardCase("e-mail at a code host", "Write to name@github.com today.", []),
    HardCase("e-mail with dots", "Contact a.b@cs.stanford.edu please.", []),
    HardCase("versions and decimals", "v1.2 and 1.5.0 and 3.14 and GPT-3.5/4 and Qwen2.5-VL/7B", []),
    HardCase("abbreviations", "e.g. i.e. Fig.3 et al. vs. cf. A.I. U.S./Canada", []),
    HardCase("file names", "model.pt and config.yaml and train.py/eval.py and README.md", []),
    HardCase("product names", "Node.js and ASP.NET/C# and Vue.js/React", []),
    HardCase("sentence glued to the next", "the results.It is clear.", []),
    HardCase("scheme word in prose", "via http and https protocols", []),
    HardCase("ftp", "Data: ftp://ftp.example.org/pub/x.", [
        ExpectedLink(.page, "ftp.example.org/pub/x", [("ftp://ftp.example.org/pub/x", .url)])
    ]),
])
func prose(_ c: HardCase) {
    expectLinks(in: c.text, c.expected)
}

// MARK: - Hard line wraps and stray spaces

@Test(arguments: [
    HardCase("path continues after a slash", "code at https://github.com/abc/\ndef for all", [
        ExpectedLink(.repo, "github.com/abc/def", [("https://github.com/abc/\ndef", .wrappedURL)])
    ]),
    HardCase("path continues after a hyphen", "at https://lab.github.io/my-\nproject now", [
        ExpectedLink(.page, "lab.github.io/my-project", [("https://lab.github.io/my-\nproject", .wrappedURL)])
    ]),
    HardCase("path continues after an underscore", "at https://github.com/a/b_\nc now", [
        ExpectedLink(.repo, "github.com/a/b_c", [("https://github.com/a/b_\nc", .wrappedURL)])
    ]),
    HardCase("continuation with indentation", "at https://github.com/abc/\n  Def-2 now", [
        ExpectedLink(.repo, "github.com/abc/def-2", [("https://github.com/abc/\n  Def-2", .wrappedURL)])
    ]),
    HardCase("scheme then newline", "Page: https:\n//lab.github.io/p/.", [
        ExpectedLink(.page, "lab.github.io/p", [("https:\n//lab.github.io/p/", .wrappedURL)])
    ]),
    HardCase("scheme then space", "available at https: //github.com/a/b.", [
        ExpectedLink(.repo, "github.com/a/b", [("https: //github.com/a/b", .wrappedURL)])
    ]),
    HardCase("slashes then newline", "Code: https://\nanonymous.4open.science/r/x-1. Data", [
        ExpectedLink(.repo, "anonymous.4open.science/r/x-1", [("https://\nanonymous.4open.science/r/x-1", .wrappedURL)])
    ]),
    HardCase("function word after a slash is the sentence", "at https://github.com/abc/\nand we show", [
        ExpectedLink(.owner, "github.com/abc", [("https://github.com/abc/", .url)])
    ]),
    HardCase("capitalised word after a slash starts a sentence", "at https://lab.github.io/\nWe show", [
        ExpectedLink(.page, "lab.github.io", [("https://lab.github.io/", .url)])
    ]),
    HardCase("parenthesis after a slash", "at https://x.org/a/\n(password on request)", [
        ExpectedLink(.page, "x.org/a", [("https://x.org/a/", .url)])
    ]),
    HardCase("next URL on the next line", "page:https://lab.github.io/p/\n  Code:https://github.com/a/b", [
        ExpectedLink(.page, "lab.github.io/p", [("https://lab.github.io/p/", .url)]),
        ExpectedLink(.repo, "github.com/a/b", [("https://github.com/a/b", .url)]),
    ]),
    HardCase("full stop before a line break never joins", "at https://github.com/a/b.\nfoo bar", [
        ExpectedLink(.repo, "github.com/a/b", [("https://github.com/a/b", .url)])
    ]),
    HardCase("URL ending mid-word at a line end without marker", "at https://github.com/a/b\ncd", [
        ExpectedLink(.repo, "github.com/a/b", [("https://github.com/a/b", .url)])
    ]),
    HardCase("blank line is not a wrap", "at https://github.com/abc/\n\ndef", [
        ExpectedLink(.owner, "github.com/abc", [("https://github.com/abc/", .url)])
    ]),
    HardCase("wrap turned into a space after a hyphen", "Code: https://github.com/lab/Fast- Seg. Next", [
        ExpectedLink(.repo, "github.com/lab/fast-seg", [("https://github.com/lab/Fast- Seg", .wrappedURL)])
    ]),
    HardCase("wrap turned into a space after an underscore", "at https://github.com/lab/fast_ seg2.", [
        ExpectedLink(.repo, "github.com/lab/fast_seg2", [("https://github.com/lab/fast_ seg2", .wrappedURL)])
    ]),
    HardCase("a space after a slash is not a wrap", "at https://github.com/lab/ seg2 now", [
        ExpectedLink(.owner, "github.com/lab", [("https://github.com/lab/", .url)])
    ]),
    HardCase("a function word after a hyphen and a space is the sentence", "at https://x.org/a- and more", [
        ExpectedLink(.page, "x.org/a-", [("https://x.org/a-", .url)])
    ]),
])
func lineWraps(_ c: HardCase) {
    expectLinks(in: c.text, c.expected)
}

// MARK: - Placeholders, duplicates, case, .git, schemes

@Test(arguments: [
    HardCase("arXiv placeholders", "Code: this https URL. Data: this http URL", []),
    HardCase("arXiv markdown placeholder", "Page at [this https URL](https://lab.github.io/p)", [
        ExpectedLink(.page, "lab.github.io/p", [("https://lab.github.io/p", .url)])
    ]),
    HardCase("markdown link whose text is the URL", "Code: [https://github.com/a/Det](https://github.com/a/Det).", [
        ExpectedLink(.repo, "github.com/a/det", [("https://github.com/a/Det", .url), ("https://github.com/a/Det", .url)])
    ]),
    HardCase("brackets inside a URL stay", "see https://x.org/q?a[0]=1 now", [
        ExpectedLink(.page, "x.org/q?a[0]=1", [("https://x.org/q?a[0]=1", .url)])
    ]),
    HardCase("same target twice", "Code: https://github.com/a/b. See github.com/a/b/tree/main/x.", [
        ExpectedLink(.repo, "github.com/a/b", [
            ("https://github.com/a/b", .url), ("github.com/a/b/tree/main/x", .schemeLess),
        ])
    ]),
    HardCase("mixed case", "GitHub.com/Owner/Repo", [
        ExpectedLink(.repo, "github.com/owner/repo", [("GitHub.com/Owner/Repo", .schemeLess)])
    ]),
    HardCase(".git suffix at a sentence end", "at https://github.com/Owner/Repo.git.", [
        ExpectedLink(.repo, "github.com/owner/repo", [("https://github.com/Owner/Repo.git", .url)])
    ]),
    HardCase("http and https are one target", "http://github.com/a/b and https://github.com/a/b", [
        ExpectedLink(.repo, "github.com/a/b", [("http://github.com/a/b", .url), ("https://github.com/a/b", .url)])
    ]),
    HardCase("www and sub-paths are one target", "www.github.com/a/b/blob/main/x.py and https://github.com/a/b#readme", [
        ExpectedLink(.repo, "github.com/a/b", [
            ("www.github.com/a/b/blob/main/x.py", .www), ("https://github.com/a/b#readme", .url),
        ])
    ]),
    HardCase("upper-case scheme", "HTTPS://GitHub.com/A/B", [
        ExpectedLink(.repo, "github.com/a/b", [("HTTPS://GitHub.com/A/B", .url)])
    ]),
    HardCase("arXiv identifier", "as in arXiv:2401.01234v2, and arXiv: 2312.00001.", [
        ExpectedLink(.paper, "arxiv:2401.01234", [("arXiv:2401.01234v2", .arxivID)]),
        ExpectedLink(.paper, "arxiv:2312.00001", [("arXiv: 2312.00001", .arxivID)]),
    ]),
    HardCase("old-style arXiv identifier", "see arXiv:hep-th/9901001.", [
        ExpectedLink(.paper, "arxiv:hep-th/9901001", [("arXiv:hep-th/9901001", .arxivID)])
    ]),
    HardCase("bare DOI", "DOI: 10.1109/ABC.2025.123456. Next", [
        ExpectedLink(.paper, "doi:10.1109/abc.2025.123456", [("10.1109/ABC.2025.123456", .doi)])
    ]),
    HardCase("DOI after doi:", "doi:10.1016/j.x.2025.1,", [
        ExpectedLink(.paper, "doi:10.1016/j.x.2025.1", [("10.1016/j.x.2025.1", .doi)])
    ]),
    HardCase("arXiv DOI", "(10.48550/arXiv.2401.01234)", [
        ExpectedLink(.paper, "arxiv:2401.01234", [("10.48550/arXiv.2401.01234", .doi)])
    ]),
    HardCase("arXiv URL, abstract and PDF", "https://arxiv.org/abs/2401.01234v3 and arxiv.org/pdf/2401.01234.pdf", [
        ExpectedLink(.paper, "arxiv:2401.01234", [
            ("https://arxiv.org/abs/2401.01234v3", .url), ("arxiv.org/pdf/2401.01234.pdf", .schemeLess),
        ])
    ]),
])
func identities(_ c: HardCase) {
    expectLinks(in: c.text, c.expected)
}

// MARK: - Unicode

@Test func offsetsCountScalarsAfterEmoji() throws {
    let text = "Ünïcode 😀👍🏽 code: https://x.io/a。"
    let links = LinkExtractor.links(in: text, field: "abstract")
    let mention = try #require(links.first?.mentions.first)
    #expect(links.map(\.target) == ["x.io/a"])
    // Ü n ï c o d e ␠ 😀 👍 🏽 ␠ c o d e : ␠ = 18 scalars before the URL (👍🏽 is two scalars).
    #expect(mention.start == 18)
    #expect(mention.end == 18 + "https://x.io/a".unicodeScalars.count)
    expectValidOffsets(links, fields: ["abstract": text])
}

@Test func offsetsCountCombiningMarksAsScalars() throws {
    // "é" written as e + U+0301 is one character but two scalars.
    let text = "Cafe\u{301} re\u{301}sume\u{301} https://github.com/a/b"
    let links = LinkExtractor.links(in: text, field: "abstract")
    let mention = try #require(links.first?.mentions.first)
    #expect(mention.start == 15)
    // Characters and scalars differ here, so a Character offset would be wrong.
    #expect(text.count == text.unicodeScalars.count - 3)
    expectValidOffsets(links, fields: ["abstract": text])
}

@Test(arguments: [
    HardCase("full-width full stop", "代码：https://x.io/a。更多", [ExpectedLink(.page, "x.io/a", [("https://x.io/a", .url)])]),
    HardCase("full-width comma and parenthesis", "（https://x.io/a，https://x.io/b）", [
        ExpectedLink(.page, "x.io/a", [("https://x.io/a", .url)]),
        ExpectedLink(.page, "x.io/b", [("https://x.io/b", .url)]),
    ]),
    HardCase("non-breaking spaces", "Code:\u{A0}https://github.com/a/b\u{A0}and more", [
        ExpectedLink(.repo, "github.com/a/b", [("https://github.com/a/b", .url)])
    ]),
    HardCase("zero-width space after", "at https://github.com/a/b\u{200B}.", [
        ExpectedLink(.repo, "github.com/a/b", [("https://github.com/a/b", .url)])
    ]),
    HardCase("CJK text glued before a known host", "代码见github.com/a/b。", [
        ExpectedLink(.repo, "github.com/a/b", [("github.com/a/b", .schemeLess)])
    ]),
])
func unicode(_ c: HardCase) {
    expectLinks(in: c.text, c.expected)
}

@Test func emptyAndLinklessTextsHaveNoLinks() {
    #expect(LinkExtractor.links(in: "", field: "abstract").isEmpty)
    #expect(LinkExtractor.links(in: ".:\\", field: "abstract").isEmpty)
    #expect(LinkExtractor.links(in: "https://", field: "abstract").isEmpty)
    #expect(LinkExtractor.links(in: "http:// and", field: "abstract").isEmpty)
    #expect(LinkExtractor.links(in: "\\url{", field: "abstract").isEmpty)
    #expect(LinkExtractor.links(in: "10.1234/", field: "abstract").isEmpty)
    #expect(LinkExtractor.links(in: "arXiv:", field: "abstract").isEmpty)
}
