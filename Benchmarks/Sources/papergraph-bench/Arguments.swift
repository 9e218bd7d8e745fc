/// A deliberately tiny command-line parser: the bench target stays free of ArgumentParser so it
/// builds fast and measures nothing but the code under test.

enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case cannotOpen(path: String, errno: Int32)
    case writeFailed(path: String, errno: Int32)

    var description: String {
        switch self {
        case .usage(let message):
            "\(message)\n\n\(BenchCommand.usage)"
        case .cannotOpen(let path, let code):
            "cannot create '\(path)' (errno \(code)); check that the directory exists and is writable"
        case .writeFailed(let path, let code):
            "writing '\(path)' failed (errno \(code)); is the disk full?"
        }
    }
}

enum BenchCommand {
    case generate(papers: Int, seed: UInt64, output: String)
    case help

    static let usage = """
        usage: papergraph-bench generate --papers N [--seed S] -o FILE
               papergraph-bench help

          generate   write a deterministic synthetic arXiv listing corpus (JSON Lines)
            --papers N     number of papers (suffixes k and m allowed: 200k, 1m)
            --seed S       64-bit seed (default 1); same N and seed give a byte-identical file
            -o, --output   output file, or - for standard output
        """

    static func parse(_ arguments: [String]) throws(BenchError) -> BenchCommand {
        guard let subcommand = arguments.first else { throw .usage("missing subcommand") }
        switch subcommand {
        case "help", "-h", "--help":
            return .help
        case "generate":
            return try parseGenerate(Array(arguments.dropFirst()))
        default:
            throw .usage("unknown subcommand '\(subcommand)'")
        }
    }

    private static func parseGenerate(_ arguments: [String]) throws(BenchError) -> BenchCommand {
        var papers: Int?
        var seed: UInt64 = 1
        var output: String?
        var position = 0
        func value(for option: String) throws(BenchError) -> String {
            position += 1
            guard position < arguments.count else { throw .usage("option '\(option)' needs a value") }
            return arguments[position]
        }
        while position < arguments.count {
            let argument = arguments[position]
            switch argument {
            case "--papers", "-n":
                let text = try value(for: argument)
                guard let count = parseCount(text), count > 0 else {
                    throw .usage("--papers expects a positive count such as 200000 or 200k, got '\(text)'")
                }
                papers = count
            case "--seed", "-s":
                let text = try value(for: argument)
                guard let parsed = UInt64(text) else {
                    throw .usage("--seed expects a non-negative integer below 2^64, got '\(text)'")
                }
                seed = parsed
            case "--output", "-o":
                output = try value(for: argument)
            case "-h", "--help":
                return .help
            default:
                throw .usage("unexpected argument '\(argument)'")
            }
            position += 1
        }
        guard let papers else { throw .usage("generate needs --papers N") }
        guard papers <= CorpusGenerator.maximumPapers else {
            throw .usage("--papers is limited to \(CorpusGenerator.maximumPapers) (arXiv-style ids run out)")
        }
        guard let output else { throw .usage("generate needs -o FILE (use - for standard output)") }
        return .generate(papers: papers, seed: seed, output: output)
    }

    /// `200000`, `200_000`, `200k`, `1m`.
    static func parseCount(_ text: String) -> Int? {
        var digits = text.lowercased().filter { $0 != "_" }
        var multiplier = 1
        if digits.hasSuffix("k") {
            multiplier = 1_000
            digits.removeLast()
        } else if digits.hasSuffix("m") {
            multiplier = 1_000_000
            digits.removeLast()
        }
        guard let value = Int(digits) else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : product
    }
}
