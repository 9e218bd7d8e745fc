/// Cleaning, wrapping and escaping shared by the DOT writer and the exporters.
/// Everything here is a pure function of its input, so output is byte-stable.
enum TextEscaping {
    // MARK: Cleaning

    /// Removes characters that no output format can carry: C0 controls other than line
    /// breaks and tab, DEL, C1 controls, and the non-characters U+FFFE/U+FFFF (XML 1.0
    /// forbids them too). Line breaks (`\r\n`, `\r`, U+2028, U+2029, NEL) become `\n` when
    /// `keepNewlines` is true and a space otherwise; tabs become a space.
    static func clean(_ text: String, keepNewlines: Bool) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            defer { previousWasCR = (v == 0x0D) }
            switch v {
            case 0x0A:
                if previousWasCR { continue }  // second half of \r\n
                out.append(keepNewlines ? "\n" : " ")
            case 0x0D, 0x85, 0x2028, 0x2029:
                out.append(keepNewlines ? "\n" : " ")
            case 0x09:
                out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF:
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `clean` plus collapsing of space runs and trimming, per line; empty lines dropped.
    static func tidyLines(_ text: String) -> [String] {
        clean(text, keepNewlines: true)
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { line in line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
            .filter { !$0.isEmpty }
    }

    /// Single-line form: controls removed, whitespace runs collapsed, trimmed.
    static func singleLine(_ text: String) -> String {
        tidyLines(text).joined(separator: " ")
    }

    // MARK: Wrapping

    /// Wraps on word boundaries to lines of at most `width` characters (grapheme clusters);
    /// a word longer than `width` is split, preferably after `/`, else after `-`, `_` or `.`.
    /// More than `maxLines` lines are cut to `maxLines`, the last one ending in `…`.
    static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        let width = max(width, 4)
        let maxLines = max(maxLines, 1)
        var lines: [String] = []
        for paragraph in tidyLines(text) {
            var current = ""
            for wordSub in paragraph.split(separator: " ") {
                var word = String(wordSub)
                if current.isEmpty {
                    // fall through to the overlong check below
                } else if current.count + 1 + word.count <= width {
                    current += " " + word
                    continue
                } else {
                    lines.append(current)
                    current = ""
                }
                while word.count > width {
                    let cut = breakIndex(in: word, width: width)
                    lines.append(String(word[..<cut]))
                    word = String(word[cut...])
                }
                current = word
            }
            if !current.isEmpty { lines.append(current) }
            if lines.count > maxLines { break }  // no need to wrap text that will be cut
        }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        var last = kept[maxLines - 1]
        if last.count > width - 1 { last = String(last.prefix(width - 1)) }
        while last.last == " " { last.removeLast() }
        kept[maxLines - 1] = last + "…"
        return kept
    }

    private static func breakIndex(in word: String, width: Int) -> String.Index {
        let hardCut = word.index(word.startIndex, offsetBy: width)
        // Break right after a separator in the second half of the line, preferring path
        // separators so `datasets/owner/name-x` splits as `datasets/owner/` + `name-x`.
        for separators in ["/", "-_."] {
            var index = hardCut
            var position = width
            while position > width / 2 {
                let before = word.index(before: index)
                if separators.contains(word[before]) { return index }
                index = before
                position -= 1
            }
        }
        return hardCut
    }

    // MARK: DOT

    /// A quoted DOT ID for names and plain (non-label) attribute values. The DOT scanner only
    /// unescapes `\"`; a backslash is doubled so that a value ending in `\` cannot swallow the
    /// closing quote. Line breaks become spaces (an ID is one line).
    static func dotQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in clean(text, keepNewlines: false).unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A quoted Graphviz escString label made of the given lines: `\` is written as `\\`
    /// (so `\N`, `\G`, `\l` in the text are shown literally), `"` as `\"`, and the lines are
    /// joined with the centred line break `\n`.
    static func dotLabel(lines: [String]) -> String {
        var out = "\""
        for (i, line) in lines.enumerated() {
            if i > 0 { out += "\\n" }
            for scalar in clean(line, keepNewlines: false).unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\"
                case "\"": out += "\\\""
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A quoted `tooltip` value. Graphviz 2.43 unescapes tooltips twice (first `\\` → `\`,
    /// then the escString pass that expands `\N`, `\G`, … and keeps other `\x`), so a literal
    /// backslash must be written as four; with two, a LaTeX `\Gamma` in a title became the
    /// graph name followed by "amma". Lines are joined with `\n` (a newline in the SVG title).
    static func dotTooltip(lines: [String]) -> String {
        var out = "\""
        for (i, line) in lines.enumerated() {
            if i > 0 { out += "\\n" }
            for scalar in clean(line, keepNewlines: false).unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\\\\\"
                case "\"": out += "\\\""
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A URL as a quoted DOT value. Graphviz 2.43's SVG renderer copies `URL` into
    /// `xlink:href` without XML escaping, so `&` is written as `&amp;` here (later Graphviz
    /// versions leave an existing entity alone) and characters that cannot appear in a URL
    /// attribute are percent-encoded.
    static func dotURL(_ url: String) -> String {
        var out = ""
        for scalar in singleLine(url).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case " ", "\"", "<", ">", "\\", "{", "}", "|", "^", "`":
                out += percentEncoded(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return dotQuoted(out)
    }

    private static func percentEncoded(_ scalar: Unicode.Scalar) -> String {
        var out = ""
        for byte in String(scalar).utf8 {
            out += "%" + hexByte(byte)
        }
        return out
    }

    static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    /// An attribute name: bare when it is a plain identifier, quoted otherwise.
    static func dotAttributeName(_ name: String) -> String {
        let isIdentifier =
            !name.isEmpty
            && name.unicodeScalars.allSatisfy { s in
                (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "_"
            }
            && !(name.unicodeScalars.first.map { $0 >= "0" && $0 <= "9" } ?? true)
        return isIdentifier ? name : dotQuoted(name)
    }

    // MARK: XML / HTML

    /// Text for XML character data or a double-quoted attribute. Removes what XML 1.0
    /// cannot carry (see `clean`) and escapes `& < > " '`. In attributes, newline and tab
    /// are written as character references because parsers normalise them to spaces.
    static func xml(_ text: String, attribute: Bool = true) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            defer { previousWasCR = (v == 0x0D) }
            switch v {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22: out += attribute ? "&quot;" : "\""
            case 0x27: out += attribute ? "&apos;" : "'"
            case 0x0A:
                if previousWasCR { continue }
                out += attribute ? "&#10;" : "\n"
            case 0x0D, 0x85, 0x2028, 0x2029:
                out += attribute ? "&#10;" : "\n"
            case 0x09: out += attribute ? "&#9;" : "\t"
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF:
                continue
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: Numbers

    /// Fixed-point text without locale or trailing zeros: 1.5 → "1.5", 2.0 → "2".
    static func fixed(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(Int64(value.rounded())) }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        var fraction = String(units % UInt64(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        while fraction.last == "0" { fraction.removeLast() }
        let sign = (value < 0 && units != 0) ? "-" : ""
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// Shortest round-trip text of a finite double (Swift's description), nil otherwise.
    static func exact(_ value: Double?) -> String? {
        guard let value, value.isFinite else { return nil }
        return value.description
    }
}
