/// Reads the text dump of a Hugging Face Papers listing or search page.
///
/// Per paper: a title line, an abstract line, then optionally `• N authors`, `·` and
/// `Mon D, YYYY N` (date and upvotes). Blank lines usually separate the parts but are not
/// required. The parser decides line by line, looking one line ahead where a line could be
/// either a title or an abstract:
/// - after a paper's author/date lines, any text line starts the next paper;
/// - on a page with blank lines between title and abstract (learned from the first paper), a
///   text line directly below a title or abstract line wraps it (abstracts joined with `\n`);
/// - after a title, a short title-like line (≤ 300 bytes, not ending in `.`, no link) followed
///   by an abstract-like paragraph is the next paper's title: the first paper has no abstract;
/// - after an abstract, a title-like paragraph starts the next paper; anything else is another
///   paragraph of the abstract (joined with `\n\n`, or `\n` on pages without blank lines);
/// - a date line followed by an abstract-like line is a title that happens to look like a date;
///   otherwise a date line before the first paper (or a second one for a paper) is chrome.
///
/// A title with neither an abstract nor author/date lines is reported as a `RecordIssue` and
/// skipped: on a page it is more likely chrome we do not know or a cut-off paper than a paper.
/// A title with author/date lines but no abstract is a paper with an empty abstract.
/// Dates printed without a year (the site omits the current one) give `date == nil`; a date
/// line without a count gives `upvotes == nil`. Page papers carry no arXiv id, so their
/// `PaperRecord.id` is the normalized title.
struct HuggingFacePageParser {
    private struct Item {
        enum Kind {
            case line(PageLineKind)
            case oversized(byteCount: Int)
            case readFailed(errno: Int32)
        }

        var kind: Kind
        var bytes: [UInt8]
        var number: Int
        var followsBlankLine: Bool
        /// Byte offset of the first invalid UTF-8 sequence, if any.
        var invalidUTF8Offset: Int?

        var isText: Bool {
            if case .line(.text) = kind { return true }
            return false
        }
    }

    private struct PendingPaper {
        var title: [UInt8]?
        var line: Int
        var abstract: [UInt8] = []
        var hasAbstract = false
        var authorCount: Int?
        var sawSeparator = false
        var sawDate = false
        var date: String?
        var upvotes: Int?
        /// First line of the paper that is not valid UTF-8, with its column.
        var invalidUTF8: (line: Int, column: Int, byte: UInt8)?
        /// Part of the paper was a line over the size limit, already reported.
        var damaged = false

        var hasDetails: Bool { authorCount != nil || sawSeparator || sawDate }
    }

    private var scanner: LineScanner
    private let file: String
    private let maxLineBytes: Int
    private var lookahead: Item?
    private var inputFinished = false
    private var current: PendingPaper?
    private var previousItemWasDateWithoutUpvotes = false
    /// Learned from the first paper: whether this page puts blank lines between a title and
    /// its abstract. If it does, a line directly below a title or abstract line wraps it.
    private var partsAreSeparatedByBlankLines: Bool?
    private var ready: [Result<PaperRecord, RecordIssue>] = []
    private var readyIndex = 0
    private var recordCount = 0
    private var issueCount = 0
    private var reportedNothingFound = false

    init(scanner: LineScanner, file: String) {
        self.scanner = scanner
        self.file = file
        self.maxLineBytes = scanner.maxLineBytes
    }

    mutating func next() -> Result<PaperRecord, RecordIssue>? {
        while true {
            if readyIndex < ready.count {
                let result = ready[readyIndex]
                readyIndex += 1
                if readyIndex == ready.count {
                    ready.removeAll(keepingCapacity: true)
                    readyIndex = 0
                }
                return result
            }
            guard let item = takeItem() else {
                if let paper = current {
                    current = nil
                    finish(paper)
                    continue
                }
                if recordCount == 0 && issueCount == 0 && !reportedNothingFound {
                    reportedNothingFound = true
                    report(
                        line: 1,
                        "no papers found: expected a Hugging Face Papers page (a title line, an abstract line, then optional author and date lines per paper)"
                    )
                    continue
                }
                return nil
            }
            process(item)
        }
    }

    // MARK: Items

    private mutating func takeItem() -> Item? {
        if let item = lookahead {
            lookahead = nil
            return item
        }
        return readItem()
    }

    private mutating func peekItem() -> Item? {
        if lookahead == nil { lookahead = readItem() }
        return lookahead
    }

