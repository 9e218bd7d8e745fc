#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `papergraph-bench`: tools for the repeatable ingest benchmark (see Benchmarks/run-ingest.sh).

func runGenerate(papers: Int, seed: UInt64, output: String) throws(BenchError) {
    let clock = ContinuousClock()
    let started = clock.now
    let generator = CorpusGenerator(papers: papers, seed: seed)
    let file = try OutputFile(path: output)
    var chunk = Bytes()
    let chunkSize = 4 << 20
    chunk.reserveCapacity(chunkSize + 64 << 10)
    var scratch = Scratch()
    var stats = GeneratorStats()
    for index in 0..<papers {
        generator.appendPaper(index, to: &chunk, scratch: &scratch, stats: &stats)
        if chunk.count >= chunkSize {
            try file.writeAll(chunk)
            chunk.removeAll(keepingCapacity: true)
        }
    }
    try file.writeAll(chunk)
    try file.finish()
    let elapsed = started.duration(to: clock.now)
    printError(report(stats, seconds: seconds(elapsed), output: output))
}

func seconds(_ duration: Duration) -> Double {
    let (whole, attoseconds) = duration.components
    return Double(whole) + Double(attoseconds) / 1e18
}

/// Human-readable summary on standard error; the first line is `key=value` pairs for scripts.
func report(_ stats: GeneratorStats, seconds: Double, output: String) -> String {
    let papers = max(stats.papers, 1)
    func share(_ count: Int) -> String {
        let permille = (count * 1000 + papers / 2) / papers
        return "\(count) (\(permille / 10).\(permille % 10)%)"
    }
    func fixed(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = scaled % Int(scale)
        guard decimals > 0 else { return "\(whole)" }
        let digits = String(fraction)
        return "\(whole)." + String(repeating: "0", count: decimals - digits.count) + digits
    }
    let megabytes = Double(stats.bytes) / 1_048_576
    var lines = [
        "generate papers=\(stats.papers) bytes=\(stats.bytes) seconds=\(fixed(seconds, 3)) "
            + "papers_per_s=\(Int(Double(stats.papers) / max(seconds, 1e-9))) "
            + "mb_per_s=\(fixed(megabytes / max(seconds, 1e-9), 1)) output=\(output)",
        "  size                \(fixed(megabytes, 1)) MiB, mean abstract \(stats.abstractScalars / papers) scalars",
        "  wrapped abstracts   \(share(stats.wrappedAbstracts))",
        "  non-null comments   \(share(stats.nonNullComments))",
        "  repo link           \(share(stats.papersWithRepo)) (in comment \(share(stats.papersWithRepoInComment)), "
            + "second repo \(share(stats.papersWithSecondRepo)), promised wording \(share(stats.papersWithPromisedRepo)), "
            + "only 'this https URL' \(share(stats.papersWithRepoLost)))",
        "  owner link          \(share(stats.papersWithOwnerLink))",
        "  project page        \(share(stats.papersWithPage))",
        "  HF artifact         \(share(stats.papersWithArtifact))",
        "  arXiv reference     \(share(stats.papersWithArxivReference))",
        "  DOI                 \(share(stats.papersWithDOI))",
        "  promise sentence    \(share(stats.papersWithPromise))",
        "  link occurrences    \(stats.linkOccurrences) (\(fixed(Double(stats.linkOccurrences) / Double(papers), 2)) per paper)",
        "  URL forms:",
    ]
    let urlTotal = max(1, stats.formCounts.reduce(0, +))
    for form in LinkForm.allCases {
        let count = stats.formCounts[form.rawValue]
        let permille = (count * 1000 + urlTotal / 2) / urlTotal
        lines.append("    \(form.label): \(count) (\(permille / 10).\(permille % 10)%)")
    }
    return lines.joined(separator: "\n")
}

do {
    switch try BenchCommand.parse(Array(CommandLine.arguments.dropFirst())) {
    case .help:
        print(BenchCommand.usage)
    case .generate(let papers, let seed, let output):
        try runGenerate(papers: papers, seed: seed, output: output)
    }
} catch {
    printError("papergraph-bench: \(error)")
    exit(error.isUsage ? 64 : 1)
}

extension BenchError {
    var isUsage: Bool {
        if case .usage = self { return true }
        return false
    }
}
