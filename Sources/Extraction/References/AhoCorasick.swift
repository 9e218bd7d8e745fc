/// An Aho–Corasick automaton over UTF-8 bytes: finds every occurrence of every pattern in one
/// left-to-right pass, whatever the number of patterns. Patterns are matched literally, byte for
/// byte, so names such as `C++`, `A*` or `(α,β)-Net` need no escaping.
///
/// Nodes are stored breadth-first in flat arrays, with each node's children contiguous and
/// sorted by byte, so a million-pattern dictionary costs a handful of bytes per trie node instead
/// of a dictionary per node.
public struct AhoCorasick: Sendable {
    /// Child of the root for each byte (0 = none): the root is where scanning spends most of its time.
    private let rootNext: [Int32]
    /// Per node `n`, two entries: at `2n` where its children start, at `2n + 1` the pattern
    /// that ends there or -1; children of `n` are nodes `nodes[2n] ..< nodes[2n + 2]` (a last
    /// pair closes the list). Interleaved rather than two arrays since both are read at every
    /// step of a walk, and deep in the trie each array costs a cache miss of its own.
    private let nodes: [Int32]
    /// The byte on the edge into each node, followed by eight zero bytes so that eight labels
    /// can be read at once from any node's first child.
    private let label: [UInt8]
    private let failure: [Int32]
    /// The nearest node on the failure chain (excluding the node itself) where a pattern ends, or -1.
    private let outputLink: [Int32]
    /// Length in bytes of each pattern.
    public let patternLengths: [Int32]
    /// Which kinds of byte some pattern starts with, as lanes of `ByteLanes` masks: word starts
    /// of the other kinds cannot begin an occurrence, so they are not walked from.
    private let startKinds: StartKinds

    public var patternCount: Int { patternLengths.count }
    public var nodeCount: Int { failure.count }

    /// Bytes held by the automaton's tables.
    public var memoryFootprint: Int {
        rootNext.count * 4 + nodes.count * 4 + label.count + failure.count * 4
            + outputLink.count * 4 + patternLengths.count * 4
    }

    /// Builds the automaton. Pattern `i` is reported as `i`; an empty pattern never matches, and
    /// when the same bytes appear twice only the lower index is reported.
    public init(patterns: [String]) {
        var flat: [UInt8] = []
        var starts: [Int32] = [0]
        starts.reserveCapacity(patterns.count + 1)
        for pattern in patterns {
            flat.append(contentsOf: pattern.utf8)
            starts.append(Int32(flat.count))
        }
        self.init(flat: flat, starts: starts)
    }

