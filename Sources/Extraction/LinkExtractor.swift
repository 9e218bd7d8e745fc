import Corpus

/// Finds the links written in one text field.
///
/// What counts as a link (rules in `ExtractionRule`, targets in `LinkCanonicalizer`):
/// - a URL with `http`, `https` or `ftp` scheme, even glued to the word before it;
/// - without scheme, a host whose top-level domain we know (`.com`, `.org`, `.io`, `.edu`, …;
///   not file extensions like `.pt` or `.py`) that is `www.`-prefixed, a known host
///   (`github.com`, `huggingface.co`, `*.github.io`, …), followed by `/path`, or has three or
///   more all-lower-case labels (`lab.cs.example.edu`). So `Amazon.com`, `Node.js`,
///   `ASP.NET`, `model.pt`, `e.g.` and `v1.2` are prose, and e-mail addresses never match;
/// - `\url{…}`, `\href{…}{…}`, `{https://…}`; `arXiv:<id>`; bare DOIs `10.NNNN/…`.
/// A URL ends at whitespace, at any non-ASCII character (`。`, `”`, a non-breaking space), at
/// `"<>{}|$^` and at a backslash that is not a LaTeX escape (`\_` is kept as `_`); trailing
/// `.,;:!?'"*` and unbalanced `)`/`]` are dropped. A URL that ends in `/`, `-` or `_` at a
/// line break continues on the next line unless the next word is a function word (`and`,
/// `we`), a capitalised word after `/`, or holds a `:`; `https:` / `://` followed by a line
/// break or spaces joins with what follows.
public enum LinkExtractor {
    /// The links in `text`, in order of first appearance. The same canonical target written
    /// twice is one `Link` with two mentions. Offsets count Unicode scalars of `text`.
    public static func links(in text: String, field: String) -> [Link] {
        var links: [Link] = []
        LinkScanner.withMentions(in: text) { raw, bytes in
            guard !raw.isEmpty else { return }
            var offsets = ScalarOffsets(bytes)
            for m in raw {
                let start = offsets.scalarOffset(ofByte: m.start)
                let end = offsets.scalarOffset(ofByte: m.end)
                let mention = Mention(
                    field: field, start: start, end: end,
                    text: String(decoding: UnsafeBufferPointer(rebasing: bytes[m.start..<m.end]), as: UTF8.self),
                    rule: m.rule.rawValue)
                if let index = links.firstIndex(where: { $0.target == m.target && $0.kind == m.kind }) {
                    links[index].mentions.append(mention)
                } else {
                    links.append(Link(kind: m.kind, target: m.target, mentions: [mention]))
                }
            }
        }
        return links
    }
}

/// Converts increasing UTF-8 byte offsets to Unicode scalar offsets by counting the bytes that
/// start a scalar, picking up where the previous call stopped.
struct ScalarOffsets {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var byte = 0
    private var scalar = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func scalarOffset(ofByte target: Int) -> Int {
        if target < byte {
            byte = 0
            scalar = 0
        }
        while byte < target {
            if bytes[byte] & 0xC0 != 0x80 { scalar += 1 }
            byte += 1
        }
        return scalar
    }
}

/// Links and code status of one paper: links from `abstract` (field `abstract`), `comment`
/// (field `comment`) and `metadataLinks` (field `metadata`, rule `metadata`, the whole URL as
/// the mention, start 0), merged by target across fields and ordered by their first mention
/// (abstract, then comment, then metadata; then by position; metadata links in list order).
public func extract(_ record: PaperRecord) -> PaperExtraction {
    var fields: [(name: String, text: String)] = [(ExtractionField.abstract, record.abstract)]
    if let comment = record.comment, !comment.isEmpty { fields.append((ExtractionField.comment, comment)) }

    // Links arrive field by field in order of position, so appending keeps every link's
    // mentions in (field, position) order and the links in order of their first mention.
    var links: [Link] = []
    func merge(_ link: Link) {
        if let index = links.firstIndex(where: { $0.target == link.target && $0.kind == link.kind }) {
            links[index].mentions.append(contentsOf: link.mentions)
        } else {
            links.append(link)
        }
    }
    for field in fields {
        let found = LinkExtractor.links(in: field.text, field: field.name)
        if links.isEmpty { links = found } else { found.forEach(merge) }
    }
    for metadata in record.metadataLinks {
        guard let (kind, target) = LinkCanonicalizer.canonicalTarget(ofURL: metadata.url) else { continue }
        let mention = Mention(
            field: ExtractionField.metadata, start: 0, end: metadata.url.unicodeScalars.count, text: metadata.url,
            rule: ExtractionRule.metadata.rawValue)
        merge(Link(kind: kind, target: target, mentions: [mention]))
    }
    return PaperExtraction(links: links, code: CodeStatusClassifier.classify(fields, links: links))
}

/// The field names `extract` writes into `Mention.field`.
public enum ExtractionField {
    public static let abstract = "abstract"
    public static let comment = "comment"
    public static let metadata = "metadata"

    /// abstract < comment < metadata < anything else.
    public static func order(_ field: String) -> Int {
        switch field {
        case abstract: 0
        case comment: 1
        case metadata: 2
        default: 3
        }
    }
}
