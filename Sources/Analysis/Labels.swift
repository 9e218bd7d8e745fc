import Foundation
import GRDB

/// What to print for one node: fetched on demand, never held for the whole graph.
public struct NodeLabel: Sendable, Hashable, Codable {
    public var node: Int32
    public var kind: NodeKind
    public var storeID: Int64
    /// Paper title, or the canonical target string (`github.com/owner/name`, `arxiv:2401.01234`).
    public var text: String
    /// The paper's arXiv id (papers only, when known).
    public var arxivID: String?
    /// The paper's store key: arXiv id or normalized title (papers only).
    public var key: String?
    /// Where to look the node up in a browser, when there is such a place.
    public var url: String?

    public init(
        node: Int32, kind: NodeKind, storeID: Int64, text: String, arxivID: String? = nil, key: String? = nil,
        url: String? = nil
    ) {
        self.node = node
        self.kind = kind
        self.storeID = storeID
        self.text = text
        self.arxivID = arxivID
        self.key = key
        self.url = url
    }

    /// A short handle: the arXiv id for papers that have one, else the title or target string.
    public var shortText: String { arxivID ?? text }

    /// Browser address for a canonical target string of the given kind.
    public static func url(forTarget target: String, kind: NodeKind) -> String? {
        switch kind {
        case .paper:
            return nil
        case .paperRef:
            if target.hasPrefix("arxiv:") { return "https://arxiv.org/abs/" + target.dropFirst("arxiv:".count) }
            if target.hasPrefix("doi:") { return "https://doi.org/" + target.dropFirst("doi:".count) }
            return nil
        case .repo, .owner, .page, .artifact:
            if target.hasPrefix("http://") || target.hasPrefix("https://") { return target }
            return "https://" + target
        }
    }
}

extension PaperGraph {
    /// Labels for `nodes` (duplicates and out-of-range ids ignored), read with one query per
    /// batch of up to 500 paper ids and target ids.
    public func labels(for nodes: [Int32], in reader: any DatabaseReader) throws -> [Int32: NodeLabel] {
        try reader.read { db in try labels(for: nodes, db: db) }
    }

    /// Same as ``labels(for:in:)`` inside an open database access.
    public func labels(for nodes: [Int32], db: Database) throws -> [Int32: NodeLabel] {
        var paperNodes = [Int64: Int32](), targetNodes = [Int64: Int32]()
        for node in nodes where node >= 0 && Int(node) < nodeCount {
            if isPaper(node) { paperNodes[storeIDs[Int(node)]] = node } else { targetNodes[storeIDs[Int(node)]] = node }
        }
        var result = [Int32: NodeLabel]()
        // One UNION query per chunk keeps the statement under SQLite's bound-variable limit.
        let paperIDs = paperNodes.keys.sorted(), targetIDs = targetNodes.keys.sorted()
        let chunk = 500
        var paperStart = 0, targetStart = 0
        while paperStart < paperIDs.count || targetStart < targetIDs.count {
            let papers = paperIDs[paperStart..<min(paperStart + chunk, paperIDs.count)]
            let targets = targetIDs[targetStart..<min(targetStart + chunk, targetIDs.count)]
            paperStart += papers.count
            targetStart += targets.count
            let paperMarks = Array(repeating: "?", count: papers.count).joined(separator: ",")
            let targetMarks = Array(repeating: "?", count: targets.count).joined(separator: ",")
            let sql = """
                SELECT 0, id, title, arxiv_id, key FROM paper WHERE id IN (\(paperMarks))
                UNION ALL
                SELECT 1, id, target, NULL, NULL FROM target WHERE id IN (\(targetMarks))
                """
            let arguments = StatementArguments(Array(papers) + Array(targets))
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                let isTarget: Bool = row[0]
                let id: Int64 = row[1]
                let text: String = row[2]
                if isTarget {
                    guard let node = targetNodes[id] else { continue }
                    let kind = kinds[Int(node)]
                    result[node] = NodeLabel(
                        node: node, kind: kind, storeID: id, text: text,
                        url: NodeLabel.url(forTarget: text, kind: kind))
                } else {
                    guard let node = paperNodes[id] else { continue }
                    let arxivID: String? = row[3]
                    result[node] = NodeLabel(
                        node: node, kind: .paper, storeID: id, text: text, arxivID: arxivID, key: row[4],
                        url: arxivID.map { "https://arxiv.org/abs/" + $0 })
                }
            }
        }
        return result
    }

    /// Finds the node a user names: a paper key or arXiv id (`2401.01234`, `arXiv:2401.01234v2`),
    /// or a target string (`github.com/owner/name`, with or without `https://` / `www.`).
    ///
    /// - Throws: `AnalysisError.unknownNode` when nothing in the database matches,
    ///   `AnalysisError.nodeNotInGraph` when the match was filtered out of this graph.
    public func node(matching reference: String, in reader: any DatabaseReader) throws -> Int32 {
        try reader.read { db in try node(matching: reference, db: db) }
    }

    /// Same as ``node(matching:in:)`` inside an open database access.
    public func node(matching reference: String, db: Database) throws -> Int32 {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw AnalysisError.unknownNode(reference) }
        var arxiv = Substring(trimmed)
        if arxiv.lowercased().hasPrefix("arxiv:") { arxiv = arxiv.dropFirst("arxiv:".count) }
        if let v = arxiv.lastIndex(of: "v"), arxiv.index(after: v) != arxiv.endIndex,
            arxiv[arxiv.index(after: v)...].allSatisfy(\.isNumber)
        {
            arxiv = arxiv[..<v]
        }
        let paperID = try Int64.fetchOne(
            db, sql: "SELECT id FROM paper WHERE key = ? OR arxiv_id = ? OR key = ? ORDER BY id LIMIT 1",
            arguments: [trimmed, String(arxiv), trimmed.lowercased()])
        if let paperID {
            guard let node = node(forPaperID: paperID) else { throw AnalysisError.nodeNotInGraph(reference) }
            return node
        }
        var target = trimmed.lowercased()
        for prefix in ["https://", "http://"] where target.hasPrefix(prefix) { target.removeFirst(prefix.count) }
        if target.hasPrefix("www.") { target.removeFirst("www.".count) }
        while target.hasSuffix("/") { target.removeLast() }
        let targetRow = try Row.fetchOne(
            db, sql: "SELECT id, kind, paper_id FROM target WHERE target = ? OR target = ? ORDER BY id LIMIT 1",
            arguments: [target, "arxiv:" + arxiv.lowercased()])
        guard let targetRow else { throw AnalysisError.unknownNode(reference) }
        let targetID: Int64 = targetRow[0]
        let kind: String = targetRow[1]
        let resolved: Int64? = targetRow[2]
        if kind == "paper", let resolved {
            guard let node = node(forPaperID: resolved) else { throw AnalysisError.nodeNotInGraph(reference) }
            return node
        }
        guard let node = node(forTargetID: targetID) else { throw AnalysisError.nodeNotInGraph(reference) }
        return node
    }
}
