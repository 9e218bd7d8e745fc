import Foundation
import Testing

@testable import Corpus

/// Standard input is read through `init(fileDescriptor:)`; these tests feed it a pipe.
@Suite struct StreamTests {
    @Test func readsFromAPipe() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let line = #"{"id": "2401.00020", "title": "Piped Paper", "abstract": "Through a pipe."}"# + "\n"
        let bytes = Array((line + line).utf8)
        #expect(write(ends[1], bytes, bytes.count) == bytes.count)
        close(ends[1])
        let reader = try RecordReader(fileDescriptor: ends[0], name: "-", closesDescriptor: true)
        #expect(reader.detectedFormat == .arxivListing)
        let records = reader.compactMap { try? $0.get() }
        #expect(records.map(\.title) == ["Piped Paper", "Piped Paper"])
        #expect(records.map(\.source) == [SourceLocation(file: "-", line: 1), SourceLocation(file: "-", line: 2)])
    }

    @Test func emptyPipeIsAnEmptyInput() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[1])
        do {
            _ = try RecordReader(fileDescriptor: ends[0], name: "-", closesDescriptor: true)
            Issue.record("expected an error")
        } catch {
            #expect(error == .emptyFile(path: "-", onlyWhitespace: false))
            #expect(error.description == "standard input is empty")
        }
    }

    @Test func pageFromAFileDescriptorStartsAtItsPosition() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("page.txt", PageFixtures.searchPage)
        let descriptor = open(path, O_RDONLY)
        #expect(descriptor >= 0)
        let reader = try RecordReader(fileDescriptor: descriptor, name: "page", closesDescriptor: true)
        #expect(reader.detectedFormat == .huggingFacePage)
        #expect(reader.compactMap { try? $0.get() }.count == 3)
    }

    @Test func readAllCollectsRecordsAndIssues() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("two.jsonl", #"{"title": "Fine"}"# + "\n" + #"{"title": 1}"# + "\n")
        let (records, issues) = try RecordReader.readAll(path: path)
        #expect(records.map(\.title) == ["Fine"])
        #expect(issues.map(\.location.line) == [2])
    }
}
