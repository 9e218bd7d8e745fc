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
public struct CodeTrendRow: Sendable, Hashable, Codable {
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
        try GraphFilter(since: since, until: until).validate()
        return try reader.read { db in
            for table in ["paper", "code_status", "mention", "target"] where try !db.tableExists(table) {
                throw AnalysisError.missingTable(table)
            }
            var conditions = [String]()
            var arguments = StatementArguments()
            if !categories.isEmpty {
                let any = Array(repeating: "instr(' ' || p.categories || ' ', ' ' || ? || ' ') > 0", count: categories.count)
                conditions.append("(" + any.joined(separator: " OR ") + ")")
                for category in categories { _ = arguments.append(contentsOf: [category]) }
            }
            if let since {
                conditions.append("p.date >= ?")
                _ = arguments.append(contentsOf: [since])
            }
            if let until {
                conditions.append("substr(p.date, 1, \(until.utf8.count)) <= ?")
                _ = arguments.append(contentsOf: [until])
            }
            let filter = conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND ")

            let sql = """
                SELECT substr(p.date, 1, \(granularity.prefixLength)) AS period,
                       COALESCE(c.status, '') AS status,
                       COUNT(*) AS papers,
                       SUM(EXISTS (SELECT 1 FROM mention m JOIN target t ON t.id = m.target_id
                                   WHERE m.paper_id = p.id AND t.kind = 'repo')) AS with_repo
                FROM paper p LEFT JOIN code_status c ON c.paper_id = p.id
                WHERE p.date IS NOT NULL AND length(p.date) >= \(granularity.prefixLength)\(filter)
                GROUP BY period, status
                ORDER BY period, status
                """
            var rows = [CodeTrendRow]()
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try cursor.next() {
                let period: String = row[0]
                let status: String = row[1]
                let papers: Int = row[2]
                let withRepo: Int = row[3]
                if rows.last?.period != period {
                    rows.append(
                        CodeTrendRow(
                            period: period, papers: 0, released: 0, promised: 0, none: 0, unclassified: 0,
                            promisedWithRepoLink: 0))
                }
                let last = rows.count - 1
                rows[last].papers += papers
                switch status {
                case "released": rows[last].released += papers
                case "promised":
                    rows[last].promised += papers
                    rows[last].promisedWithRepoLink += withRepo
                case "none": rows[last].none += papers
                default: rows[last].unclassified += papers
                }
            }
            var undated = 0
            if since == nil && until == nil {
                let undatedSQL = """
                    SELECT COUNT(*) FROM paper p
                    WHERE (p.date IS NULL OR length(p.date) < \(granularity.prefixLength))\(filter)
                    """
                undated = try Int.fetchOne(db, sql: undatedSQL, arguments: arguments) ?? 0
            }
            return CodeTrend(rows: rows, undated: undated)
        }
    }
}
