import Corpus
import Extraction
import Foundation
import GRDB

/// One end of a graph edge as a user names it: a stored paper, or a link target (a repo, an
/// owner, a page, an artifact, or a paper target that no stored paper resolves).
public enum EdgeEndpoint: Sendable, Hashable {
    case paper(id: Int64, key: String, title: String)
    case target(id: Int64, kind: String, target: String)

    /// The paper key or the canonical target, as other commands print it.
    public var name: String {
        switch self {
        case .paper(_, let key, _): return key
        case .target(_, _, let target): return target
        }
    }

    /// Node kind as `rank` and `export` print it (`paper`, `repo`, `owner`, `page`, `artifact`,
    /// `paper-ref` for an unresolved paper target).
    public var kind: String {
        switch self {
        case .paper: return "paper"
        case .target(_, let kind, _): return kind == "paper" ? "paper-ref" : kind
        }
    }
}

/// The words (or the derivation) behind one edge of the graph.
public struct EdgeEvidence: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// paper → target: a link written in the paper's text.
        case mention
        /// paper → paper: an identifier, name, author–year or title reference.
        case reference
        /// repo → owner: derived from the repository's canonical target.
        case owner
        /// The paper's code status, with the sentence that decided it.
        case code
    }

    public var kind: Kind
    /// Paper key or canonical target of the edge's source.
    public var source: String
    public var sourceTitle: String?
    /// Paper key, canonical target, or (for a dangling reference, `targetKind` `unresolved`)
    /// what was looked up: the name, `Hu et al. 2021`, the title.
    public var target: String
    public var targetTitle: String?
    /// `paper`, `repo`, `owner`, `page`, `artifact`, `paper-ref`, `unresolved`, or for `code`
    /// the status (`released`, `promised`, `none`).
    public var targetKind: String
    /// The rule that made the edge: an extraction rule for mentions (`url`, `scheme-less`), a
    /// reference rule (`identifier`, `name`, `author-year`, `title`), `owner`, or the code rule.
    public var rule: String
    /// For identifier references, the extraction rule that found the id (`arxiv-id`, `doi`, `url`).
    public var linkRule: String?
    /// Where the words are, in Unicode-scalar offsets of the source paper's field.
    public var field: String?
    public var start: Int?
    public var end: Int?
    /// The words themselves (for `owner`: `owner of github.com/x/y`).
    public var text: String
    /// The sentence around the words.
    public var context: String?
}

/// References that could not be pinned to one stored paper, grouped by what was looked up.
public struct UnresolvedReference: Sendable, Hashable {
    public var rule: String
    /// The looked-up text: a canonical paper target, a name, `Hu et al. 2021`, a title.
    public var text: String
    /// How many times it is written.
    public var count: Int
    /// How many papers write it.
    public var papers: Int
    /// A few of those papers, by key.
    public var examples: [PaperRef]
    /// Why it did not resolve.
    public var reason: String
}

extension GraphStore {
    /// The node a user names. Tried in order: an exact link target (`github.com/x/y`,
    /// `https://github.com/x/y/`, `arxiv:2401.01234`, `doi:10.…`; a paper target that resolves is
    /// that paper), then a paper as `show` finds it (arXiv id, key, title substring), then an
    /// arXiv id no stored paper has but some paper cites. Nil when nothing matches; several title
    /// matches throw `StoreError.ambiguousPaper`.
    public func edgeEndpoint(matching query: String) throws(StoreError) -> EdgeEndpoint? {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let found = try target(matching: Self.targetSpellings(of: trimmed)) { return found }
        do throws(StoreError) {
            let id = try resolvePaper(trimmed)
            return try paperEndpoint(id: id)
        } catch {
            guard case .paperNotFound = error else { throw error }
            if let arxiv = PaperIdentityBridge.arxivID(trimmed) { return try target(matching: ["arxiv:" + arxiv]) }
            return nil
        }
    }

