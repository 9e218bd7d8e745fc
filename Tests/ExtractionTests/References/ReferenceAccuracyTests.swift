import Corpus
import Testing
@testable import Extraction

/// Precision and recall of each rule on the hand-labelled set. Precision is what matters: a
/// wrong link is worse than a missing one.
@Suite struct ReferenceAccuracyTests {
    struct Score {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var danglingExpected = 0
        var danglingFound = 0
        var danglingSpurious = 0

        var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
    }

    private static func evaluate(options: ReferenceMatcher.NameOptions = .init()) -> (scores: [ReferenceRule: Score], errors: [String]) {
        var index = ReferenceIndex()
        for item in LabelledReferences.all { index.add(item.record) }
        var matcher = index.compiled().pruningEstablishedNames(in: LabelledReferences.all.map(\.record))
        matcher.options = options
        var aliasByKey: [String: String] = [:]
        for item in LabelledReferences.all { aliasByKey[item.record.id] = item.alias }

        var scores: [ReferenceRule: Score] = [:]
        var errors: [String] = []
        for item in LabelledReferences.all {
            let citing = matcher.index(ofKey: item.record.id)
            let mentions = matcher.identifierMentions(in: extract(item.record), citing: citing) + matcher.mentions(in: item.record)
            let found = mentions.map { mention in
                LabelledReferences.Expected(
                    rule: ReferenceRule(rawValue: mention.rule) ?? .name, text: mention.text,
                    cited: mention.resolvedID.map { aliasByKey[$0] ?? $0 })
            }
            let expected = Set(item.expected)
            for hit in found {
                var score = scores[hit.rule, default: Score()]
                if hit.cited != nil {
                    if expected.contains(hit) {
                        score.truePositives += 1
                    } else {
                        score.falsePositives += 1
                        errors.append("FP \(item.alias): \(hit.rule.rawValue) \"\(hit.text)\" → \(hit.cited ?? "-")")
                    }
                } else if expected.contains(hit) {
                    score.danglingFound += 1
                } else if !expected.contains(where: { $0.rule == hit.rule && $0.text == hit.text }) {
                    score.danglingSpurious += 1
                    errors.append("dangling \(item.alias): \(hit.rule.rawValue) \"\(hit.text)\" (unexpected)")
                }
                scores[hit.rule] = score
            }
            for want in expected {
                var score = scores[want.rule, default: Score()]
                if want.cited == nil {
                    score.danglingExpected += 1
                    if !found.contains(want) { errors.append("missed dangling \(item.alias): \(want.rule.rawValue) \"\(want.text)\"") }
                } else if !found.contains(want) {
                    score.falseNegatives += 1
                    let got = found.filter { $0.text == want.text }.map { "\($0.rule.rawValue)→\($0.cited ?? "dangling")" }
                    errors.append("FN \(item.alias): \(want.rule.rawValue) \"\(want.text)\" → \(want.cited ?? "-") got \(got)")
                }
                scores[want.rule] = score
            }
        }
        return (scores, errors)
    }

    @Test func labelledSetIsLargeEnough() {
        #expect(LabelledReferences.citing.count >= 60)
        let keys = LabelledReferences.all.map(\.record.id)
        #expect(Set(keys).count == keys.count, "labelled papers must have distinct ids")
    }

    /// Prints the per-rule table README's "Reference accuracy" section shows:
    /// `swift test --filter ReferenceAccuracyTests 2>&1 | grep '^|'`.
    @Test func precisionAndRecallPerRule() {
        let (scores, errors) = Self.evaluate()
        var labelled: [ReferenceRule: Int] = [:]
        for item in LabelledReferences.all {
            for expected in item.expected { labelled[expected.rule, default: 0] += 1 }
        }
        let negatives = LabelledReferences.citing.filter(\.expected.isEmpty).count
        var total = Score()
        print("| rule | labelled references | TP | FP | FN | precision | recall | dangling found / expected |")
        print("|---|---|---|---|---|---|---|---|")
        for rule in ReferenceRule.allCases {
            guard let score = scores[rule] else { continue }
            total.truePositives += score.truePositives
            total.falsePositives += score.falsePositives
            total.falseNegatives += score.falseNegatives
            total.danglingFound += score.danglingFound
            total.danglingExpected += score.danglingExpected
            print(
                "| `\(rule.rawValue)` | \(labelled[rule] ?? 0) | \(score.truePositives) | \(score.falsePositives) | "
                    + "\(score.falseNegatives) | \(score.precision.formatted3) | \(score.recall.formatted3) | "
                    + "\(score.danglingFound) / \(score.danglingExpected) |")
        }
        print(
            "| all | \(labelled.values.reduce(0, +)) | \(total.truePositives) | \(total.falsePositives) | "
                + "\(total.falseNegatives) | \(total.precision.formatted3) | \(total.recall.formatted3) | "
                + "\(total.danglingFound) / \(total.danglingExpected) |")
        print(
            "labelled set: \(LabelledReferences.cited.count) cited papers, \(LabelledReferences.citing.count) citing "
                + "snippets (\(negatives) of them must yield no reference)")
        for error in errors { print("  \(error)") }
        #expect(total.precision >= 0.98)
        #expect(total.recall >= 0.80)
        for (rule, score) in scores { #expect(score.precision >= 0.98, "precision of \(rule.rawValue)") }
    }
}

extension ReferenceAccuracyTests {
    /// What each switchable name rule is worth on the labelled set: the `name` row with the rule
    /// off. (Topical agreement, and so the titled-release exemption from it, needs 1,000
    /// indexed papers and never acts here; `RealCorpusAudit` measures it.)
    @Test func eachNameRuleEarnsItsPlace() {
        let baseline = Self.evaluate().scores[.name] ?? Score()
        let variants: [(String, (inout ReferenceMatcher.NameOptions) -> Void)] = [
            ("ordinary-word names need corroboration", { $0.ordinaryWordNamesNeedCorroboration = false }),
            ("established sense per abstract", { $0.establishedSensePerAbstract = false }),
        ]
        for (rule, switchOff) in variants {
            var options = ReferenceMatcher.NameOptions()
            switchOff(&options)
            let (scores, errors) = Self.evaluate(options: options)
            let without = scores[.name] ?? Score()
            print("name rule off: \(rule) → TP \(without.truePositives), FP \(without.falsePositives), "
                + "FN \(without.falseNegatives) (on: TP \(baseline.truePositives), FP \(baseline.falsePositives), "
                + "FN \(baseline.falseNegatives))")
            for error in errors where error.hasPrefix("FP") { print("  \(error)") }
            #expect(without.falsePositives > baseline.falsePositives, "\(rule)")
            #expect(without.truePositives == baseline.truePositives, "\(rule) costs no labelled link")
        }
    }
}

extension Int {
    fileprivate func padded(_ width: Int) -> String {
        let text = String(self)
        return String(repeating: " ", count: Swift.max(0, width - text.count)) + text
    }
}

extension Double {
    fileprivate var formatted3: String {
        let thousandths = Int((self * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