    /// Builds from patterns laid end to end in `flat`; pattern `i` is `flat[starts[i] ..< starts[i + 1]]`.
    init(flat: [UInt8], starts: [Int32]) {
        let count = starts.count - 1
        var lengths = [Int32](repeating: 0, count: count)
        for index in 0..<count { lengths[index] = starts[index + 1] - starts[index] }
        patternLengths = lengths

        // Sorting the patterns makes every trie node a contiguous range of them, so the trie can
        // be laid out breadth-first without per-node maps. The first eight bytes, packed
        // big-endian, decide most comparisons without touching the pattern bytes.
        var keyed: [(key: UInt64, pattern: Int32)] = []
        keyed.reserveCapacity(count)
        flat.withUnsafeBufferPointer { bytes in
            for pattern in 0..<count {
                let start = Int(starts[pattern])
                var key: UInt64 = 0
                for offset in 0..<8 {
                    key <<= 8
                    if offset < Int(lengths[pattern]) { key |= UInt64(bytes[start + offset]) }
                }
                keyed.append((key, Int32(pattern)))
            }
            starts.withUnsafeBufferPointer { starts in
                lengths.withUnsafeBufferPointer { lengths in
                    keyed.sort { left, right in
                        if left.key != right.key { return left.key < right.key }
                        let leftStart = Int(starts[Int(left.pattern)])
                        let rightStart = Int(starts[Int(right.pattern)])
                        let leftLength = Int(lengths[Int(left.pattern)])
                        let rightLength = Int(lengths[Int(right.pattern)])
                        var offset = 8
                        while offset < leftLength && offset < rightLength {
                            let a = bytes[leftStart + offset]
                            let b = bytes[rightStart + offset]
                            if a != b { return a < b }
                            offset += 1
                        }
                        if leftLength != rightLength { return leftLength < rightLength }
                        return left.pattern < right.pattern
                    }
                }
            }
        }
        // Lay the patterns out again in sorted order, so building reads memory sequentially.
        var sortedBytes: [UInt8] = []
        sortedBytes.reserveCapacity(flat.count)
        var sortedStarts: [Int32] = []
        sortedStarts.reserveCapacity(count)
        var sortedLengths: [Int32] = []
        sortedLengths.reserveCapacity(count)
        for (_, pattern) in keyed {
            sortedStarts.append(Int32(sortedBytes.count))
            sortedLengths.append(lengths[Int(pattern)])
            sortedBytes.append(contentsOf: flat[Int(starts[Int(pattern)])..<Int(starts[Int(pattern) + 1])])
        }
        let sortedPatterns = keyed.map(\.pattern)
        keyed = []

        var rootNext = [Int32](repeating: 0, count: 256)
        var childStart: [Int32] = []
        var label: [UInt8] = [0]
        var failure: [Int32] = [0]
        var terminal: [Int32] = [-1]
        // Per-node range of sorted patterns and depth; only needed while building.
        var rangeLow: [Int32] = [0]
        var rangeHigh: [Int32] = [Int32(count)]
        var depth: [Int32] = [0]

        sortedBytes.withUnsafeBufferPointer { bytes in
            func child(_ node: Int32, _ byte: UInt8) -> Int32 {
                if node == 0 { return rootNext[Int(byte)] }
                var index = Int(childStart[Int(node)])
                let end = Int(childStart[Int(node) + 1])
                while index < end {
                    let edge = label[index]
                    if edge == byte { return Int32(index) }
                    if edge > byte { return 0 }
                    index += 1
                }
                return 0
            }

            var node = 0
            while node < label.count {
                childStart.append(Int32(label.count))
                let low = Int(rangeLow[node])
                let high = Int(rangeHigh[node])
                let nodeDepth = Int(depth[node])
                var cursor = low
                while cursor < high && Int(sortedLengths[cursor]) == nodeDepth {
                    if terminal[node] < 0 && node != 0 { terminal[node] = sortedPatterns[cursor] }
                    cursor += 1
                }
                while cursor < high {
                    let byte = bytes[Int(sortedStarts[cursor]) + nodeDepth]
                    var groupEnd = cursor + 1
                    while groupEnd < high && bytes[Int(sortedStarts[groupEnd]) + nodeDepth] == byte {
                        groupEnd += 1
                    }
                    let newNode = Int32(label.count)
                    var fail: Int32 = 0
                    if node != 0 {
                        var state = failure[node]
                        while true {
                            let next = child(state, byte)
                            if next != 0 {
                                fail = next
                                break
                            }
                            if state == 0 { break }
                            state = failure[Int(state)]
                        }
                    }
                    label.append(byte)
                    failure.append(fail)
                    terminal.append(-1)
                    rangeLow.append(Int32(cursor))
                    rangeHigh.append(Int32(groupEnd))
                    depth.append(Int32(nodeDepth + 1))
                    if node == 0 { rootNext[Int(byte)] = newNode }
                    cursor = groupEnd
                }
                node += 1
            }
            childStart.append(Int32(label.count))
        }
        // A node's terminal is only known once the node is expanded, which can come after a
        // deeper node took it as failure target, so output links are filled in a second sweep;
        // breadth-first order guarantees a failure target is finished before its dependants.
        var outputLink = [Int32](repeating: -1, count: label.count)
        for node in 1..<max(1, label.count) {
            let fail = Int(failure[node])
            outputLink[node] = terminal[fail] >= 0 ? Int32(fail) : outputLink[fail]
        }
        startKinds = StartKinds(rootNext: rootNext)
        self.rootNext = rootNext
        var nodes = [Int32](repeating: -1, count: 2 * childStart.count)
        for node in childStart.indices { nodes[2 * node] = childStart[node] }
        for node in terminal.indices { nodes[2 * node + 1] = terminal[node] }
        self.nodes = nodes
        self.label = label + [UInt8](repeating: 0, count: 8)
        self.failure = failure
        self.outputLink = outputLink
    }

