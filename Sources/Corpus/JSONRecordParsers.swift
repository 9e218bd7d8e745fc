#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decoding of one JSON record (a JSON Lines line or an array element) into a `PaperRecord`.
///
/// Per-record rules, shared by all JSON shapes:
/// - the shape is decided per record from its keys: a `paper` wrapper or Hugging Face keys
///   (`summary`, `publishedAt`, `githubRepo`, `projectPage`, `upvotes`) → `.huggingFaceAPI`;
///   authors or categories as one string, or snapshot keys (`update_date`, `comments`,
///   `submitter`, `versions`, `authors_parsed`, `journal-ref`) → `.arxivSnapshot`;
///   otherwise `.arxivListing`;
/// - invalid UTF-8 anywhere in the record, malformed JSON, or a field we read holding the
///   wrong kind of value → `RecordIssue`, record skipped;
/// - no title (missing, null, or only whitespace) → `RecordIssue`;
/// - no abstract → a record with an empty abstract (a paper with only a title is still one).
struct JSONRecordDecoder {
    private let decoder = PaperObjectDecoder()

    /// `firstLine` is the line on which `bytes` start; `isWholeLine` says the record is one
    /// JSON Lines line (messages then speak of columns rather than lines).
    mutating func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int, isWholeLine: Bool
    ) -> Result<PaperRecord, RecordIssue> {
        let location = SourceLocation(file: file, line: firstLine)
        let fields: PaperFields
        do {
            fields = try decoder.decodeRecord(bytes)
        } catch {
            // Strings are checked for UTF-8 while parsing; bytes outside strings that are not
            // ASCII make a syntax error. Either way, bad UTF-8 is the cause worth naming.
            if let invalid = UTF8Validation.firstInvalidOffset(in: bytes) {
                let line = firstLine + Self.newlines(in: bytes, before: invalid)
                let column = UTF8Validation.column(of: invalid, in: bytes)
                let hex = String(bytes[invalid], radix: 16, uppercase: true)
                return .failure(
                    RecordIssue(
                        location: location,
                        message: "line \(line) is not valid UTF-8 (byte 0x\(hex) at column \(column)); record skipped"))
            }
            return .failure(
                RecordIssue(
                    location: location,
                    message: Self.describe(error, in: bytes, firstLine: firstLine, isWholeLine: isWholeLine)))
        }
        return Self.record(from: fields, location: location, bytes: bytes)
    }

    private static func describe(
        _ failure: JSONFailure, in bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, isWholeLine: Bool
    ) -> String {
        switch failure.kind {
        case .truncated:
            if isWholeLine {
                let trimmed = bytes.filter { !WhitespaceFolding.isSpace($0) }
                if trimmed == [UInt8(ascii: "{")] {
                    return "truncated JSON: the line holds only '{'; JSON Lines needs each object on one line (was the JSON pretty-printed?)"
                }
                return "truncated JSON: the line ends before the object is complete"
            }
            return "truncated JSON: the record ends before the object is complete"
        case .syntax, .wrongType, .invalidUTF8:
            let column = UTF8Validation.column(of: failure.offset, in: bytes)
            if isWholeLine {
                return "\(failure.message) (column \(column))"
            }
            let line = firstLine + newlines(in: bytes, before: failure.offset)
            return "\(failure.message) (line \(line), column \(column))"
        }
    }

    static func newlines(in bytes: UnsafeBufferPointer<UInt8>, before offset: Int) -> Int {
        var count = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A { count += 1 }
        return count
    }

    private static func record(
        from fields: PaperFields, location: SourceLocation, bytes: UnsafeBufferPointer<UInt8>
    ) -> Result<PaperRecord, RecordIssue> {
        guard let title = fields.title else {
            let names = JSONMemberNames.topLevel(of: bytes)
            let seen = names.isEmpty ? "" : " (its fields: \(names.prefix(12).joined(separator: ", ")))"
            return .failure(RecordIssue(location: location, message: "record has no `title`\(seen); skipped"))
        }
        guard !title.isEmpty else {
            return .failure(RecordIssue(location: location, message: "record's `title` is empty; skipped"))
        }
        let format: RecordFormat =
            fields.looksLikeHuggingFace ? .huggingFaceAPI : fields.looksLikeSnapshot ? .arxivSnapshot : .arxivListing
        var links: [MetadataLink] = []
        if let url = nonBlank(fields.githubRepo) { links.append(MetadataLink(role: .githubRepo, url: url)) }
        if let url = nonBlank(fields.projectPage) { links.append(MetadataLink(role: .projectPage, url: url)) }
        let date = fields.listingDate ?? fields.updateDate ?? fields.publishedAt
        return .success(
            PaperRecord(
                arxivID: fields.id.flatMap(PaperIdentity.normalizedArxivID),
                doi: nonBlank(fields.doi),
                title: title,
                abstract: fields.abstract ?? fields.summary ?? "",
                comment: fields.comment,
                authors: fields.authors ?? [],
                categories: fields.categories ?? [],
                date: date,
                upvotes: fields.upvotes,
                metadataLinks: links,
                source: location,
                format: format))
    }

    private static func nonBlank(_ value: String?) -> String? {
        guard let value else { return nil }
        let utf8 = value.utf8
        guard let first = utf8.first, let last = utf8.last else { return nil }
        if !WhitespaceFolding.isSpace(first) && !WhitespaceFolding.isSpace(last) { return value }
        let trimmed = utf8.drop(while: WhitespaceFolding.isSpace).reversed().drop(while: WhitespaceFolding.isSpace)
        guard !trimmed.isEmpty else { return nil }
        return String(decoding: trimmed.reversed(), as: UTF8.self)
    }
}

