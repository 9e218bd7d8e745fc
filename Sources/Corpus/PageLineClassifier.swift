/// What one non-blank line of a Hugging Face Papers page dump is.
enum PageLineKind: Equatable {
    /// A title, an abstract, or a piece of one.
    case text
    /// Site navigation and banners (`Subscribe`, `Daily Papers`, ...).
    case chrome
    /// `• 6 authors`
    case authorCount(Int)
    /// The lone `·` between the author count and the date.
    case separator
    /// `Nov 6, 2024 1`, `Sep 3 2`, `Mar 13`: a date, then optionally an upvote count. Dates
    /// printed without a year (the site drops the current year) have no `isoDate`.
    case date(isoDate: String?, upvotes: Int?)
    /// A bare whole number: an upvote count when it follows a date line.
    case number(Int)
}

enum PageLineClassifier {
    /// Exact lines of site chrome. Those seen in the dumps we have plus the site's other
    /// navigation labels, which no paper is titled.
    static let chromeLines: Set<[UInt8]> = Set(
        [
            "new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers",
            "byAK and the research community", "Trending Papers", "Trending", "Papers", "Load more",
            "Show more", "View all", "Previous", "Next", "Submit", "Search", "Hugging Face", "Models",
            "Datasets", "Spaces", "Posts", "Docs", "Enterprise", "Pricing", "Log In", "Login", "Sign Up",
            "Collections", "Upvote", "Follow", "Unsubscribe", "Daily", "Weekly", "Monthly",
            "Search papers", "Submit a paper", "Paper page",
        ].map { Array($0.utf8) })

    /// Line prefixes of chrome that carries a variable part.
    static let chromePrefixes: [[UInt8]] = ["Submitted by "].map { Array($0.utf8) }

    static let monthAbbreviations: [[UInt8]] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ].map { Array($0.utf8) }

    /// Classifies a line that is already trimmed of surrounding whitespace and not empty.
    static func classify(_ line: [UInt8]) -> PageLineKind {
        // Every special line is short; abstracts are not, and hashing them would be wasted.
        guard line.count <= shortLineLimit else { return .text }
        if chromeLines.contains(line) { return .chrome }
        for prefix in chromePrefixes where line.starts(with: prefix) { return .chrome }
        if isSeparator(line) { return .separator }
        if let count = authorCount(line) { return .authorCount(count) }
        if let date = date(line) { return date }
        if line.count <= 7, let value = wholeNumber(line[...]) { return .number(value) }
        return .text
    }

    /// Longer than any chrome line (a `Submitted by` line holds a user name), count or date.
    static let shortLineLimit = 120

    /// `·` or `•` alone.
    private static func isSeparator(_ line: [UInt8]) -> Bool {
        line == [0xC2, 0xB7] || line == [0xE2, 0x80, 0xA2]
    }

    /// `• 6 authors`, `• 1 author`, also without the bullet.
    static func authorCount(_ line: [UInt8]) -> Int? {
        var rest = line[...]
        if rest.starts(with: [0xE2, 0x80, 0xA2]) || rest.starts(with: [0xC2, 0xB7]) {
            rest = rest.drop(while: { $0 >= 0x80 })
            rest = rest.drop(while: { $0 == 0x20 || $0 == 0x09 })
        }
        let digits = rest.prefix(while: JSONCursor.isDigit)
        guard !digits.isEmpty, digits.count <= 6, let count = wholeNumber(digits) else { return nil }
        rest = rest.dropFirst(digits.count)
        guard rest.first == 0x20 else { return nil }
        rest = rest.drop(while: { $0 == 0x20 })
        let word = String(decoding: rest, as: UTF8.self)
        return word == "authors" || word == "author" ? count : nil
    }

    /// `Mon D`, `Mon D N`, `Mon D, YYYY` or `Mon D, YYYY N`, with a real day of that month.
    static func date(_ line: [UInt8]) -> PageLineKind? {
        guard line.count >= 5, line.count <= 24 else { return nil }
        let tokens = line.split(separator: 0x20)
        guard tokens.count >= 2, tokens.count <= 4,
            let monthIndex = monthAbbreviations.firstIndex(where: { $0[...] == tokens[0] })
        else { return nil }
        var dayToken = tokens[1]
        let hasYear = dayToken.last == UInt8(ascii: ",")
        if hasYear { dayToken = dayToken.dropLast() }
        guard dayToken.count <= 2, let day = wholeNumber(dayToken), day >= 1 else { return nil }
        var year: Int?
        var upvotes: Int?
        var next = 2
        if hasYear {
            guard tokens.count >= 3, tokens[2].count == 4, let value = wholeNumber(tokens[2]) else { return nil }
            year = value
            next = 3
        }
        if next < tokens.count {
            guard next == tokens.count - 1, tokens[next].count <= 7, let value = wholeNumber(tokens[next]) else {
                return nil
            }
            upvotes = value
        }
        let month = monthIndex + 1
        guard day <= daysIn(month: month, year: year) else { return nil }
        guard let year else { return .date(isoDate: nil, upvotes: upvotes) }
        return .date(isoDate: isoDate(year: year, month: month, day: day), upvotes: upvotes)
    }

    private static func daysIn(month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let year else { return 29 }
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func isoDate(year: Int, month: Int, day: Int) -> String {
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    static func wholeNumber(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(JSONCursor.isDigit) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 &- UInt8(ascii: "0")) }
    }

    /// Whether a text line reads like a title rather than an abstract: short, not ending a
    /// sentence, no link. Used only where a line could be either.
    static func isTitleLike(_ line: [UInt8]) -> Bool {
        guard line.count <= 300, let last = line.last else { return false }
        if last == UInt8(ascii: ".") { return false }
        return !containsLinkMarker(line)
    }

    private static let linkMarkers: [[UInt8]] = ["http://", "https://", "github.com/", "www."].map {
        Array($0.utf8)
    }

    private static func containsLinkMarker(_ line: [UInt8]) -> Bool {
        for marker in linkMarkers where contains(line, marker) { return true }
        return false
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) {
                return true
            }
            index += 1
        }
        return false
    }
}
