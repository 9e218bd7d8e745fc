/// Splits one text field (a title or an abstract, UTF-8) into words and phrase breaks, with
/// LaTeX and URLs removed first.
///
/// Works on bytes, never on `Character`s: the topics command scans every abstract of the store
/// and grapheme breaking would cost more than everything else together. Only non-ASCII bytes
/// are decoded, to tell letters (part of a word) from punctuation (a break).
///
/// What becomes what:
/// - words: runs of letters, digits and `_`, joined across `-` (`low-rank`, `text-to-image`),
///   across `'` inside a word (`don't`), and across `.` between digits (`3.5`); a trailing
///   possessive `'s` is dropped. Words longer than ``maxWordBytes`` are dropped (a Chinese
///   sentence without spaces is one "word").
/// - breaks: punctuation, inline and display math (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`), LaTeX
///   commands (with the argument of `\cite`, `\ref`, `\url`, `\href`, … skipped), and every
///   whitespace-delimited chunk that looks like a URL, a bare `host.tld/path` or an e-mail.
/// - `(` and `)` are breaks that acronym detection looks at.
struct TextScanner {
    enum Mark: UInt8 {
        case word
        case phraseBreak
        case open
        case close
    }

    /// Words longer than this are not words (base64, hashes, unspaced scripts).
    static let maxWordBytes = 48

    /// LaTeX commands whose first braced argument is not prose.
    private static let argumentSkippingCommands: Set<[UInt8]> = Set(
        ["cite", "citep", "citet", "citealp", "ref", "eqref", "autoref", "cref", "Cref", "label", "url", "href",
         "includegraphics", "begin", "end", "footnote", "thanks", "email"].map { Array($0.utf8) })