    /// The ways a user may write a target, most literal first.
    static func targetSpellings(of text: String) -> [String] {
        var spellings = [text, text.lowercased()]
        var stripped = text
        for prefix in ["https://", "http://"] where stripped.lowercased().hasPrefix(prefix) {
            stripped = String(stripped.dropFirst(prefix.count))
        }
        if stripped.lowercased().hasPrefix("www.") { stripped = String(stripped.dropFirst(4)) }
        while stripped.hasSuffix("/") { stripped.removeLast() }
        spellings += [stripped, stripped.lowercased()]
        if stripped.contains("/") || stripped.contains("."),
            let canonical = LinkCanonicalizer.canonicalTarget(ofURL: "https://" + stripped)
        {
            spellings.append(canonical.target)
        }
        if text.lowercased().hasPrefix("arxiv:"), let id = PaperIdentityBridge.arxivID(String(text.dropFirst(6))) {
            spellings.append("arxiv:" + id)
        }
        if text.lowercased().hasPrefix("doi:") { spellings.append(text.lowercased()) }
        var seen = Set<String>()
        return spellings.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    private func target(matching spellings: [String]) throws(StoreError) -> EdgeEndpoint? {
        try read { db -> EdgeEndpoint? in
            for spelling in spellings {
                guard let row = try Row.fetchOne(
                    db, sql: "SELECT id, kind, target, paper_id FROM target WHERE target = ?", arguments: [spelling])
                else { continue }
                if let paperID: Int64 = row["paper_id"],
                    let paper = try Row.fetchOne(db, sql: "SELECT key, title FROM paper WHERE id = ?", arguments: [paperID])
                {
                    return .paper(id: paperID, key: paper["key"], title: paper["title"])
                }
                return .target(id: row["id"], kind: row["kind"], target: row["target"])
            }
            return nil
        }
    }

    private func paperEndpoint(id: Int64) throws(StoreError) -> EdgeEndpoint {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT key, title FROM paper WHERE id = ?", arguments: [id]) else {
                throw StoreError.paperNotFound(query: "#\(id)")
            }
            return .paper(id: id, key: row["key"], title: row["title"])
        }
    }

    // MARK: - Explaining edges

    /// Everything that makes the edge `source → target`, in text order: every mention for a
    /// paper → target edge, every reference for paper → paper, the derivation for repo → owner.
    /// A paper that reaches an owner only through its repositories gets those mentions and
    /// ownerships instead (their `target` is then the repository). Empty when there is no edge.
    public func explainEdge(from source: EdgeEndpoint, to target: EdgeEndpoint) throws(StoreError) -> [EdgeEvidence] {
        try read { db in
            var texts = FieldTexts()
            switch (source, target) {
            case (.paper(let paperID, _, _), .paper(let citedID, _, _)):
                guard paperID != citedID else { return [] }
                return try Self.references(db, citing: paperID, cited: citedID, texts: &texts)
            case (.paper(let paperID, _, _), .target(let targetID, let kind, _)):
                let direct = try Self.mentions(db, paper: paperID, target: targetID, texts: &texts)
                if !direct.isEmpty || kind != "owner" { return direct }
                return try Self.ownerPath(db, paper: paperID, owner: targetID, texts: &texts)
            case (.target(let repoID, _, _), .target(let ownerID, _, _)):
                let owner = try Int64.fetchOne(db, sql: "SELECT owner_id FROM target WHERE id = ?", arguments: [repoID])
                return owner == ownerID ? try Self.ownership(db, repo: repoID) : []
            case (.target, .paper):
                return []
            }
        }
    }

    /// The code status of a paper as evidence: status, deciding sentence, rule.
    public func codeEvidence(ofPaper paperID: Int64) throws(StoreError) -> EdgeEvidence {
        try read { db in try Self.code(db, paper: paperID) }
    }

    /// Every edge that touches a paper, each with its evidence: links it writes (mentions and
    /// identifier references), the papers it names and the papers that name it (references),
    /// the owners of the repositories it links, and its code status. Dangling name or
    /// author–year references are no edges; `referenceEvidence(ofPaper:)` lists them.
    public func explainEdges(ofPaper paperID: Int64) throws(StoreError) -> [EdgeEvidence] {
        try read { db in
            var texts = FieldTexts()
            // Identifier mentions of stored papers come back from both readers; keep the references.
            var evidence = try Self.mentions(db, paper: paperID, target: nil, texts: &texts).filter { $0.kind == .mention }
            evidence += try Self.references(db, citing: paperID, cited: nil, texts: &texts).filter { $0.targetKind == "paper" }
            evidence.sort(by: Self.textOrder)
            evidence += try Self.incomingReferences(db, cited: paperID, texts: &texts)
            let repos = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT t.id FROM mention m JOIN target t ON t.id = m.target_id
                WHERE m.paper_id = ? AND t.kind = 'repo' AND t.owner_id IS NOT NULL ORDER BY t.target
                """, arguments: [paperID])
            for repo in repos { evidence += try Self.ownership(db, repo: repo) }
            evidence.append(try Self.code(db, paper: paperID))
            return evidence
        }
    }

    /// A paper's references with their sentences: the ones it makes (resolved or dangling, in
    /// text order) and the ones other papers make to it (by citing paper, then position).
    public func referenceEvidence(ofPaper paperID: Int64) throws(StoreError)
        -> (outgoing: [EdgeEvidence], incoming: [EdgeEvidence])
    {
        try read { db in
            var texts = FieldTexts()
            let outgoing = try Self.references(db, citing: paperID, cited: nil, texts: &texts)
            let incoming = try Self.incomingReferences(db, cited: paperID, texts: &texts)
            return (outgoing, incoming)
        }
    }

    // MARK: - Unresolved references

    /// References that no single stored paper fits, grouped by what was looked up, most
    /// frequent first: arXiv ids and DOIs of papers not in the store, names several papers
    /// claim, author–year citations without a match, titles several papers share.
    public func unresolvedReferences(limit: Int? = nil) throws(StoreError) -> [UnresolvedReference] {
        try read { db in
            var groups: [UnresolvedReference] = []
            let rows = try Row.fetchAll(db, sql: """
                SELECT rule, COALESCE(cited_text, text) AS looked, count(*) AS n, count(DISTINCT citing_id) AS papers
                FROM paper_reference WHERE cited_id IS NULL
                GROUP BY rule, looked ORDER BY n DESC, papers DESC, rule, looked
                \(limit.map { "LIMIT \(max(0, $0))" } ?? "")
                """)
            for row in rows {
                let rule: String = row["rule"]
                let looked: String = row["looked"]
                let examples = try Row.fetchAll(db, sql: """
                    SELECT DISTINCT p.key, p.title FROM paper_reference r JOIN paper p ON p.id = r.citing_id
                    WHERE r.cited_id IS NULL AND r.rule = ? AND COALESCE(r.cited_text, r.text) = ?
                    ORDER BY p.key LIMIT 3
                    """, arguments: [rule, looked]).map { PaperRef(key: $0["key"], title: $0["title"]) }
                groups.append(UnresolvedReference(
                    rule: rule, text: looked, count: row["n"], papers: row["papers"], examples: examples,
                    reason: try Self.unresolvedReason(db, rule: rule, looked: looked)))
            }
            return groups
        }
    }

    private static func unresolvedReason(_ db: Database, rule: String, looked: String) throws -> String {
        switch rule {
        case ReferenceRule.identifier.rawValue:
            return "no stored paper has this identifier (ingest it and the reference resolves)"
        case ReferenceRule.name.rawValue:
            let claimants = try String.fetchAll(db, sql: """
                SELECT p.key FROM paper_name n JOIN paper p ON p.id = n.paper_id WHERE n.name = ? ORDER BY p.key
                """, arguments: [looked])
            if claimants.count > 1 { return "ambiguous: claimed by \(claimants.joined(separator: ", "))" }
            return "ambiguous: claimed by several papers"
        case ReferenceRule.title.rawValue:
            let papers = try String.fetchAll(
                db, sql: "SELECT key FROM paper WHERE title_key = ? ORDER BY key",
                arguments: [PaperIdentityBridge.titleKey(looked)])
            if papers.count > 1 { return "several stored papers have this title: \(papers.joined(separator: ", "))" }
            return "several stored papers have this title"
        default:
            return "no single stored paper by this first author in this year"
        }
    }

    // MARK: - Row readers

    /// Field texts of papers, read once per paper, for cutting sentences.
    struct FieldTexts {
        struct Paper {
            var key = ""
            var title = ""
            var abstract = ""
            var comment = ""
            var metadata = ""
        }

        private var cache: [Int64: Paper] = [:]

        mutating func paper(_ db: Database, _ id: Int64) throws -> Paper {
            if let cached = cache[id] { return cached }
            var value = Paper()
            if let row = try Row.fetchOne(
                db, sql: "SELECT key, title, abstract, comment, metadata_links FROM paper WHERE id = ?", arguments: [id])
            {
                value.key = row["key"]
                value.title = row["title"]
                value.abstract = row["abstract"]
                value.comment = (row["comment"] as String?) ?? ""
                value.metadata = row["metadata_links"]
            }
            cache[id] = value
            return value
        }

        mutating func context(_ db: Database, paper id: Int64, field: String, start: Int, end: Int) throws -> String {
            let texts = try paper(db, id)
            let text: String
            switch field {
            case "abstract": text = texts.abstract
            case "comment": text = texts.comment
            case "title": text = texts.title
            default: text = texts.metadata
            }
            return SentenceContext.around(start: start, end: end, in: text)
        }
    }

    static let fieldOrder = "CASE m.field WHEN 'abstract' THEN 0 WHEN 'comment' THEN 1 ELSE 2 END"

    /// Mentions a paper writes (of one target, or all), as mention evidence; identifier
    /// mentions of a stored paper are reference evidence, and of the paper itself nothing.
    static func mentions(_ db: Database, paper: Int64, target: Int64?, texts: inout FieldTexts) throws -> [EdgeEvidence] {
        let source = try texts.paper(db, paper)
        var arguments: StatementArguments = [paper]
        var filter = ""
        if let target {
            filter = " AND m.target_id = ?"
            arguments += [target]
        }
        var evidence: [EdgeEvidence] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT t.kind, t.target, t.paper_id, rp.key AS ref_key, rp.title AS ref_title,
                   m.field, m.start, m."end", m.text, m.rule
            FROM mention m JOIN target t ON t.id = m.target_id LEFT JOIN paper rp ON rp.id = t.paper_id
            WHERE m.paper_id = ?\(filter)
            ORDER BY \(fieldOrder), m.start
            """, arguments: arguments)
        {
            let kind: String = row["kind"]
            let resolved: Int64? = row["paper_id"]
            if resolved == paper { continue }
            let field: String = row["field"]
            let start: Int = row["start"]
            let end: Int = row["end"]
            let context = try texts.context(db, paper: paper, field: field, start: start, end: end)
            if kind == "paper", resolved != nil {
                evidence.append(EdgeEvidence(
                    kind: .reference, source: source.key, sourceTitle: source.title, target: row["ref_key"],
                    targetTitle: row["ref_title"], targetKind: "paper", rule: ReferenceRule.identifier.rawValue,
                    linkRule: row["rule"], field: field, start: start, end: end, text: row["text"], context: context))
            } else {
                evidence.append(EdgeEvidence(
                    kind: .mention, source: source.key, sourceTitle: source.title, target: row["target"],
                    targetTitle: nil, targetKind: kind == "paper" ? "paper-ref" : kind, rule: row["rule"],
                    field: field, start: start, end: end, text: row["text"], context: context))
            }
        }
        return evidence
    }

    /// References a paper makes: identifier references (from its mentions of paper targets,
    /// dangling ones included) and name, author–year and title references, in text order.
    static func references(_ db: Database, citing: Int64, cited: Int64?, texts: inout FieldTexts) throws -> [EdgeEvidence] {
        let source = try texts.paper(db, citing)
        var evidence: [EdgeEvidence] = []
        var identifierArguments: StatementArguments = [citing, citing]
        var identifierFilter = ""
        if let cited {
            identifierFilter = " AND t.paper_id = ?"
            identifierArguments += [cited]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT t.target, t.paper_id, p.key AS ref_key, p.title AS ref_title, m.field, m.start, m."end", m.text, m.rule
            FROM mention m JOIN target t ON t.id = m.target_id LEFT JOIN paper p ON p.id = t.paper_id
            WHERE m.paper_id = ? AND t.kind = 'paper' AND (t.paper_id IS NULL OR t.paper_id <> ?)\(identifierFilter)
            """, arguments: identifierArguments)
        {
            let field: String = row["field"]
            let start: Int = row["start"]
            let end: Int = row["end"]
            let resolvedKey: String? = row["ref_key"]
            evidence.append(EdgeEvidence(
                kind: .reference, source: source.key, sourceTitle: source.title,
                target: resolvedKey ?? row["target"], targetTitle: row["ref_title"],
                targetKind: resolvedKey == nil ? "paper-ref" : "paper", rule: ReferenceRule.identifier.rawValue,
                linkRule: row["rule"], field: field, start: start, end: end, text: row["text"],
                context: try texts.context(db, paper: citing, field: field, start: start, end: end)))
        }
        if try db.tableExists("reference") {
            var arguments: StatementArguments = [citing]
            var filter = ""
            if let cited {
                filter = " AND r.cited_id = ?"
                arguments += [cited]
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT r.rule, r.field, r.start, r."end", r.text, r.cited_text, p.key AS ref_key, p.title AS ref_title
                FROM reference r LEFT JOIN paper p ON p.id = r.cited_id WHERE r.citing_id = ?\(filter)
                """, arguments: arguments)
            {
                let field: String = row["field"]
                let start: Int = row["start"]
                let end: Int = row["end"]
                let resolvedKey: String? = row["ref_key"]
                let citedText: String? = row["cited_text"]
                evidence.append(EdgeEvidence(
                    kind: .reference, source: source.key, sourceTitle: source.title,
                    target: resolvedKey ?? citedText ?? row["text"], targetTitle: row["ref_title"],
                    targetKind: resolvedKey == nil ? "unresolved" : "paper", rule: row["rule"], field: field,
                    start: start, end: end, text: row["text"],
                    context: try texts.context(db, paper: citing, field: field, start: start, end: end)))
            }
        }
        return evidence.sorted(by: textOrder)
    }

    /// References other papers make to this one, by citing paper key, then position.
    static func incomingReferences(_ db: Database, cited: Int64, texts: inout FieldTexts) throws -> [EdgeEvidence] {
        var citing = try Int64.fetchAll(db, sql: """
            SELECT DISTINCT m.paper_id FROM mention m JOIN target t ON t.id = m.target_id
            WHERE t.kind = 'paper' AND t.paper_id = ? AND m.paper_id <> ?
            """, arguments: [cited, cited])
        if try db.tableExists("reference") {
            citing += try Int64.fetchAll(
                db, sql: "SELECT DISTINCT citing_id FROM reference WHERE cited_id = ? AND citing_id <> ?",
                arguments: [cited, cited])
        }
        var evidence: [EdgeEvidence] = []
        for paper in Set(citing) {
            evidence += try references(db, citing: paper, cited: cited, texts: &texts)
        }
        return evidence.sorted { ($0.source, $0.field ?? "", $0.start ?? 0, $0.rule) < ($1.source, $1.field ?? "", $1.start ?? 0, $1.rule) }
    }

    static func textOrder(_ a: EdgeEvidence, _ b: EdgeEvidence) -> Bool {
        func fieldRank(_ field: String?) -> Int {
            switch field {
            case "abstract": return 0
            case "comment": return 1
            default: return 2
            }
        }
        return (fieldRank(a.field), a.field ?? "", a.start ?? 0, a.rule, a.target)
            < (fieldRank(b.field), b.field ?? "", b.start ?? 0, b.rule, b.target)
    }

    /// repo → owner, derived from the repository target itself.
    static func ownership(_ db: Database, repo: Int64) throws -> [EdgeEvidence] {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT r.target AS repo, o.target AS owner FROM target r JOIN target o ON o.id = r.owner_id WHERE r.id = ?
            """, arguments: [repo])
        else { return [] }
        let repoTarget: String = row["repo"]
        return [EdgeEvidence(
            kind: .owner, source: repoTarget, sourceTitle: nil, target: row["owner"], targetTitle: nil,
            targetKind: "owner", rule: "owner", field: nil, start: nil, end: nil, text: "owner of \(repoTarget)",
            context: nil)]
    }

    /// paper → owner through the paper's repositories of that owner: each repository's
    /// mentions, then its ownership.
    static func ownerPath(_ db: Database, paper: Int64, owner: Int64, texts: inout FieldTexts) throws -> [EdgeEvidence] {
        var evidence: [EdgeEvidence] = []
        for repo in try Int64.fetchAll(db, sql: """
            SELECT DISTINCT t.id FROM mention m JOIN target t ON t.id = m.target_id
            WHERE m.paper_id = ? AND t.kind = 'repo' AND t.owner_id = ? ORDER BY t.target
            """, arguments: [paper, owner])
        {
            evidence += try mentions(db, paper: paper, target: repo, texts: &texts)
            evidence += try ownership(db, repo: repo)
        }
        return evidence
    }

    static func code(_ db: Database, paper: Int64) throws -> EdgeEvidence {
        var texts = FieldTexts()
        let source = try texts.paper(db, paper)
        let row = try Row.fetchOne(db, sql: "SELECT * FROM code_status WHERE paper_id = ?", arguments: [paper])
        let status: String = row?["status"] ?? CodeStatus.none.rawValue
        let evidence: String? = row?["evidence"]
        return EdgeEvidence(
            kind: .code, source: source.key, sourceTitle: source.title, target: status, targetTitle: nil,
            targetKind: status, rule: row?["rule"] ?? "no-code-statement", field: row?["field"], start: row?["start"],
            end: row?["end"], text: evidence ?? "", context: evidence)
    }
}

// MARK: - Reference index from the store

extension GraphStore {
    /// Adds every stored paper to `index` (claims from its title and abstract, first authors,
    /// date, identifiers), in id order, merging with papers already in it by key or title. For
    /// resolving the references of papers that are not stored (`extract --db`).
    public func addStoredPapers(to index: inout ReferenceIndex) throws(StoreError) {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT key, arxiv_id, doi, title, abstract, authors, author_count, date FROM paper ORDER BY id
                """)
            while let row = try rows.next() {
                let authors: String = row["authors"]
                let names = authors.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).prefix(2).map(String.init)
                let authorCount = max(authors.isEmpty ? 0 : authors.split(separator: "\n").count, row["author_count"] ?? 0)
                var abstract: String = row["abstract"]
                abstract.withUTF8 { bytes in
                    _ = index.add(
                        key: row["key"], arxivID: row["arxiv_id"], doi: row["doi"], title: row["title"], abstract: bytes,
                        authors: authors.isEmpty ? [] : names, authorCount: authorCount, date: row["date"])
                }
            }
        }
    }

    /// Calls `body` with every stored paper's key and abstract (UTF-8), in id order.
    public func forEachStoredAbstract(_ body: (String, UnsafeBufferPointer<UInt8>) -> Void) throws(StoreError) {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT key, abstract FROM paper ORDER BY id")
            while let row = try rows.next() {
                let key: String = row["key"]
                var abstract: String = row["abstract"]
                abstract.withUTF8 { body(key, $0) }
            }
        }
    }
}
