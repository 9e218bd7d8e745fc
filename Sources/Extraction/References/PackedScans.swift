/// The `AbstractScan`s of many abstracts, kept between `ReferenceScanner.collect` and
/// `ReferenceMatcher.resolve` so that a store scans each abstract once: pruning established
/// names needs every abstract's uses before any abstract's names can be chosen.
///
/// An abstract holds several name occurrences (overlapping ones and names pruned later
/// included), so they are packed as variable-length integers: the pattern, and the start as a
/// difference from the previous occurrence's; the end is the start plus the name's length
/// unless the text differs from the name (a name wrapped across lines), which is kept aside
/// with its text. Context judgements that differ from the default take one more byte. Title and
/// author–year references and `Long Form (NAME)` expansions, which few abstracts have, are kept
/// aside. About four bytes an occurrence, in `ChunkedBytes`, so memory grows smoothly with the
/// corpus.
///
/// Every field of `AbstractScan` and its `NameOccurrence` must be packed and restored here;
/// `PackedScansTests` checks the field lists so that a new field cannot be dropped silently.
public struct PackedScans: Sendable {
    /// The context judgements of `AbstractScan.NameOccurrence`, packed in one byte that follows
    /// the occurrence's pattern when any differs from the default (the pattern's low bit says).
    private struct Context: Sendable, Equatable {
        var use: NameContext.Use
        var insideLongForm: Bool
        var topicAgrees: Bool
        var afterEstablishedModifier: Bool

        init(_ occurrence: AbstractScan.NameOccurrence) {
            use = occurrence.use
            insideLongForm = occurrence.insideLongForm
            topicAgrees = occurrence.topicAgrees
            afterEstablishedModifier = occurrence.afterEstablishedModifier
        }

        static let unremarkable = Context(
            AbstractScan.NameOccurrence(pattern: 0, start: 0, end: 0, text: "", definedAs: nil))

        var byte: UInt8 {
            let head: UInt8
            switch use.head {
            case nil: head = 0
            case .data: head = 1
            case .measure: head = 2
            case .device: head = 3
            }
            return head | (use.inEnumeration ? 4 : 0) | (insideLongForm ? 8 : 0) | (topicAgrees ? 16 : 0)
                | (afterEstablishedModifier ? 32 : 0)
        }

        static func apply(_ byte: UInt8, to occurrence: inout AbstractScan.NameOccurrence) {
            let heads: [NameContext.Head?] = [nil, .data, .measure, .device]
            occurrence.use = NameContext.Use(head: heads[Int(byte & 3)], inEnumeration: byte & 4 != 0)
            occurrence.insideLongForm = byte & 8 != 0
            occurrence.topicAgrees = byte & 16 != 0
            occurrence.afterEstablishedModifier = byte & 32 != 0
        }
    }

    /// Citing position of each packed scan, ascending. Thirty-two bits: positions index papers
    /// held in memory, and four billion of them would not fit anyway.
    private var citings: [UInt32] = []
    /// Where each scan's bytes are in `bytes`.
    private var locations: [UInt64] = []
    private var bytes = ChunkedBytes()
    /// (scan, occurrence) → text and length, when the text is not the name's own.
    private var texts: [Int: [Int: (text: String, end: Int)]] = [:]
    /// (scan, occurrence) → `definedAs`.
    private var definitions: [Int: [Int: String]] = [:]
    /// Scan → title and author–year references.
    private var fixed: [Int: [ReferenceHit]] = [:]
    /// Name lengths in scalars, by pattern, from the matcher the scans came from.
    private let nameLengths: [Int32]
    private var encoded: [UInt8] = []

    /// `matcher`: the one that collects the scans.
    public init(matcher: ReferenceMatcher) {
        nameLengths = matcher.names.map { Int32(clamping: $0.name.unicodeScalars.count) }
    }

    /// Number of scans kept.
    public var count: Int { citings.count }

    /// Bytes held by the packed occurrences and per-scan arrays (capacity).
    public var memoryFootprint: Int {
        citings.capacity * 4 + locations.capacity * 8 + bytes.memoryFootprint
    }

