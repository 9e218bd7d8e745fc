#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Looks at the start of an input to reject what is not text and pick a reader.
enum InputSniffer {
    enum Container {
        case page
        case jsonLines
        case jsonArray
    }

    struct Detection {
        var container: Container
        /// Line number at `window.start` after leading blank lines were consumed.
        var firstLineNumber: Int
    }

    /// How much of the file is examined for binary content.
    static let sampleSize = 1024

    /// Reads the first chunk, checks it, and leaves `window.start` at the beginning of the
    /// first line holding something other than whitespace.
    static func detect(_ window: inout ByteWindow, path: String) throws(CorpusError) -> Detection {
        _ = window.refill()
        if let code = window.readErrno {
            if code == EISDIR { throw .isDirectory(path: path) }
            throw .unreadable(path: path, reason: systemErrorText(code))
        }
        if window.available == 0 { throw .emptyFile(path: path, onlyWhitespace: false) }

        let sample = UnsafeBufferPointer(start: window.base + window.start, count: min(window.available, sampleSize))
        if let detail = binaryDetail(sample) { throw .binaryFile(path: path, detail: detail) }

        if window.available >= 3 && window.base[window.start] == 0xEF && window.base[window.start + 1] == 0xBB
            && window.base[window.start + 2] == 0xBF
        {
            window.start += 3  // UTF-8 byte order mark
        }

        // Find the first byte that is not whitespace, consuming only whole blank lines.
        var lineNumber = 1
        while true {
            var index = window.start
            var lineStart = window.start
            var newlines = 0
            while index < window.end && WhitespaceFolding.isSpace(window.base[index]) {
                if window.base[index] == 0x0A {
                    newlines += 1
                    lineStart = index + 1
                }
                index += 1
            }
            if index < window.end {
                lineNumber += newlines
                window.start = lineStart
                return Detection(
                    container: try container(startingWith: window.base[index], window: window, path: path),
                    firstLineNumber: lineNumber)
            }
            lineNumber += newlines
            window.start = window.end
            if !window.refill() {
                if let code = window.readErrno { throw .unreadable(path: path, reason: systemErrorText(code)) }
                throw .emptyFile(path: path, onlyWhitespace: true)
            }
        }
    }

    private static func container(startingWith byte: UInt8, window: ByteWindow, path: String) throws(CorpusError)
        -> Container
    {
        switch byte {
        case UInt8(ascii: "{"): return .jsonLines
        case UInt8(ascii: "["): return .jsonArray
        case UInt8(ascii: "<"):
            throw .unrecognizedFormat(
                path: path,
                detail: "it starts with '<': XML or HTML, such as an arXiv Atom feed or a saved web page; save the page as plain text instead")
        default:
            if let detail = tableDetail(window) { throw .unrecognizedFormat(path: path, detail: detail) }
            return .page
        }
    }

    /// A first line like `id,title,abstract` or with tabs: a spreadsheet export, not a page.
    private static func tableDetail(_ window: ByteWindow) -> String? {
        let available = UnsafeBufferPointer(start: window.base + window.start, count: window.available)
        let firstLine = available.prefix(while: { $0 != 0x0A && $0 != 0x0D })
        var tabs = 0
        var commas = 0
        var spaces = 0
        for byte in firstLine {
            switch byte {
            case 0x09: tabs += 1
            case UInt8(ascii: ","): commas += 1
            case 0x20: spaces += 1
            default: break
            }
        }
        if tabs >= 2 { return "the first line has tab-separated columns (TSV)" }
        if commas >= 2 && spaces == 0 { return "the first line looks like a CSV header" }
        return nil
    }

    /// Why `sample` (the first KB) is not text, or nil when it looks like text.
    static func binaryDetail(_ sample: UnsafeBufferPointer<UInt8>) -> String? {
        func starts(with magic: [UInt8]) -> Bool {
            sample.count >= magic.count && zip(sample, magic).allSatisfy { $0 == $1 }
        }
        if starts(with: [0xFF, 0xFE]) || starts(with: [0xFE, 0xFF]) {
            return "it is UTF-16 text; convert it to UTF-8 first, e.g. `iconv -f UTF-16 -t UTF-8`"
        }
        if starts(with: [0x1F, 0x8B]) { return "gzip-compressed data; decompress it first, e.g. `gunzip`" }
        if starts(with: [0x28, 0xB5, 0x2F, 0xFD]) { return "zstd-compressed data; decompress it first, e.g. `zstd -d`" }
        if starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return "xz-compressed data; decompress it first, e.g. `xz -d`" }
        if starts(with: Array("BZh".utf8)) && sample.count > 5 && sample[4] == 0x31 && sample[5] == 0x41 {
            return "bzip2-compressed data; decompress it first, e.g. `bunzip2`"
        }
        if starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "a ZIP archive; extract the file inside it first" }
        if starts(with: Array("%PDF-".utf8)) { return "a PDF document" }
        if starts(with: Array("SQLite format 3".utf8) + [0]) { return "an SQLite database" }
        if let nul = sample.firstIndex(of: 0) { return "it contains NUL bytes, the first at byte \(nul + 1)" }

        var controlBytes = 0
        for byte in sample where (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C) || byte == 0x7F {
            controlBytes += 1
        }
        if controlBytes * 10 > sample.count { return "\(controlBytes) of its first \(sample.count) bytes are control bytes" }

        // Mostly invalid UTF-8 means a binary or a legacy 8-bit encoding; a few bad bytes are
        // left to the per-record checks.
        var invalidSequences = 0
        var index = 0
        while index < sample.count {
            let rest = UnsafeBufferPointer(rebasing: sample[index...])
            guard let bad = UTF8Validation.firstInvalidOffset(in: rest) else { break }
            // A sequence cut off by the end of the sample is not evidence.
            if index + bad >= sample.count - 3 && sample.count == sampleSize { break }
            invalidSequences += 1
            index += bad + 1
        }
        if invalidSequences * 10 > sample.count {
            return "its first \(sample.count) bytes are mostly not UTF-8"
        }
        return nil
    }
}
