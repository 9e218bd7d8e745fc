/// An append-only array kept in fixed-size chunks. A plain array that grows to millions of
/// entries doubles its buffer, copying everything, so it briefly holds three times its size and
/// keeps up to twice: for the reference index's per-claim tables at a million papers that was
/// tens of megabytes of peak memory. Chunks never move.
struct ChunkedArray<Element>: RandomAccessCollection {
    @inline(__always) private static var chunkBits: Int { 15 }
    @inline(__always) private static var chunkMask: Int { (1 << chunkBits) - 1 }

    private var chunks: [[Element]] = []
    private(set) var count = 0

    init() {}

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> Element {
        chunks[position >> Self.chunkBits][position & Self.chunkMask]
    }

    mutating func append(_ element: Element) {
        if count & Self.chunkMask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(1 << Self.chunkBits)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
