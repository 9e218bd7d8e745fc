#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one JSON paper object said, whichever of the supported shapes it had.
struct PaperFields {
    var id: String?
    var title: String?
    var abstract: String?
    var summary: String?
    var comment: String?
    var doi: String?
    var authors: [String]?
    var categories: [String]?
    /// Dates, already reduced to `YYYY-MM-DD` (nil when absent or in another form).
    var listingDate: String?
    var updateDate: String?
    var publishedAt: String?
    var githubRepo: String?
    var projectPage: String?
    var upvotes: Int?

    /// Keys or value shapes only the Kaggle snapshot has.
    var looksLikeSnapshot = false
    /// Keys only the Hugging Face API has.
    var looksLikeHuggingFace = false

    /// Fills every field this one lacks from `fallback` (the wrapper around a `paper` object).
    func filled(from fallback: PaperFields) -> PaperFields {
        var merged = self
        merged.id = id ?? fallback.id
        merged.title = title ?? fallback.title
        merged.abstract = abstract ?? fallback.abstract
        merged.summary = summary ?? fallback.summary
        merged.comment = comment ?? fallback.comment
        merged.doi = doi ?? fallback.doi
        merged.authors = authors ?? fallback.authors
        merged.categories = categories ?? fallback.categories
        merged.listingDate = listingDate ?? fallback.listingDate
        merged.updateDate = updateDate ?? fallback.updateDate
        merged.publishedAt = publishedAt ?? fallback.publishedAt
        merged.githubRepo = githubRepo ?? fallback.githubRepo
        merged.projectPage = projectPage ?? fallback.projectPage
        merged.upvotes = upvotes ?? fallback.upvotes
        merged.looksLikeSnapshot = looksLikeSnapshot || fallback.looksLikeSnapshot
        merged.looksLikeHuggingFace = true
        return merged
    }
}

/// The members we read, recognised from their names' bytes without building a `String`.
private enum Member {
    case id, title, abstract, summary, authors, categories, comment, comments
    case listingDate, updateDate, publishedAt, doi, githubRepo, projectPage, upvotes, paper
    case snapshotOnly
    case other

    init(name: UnsafeBufferPointer<UInt8>) {
        switch name.count {
        case 2: self = Member.matches(name, "id") ? .id : .other
        case 3: self = Member.matches(name, "doi") ? .doi : .other
        case 5:
            if Member.matches(name, "title") {
                self = .title
            } else if Member.matches(name, "paper") {
                self = .paper
            } else {
                self = .other
            }
        case 7:
            if Member.matches(name, "authors") {
                self = .authors
            } else if Member.matches(name, "comment") {
                self = .comment
            } else if Member.matches(name, "summary") {
                self = .summary
            } else if Member.matches(name, "upvotes") {
                self = .upvotes
            } else {
                self = .other
            }
        case 8:
            if Member.matches(name, "abstract") {
                self = .abstract
            } else if Member.matches(name, "comments") {
                self = .comments
            } else if Member.matches(name, "versions") {
                self = .snapshotOnly
            } else {
                self = .other
            }
        case 9:
            self = Member.matches(name, "submitter") || Member.matches(name, "report-no") ? .snapshotOnly : .other
        case 10:
            if Member.matches(name, "categories") {
                self = .categories
            } else if Member.matches(name, "githubRepo") {
                self = .githubRepo
            } else {
                self = .other
            }
        case 11:
            if Member.matches(name, "update_date") {
                self = .updateDate
            } else if Member.matches(name, "publishedAt") {
                self = .publishedAt
            } else if Member.matches(name, "projectPage") {
                self = .projectPage
            } else if Member.matches(name, "journal-ref") {
                self = .snapshotOnly
            } else {
                self = .other
            }
        case 12: self = Member.matches(name, "listing_date") ? .listingDate : .other
        case 14: self = Member.matches(name, "authors_parsed") ? .snapshotOnly : .other
        default: self = .other
        }
    }

    @inline(__always)
    private static func matches(_ name: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard let start = name.baseAddress, name.count == literal.utf8CodeUnitCount else { return false }
        return memcmp(start, literal.utf8Start, name.count) == 0
    }
}

/// Scratch memory for unescaping strings, reused across records.
final class ByteScratch {
    private(set) var pointer: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init(capacity: Int = 64 * 1024) {
        self.capacity = capacity
        pointer = .allocate(capacity: capacity)
    }

    deinit { pointer.deallocate() }

