import Corpus
import Foundation
import GRDB
@testable import GraphStore

/// A fresh directory per test, removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("pg-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

func record(
    _ id: String?, _ title: String, _ abstract: String, comment: String? = nil, date: String? = nil,
    file: String = "fixture.jsonl", line: Int = 1, format: RecordFormat = .arxivListing
) -> PaperRecord {
    PaperRecord(
        arxivID: id, title: title, abstract: abstract, comment: comment, authors: ["Ada Lovelace"],
        categories: ["cs.LG"], date: date, source: SourceLocation(file: file, line: line), format: format)
}

func source(_ name: String, _ results: [Result<PaperRecord, RecordIssue>]) -> IngestSource {
    IngestSource(name: name) {
        var iterator = results.makeIterator()
        return AnyIterator { iterator.next() }
    }
}

func source(_ name: String, records: [PaperRecord]) -> IngestSource {
    source(name, records.map { .success($0) })
}

/// Every row of the graph tables, in a stable order, to compare database states.
func dump(_ store: GraphStore) throws -> [String] {
    try store.database.read { db in
        var lines: [String] = []
        for table in ["paper", "target", "mention", "code_status"] {
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2, 3")
            lines += rows.map { "\(table): \($0.description)" }
        }
        return lines
    }
}
