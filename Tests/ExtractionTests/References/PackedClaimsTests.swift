import Testing
@testable import Extraction

@Suite struct PackedClaimsTests {
    /// Every field of every claim comes back as it was added, in order: names and expansions of
    /// any length and script, with and without an expansion, both tiers and shapes.
    @Test func claimsComeBackAsAdded() {
        let claims = [
            ReferenceIndex.Claim(name: "LoRA", paper: 0, tier: 2, shape: .distinctive, expansion: "low rank adaptation"),
            ReferenceIndex.Claim(name: "Mamba", paper: 7, tier: 1, shape: .plainWord, expansion: nil),
            ReferenceIndex.Claim(name: "(α,β)-Net", paper: 1_000_000, tier: 1, shape: .distinctive, expansion: ""),
            ReferenceIndex.Claim(
                name: String(repeating: "Ä", count: 300), paper: 3, tier: 0, shape: .distinctive,
                expansion: String(repeating: "long form ", count: 40)),
        ]
        var packed = PackedClaims()
        for round in 0..<20_000 { packed.append(claims[round % claims.count]) }
        #expect(packed.count == 20_000)
        var back: [ReferenceIndex.Claim] = []
        packed.forEach { back.append($0) }
        #expect(back == (0..<20_000).map { claims[$0 % claims.count] })
    }
}
