import Corpus
import Extraction
import Foundation
import GRDB
import Testing
@testable import GraphStore

@Suite struct IngestTests {
    let directory = TemporaryDirectory()

    private var sample: [PaperRecord] {
        [
            record("2401.00001", "Sparse Widgets", "We train widgets. Code is available at https://github.com/acme/widgets.", date: "2024-01-02", line: 1),
            record("2401.00002", "Dense Widgets", "Unlike arXiv:2401.00001 we use dense widgets; see github.com/acme/widgets and https://github.com/acme/gadgets.", date: "2024-01-03", line: 2),
            record("2401.00003", "Widget Theory", "A theory of widgets. Code will be released upon acceptance.", date: "2024-01-04", line: 3),
        ]
    }

    @Test func ingestCountsNewPapers() throws {
        let store = try GraphStore(path: directory.path("a.sqlite"))
        let summary = try store.ingest([source("fixture.jsonl", records: sample)])
        #expect(summary.records == 3)
        #expect(summary.papersNew == 3)
        #expect(summary.papersUpdated == 0)
        #expect(summary.skipped.isEmpty)
        #expect(try store.stats().papers == 3)
    }

    @Test func reingestingTheSameInputChangesNothing() throws {
        let store = try GraphStore(path: directory.path("b.sqlite"))
        _ = try store.ingest([source("fixture.jsonl", records: sample)])
        let before = try dump(store)
        let again = try store.ingest([source("fixture.jsonl", records: sample)])
        #expect(again.papersNew == 0)
        #expect(again.papersUpdated == 0)
        #expect(again.papersUnchanged == 3)
        #expect(try dump(store) == before)
    }

    @Test func samePaperTwiceInOneInputIsOnePaper() throws {
        let store = try GraphStore(path: directory.path("c.sqlite"))
        let twice = [sample[0], sample[0]]
        let summary = try store.ingest([source("fixture.jsonl", records: twice)])
        #expect(summary.papersNew == 1)
        #expect(summary.papersUnchanged == 1)
        #expect(try store.stats().papers == 1)
    }

    @Test func titleOnlyPaperMergesWithItsArxivRecord() throws {
        let store = try GraphStore(path: directory.path("d.sqlite"))
        let page = record(nil, "Sparse  widgets!", "We train widgets.", file: "page.txt", format: .huggingFacePage)
        _ = try store.ingest([source("page.txt", records: [page])])
        let summary = try store.ingest([source("fixture.jsonl", records: [sample[0]])])
        #expect(summary.papersUpdated == 1)
        let stats = try store.stats()
        #expect(stats.papers == 1)
        #expect(try store.resolvePaper("2401.00001") == store.resolvePaper("sparse widgets"))
    }

    @Test func laterRecordFillsGapsButAbsentValuesNeverErase() throws {
        let store = try GraphStore(path: directory.path("e.sqlite"))
        _ = try store.ingest([source("one.jsonl", records: [sample[0]])])
        var bare = sample[0]
        bare.date = nil
        bare.comment = "Project page: https://acme.github.io/widgets"
        _ = try store.ingest([source("two.jsonl", records: [bare])])
        let detail = try store.paperDetail(id: store.resolvePaper("2401.00001"))
        #expect(detail.summary.date == "2024-01-02")
        #expect(detail.comment == "Project page: https://acme.github.io/widgets")
    }

    @Test func malformedRecordsAreSkippedAndReported() throws {
        let store = try GraphStore(path: directory.path("f.sqlite"))
        let issue = RecordIssue(location: SourceLocation(file: "bad.jsonl", line: 2), message: "truncated JSON")
        let summary = try store.ingest([source("bad.jsonl", [.success(sample[0]), .failure(issue), .success(sample[1])])])
        #expect(summary.papersNew == 2)
        #expect(summary.skipped == [issue])
    }

    @Test func strictIngestStoresNothingWhenARecordIsMalformed() throws {
        let store = try GraphStore(path: directory.path("g.sqlite"))
        _ = try store.ingest([source("good.jsonl", records: [sample[2]])])
        let before = try dump(store)
        let issue = RecordIssue(location: SourceLocation(file: "bad.jsonl", line: 2), message: "truncated JSON")
        #expect(throws: StoreError.self) {
            try store.ingest(
                [source("bad.jsonl", [.success(sample[0]), .failure(issue)])], options: IngestOptions(strict: true))
        }
        #expect(try dump(store) == before)
    }

    @Test func unreadableSourceIsReportedAndOthersStillGoIn() throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "binary file" } }
        let store = try GraphStore(path: directory.path("h.sqlite"))
        let broken = IngestSource(name: "blob.bin") { throw Broken() }
        let summary = try store.ingest([broken, source("good.jsonl", records: [sample[0]])])
        #expect(summary.papersNew == 1)
        #expect(summary.skipped.count == 1)
        #expect(summary.skipped.first?.description.contains("blob.bin") == true)
    }

    @Test func sourcesAreRecordedWithTimes() throws {
        let store = try GraphStore(path: directory.path("i.sqlite"))
        _ = try store.ingest([source("fixture.jsonl", records: sample)])
        let sources = try store.stats().sources
        #expect(sources.map(\.path) == ["fixture.jsonl"])
        #expect(sources.first?.records == 3)
    }
}

@Suite struct OpeningTests {
    let directory = TemporaryDirectory()

    @Test func fileThatIsNotSQLiteIsRejected() throws {
        let path = directory.path("text.sqlite")
        try "just some text, not a database\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try GraphStore(path: path)
        } throws: { error in
            guard case .notADatabase = error as? StoreError else { return false }
            return true
        }
    }

    @Test func missingDirectoryIsACannotOpen() throws {
        #expect {
            _ = try GraphStore(path: directory.path("no/such/dir/x.sqlite"))
        } throws: { error in
            guard case .cannotOpen = error as? StoreError else { return false }
            return true
        }
    }

    @Test func directoryIsNotADatabase() throws {
        #expect {
            _ = try GraphStore(path: directory.url.path)
        } throws: { error in
            guard case .cannotOpen = error as? StoreError else { return false }
            return true
        }
    }

    @Test func readOnlyCommandsNeverCreateADatabase() throws {
        let path = directory.path("absent.sqlite")
        #expect {
            _ = try GraphStore(path: path, mode: .readOnly)
        } throws: { error in
            guard case .missingDatabase = error as? StoreError else { return false }
            return true
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func lockedDatabaseGivesAClearError() throws {
        let path = directory.path("locked.sqlite")
        let store = try GraphStore(path: path)
        let holder = try DatabaseQueue(path: path)
        // GRDB forbids leaving a transaction open between accesses, so the ingest runs while the
        // other connection holds the lock inside its own access.
        try holder.inDatabase { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            #expect {
                _ = try store.ingest([source("x.jsonl", records: [record("2401.00009", "T", "A")])])
            } throws: { error in
                guard case .locked = error as? StoreError else { return false }
                return true
            }
            try db.execute(sql: "ROLLBACK")
        }
    }

    @Test func newerSchemaIsRefused() throws {
        let path = directory.path("future.sqlite")
        _ = try GraphStore(path: path)
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in try db.execute(sql: "PRAGMA user_version = 99") }
        #expect {
            _ = try GraphStore(path: path)
        } throws: { error in
            guard case .newerSchema(_, 99, _) = error as? StoreError else { return false }
            return true
        }
    }
}