    /// Memory for at least `count` bytes; the previous contents are not kept.
    @inline(__always)
    func buffer(atLeast count: Int) -> UnsafeMutablePointer<UInt8> {
        if count > capacity {
            pointer.deallocate()
            capacity = Swift.max(count, capacity * 2)
            pointer = .allocate(capacity: capacity)
        }
        return pointer
    }
}

/// Turns the bytes of one JSON object into `PaperFields`, decoding only the members we use.
/// Keeps its scratch memory between records so decoding does not allocate for it each time.
struct PaperObjectDecoder {
    private let scratch = ByteScratch()

    /// Decodes one complete JSON text that must be an object.
    func decodeRecord(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONFailure) -> PaperFields {
        guard let base = bytes.baseAddress else {
            throw JSONFailure(kind: .truncated, message: "truncated JSON", offset: 0)
        }
        var cursor = JSONCursor(base: base, count: bytes.count)
        cursor.skipWhitespace()
        let kind = try cursor.valueKind()
        guard kind == .object else {
            throw JSONFailure(
                kind: .wrongType, message: "expected a JSON object for each paper, found \(kind.rawValue)",
                offset: cursor.position)
        }
        let fields = try decodeObject(&cursor, allowsPaperWrapper: true)
        try cursor.expectEnd()
        return fields
    }

    private func decodeObject(
        _ cursor: inout JSONCursor, allowsPaperWrapper: Bool
    ) throws(JSONFailure) -> PaperFields {
        try cursor.enterObject()
        var fields = PaperFields()
        var wrapped: PaperFields?
        var isFirst = true
        while let nameRange = try cursor.nextMemberName(isFirst: &isFirst) {
            let member = memberNamed(nameRange, in: cursor)
            switch member {
            case .other:
                try cursor.skipValue()
            case .id:
                fields.id = try optionalString(&cursor, member: nameRange)
            case .title:
                fields.title = try optionalString(&cursor, member: nameRange, collapsingWhitespace: true)
            case .abstract:
                fields.abstract = try optionalString(&cursor, member: nameRange)
            case .summary:
                fields.summary = try optionalString(&cursor, member: nameRange)
                fields.looksLikeHuggingFace = true
            case .comment:
                fields.comment = try optionalString(&cursor, member: nameRange)
            case .comments:
                fields.comment = try optionalString(&cursor, member: nameRange)
                fields.looksLikeSnapshot = true
            case .doi:
                fields.doi = try optionalString(&cursor, member: nameRange)
            case .listingDate:
                fields.listingDate = try optionalDate(&cursor, member: nameRange)
            case .updateDate:
                fields.updateDate = try optionalDate(&cursor, member: nameRange)
                fields.looksLikeSnapshot = true
            case .publishedAt:
                fields.publishedAt = try optionalDate(&cursor, member: nameRange)
                fields.looksLikeHuggingFace = true
            case .githubRepo:
                fields.githubRepo = try optionalString(&cursor, member: nameRange)
                fields.looksLikeHuggingFace = true
            case .projectPage:
                fields.projectPage = try optionalString(&cursor, member: nameRange)
                fields.looksLikeHuggingFace = true
            case .upvotes:
                fields.upvotes = try optionalWholeNumber(&cursor, member: nameRange)
                fields.looksLikeHuggingFace = true
            case .snapshotOnly:
                fields.looksLikeSnapshot = true
                try cursor.skipValue()
            case .authors:
                fields.authors = try authors(&cursor, member: nameRange, fields: &fields)
            case .categories:
                fields.categories = try categories(&cursor, member: nameRange, fields: &fields)
            case .paper:
                if allowsPaperWrapper, try cursor.valueKind() == .object {
                    wrapped = try decodeObject(&cursor, allowsPaperWrapper: false)
                } else {
                    try cursor.skipValue()
                }
            }
        }
        if let wrapped { return wrapped.filled(from: fields) }
        return fields
    }

    private func memberNamed(_ range: JSONStringRange, in cursor: JSONCursor) -> Member {
        guard range.hasEscapes else { return Member(name: cursor.bytes(of: range)) }
        let buffer = scratch.buffer(atLeast: range.count)
        let count = cursor.unescape(range, to: buffer)
        return Member(name: UnsafeBufferPointer(start: buffer, count: count))
    }

    private func wrongType(
        _ cursor: JSONCursor, member: JSONStringRange, expected: String, found: JSONValueKind
    ) -> JSONFailure {
        let name = String(decoding: cursor.unescapedBytes(member), as: UTF8.self)
        return JSONFailure(
            kind: .wrongType, message: "field `\(name)` should be \(expected), found \(found.rawValue)",
            offset: cursor.position)
    }

    // MARK: Values

