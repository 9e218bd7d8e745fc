import Foundation
import GRDB

/// Secondary indexes set aside while a large batch of rows goes in, and built again afterwards.
///
/// An index whose keys arrive in random order (titles, target ids of mentions) costs a random
/// page per inserted row once it outgrows the page cache, and the rows being written push it out
/// of the cache all the time; built afterwards, it costs one sort. Indexes whose keys follow the
/// input order (arXiv ids, dates) or take a handful of values are cheap to keep up to date and
/// would each cost a scan of their whole table to rebuild, so they stay.
///
/// Everything happens inside the caller's transaction: a failed or killed run rolls back to the
/// original indexes, and each index is recreated from its own stored SQL, so the schema
/// afterwards is the one before.
struct SecondaryIndexes {
    private struct Definition {
        var name: String
        var sql: String
    }

    /// Dropped, in their original order.
    private var dropped: [Definition] = []

    var isEmpty: Bool { dropped.isEmpty }

    func isDropped(_ name: String) -> Bool { dropped.contains { $0.name == name } }

    /// Drops those of `names` that exist (indexes backing UNIQUE or PRIMARY KEY constraints have
    /// no SQL of their own and are never touched).
    mutating func drop(_ db: Database, names: Set<String>) throws {
        let rows = try Row.fetchAll(
            db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid")
        for row in rows {
            let definition = Definition(name: row[0], sql: row[1])
            guard names.contains(definition.name), !isDropped(definition.name) else { continue }
            try db.execute(sql: "DROP INDEX \(definition.name.quotedDatabaseIdentifier)")
            dropped.append(definition)
        }
    }

    /// Builds the dropped indexes among `names` (all of them when nil) again.
    mutating func restore(_ db: Database, names: Set<String>? = nil) throws {
        var remaining: [Definition] = []
        for definition in dropped {
            if let names, !names.contains(definition.name) {
                remaining.append(definition)
                continue
            }
            try db.execute(sql: definition.sql)
        }
        dropped = remaining
    }
}

/// Approximate set of 64-bit key hashes: `mayContain` is never wrong when it says no, and says
/// yes for an absent key about once in a few hundred lookups. Lets the writer skip a database
/// lookup for nearly every new paper while costing two bytes per paper, where an exact map from
/// hash to row id costs twenty or more.
///
/// Blocked layout: a key sets seven bits of one 512-bit block, so a lookup touches one cache line
/// per segment. The set grows by adding segments of twice the size of the last one, since the
/// number of keys is not known in advance.
struct KeyFilter {
    private struct Segment {
        var words: [UInt64]
        var capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            let blocks = max(1, capacity * KeyFilter.bitsPerKey / 512)
            words = [UInt64](repeating: 0, count: blocks * 8)
        }

        @inline(__always)
        func positions(_ hash: UInt64) -> (block: Int, bits: UInt64) {
            let mixed = KeyFilter.mix(hash)
            let blocks = UInt64(words.count / 8)
            let block = Int(mixed.multipliedFullWidth(by: blocks).high)
            return (block, KeyFilter.mix(hash ^ 0x5851_F42D_4C95_7F2D))
        }

        mutating func insert(_ hash: UInt64) {
            let (block, bits) = positions(hash)
            words.withUnsafeMutableBufferPointer { words in
                for probe in 0..<KeyFilter.bitsPerInsert {
                    let bit = Int(truncatingIfNeeded: bits >> UInt64(9 * probe)) & 511
                    words[block * 8 + bit >> 6] |= 1 << UInt64(bit & 63)
                }
            }
            count += 1
        }

        func mayContain(_ hash: UInt64) -> Bool {
            let (block, bits) = positions(hash)
            return words.withUnsafeBufferPointer { words in
                for probe in 0..<KeyFilter.bitsPerInsert {
                    let bit = Int(truncatingIfNeeded: bits >> UInt64(9 * probe)) & 511
                    if words[block * 8 + bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
                }
                return true
            }
        }
    }

    static let bitsPerKey = 16
    static let bitsPerInsert = 7
    private static let firstCapacity = 1 << 14

    private var segments: [Segment] = []

    mutating func insert(_ hash: UInt64) {
        if segments.isEmpty || segments[segments.count - 1].count >= segments[segments.count - 1].capacity {
            segments.append(Segment(capacity: segments.last.map { $0.capacity * 2 } ?? Self.firstCapacity))
        }
        segments[segments.count - 1].insert(hash)
    }

    func mayContain(_ hash: UInt64) -> Bool {
        segments.contains { $0.mayContain(hash) }
    }

    /// splitmix64's finaliser: spreads FNV's weak low bits over the whole word.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Asks the kernel to start writing a file's dirty pages to disk now, without waiting.
///
/// A large ingest leaves hundreds of megabytes in the page cache that the commit's fsync then
/// writes while everything else waits. Started early and often, the disk writes them while the
/// ingest goes on computing, and the commit finds little left to do. Durability is unchanged:
/// the commit still syncs. Linux only (`sync_file_range`); elsewhere nothing happens.
final class BackgroundWriteback {
    private let descriptor: Int32

    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32
    private static let syncFileRange: SyncFileRange? = {
        #if os(Linux)
        guard let symbol = dlsym(nil, "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: SyncFileRange.self)
        #else
        return nil
        #endif
    }()
    /// SYNC_FILE_RANGE_WRITE: start writeback of dirty pages, do not wait for it.
    private static let startWrite: UInt32 = 2

    init?(path: String) {
        guard Self.syncFileRange != nil else { return nil }
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    func start() {
        _ = Self.syncFileRange?(descriptor, 0, 0, Self.startWrite)
    }
}

/// glibc heap settings for a long ingest. The default malloc raises its mmap threshold each time
/// a large block is freed, so later large arrays (the growing buffers of an index over a million
/// papers) come from the heap, and the heap keeps the memory after they are freed: peak RSS then
/// grows with every phase. Large blocks always mapped, and free memory handed back between
/// phases, keep RSS to what is actually in use. Linux/glibc only; elsewhere nothing happens.
enum HeapTuning {
    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    private typealias MallocTrim = @convention(c) (Int) -> Int32

    private static let mallopt: Mallopt? = symbol("mallopt")
    private static let mallocTrim: MallocTrim? = symbol("malloc_trim")

    private static func symbol<T>(_ name: String) -> T? {
        #if os(Linux)
        guard let address = dlsym(nil, name) else { return nil }
        return unsafeBitCast(address, to: T.self)
        #else
        return nil
        #endif
    }

    /// M_MMAP_THRESHOLD fixed at 256 KiB (setting it also stops glibc from moving it).
    static func prepare() {
        _ = mallopt?(-3, 256 << 10)
    }

    /// Returns free heap memory to the system (`malloc_trim`).
    static func releaseFreeMemory() {
        _ = mallocTrim?(0)
    }
}
