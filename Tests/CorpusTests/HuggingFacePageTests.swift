import Foundation
import Testing

@testable import Corpus

/// Page dumps written for these tests, in the shape of the Hugging Face Papers pages.
enum PageFixtures {
    static let dailyPage = """
        new

        Get trending papers in your email inbox!

        Subscribe

        Daily Papers

        byAK and the research community

        Mar 13

        Tidal Tokens: Scheduling Attention (Like the Sea)

        We propose a toy scheduler for attention heads that follows a lunar cycle. Code: https://github.com/example-org/tidal-tokens.

          • 6 authors
        ·
        Nov 6, 2024 1

        Über-Small Models: Less Is Möre

        A second abstract, written for this test, about models that fit in a teacup and still answer questions.

          • 1 author
        ·
        Jan 1, 2025 12

        Sep 3

        A paper whose title reads like a date, with this abstract right after it so the reader can tell the two apart.

          • 2 authors
        ·
        Sep 3 2

        Quiet Gradients Without Metadata

        This paper has no author or date lines at all, like an entry on a search page.

        Last Paper On The Page

        The final abstract; the page ends with its date line and no upvote count.

          • 11 authors
        ·
        Oct 12, 2022

        """

    static let searchPage = """
        new

        Get trending papers in your email inbox!

        Subscribe

        byAK and the research community

        Mar 14

        Sparse Lanterns: Lighting Only the Useful Neurons

        A made-up abstract about pruning, with a link to https://example.org/lanterns for the project page.

        Graph Kites (GK): Flying Messages Between Nodes

        Another made-up abstract: messages ride kites between nodes. See github.com/example-org/graph-kites for code.

        Light Schrödinger Ladders

        Our third abstract is short but ends with a period.
        """
}