    private func optionalString(
        _ cursor: inout JSONCursor, member: JSONStringRange, collapsingWhitespace: Bool = false
    ) throws(JSONFailure) -> String? {
        let kind = try cursor.valueKind()
        switch kind {
        case .string:
            let range = try cursor.readStringRange()
            return collapsingWhitespace ? collapsedString(range, in: cursor) : string(range, in: cursor)
        case .null:
            try cursor.readLiteral()
            return nil
        default:
            throw wrongType(cursor, member: member, expected: "a string", found: kind)
        }
    }

    /// A date string reduced to `YYYY-MM-DD` (the date part of an ISO timestamp); nil when it
    /// is null or not in that form.
    private func optionalDate(_ cursor: inout JSONCursor, member: JSONStringRange) throws(JSONFailure) -> String? {
        guard try cursor.valueKind() == .string else {
            _ = try optionalString(&cursor, member: member)  // null, or a type error
            return nil
        }
        let range = try cursor.readStringRange()
        if !range.hasEscapes {
            let bytes = cursor.bytes(of: range)
            guard let length = ISODate.prefixLength(bytes) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<length]), as: UTF8.self)
        }
        return ISODate.prefix(of: string(range, in: cursor))
    }

    private func optionalWholeNumber(
        _ cursor: inout JSONCursor, member: JSONStringRange
    ) throws(JSONFailure) -> Int? {
        let kind = try cursor.valueKind()
        switch kind {
        case .number:
            let start = cursor.position
            guard let value = try cursor.readNumber() else {
                cursor.position = start
                throw wrongType(cursor, member: member, expected: "a whole number", found: .number)
            }
            return value
        case .null:
            try cursor.readLiteral()
            return nil
        default:
            throw wrongType(cursor, member: member, expected: "a whole number", found: kind)
        }
    }

    /// A list of names, a list of `{"name": ...}` objects (Hugging Face), or one string of
    /// names joined by commas and "and" (Kaggle snapshot).
    private func authors(
        _ cursor: inout JSONCursor, member: JSONStringRange, fields: inout PaperFields
    ) throws(JSONFailure) -> [String]? {
        let kind = try cursor.valueKind()
        switch kind {
        case .null:
            try cursor.readLiteral()
            return nil
        case .string:
            fields.looksLikeSnapshot = true
            let range = try cursor.readStringRange()
            return AuthorList.split(collapsedString(range, in: cursor))
        case .array:
            try cursor.enterArray()
            var names: [String] = []
            names.reserveCapacity(8)
            var isFirst = true
            while try cursor.nextElement(isFirst: &isFirst) {
                let elementKind = try cursor.valueKind()
                switch elementKind {
                case .string:
                    let range = try cursor.readStringRange()
                    let name = collapsedString(range, in: cursor)
                    if !name.isEmpty { names.append(name) }
                case .object:
                    fields.looksLikeHuggingFace = true
                    if let name = try nameMember(&cursor), !name.isEmpty { names.append(name) }
                case .null:
                    try cursor.readLiteral()
                default:
                    throw wrongType(
                        cursor, member: member, expected: "a list of names", found: elementKind)
                }
            }
            return names
        default:
            throw wrongType(cursor, member: member, expected: "a list of names or a string", found: kind)
        }
    }

    /// The `name` member of a Hugging Face author object; other members are skipped.
    private func nameMember(_ cursor: inout JSONCursor) throws(JSONFailure) -> String? {
        try cursor.enterObject()
        var name: String?
        var isFirst = true
        while let memberRange = try cursor.nextMemberName(isFirst: &isFirst) {
            let isName =
                !memberRange.hasEscapes && memberRange.count == 4
                && memcmp(cursor.base + memberRange.start, "name", 4) == 0
            if isName, try cursor.valueKind() == .string {
                let range = try cursor.readStringRange()
                name = collapsedString(range, in: cursor)
            } else {
                try cursor.skipValue()
            }
        }
        return name
    }

    /// A list (listing shape) or one space-separated string (Kaggle snapshot).
    private func categories(
        _ cursor: inout JSONCursor, member: JSONStringRange, fields: inout PaperFields
    ) throws(JSONFailure) -> [String]? {
        let kind = try cursor.valueKind()
        switch kind {
        case .null:
            try cursor.readLiteral()
            return nil
        case .string:
            fields.looksLikeSnapshot = true
            let range = try cursor.readStringRange()
            return string(range, in: cursor).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                .map(String.init)
        case .array:
            try cursor.enterArray()
            var values: [String] = []
            values.reserveCapacity(4)
            var isFirst = true
            while try cursor.nextElement(isFirst: &isFirst) {
                let elementKind = try cursor.valueKind()
                guard elementKind == .string else {
                    throw wrongType(cursor, member: member, expected: "a list of strings", found: elementKind)
                }
                let range = try cursor.readStringRange()
                let value = collapsedString(range, in: cursor)
                if !value.isEmpty { values.append(value) }
            }
            return values
        default:
            throw wrongType(cursor, member: member, expected: "a list of strings", found: kind)
        }
    }

    // MARK: Strings

    /// The string's contents, verbatim (escapes decoded).
    func string(_ range: JSONStringRange, in cursor: JSONCursor) -> String {
        guard range.hasEscapes else {
            return String(decoding: cursor.bytes(of: range), as: UTF8.self)
        }
        let buffer = scratch.buffer(atLeast: range.count)
        let count = cursor.unescape(range, to: buffer)
        return String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self)
    }

    /// The string's contents with every whitespace run (arXiv's `\n  ` title wraps) folded
    /// to one space and none at either end.
    private func collapsedString(_ range: JSONStringRange, in cursor: JSONCursor) -> String {
        let buffer = scratch.buffer(atLeast: range.count)
        var count: Int
        if range.hasEscapes {
            count = cursor.unescape(range, to: buffer)
        } else {
            // Plain JSON strings hold no raw line breaks or tabs: only spaces can need folding.
            let bytes = cursor.bytes(of: range)
            guard WhitespaceFolding.hasExtraSpaces(bytes) else { return String(decoding: bytes, as: UTF8.self) }
            buffer.update(from: cursor.base + range.start, count: range.count)
            count = range.count
        }
        count = WhitespaceFolding.foldInPlace(buffer, count: count)
        return String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self)
    }
}

