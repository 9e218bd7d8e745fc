/// Where a record came from: the file as the user named it (or `-` for stdin) and the
/// 1-based line on which the record starts.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line) < (rhs.file, rhs.line)
    }
}

/// The input shapes the readers understand. Detected from content, never from the file name.
public enum RecordFormat: String, Sendable, Hashable, CaseIterable {
    /// Text dump of a Hugging Face Papers listing or search page.
    case huggingFacePage = "hf-page"
    /// arXiv listing JSON Lines (authors as a list, `comment`, `listing_date`).
    case arxivListing = "arxiv-listing"
    /// arXiv metadata snapshot JSON Lines as on Kaggle (authors as one string, `comments`, `update_date`).
    case arxivSnapshot = "arxiv-snapshot"
    /// Hugging Face daily-papers API JSON: an array of `{paper: {...}}`.
    case huggingFaceAPI = "hf-api"
}

/// A link the source states explicitly in a metadata field rather than in prose.
public struct MetadataLink: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable {
        case githubRepo
        case projectPage
    }

    public var role: Role
    public var url: String

    public init(role: Role, url: String) {
        self.role = role
        self.url = url
    }
}

/// One paper as a reader saw it, before any extraction.
public struct PaperRecord: Sendable, Hashable {
    /// arXiv identifier without version (`2401.01234`, `hep-th/9901001`), when the source knows it.
    public var arxivID: String?
    public var doi: String?
    public var title: String
    public var abstract: String
    /// The arXiv Comments field; often holds the code or project-page URL.
    public var comment: String?
    public var authors: [String]
    /// Author count as printed on Hugging Face pages, which list no names.
    public var authorCount: Int?
    /// arXiv categories, primary first.
    public var categories: [String]
    /// Publication or listing date as `YYYY-MM-DD`.
    public var date: String?
    public var upvotes: Int?
    public var metadataLinks: [MetadataLink]
    public var source: SourceLocation
    public var format: RecordFormat

    public init(
        arxivID: String? = nil,
        doi: String? = nil,
        title: String,
        abstract: String,
        comment: String? = nil,
        authors: [String] = [],
        authorCount: Int? = nil,
        categories: [String] = [],
        date: String? = nil,
        upvotes: Int? = nil,
        metadataLinks: [MetadataLink] = [],
        source: SourceLocation,
        format: RecordFormat
    ) {
        self.arxivID = arxivID
        self.doi = doi
        self.title = title
        self.abstract = abstract
        self.comment = comment
        self.authors = authors
        self.authorCount = authorCount
        self.categories = categories
        self.date = date
        self.upvotes = upvotes
        self.metadataLinks = metadataLinks
        self.source = source
        self.format = format
    }

    /// The paper's identity: the arXiv id when known, otherwise the normalized title, so the
    /// same paper seen on two pages (or twice on one) is one paper.
    public var id: String { arxivID ?? PaperIdentity.normalizedTitle(title) }
}

/// A record the reader could not turn into a `PaperRecord`. Reading goes on after it.
public struct RecordIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
