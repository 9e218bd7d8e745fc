/// Sentence boundaries over UTF-8 bytes. A sentence ends at `.`, `!` or `?` followed by
/// whitespace and a word that does not start in lower case, at a full-width `。！？`, or at a
/// blank line. Abbreviations (`e.g.`, `et al.`, `Fig. 2`, `vs.`) do not end sentences; a single
/// capital does (`We propose X. Code …`: abstracts name methods, not authors); dots inside URLs,
/// decimals and version numbers are never followed by whitespace.
struct SentenceSplitter {
    private let p: UnsafeBufferPointer<UInt8>
    private let n: Int
    /// Byte ranges of links, inside which no sentence ends.
    private let links: [Range<Int>]

    init(_ bytes: UnsafeBufferPointer<UInt8>, links: [Range<Int>] = []) {
        p = bytes
        n = bytes.count
        self.links = links
    }

    @inline(__always) private func byte(_ i: Int) -> UInt8 { i >= 0 && i < n ? p[i] : 0 }

    /// The sentence holding byte `position`, as a byte range trimmed of surrounding whitespace.
    func sentence(containing position: Int) -> Range<Int> {
        var start = 0
        var x = min(position, n) - 1
        while x >= 0 {
            if let after = breakEnd(at: x), after <= position {
                start = after
                break
            }
            x -= 1
        }
        var end = n
        x = max(position, start)
        while x < n {
            if let after = breakEnd(at: x), after > position {
                end = after
                break
            }
            x += 1
        }
        while start < end, ByteClass.isSpace(p[start]) { start += 1 }
        while end > start, ByteClass.isSpace(p[end - 1]) { end -= 1 }
        return start..<end
    }

    /// If a sentence ends with the byte at `x`, the index just past its terminator.
    private func breakEnd(at x: Int) -> Int? {
        let b = p[x]
        switch b {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
            if !links.isEmpty, links.contains(where: { $0.contains(x) }) { return nil }
            if b == UInt8(ascii: "."), isGluedSentenceStart(after: x) { return x + 1 }
            var after = x + 1
            let closer = byte(after)
            if closer == UInt8(ascii: ")") || closer == UInt8(ascii: "\"") || closer == UInt8(ascii: "'") {
                after += 1
            }
            guard after >= n || ByteClass.isSpace(p[after]) else { return nil }
            var next = after
            while next < n, ByteClass.isSpace(p[next]) { next += 1 }
            // `e.g. the`, `et al. show`: a lower-case word continues the sentence. So does a
            // link after a full stop (`Code is available. https://…`): it belongs to the
            // sentence before it.
            if next < n, ByteClass.isLower(p[next]) { return nil }
            if b == UInt8(ascii: "."), isAbbreviation(endingAt: x) { return nil }
            return after
        case UInt8(ascii: "\n"):
            return byte(x + 1) == UInt8(ascii: "\n") ? x + 1 : nil
        case 0x82 where x >= 2 && p[x - 2] == 0xE3 && p[x - 1] == 0x80:  // 。
            return x + 1
        case 0x81 where x >= 2 && p[x - 2] == 0xEF && p[x - 1] == 0xBC:  // ！
            return x + 1
        case 0x9F where x >= 2 && p[x - 2] == 0xEF && p[x - 1] == 0xBC:  // ？
            return x + 1
        default:
            return nil
        }
    }

    /// `gestures.The code`: a lower-case word, a dot and a capitalised word with no space between
    /// is a missing space after a full stop (domains and file names are lower case).
    private func isGluedSentenceStart(after x: Int) -> Bool {
        guard x >= 2, ByteClass.isLower(p[x - 1]), ByteClass.isLower(p[x - 2]),
            ByteClass.isUpper(byte(x + 1)), ByteClass.isLower(byte(x + 2))
        else { return false }
        var e = x + 2
        while e < n, ByteClass.isLower(p[e]) { e += 1 }
        return e >= n || ByteClass.isSpace(p[e])
    }

    private static let abbreviations = WordTable(
        [
            "e.g", "i.e", "al", "fig", "figs", "eq", "eqs", "sec", "secs", "tab", "vs", "cf", "no", "nos",
            "ref", "refs", "dr", "prof", "mr", "ms", "mrs", "st", "jr", "approx", "resp", "viz", "w.r.t",
            "incl", "inc", "ltd", "vol", "pp", "ch", "app", "appx", "thm", "def", "lem", "prop", "cor",
            "alg", "eqn", "ex", "corp", "dept", "univ", "est", "c.f", "a.k.a", "u.s", "ca",
        ])

    private func isAbbreviation(endingAt dot: Int) -> Bool {
        var s = dot
        while s > 0, ByteClass.isLetter(p[s - 1]) || p[s - 1] == UInt8(ascii: ".") { s -= 1 }
        // `Qwen-32B.` and `GPT-4o.` end sentences: the letters are the tail of a longer token.
        guard s < dot, s == 0 || !ByteClass.isDigit(p[s - 1]) else { return false }
        guard dot - s <= 8 else { return false }
        return Self.abbreviations.contains(Word(p, s..<dot))
    }
}
