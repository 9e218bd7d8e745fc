import GRDB
import Analysis

/// Swift port of Benchmarks/analysis/synthetic.py: draws the same numbers in the same order,
/// so the database it writes is the one the Python reference values were computed on.
enum SyntheticCorpus {
    static let categories = ["cs.CL", "cs.LG", "cs.CV", "cs.AI", "cs.RO", "stat.ML"]

    struct Sizes {
        var repos, owners, pages, artifacts: Int
        init(papers: Int) {
            repos = max(10, papers * 3 / 10)
            owners = max(5, papers / 8)
            pages = max(10, papers * 2 / 5)
            artifacts = max(5, papers / 15)
        }
    }

    static func paperKey(_ i: Int) -> String {
        let prefix = 1 + i / 100_000, number = i % 100_000
        return "25" + pad(prefix, 2) + "." + pad(number, 5)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Python's `skewed`: half uniform, half log-uniform.
    static func skewed(_ rng: inout SplitMix64, _ n: Int) -> Int {
        if rng.below(2) == 0 { return rng.below(n) }
        let bitLength = Int.bitWidth - n.leadingZeroBitCount
        let b = rng.below(bitLength)
        return min(n - 1, (1 << b) - 1 + rng.below(1 << b))
    }

    static func write(papers: Int, seed: UInt64, density: Int = 1, into db: Database) throws {
        let s = Sizes(papers: papers)
        let (R, O, G, A) = (s.repos, s.owners, s.pages, s.artifacts)
        var rng = SplitMix64(seed: seed)
        for o in 1...O { try Insert.target(db, id: Int64(o), kind: "owner", target: "github.com/owner\(o)") }
        for r in 1...R {
            let owner = 1 + skewed(&rng, O)
            try Insert.target(
                db, id: Int64(O + r), kind: "repo", target: "github.com/owner\(owner)/repo\(r)", ownerID: Int64(owner))
        }
        for g in 1...G { try Insert.target(db, id: Int64(O + R + g), kind: "page", target: "lab\(g).example.org/project") }
        for a in 1...A {
            try Insert.target(
                db, id: Int64(O + R + G + a), kind: "artifact", target: "huggingface.co/datasets/org\(a)/set\(a)")
        }
        var nextTarget = O + R + G + A + 1
        var paperTargets = [String: Int]()

        for i in 1...papers {
            let primary = categories[rng.below(6)]
            var cats = primary
            if rng.below(3) == 0 {
                let second = categories[rng.below(6)]
                if second != primary { cats += " " + second }
            }
            let month = 1 + rng.below(12), day = 1 + rng.below(28)
            let date: String? = rng.below(20) == 0 ? nil : "2025-" + pad(month, 2) + "-" + pad(day, 2)
            let key = paperKey(i)
            try Insert.paper(
                db, id: Int64(i), key: key, title: "Synthetic paper \(i)", arxivID: key, categories: cats, date: date)

            var slot = 0
            func mention(_ target: Int, _ count: Int) throws {
                for _ in 0..<count {
                    try Insert.mention(db, paper: Int64(i), target: Int64(target), start: slot * 20)
                    slot += 1
                }
            }
            var hasRepo = false
            for _ in 0..<density {
                if rng.below(100) < 45 {
                    let repo = O + 1 + skewed(&rng, R)
                    let count = rng.below(4) == 0 ? 2 : 1
                    try mention(repo, count)
                    hasRepo = true
                }
                if rng.below(100) < 5 { try mention(1 + skewed(&rng, O), 1) }
                if rng.below(100) < 20 { try mention(O + R + 1 + rng.below(G), 1) }
                if rng.below(100) < 10 { try mention(O + R + G + 1 + skewed(&rng, A), 1) }
                if rng.below(100) < 10 && i > 1 {
                    let target: String, resolved: Int?
                    if rng.below(5) == 0 {
                        target = "arxiv:2499." + pad(skewed(&rng, papers / 10 + 1), 5)
                        resolved = nil
                    } else {
                        let cited = 1 + skewed(&rng, i - 1)
                        target = "arxiv:" + paperKey(cited)
                        resolved = cited
                    }
                    if paperTargets[target] == nil {
                        paperTargets[target] = nextTarget
                        try Insert.target(
                            db, id: Int64(nextTarget), kind: "paper", target: target, paperID: resolved.map(Int64.init))
                        nextTarget += 1
                    }
                    if let id = paperTargets[target] { try mention(id, 1) }
                }
            }
            let status: String?
            if hasRepo {
                status = rng.below(10) == 0 ? "promised" : "released"
            } else {
                let r = rng.below(100)
                status = r < 10 ? "promised" : (r < 95 ? "none" : nil)
            }
            if let status { try Insert.codeStatus(db, paper: Int64(i), status: status) }
        }
    }
}
