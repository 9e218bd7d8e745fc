/// The papers of a `ReferenceIndex`, packed so that an index over a million stored papers costs
/// a few tens of bytes per paper rather than a struct of eight strings (each with its own heap
/// allocation once longer than fifteen bytes).
///
/// Identifiers and titles are laid end to end in byte chunks that never move (so the table grows
/// without copying or doubling), titles as a sequence of word ids (a title is mostly words many
/// other titles share); dates and author surname keys, which repeat, are interned. Reading a paper back builds its `ReferenceIndex.Paper`, which resolution
/// does only for the few papers a citation or a title match points at.
public struct PaperTable: RandomAccessCollection, Sendable {
    public typealias Element = ReferenceIndex.Paper
    public typealias Index = Int

    /// Where each paper's record is in `records`: key, arXiv id, DOI, then the title's words.
    private var starts: [UInt64] = []
    private var records = ChunkedBytes()
    /// The record being encoded.
    private var scratch: [UInt8] = []
    private var dates: [Int32] = []
    private var firstAuthors: [Int32] = []
    private var secondAuthors: [Int32] = []
    private var authorCounts: [Int32] = []
    /// Dates and surname keys.
    private var values = ByteInterner()
    /// Title pieces: a run of word bytes with the separator bytes after it (`Learning `, `Free-`).
    private var titleWords = ByteInterner()

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count }

    public subscript(position: Int) -> Element {
        get {
            records.read(starts[position]) { bytes, cursor in
                let key = Self.string(bytes, &cursor) ?? ""
                let arxivID = Self.string(bytes, &cursor)
                let doi = Self.string(bytes, &cursor)
                return ReferenceIndex.Paper(
                    key: key, arxivID: arxivID, doi: doi, title: title(bytes, &cursor),
                    date: values.string(dates[position]), firstAuthorKey: values.string(firstAuthors[position]),
                    secondAuthorKey: values.string(secondAuthors[position]), authorCount: Int(authorCounts[position]))
            }
        }
        set {
            // Rare (a duplicate filling gaps of an earlier record): the old bytes stay unused.
            encode(newValue, row: position)
        }
    }

    public mutating func append(_ paper: Element) {
        starts.append(0)
        dates.append(0)
        firstAuthors.append(0)
        secondAuthors.append(0)
        authorCounts.append(0)
        encode(paper, row: starts.count - 1)
    }

    public mutating func reserveCapacity(_ count: Int) {
        starts.reserveCapacity(count)
        dates.reserveCapacity(count)
        firstAuthors.reserveCapacity(count)
        secondAuthors.reserveCapacity(count)
        authorCounts.reserveCapacity(count)
    }

    /// The title of one paper, without building the rest of it.
    public func title(of position: Int) -> String {
        records.read(starts[position]) { bytes, cursor in
            for _ in 0..<3 { Self.skipString(bytes, &cursor) }
            return title(bytes, &cursor)
        }
    }

    /// Every title in order, decoded one at a time.
    public var titles: LazyMapSequence<Range<Int>, String> { indices.lazy.map { title(of: $0) } }

    public func date(of position: Int) -> String? { values.string(dates[position]) }
    public func doi(of position: Int) -> String? {
        records.read(starts[position]) { bytes, cursor in
            for _ in 0..<2 { Self.skipString(bytes, &cursor) }
            return Self.string(bytes, &cursor)
        }
    }
    public func firstAuthorKey(of position: Int) -> String? { values.string(firstAuthors[position]) }
    public func secondAuthorKey(of position: Int) -> String? { values.string(secondAuthors[position]) }
    public func authorCount(of position: Int) -> Int { Int(authorCounts[position]) }

    /// Interned ids of the first and second author's surname key (0: none), and the id of any
    /// date or surname key (nil: no paper has it), for comparing without building strings.
    func firstAuthorID(of position: Int) -> Int32 { firstAuthors[position] }
    func secondAuthorID(of position: Int) -> Int32 { secondAuthors[position] }
    func valueID(_ value: String) -> Int32? { values.existingID(value) }

    /// Bytes held, for tests and reports.
    public var memoryFootprint: Int {
        starts.count * 8 + records.memoryFootprint + (dates.count + firstAuthors.count + secondAuthors.count + authorCounts.count) * 4
            + values.memoryFootprint + titleWords.memoryFootprint
    }

    // MARK: Encoding

    private mutating func encode(_ paper: Element, row: Int) {
        scratch.removeAll(keepingCapacity: true)
        appendString(paper.key)
        appendString(paper.arxivID)
        appendString(paper.doi)
        appendTitle(paper.title)
        starts[row] = records.append(scratch)
        dates[row] = values.id(paper.date)
        firstAuthors[row] = values.id(paper.firstAuthorKey)
        secondAuthors[row] = values.id(paper.secondAuthorKey)
        authorCounts[row] = Int32(clamping: paper.authorCount)
    }

    private mutating func appendString(_ value: String?) {
        guard var value else {
            appendVarint(0)
            return
        }
        value.withUTF8 { bytes in
            appendVarint(UInt64(bytes.count) + 1)
            scratch.append(contentsOf: bytes)
        }
    }

    private mutating func appendTitle(_ title: String) {
        var title = title
        var ids: [Int32] = []
        title.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && Self.isWordByte(bytes[end]) { end += 1 }
                while end < bytes.count && !Self.isWordByte(bytes[end]) { end += 1 }
                ids.append(titleWords.id(UnsafeBufferPointer(rebasing: bytes[start..<end])))
                start = end
            }
        }
        appendVarint(UInt64(ids.count))
        for id in ids { appendVarint(UInt64(id)) }
    }

    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        // Bytes of multi-byte scalars count as word bytes, so a piece never splits a scalar.
        byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    private mutating func appendVarint(_ value: UInt64) {
        Varint.append(value, to: &scratch)
    }

    // MARK: Decoding

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) -> String? {
        let length = Varint.read(bytes, &cursor)
        guard length > 0 else { return nil }
        let end = cursor + Int(length - 1)
        let value = String(decoding: bytes[cursor..<end], as: UTF8.self)
        cursor = end
        return value
    }

    private static func skipString(_ bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) {
        let length = Varint.read(bytes, &cursor)
        if length > 0 { cursor += Int(length - 1) }
    }

    private func title(_ bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) -> String {
        let count = Varint.read(bytes, &cursor)
        var title: [UInt8] = []
        for _ in 0..<count { titleWords.appendBytes(of: Int32(Varint.read(bytes, &cursor)), to: &title) }
        return String(decoding: title, as: UTF8.self)
    }
}

