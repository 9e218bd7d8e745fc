import Corpus
import Foundation
import Testing
@testable import Extraction

/// Nanoseconds per byte of each scanning stage, for tuning. Opt-in and meaningful only in
/// release: `PAPERGRAPH_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter ScanSpeed`.
@Suite struct ScanSpeedTests {
    static let enabled = ProcessInfo.processInfo.environment["PAPERGRAPH_BENCH"] != nil

    @Test(.enabled(if: enabled)) func stagesPerByte() {
        var random = SplitMix(seed: 9)
        let vocabulary = "we propose a method for learning robust representations from noisy data and show that it improves accuracy on several benchmarks while reducing the cost of training large models across tasks".split(separator: " ").map(String.init)
        var abstracts: [String] = []
        var records: [PaperRecord] = []
        for number in 0..<20_000 {
            var words: [String] = []
            while words.count < 150 {
                let roll = random.next() % 1000
                if roll < 4 { words.append("unlike Zo\(random.next() % 4000)Net,") }
                else if roll < 7 { words.append("(Surab et al., 2019)") }
                else { words.append(vocabulary[Int(random.next() % UInt64(vocabulary.count))]) }
            }
            let abstract = words.joined(separator: " ")
            abstracts.append(abstract)
            records.append(PaperRecord(
                arxivID: "2401.\(10000 + number)", title: "Zo\(number)Net: " + words.prefix(8).joined(separator: " "),
                abstract: abstract, authors: ["Ann Surab", "Bo Li"], date: "2019-01-01",
                source: SourceLocation(file: "x", line: number), format: .arxivListing))
        }
        let clock = ContinuousClock()
        var index = ReferenceIndex()
        var started = clock.now
        for record in records {
            UTF8Text.withBytes(record.abstract) { abstract in
                _ = index.add(
                    key: record.id, arxivID: record.arxivID, doi: nil, title: record.title, abstract: abstract,
                    authors: record.authors, authorCount: nil, date: record.date, mergingDuplicates: false)
            }
        }
        print("index add: \((clock.now - started) / records.count) per paper")
        started = clock.now
        let matcher = index.compiled()
        print("compile: \(clock.now - started) for \(records.count) papers")
        let totalBytes = abstracts.reduce(0) { $0 + $1.utf8.count }
        func time(_ label: String, _ body: (UnsafeBufferPointer<UInt8>) -> Int) {
            var sink = 0
            let start = clock.now
            for abstract in abstracts { sink &+= UTF8Text.withBytes(abstract, body) }
            let elapsed = clock.now - start
            let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
            print("\(label): \(String(format: "%.2f", nanoseconds / Double(totalBytes))) ns/byte (\(sink))")
        }
        var words: [TitleWord] = []
        time("byte loop") { bytes in bytes.reduce(0) { $0 &+ Int($1) } }
        time("title words") { bytes in
            TitleWords.tokenize(bytes, into: &words)
            return words.count
        }
        time("names automaton") { bytes in
            var count = 0
            matcher.automaton.forEachMatch(in: bytes) { _, _, _ in count += 1 }
            return count
        }
        time("author-year") { AuthorYearParser.citations(in: $0).count }
        time("claims") { AbstractClaims.claims(in: $0).count }
        var scanner = matcher.scanner()
        time("full scan") { scanner.scan($0, citing: nil).count }
    }
}
