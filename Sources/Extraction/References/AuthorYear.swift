/// An author–year citation as written: `(Xu et al., 2019)`, `Xu and Li (2020)`, `[Xu 2019]`.
public struct AuthorYearCitation: Sendable, Hashable {
    public enum Form: String, Sendable, Hashable {
        /// Inside parentheses or brackets: `(Xu et al., 2019; Li, 2020)`, `[Xu 2019]`.
        case parenthetical
        /// Names in the sentence, year in parentheses: `Xu et al. (2019)`.
        case narrative
    }

    /// The first author's surname as written, particles included (`van der Maaten`).
    public var firstSurname: String
    public var secondSurname: String?
    /// `et al.` or a list of three or more names.
    public var etAl: Bool
    public var year: Int
    public var form: Form
    /// Byte offsets of the citation in the field's UTF-8.
    var byteStart: Int
    var byteEnd: Int

    /// A bare `Name (2019)` is often a system or a place, not a citation, so it is only kept
    /// when it resolves.
    var isWeak: Bool { form == .narrative && !etAl && secondSurname == nil }

    /// `Xu et al. 2019`: how a dangling citation is shown.
    public var citedText: String {
        if etAl { return "\(firstSurname) et al. \(year)" }
        if let secondSurname { return "\(firstSurname) and \(secondSurname) \(year)" }
        return "\(firstSurname) \(year)"
    }
}

/// Surname keys shared by stored authors and citations: the last word of the surname, lower-cased
/// and without diacritics, so `van der Maaten`, `Maaten` and `Laurens van der Maaten` meet.
public enum SurnameKey {
    /// Key of a full author name as listed (`Edward J. Hu`, `Hu, Edward`, `Martin Luther King Jr.`).
    public static func ofAuthor(_ name: String) -> String? {
        if let key = asciiKey(ofAuthor: name) { return key }
        var surnamePart = Substring(name)
        if let comma = name.firstIndex(of: ",") {
            // `Hu, Edward` names the surname first; `King, Jr.` has it before the comma too.
            surnamePart = name[..<comma]
        }
        var tokens = surnamePart.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        while let last = tokens.last, tokens.count > 1, suffixes.contains(last.lowercased()) { tokens.removeLast() }
        guard let last = tokens.last else { return nil }
        let key = fold(String(last).trimmingPunctuation())
        return key.isEmpty ? nil : key
    }

    /// The common case in one pass and one small allocation: an ASCII name without a comma
    /// whose last word is not a suffix. Returns nil to defer to the general path.
    private static func asciiKey(ofAuthor name: String) -> String? {
        let found: String?? = name.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var lastStart = -1
            var lastEnd = -1
            var previousWasSpace = true
            for (offset, byte) in bytes.enumerated() {
                guard byte < 0x80, byte != UInt8(ascii: ",") else { return nil }
                let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A
                if !isSpace {
                    if previousWasSpace { lastStart = offset }
                    lastEnd = offset + 1
                }
                previousWasSpace = isSpace
            }
            guard lastStart >= 0 else { return nil }
            while lastEnd > lastStart, bytes[lastEnd - 1] == UInt8(ascii: ".") || bytes[lastEnd - 1] == UInt8(ascii: ";") {
                lastEnd -= 1
            }
            let length = lastEnd - lastStart
            guard length > 0 else { return nil }
            let key = String(unsafeUninitializedCapacity: length) { buffer in
                for offset in 0..<length {
                    let byte = bytes[lastStart + offset]
                    buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return length
            }
            return suffixes.contains(key) ? nil : key
        }
        return found ?? nil
    }

    /// Key of a surname as cited (`van der Maaten` → `maaten`).
    public static func ofCitation(_ surname: String) -> String {
        let last = surname.split(separator: " ").last.map(String.init) ?? surname
        return fold(last)
    }

    private static let suffixes: Set<String> = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d."]

