import Foundation
import Testing

@testable import Corpus

/// Inputs that cannot be read at all: the initializer throws a `CorpusError`.
@Suite struct FileErrorTests {
    @Test func missingFileSaysItDoesNotExist() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("nowhere.jsonl")
        let error = try #require(openingError(path))
        #expect(error == .fileNotFound(path: path))
        #expect(error.description == "\(path) does not exist; check the path and the current directory")
    }

    @Test func directoryIsRejected() throws {
        let scratch = try ScratchDirectory()
        let error = try #require(openingError(scratch.url.path))
        #expect(error == .isDirectory(path: scratch.url.path))
        #expect(error.description.contains("is a directory"))
    }

    @Test(.enabled(if: geteuid() != 0, "root may read any file"))
    func unreadableFileReportsPermission() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("locked.txt", "A Title\n\nAn abstract.\n")
        chmod(path, 0o000)
        defer { chmod(path, 0o644) }
        #expect(openingError(path) == .permissionDenied(path: path))
    }

    @Test func emptyFileIsAnError() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("file.txt", "")
        let error = try #require(openingError(path))
        #expect(error == .emptyFile(path: path, onlyWhitespace: false))
        #expect(error.description == "\(path) is empty")
    }

    @Test func whitespaceOnlyFileIsAnError() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("blank.txt", "\n  \r\n\t\n")
        let error = try #require(openingError(path))
        #expect(error == .emptyFile(path: path, onlyWhitespace: true))
        #expect(error.description.contains("only whitespace"))
    }

    @Test func binaryFileWithNulBytesIsRejected() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("image.bin", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        let error = try #require(openingError(path))
        guard case .binaryFile(_, let detail) = error else {
            Issue.record("expected binaryFile, got \(error)")
            return
        }
        #expect(detail.contains("NUL"))
        #expect(error.description.contains("is not a text file"))
    }

    @Test func gzipFileIsNamedAsCompressed() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("papers.jsonl.gz", bytes: [0x1F, 0x8B, 0x08, 0x00, 0x61, 0x62, 0x63])
        let error = try #require(openingError(path))
        #expect(error.description.contains("gzip"))
    }

    @Test func utf16FileIsNamedAsUTF16() throws {
        let scratch = try ScratchDirectory()
        let utf16 = [UInt8]([0xFF, 0xFE]) + Array("A title".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let path = try scratch.write("page.txt", bytes: utf16)
        let error = try #require(openingError(path))
        #expect(error.description.contains("UTF-16"))
    }

    @Test func mostlyInvalidUTF8IsBinary() throws {
        let scratch = try ScratchDirectory()
        let noise = (0..<600).map { UInt8(0x80 + ($0 * 7) % 0x40) }
        let path = try scratch.write("noise.dat", bytes: noise)
        let error = try #require(openingError(path))
        guard case .binaryFile = error else {
            Issue.record("expected binaryFile, got \(error)")
            return
        }
    }

    @Test func xmlIsNotRecognised() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(
            "feed.txt", "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>\n")
        let error = try #require(openingError(path))
        guard case .unrecognizedFormat(_, let detail) = error else {
            Issue.record("expected unrecognizedFormat, got \(error)")
            return
        }
        #expect(detail.contains("XML or HTML"))
    }

    @Test func csvIsNotRecognised() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("papers.txt", "id,title,abstract\n1,A,B\n")
        let error = try #require(openingError(path))
        guard case .unrecognizedFormat = error else {
            Issue.record("expected unrecognizedFormat, got \(error)")
            return
        }
    }

    @Test func formatComesFromContentNotName() throws {
        // A JSON Lines file named like a page dump, and a page dump named like JSON.
        let jsonl = try readFixture(
            #"{"id": "2401.00001", "title": "Made Up", "authors": [], "categories": [], "comment": null, "abstract": "Ours.", "listing_date": "2024-01-02"}"#,
            name: "page.txt")
        #expect(jsonl.format == .arxivListing)
        let page = try readFixture("A Made Up Title\n\nAn abstract we wrote for this test.\n", name: "papers.json")
        #expect(page.format == .huggingFacePage)
    }
}