/// Lists an object's top-level member names, for messages about records we could not use.
enum JSONMemberNames {
    static func topLevel(of bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        guard let base = bytes.baseAddress else { return [] }
        var cursor = JSONCursor(base: base, count: bytes.count)
        var names: [String] = []
        do {
            try cursor.enterObject()
            var isFirst = true
            while let range = try cursor.nextMemberName(isFirst: &isFirst) {
                names.append(String(decoding: cursor.unescapedBytes(range), as: UTF8.self))
                try cursor.skipValue()
            }
        } catch {
            return names
        }
        return names
    }
}

/// JSON Lines: one record per physical line; blank lines are skipped.
struct JSONLinesParser {
    private var scanner: LineScanner
    private let file: String
    private var decoder = JSONRecordDecoder()
    private var finished = false

    init(scanner: LineScanner, file: String) {
        self.scanner = scanner
        self.file = file
    }

    mutating func next() -> Result<PaperRecord, RecordIssue>? {
        while !finished {
            switch scanner.nextLine() {
            case .end:
                finished = true
            case .readFailed(let number, let code):
                finished = true
                return .failure(
                    RecordIssue(
                        location: SourceLocation(file: file, line: number),
                        message: "reading stopped: \(systemErrorText(code))"))
            case .oversized(let number, let byteCount):
                return .failure(
                    RecordIssue(
                        location: SourceLocation(file: file, line: number),
                        message: HuggingFacePageParser.oversizedMessage(
                            line: number, byteCount: byteCount, limit: scanner.maxLineBytes)))
            case .line(let bytes, let number):
                if bytes.allSatisfy(WhitespaceFolding.isSpace) { continue }
                return decoder.decode(bytes, file: file, firstLine: number, isWholeLine: true)
            }
        }
        return nil
    }
}

/// A JSON array of paper objects (the Hugging Face daily-papers API), read element by
/// element: the scanner tracks strings, escapes and nesting across buffer refills, so only
/// one element is ever held in memory.
struct JSONArrayParser {
    private enum State {
        case beforeArray
        case beforeElement
        case afterElement
        case finished
    }

    private var window: ByteWindow
    private let file: String
    private let maxElementBytes: Int
    /// Line number of the byte at `window.start`.
    private var line: Int
    private var state = State.beforeArray
    private var decoder = JSONRecordDecoder()

    init(window: ByteWindow, file: String, maxElementBytes: Int, firstLineNumber: Int) {
        self.window = window
        self.file = file
        self.maxElementBytes = maxElementBytes
        self.line = firstLineNumber
    }

    mutating func next() -> Result<PaperRecord, RecordIssue>? {
        while true {
            switch state {
            case .finished:
                return nil
            case .beforeArray:
                guard let byte = skipWhitespace(), byte == UInt8(ascii: "[") else {
                    state = .finished
                    return issue(line: line, "expected a JSON array starting with '['")
                }
                window.start += 1
                state = .beforeElement
            case .beforeElement:
                guard let byte = skipWhitespace() else { return endedEarly() }
                if byte == UInt8(ascii: "]") {
                    window.start += 1
                    return finishAfterArray()
                }
                if byte == UInt8(ascii: ",") {
                    window.start += 1
                    return issue(line: line, "invalid JSON: an array element is missing before ','")
                }
                state = .afterElement
                return scanElement()
            case .afterElement:
                guard let byte = skipWhitespace() else { return endedEarly() }
                if byte == UInt8(ascii: ",") {
                    window.start += 1
                    state = .beforeElement
                } else if byte == UInt8(ascii: "]") {
                    window.start += 1
                    return finishAfterArray()
                } else {
                    state = .beforeElement
                    return issue(
                        line: line, "invalid JSON: expected ',' or ']' between array elements, found \(describe(byte))")
                }
            }
        }
    }

