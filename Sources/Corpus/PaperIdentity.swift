/// Rules that decide when two records are the same paper.
public enum PaperIdentity {
    /// Lower-cased title with every run of non-alphanumeric characters folded to one space,
    /// so punctuation, case and spacing differences between sources do not split a paper.
    public static func normalizedTitle(_ title: String) -> String {
        // Most titles are ASCII; Unicode property lookups per scalar dominated ingest profiles.
        if let ascii = normalizedASCIITitle(title) { return ascii }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in title.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }

    /// The same folding as `normalizedTitle` on ASCII bytes; nil when the title is not ASCII.
    private static func normalizedASCIITitle(_ title: String) -> String? {
        var title = title
        return title.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                let isDigit = byte >= 0x30 && byte <= 0x39
                let isUpper = byte >= 0x41 && byte <= 0x5A
                let isLower = byte >= 0x61 && byte <= 0x7A
                if isDigit || isUpper || isLower {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(isUpper ? byte + 0x20 : byte)
                } else {
                    pendingSpace = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Strips a version suffix and an `arXiv:` prefix; returns nil when `raw` is not an arXiv id.
    /// Accepts new style (`2401.01234`, `0704.0001`) and old style (`hep-th/9901001`, `cs.LG/0112017`).
    public static func normalizedArxivID(_ raw: String) -> String? {
        if isPlainNewStyle(raw.utf8) { return raw }  // the common case, without allocating
        var id = Substring(raw.trimmingCharactersInSet(" \t\r\n"))
        if id.lowercased().hasPrefix("arxiv:") { id = id.dropFirst(6) }
        if let v = id.lastIndex(of: "v"), v != id.startIndex,
            id[id.index(after: v)...].allSatisfy(\.isASCIIDigit),
            id.index(after: v) != id.endIndex
        {
            id = id[..<v]
        }
        if isNewStyle(id) { return String(id) }
        if let slash = id.firstIndex(of: "/") {
            let archive = id[..<slash]
            let number = id[id.index(after: slash)...]
            let archiveOK =
                !archive.isEmpty
                && archive.allSatisfy { $0.isASCIILetter || $0 == "-" || $0 == "." }
            if archiveOK && number.count == 7 && number.allSatisfy(\.isASCIIDigit) {
                return archive.lowercased() + "/" + number
            }
        }
        return nil
    }

    /// `2401.01234` exactly: already normalized.
    private static func isPlainNewStyle(_ utf8: String.UTF8View) -> Bool {
        let count = utf8.count
        guard count == 9 || count == 10 else { return false }
        let check = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for offset in 0..<count {
                let byte = bytes[offset]
                if offset == 4 {
                    if byte != UInt8(ascii: ".") { return false }
                } else if byte < UInt8(ascii: "0") || byte > UInt8(ascii: "9") {
                    return false
                }
            }
            return true
        }
        return check ?? false
    }

    private static func isNewStyle(_ id: Substring) -> Bool {
        guard let dot = id.firstIndex(of: ".") else { return false }
        let yymm = id[..<dot]
        let number = id[id.index(after: dot)...]
        return yymm.count == 4 && yymm.allSatisfy(\.isASCIIDigit)
            && (number.count == 4 || number.count == 5) && number.allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    @inlinable var isASCIIDigit: Bool { isASCII && isNumber }
    @inlinable var isASCIILetter: Bool { isASCII && isLetter }
}

extension StringProtocol {
    /// Foundation-free trim, so `Corpus` stays usable without Foundation's bridging costs.
    func trimmingCharactersInSet(_ set: String) -> Substring {
        // Compare scalars, not Characters: "\r\n" is one Character, so a Set<Character> built
        // from " \t\r\n" would hold neither a lone "\r" nor a lone "\n".
        let scalars = Set(set.unicodeScalars)
        func isTrimmed(_ character: Character) -> Bool {
            character.unicodeScalars.allSatisfy { scalars.contains($0) }
        }
        var start = startIndex
        var end = endIndex
        while start < end, isTrimmed(self[start]) { start = index(after: start) }
        while end > start, isTrimmed(self[index(before: end)]) { end = index(before: end) }
        return Substring(self[start..<end])
    }
}