@Suite struct HuggingFacePageTests {
    @Test func dailyPageIsReadWithMetadata() throws {
        let outcome = try readFixture(PageFixtures.dailyPage, name: "daily.txt")
        #expect(outcome.issues.isEmpty)
        #expect(outcome.format == .huggingFacePage)
        #expect(
            outcome.records.map(\.title) == [
                "Tidal Tokens: Scheduling Attention (Like the Sea)",
                "Über-Small Models: Less Is Möre",
                "Sep 3",
                "Quiet Gradients Without Metadata",
                "Last Paper On The Page",
            ])
        #expect(outcome.records.map(\.source.line) == [13, 21, 29, 37, 41])
        #expect(outcome.records.map(\.authorCount) == [6, 1, 2, nil, 11])
        #expect(outcome.records.map(\.date) == ["2024-11-06", "2025-01-01", nil, nil, "2022-10-12"])
        #expect(outcome.records.map(\.upvotes) == [1, 12, 2, nil, nil])
        let first = try #require(outcome.records.first)
        #expect(
            first.abstract
                == "We propose a toy scheduler for attention heads that follows a lunar cycle. Code: https://github.com/example-org/tidal-tokens."
        )
        #expect(first.format == .huggingFacePage)
        #expect(first.arxivID == nil)
        #expect(first.authors.isEmpty)
    }

    @Test func searchPageWithoutMetadataLines() throws {
        let outcome = try readFixture(PageFixtures.searchPage, name: "search.txt")
        #expect(outcome.issues.isEmpty)
        #expect(outcome.records.count == 3)
        #expect(outcome.records.map(\.source.line) == [11, 15, 19])
        #expect(outcome.records.allSatisfy { $0.authorCount == nil && $0.date == nil && $0.upvotes == nil })
        #expect(outcome.records.last?.title == "Light Schrödinger Ladders")
        #expect(outcome.records.last?.abstract == "Our third abstract is short but ends with a period.")
    }

    @Test func windowsLineEndingsGiveTheSameRecords() throws {
        let unix = try readFixture(PageFixtures.dailyPage, name: "unix.txt")
        let windows = try readFixture(PageFixtures.dailyPage.replacingOccurrences(of: "\n", with: "\r\n"), name: "crlf.txt")
        #expect(windows.issues.isEmpty)
        #expect(windows.records.map(\.title) == unix.records.map(\.title))
        #expect(windows.records.map(\.abstract) == unix.records.map(\.abstract))
        #expect(windows.records.map(\.date) == unix.records.map(\.date))
        #expect(windows.records.map(\.upvotes) == unix.records.map(\.upvotes))
        #expect(windows.records.map(\.source.line) == unix.records.map(\.source.line))
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let outcome = try readFixture("\u{FEFF}" + PageFixtures.searchPage, name: "bom.txt")
        #expect(outcome.records.first?.title == "Sparse Lanterns: Lighting Only the Useful Neurons")
        #expect(outcome.records.first?.source.line == 11)
    }

    @Test func linesWithoutBlankSeparatorsAreRead() throws {
        let page = """
            First Compact Title
            A compact abstract with no blank line around it, as some copies of the page have.
              • 3 authors
            ·
            Feb 5, 2024 4
            Second Compact Title
            Another compact abstract, again without blank lines.
            """
        let outcome = try readFixture(page, name: "compact.txt")
        #expect(outcome.issues.isEmpty)
        #expect(outcome.records.map(\.title) == ["First Compact Title", "Second Compact Title"])
        #expect(outcome.records.first?.upvotes == 4)
        #expect(outcome.records.map(\.source.line) == [1, 6])
    }

    @Test func dateAfterAuthorLineStaysADateEvenBeforeAnOddTitle() throws {
        // The next title ends with a period, so it reads like an abstract; the date line above
        // it still belongs to the first paper's details.
        let page = """
            Plain First Title

            First abstract, ending with a period.

              • 2 authors
            ·
            Apr 1, 2024 3

            A Title Ending With A Period.

            Its abstract, which ends with one too.
            """
        let outcome = try readFixture(page, name: "period.txt")
        #expect(outcome.issues.isEmpty)
        #expect(outcome.records.map(\.title) == ["Plain First Title", "A Title Ending With A Period."])
        #expect(outcome.records.first?.date == "2024-04-01")
        #expect(outcome.records.first?.upvotes == 3)
    }

    @Test func titleWithMetadataButNoAbstractIsAPaper() throws {
        let page = """
            A Paper Without Abstract

              • 4 authors
            ·
            Jun 21, 2024

            The Next Paper

            Its abstract is here, as usual for a listing page.
            """
        let outcome = try readFixture(page, name: "no-abstract.txt")
        #expect(outcome.issues.isEmpty)
        #expect(outcome.records.map(\.title) == ["A Paper Without Abstract", "The Next Paper"])
        #expect(outcome.records.first?.abstract == "")
        #expect(outcome.records.first?.authorCount == 4)
    }

    @Test func titleFollowedDirectlyByAnotherPaperIsReported() throws {
        let page = """
            A Lonely Title Line

            The Real Paper: With a Colon

            The real paper's abstract, which is long enough and ends with a period.
            """
        let outcome = try readFixture(page, name: "lonely.txt")
        #expect(outcome.records.map(\.title) == ["The Real Paper: With a Colon"])
        let issue = try #require(outcome.issues.first)
        #expect(issue.location.line == 1)
        #expect(issue.message.contains("\"A Lonely Title Line\" has no abstract"))
    }

    @Test func abstractSplitAcrossLinesIsJoined() throws {
        let page = """
            A Paper With A Split Abstract

            The first part of the abstract ends mid-way and
            continues on the next line, which ends the sentence.

            The abstract even has a second paragraph, and https://github.com/example-org/split is its link

            Next Paper Title

            The next abstract.
            """
        let outcome = try readFixture(page, name: "split.txt")
        #expect(outcome.issues.isEmpty)
        #expect(outcome.records.map(\.title) == ["A Paper With A Split Abstract", "Next Paper Title"])
        #expect(
            outcome.records.first?.abstract
                == "The first part of the abstract ends mid-way and\ncontinues on the next line, which ends the sentence.\n\nThe abstract even has a second paragraph, and https://github.com/example-org/split is its link"
        )
    }

    @Test func wrappedTitleIsJoined() throws {
        let page = """
            First Title

            First abstract, long enough and ending with a period.

            A Second Title That Wraps
            Onto Another Line

            Second abstract.
            """
        let outcome = try readFixture(page, name: "wrapped.txt")
        #expect(outcome.issues.isEmpty)
        #expect(outcome.records.map(\.title) == ["First Title", "A Second Title That Wraps Onto Another Line"])
        #expect(outcome.records.map(\.source.line) == [1, 5])
    }

    @Test func trailingChromeIsSkippedAndUnknownTrailingLinesAreReported() throws {
        let known = try readFixture(PageFixtures.searchPage + "\n\nLoad more\n\nPrevious\n", name: "known.txt")
        #expect(known.issues.isEmpty)
        #expect(known.records.count == 3)
        let unknown = try readFixture(PageFixtures.searchPage + "\n\nShowing 3 of 3 results\n", name: "unknown.txt")
        #expect(unknown.records.count == 3)
        #expect(unknown.issues.count == 1)
        #expect(unknown.issues.first?.message.contains("Showing 3 of 3 results") == true)
    }

    @Test func authorCountWithoutTitleIsReported() throws {
        let page = """
              • 5 authors
            ·
            Jan 24, 2024

            Proper Paper

            Proper abstract for this test.
            """
        let outcome = try readFixture(page, name: "orphan.txt")
        #expect(outcome.records.map(\.title) == ["Proper Paper"])
        #expect(outcome.issues.first?.location.line == 1)
        #expect(outcome.issues.first?.message.contains("without a paper title") == true)
    }

    @Test func invalidUTF8LineSkipsOnlyItsPaper() throws {
        var bytes = Array("First Title\n\nA clean abstract for the first paper.\n\nSecond Title\n\n".utf8)
        bytes += Array("An abstract with a stray byte ".utf8) + [0xFF] + Array(" in it.\n\nThird Title\n\nClean again.\n".utf8)
        let outcome = try readFixture(bytes: bytes, name: "stray.txt")
        #expect(outcome.records.map(\.title) == ["First Title", "Third Title"])
        let issue = try #require(outcome.issues.first)
        #expect(issue.location.line == 7)
        #expect(issue.message.hasPrefix("line 7 is not valid UTF-8 (byte 0xFF at column 31)"))
    }

    @Test func oversizedLineInPageIsSkipped() throws {
        let page = "Good Title\n\nGood abstract.\n\nBig Title\n\n" + String(repeating: "word ", count: 400)
            + "\n\nAfter Title\n\nAfter abstract.\n"
        let outcome = try readFixture(page, name: "big.txt", maxRecordBytes: 1000)
        #expect(outcome.records.map(\.title) == ["Good Title", "After Title"])
        #expect(outcome.issues.map(\.location.line) == [7])
        #expect(outcome.issues.first?.message == "line 7 is 2 KB, over the 1000 bytes limit for one record; skipped")
    }

    @Test func endlessAbstractIsCutAtTheRecordLimit() throws {
        let paragraph = String(repeating: "More text that never becomes a title, ", count: 5) + "and a period.\n\n"
        let page = "A Title\n\n" + String(repeating: paragraph, count: 40) + "Next Title\n\nShort abstract.\n"
        let outcome = try readFixture(page, name: "endless.txt", maxRecordBytes: 2000)
        #expect(outcome.records.map(\.title) == ["Next Title"])
        #expect(outcome.issues.count == 1)
        #expect(outcome.issues.first?.location.line == 1)
        #expect(outcome.issues.first?.message.contains("over the 2 KB limit") == true)
    }

    @Test func pageWithoutPapersIsReported() throws {
        let outcome = try readFixture("new\n\nSubscribe\n\nMar 13\n", name: "chrome.txt")
        #expect(outcome.records.isEmpty)
        #expect(outcome.issues.first?.message.hasPrefix("no papers found") == true)
    }

    @Test func dateLinesAreParsedStrictly() {
        #expect(PageLineClassifier.classify(Array("Nov 6, 2024 1".utf8)) == .date(isoDate: "2024-11-06", upvotes: 1))
        #expect(PageLineClassifier.classify(Array("Jan 1, 2025 12".utf8)) == .date(isoDate: "2025-01-01", upvotes: 12))
        #expect(PageLineClassifier.classify(Array("Oct 12, 2022".utf8)) == .date(isoDate: "2022-10-12", upvotes: nil))
        #expect(PageLineClassifier.classify(Array("Sep 3 2".utf8)) == .date(isoDate: nil, upvotes: 2))
        #expect(PageLineClassifier.classify(Array("Mar 13".utf8)) == .date(isoDate: nil, upvotes: nil))
        #expect(PageLineClassifier.classify(Array("Feb 29, 2024".utf8)) == .date(isoDate: "2024-02-29", upvotes: nil))
        #expect(PageLineClassifier.classify(Array("Feb 29, 2023".utf8)) == .text)
        #expect(PageLineClassifier.classify(Array("May 2024".utf8)) == .text)
        #expect(PageLineClassifier.classify(Array("Mar 13: A Title".utf8)) == .text)
        #expect(PageLineClassifier.classify(Array("• 1 author".utf8)) == .authorCount(1))
        #expect(PageLineClassifier.classify(Array("• 1 authors".utf8)) == .authorCount(1))
        #expect(PageLineClassifier.classify(Array("• 12 authors".utf8)) == .authorCount(12))
        #expect(PageLineClassifier.classify(Array("·".utf8)) == .separator)
        #expect(PageLineClassifier.classify(Array("Subscribe".utf8)) == .chrome)
    }
}