    /// Lower-cases and strips the diacritics of Latin letters, without Foundation.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII {
                out.append(scalar)
            } else if let plain = latinFolding[scalar] {
                out.append(plain)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static let latinFolding: [Unicode.Scalar: Unicode.Scalar] = {
        let groups: [(Unicode.Scalar, String)] = [
            ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("d", "ďđ"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"), ("h", "ĥħ"),
            ("i", "ìíîïĩīĭįı"), ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņňŉ"), ("o", "òóôõöøōŏő"),
            ("r", "ŕŗř"), ("s", "śŝşšș"), ("t", "ţťŧț"), ("u", "ùúûüũūŭůűų"), ("w", "ŵ"), ("y", "ýÿŷ"),
            ("z", "źżž"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (plain, accented) in groups {
            for scalar in accented.unicodeScalars { table[scalar] = plain }
        }
        return table
    }()
}

extension String {
    fileprivate func trimmingPunctuation() -> String {
        var scalars = Array(unicodeScalars)
        while let last = scalars.last, last == "." || last == "," || last == ";" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

/// Finds author–year citations with a small hand-written scanner (no regular expressions).
enum AuthorYearParser {
    private enum Token: Equatable {
        case word(String)
        case year(Int)
        case number
        case comma
        case ampersand
        case period
        case semicolon
        case other
    }

    private struct Located {
        var token: Token
        var start: Int  // scalar index in the window
        var end: Int
    }

    static func citations(in bytes: UnsafeBufferPointer<UInt8>) -> [AuthorYearCitation] {
        var found: [AuthorYearCitation] = []
        var resumeAt = 0
        let open = UInt8(ascii: "(")
        let bracket = UInt8(ascii: "[")
        UTF8Text.forEachOffset(of: open, or: bracket, in: bytes) { index in
            guard index >= resumeAt else { return }
            let closer = bytes[index] == open ? UInt8(ascii: ")") : UInt8(ascii: "]")
            if let close = closing(of: index, closer: closer, in: bytes) {
                found += bracketed(open: index, close: close, in: bytes)
                resumeAt = close + 1
            }
        }
        return found
    }

    private static func closing(of open: Int, closer: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let opener = bytes[open]
        var cursor = open + 1
        var digitRun = 0
        var sawYear = false
        while cursor < bytes.count && cursor - open < 400 {
            let byte = bytes[cursor]
            if byte == closer { return sawYear || digitRun == 4 ? cursor : nil }
            if byte == opener { return nil }
            if byte >= 0x30 && byte <= 0x39 {
                digitRun += 1
            } else {
                if digitRun == 4 { sawYear = true }
                digitRun = 0
            }
            cursor += 1
        }
        return nil
    }

    private static func bracketed(open: Int, close: Int, in bytes: UnsafeBufferPointer<UInt8>) -> [AuthorYearCitation] {
        let window = ScalarWindow(bytes, from: open + 1, to: close)
        let tokens = tokenize(window.scalars)
        if tokens.count == 1, case .year(let year) = tokens[0].token {
            guard let citation = narrative(open: open, close: close, year: year, in: bytes) else { return [] }
            return [citation]
        }
        var citations: [AuthorYearCitation] = []
        var segment: [Located] = []
        for token in tokens + [Located(token: .semicolon, start: window.scalars.count, end: window.scalars.count)] {
            if token.token == .semicolon {
                if let parsed = parseSegment(segment) {
                    citations.append(AuthorYearCitation(
                        firstSurname: parsed.first, secondSurname: parsed.second, etAl: parsed.etAl,
                        year: parsed.year, form: .parenthetical,
                        byteStart: window.byteOffset(parsed.start), byteEnd: window.byteOffset(parsed.end)))
                }
                segment.removeAll()
            } else {
                segment.append(token)
            }
        }
        return citations
    }

    private struct ParsedAuthors {
        var first: String
        var second: String?
        var etAl: Bool
        var start: Int
        var end: Int
        var year: Int
    }

    /// `[e.g.,] Name [et al. | and Name | , Name, and Name][,] Year[, …]`.
    private static func parseSegment(_ tokens: [Located]) -> ParsedAuthors? {
        var index = 0
        skipping: while index < tokens.count {
            switch tokens[index].token {
            case .word(let word) where leadingWords.contains(word): index += 1
            case .period, .comma: index += 1
            default: break skipping
            }
        }
        guard let first = name(in: tokens, at: &index) else { return nil }
        var second: String?
        var etAl = false
        if isWord(tokens, index, "et"), isWord(tokens, index + 1, "al") {
            etAl = true
            index += 2
            if index < tokens.count, tokens[index].token == .period { index += 1 }
        } else if index < tokens.count, tokens[index].token == .ampersand || isWord(tokens, index, "and") {
            index += 1
            guard let other = name(in: tokens, at: &index) else { return nil }
            second = other.surname
        } else if index < tokens.count, tokens[index].token == .comma {
            // `Xu, Li, and Wang, 2021` — a list; `Xu, 2019` falls through to the year.
            var probe = index + 1
            if let other = name(in: tokens, at: &probe) {
                second = other.surname
                etAl = true
                index = probe
                while index < tokens.count {
                    if tokens[index].token == .comma || tokens[index].token == .ampersand || isWord(tokens, index, "and") {
                        index += 1
                        continue
                    }
                    var more = index
                    if name(in: tokens, at: &more) != nil {
                        index = more
                        continue
                    }
                    break
                }
            }
        }
        if index < tokens.count, tokens[index].token == .comma { index += 1 }
        guard index < tokens.count, case .year(let year) = tokens[index].token else { return nil }
        let end = tokens[index].end
        index += 1
        if index < tokens.count && tokens[index].token != .comma { return nil }
        return ParsedAuthors(first: first.surname, second: second, etAl: etAl, start: first.start, end: end, year: year)
    }

    /// Particles, then a capitalised surname: `van der Maaten`, `LeCun`, `O'Neil`, `Smith-Jones`.
    private static func name(in tokens: [Located], at index: inout Int) -> (surname: String, start: Int)? {
        var cursor = index
        var parts: [String] = []
        let start = cursor < tokens.count ? tokens[cursor].start : 0
        while cursor < tokens.count, case .word(let word) = tokens[cursor].token,
            particles.contains(word) || (capitalisedParticles.contains(word) && cursor + 1 < tokens.count)
        {
            parts.append(word)
            cursor += 1
        }
        if cursor < tokens.count, case .word(let word) = tokens[cursor].token, isSurname(word) {
            parts.append(word)
            index = cursor + 1
            return (parts.joined(separator: " "), start)
        }
        // `Du et al.`, `Le and Li`: what looked like a particle is the surname itself.
        if let last = parts.last, isSurname(last) {
            index = cursor
            return (parts.joined(separator: " "), start)
        }
        return nil
    }

    private static func isWord(_ tokens: [Located], _ index: Int, _ word: String) -> Bool {
        guard index < tokens.count, case .word(let found) = tokens[index].token else { return false }
        return found == word
    }

    static func isSurname(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 2, let first = scalars.first, UTF8Text.isUpper(first) else { return false }
        guard !nonSurnames.contains(word) else { return false }
        var letters = 0
        for (index, scalar) in scalars.enumerated() {
            if UTF8Text.isLetter(scalar) {
                letters += 1
                if index > 0 && UTF8Text.isUpper(scalar) {
                    let previous = scalars[index - 1]
                    let prefix = String(String.UnicodeScalarView(scalars[..<index]))
                    let joined = previous == "-" || previous == "'" || previous == "’"
                    guard joined || capitalisedPrefixes.contains(prefix) else { return false }
                }
            } else if scalar != "-" && scalar != "'" && scalar != "’" {
                return false
            }
        }
        return letters >= 2
    }

    private static let particles: Set<String> = [
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "ten", "ter",
        "bin", "ibn", "al", "el", "zu", "vom", "y",
    ]
    /// `Van der Maaten` at a sentence start, `De Vries`: a particle written with a capital.
    private static let capitalisedParticles: Set<String> = [
        "Van", "Von", "Der", "Den", "De", "Del", "Della", "Di", "Da", "Dos", "Du", "La", "Le", "Ten", "Ter",
    ]
    private static let leadingWords: Set<String> = [
        "e", "g", "i", "eg", "ie", "see", "cf", "also", "as", "in", "following", "for", "example", "by", "and",
        "inspired", "like", "from", "based", "on",
    ]
    private static let capitalisedPrefixes: Set<String> = [
        "Mc", "Mac", "O", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von", "Fitz",
    ]
    /// Capitalised words that head a year in parentheses without being anyone's surname.
    private static let nonSurnames: Set<String> = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Spring", "Summer", "Fall", "Autumn", "Winter", "Table", "Tables", "Figure", "Figures", "Fig", "Section",
        "Sections", "Appendix", "Eq", "Equation", "Chapter", "Version", "Since", "In", "From", "Until", "Before",
        "After", "During", "The", "This", "These", "Our", "We", "See", "Year", "Years", "Edition", "Vol", "Volume",
        "Proceedings", "Conference", "Workshop", "Journal", "Challenge", "Track", "Task", "Competition", "Release",
        "Update", "Census", "Election", "Cup", "Olympics", "Dataset", "Benchmark", "Corpus", "Report", "Survey",
        "Model", "Models", "Phase", "Stage", "Round", "Session", "Part", "Step", "Level", "Grade", "Class",
    ]

    /// `Name [et al. | and Name] (Year)`: parses the words just before the parenthesis.
    private static func narrative(open: Int, close: Int, year: Int, in bytes: UnsafeBufferPointer<UInt8>) -> AuthorYearCitation? {
        let window = ScalarWindow(bytes, from: max(0, open - 160), to: open)
        var scalars = window.scalars
        // One space (or line break) between the names and the parenthesis, never a sentence break.
        guard let last = scalars.last, last == " " || last == "\n" else { return nil }
        scalars.removeLast()
        let tokens = tokenize(scalars)
        var index = tokens.count - 1
        var etAl = false
        if index >= 0, tokens[index].token == .period { index -= 1 }
        if index >= 1, isWord(tokens, index, "al"), isWord(tokens, index - 1, "et") {
            etAl = true
            index -= 2
        }
        guard let (lastName, lastStart) = nameBackward(tokens, &index) else { return nil }
        var first = lastName
        var start = lastStart
        var second: String?
        if !etAl, index >= 0, tokens[index].token == .ampersand || isWord(tokens, index, "and") {
            var probe = index - 1
            if let (firstName, firstStart) = nameBackward(tokens, &probe) {
                second = lastName
                first = firstName
                start = firstStart
            }
        }
        return AuthorYearCitation(
            firstSurname: first, secondSurname: second, etAl: etAl, year: year, form: .narrative,
            byteStart: window.byteOffset(start), byteEnd: close + 1)
    }

    private static func nameBackward(_ tokens: [Located], _ index: inout Int) -> (String, Int)? {
        guard index >= 0, case .word(let word) = tokens[index].token, isSurname(word) else { return nil }
        var parts = [word]
        var start = tokens[index].start
        index -= 1
        while index >= 0, case .word(let particle) = tokens[index].token,
            particles.contains(particle) || capitalisedParticles.contains(particle)
        {
            parts.insert(particle, at: 0)
            start = tokens[index].start
            index -= 1
        }
        return (parts.joined(separator: " "), start)
    }

    private static func tokenize(_ scalars: [Unicode.Scalar]) -> [Located] {
        var tokens: [Located] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if UTF8Text.isLetter(scalar) {
                let start = index
                var text = String.UnicodeScalarView()
                while index < scalars.count {
                    let current = scalars[index]
                    let joiner =
                        (current == "-" || current == "'" || current == "’") && index + 1 < scalars.count
                        && UTF8Text.isLetter(scalars[index + 1])
                    guard UTF8Text.isLetter(current) || joiner else { break }
                    text.append(current)
                    index += 1
                }
                tokens.append(Located(token: .word(String(text)), start: start, end: index))
            } else if UTF8Text.isDigit(scalar) {
                let start = index
                var value = 0
                var digits = 0
                while index < scalars.count && UTF8Text.isDigit(scalars[index]) {
                    value = value &* 10 &+ Int(scalars[index].value - 0x30)
                    digits += 1
                    index += 1
                }
                // `2019a`: a letter suffix disambiguates one author's papers of the same year.
                if index < scalars.count, UTF8Text.isLower(scalars[index]), scalars[index].isASCII,
                    index + 1 >= scalars.count || !UTF8Text.isLetter(scalars[index + 1])
                {
                    index += 1
                }
                let isYear = digits == 4 && value >= 1900 && value <= 2099
                    && (index >= scalars.count || !UTF8Text.isLetter(scalars[index]))
                tokens.append(Located(token: isYear ? .year(value) : .number, start: start, end: index))
            } else {
                let token: Token
                switch scalar {
                case ",": token = .comma
                case "&": token = .ampersand
                case ".": token = .period
                case ";": token = .semicolon
                case " ", "\n", "\t", "\r", "\u{00A0}": token = .other
                default: token = .other
                }
                if !(scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{00A0}") {
                    tokens.append(Located(token: token, start: index, end: index + 1))
                }
                index += 1
            }
        }
        return tokens
    }
}
