/// The surface forms a link can take in prose. `Mention.rule` holds the raw value, so an audit
/// can tell which shape of text produced a link.
public enum ExtractionRule: String, Sendable, Hashable, CaseIterable {
    /// A URL written with its scheme: `https://github.com/a/b`, also glued to the word before
    /// (`Code:https://…`, `LLMsCodehttps://…`; the mention starts at the scheme).
    case url
    /// A known host or a `domain.tld/path` written without scheme: `github.com/a/b`,
    /// `huggingface.co/datasets/a/b`, `lab.github.io`, `example.org/tool`.
    case schemeLess = "scheme-less"
    /// A host written with `www.` and without scheme: `www.example.org`.
    case www
    /// `\url{…}`; the mention spans the whole command.
    case latexURL = "latex-url"
    /// `\href{url}{text}`; the mention spans `\href{url}`. A URL in the text argument is a
    /// separate mention (usually `latex-brace`).
    case latexHref = "latex-href"
    /// A URL wrapped in braces, `{https://…}`, as left by `\textcolor{red}{…}` or a
    /// duplicated `https://a/{https://a}`; the mention includes the braces.
    case latexBrace = "latex-brace"
    /// A URL re-joined across a hard line wrap or a stray space (`https:\n//x`, `https: //x`,
    /// `https://\nx`, `…/abc/\ndef`); the mention spans the original text, newline included.
    case wrappedURL = "wrapped-url"
    /// An arXiv identifier written as such: `arXiv:2401.01234v2`, `arXiv:hep-th/9901001`.
    case arxivID = "arxiv-id"
    /// A bare DOI: `10.1234/abc.def` (also after `doi:` or `DOI `; the mention is the DOI only).
    case doi
    /// A link the source gave in a metadata field (`PaperRecord.metadataLinks`).
    case metadata
}

/// The rules that decide a paper's `CodeVerdict`; `CodeVerdict.rule` holds the raw value.
/// Listed from strongest to weakest evidence of released code.
public enum CodeStatusRule: String, Sendable, Hashable, CaseIterable {
    /// A repository link (`repo` kind) in a sentence that promises nothing, or in metadata.
    case repoLink = "repo-link"
    /// Code said to be available / released at a link that is not a repository
    /// (project page, Hugging Face, Zenodo, …), or `Code: <link>`.
    case availableAtLink = "available-at-link"
    /// Code said to be available on the project page / website / homepage.
    case availableOnPage = "available-on-page"
    /// Code said to be in (or attached as) the supplementary material.
    case availableInSupplement = "available-in-supplement"
    /// Code said to be available at arXiv's `this https URL` placeholder (the link was there
    /// but the listing dropped it).
    case availableAtPlaceholder = "available-at-placeholder"
    /// Code said to be available with no link at all (`Our code is available on GitHub.`).
    /// Counted as released: the authors state it as done, and listings often drop links.
    case availableNoLink = "available-no-link"
    /// Code (or a repository link) in a sentence that promises a future release:
    /// `will be released`, `upon acceptance`, `coming soon`, …
    case promisePhrase = "promise-phrase"
}

extension CodeStatusRule {
    /// Position in the declaration order: lower is stronger evidence.
    var rank: Int {
        switch self {
        case .repoLink: 0
        case .availableAtLink: 1
        case .availableOnPage: 2
        case .availableInSupplement: 3
        case .availableAtPlaceholder: 4
        case .availableNoLink: 5
        case .promisePhrase: 6
        }
    }
}
