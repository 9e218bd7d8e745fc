import GRDB

/// Time bucket of a code trend.
public enum TrendGranularity: String, Sendable, Hashable, Codable, CaseIterable {
    case month
    case year

    var prefixLength: Int {
        switch self {
        case .month: 7
        case .year: 4
        }
    }
}

/// Code availability of the papers dated in one period.
public struct CodeTrendRow: Sendable, Hashable, Encodable {
    /// `YYYY-MM` or `YYYY`.
    public var period: String
    public var papers: Int
    public var released: Int
    public var promised: Int
    public var none: Int
    /// Papers without a `code_status` row (not classified by this store version).
    public var unclassified: Int
    /// Promised papers whose text already links a repository — typically "code will be at
    /// github.com/…": the link exists, so the release may since have happened.
    public var promisedWithRepoLink: Int

    public var releasedShare: Double { share(released) }
    public var promisedShare: Double { share(promised) }
    public var noneShare: Double { share(none) }

    func share(_ count: Int) -> Double { papers > 0 ? Double(count) / Double(papers) : 0 }

    private enum CodingKeys: String, CodingKey {
        case period, papers, released, promised, none, unclassified, promisedWithRepoLink
        case releasedShare, promisedShare, noneShare
    }

    /// Encodes the counts and the three shares, so JSON output needs no post-processing.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(period, forKey: .period)
        try container.encode(papers, forKey: .papers)
        try container.encode(released, forKey: .released)
        try container.encode(promised, forKey: .promised)
        try container.encode(none, forKey: .none)
        try container.encode(unclassified, forKey: .unclassified)
        try container.encode(promisedWithRepoLink, forKey: .promisedWithRepoLink)
        try container.encode(releasedShare, forKey: .releasedShare)
        try container.encode(promisedShare, forKey: .promisedShare)
        try container.encode(noneShare, forKey: .noneShare)
    }
}

/// The code trend over time.
public struct CodeTrend: Sendable, Hashable {
    /// Ascending by period; periods without papers are absent.
    public var rows: [CodeTrendRow]
    /// Matching papers without a date (left out of `rows`).
    public var undated: Int

    public var totals: CodeTrendRow {
        rows.reduce(into: CodeTrendRow(period: "total", papers: 0, released: 0, promised: 0, none: 0, unclassified: 0, promisedWithRepoLink: 0)) {
            $0.papers += $1.papers
            $0.released += $1.released
            $0.promised += $1.promised
            $0.none += $1.none
            $0.unclassified += $1.unclassified
            $0.promisedWithRepoLink += $1.promisedWithRepoLink
        }
    }
}

/// Share of papers with released / promised / no code over time, straight from SQL.
///
/// About promised→released follow-ups: the store keeps ONE row per paper key and a later
/// record of the same paper (a new listing, v2 of the abstract) overwrites the earlier one, so
/// the history "promised first, released later" is not in the database: such a paper simply
/// reads `released` now. What is detectable is reported instead: promised papers that already
/// carry a repository link (`promisedWithRepoLink`), the usual "code will be available at
/// github.com/…" case, whose repo can be checked.
public enum CodeTrends {
    /// - Parameters:
    ///   - categories: keep papers listing any of these arXiv categories (empty: all).
    ///   - since/until: inclusive date bounds like ``GraphFilter``'s.
    /// - Throws: `AnalysisError.missingTable`, `.invalidDate`, or a GRDB error.
    public static func compute(
        in reader: any DatabaseReader, granularity: TrendGranularity = .month, categories: [String] = [],
        since: String? = nil, until: String? = nil
    ) throws -> CodeTrend {
        let filter = GraphFilter(since: since, until: until, categories: categories)
        try filter.validate()
        return try reader.read { db in
            for table in ["paper", "code_status", "mention", "target"] where try !db.tableExists(table) {
                throw AnalysisError.missingTable(table)
            }
            // Three narrow scans aggregated here rather than one join: the paper scan can then
            // use the paper_by_date index instead of reading every abstract, and no correlated
            // subquery runs per paper.
            var statusOf = [Int64: CodeStatusCode]()
            let statuses = try Row.fetchCursor(db, sql: "SELECT paper_id, status FROM code_status")
            while let row = try statuses.next() {
                let status: String = row[1]
                statusOf[row[0]] = CodeStatusCode(status)
            }
            var withRepo = Set<Int64>()
            let repoPapers = try Int64.fetchCursor(
                db,
                sql: """
                    SELECT DISTINCT m.paper_id FROM target t JOIN mention m ON m.target_id = t.id
                    WHERE t.kind = 'repo'
                    """)
            while let id = try repoPapers.next() { withRepo.insert(id) }

            let length = granularity.prefixLength
            var rowsByPeriod = [String: CodeTrendRow]()
            var undated = 0
            let sql = categories.isEmpty ? "SELECT id, date FROM paper" : "SELECT id, date, categories FROM paper"
            let papers = try Row.fetchCursor(db, sql: sql)
            while let row = try papers.next() {
                let id: Int64 = row[0]
                let date: String? = row[1]
                let paperCategories: String? = categories.isEmpty ? nil : row[2]
                guard let date, date.utf8.count >= length else {
                    if since == nil && until == nil && filter.accepts(date: nil, categories: paperCategories) {
                        undated += 1
                    }
                    continue
                }
                guard filter.accepts(date: date, categories: paperCategories) else { continue }
                let period = String(date.prefix(length))
                var counts =
                    rowsByPeriod[period]
                    ?? CodeTrendRow(
                        period: period, papers: 0, released: 0, promised: 0, none: 0, unclassified: 0,
                        promisedWithRepoLink: 0)
                counts.papers += 1
                switch statusOf[id] {
                case .released: counts.released += 1
                case .promised:
                    counts.promised += 1
                    if withRepo.contains(id) { counts.promisedWithRepoLink += 1 }
                case .noCode: counts.none += 1
                case .unknown, nil: counts.unclassified += 1
                }
                rowsByPeriod[period] = counts
            }
            return CodeTrend(rows: rowsByPeriod.keys.sorted().compactMap { rowsByPeriod[$0] }, undated: undated)
        }
    }

    private enum CodeStatusCode {
        case released, promised, noCode, unknown

        init(_ text: String) {
            switch text {
            case "released": self = .released
            case "promised": self = .promised
            case "none": self = .noCode
            default: self = .unknown
            }
        }
    }
}
