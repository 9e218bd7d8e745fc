import Corpus
import Foundation
import Testing
@testable import GraphStore

/// Resolution cost on 200,000 synthetic abstracts. Opt-in (it takes a while, and only release
/// figures mean anything): `PAPERGRAPH_BENCH=1 swift test -c release --filter ReferenceBenchmark`.
@Suite struct ReferenceBenchmarkTests {
    static let enabled = ProcessInfo.processInfo.environment["PAPERGRAPH_BENCH"] != nil

    /// Synthetic papers: ~1 KB abstracts of filler words with names, author–year citations and
    /// quoted titles of other synthetic papers sprinkled in at realistic rates.
    static func syntheticRecords(count: Int) -> [PaperRecord] {
        var random = BenchRandom(seed: 42)
        let vocabulary = """
            we propose a method for learning robust representations from noisy data and show that it improves \
            accuracy on several benchmarks while reducing the cost of training large models across tasks the \
            results suggest that simple baselines remain strong when tuned carefully our analysis reveals how \
            attention layers interact with normalization and why scaling helps in practice with limited compute
            """.split(separator: " ").map(String.init)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let surnames = (0..<5000).map { number in
            "Sur" + String((0..<4).map { letters[(number / [1, 26, 676, 17_576][$0]) % 26] })
        }
        func name(_ index: Int) -> String { "Zo\(String(index, radix: 36).uppercased())Net" }
        var records: [PaperRecord] = []
        records.reserveCapacity(count)
        for index in 0..<count {
            let year = 2015 + index % 10
            let hasName = index % 5 == 0
            var titleWords = (0..<(6 + index % 5)).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
            titleWords.append("\(index)")
            let title = (hasName ? name(index) + ": " : "") + titleWords.joined(separator: " ").capitalized
            var words: [String] = []
            while words.count < 150 {
                let roll = random.next() % 1000
                if roll < 4 && index > 10 {
                    words.append("unlike \(name(Int(random.next() % UInt64(index)) / 5 * 5)),")
                } else if roll < 7 {
                    words.append("(\(surnames[Int(random.next() % 5000)]) et al., \(2015 + Int(random.next() % 10)))")
                } else if roll < 8 && index > 10 {
                    words.append("\"\(records[Int(random.next() % UInt64(index))].title)\"")
                } else {
                    words.append(vocabulary[Int(random.next() % UInt64(vocabulary.count))])
                }
            }
            if hasName { words.insert(contentsOf: ["We", "propose", name(index) + ",", "a", "method."], at: 0) }
            records.append(PaperRecord(
                arxivID: String(format: "%02d%02d.%05d", year % 100, 1 + index % 12, index), title: title,
                abstract: words.joined(separator: " "),
                authors: (0..<3).map { _ in "Alex \(surnames[Int(random.next() % 5000)])" }, categories: ["cs.LG"],
                date: String(format: "%04d-%02d-%02d", year, 1 + index % 12, 1 + index % 28),
                source: SourceLocation(file: "synthetic", line: index + 1), format: .arxivListing))
        }
        return records
    }

    @Test(.enabled(if: enabled)) func resolutionAddsLittleToIngest() throws {
        let directory = TemporaryDirectory()
        let count = ProcessInfo.processInfo.environment["PAPERGRAPH_BENCH_COUNT"].flatMap { Int($0) } ?? 200_000
        let records = Self.syntheticRecords(count: count)
        let bytes = records.reduce(0) { $0 + $1.abstract.utf8.count }
        let store = try GraphStore(path: directory.path("bench.sqlite"))
        let clock = ContinuousClock()
        let ingestCPU = cpuSeconds()
        let ingestStart = clock.now
        _ = try store.ingest([source("synthetic", records: records)])
        let ingestTime = clock.now - ingestStart
        let ingestCPUTime = cpuSeconds() - ingestCPU
        // Empty the table first, as it is when ingest resolves for the first time.
        try store.database.write { db in try db.execute(sql: "DELETE FROM reference; DELETE FROM paper_name") }
        // Exactly what ingest runs at its end (no report queries).
        let resolveCPU = cpuSeconds()
        let resolveStart = clock.now
        try store.database.write { db in try ReferenceResolver.rebuild(db, reporting: false) }
        let resolveTime = clock.now - resolveStart
        let resolveCPUTime = cpuSeconds() - resolveCPU
        let report = try store.referenceReport()
        let ingestOnly = ingestTime - resolveTime
        print("""
            \(count) abstracts (\(bytes / 1_048_576) MiB), \(PaperBatchInfo.workers) workers: ingest incl. resolution \(ingestTime), \
            resolution alone \(resolveTime) = \(Int((resolveTime / ingestOnly) * 100))% of ingest without it; \
            CPU: ingest \(String(format: "%.2f", ingestCPUTime)) s, resolution \(String(format: "%.2f", resolveCPUTime)) s \
            (\(Int(resolveCPUTime / (ingestCPUTime - resolveCPUTime) * 100))%); names \(report.names), \
            resolved \(report.resolved), dangling \(report.dangling)
            """)
        for rule in report.rules { print("  \(rule.rule): \(rule.resolved) resolved, \(rule.dangling) dangling") }
        #expect(report.count(.name).resolved > 0)
        #expect(resolveTime < ingestOnly * 0.5)
    }
}

private struct BenchRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// User plus system CPU seconds of the whole process (every thread).
private func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
}

private enum PaperBatchInfo {
    static var workers: Int { PaperBatch.workerCount }
}
