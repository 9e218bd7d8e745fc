/// Seeded pseudo-random numbers for corpus generation.
///
/// The generator must produce byte-identical corpora for the same seed on every platform and
/// toolchain, so it never goes through `RandomNumberGenerator`-based stdlib helpers (whose
/// algorithms may change between Swift releases) and never touches libm: every draw is built
/// from integer arithmetic and exactly-rounded IEEE division only.

/// SplitMix64, used to expand one 64-bit seed into xoshiro state as the xoshiro authors advise.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman & Vigna).
struct Xoshiro256StarStar {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
    }

    /// An independent stream for item `index` of a run seeded with `seed`, so that one paper's
    /// draws never depend on how many draws earlier papers made.
    init(seed: UInt64, stream index: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (index &* 0xD1B5_4A32_D192_ED03))
        self.init(seed: mixer.next())
    }

    @inline(__always)
    private static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, 45)
        return result
    }

    /// Uniform in `0..<bound` (Lemire's multiply-high; the bias is below 2^-40 for our bounds).
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "empty range")
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Uniform in `range`.
    @inline(__always)
    mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// Uniform in [0, 1) with 53 bits of precision.
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    @inline(__always)
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// Chance expressed in per-mille, for call sites that read better with integers.
    @inline(__always)
    mutating func perMille(_ threshold: Int) -> Bool {
        below(1000) < threshold
    }

    @inline(__always)
    mutating func pick<Element>(_ items: [Element]) -> Element {
        items[below(items.count)]
    }
}

/// Zipf–Mandelbrot ranks with exponent 1: P(k) ∝ 1 / (k + offset). Exponent 1 keeps the table
/// free of `pow`, whose last-ulp results differ between C libraries.
struct ZipfSampler {
    private let cumulative: [Double]

    init(count: Int, offset: Double) {
        precondition(count > 0, "a Zipf pool needs at least one item")
        var running = 0.0
        var table = [Double]()
        table.reserveCapacity(count)
        for rank in 0..<count {
            running += 1.0 / (Double(rank) + 1.0 + offset)
            table.append(running)
        }
        cumulative = table
    }

    var count: Int { cumulative.count }

    /// A rank in `0..<count`; rank 0 is the most popular item.
    func sample(_ rng: inout Xoshiro256StarStar) -> Int {
        let target = rng.unit() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
