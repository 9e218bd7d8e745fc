/// A file the readers cannot read at all. Thrown when a reader is created, before any record.
///
/// Problems confined to one record (malformed JSON, a field of the wrong type, invalid UTF-8
/// in one line, a record over the size limit, a paper without a title) are not errors: the
/// reader yields a `RecordIssue` for that record and goes on with the next one.
public enum CorpusError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing exists at the path.
    case fileNotFound(path: String)
    /// The path names a directory.
    case isDirectory(path: String)
    /// The file exists but we may not read it.
    case permissionDenied(path: String)
    /// Opening or reading failed for another reason (`reason` is the system's message).
    case unreadable(path: String, reason: String)
    /// The file has no bytes at all, or only whitespace.
    case emptyFile(path: String, onlyWhitespace: Bool)
    /// The start of the file is not text: NUL bytes, a known binary or compressed format, or
    /// mostly control bytes. `detail` names what was seen.
    case binaryFile(path: String, detail: String)
    /// Text, but in a shape none of the readers understand. `detail` names what was seen.
    case unrecognizedFormat(path: String, detail: String)

    public var path: String {
        switch self {
        case .fileNotFound(let path), .isDirectory(let path), .permissionDenied(let path),
            .unreadable(let path, _), .emptyFile(let path, _), .binaryFile(let path, _),
            .unrecognizedFormat(let path, _):
            return path
        }
    }

    public var description: String {
        let name = CorpusError.displayName(path)
        switch self {
        case .fileNotFound:
            return "\(name) does not exist; check the path and the current directory"
        case .isDirectory:
            return "\(name) is a directory; name a file inside it (a .txt page dump, a .jsonl or a .json file)"
        case .permissionDenied:
            return "\(name) cannot be read: permission denied; check the file's permissions"
        case .unreadable(_, let reason):
            return "\(name) cannot be read: \(reason)"
        case .emptyFile(_, let onlyWhitespace):
            return onlyWhitespace ? "\(name) contains only whitespace; there are no papers in it" : "\(name) is empty"
        case .binaryFile(_, let detail):
            return "\(name) is not a text file (\(detail)); PaperGraph reads UTF-8 text: page dumps, JSON Lines or JSON"
        case .unrecognizedFormat(_, let detail):
            return
                "\(name) is in a format PaperGraph does not read (\(detail)); expected a Hugging Face Papers page dump, arXiv JSON Lines or Hugging Face daily-papers JSON"
        }
    }

    static func displayName(_ path: String) -> String {
        path == "-" ? "standard input" : path
    }
}