    /// The next line that is neither blank nor chrome.
    private mutating func readItem() -> Item? {
        var followsBlankLine = false
        while !inputFinished {
            switch scanner.nextLine() {
            case .end:
                inputFinished = true
                return nil
            case .readFailed(let number, let code):
                inputFinished = true
                return Item(
                    kind: .readFailed(errno: code), bytes: [], number: number, followsBlankLine: followsBlankLine)
            case .oversized(let number, let byteCount):
                return Item(
                    kind: .oversized(byteCount: byteCount), bytes: [], number: number,
                    followsBlankLine: followsBlankLine)
            case .line(let raw, let number):
                let trimmed = Self.trimmed(raw)
                if trimmed.isEmpty {
                    followsBlankLine = true
                    continue
                }
                let bytes = Array(trimmed)
                let invalidOffset = UTF8Validation.firstInvalidOffset(in: trimmed)
                let kind = invalidOffset == nil ? PageLineClassifier.classify(bytes) : .text
                if kind == .chrome {
                    followsBlankLine = true  // chrome separates like a blank line
                    continue
                }
                return Item(
                    kind: .line(kind), bytes: bytes, number: number, followsBlankLine: followsBlankLine,
                    invalidUTF8Offset: invalidOffset)
            }
        }
        return nil
    }

