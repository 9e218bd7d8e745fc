/// Splits the one-string author lists of the arXiv metadata snapshot
/// (`"A. Smith, B. Jones and C. Li"`) into names.
enum AuthorList {
    private static let nameSuffixes: Set<String> = ["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"]

    /// Separators are `,`, `;`, ` and ` and ` & `, except inside parentheses or brackets, where
    /// the snapshot puts affiliations ("A. Smith (MIT and Harvard), B. Jones"). Whitespace
    /// should already be folded.
    static func split(_ text: String) -> [String] {
        var names: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var depth = 0
            var pieceStart = 0
            var index = 0
            let count = bytes.count
            func flush(upTo end: Int) {
                var start = pieceStart
                var stop = end
                while start < stop && bytes[start] == 0x20 { start += 1 }
                while stop > start && bytes[stop - 1] == 0x20 { stop -= 1 }
                guard start < stop else { return }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
                if nameSuffixes.contains(name), let previous = names.popLast() {
                    names.append(previous + " " + name)
                } else {
                    names.append(name)
                }
            }
            while index < count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "("), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"):
                    depth = max(0, depth - 1)
                case UInt8(ascii: ","), UInt8(ascii: ";"):
                    if depth == 0 {
                        flush(upTo: index)
                        pieceStart = index + 1
                    }
                case UInt8(ascii: " ") where depth == 0:
                    if let length = conjunctionLength(bytes, at: index) {
                        flush(upTo: index)
                        index += length
                        pieceStart = index
                        continue
                    }
                default:
                    break
                }
                index += 1
            }
            flush(upTo: count)
        }
        return names
    }

    /// Length of ` and ` or ` & ` starting at `index` (the space), if one is there.
    private static func conjunctionLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let count = bytes.count
        if index + 4 < count, bytes[index + 1] == UInt8(ascii: "a"), bytes[index + 2] == UInt8(ascii: "n"),
            bytes[index + 3] == UInt8(ascii: "d"), bytes[index + 4] == 0x20
        {
            return 4
        }
        if index + 2 < count, bytes[index + 1] == UInt8(ascii: "&"), bytes[index + 2] == 0x20 {
            return 2
        }
        return nil
    }
}
