/// The claims of a reference index, packed as bytes while the index grows: the paper, tier and
/// shape, the name and its expansion, each claim a few dozen bytes in `ChunkedBytes`. Held as
/// `Claim` values they took a fixed-size slot each plus a heap string per expansion, which over
/// a million papers was the largest part of the index at the end of a load. Read back in the
/// order added, once, when the index is compiled.
struct PackedClaims: Sendable {
    private var bytes = ChunkedBytes()
    private var locations = ChunkedArray<UInt64>()
    private var encoded: [UInt8] = []

    var count: Int { locations.count }

    mutating func append(_ claim: ReferenceIndex.Claim) {
        encoded.removeAll(keepingCapacity: true)
        Varint.append(UInt64(UInt32(clamping: claim.paper)), to: &encoded)
        encoded.append(UInt8(clamping: claim.tier) << 1 | (claim.shape == .plainWord ? 1 : 0))
        Self.append(claim.name, to: &encoded)
        if let expansion = claim.expansion {
            encoded.append(1)
            Self.append(expansion, to: &encoded)
        } else {
            encoded.append(0)
        }
        locations.append(bytes.append(encoded))
    }

    /// Calls `body` with every claim, in the order added.
    func forEach(_ body: (ReferenceIndex.Claim) throws -> Void) rethrows {
        for location in locations {
            let claim = bytes.read(location) { bytes, cursor -> ReferenceIndex.Claim in
                let paper = Int(Varint.read(bytes, &cursor))
                let flags = bytes[cursor]
                cursor += 1
                let name = Self.string(bytes, &cursor)
                let hasExpansion = bytes[cursor] == 1
                cursor += 1
                return ReferenceIndex.Claim(
                    name: name, paper: paper, tier: Int(flags >> 1), shape: flags & 1 == 1 ? .plainWord : .distinctive,
                    expansion: hasExpansion ? Self.string(bytes, &cursor) : nil)
            }
            try body(claim)
        }
    }

    private static func append(_ text: String, to encoded: inout [UInt8]) {
        let utf8 = text.utf8
        Varint.append(UInt64(utf8.count), to: &encoded)
        encoded.append(contentsOf: utf8)
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) -> String {
        let length = Int(Varint.read(bytes, &cursor))
        defer { cursor += length }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor..<(cursor + length)]), as: UTF8.self)
    }
}