    private static func trimmed(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = line.count
        while start < end && WhitespaceFolding.isSpace(line[start]) { start += 1 }
        while end > start && WhitespaceFolding.isSpace(line[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: line[start..<end])
    }

    // MARK: State machine

    private mutating func process(_ item: Item) {
        let dateWithoutUpvotesBefore = previousItemWasDateWithoutUpvotes
        previousItemWasDateWithoutUpvotes = false
        switch item.kind {
        case .readFailed(let code):
            report(line: item.number, "reading stopped: \(systemErrorText(code))")
        case .oversized(let byteCount):
            if current == nil || current?.hasDetails == true {
                if let paper = current { finish(paper) }
                // Whatever follows belongs to the paper whose line was lost.
                current = PendingPaper(title: [], line: item.number, hasAbstract: true, damaged: true)
            } else {
                current?.damaged = true
                current?.hasAbstract = true
            }
            report(line: item.number, Self.oversizedMessage(line: item.number, byteCount: byteCount, limit: maxLineBytes))
        case .line(.chrome):
            break
        case .line(.separator):
            current?.sawSeparator = true
        case .line(.authorCount(let count)):
            if current == nil || current?.authorCount != nil || current?.sawDate == true {
                // Author lines with no title before them: a paper whose title is missing.
                if let paper = current { finish(paper) }
                current = PendingPaper(title: nil, line: item.number)
            }
            current?.authorCount = count
        case .line(.date(let isoDate, let upvotes)):
            let canTakeDate = current != nil && current?.sawDate == false
            let continuesDetails = canTakeDate && (current?.authorCount != nil || current?.sawSeparator == true)
            if !continuesDetails, let next = peekItem(), next.isText, !PageLineClassifier.isTitleLike(next.bytes) {
                processText(item)  // a title that looks like a date, followed by its abstract
            } else if canTakeDate {
                current?.sawDate = true
                current?.date = isoDate
                current?.upvotes = upvotes
                previousItemWasDateWithoutUpvotes = upvotes == nil
            }
        // Otherwise: the page's own date before the first paper, or a section date.
        case .line(.number(let value)):
            if dateWithoutUpvotesBefore, current != nil {
                current?.upvotes = value
            } else {
                processText(item)
            }
        case .line(.text):
            processText(item)
        }
    }

    private mutating func processText(_ item: Item) {
        guard var paper = current else {
            current = startPaper(with: item)
            return
        }
        if paper.title == nil || paper.hasDetails {
            finish(paper)
            current = startPaper(with: item)
            return
        }
        current = nil  // keep the paper's buffers uniquely referenced while appending
        defer { current = paper }
        if partsAreSeparatedByBlankLines == true && !item.followsBlankLine {
            // A wrapped line: it continues the title or abstract paragraph above it.
            if paper.hasAbstract {
                append(item, to: &paper, separator: [0x0A])
            } else if let title = paper.title, title.count + item.bytes.count < maxLineBytes {
                paper.title = title + [0x20] + item.bytes
                noteInvalidUTF8(item, in: &paper)
            } else {
                dropOversized(&paper, at: item)
            }
            return
        }
        if !paper.hasAbstract {
            if PageLineClassifier.isTitleLike(item.bytes), let next = peekItem(), next.isText,
                !PageLineClassifier.isTitleLike(next.bytes),
                partsAreSeparatedByBlankLines == false || next.followsBlankLine
            {
                // A title-like line, then an abstract: the paper above has no abstract.
                finish(paper)
                paper = startPaper(with: item)
                return
            }
            paper.abstract = item.bytes
            paper.hasAbstract = true
            if partsAreSeparatedByBlankLines == nil { partsAreSeparatedByBlankLines = item.followsBlankLine }
            noteInvalidUTF8(item, in: &paper)
            return
        }
        if PageLineClassifier.isTitleLike(item.bytes) {
            finish(paper)
            paper = startPaper(with: item)
            return
        }
        // Another paragraph of the abstract.
        append(item, to: &paper, separator: item.followsBlankLine ? [0x0A, 0x0A] : [0x0A])
    }

    /// Adds a line to the paper's abstract, unless that takes the paper over the size limit:
    /// then the paper is reported once and dropped, so memory stays bounded by the limit even
    /// for text that never reaches another title.
    private mutating func append(_ item: Item, to paper: inout PendingPaper, separator: [UInt8]) {
        if paper.damaged { return }
        if paper.abstract.count + separator.count + item.bytes.count > maxLineBytes {
            dropOversized(&paper, at: item)
            return
        }
        paper.abstract.append(contentsOf: separator)
        paper.abstract.append(contentsOf: item.bytes)
        noteInvalidUTF8(item, in: &paper)
    }

    private mutating func dropOversized(_ paper: inout PendingPaper, at item: Item) {
        guard !paper.damaged else { return }
        report(
            line: paper.line,
            "the paper starting on line \(paper.line) runs past line \(item.number) without ending and is over the \(megabytes(maxLineBytes, decimals: false)) limit for one record; skipped"
        )
        paper.damaged = true
        paper.hasAbstract = true  // later lines go to `append`, which ignores them
        paper.title = []
        paper.abstract = []
    }

    private func startPaper(with item: Item) -> PendingPaper {
        var paper = PendingPaper(title: item.bytes, line: item.number)
        noteInvalidUTF8(item, in: &paper)
        return paper
    }

    private func noteInvalidUTF8(_ item: Item, in paper: inout PendingPaper) {
        guard paper.invalidUTF8 == nil, let offset = item.invalidUTF8Offset else { return }
        let column = item.bytes.withUnsafeBufferPointer { UTF8Validation.column(of: offset, in: $0) }
        paper.invalidUTF8 = (item.number, column, item.bytes[offset])
    }

    /// Turns a finished paper into a record or an issue.
    private mutating func finish(_ paper: PendingPaper) {
        if paper.damaged { return }
        if let invalid = paper.invalidUTF8 {
            report(
                line: invalid.line,
                "line \(invalid.line) is not valid UTF-8 (byte 0x\(String(invalid.byte, radix: 16, uppercase: true)) at column \(invalid.column)); the paper starting on line \(paper.line) was skipped"
            )
            return
        }
        guard let titleBytes = paper.title else {
            report(line: paper.line, "author or date lines without a paper title before them; skipped")
            return
        }
        let title = WhitespaceFolding.folded(String(decoding: titleBytes, as: UTF8.self))
        if titleBytes.count > 1000 {
            report(
                line: paper.line,
                "expected a paper title but found a \(titleBytes.count)-byte paragraph (an abstract without its title?); skipped"
            )
            return
        }
        if !paper.hasAbstract && !paper.hasDetails {
            report(
                line: paper.line,
                "\"\(title)\" has no abstract and no author or date line; skipped (page chrome, or a paper cut off?)"
            )
            return
        }
        recordCount += 1
        ready.append(
            .success(
                PaperRecord(
                    title: title,
                    abstract: String(decoding: paper.abstract, as: UTF8.self),
                    authorCount: paper.authorCount,
                    date: paper.date,
                    upvotes: paper.upvotes,
                    source: SourceLocation(file: file, line: paper.line),
                    format: .huggingFacePage)))
    }

    private mutating func report(line: Int, _ message: String) {
        issueCount += 1
        ready.append(.failure(RecordIssue(location: SourceLocation(file: file, line: line), message: message)))
    }

    static func oversizedMessage(line: Int, byteCount: Int, limit: Int) -> String {
        "line \(line) is \(megabytes(byteCount)), over the \(megabytes(limit, decimals: false)) limit for one record; skipped"
    }
}

/// `52428800` → `"50.0 MB"` (MiB, as file sizes are usually shown); small sizes in KB or bytes.
func megabytes(_ byteCount: Int, decimals: Bool = true) -> String {
    if byteCount < 1024 { return "\(byteCount) bytes" }
    if byteCount < 1 << 20 { return "\((byteCount + 512) >> 10) KB" }
    let tenths = (byteCount * 10 + (1 << 19)) >> 20
    if !decimals && tenths % 10 == 0 { return "\(tenths / 10) MB" }
    return "\(tenths / 10).\(tenths % 10) MB"
}
