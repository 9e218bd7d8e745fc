import Foundation
import Testing
@testable import Extraction

@Suite struct AhoCorasickTests {
    /// Every (pattern, start, end) a naive search finds, for comparison.
    private func naive(_ patterns: [String], _ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var found: [String] = []
        for (index, pattern) in patterns.enumerated() {
            let needle = Array(pattern.utf8)
            guard !needle.isEmpty, needle.count <= bytes.count else { continue }
            if patterns[..<index].contains(pattern) { continue }
            for start in 0...(bytes.count - needle.count) where Array(bytes[start..<start + needle.count]) == needle {
                found.append("\(index)@\(start)-\(start + needle.count)")
            }
        }
        return found.sorted()
    }

    private func automatonMatches(_ patterns: [String], _ text: String) -> [String] {
        AhoCorasick(patterns: patterns).matches(in: text).map { "\($0.pattern)@\($0.start)-\($0.end)" }.sorted()
    }

    @Test func findsOverlappingAndNestedPatterns() {
        let patterns = ["he", "she", "his", "hers", "HAWQ", "HAWQ-V2", "AWQ"]
        let text = "ushers and HAWQ-V2 beat HAWQ; she said his"
        #expect(automatonMatches(patterns, text) == naive(patterns, text))
    }

    @Test func regexMetacharactersAreLiteral() {
        let patterns = ["C++", "A*", "(α,β)-Net", ".*", "[x]", "a|b", "^$", "\\d+"]
        let text = "We port A* search to C++ and compare (α,β)-Net; .* and [x] and a|b, ^$ or \\d+ stay literal. Ab"
        let found = automatonMatches(patterns, text)
        #expect(found == naive(patterns, text))
        #expect(found.count == 8)
    }

    @Test func agreesWithNaiveSearchOnRandomInput() {
        var generator = SplitMix(seed: 7)
        let alphabet = Array("abAB-+ ")
        for _ in 0..<60 {
            let patterns = (0..<Int(generator.next() % 12 + 1)).map { _ in
                String((0..<Int(generator.next() % 4 + 1)).map { _ in alphabet[Int(generator.next() % 7)] })
            }
            let text = String((0..<80).map { _ in alphabet[Int(generator.next() % 7)] })
            #expect(automatonMatches(patterns, text) == naive(patterns, text), "patterns \(patterns) text \(text)")
        }
    }

    /// `forEachMatch(atWordStartsIn:)` is `forEachMatch(in:)` minus the occurrences that start on
    /// an ASCII letter or digit right after another, on texts long enough for the eight-byte blocks
    /// and with multi-byte scalars and line breaks mixed in.
    @Test func wordStartMatchesAreAllMatchesNotInsideAWord() {
        var generator = SplitMix(seed: 11)
        let alphabet = Array("abAB1-+ é\n(")
        for _ in 0..<200 {
            let patterns = (0..<Int(generator.next() % 12 + 1)).map { _ in
                String((0..<Int(generator.next() % 4 + 1)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            }
            let text = String((0..<Int(generator.next() % 90)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let automaton = AhoCorasick(patterns: patterns)
            let bytes = Array(text.utf8)
            func isAlnum(_ byte: UInt8) -> Bool { (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
            let expected = automaton.matches(in: text).filter { match in
                !(match.start > 0 && isAlnum(bytes[match.start]) && isAlnum(bytes[match.start - 1]))
            }.map { "\($0.pattern)@\($0.start)-\($0.end)" }.sorted()
            var found: [String] = []
            bytes.withUnsafeBufferPointer { buffer in
                automaton.forEachMatch(atWordStartsIn: buffer) { found.append("\($0)@\($1)-\($2)") }
            }
            #expect(found.sorted() == expected, "patterns \(patterns) text \(text)")
        }
    }

    @Test func lineBreaksMatchSpaces() {
        let matches = AhoCorasick(patterns: ["Llama 2"]).matches(in: "we tune Llama\n2 here")
        #expect(matches.count == 1)
        #expect(matches.first?.start == 8)
    }

    @Test func emptyDictionaryAndEmptyPatternsNeverMatch() {
        #expect(AhoCorasick(patterns: []).matches(in: "anything").isEmpty)
        #expect(AhoCorasick(patterns: ["", "x"]).matches(in: "axb").map(\.pattern) == [1])
    }

    @Test func multibytePatternsReportByteOffsets() {
        let matches = AhoCorasick(patterns: ["Übernet", "ß-VAE"]).matches(in: "ein Übernet und ß-VAE")
        #expect(matches.map(\.pattern) == [0, 1])
        #expect(matches.map(\.start) == [4, 17])
    }

    /// A million names, as a large store would claim: the automaton must build in reasonable
    /// time and memory and still find exactly the names in the text.
    @Test func millionNameDictionaryBuildsAndMatches() {
        // Syllables with distinct first characters form a prefix code, so distinct numbers give
        // distinct names without a set; scrambling the number spreads them over the trie.
        let syllables = ["ka", "Lo", "mi", "Zu", "rax", "Net", "po", "Vi", "T", "qu", "GAN", "ber", "-", "2", "X", "ye"]
        let heads = ["Pre", "Mo", "Hy", "Lu", "Ra", "Ze"]
        var sortedNames: [String] = []
        sortedNames.reserveCapacity(1_000_000)
        for number in 0..<1_000_000 {
            var value = (UInt32(number) &* 0x9E37_79B1) & 0xFF_FFFF
            var name = heads[number % heads.count]
            repeat {
                name += syllables[Int(value & 15)]
                value >>= 4
            } while value != 0
            sortedNames.append(name)
        }
        let clock = ContinuousClock()
        let started = clock.now
        let automaton = AhoCorasick(patterns: sortedNames)
        let built = clock.now - started
        print("1M names: \(automaton.nodeCount) nodes, \(automaton.memoryFootprint / 1_048_576) MiB, built in \(built)")
        #expect(automaton.patternCount == 1_000_000)
        // ~17 bytes per trie node; a million names of ~10 bytes stay well under 200 MiB.
        #expect(automaton.memoryFootprint < 200 * 1_048_576)
        #expect(built < .seconds(120))

        let probes = [sortedNames[0], sortedNames[499_999], sortedNames[999_999]]
        let text = "Unlike \(probes[0]), we extend \(probes[1]) and beat \(probes[2]) on CIFAR."
        let found = Set(automaton.matches(in: text).map { sortedNames[$0.pattern] })
        for probe in probes { #expect(found.contains(probe)) }
        // Whatever else matched must really be in the text at that place.
        for match in automaton.matches(in: text) {
            let bytes = Array(text.utf8)[match.start..<match.end]
            #expect(String(decoding: bytes, as: UTF8.self) == sortedNames[match.pattern])
        }
    }
}

/// Deterministic pseudo-random numbers for generated test inputs.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
