/// The `AbstractScan`s of many abstracts, kept between `ReferenceScanner.collect` and
/// `ReferenceMatcher.resolve` so that a store scans each abstract once: pruning established
/// names needs every abstract's uses before any abstract's names can be chosen.
///
/// A scan costs about twelve bytes per name occurrence here, against a hundred or more as
/// `AbstractScan` values: an occurrence is its pattern and offsets, its text is the name itself
/// (kept aside only in the rare case it differs, a name wrapped across a line), and title and
/// author–year references and `Long Form (NAME)` expansions, which few abstracts have, are kept
/// aside too.
///
/// Every field of `AbstractScan` and its `NameOccurrence` must be packed and restored here;
/// `PackedScansTests` checks the field lists so that a new field cannot be dropped silently.
public struct PackedScans: Sendable {
    private struct Occurrence: Sendable {
        var pattern: Int32
        var start: Int32
        var end: Int32
    }

    /// The context fields of `AbstractScan.NameOccurrence`, kept aside like `definedAs`.
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
    }

    /// Citing position of each packed scan, ascending.
    private var citings: [Int] = []
    /// End of each scan's occurrences in `occurrences`.
    private var ends: [Int] = []
    private var occurrences: [Occurrence] = []
    /// Occurrence index → its text, when not the name's own.
    private var texts: [Int: String] = [:]
    /// Occurrence index → `definedAs`.
    private var definitions: [Int: String] = [:]
    /// Occurrence index → its context judgements, when any differs from the default (most do not).
    private var contexts: [Int: Context] = [:]
    /// Scan index → title and author–year references.
    private var fixed: [Int: [ReferenceHit]] = [:]
    /// Scans whose offsets do not fit 32 bits (an abstract of gigabytes), kept whole.
    private var unpacked: [Int: AbstractScan] = [:]

    public init() {}

    /// Number of scans kept.
    public var count: Int { citings.count }

    /// Keeps `scan`, the scan of paper `citing`'s abstract; empty scans are not kept. Scans must
    /// come in ascending `citing` order. `matcher` is the one that collected it.
    public mutating func append(_ scan: AbstractScan, citing: Int, matcher: ReferenceMatcher) {
        guard !scan.isEmpty else { return }
        let index = citings.count
        citings.append(citing)
        if !scan.fixed.isEmpty { fixed[index] = scan.fixed }
        let fits = scan.names.allSatisfy { $0.end <= Int(Int32.max) }
        if !fits {
            unpacked[index] = scan
        } else {
            for occurrence in scan.names {
                let slot = occurrences.count
                occurrences.append(Occurrence(
                    pattern: occurrence.pattern, start: Int32(occurrence.start), end: Int32(occurrence.end)))
                if occurrence.text != matcher.names[Int(occurrence.pattern)].name { texts[slot] = occurrence.text }
                if let definedAs = occurrence.definedAs { definitions[slot] = definedAs }
                let context = Context(occurrence)
                if context != .unremarkable { contexts[slot] = context }
            }
        }
        ends.append(occurrences.count)
    }

    /// The citing position of scan `index`.
    public func citing(at index: Int) -> Int { citings[index] }

    /// Scan `index` as it was appended.
    public func scan(at index: Int, matcher: ReferenceMatcher) -> AbstractScan {
        if let scan = unpacked[index] { return scan }
        var scan = AbstractScan()
        scan.fixed = fixed[index] ?? []
        let first = index == 0 ? 0 : ends[index - 1]
        for slot in first..<ends[index] {
            let occurrence = occurrences[slot]
            var restored = AbstractScan.NameOccurrence(
                pattern: occurrence.pattern, start: Int(occurrence.start), end: Int(occurrence.end),
                text: texts[slot] ?? matcher.names[Int(occurrence.pattern)].name, definedAs: definitions[slot])
            if let context = contexts[slot] {
                restored.use = context.use
                restored.insideLongForm = context.insideLongForm
                restored.topicAgrees = context.topicAgrees
                restored.afterEstablishedModifier = context.afterEstablishedModifier
            }
            scan.names.append(restored)
        }
        return scan
    }

    /// Per kept scan, its citing position and the distinct names it uses (`AbstractScan.usedNames`),
    /// for `ReferenceMatcher.pruningEstablishedNames(uses:)`.
    public var uses: LazyMapSequence<LazyFilterSequence<Range<Int>>, (citing: Int, names: [Int32])> {
        let occurrences = occurrences
        let ends = ends
        let citings = citings
        let unpacked = unpacked
        return (0..<count).lazy.filter { index in
            if let scan = unpacked[index] { return !scan.names.isEmpty }
            return (index == 0 ? 0 : ends[index - 1]) < ends[index]
        }.map { index in
            if let scan = unpacked[index] { return (citings[index], scan.usedNames) }
            let first = index == 0 ? 0 : ends[index - 1]
            let patterns = occurrences[first..<ends[index]].map(\.pattern)
            return (citings[index], Set(patterns).sorted())
        }
    }
}
