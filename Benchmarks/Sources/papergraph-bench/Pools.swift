/// The shared link targets papers draw from: code-host owners, repositories and Hugging Face
/// artifacts. Sharing is the point — popular repos and owners are cited by many papers, which is
/// what makes target de-duplication and owner edges matter in the ingest benchmark.
///
/// Names are built by mixed-radix decomposition of the pool index over word lists, so they are
/// unique without any set bookkeeping (and so without hash-order nondeterminism). The second digit
/// is offset by the first (a bijection), so neighbouring — equally popular — items do not all share
/// one word.
struct LinkPools {
    struct Repo {
        let owner: Int
        let name: Bytes
        /// A few repos live on GitLab so the extractor's other code hosts get exercised.
        let onGitLab: Bool
    }

    struct Artifact {
        /// `datasets/`, `spaces/` or empty for models, as in Hugging Face URLs.
        let section: Bytes
        let owner: Int
        let name: Bytes
    }

    let owners: [Bytes]
    let repos: [Repo]
    let artifacts: [Artifact]
    let repoPopularity: ZipfSampler
    let artifactPopularity: ZipfSampler
    /// github.io pages mostly belong to active owners; popularity over the owner pool.
    let ownerPopularity: ZipfSampler

    init(papers: Int, seed: UInt64, lexicon: Lexicon) {
        let ownerCount = max(3, papers * 12 / 100)
        let repoCount = max(5, papers * 30 / 100)
        let artifactCount = max(3, papers * 5 / 100)

        owners = (0..<ownerCount).map { Self.ownerName($0, lexicon) }

        // Repo owners: the first `ownerCount` repos give every owner one repo; the rest go to
        // owners by popularity, so big labs own many repos and most owners own one or two.
        var rng = Xoshiro256StarStar(seed: seed, stream: 0xC0DE_0000_0000_0001)
        let repoOwnerPopularity = ZipfSampler(count: ownerCount, offset: 20)
        repos = (0..<repoCount).map { index in
            let owner = index < ownerCount ? index : repoOwnerPopularity.sample(&rng)
            return Repo(owner: owner, name: Self.repoName(index, lexicon), onGitLab: index % 29 == 7)
        }

        artifacts = (0..<artifactCount).map { index in
            let section: Bytes
            switch index % 10 {
            case 0..<5: section = Array("datasets/".utf8)
            case 9: section = Array("spaces/".utf8)
            default: section = []
            }
            return Artifact(
                section: section, owner: (index &* 7919) % ownerCount, name: Self.artifactName(index, lexicon))
        }

        repoPopularity = ZipfSampler(count: repoCount, offset: 3)
        artifactPopularity = ZipfSampler(count: artifactCount, offset: 3)
        ownerPopularity = ZipfSampler(count: ownerCount, offset: 20)
    }

    /// Person handles (`weizhang`, `WeiZhang3`) never contain `-`; organisations (`TUM-VisionLab`)
    /// always do, so the two styles cannot collide even after lower-casing.
    private static func ownerName(_ index: Int, _ lexicon: Lexicon) -> Bytes {
        let slot = index / 2
        if index % 2 == 0 {
            let first = slot % lexicon.firstHandles.count
            let last = (slot / lexicon.firstHandles.count + first * 7) % lexicon.lastHandles.count
            let generation = slot / (lexicon.firstHandles.count * lexicon.lastHandles.count)
            var name = lexicon.firstHandles[first]
            var surname = lexicon.lastHandles[last]
            if slot % 3 == 1 {
                name[0] = asciiUppercased(name[0])
                surname[0] = asciiUppercased(surname[0])
            }
            name += surname
            if generation > 0 { appendDecimal(generation, to: &name) }
            return name
        } else {
            let university = slot % lexicon.universities.count
            let topic = (slot / lexicon.universities.count + university * 13) % lexicon.labTopics.count
            let kindSpan = lexicon.universities.count * lexicon.labTopics.count
            let kind = (slot / kindSpan) % lexicon.labKinds.count
            let generation = slot / (kindSpan * lexicon.labKinds.count)
            var name = lexicon.universities[university]
            name.append(UInt8(ascii: "-"))
            name += lexicon.labTopics[topic]
            name += lexicon.labKinds[kind]
            if generation > 0 { appendDecimal(generation + 1, to: &name) }
            return name
        }
    }

    /// `DeepFlow`, `deep-flow`, `Deep_Flow`, then numbered generations (`DeepFlow2`, `deep-flow-v2`).
    private static func repoName(_ index: Int, _ lexicon: Lexicon) -> Bytes {
        let heads = lexicon.repoHeads.count
        let tails = lexicon.repoTails.count
        let headIndex = index % heads
        let head = lexicon.repoHeads[headIndex]
        let tail = lexicon.repoTails[(index / heads + headIndex * 17) % tails]
        let cycle = index / (heads * tails)
        let generation = cycle / 3
        var name = Bytes()
        switch cycle % 3 {
        case 0:
            name = head + tail
            if generation > 0 { appendDecimal(generation + 1, to: &name) }
        case 1:
            name = asciiLowercased(head) + [UInt8(ascii: "-")] + asciiLowercased(tail)
            if generation > 0 {
                name += Array("-v".utf8)
                appendDecimal(generation + 1, to: &name)
            }
        default:
            name = head + [UInt8(ascii: "_")] + tail
            if generation > 0 {
                name.append(UInt8(ascii: "_"))
                appendDecimal(generation + 1, to: &name)
            }
        }
        return name
    }

    private static func artifactName(_ index: Int, _ lexicon: Lexicon) -> Bytes {
        let heads = lexicon.hfHeads.count
        let tails = lexicon.hfTails.count
        let headIndex = index % heads
        var name = lexicon.hfHeads[headIndex] + [UInt8(ascii: "-")] + lexicon.hfTails[(index / heads + headIndex * 11) % tails]
        let generation = index / (heads * tails)
        if generation > 0 {
            name += Array("-v".utf8)
            appendDecimal(generation + 1, to: &name)
        }
        return name
    }
}

@inline(__always)
func asciiUppercased(_ byte: UInt8) -> UInt8 {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) ? byte - 32 : byte
}

func asciiLowercased(_ bytes: Bytes) -> Bytes {
    bytes.map { ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) ? $0 + 32 : $0 }
}

/// Decimal digits of a non-negative integer, zero-padded to `width`, without going through `String`.
func appendDecimal(_ value: Int, width: Int = 1, to out: inout Bytes) {
    precondition(value >= 0, "negative numbers are never generated")
    var divisor = 1
    var digits = 1
    while divisor <= value / 10 {
        divisor *= 10
        digits += 1
    }
    if digits < width { out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits)) }
    var rest = value
    while divisor > 0 {
        out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
        rest %= divisor
        divisor /= 10
    }
}