/// Folding of ASCII whitespace runs to single spaces, for titles and names.
enum WhitespaceFolding {
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x0B
    }

    /// Leading, trailing or doubled spaces, in text known to hold no other whitespace.
    @inline(__always)
    static func hasExtraSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress, let first = bytes.first, let last = bytes.last else { return false }
        if first == 0x20 || last == 0x20 { return true }
        let count = bytes.count
        if count < 64 {
            // Names and titles: a plain loop beats a call per space.
            var previousWasSpace = false
            for index in 0..<count {
                let isSpace = start[index] == 0x20
                if isSpace && previousWasSpace { return true }
                previousWasSpace = isSpace
            }
            return false
        }
        var index = 0
        while index < count, let hit = memchr(start + index, 0x20, count - index) {
            let spaceAt = UnsafeRawPointer(hit) - UnsafeRawPointer(start)
            if spaceAt + 1 < count && start[spaceAt + 1] == 0x20 { return true }
            index = spaceAt + 2
        }
        return false
    }

    /// Folds whitespace runs in `buffer[0..<count]` to single spaces, trimming both ends;
    /// returns the new length.
    static func foldInPlace(_ buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var written = 0
        var pendingSpace = false
        for index in 0..<count {
            let byte = buffer[index]
            if isSpace(byte) {
                pendingSpace = true
            } else {
                if pendingSpace && written > 0 {
                    buffer[written] = 0x20
                    written += 1
                }
                pendingSpace = false
                buffer[written] = byte
                written += 1
            }
        }
        return written
    }

    static func folded(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return "" }
            let needsFolding =
                isSpace(bytes[0]) || isSpace(bytes[bytes.count - 1])
                || bytes.indices.dropFirst().contains { isSpace(bytes[$0]) && (bytes[$0] != 0x20 || bytes[$0 - 1] == 0x20) }
            guard needsFolding else { return String(decoding: bytes, as: UTF8.self) }
            let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            defer { copy.deallocate() }
            copy.update(from: start, count: bytes.count)
            let count = foldInPlace(copy, count: bytes.count)
            return String(decoding: UnsafeBufferPointer(start: copy, count: count), as: UTF8.self)
        }
    }
}

/// Recognises `YYYY-MM-DD` at the start of a date or timestamp.
enum ISODate {
    /// 10 when `bytes` start with `YYYY-MM-DD` not followed by another digit, else nil.
    static func prefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 10 else { return nil }
        for index in 0..<10 {
            let byte = bytes[index]
            let expected = index == 4 || index == 7 ? byte == UInt8(ascii: "-") : JSONCursor.isDigit(byte)
            if !expected { return nil }
        }
        if bytes.count > 10 && JSONCursor.isDigit(bytes[10]) { return nil }
        return 10
    }

    static func prefix(of text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            guard let length = prefixLength(bytes) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<length]), as: UTF8.self)
        }
    }
}
