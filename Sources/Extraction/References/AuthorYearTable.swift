/// Papers by hashed author–year key (`ReferenceMatcher.authorYearKey`), as one sorted array:
/// sixteen bytes per paper, where a dictionary of per-key groups costs well over a hundred per
/// distinct key. A lookup counts its key's papers into an `AuthorYearGroup` on the spot; keys are
/// a surname and a year, so a key holds a handful of papers.
struct AuthorYearTable: Sendable {
    fileprivate struct Entry: Sendable {
        var key: UInt64
        var paper: Int32
        var authorCount: Int32
    }

    private var entries: [Entry] = []

    init() {}

    /// Adds papers in any order; `build` sorts them.
    struct Builder {
        fileprivate var entries: [Entry] = []

        mutating func add(_ key: UInt64, paper: Int32, authorCount: Int) {
            entries.append(Entry(key: key, paper: paper, authorCount: Int32(clamping: authorCount)))
        }

        func build() -> AuthorYearTable {
            var table = AuthorYearTable()
            // Papers in ascending order within a key, as a group built paper by paper would see them.
            table.entries = entries.sorted { ($0.key, $0.paper) < ($1.key, $1.paper) }
            return table
        }
    }

    subscript(key: UInt64) -> ReferenceMatcher.AuthorYearGroup? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        guard low < entries.count, entries[low].key == key else { return nil }
        var group = ReferenceMatcher.AuthorYearGroup()
        while low < entries.count && entries[low].key == key {
            group.add(entries[low].paper, authorCount: Int(entries[low].authorCount))
            low += 1
        }
        return group
    }
}