    private func describe(_ byte: UInt8) -> String {
        byte >= 0x21 && byte <= 0x7E ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }

    private mutating func issue(line: Int, _ message: String) -> Result<PaperRecord, RecordIssue> {
        .failure(RecordIssue(location: SourceLocation(file: file, line: line), message: message))
    }

    private mutating func endedEarly() -> Result<PaperRecord, RecordIssue> {
        state = .finished
        if let code = window.readErrno { return issue(line: line, "reading stopped: \(systemErrorText(code))") }
        return issue(line: line, "truncated JSON: the file ends before the array is closed with ']'")
    }

    private mutating func finishAfterArray() -> Result<PaperRecord, RecordIssue>? {
        state = .finished
        if let byte = skipWhitespace() {
            return issue(line: line, "unexpected \(describe(byte)) after the end of the JSON array; ignored the rest")
        }
        return nil
    }

    /// Consumes whitespace (counting lines) and returns the next byte without consuming it,
    /// or nil at the end of the input.
    private mutating func skipWhitespace() -> UInt8? {
        while true {
            while window.start < window.end {
                let byte = window.base[window.start]
                guard WhitespaceFolding.isSpace(byte) else { return byte }
                if byte == 0x0A { line += 1 }
                window.start += 1
            }
            if !window.refill() { return nil }
        }
    }

    /// How many bytes from `offset` (past `window.start`, inside a string) come before the next
    /// quote or backslash in the buffer; counts the line breaks among them (invalid JSON, but
    /// later line numbers should stay right).
    private mutating func ordinaryStringBytes(at offset: Int) -> Int {
        let here = window.base + window.start + offset
        let available = window.end - window.start - offset
        var length = available
        if let quote = memchr(here, 0x22, available) { length = UnsafeRawPointer(quote) - UnsafeRawPointer(here) }
        if let backslash = memchr(here, 0x5C, length) { length = UnsafeRawPointer(backslash) - UnsafeRawPointer(here) }
        var searched = 0
        while searched < length, let newline = memchr(here + searched, 0x0A, length - searched) {
            line += 1
            searched = UnsafeRawPointer(newline) - UnsafeRawPointer(here) + 1
        }
        return length
    }

    /// Finds where the element at `window.start` ends and decodes it.
    private mutating func scanElement() -> Result<PaperRecord, RecordIssue> {
        let startLine = line
        var offset = 0
        var depth = 0
        var inString = false
        var escaped = false
        var skippedBytes = 0
        var skipping = false
        scan: while true {
            while window.start + offset < window.end {
                let byte = window.base[window.start + offset]
                if inString {
                    if escaped {
                        escaped = false
                        if byte == 0x0A { line += 1 }
                        offset += 1
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                        offset += 1
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                        offset += 1
                    } else {
                        offset += ordinaryStringBytes(at: offset)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { break scan }  // a scalar element right before ']'
                    depth -= 1
                    if depth == 0 {
                        offset += 1
                        break scan
                    }
                case UInt8(ascii: ","):
                    if depth == 0 { break scan }
                case 0x20, 0x09, 0x0D, 0x0A:
                    if depth == 0 { break scan }
                    if byte == 0x0A { line += 1 }
                default:
                    break
                }
                offset += 1
            }
            if skipping || offset > maxElementBytes {
                // Too large to keep: count it, drop it, keep scanning for its end.
                skipping = true
                skippedBytes += offset
                window.start += offset
                offset = 0
            }
            if !window.refill() {
                state = .finished
                if let code = window.readErrno { return issue(line: line, "reading stopped: \(systemErrorText(code))") }
                return issue(
                    line: startLine,
                    "truncated JSON: the array element starting on line \(startLine) is not closed before the end of the file"
                )
            }
        }
        // A stray '}' or ']' where an element should start: take it as a one-byte element so
        // the decoder reports it and reading moves on.
        if offset == 0 && !skipping { offset = 1 }
        let elementStart = window.start
        window.start += offset
        if skipping || offset > maxElementBytes {
            return issue(
                line: startLine,
                "the array element starting on line \(startLine) is \(megabytes(skippedBytes + offset)), over the \(megabytes(maxElementBytes, decimals: false)) limit for one record; skipped"
            )
        }
        let bytes = UnsafeBufferPointer(start: window.base + elementStart, count: offset)
        return decoder.decode(bytes, file: file, firstLine: startLine, isWholeLine: false)
    }
}
