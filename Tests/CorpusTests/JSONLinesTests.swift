import Foundation
import Testing

@testable import Corpus

@Suite struct JSONLinesTests {
    static let listingLine =
        #"{"id": "2503.99901v2", "title": "Folding Maps:\n  A Study of Tiny Graphs", "authors": ["Ada Quill", "Bo Reyes"], "categories": ["cs.LG", "cs.AI"], "comment": "Code: https://github.com/example-org/folding-maps", "abstract": "We fold maps.\nCode lives at https://github.com/example-org/folding-maps.", "listing_date": "2025-03-18"}"#

    @Test func listingShapeIsDecoded() throws {
        let outcome = try readFixture(Self.listingLine + "\n", name: "listing.jsonl")
        #expect(outcome.issues.isEmpty)
        #expect(outcome.format == .arxivListing)
        let record = try #require(outcome.records.first)
        #expect(record.arxivID == "2503.99901")
        #expect(record.id == "2503.99901")
        #expect(record.title == "Folding Maps: A Study of Tiny Graphs")
        #expect(record.abstract == "We fold maps.\nCode lives at https://github.com/example-org/folding-maps.")
        #expect(record.authors == ["Ada Quill", "Bo Reyes"])
        #expect(record.categories == ["cs.LG", "cs.AI"])
        #expect(record.comment == "Code: https://github.com/example-org/folding-maps")
        #expect(record.date == "2025-03-18")
        #expect(record.format == .arxivListing)
        #expect(record.source == SourceLocation(file: record.source.file, line: 1))
    }

    @Test func kaggleSnapshotShapeIsDecoded() throws {
        let line =
            #"{"id": "0704.0001", "submitter": "Ada Quill", "authors": "A. Quill, B. Reyes (Lab of Small Things and\n  Co.), C. Li Jr. and D. Ortiz", "title": "A Snapshot  Record\n  With Wraps", "comments": "12 pages, 3 figures", "journal-ref": null, "doi": "10.1000/xyz123", "report-no": null, "categories": "hep-ph cs.LG", "license": null, "abstract": "  An abstract with a leading wrap.\n", "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}], "update_date": "2008-11-13", "authors_parsed": [["Quill", "A.", ""], ["Reyes", "B.", ""]]}"#
        let outcome = try readFixture(line + "\n", name: "snapshot.json")
        #expect(outcome.issues.isEmpty)
        let record = try #require(outcome.records.first)
        #expect(record.format == .arxivSnapshot)
        #expect(outcome.format == .arxivSnapshot)
        #expect(record.arxivID == "0704.0001")
        #expect(record.title == "A Snapshot Record With Wraps")
        #expect(record.abstract == "  An abstract with a leading wrap.\n")
        #expect(record.authors == ["A. Quill", "B. Reyes (Lab of Small Things and Co.)", "C. Li Jr.", "D. Ortiz"])
        #expect(record.categories == ["hep-ph", "cs.LG"])
        #expect(record.comment == "12 pages, 3 figures")
        #expect(record.doi == "10.1000/xyz123")
        #expect(record.date == "2008-11-13")
    }

    @Test func snapshotAuthorStringsSplitOnCommasAndAnd() {
        #expect(AuthorList.split("A. Smith, B. Jones and C. Li") == ["A. Smith", "B. Jones", "C. Li"])
        #expect(AuthorList.split("A. Smith, B. Jones, and C. Li") == ["A. Smith", "B. Jones", "C. Li"])
        #expect(AuthorList.split("Solo Author") == ["Solo Author"])
        #expect(AuthorList.split("Anand Rao and Andrea Sand") == ["Anand Rao", "Andrea Sand"])
        #expect(AuthorList.split("") == [])
    }

    @Test func shapesAreDetectedPerRecord() throws {
        let snapshot = #"{"id": "hep-th/9901001v3", "title": "Old Style", "authors": "X. Y", "categories": "hep-th", "abstract": "Text.", "update_date": "2001-02-03"}"#
        let outcome = try readFixture(Self.listingLine + "\n" + snapshot + "\n", name: "mixed.jsonl")
        #expect(outcome.issues.isEmpty)
        #expect(outcome.records.map(\.format) == [.arxivListing, .arxivSnapshot])
        #expect(outcome.records.map(\.arxivID) == ["2503.99901", "hep-th/9901001"])
        #expect(outcome.records.map(\.source.line) == [1, 2])
    }

    @Test func blankLinesAndCRLFAreTolerated() throws {
        let text = "\n\r\n" + Self.listingLine + "\r\n\r\n" + Self.listingLine + "\r\n"
        let outcome = try readFixture(text, name: "crlf.jsonl")
        #expect(outcome.issues.isEmpty)
        #expect(outcome.records.map(\.source.line) == [3, 5])
    }

