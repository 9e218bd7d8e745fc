/// Which part of the stored graph to load.
///
/// Filters apply in this order: node kinds, paper dates and categories, then `minDegree`.
/// A link target becomes a node only when a kept paper mentions it (an owner also when a kept
/// repo belongs to it), so date or category filters also drop the targets only other papers use.
/// With `.paper` excluded from `kinds` no paper is kept and the graph is the repo→owner graph
/// of every repo in the store.
public struct GraphFilter: Sendable, Hashable {
    /// Node kinds to keep; edges need both ends kept. Default: every kind.
    public var kinds: Set<NodeKind>
    /// Keep papers dated on or after this (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive).
    /// Papers without a date are dropped when `since` or `until` is set.
    public var since: String?
    /// Keep papers dated on or before this (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive:
    /// `until: "2025-03"` keeps all of March 2025).
    public var until: String?
    /// Keep papers listing any of these arXiv categories (exact match, e.g. `cs.CL`).
    /// Empty keeps every paper; papers without categories are dropped when non-empty.
    public var categories: [String]
    /// After the other filters, drop nodes whose total degree (in + out edges) is below this.
    /// Applied once: nodes that fall below it because a neighbour was dropped are kept.
    public var minDegree: Int
    /// Keep only these papers (`paper.id`), e.g. the members of one topic; nil keeps every paper.
    public var paperIDs: Set<Int64>?

    public init(
        kinds: Set<NodeKind> = Set(NodeKind.allCases), since: String? = nil, until: String? = nil,
        categories: [String] = [], minDegree: Int = 0
    ) {
        self.kinds = kinds
        self.since = since
        self.until = until
        self.categories = categories
        self.minDegree = minDegree
    }

    /// Everything in the store.
    public static let all = GraphFilter()

    /// Throws when a date bound is malformed or `minDegree` is negative.
    public func validate() throws(AnalysisError) {
        for bound in [since, until] {
            if let bound, !Self.isDateBound(bound) { throw .invalidDate(bound) }
        }
        if minDegree < 0 {
            throw .invalidParameter(name: "min-degree", value: String(minDegree), reason: "must be 0 or more")
        }
    }

    var filtersPapers: Bool { since != nil || until != nil || !categories.isEmpty || paperIDs != nil }

    /// Whether a paper with this date and category list passes the date and category filters.
    func accepts(date: String?, categories paperCategories: String?) -> Bool {
        if since != nil || until != nil {
            guard let date, !date.isEmpty else { return false }
            if let since, date < since { return false }
            // Compare only as many characters as the bound has, so a month bound keeps the whole month.
            if let until, until.utf8.lexicographicallyPrecedes(date.utf8.prefix(until.utf8.count)) { return false }
        }
        if !categories.isEmpty {
            guard let paperCategories else { return false }
            let listed = paperCategories.split(separator: " ")
            guard listed.contains(where: { c in categories.contains { $0 == c } }) else { return false }
        }
        return true
    }

    static func isDateBound(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let digit = { (b: UInt8) in b >= 48 && b <= 57 }
        switch bytes.count {
        case 4: return bytes.allSatisfy(digit)
        case 7: return bytes[0..<4].allSatisfy(digit) && bytes[4] == 45 && bytes[5...].allSatisfy(digit)
        case 10:
            return bytes[0..<4].allSatisfy(digit) && bytes[4] == 45 && bytes[5..<7].allSatisfy(digit)
                && bytes[7] == 45 && bytes[8...].allSatisfy(digit)
        default: return false
        }
    }
}