    /// Calls `word(start, end, sentenceStart)` for each word (byte range into `bytes`) and
    /// `mark(.phraseBreak/.open/.close)` for each break, in text order.
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, word: (Int, Int, Bool) -> Void, mark: (Mark) -> Void
    ) {
        let n = bytes.count
        var i = 0
        var wordStart = -1
        var sentenceStart = true
        var chunkStart = true  // the previous byte was whitespace (or an opening bracket)

        @inline(__always) func endWord(at end: Int) {
            if wordStart >= 0 {
                if end - wordStart <= maxWordBytes {
                    word(wordStart, end, sentenceStart)
                } else {
                    mark(.phraseBreak)
                }
                sentenceStart = false
                wordStart = -1
            }
        }
        @inline(__always) func breakHere() {
            endWord(at: i)
            mark(.phraseBreak)
        }

        while i < n {
            let b = bytes[i]
            if chunkStart && b > 0x20, let end = urlChunkEnd(bytes, from: i) {
                endWord(at: i)
                mark(.phraseBreak)
                i = end
                continue
            }
            chunkStart = false
            switch b {
            case 0x61...0x7A, 0x41...0x5A, 0x30...0x39, 0x5F:  // a-z A-Z 0-9 _
                if wordStart < 0 { wordStart = i }
                i += 1
            case 0x20, 0x0A, 0x0D, 0x09, 0x0C, 0x0B:
                endWord(at: i)
                chunkStart = true
                i += 1
            case 0x2D:  // '-' joins two word parts
                if wordStart >= 0, i + 1 < n, isWordByte(bytes[i + 1]) {
                    i += 1
                } else {
                    breakHere()
                    i += 1
                }
            case 0x27:  // '\''
                switch apostrophe(bytes, at: i, width: 1, inWord: wordStart >= 0) {
                case .possessive:
                    endWord(at: i)
                    i += 3
                case .joins:
                    i += 1
                case .quote:
                    breakHere()
                    i += 1
                }
            case 0x2E:  // '.'
                if wordStart >= 0, i > 0, isDigit(bytes[i - 1]), i + 1 < n, isDigit(bytes[i + 1]) {
                    i += 1
                } else {
                    breakHere()
                    sentenceStart = true
                    i += 1
                }
            case 0x21, 0x3F, 0x3A:  // ! ? :
                breakHere()
                sentenceStart = true
                chunkStart = b == 0x3A  // "Code:https://…"
                i += 1
            case 0x28, 0x5B:  // ( [
                endWord(at: i)
                mark(b == 0x28 ? .open : .phraseBreak)
                chunkStart = true
                i += 1
            case 0x29:  // )
                endWord(at: i)
                mark(.close)
                i += 1
            case 0x24:  // $
                breakHere()
                i = skipMath(bytes, dollarAt: i)
            case 0x5C:  // backslash
                breakHere()
                i = skipCommand(bytes, at: i)
            case 0x80...0xFF:
                let (scalar, width) = decode(bytes, at: i)
                if scalar == 0x2019 {  // ’ as an apostrophe
                    switch apostrophe(bytes, at: i, width: width, inWord: wordStart >= 0) {
                    case .possessive:
                        endWord(at: i)
                        i += width + 1
                    case .joins:
                        i += width
                    case .quote:
                        breakHere()
                        i += width
                    }
                } else if isSpace(scalar) {
                    endWord(at: i)
                    chunkStart = true
                    i += width
                } else if isLetter(scalar) {
                    if wordStart < 0 { wordStart = i }
                    i += width
                } else if (scalar == 0x2010 || scalar == 0x2011) && wordStart >= 0 && i + width < n
                    && isWordByte(bytes[i + width])
                {
                    i += width  // Unicode hyphens join like '-'
                } else {
                    breakHere()
                    i += width
                }
            default:
                breakHere()
                i += 1
            }
        }
        endWord(at: n)
    }

    private enum Apostrophe { case possessive, joins, quote }

    /// `'s` after a word is a possessive (dropped); `'` between letters joins (`don't`);
    /// anything else is a quote, so a break.
    @inline(__always)
    private static func apostrophe(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, width: Int, inWord: Bool)
        -> Apostrophe
    {
        let next = i + width
        guard inWord, next < bytes.count else { return .quote }
        if bytes[next] | 0x20 == 0x73, next + 1 >= bytes.count || !isWordByte(bytes[next + 1]) { return .possessive }
        return isLetterByte(bytes[next]) ? .joins : .quote
    }

    /// Position after the closing `$` (or `$$`); a `$` without a close within 400 bytes is
    /// a lone dollar sign and only a break.
    private static func skipMath(_ bytes: UnsafeBufferPointer<UInt8>, dollarAt i: Int) -> Int {
        let n = bytes.count
        let display = i + 1 < n && bytes[i + 1] == 0x24
        var j = display ? i + 2 : i + 1
        let limit = min(n, j + 400)
        while j < limit {
            if bytes[j] == 0x5C { j += 2; continue }  // \$ inside math
            if bytes[j] == 0x24 {
                if !display { return j + 1 }
                if j + 1 < n && bytes[j + 1] == 0x24 { return j + 2 }
            }
            j += 1
        }
        return display ? i + 2 : i + 1
    }

    /// Skips a LaTeX command: `\(…\)` / `\[…\]` math, `\name` with the argument of
    /// commands whose argument is not prose, or an escaped character (`\%`).
    private static func skipCommand(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = bytes.count
        guard i + 1 < n else { return n }
        let next = bytes[i + 1]
        if next == 0x28 || next == 0x5B {  // \( or \[
            let close: UInt8 = next == 0x28 ? 0x29 : 0x5D
            var j = i + 2
            let limit = min(n - 1, j + 400)
            while j < limit {
                if bytes[j] == 0x5C && bytes[j + 1] == close { return j + 2 }
                j += 1
            }
            return i + 2
        }
        guard isLetterASCII(next) else { return i + 2 }
        var j = i + 1
        while j < n && isLetterASCII(bytes[j]) { j += 1 }
        let name = Array(bytes[(i + 1)..<j])
        guard argumentSkippingCommands.contains(name) else { return j }
        var k = j
        while k < n && (bytes[k] == 0x20 || bytes[k] == 0x2A) { k += 1 }  // spaces, starred form
        if k < n && bytes[k] == 0x5B {  // optional [..]
            while k < n && bytes[k] != 0x5D { k += 1 }
            k += 1
        }
        guard k < n, bytes[k] == 0x7B else { return j }
        var depth = 0
        while k < n {
            if bytes[k] == 0x7B { depth += 1 }
            if bytes[k] == 0x7D {
                depth -= 1
                if depth == 0 { return k + 1 }
            }
            k += 1
        }
        return n
    }

    /// End of the whitespace-delimited chunk at `i` when it is a URL (`scheme://`, `www.`),
    /// a bare `host.tld/path`, or an e-mail address; nil otherwise.
    private static func urlChunkEnd(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
        let n = bytes.count
        var j = i
        var sawScheme = false, sawAt = false, sawDotBeforeSlash = false, sawSlash = false
        var sawDotAfterAt = false
        while j < n {
            let b = bytes[j]
            if b <= 0x20 { break }
            if j - i > 600 { return nil }
            switch b {
            case 0x3A:  // ':'
                if j + 2 < n && bytes[j + 1] == 0x2F && bytes[j + 2] == 0x2F && j > i { sawScheme = true }
            case 0x2F:  // '/'
                sawSlash = true
            case 0x2E:  // '.'
                if j > i, j + 1 < n, isLetterASCII(bytes[j + 1]), isWordByte(bytes[j - 1]) {
                    if !sawSlash { sawDotBeforeSlash = true }
                    if sawAt { sawDotAfterAt = true }
                }
            case 0x40:  // '@'
                if j > i { sawAt = true }
            default:
                break
            }
            j += 1
        }
        if sawScheme || (sawSlash && sawDotBeforeSlash) || sawDotAfterAt { return j }
        // www.example.org without a path
        if j - i > 4, bytes[i] | 0x20 == 0x77, bytes[i + 1] | 0x20 == 0x77, bytes[i + 2] | 0x20 == 0x77,
            bytes[i + 3] == 0x2E
        {
            return j
        }
        return nil
    }

    // MARK: Byte and scalar classes

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isLetterASCII(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    /// ASCII letter or any non-ASCII lead/continuation byte (decided precisely when scanned).
    @inline(__always) static func isLetterByte(_ b: UInt8) -> Bool { isLetterASCII(b) || b >= 0x80 }
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        isLetterASCII(b) || isDigit(b) || b == 0x5F || b >= 0xC0
    }

    /// Decodes one UTF-8 scalar; invalid bytes decode as U+FFFD with width 1 (the store only
    /// holds valid UTF-8, but the scanner must not trust that).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        let n = bytes.count
        func cont(_ k: Int) -> UInt32? {
            guard i + k < n else { return nil }
            let b = bytes[i + k]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        if b0 & 0xE0 == 0xC0, let c1 = cont(1) { return (((b0 & 0x1F) << 6) | c1, 2) }
        if b0 & 0xF0 == 0xE0, let c1 = cont(1), let c2 = cont(2) { return (((b0 & 0x0F) << 12) | (c1 << 6) | c2, 3) }
        if b0 & 0xF8 == 0xF0, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
            return (((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3, 4)
        }
        return (0xFFFD, 1)
    }

    static func isSpace(_ scalar: UInt32) -> Bool {
        scalar == 0xA0 || (scalar >= 0x2000 && scalar <= 0x200B) || scalar == 0x202F || scalar == 0x205F
            || scalar == 0x3000
    }

    static func isLetter(_ scalar: UInt32) -> Bool {
        guard let s = Unicode.Scalar(scalar) else { return false }
        let properties = s.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .decimalNumber
    }
}