    @Test func lastLineWithoutNewlineIsRead() throws {
        let outcome = try readFixture(Self.listingLine + "\n" + Self.listingLine, name: "tail.jsonl")
        #expect(outcome.records.count == 2)
        #expect(outcome.issues.isEmpty)
    }

    @Test func invalidUTF8LineIsSkippedAndNamed() throws {
        var bytes = Array((Self.listingLine + "\n").utf8)
        var bad = Array(Self.listingLine.utf8)
        let position = try #require(bad.firstIndex(of: UInt8(ascii: "F")))
        bad[position] = 0xE9  // a Latin-1 "é" on its own
        bytes += bad + [0x0A] + Array((Self.listingLine + "\n").utf8)
        let outcome = try readFixture(bytes: bytes, name: "latin1.jsonl")
        #expect(outcome.records.count == 2)
        let issue = try #require(outcome.issues.first)
        #expect(outcome.issues.count == 1)
        #expect(issue.location.line == 2)
        #expect(issue.message.contains("line 2 is not valid UTF-8"))
        #expect(issue.message.contains("0xE9"))
        #expect(issue.description.hasSuffix(".jsonl:2: " + issue.message))
    }

    @Test func truncatedJSONLineIsReported() throws {
        let truncated = String(Self.listingLine.prefix(120))
        let outcome = try readFixture(truncated + "\n" + Self.listingLine + "\n", name: "cut.jsonl")
        #expect(outcome.records.count == 1)
        let issue = try #require(outcome.issues.first)
        #expect(issue.location.line == 1)
        #expect(issue.message.hasPrefix("truncated JSON"))
    }

    @Test func prettyPrintedObjectGetsAHint() throws {
        let outcome = try readFixture("{\n  \"title\": \"x\"\n}\n", name: "pretty.jsonl")
        #expect(outcome.records.isEmpty)
        #expect(outcome.issues.first?.message.contains("pretty-printed") == true)
    }

    @Test func wrongValueTypeIsNamed() throws {
        let line = #"{"id": "2401.00002", "title": 42, "abstract": "Ours.", "authors": []}"#
        let outcome = try readFixture(line + "\n", name: "types.jsonl")
        #expect(outcome.records.isEmpty)
        let issue = try #require(outcome.issues.first)
        #expect(issue.message.hasPrefix("field `title` should be a string, found a number"))
        #expect(issue.message.contains("column 31"))
    }

    @Test func wrongAuthorElementTypeIsNamed() throws {
        let line = #"{"title": "T", "abstract": "A.", "authors": ["Ann", 7]}"#
        let outcome = try readFixture(line + "\n", name: "types.jsonl")
        #expect(outcome.issues.first?.message.hasPrefix("field `authors` should be a list of names, found a number") == true)
    }

