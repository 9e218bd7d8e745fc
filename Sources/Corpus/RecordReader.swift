#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams the papers of one input, one record at a time, in the order they appear.
///
/// The format is detected from the content, never from the file name: the first
/// non-whitespace byte `{` means arXiv JSON Lines (listing or Kaggle snapshot shape, decided
/// per record), `[` means a JSON array of Hugging Face daily-papers objects, and other text is
/// read as a Hugging Face Papers page dump.
///
/// Memory does not grow with the input: the file is read in 1 MiB chunks and only the current
/// record is kept, up to `maxRecordBytes`; a longer record is skipped (scanned, not buffered)
/// and reported.
///
/// Errors are split in two:
/// - `CorpusError`, thrown by the initializers, when the input as a whole cannot be read:
///   missing, a directory, no permission, empty or whitespace only, binary (NUL bytes,
///   compressed or other binary formats, UTF-16, mostly control bytes in the first KB), or a
///   recognisably unsupported format (XML/HTML, CSV/TSV);
/// - `RecordIssue`, yielded by `next()` as `.failure`, when one record is unusable: malformed
///   or truncated JSON, a field of the wrong type, invalid UTF-8 in the record's lines, a
///   record over the size limit, a paper without a title, or a read error mid-way (after
///   which the sequence ends). Reading goes on with the next record.
///
/// ```swift
/// let reader = try RecordReader(path: "papers.jsonl")
/// for result in reader {
///     switch result {
///     case .success(let paper): use(paper)
///     case .failure(let issue): print(issue)  // "papers.jsonl:12: truncated JSON: ..."
///     }
/// }
/// ```
public final class RecordReader: Sequence, IteratorProtocol {
    public typealias Element = Result<PaperRecord, RecordIssue>

    /// The largest record (line, or JSON array element) kept in memory: 16 MiB.
    public static let defaultMaxRecordBytes = 16 << 20

    /// The input as named by the caller; `-` for standard input. Used in every `SourceLocation`.
    public let name: String

    /// The format of the first record read successfully. Before that: `.huggingFacePage` or
    /// `.huggingFaceAPI` as the content implies, nil for JSON Lines. The initializer already
    /// reads the first record, so this is set when it returns unless that record is broken.
    /// JSON Lines may mix the listing and snapshot shapes; each record's `format` is exact.
    public var detectedFormat: RecordFormat? { firstRecordFormat ?? containerFormat }

    private enum Engine {
        case page(HuggingFacePageParser)
        case jsonLines(JSONLinesParser)
        case jsonArray(JSONArrayParser)
        case finished
    }

    private var engine: Engine
    private let containerFormat: RecordFormat?
    private var firstRecordFormat: RecordFormat?
    private var prefetched: Element?

    /// Opens the file at `path`, or standard input when `path` is `-`, and detects its format.
    public convenience init(path: String, maxRecordBytes: Int = RecordReader.defaultMaxRecordBytes)
        throws(CorpusError)
    {
        if path == "-" {
            try self.init(fileDescriptor: STDIN_FILENO, name: "-", closesDescriptor: false, maxRecordBytes: maxRecordBytes)
            return
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw .fileNotFound(path: path)
            case EACCES, EPERM: throw .permissionDenied(path: path)
            case EISDIR: throw .isDirectory(path: path)
            default: throw .unreadable(path: path, reason: systemErrorText(code))
            }
        }
        var info = stat()
        if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw .isDirectory(path: path)
        }
        try self.init(fileDescriptor: descriptor, name: path, closesDescriptor: true, maxRecordBytes: maxRecordBytes)
    }

    /// Reads from an open file descriptor (a pipe, a socket, standard input or a file) from its
    /// current position. `name` appears in messages and `SourceLocation`s. With
    /// `closesDescriptor`, the reader closes the descriptor when it is released (also when the
    /// initializer throws).
    public init(
        fileDescriptor: Int32, name: String, closesDescriptor: Bool = false,
        maxRecordBytes: Int = RecordReader.defaultMaxRecordBytes
    ) throws(CorpusError) {
        self.name = name
        let limit = Swift.max(maxRecordBytes, 1)
        var window = ByteWindow(
            fileDescriptor: fileDescriptor, closesDescriptor: closesDescriptor,
            chunkSize: ByteWindow.defaultChunkSize, maxCapacity: limit + ByteWindow.defaultChunkSize)
        let detection = try InputSniffer.detect(&window, path: name)
        switch detection.container {
        case .page:
            containerFormat = .huggingFacePage
            engine = .page(
                HuggingFacePageParser(
                    scanner: LineScanner(window: window, maxLineBytes: limit, firstLineNumber: detection.firstLineNumber),
                    file: name))
        case .jsonLines:
            containerFormat = nil
            engine = .jsonLines(
                JSONLinesParser(
                    scanner: LineScanner(window: window, maxLineBytes: limit, firstLineNumber: detection.firstLineNumber),
                    file: name))
        case .jsonArray:
            containerFormat = .huggingFaceAPI
            engine = .jsonArray(
                JSONArrayParser(
                    window: window, file: name, maxElementBytes: limit, firstLineNumber: detection.firstLineNumber))
        }
        prefetched = advance()
    }

    /// The next paper, or the issue that kept a record from becoming one; nil at the end.
    public func next() -> Element? {
        if let result = prefetched {
            prefetched = nil
            return result
        }
        return advance()
    }

    private func advance() -> Element? {
        let result: Element?
        switch engine {
        case .page(var parser):
            engine = .finished  // release our hold so the parser's buffers stay unique
            result = parser.next()
            engine = .page(parser)
        case .jsonLines(var parser):
            engine = .finished
            result = parser.next()
            engine = .jsonLines(parser)
        case .jsonArray(var parser):
            engine = .finished
            result = parser.next()
            engine = .jsonArray(parser)
        case .finished:
            result = nil
        }
        if firstRecordFormat == nil, case .success(let record)? = result {
            firstRecordFormat = record.format
        }
        return result
    }

    /// Reads a whole input into memory. Meant for tests and small inputs; large inputs should
    /// be iterated.
    public static func readAll(path: String, maxRecordBytes: Int = RecordReader.defaultMaxRecordBytes)
        throws(CorpusError) -> (records: [PaperRecord], issues: [RecordIssue])
    {
        let reader = try RecordReader(path: path, maxRecordBytes: maxRecordBytes)
        var records: [PaperRecord] = []
        var issues: [RecordIssue] = []
        for result in reader {
            switch result {
            case .success(let record): records.append(record)
            case .failure(let issue): issues.append(issue)
            }
        }
        return (records, issues)
    }
}
