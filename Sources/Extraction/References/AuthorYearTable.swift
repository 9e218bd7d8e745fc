/// Papers by first-author surname and year, or by first and second surname and year, as a
/// citation (`Xu et al., 2019`, `Xu and Li (2020)`) names them.
///
/// The table is the papers' positions sorted by (surname, [second surname,] year): four bytes a
/// paper, where a dictionary of per-key groups costs well over a hundred bytes per key. Surnames
/// are compared as the `PaperTable`'s interned ids, so a key is exact, and a lookup counts its
/// papers into an `AuthorYearGroup` on the spot: a surname and a year hold a handful of papers.
struct AuthorYearTable: Sendable {
    private let papers: PaperTable
    /// Year of each paper's date (first four digits), or -1.
    private let years: [Int32]
    private let byPair: Bool
    private var order: [Int32] = []

    /// `pairs`: keyed by first and second surname and year; only papers with two named authors.
    init(papers: PaperTable, years: [Int32], pairs: Bool) {
        self.papers = papers
        self.years = years
        byPair = pairs
        var order: [Int32] = []
        for position in 0..<papers.count where papers.firstAuthorID(of: position) != 0 && years[position] >= 0 {
            if pairs && papers.secondAuthorID(of: position) == 0 { continue }
            order.append(Int32(position))
        }
        // Ascending positions within a key, as a group built paper by paper would see them.
        order.sort { key(Int($0)) < key(Int($1)) }
        self.order = order
    }

    private func key(_ position: Int) -> (Int32, Int32, Int32, Int) {
        (papers.firstAuthorID(of: position), byPair ? papers.secondAuthorID(of: position) : 0, years[position], position)
    }

    subscript(key: ReferenceMatcher.AuthorYearKey) -> ReferenceMatcher.AuthorYearGroup? {
        guard byPair == (key.second != nil), let first = papers.valueID(key.surname) else { return nil }
        var second: Int32 = 0
        if let name = key.second {
            guard let id = papers.valueID(name) else { return nil }
            second = id
        }
        let wanted = (first, second, Int32(clamping: key.year))
        var low = 0
        var high = order.count
        while low < high {
            let middle = (low + high) / 2
            let found = self.key(Int(order[middle]))
            if (found.0, found.1, found.2) < wanted { low = middle + 1 } else { high = middle }
        }
        var group: ReferenceMatcher.AuthorYearGroup?
        while low < order.count {
            let position = Int(order[low])
            let found = self.key(position)
            guard (found.0, found.1, found.2) == wanted else { break }
            if group == nil { group = ReferenceMatcher.AuthorYearGroup() }
            group?.add(Int32(position), authorCount: papers.authorCount(of: position))
            low += 1
        }
        return group
    }
}
