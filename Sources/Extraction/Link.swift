import Corpus

/// What a link points at. The raw values are part of the `extract` JSON contract.
public enum LinkKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A code repository: `github.com/owner/name`, `gitlab.com/group/…/name`, `bitbucket.org/owner/name`,
    /// `codeberg.org/owner/name`, `anonymous.4open.science/r/name`.
    case repo
    /// A code-host account without a repository: `github.com/owner`.
    case owner
    /// A Hugging Face dataset, model, space or collection.
    case artifact
    /// Another paper: `arxiv:2401.01234`, `doi:10.xxxx/...`.
    case paper
    /// Any other web address (project pages, lab sites, ...).
    case page

    public static func < (lhs: LinkKind, rhs: LinkKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One place in one field where a link was written. Offsets count Unicode scalars, so that
/// Python's `field[start:end]` returns `text`.
public struct Mention: Sendable, Hashable {
    public var field: String
    public var start: Int
    public var end: Int
    /// The link exactly as written, including any sub-path or LaTeX wrapper that the target drops.
    public var text: String
    /// The extraction rule that fired (see `ExtractionRule`).
    public var rule: String

    public init(field: String, start: Int, end: Int, text: String, rule: String) {
        self.field = field
        self.start = start
        self.end = end
        self.text = text
        self.rule = rule
    }
}

/// A link target with every mention of it in one paper.
public struct Link: Sendable, Hashable {
    public var kind: LinkKind
    /// Canonical target: lower-case host and (for code hosts and papers) path, no scheme, no `www.`.
    public var target: String
    public var mentions: [Mention]

    public init(kind: LinkKind, target: String, mentions: [Mention]) {
        self.kind = kind
        self.target = target
        self.mentions = mentions
    }
}

/// Whether a paper's code is out, promised, or not mentioned.
public enum CodeStatus: String, Sendable, Hashable, CaseIterable {
    case released
    case promised
    case none
}

/// The code-status verdict and the sentence that decided it.
public struct CodeVerdict: Sendable, Hashable {
    public var status: CodeStatus
    /// The deciding sentence as written, or nil for `none`.
    public var evidence: String?
    public var field: String?
    public var start: Int?
    public var end: Int?
    /// Which rule decided (for audits), e.g. `repo-link`, `promise-phrase`, `available-at-link`.
    public var rule: String?

    public init(
        status: CodeStatus, evidence: String? = nil, field: String? = nil, start: Int? = nil,
        end: Int? = nil, rule: String? = nil
    ) {
        self.status = status
        self.evidence = evidence
        self.field = field
        self.start = start
        self.end = end
        self.rule = rule
    }

    public static let none = CodeVerdict(status: .none)
}

/// Everything extraction finds in one paper.
public struct PaperExtraction: Sendable, Hashable {
    public var links: [Link]
    public var code: CodeVerdict

    public init(links: [Link], code: CodeVerdict) {
        self.links = links
        self.code = code
    }
}
