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
    /// promised → released follow-ups dated in this period: a later record of a paper that
    /// had promised its code carried the code link (dated by that later record).
    public var followUps: Int = 0

    /// A period with nothing counted yet.
    static func empty(period: String) -> CodeTrendRow {
        CodeTrendRow(
            period: period, papers: 0, released: 0, promised: 0, none: 0, unclassified: 0, promisedWithRepoLink: 0)
    }

    public var releasedShare: Double { share(released) }
    public var promisedShare: Double { share(promised) }
    public var noneShare: Double { share(none) }

    func share(_ count: Int) -> Double { papers > 0 ? Double(count) / Double(papers) : 0 }

    private enum CodingKeys: String, CodingKey {
        case period, papers, released, promised, none, unclassified, promisedWithRepoLink, followUps
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
        try container.encode(followUps, forKey: .followUps)
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
    /// Every promised → released follow-up matching the filters, in the order they were
    /// ingested (undated ones included; they are counted in no row).
    public var followUps: [CodeFollowUp] = []

    public var totals: CodeTrendRow {
        rows.reduce(into: CodeTrendRow(period: "total", papers: 0, released: 0, promised: 0, none: 0, unclassified: 0, promisedWithRepoLink: 0)) {
            $0.papers += $1.papers
            $0.released += $1.released
            $0.promised += $1.promised
            $0.none += $1.none
            $0.unclassified += $1.unclassified
            $0.promisedWithRepoLink += $1.promisedWithRepoLink
            $0.followUps += $1.followUps
        }
    }
}

/// Share of papers with released / promised / no code over time, straight from SQL.
///
/// promised → released follow-ups: the store keeps one row per paper, and a later record of the
/// same paper overwrites its code status, so a paper that promised code and later linked it
/// reads `released` in the counts. Databases from schema v3 on also keep the change itself
/// (`code_status_history`, written on re-ingest); each promised → released change is a
/// follow-up, counted in the period of the record that brought the link. Older databases have
/// no history: their follow-ups are simply not seen. Promised papers that already carry a
/// repository link (`promisedWithRepoLink`, "code will be available at github.com/…") are
/// counted as well: their repo can be checked by hand.
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
                var counts = rowsByPeriod[period] ?? CodeTrendRow.empty(period: period)
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
            let followUps = try Self.followUps(db, filter: filter)
            for followUp in followUps {
                guard let date = followUp.date, date.utf8.count >= length else { continue }
                let period = String(date.prefix(length))
                var counts = rowsByPeriod[period] ?? CodeTrendRow.empty(period: period)
                counts.followUps += 1
                rowsByPeriod[period] = counts
            }
            return CodeTrend(
                rows: rowsByPeriod.keys.sorted().compactMap { rowsByPeriod[$0] }, undated: undated,
                followUps: followUps)
        }
    }

    /// The promised → released changes of papers the filter keeps, dated by the record that
    /// brought the code link (else by the paper). Empty before schema v3.
    static func followUps(_ db: Database, filter: GraphFilter) throws -> [CodeFollowUp] {
        guard try db.tableExists("code_status_history") else { return [] }
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT h.paper_id, p.key, p.arxiv_id, p.title, coalesce(h.date, p.date), p.categories,
                       h.source_file, h.source_line
                FROM code_status_history h JOIN paper p ON p.id = h.paper_id
                WHERE h.from_status = 'promised' AND h.status = 'released'
                ORDER BY h.id
                """)
        var followUps = [CodeFollowUp]()
        while let row = try rows.next() {
            let date: String? = row[4]
            let categories: String? = row[5]
            guard filter.accepts(date: date, categories: categories) else { continue }
            followUps.append(
                CodeFollowUp(
                    paperID: row[0], key: row[1], arxivID: row[2], title: row[3], date: date, sourceFile: row[6],
                    sourceLine: row[7]))
        }
        return followUps
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


/// A paper that promised its code in one record and linked it in a later one.
public struct CodeFollowUp: Sendable, Hashable, Codable {
    public var paperID: Int64
    /// The paper's store key (arXiv id or normalized title).
    public var key: String
    public var arxivID: String?
    public var title: String
    /// Date of the record that brought the code link (the paper's date when it had none).
    public var date: String?
    /// Where that record was read.
    public var sourceFile: String
    public var sourceLine: Int
}