/// Bytes appended in chunks that never move: a store that grows without copying what it holds
/// and without the slack of a doubling array. A location is the chunk in the high half and the
/// offset in the low half.
struct ChunkedBytes: Sendable {
    private static let chunkSize = 1 << 18
    private var chunks: [[UInt8]] = []

    var memoryFootprint: Int { chunks.reduce(0) { $0 + $1.capacity } }

    /// Appends `bytes` (kept within one chunk) and returns their location.
    mutating func append(_ bytes: [UInt8]) -> UInt64 {
        if chunks.isEmpty || chunks[chunks.count - 1].count + bytes.count > Self.chunkSize {
            var chunk: [UInt8] = []
            chunk.reserveCapacity(max(Self.chunkSize, bytes.count))
            chunks.append(chunk)
        }
        let chunk = chunks.count - 1
        let location = UInt64(chunk) << 32 | UInt64(chunks[chunk].count)
        chunks[chunk].append(contentsOf: bytes)
        return location
    }

    /// `body(chunk, cursor)` with the cursor at `location` in its chunk.
    func read<Result>(_ location: UInt64, _ body: (UnsafeBufferPointer<UInt8>, inout Int) -> Result) -> Result {
        chunks[Int(location >> 32)].withUnsafeBufferPointer { bytes in
            var cursor = Int(location & 0xFFFF_FFFF)
            return body(bytes, &cursor)
        }
    }
}

/// Byte strings to dense ids and back, without a `String` per entry. Id 0 stands for nil.
struct ByteInterner: Sendable {
    private var bytes: [UInt8] = []
    /// Entry `i` (id `i + 1`) is `bytes[ends[i - 1] ..< ends[i]]`.
    private var ends: [Int32] = []
    /// Open addressing over ids (0 = empty slot); the capacity is a power of two.
    private var slots: [Int32] = [Int32](repeating: 0, count: 64)
    private var hashes: [UInt32] = []

    var memoryFootprint: Int { bytes.count + ends.count * 4 + slots.count * 4 + hashes.count * 4 }

    mutating func id(_ value: String?) -> Int32 {
        guard var value else { return 0 }
        return value.withUTF8 { id($0) }
    }

    mutating func id(_ value: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(value)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let id = slots[slot]
            if id == 0 { break }
            if hashes[Int(id) - 1] == hash && equals(Int(id), value) { return id }
            slot = (slot + 1) & mask
        }
        bytes.append(contentsOf: value)
        ends.append(Int32(bytes.count))
        hashes.append(hash)
        let id = Int32(ends.count)
        slots[slot] = id
        if ends.count * 4 > slots.count * 3 { grow() }
        return id
    }

    /// The id of `value` when interned already; never adds it.
    func existingID(_ value: String) -> Int32? {
        var value = value
        return value.withUTF8 { bytes in
            let hash = Self.hash(bytes)
            let mask = slots.count - 1
            var slot = Int(hash) & mask
            while true {
                let id = slots[slot]
                if id == 0 { return nil }
                if hashes[Int(id) - 1] == hash && equals(Int(id), bytes) { return id }
                slot = (slot + 1) & mask
            }
        }
    }

    func string(_ id: Int32) -> String? {
        guard id > 0 else { return nil }
        return bytes.withUnsafeBufferPointer { String(decoding: $0[range(Int(id))], as: UTF8.self) }
    }

    func appendBytes(of id: Int32, to output: inout [UInt8]) {
        guard id > 0 else { return }
        output.append(contentsOf: bytes[range(Int(id))])
    }

    private func range(_ id: Int) -> Range<Int> {
        (id == 1 ? 0 : Int(ends[id - 2]))..<Int(ends[id - 1])
    }

    private func equals(_ id: Int, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = range(id)
        guard range.count == value.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            var offset = 0
            while offset < value.count {
                if stored[range.lowerBound + offset] != value[offset] { return false }
                offset += 1
            }
            return true
        }
    }

    private mutating func grow() {
        var larger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(hash) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = Int32(index + 1)
        }
        slots = larger
    }

    private static func hash(_ value: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in value { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}

