import Corpus

/// One mention found by the scanner, with UTF-8 byte offsets into the scanned text.
struct RawMention {
    var start: Int
    var end: Int
    var rule: ExtractionRule
    var kind: LinkKind
    var target: String
}

/// A hand-written scanner over UTF-8 bytes. Most abstracts hold no link, so the main loop only
/// stops at three bytes (`:`, `.`, `\`) and every check behind them rejects ordinary prose after
/// looking at a byte or two. No regular expressions: they cost tens of microseconds per abstract.
///
/// Mentions never overlap: `floor` is the end of the last one, and nothing before it is
/// looked at again.
struct LinkScanner {
    private let p: UnsafeBufferPointer<UInt8>
    private let n: Int
    private var floor = 0
    private(set) var found: [RawMention] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        p = bytes
        n = bytes.count
    }

    /// Scans `text` and hands the mentions (byte offsets) and the bytes to `body`.
    static func withMentions<R>(
        in text: String, _ body: ([RawMention], UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = LinkScanner(bytes)
            scanner.run()
            return body(scanner.found, bytes)
        }
    }

    // MARK: - Main loop

    mutating func run() {
        var i = 0
        while i < n {
            i = SWAR.firstTrigger(in: p, from: i)
            guard i < n else { return }
            switch p[i] {
            case UInt8(ascii: "."): i = dot(at: i)
            case UInt8(ascii: ":"): i = colon(at: i)
            default: i = backslash(at: i)
            }
        }
    }

    @inline(__always) private func byte(_ i: Int) -> UInt8 { i >= 0 && i < n ? p[i] : 0 }

    private func hasPrefix(_ ascii: StaticString, at i: Int, caseInsensitive: Bool = false) -> Bool {
        let count = ascii.utf8CodeUnitCount
        guard i >= 0, i + count <= n else { return false }
        let s = ascii.utf8Start
        for k in 0..<count {
            let b = caseInsensitive ? ByteClass.lower(p[i + k]) : p[i + k]
            if b != s[k] { return false }
        }
        return true
    }

    private mutating func record(_ mention: RawMention) {
        found.append(mention)
        floor = mention.end
    }

    // MARK: - Parsed URL pieces

    /// A URL as parsed from the text: the raw byte range it covers and its cleaned bytes
    /// (lower-case host, then path/query/fragment with LaTeX escapes and line wraps removed).
    private struct Parsed {
        var end: Int
        var clean: [UInt8]
        var hostCount: Int
        var wrapped: Bool
    }

    private enum HostPolicy {
        /// After a scheme or inside `\url{}`: any alphabetic TLD (or a dotted-quad address).
        case explicit
        /// No scheme: the TLD must be one we know, so `model.pt` or `Node.js` stay prose.
        case bare
    }

    // MARK: - `:` — scheme URLs and arXiv identifiers

    private mutating func colon(at c: Int) -> Int {
        if let s = schemeStart(colon: c) {
            if let m = schemeURL(schemeStart: s, colon: c) {
                record(m)
                return m.end
            }
            return c + 1
        }
        if let m = arxivIdentifier(colon: c) {
            record(m)
            return m.end
        }
        return c + 1
    }

    /// Where `http`, `https` or `ftp` ends right before the colon, even when glued to the
    /// previous word (`Code:https://…`, `LLMsCodehttps://…`): the URL starts at the scheme.
    private func schemeStart(colon c: Int) -> Int? {
        if c - 5 >= floor, hasPrefix("https", at: c - 5, caseInsensitive: true) { return c - 5 }
        if c - 4 >= floor, hasPrefix("http", at: c - 4, caseInsensitive: true) { return c - 4 }
        if c - 3 >= floor, hasPrefix("ftp", at: c - 3, caseInsensitive: true) { return c - 3 }
        return nil
    }

    /// A run of ASCII whitespace from `i` that holds at most one line break and a few spaces:
    /// the gap a hard wrap or a stray space leaves inside a URL. Returns its end, or nil when
    /// the gap is too wide to be a wrap.
    private func wrapGap(from i: Int) -> Int? {
        var j = i
        var newlines = 0
        while j < n, ByteClass.isSpace(p[j]) {
            if p[j] == UInt8(ascii: "\n") { newlines += 1 }
            j += 1
            if j - i > 8 || newlines > 1 { return nil }
        }
        return j
    }

    private mutating func schemeURL(schemeStart s: Int, colon c: Int) -> RawMention? {
        var k = c + 1
        var wrapped = false
        // `https: //x` and `https:\n//x`
        if k < n, ByteClass.isSpace(p[k]) {
            guard let g = wrapGap(from: k) else { return nil }
            k = g
            wrapped = true
        }
        guard byte(k) == UInt8(ascii: "/"), byte(k + 1) == UInt8(ascii: "/") else { return nil }
        k += 2
        // `https://\nanonymous.4open.science/r/x`
        if k < n, ByteClass.isSpace(p[k]) {
            guard let g = wrapGap(from: k) else { return nil }
            k = g
            wrapped = true
        }
        guard var parsed = parseHostAndPath(from: k, policy: .explicit) else { return nil }
        parsed.wrapped = parsed.wrapped || wrapped
        var start = s
        var end = parsed.end
        var rule: ExtractionRule = parsed.wrapped ? .wrappedURL : .url
        if !parsed.wrapped, s - 1 >= floor, p[s - 1] == UInt8(ascii: "{"),
            byte(end) == UInt8(ascii: "}")
        {
            start = s - 1
            end += 1
            rule = .latexBrace
        }
        let (kind, target) = LinkCanonicalizer.canonical(cleanBytes: parsed.clean, hostCount: parsed.hostCount)
        return RawMention(start: start, end: end, rule: rule, kind: kind, target: target)
    }

    /// `arXiv:2401.01234v2`, `arXiv: 2401.01234`, `arXiv:hep-th/9901001`.
    private func arxivIdentifier(colon c: Int) -> RawMention? {
        let s = c - 5
        guard s >= floor, hasPrefix("arxiv", at: s, caseInsensitive: true) else { return nil }
        if s > 0, ByteClass.isAlnum(p[s - 1]) { return nil }
        var k = c + 1
        if byte(k) == UInt8(ascii: " ") { k += 1 }
        let idStart = k
        if ByteClass.isDigit(byte(k)) {
            // new style: YYMM.NNNNN
            var d = 0
            while ByteClass.isDigit(byte(k)) { k += 1; d += 1 }
            guard d == 4, byte(k) == UInt8(ascii: ".") else { return nil }
            k += 1
            d = 0
            while ByteClass.isDigit(byte(k)) { k += 1; d += 1 }
            guard d == 4 || d == 5 else { return nil }
        } else {
            // old style: archive(.XX)/NNNNNNN
            while ByteClass.isLetter(byte(k)) || byte(k) == UInt8(ascii: "-")
                || byte(k) == UInt8(ascii: ".")
            {
                k += 1
            }
            guard k > idStart, byte(k) == UInt8(ascii: "/") else { return nil }
            k += 1
            var d = 0
            while ByteClass.isDigit(byte(k)) { k += 1; d += 1 }
            guard d == 7 else { return nil }
        }
        if byte(k) == UInt8(ascii: "v") || byte(k) == UInt8(ascii: "V"), ByteClass.isDigit(byte(k + 1)) {
            k += 1
            while ByteClass.isDigit(byte(k)) { k += 1 }
        }
        if ByteClass.isAlnum(byte(k)) { return nil }
        let raw = String(decoding: UnsafeBufferPointer(rebasing: p[idStart..<k]), as: UTF8.self)
        guard let id = PaperIdentity.normalizedArxivID(raw) else { return nil }
        return RawMention(start: s, end: k, rule: .arxivID, kind: .paper, target: "arxiv:" + id.lowercased())
    }

    // MARK: - `.` — scheme-less hosts, `www.`, bare DOIs

    private mutating func dot(at i: Int) -> Int {
        // Sentence ends, decimals' neighbours and `e.g.` fail here after two byte reads.
        guard i - 1 >= floor, ByteClass.isAlnum(p[i - 1]), ByteClass.isAlnum(byte(i + 1)) else {
            return i + 1
        }
        if p[i - 1] == UInt8(ascii: "0"), i - 2 >= floor, p[i - 2] == UInt8(ascii: "1"),
            ByteClass.isDigit(byte(i + 1))
        {
            let before = byte(i - 3)
            let blocked =
                i - 3 >= 0
                && (ByteClass.isAlnum(before) || before == UInt8(ascii: ".") || before == UInt8(ascii: "/")
                    || before == UInt8(ascii: "-") || before == UInt8(ascii: "_"))
            if !blocked, let m = bareDOI(at: i - 2) {
                record(m)
                return m.end
            }
        }
        return schemeLess(dot: i)
    }

    private mutating func schemeLess(dot i: Int) -> Int {
        var j = i
        while j > floor, ByteClass.isHostByte(p[j - 1]) { j -= 1 }
        var k = i + 1
        while k < n, ByteClass.isHostByte(p[k]) { k += 1 }
        let resume = k
        while j < i, p[j] == UInt8(ascii: ".") || p[j] == UInt8(ascii: "-") { j += 1 }
        var hostEnd = k
        while hostEnd > i, p[hostEnd - 1] == UInt8(ascii: ".") || p[hostEnd - 1] == UInt8(ascii: "-") {
            hostEnd -= 1
        }
        if j > 0 {
            // `name@github.com` is an e-mail address; `/x.org` and `\x.org` belong to something else.
            switch p[j - 1] {
            case UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "_"),
                UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "="), UInt8(ascii: "&"),
                UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "-"):
                return resume
            default:
                break
            }
        }
        if byte(hostEnd) == UInt8(ascii: "@") { return resume }
        guard validHost(from: j, to: hostEnd, policy: .bare) else { return resume }
        let hasPath = hostEnd == k && byte(k) == UInt8(ascii: "/")
        let isWWW = hasPrefix("www.", at: j, caseInsensitive: true)
        var hostLower = [UInt8]()
        hostLower.reserveCapacity(hostEnd - j)
        for x in j..<hostEnd { hostLower.append(ByteClass.lower(p[x])) }
        // `atgithub.com/a/b`: a known code host glued to the word before it is a missing space,
        // not a domain of its own.
        if hasPath, !isWWW, let glued = LinkCanonicalizer.gluedKnownHostLength(hostLower) {
            let shift = hostLower.count - glued
            j += shift
            hostLower.removeFirst(shift)
        }
        guard hasPath || isWWW || LinkCanonicalizer.isKnownBareHost(hostLower) || isDeepLowercaseHost(j, hostEnd)
        else { return resume }
        var parsed = Parsed(end: hostEnd, clean: hostLower, hostCount: hostLower.count, wrapped: false)
        if hasPath { parsePath(from: hostEnd, into: &parsed) }
        var start = j
        var end = parsed.end
        var rule: ExtractionRule = parsed.wrapped ? .wrappedURL : (isWWW ? .www : .schemeLess)
        if !parsed.wrapped, j - 1 >= floor, p[j - 1] == UInt8(ascii: "{"), byte(end) == UInt8(ascii: "}") {
            start = j - 1
            end += 1
            rule = .latexBrace
        }
        let (kind, target) = LinkCanonicalizer.canonical(cleanBytes: parsed.clean, hostCount: parsed.hostCount)
        let m = RawMention(start: start, end: end, rule: rule, kind: kind, target: target)
        record(m)
        return m.end
    }

    /// `lab.cs.example.edu`: three or more labels, all lower case. Prose never looks like that,
    /// while `Amazon.com` or `Node.js` (two labels) may be a product name.
    private func isDeepLowercaseHost(_ s: Int, _ e: Int) -> Bool {
        var dots = 0
        for x in s..<e {
            let b = p[x]
            if b == UInt8(ascii: ".") { dots += 1 } else if ByteClass.isUpper(b) { return false }
        }
        return dots >= 2
    }

    /// `10.1234/abc.def` starting at the `1`.
    private func bareDOI(at s: Int) -> RawMention? {
        var k = s + 3
        var d = 0
        while ByteClass.isDigit(byte(k)) { k += 1; d += 1 }
        guard d >= 4 && d <= 9, byte(k) == UInt8(ascii: "/"), ByteClass.isPathByte(byte(k + 1)) else {
            return nil
        }
        var parsed = Parsed(end: k, clean: [], hostCount: 0, wrapped: false)
        for x in s..<k { parsed.clean.append(p[x]) }
        parsePath(from: k, into: &parsed, allowWrap: false)
        guard parsed.clean.count > k - s + 1 else { return nil }
        let doi = String(decoding: parsed.clean, as: UTF8.self)
        let (kind, target) = LinkCanonicalizer.canonicalDOI(doi)
        return RawMention(start: s, end: parsed.end, rule: .doi, kind: kind, target: target)
    }

    // MARK: - `\` — `\url{…}` and `\href{…}{…}`

    private mutating func backslash(at i: Int) -> Int {
        let contentStart: Int
        let rule: ExtractionRule
        if hasPrefix("\\url{", at: i) {
            contentStart = i + 5
            rule = .latexURL
        } else if hasPrefix("\\href{", at: i) {
            contentStart = i + 6
            rule = .latexHref
        } else {
            return i + 1
        }
        guard i >= floor else { return i + 1 }
        var close = contentStart
        while close < n, p[close] != UInt8(ascii: "}"), close - contentStart < 2048 {
            let b = p[close]
            // Whitespace or another group inside means this is not a plain URL argument.
            if ByteClass.isSpace(b) || b == UInt8(ascii: "{") { return i + 1 }
            close += 1
        }
        guard close < n, p[close] == UInt8(ascii: "}") else { return i + 1 }
        var k = contentStart
        for scheme in ["https://", "http://", "ftp://"] as [StaticString] where hasPrefix(scheme, at: k, caseInsensitive: true) {
            k += scheme.utf8CodeUnitCount
            break
        }
        guard let parsed = parseHostAndPath(from: k, policy: .explicit, allowWrap: false), parsed.end <= close
        else {
            return i + 1
        }
        let (kind, target) = LinkCanonicalizer.canonical(cleanBytes: parsed.clean, hostCount: parsed.hostCount)
        let m = RawMention(start: i, end: close + 1, rule: rule, kind: kind, target: target)
        record(m)
        return m.end
    }

    // MARK: - Host and path

    private func validHost(from s: Int, to e: Int, policy: HostPolicy) -> Bool {
        guard e - s >= 3 else { return false }
        var lastDot = -1
        var previous: UInt8 = UInt8(ascii: ".")
        var allDigitsOrDots = true
        var dots = 0
        for x in s..<e {
            let b = p[x]
            if b == UInt8(ascii: ".") {
                if previous == UInt8(ascii: ".") { return false }
                lastDot = x
                dots += 1
            } else if !ByteClass.isDigit(b) {
                allDigitsOrDots = false
            }
            previous = b
        }
        guard lastDot > s, lastDot < e - 1 else { return false }
        if allDigitsOrDots { return policy == .explicit && dots == 3 }
        let tldLength = e - lastDot - 1
        var upper = 0
        for x in (lastDot + 1)..<e {
            guard ByteClass.isLetter(p[x]) else { return false }
            if ByteClass.isUpper(p[x]) { upper += 1 }
        }
        guard tldLength >= 2 else { return false }
        switch policy {
        case .explicit:
            return true
        case .bare:
            // `ASP.NET`: an all-capitals TLD is an acronym, unless the author wrote `WWW.`.
            if upper == tldLength, !hasPrefix("www.", at: s, caseInsensitive: true) { return false }
            return LinkCanonicalizer.isKnownTLD(UnsafeBufferPointer(rebasing: p[(lastDot + 1)..<e]))
        }
    }

    private func parseHostAndPath(from k: Int, policy: HostPolicy, allowWrap: Bool = true) -> Parsed? {
        var i = k
        while i < n, ByteClass.isHostByte(p[i]) || p[i] == UInt8(ascii: "_") { i += 1 }
        if byte(i) == UInt8(ascii: "@") { return nil }
        var hostEnd = i
        while hostEnd > k, p[hostEnd - 1] == UInt8(ascii: ".") || p[hostEnd - 1] == UInt8(ascii: "-") {
            hostEnd -= 1
        }
        guard validHost(from: k, to: hostEnd, policy: policy) else { return nil }
        var parsed = Parsed(end: hostEnd, clean: [], hostCount: 0, wrapped: false)
        parsed.clean.reserveCapacity(hostEnd - k + 48)
        for x in k..<hostEnd { parsed.clean.append(ByteClass.lower(p[x])) }
        parsed.hostCount = parsed.clean.count
        guard hostEnd == i else { return parsed }  // `https://x.org.` — the dot ends the sentence
        if byte(i) == UInt8(ascii: ":"), ByteClass.isDigit(byte(i + 1)) {
            var j = i + 1
            while ByteClass.isDigit(byte(j)) { j += 1 }
            for x in i..<j { parsed.clean.append(p[x]) }
            parsed.hostCount = parsed.clean.count
            i = j
            parsed.end = j
        }
        let b = byte(i)
        if b == UInt8(ascii: "/") || b == UInt8(ascii: "?") || b == UInt8(ascii: "#") {
            parsePath(from: i, into: &parsed, allowWrap: allowWrap)
        }
        return parsed
    }

    /// Scans path, query and fragment from `i`, strips trailing punctuation, and follows hard
    /// line wraps when the piece after the break continues the URL.
    private func parsePath(from i: Int, into parsed: inout Parsed, allowWrap: Bool = true) {
        let pathStart = parsed.clean.count
        var segmentStart = pathStart
        var from = i
        while true {
            var end = scanPathBytes(from: from, into: &parsed.clean)
            let rawEnd = end
            stripTrailing(&parsed.clean, end: &end, floor: max(pathStart, segmentStart))
            parsed.end = end
            guard allowWrap, end == rawEnd, end < n, ByteClass.isSpace(p[end]),
                let last = parsed.clean.last,
                last == UInt8(ascii: "/") || last == UInt8(ascii: "-") || last == UInt8(ascii: "_"),
                let gapEnd = wrapGap(from: end),
                containsNewline(from: end, to: gapEnd) || isUnwrappedBreak(from: end, to: gapEnd, after: last),
                continues(at: gapEnd, after: last)
            else { return }
            parsed.wrapped = true
            segmentStart = parsed.clean.count
            from = gapEnd
        }
    }

    /// A line break that a listing turned into one space (`…/KD- OCT`, `…/dynamic_ ETF2`): only
    /// after `-` or `_`, which end no finished repository or page name; a URL ending in `/`
    /// followed by a word is a URL and the next word.
    private func isUnwrappedBreak(from s: Int, to e: Int, after last: UInt8) -> Bool {
        e == s + 1 && p[s] == UInt8(ascii: " ") && (last == UInt8(ascii: "-") || last == UInt8(ascii: "_"))
    }

    private func containsNewline(from s: Int, to e: Int) -> Bool {
        for x in s..<e where p[x] == UInt8(ascii: "\n") { return true }
        return false
    }

    /// Appends URL bytes from `i` to `clean` (dropping the backslash of `\_`-style escapes) and
    /// returns where the URL stops in the text.
    private func scanPathBytes(from i: Int, into clean: inout [UInt8]) -> Int {
        var x = i
        while x < n {
            let b = p[x]
            if b == UInt8(ascii: "\\") {
                if ByteClass.isLatexEscapable(byte(x + 1)) {
                    clean.append(p[x + 1])
                    x += 2
                    continue
                }
                break
            }
            guard ByteClass.isPathByte(b) else { break }
            // Markdown `[https://a/b](https://a/b)`: a `]` that opens no bracket of the URL's own,
            // right before `(`, ends the link text.
            if b == UInt8(ascii: "]"), byte(x + 1) == UInt8(ascii: "("), !clean.contains(UInt8(ascii: "[")) { break }
            if b == UInt8(ascii: ":"), byte(x + 1) == UInt8(ascii: "/"), byte(x + 2) == UInt8(ascii: "/") {
                // A second URL glued on (`…/a;Webpage:https://b`): stop before its scheme,
                // unless it sits after a slash as in web.archive.org/web/2020/https://x.
                var letters = 0
                while letters < 5, clean.count > letters, ByteClass.isLetter(clean[clean.count - 1 - letters]) {
                    letters += 1
                }
                let beforeScheme = clean.count > letters ? clean[clean.count - 1 - letters] : 0
                if letters >= 3, beforeScheme != UInt8(ascii: "/") {
                    clean.removeLast(letters)
                    var end = x - letters
                    // …and a `;Label:` glued before it belongs to the prose, not to this URL.
                    if clean.last == UInt8(ascii: ":") {
                        var label = 1
                        while clean.count > label, ByteClass.isLetter(clean[clean.count - 1 - label]) { label += 1 }
                        let separator = clean.count > label ? clean[clean.count - 1 - label] : 0
                        if label > 1, separator == UInt8(ascii: ";") || separator == UInt8(ascii: ",") {
                            clean.removeLast(label)
                            end -= label
                        }
                    }
                    return end
                }
            }
            clean.append(b)
            x += 1
        }
        return x
    }

    private func stripTrailing(_ clean: inout [UInt8], end: inout Int, floor: Int) {
        while clean.count > floor, let last = clean.last {
            var strip = ByteClass.isTrailingPunctuation(last)
            if last == UInt8(ascii: ")") {
                strip = unbalanced(clean, open: UInt8(ascii: "("), close: last, from: floor)
            } else if last == UInt8(ascii: "]") {
                strip = unbalanced(clean, open: UInt8(ascii: "["), close: last, from: floor)
            }
            guard strip else { return }
            clean.removeLast()
            end -= 1
        }
    }

    private func unbalanced(_ clean: [UInt8], open: UInt8, close: UInt8, from: Int) -> Bool {
        var depth = 0
        for x in from..<clean.count {
            if clean[x] == open { depth += 1 } else if clean[x] == close { depth -= 1 }
        }
        return depth < 0
    }

    /// Whether the token at `t`, on the line after a URL that ended in `/`, `-` or `_`, is
    /// the rest of that URL rather than the next word of the sentence.
    private func continues(at t: Int, after last: UInt8) -> Bool {
        let first = byte(t)
        guard ByteClass.isAlnum(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: "~")
            || first == UInt8(ascii: "%")
        else { return false }
        var e = t
        while e < n, ByteClass.isPathByte(p[e]) || p[e] == UInt8(ascii: "\\") {
            if p[e] == UInt8(ascii: ":") { return false }  // `Code:https://…` on the next line
            e += 1
        }
        if hasPrefix("www.", at: t, caseInsensitive: true) { return false }
        var coreEnd = e
        while coreEnd > t, ByteClass.isTrailingPunctuation(p[coreEnd - 1]) || p[coreEnd - 1] == UInt8(ascii: ")") {
            coreEnd -= 1
        }
        guard coreEnd > t else { return false }
        var allLetters = true
        for x in t..<coreEnd where !ByteClass.isLetter(p[x]) { allLetters = false; break }
        guard allLetters else { return true }
        var word = [UInt8]()
        for x in t..<coreEnd { word.append(ByteClass.lower(p[x])) }
        if ProseWords.isFunctionWord(word) { return false }
        if last == UInt8(ascii: "/"), ByteClass.isUpper(first) {
            // `…/\nWe show` / `…/\nCVPR`: a capitalised word after a finished-looking URL starts
            // the next sentence.
            return false
        }
        return true
    }
}