    @Test func syntaxErrorNamesWhatWasFound() throws {
        let outcome = try readFixture(#"{"title": "T" "abstract": "A."}"# + "\n", name: "bad.jsonl")
        let issue = try #require(outcome.issues.first)
        #expect(issue.message == "invalid JSON: expected ',' or '}' after an object member, found '\"' (column 15)")
    }

    @Test func missingTitleIsAnIssueListingTheFields() throws {
        let outcome = try readFixture(#"{"name": "not a paper", "size": 3}"# + "\n", name: "other.jsonl")
        #expect(outcome.records.isEmpty)
        #expect(outcome.issues.first?.message == "record has no `title` (its fields: name, size); skipped")
    }

    @Test func missingAbstractIsAllowed() throws {
        let outcome = try readFixture(#"{"id": "2401.00003", "title": "Only A Title"}"# + "\n", name: "short.jsonl")
        #expect(outcome.issues.isEmpty)
        #expect(outcome.records.first?.abstract == "")
    }

    @Test func nonObjectLineIsAnIssue() throws {
        let outcome = try readFixture(Self.listingLine + "\n[1, 2]\n", name: "array-line.jsonl")
        #expect(outcome.records.count == 1)
        #expect(outcome.issues.first?.message.hasPrefix("expected a JSON object for each paper, found an array") == true)
        #expect(outcome.issues.first?.location.line == 2)
    }

    @Test func trailingGarbageIsAnIssue() throws {
        let outcome = try readFixture(#"{"title": "T"} x"# + "\n", name: "garbage.jsonl")
        #expect(outcome.issues.first?.message.hasPrefix("invalid JSON: expected nothing after the JSON value") == true)
    }

    @Test func escapesAreDecoded() throws {
        let line =
            #"{"title": "Caf\u00e9 \"Quotes\" \\ Slash\/ \ud83d\ude80 Tab\tEnd", "abstract": "Line\nBreak \u2019 lone \ud800 end\r\f\b"}"#
        let outcome = try readFixture(line + "\n", name: "escapes.jsonl")
        #expect(outcome.issues.isEmpty)
        let record = try #require(outcome.records.first)
        #expect(record.title == "Café \"Quotes\" \\ Slash/ 🚀 Tab End")
        #expect(record.abstract == "Line\nBreak \u{2019} lone \u{FFFD} end\r\u{0C}\u{08}")
    }

    @Test func rawUTF8AndEscapesTogetherAreDecoded() throws {
        // Raw non-ASCII text takes the byte-checking string scanner rather than the memchr one.
        let line = #"{"title": "Über \"quoted\" naïve — long enough to pass the short-string loop", "abstract": "Zürich\tand\u00A0more 🚀"}"#
        let outcome = try readFixture(line + "\n", name: "utf8.jsonl")
        #expect(outcome.issues.isEmpty)
        #expect(outcome.records.first?.title == "Über \"quoted\" naïve — long enough to pass the short-string loop")
        #expect(outcome.records.first?.abstract == "Zürich\tand\u{A0}more 🚀")
    }

    @Test func rawTabIsToleratedButOtherControlBytesAreNot() throws {
        let tab = try readFixture("{\"title\": \"Tab\tIn Title\", \"abstract\": \"a\tb\"}\n", name: "tab.jsonl")
        #expect(tab.issues.isEmpty)
        #expect(tab.records.first?.title == "Tab In Title")
        #expect(tab.records.first?.abstract == "a\tb")
        let control = try readFixture("{\"title\": \"Bell\u{07}\"}\n", name: "bell.jsonl")
        #expect(control.records.isEmpty)
        #expect(control.issues.first?.message == "invalid JSON: byte 0x07 inside a string must be escaped (column 16)")
    }

    @Test func badEscapeIsAnIssue() throws {
        let outcome = try readFixture(#"{"title": "bad \q escape"}"# + "\n", name: "escape.jsonl")
        #expect(outcome.issues.first?.message.hasPrefix("invalid JSON: unknown escape '\\q'") == true)
        let short = try readFixture(#"{"title": "bad \u12G4"}"# + "\n", name: "escape.jsonl")
        #expect(short.issues.first?.message.hasPrefix("invalid JSON: \\u must be followed by four hex digits") == true)
    }

    @Test func unknownFieldsOfAnyShapeAreSkipped() throws {
        let line =
            #"{"extra": {"deep": [1, -2.5e+3, true, false, null, {"k": "v"}], "s": "}{]["}, "title": "Kept", "n": 0.5}"#
        let outcome = try readFixture(line + "\n", name: "extra.jsonl")
        #expect(outcome.issues.isEmpty)
        #expect(outcome.records.first?.title == "Kept")
    }

    @Test func deeplyNestedJSONDoesNotCrash() throws {
        let line = #"{"title": "T", "x": "# + String(repeating: "[", count: 100_000) + "}"
        let outcome = try readFixture(line + "\n" + Self.listingLine + "\n", name: "deep.jsonl")
        #expect(outcome.records.count == 1)
        #expect(outcome.issues.first?.message.contains("nested more than") == true)
    }

    @Test func fiftyMegabyteLineIsSkippedWithoutStoppingTheFile() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("huge.jsonl")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data((Self.listingLine + "\n").utf8))
        try handle.write(contentsOf: Data((Self.listingLine + "\n").utf8))
        try handle.write(contentsOf: Data(#"{"title": "Huge", "abstract": ""#.utf8))
        let block = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<50 { try handle.write(contentsOf: block) }
        try handle.write(contentsOf: Data("\"}\n".utf8))
        try handle.write(contentsOf: Data((Self.listingLine + "\n").utf8))
        try handle.close()

        let outcome = try readEverything(path)
        #expect(outcome.records.map(\.source.line) == [1, 2, 4])
        let issue = try #require(outcome.issues.first)
        #expect(outcome.issues.count == 1)
        #expect(issue.location.line == 3)
        #expect(issue.message == "line 3 is 50.0 MB, over the 16 MB limit for one record; skipped")
    }

    @Test func smallRecordLimitApplies() throws {
        let outcome = try readFixture(Self.listingLine + "\n", name: "limit.jsonl", maxRecordBytes: 100)
        #expect(outcome.records.isEmpty)
        #expect(outcome.issues.first?.message.hasPrefix("line 1 is") == true)
    }
}