    /// Keeps `scan`, the scan of paper `citing`'s abstract; empty scans are not kept. Scans must
    /// come in ascending `citing` order. `matcher` is the one that collected it.
    public mutating func append(_ scan: AbstractScan, citing: Int, matcher: ReferenceMatcher) {
        guard !scan.isEmpty else { return }
        let index = citings.count
        citings.append(UInt32(clamping: citing))
        if !scan.fixed.isEmpty { fixed[index] = scan.fixed }
        encoded.removeAll(keepingCapacity: true)
        Varint.append(UInt64(scan.names.count), to: &encoded)
        var previousStart = 0
        for (slot, occurrence) in scan.names.enumerated() {
            let context = Context(occurrence)
            let remarkable = context != .unremarkable
            Varint.append(UInt64(UInt32(bitPattern: occurrence.pattern)) << 1 | (remarkable ? 1 : 0), to: &encoded)
            if remarkable { encoded.append(context.byte) }
            Varint.append(Self.zigzag(occurrence.start - previousStart), to: &encoded)
            previousStart = occurrence.start
            let name = matcher.names[Int(occurrence.pattern)].name
            if occurrence.text != name || occurrence.end - occurrence.start != Int(nameLengths[Int(occurrence.pattern)]) {
                texts[index, default: [:]][slot] = (occurrence.text, occurrence.end)
            }
            if let definedAs = occurrence.definedAs { definitions[index, default: [:]][slot] = definedAs }
        }
        locations.append(bytes.append(encoded))
    }

    /// The citing position of scan `index`.
    public func citing(at index: Int) -> Int { Int(citings[index]) }

    /// Scan `index` as it was appended.
    public func scan(at index: Int, matcher: ReferenceMatcher) -> AbstractScan {
        var scan = AbstractScan()
        scan.fixed = fixed[index] ?? []
        let texts = self.texts[index]
        let definitions = self.definitions[index]
        // Only the names: a closure that captured the whole matcher would copy it per scan.
        let names = matcher.names
        decode(index) { slot, pattern, context, start in
            let name = names[Int(pattern)].name
            let written = texts?[slot]
            var restored = AbstractScan.NameOccurrence(
                pattern: pattern, start: start, end: written?.end ?? start + Int(nameLengths[Int(pattern)]),
                text: written?.text ?? name, definedAs: definitions?[slot])
            if let context { Context.apply(context, to: &restored) }
            scan.names.append(restored)
        }
        return scan
    }

    /// Per kept scan with names, its citing position and the distinct names it uses
    /// (`AbstractScan.usedNames`), for `ReferenceMatcher.pruningEstablishedNames(uses:)`.
    public var uses: some Sequence<(citing: Int, names: [Int32])> {
        let packed = self
        return (0..<count).lazy.map { index -> (citing: Int, names: [Int32]) in
            var patterns: [Int32] = []
            packed.decode(index) { _, pattern, _, _ in patterns.append(pattern) }
            return (packed.citing(at: index), Set(patterns).sorted())
        }.filter { !$0.names.isEmpty }
    }

    private func decode(
        _ index: Int, _ body: (_ slot: Int, _ pattern: Int32, _ context: UInt8?, _ start: Int) -> Void
    ) {
        bytes.read(locations[index]) { bytes, cursor in
            let count = Int(Varint.read(bytes, &cursor))
            var start = 0
            for slot in 0..<count {
                let tagged = Varint.read(bytes, &cursor)
                let pattern = Int32(bitPattern: UInt32(truncatingIfNeeded: tagged >> 1))
                var context: UInt8?
                if tagged & 1 == 1 {
                    context = bytes[cursor]
                    cursor += 1
                }
                start += Self.unzigzag(Varint.read(bytes, &cursor))
                body(slot, pattern, context, start)
            }
        }
    }

    private static func zigzag(_ value: Int) -> UInt64 {
        UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
    }

    private static func unzigzag(_ value: UInt64) -> Int {
        Int(truncatingIfNeeded: Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
    }
}