    /// Calls `body(pattern, start, end)` for every occurrence, in order of `end` (byte offsets).
    /// Line breaks in the text match a space in a pattern, so a name wrapped across lines is found.
    public func forEachMatch(in text: UnsafeBufferPointer<UInt8>, _ body: (_ pattern: Int, _ start: Int, _ end: Int) -> Void) {
        guard !patternLengths.isEmpty else { return }
        rootNext.withUnsafeBufferPointer { rootNext in
            nodes.withUnsafeBufferPointer { nodes in
                label.withUnsafeBufferPointer { label in
                    failure.withUnsafeBufferPointer { failure in
                        outputLink.withUnsafeBufferPointer { outputLink in
                            patternLengths.withUnsafeBufferPointer { patternLengths in
                                var node = 0
                                for position in 0..<text.count {
                                    var byte = text[position]
                                    if byte == 0x0A || byte == 0x0D || byte == 0x09 { byte = 0x20 }
                                    while true {
                                        if node == 0 {
                                            node = Int(rootNext[Int(byte)])
                                            break
                                        }
                                        var index = Int(nodes[2 * node])
                                        let end = Int(nodes[2 * node + 2])
                                        var found = 0
                                        while index < end {
                                            let edge = label[index]
                                            if edge >= byte {
                                                if edge == byte { found = index }
                                                break
                                            }
                                            index += 1
                                        }
                                        if found != 0 {
                                            node = found
                                            break
                                        }
                                        node = Int(failure[node])
                                    }
                                    if node == 0 { continue }
                                    var output = nodes[2 * node + 1] >= 0 ? node : Int(outputLink[node])
                                    while output > 0 {
                                        let pattern = Int(nodes[2 * output + 1])
                                        let end = position + 1
                                        body(pattern, end - Int(patternLengths[pattern]), end)
                                        output = Int(outputLink[output])
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The occurrences `forEachMatch` finds that start at a position where a word cannot be going
    /// on: the start of the text, a byte that is not an ASCII letter or digit, or one right after
    /// such a byte. An occurrence that starts inside an ASCII word (`Q|LoRA`) is not reported; a
    /// name that starts with a letter or digit must not continue a word anyway (`NameBoundary`).
    ///
    /// Rather than running the automaton over every byte, it walks the trie from each such
    /// position, found eight bytes at a time: in prose most bytes are inside words, and most
    /// walks stop at the root. Positions whose kind of byte (`StartKinds`) no pattern starts
    /// with are not walked from at all. Reported in order of start, then end.
    public func forEachMatch(atWordStartsIn text: UnsafeBufferPointer<UInt8>, _ body: (_ pattern: Int, _ start: Int, _ end: Int) -> Void) {
        guard let base = text.baseAddress, !patternLengths.isEmpty else { return }
        let count = text.count
        let kinds = startKinds
        rootNext.withUnsafeBufferPointer { rootNext in
            nodes.withUnsafeBufferPointer { nodes in
                label.withUnsafeBufferPointer { label in
                    guard let labels = label.baseAddress else { return }
                    let rawLabels = UnsafeRawPointer(labels)
                    @inline(__always) func mapped(_ byte: UInt8) -> UInt8 {
                        byte == 0x0A || byte == 0x0D || byte == 0x09 ? 0x20 : byte
                    }
                    @inline(__always) func walk(from start: Int) {
                        var node = Int(rootNext[Int(mapped(base[start]))])
                        guard node != 0 else { return }
                        var position = start
                        while true {
                            let pattern = nodes[2 * node + 1]
                            if pattern >= 0 { body(Int(pattern), start, position + 1) }
                            position += 1
                            guard position < count else { return }
                            // The child labelled `byte`, eight sibling labels per step: nodes
                            // near the root have dozens of children, and comparing them one
                            // by one cost a mispredicted branch at a different place each time.
                            let byte = mapped(base[position])
                            var index = Int(nodes[2 * node])
                            let end = Int(nodes[2 * node + 2])
                            node = 0
                            while index < end {
                                var equal = ByteLanes.equal(ByteLanes.load(rawLabels, index), byte)
                                let remaining = end - index
                                if remaining < 8 { equal &= (1 << (8 * UInt64(remaining))) - 1 }
                                if equal != 0 {
                                    node = index + equal.trailingZeroBitCount >> 3
                                    break
                                }
                                index += 8
                            }
                            if node == 0 { return }
                        }
                    }
                    let raw = UnsafeRawPointer(base)
                    var previousIsAlnum: UInt64 = 0
                    var offset = 0
                    while offset + 8 <= count {
                        let block = ByteLanes.load(raw, offset)
                        let lanes = kinds.lanes(block)
                        let afterAlnum = lanes.alnum << 8 | previousIsAlnum
                        previousIsAlnum = lanes.alnum >> 56
                        var starts = ByteLanes.packHighBits(lanes.startable & ~(lanes.alnum & afterAlnum))
                        while starts != 0 {
                            walk(from: offset + starts.trailingZeroBitCount)
                            starts &= starts - 1
                        }
                        offset += 8
                    }
                    var previousWasAlnum = previousIsAlnum != 0
                    while offset < count {
                        let isAlnum = ByteClass.isAlnum(text[offset])
                        if !(isAlnum && previousWasAlnum) { walk(from: offset) }
                        previousWasAlnum = isAlnum
                        offset += 1
                    }
                }
            }
        }
    }

    /// The kinds of byte that start some pattern (after line breaks and tabs become spaces).
    /// Dictionaries of names usually start with capitals, letters and digits only, so the
    /// spaces and punctuation between words, half of all word-start positions, need no walk.
    struct StartKinds: Sendable {
        var upper = false
        var lower = false
        var digit = false
        /// ASCII bytes that are neither letters nor digits.
        var otherASCII = false
        var nonASCII = false

        init(rootNext: [Int32]) {
            for byte in 0..<256 where rootNext[byte] != 0 {
                switch byte {
                case 0x41...0x5A: upper = true
                case 0x61...0x7A: lower = true
                case 0x30...0x39: digit = true
                case 0x80...: nonASCII = true
                default: otherASCII = true
                }
            }
        }

        /// Lanes (high bit set) of one block that are ASCII letters or digits, and those of a
        /// kind some pattern starts with.
        @inline(__always)
        func lanes(_ block: UInt64) -> (alnum: UInt64, startable: UInt64) {
            let ascii = ~block & ByteLanes.high
            let upperLanes = ByteLanes.atLeast(block, 0x41) & ~ByteLanes.atLeast(block, 0x5B) & ascii
            let lowerLanes = ByteLanes.atLeast(block, 0x61) & ~ByteLanes.atLeast(block, 0x7B) & ascii
            let digitLanes = ByteLanes.atLeast(block, 0x30) & ~ByteLanes.atLeast(block, 0x3A) & ascii
            let alnum = upperLanes | lowerLanes | digitLanes
            var startable: UInt64 = 0
            if upper { startable |= upperLanes }
            if lower { startable |= lowerLanes }
            if digit { startable |= digitLanes }
            if otherASCII { startable |= ascii & ~alnum }
            if nonASCII { startable |= ~ascii & ByteLanes.high }
            return (alnum, startable)
        }
    }

    /// Every occurrence as (pattern, start, end) byte offsets; convenience for tests and small inputs.
    public func matches(in text: String) -> [(pattern: Int, start: Int, end: Int)] {
        var found: [(pattern: Int, start: Int, end: Int)] = []
        UTF8Text.withBytes(text) { bytes in
            forEachMatch(in: bytes) { found.append(($0, $1, $2)) }
        }
        return found
    }
}
