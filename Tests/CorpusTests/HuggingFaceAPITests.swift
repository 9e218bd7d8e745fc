import Foundation
import Testing

@testable import Corpus

@Suite struct HuggingFaceAPITests {
    static let twoPapers = """
        [
          {
            "paper": {
              "id": "2401.01234",
              "authors": [{"_id": "a1", "name": "Ada Quill", "hidden": false}, {"_id": "a2", "name": "Bo  Reyes"}],
              "publishedAt": "2024-01-03T17:59:41.000Z",
              "title": "Paper Kites:\\n  Wrapped Title",
              "summary": "Our summary, with an escaped brace \\"}\\" and a bracket ] inside.\\nSecond line.",
              "upvotes": 17,
              "githubRepo": "https://github.com/example-org/paper-kites",
              "projectPage": "https://example.org/kites"
            },
            "publishedAt": "2024-01-04T00:00:00.000Z",
            "title": "Wrapper Title Is Ignored",
            "numComments": 2,
            "submittedBy": {"name": "someone", "fullname": "Some One"}
          },
          {
            "id": "2402.05678v2",
            "title": "Bare Paper Object",
            "summary": "No wrapper here.",
            "authors": [{"name": "Cy Li"}],
            "publishedAt": "2024-02-09T08:00:00Z",
            "upvotes": 0,
            "githubRepo": null
          }
        ]
        """

    @Test func arrayOfPapersIsStreamed() throws {
        let outcome = try readFixture(Self.twoPapers, name: "daily.json")
        #expect(outcome.issues.isEmpty)
        #expect(outcome.format == .huggingFaceAPI)
        #expect(outcome.records.count == 2)
        let first = try #require(outcome.records.first)
        #expect(first.format == .huggingFaceAPI)
        #expect(first.arxivID == "2401.01234")
        #expect(first.title == "Paper Kites: Wrapped Title")
        #expect(first.abstract == "Our summary, with an escaped brace \"}\" and a bracket ] inside.\nSecond line.")
        #expect(first.authors == ["Ada Quill", "Bo Reyes"])
        #expect(first.date == "2024-01-03")
        #expect(first.upvotes == 17)
        #expect(
            first.metadataLinks == [
                MetadataLink(role: .githubRepo, url: "https://github.com/example-org/paper-kites"),
                MetadataLink(role: .projectPage, url: "https://example.org/kites"),
            ])
        #expect(first.source.line == 2)
        let second = try #require(outcome.records.last)
        #expect(second.arxivID == "2402.05678")
        #expect(second.title == "Bare Paper Object")
        #expect(second.metadataLinks.isEmpty)
        #expect(second.upvotes == 0)
        #expect(second.source.line == 18)
    }

    @Test func compactArrayOnOneLine() throws {
        let text = #"[{"paper":{"id":"2401.00010","title":"A","summary":"B"}},{"paper":{"id":"2401.00011","title":"C","summary":"D"}}]"#
        let outcome = try readFixture(text, name: "one-line.json")
        #expect(outcome.issues.isEmpty)
        #expect(outcome.records.map(\.arxivID) == ["2401.00010", "2401.00011"])
        #expect(outcome.records.map(\.source.line) == [1, 1])
    }

    @Test func emptyArrayHasNoRecords() throws {
        let outcome = try readFixture("[ ]\n", name: "empty.json")
        #expect(outcome.records.isEmpty)
        #expect(outcome.issues.isEmpty)
    }

    @Test func badElementIsSkippedAndReadingGoesOn() throws {
        let text = """
            [
              {"paper": {"title": "First", "summary": "S"}},
              {"paper": {"title": ["not", "a", "string"], "summary": "S"}},
              "just a string",
              {"paper": {"title": "Last", "summary": "S"}}
            ]
            """
        let outcome = try readFixture(text, name: "mixed.json")
        #expect(outcome.records.map(\.title) == ["First", "Last"])
        #expect(outcome.issues.map(\.location.line) == [3, 4])
        #expect(outcome.issues.first?.message.hasPrefix("field `title` should be a string, found an array (line 3") == true)
        #expect(outcome.issues.last?.message.hasPrefix("expected a JSON object for each paper, found a string") == true)
    }

    @Test func truncatedArrayIsReported() throws {
        let text = """
            [
              {"paper": {"title": "Complete", "summary": "S"}},
              {"paper": {"title": "Cut off", "summ
            """
        let outcome = try readFixture(text, name: "cut.json")
        #expect(outcome.records.map(\.title) == ["Complete"])
        #expect(outcome.issues.count == 1)
        #expect(outcome.issues.first?.location.line == 3)
        #expect(outcome.issues.first?.message.hasPrefix("truncated JSON") == true)
    }

    @Test func rawLineBreakInsideAStringKeepsLaterLineNumbersRight() throws {
        let text = "[\n  {\"title\": \"Broken\nacross lines\"},\n  {\"title\": \"Fine\"}\n]\n"
        let outcome = try readFixture(text, name: "raw-newline.json")
        #expect(outcome.records.map(\.title) == ["Fine"])
        #expect(outcome.records.map(\.source.line) == [4])
        #expect(outcome.issues.map(\.location.line) == [2])
        #expect(outcome.issues.first?.message.hasPrefix("invalid JSON: a line break inside a string must be escaped") == true)
    }

    @Test func missingCommaBetweenElementsIsReported() throws {
        let text = #"[{"title": "A"} {"title": "B"}]"#
        let outcome = try readFixture(text, name: "comma.json")
        #expect(outcome.records.map(\.title) == ["A", "B"])
        #expect(outcome.issues.first?.message.contains("expected ',' or ']'") == true)
    }

    @Test func textAfterTheArrayIsReported() throws {
        let outcome = try readFixture(#"[{"title": "A"}] trailing"#, name: "after.json")
        #expect(outcome.records.map(\.title) == ["A"])
        #expect(outcome.issues.first?.message.hasPrefix("unexpected 't' after the end of the JSON array") == true)
    }

    @Test func oversizedElementIsSkippedWhileStreaming() throws {
        let big = String(repeating: "x", count: 5000)
        let text = #"[{"title": "Small"}, {"title": "Big", "summary": ""# + big + #""}, {"title": "After"}]"#
        let outcome = try readFixture(text, name: "big.json", maxRecordBytes: 1000)
        #expect(outcome.records.map(\.title) == ["Small", "After"])
        #expect(outcome.issues.first?.message.hasPrefix("the array element starting on line 1 is 5 KB") == true)
    }

    @Test func elementsLargerThanOneChunkAreReassembled() throws {
        // Two 1.5 MiB summaries force the element scanner across buffer refills.
        let long = String(repeating: "Summary words \\\" with escapes. ", count: 50_000)
        let text = "[\n" + #"{"paper": {"title": "One", "summary": ""# + long + "\"}},\n"
            + #"{"paper": {"title": "Two", "summary": ""# + long + "\"}}\n]\n"
        let outcome = try readFixture(text, name: "long.json")
        #expect(outcome.issues.isEmpty)
        #expect(outcome.records.map(\.title) == ["One", "Two"])
        #expect(outcome.records.map(\.source.line) == [2, 3])
        #expect(outcome.records.first?.abstract.utf8.count == 50_000 * 30)
    }
}
