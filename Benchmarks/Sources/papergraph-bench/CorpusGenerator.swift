/// Deterministic synthetic arXiv listing corpus (JSON Lines, same shape as the real listings in
/// `shared/corpora`): one paper per line with `id`, `title`, `authors`, `categories`, `comment`,
/// `abstract`, `listing_date`.
///
/// Every paper draws from its own random stream (seed, paper index), so paper *i* is the same
/// whatever happens to papers before it; only the shared link pools depend on the corpus size.

/// How a link is written. Most are clean; the rest are the messy spellings real abstracts contain.
enum LinkForm: Int, CaseIterable {
    case plain, trailingSlash, httpScheme, noScheme, wwwHost, parenthesised, latexURL, latexHref,
        latexHrefText, markdownThisURL, bareThisURL, treeSubpath, dotGit, wrappedAcrossLine,
        commentNoSpace

    var label: String {
        switch self {
        case .plain: "plain"
        case .trailingSlash: "trailing-slash"
        case .httpScheme: "http-scheme"
        case .noScheme: "no-scheme"
        case .wwwHost: "www-host"
        case .parenthesised: "parenthesised"
        case .latexURL: "latex-url"
        case .latexHref: "latex-href"
        case .latexHrefText: "latex-href-text"
        case .markdownThisURL: "markdown-this-https-url"
        case .bareThisURL: "bare-this-https-url (link lost)"
        case .treeSubpath: "tree-subpath"
        case .dotGit: "dot-git"
        case .wrappedAcrossLine: "wrapped-across-newline"
        case .commentNoSpace: "comment-label-without-space"
        }
    }
}

/// What was planted, so the generator can report the mix it produced.
struct GeneratorStats {
    var papers = 0
    var bytes = 0
    var wrappedAbstracts = 0
    var nonNullComments = 0
    var abstractScalars = 0
    var papersWithRepo = 0
    var papersWithRepoInComment = 0
    var papersWithSecondRepo = 0
    var papersWithOwnerLink = 0
    var papersWithPage = 0
    var papersWithArtifact = 0
    var papersWithArxivReference = 0
    var papersWithDOI = 0
    var papersWithPromise = 0
    var papersWithPromisedRepo = 0
    /// Papers where every planted repo link is an un-extractable `this https URL`.
    var papersWithRepoLost = 0
    var linkOccurrences = 0
    var formCounts = [Int](repeating: 0, count: LinkForm.allCases.count)
}

/// Per-paper mutable state that template slots read.
struct PaperContext {
    var rng: Xoshiro256StarStar
    var method = Bytes()
    /// The rendered link for `{U}`.
    var url = Bytes()
    /// The rendered reference for `{R}`.
    var reference = Bytes()
}

/// Reused buffers, so a paper costs no allocations once they have grown.
struct Scratch {
    var title = Bytes()
    var abstract = Bytes()
    var middle = Bytes()
    var tail = Bytes()
    var comment = Bytes()
    var piece = Bytes()
}

struct CorpusGenerator {
    /// arXiv assigns five-digit numbers per month; 20k a month keeps 1M papers within 50 months.
    static let papersPerMonth = 20_000
    static let maximumPapers = 75 * 12 * papersPerMonth

    let papers: Int
    let seed: UInt64
    let lexicon: Lexicon
    let pools: LinkPools

    init(papers: Int, seed: UInt64) {
        self.papers = papers
        self.seed = seed
        lexicon = Lexicon()
        pools = LinkPools(papers: papers, seed: seed, lexicon: lexicon)
    }

    func makeContext(forPaper index: Int) -> PaperContext {
        PaperContext(rng: Xoshiro256StarStar(seed: seed, stream: UInt64(index)))
    }

    // MARK: - One paper

    /// Appends paper `index` as one JSON line to `out`.
    func appendPaper(_ index: Int, to out: inout Bytes, scratch: inout Scratch, stats: inout GeneratorStats) {
        var ctx = makeContext(forPaper: index)
        let start = out.count

        // All decisions are drawn up front in a fixed order, so changing how one part is
        // rendered never shifts the random stream of the decisions.
        let wrapped = ctx.rng.below(2) == 0
        let hasRepo = ctx.rng.perMille(400)
        let repoInComment = hasRepo && ctx.rng.perMille(250)
        let repoPromised = hasRepo && !repoInComment && ctx.rng.perMille(120)
        let hasSecondRepo = hasRepo && ctx.rng.perMille(100)
        let hasOwnerLink = ctx.rng.perMille(20)
        let hasPage = ctx.rng.perMille(150)
        let pageInComment = ctx.rng.perMille(500)
        let hasArtifact = ctx.rng.perMille(80)
        let artifactInComment = ctx.rng.perMille(250)
        let hasArxiv = ctx.rng.perMille(80) && papers > 1
        let arxivInComment = ctx.rng.perMille(250)
        let hasDOI = ctx.rng.perMille(50)
        let doiInComment = ctx.rng.perMille(600)
        let hasPromise = ctx.rng.perMille(100)
        let promiseInComment = ctx.rng.perMille(200)
        let plainComment = ctx.rng.perMille(420)
        let abstractLength = ctx.rng.inRange(1000...1800)

        appendMethodName(&ctx)

        // Title
        scratch.title.removeAll(keepingCapacity: true)
        render(ctx.rng.pick(lexicon.titleTemplates), &ctx, into: &scratch.title)

        out += #"{"id": ""#.utf8
        appendArxivID(index, to: &out)
        out += #"", "title": "#.utf8
        appendJSONString(scratch.title, to: &out)
        out += #", "authors": ["#.utf8
        appendAuthors(&ctx, to: &out)
        out += #"], "categories": ["#.utf8
        appendCategories(&ctx, to: &out)
        out += #"], "comment": "#.utf8

        // Links, rendered into the comment, the middle of the abstract or its tail.
        scratch.comment.removeAll(keepingCapacity: true)
        scratch.middle.removeAll(keepingCapacity: true)
        scratch.tail.removeAll(keepingCapacity: true)
        let separator: Bytes = ctx.rng.pick([Array("; ".utf8), Array(". ".utf8), Array(", ".utf8)])

        if plainComment || repoInComment || (hasPage && pageInComment) || (hasArtifact && artifactInComment)
            || (hasArxiv && arxivInComment) || (hasDOI && doiInComment) || (hasPromise && promiseInComment)
        {
            let shape = ctx.rng.below(1000)
            if shape < 650 {
                appendDecimal(ctx.rng.inRange(4...40), to: &scratch.comment)
                scratch.comment += " pages, ".utf8
                appendDecimal(ctx.rng.inRange(1...20), to: &scratch.comment)
                scratch.comment += " figures".utf8
            } else if shape < 750 {
                appendDecimal(ctx.rng.inRange(4...40), to: &scratch.comment)
                scratch.comment += " pages".utf8
            }
            if ctx.rng.perMille(350) {
                if !scratch.comment.isEmpty { scratch.comment += separator }
                render(ctx.rng.pick(lexicon.commentVenues), &ctx, into: &scratch.comment)
            }
        }

        var repoExtractable = false
        if hasRepo {
            stats.papersWithRepo += 1
            let repo = pools.repos[pools.repoPopularity.sample(&ctx.rng)]
            if repoInComment {
                stats.papersWithRepoInComment += 1
                let form = chooseForm(.repo, wrapped: false, inComment: true, &ctx)
                appendCommentLink(
                    label: ctx.rng.pick(lexicon.commentRepoLabels), form: form, separator: separator,
                    &ctx, scratch: &scratch, stats: &stats
                ) { ctx, out in appendRepoCore(repo, to: &out) }
                repoExtractable = form != .bareThisURL
            } else {
                let form = chooseForm(.repo, wrapped: wrapped, inComment: false, &ctx)
                setURL(form: form, &ctx) { ctx, out in appendRepoCore(repo, to: &out) }
                count(form, &stats)
                let templates = repoPromised ? lexicon.promisedRepoSentences : lexicon.repoSentences
                if repoPromised { stats.papersWithPromisedRepo += 1 }
                appendSentence(ctx.rng.pick(templates), &ctx, to: &scratch.tail)
                repoExtractable = form != .bareThisURL
            }
        }
        if hasSecondRepo {
            stats.papersWithSecondRepo += 1
            // The toolkit a paper builds on is usually a popular repo: skew towards the head.
            let rank = min(pools.repoPopularity.sample(&ctx.rng), pools.repoPopularity.sample(&ctx.rng))
            let repo = pools.repos[rank]
            let form = chooseForm(.repo, wrapped: wrapped, inComment: false, &ctx)
            setURL(form: form, &ctx) { ctx, out in appendRepoCore(repo, to: &out) }
            count(form, &stats)
            appendSentence(ctx.rng.pick(lexicon.secondRepoSentences), &ctx, to: &scratch.tail)
            repoExtractable = repoExtractable || form != .bareThisURL
        }
        if hasRepo && !repoExtractable { stats.papersWithRepoLost += 1 }

        if hasOwnerLink {
            stats.papersWithOwnerLink += 1
            let owner = pools.ownerPopularity.sample(&ctx.rng)
            setURL(form: .plain, &ctx) { [pools] ctx, out in
                out += "github.com/".utf8
                out += pools.owners[owner]
            }
            count(.plain, &stats)
            appendSentence(ctx.rng.pick(lexicon.ownerSentences), &ctx, to: &scratch.tail)
        }

        if hasPage {
            stats.papersWithPage += 1
            let variant = ctx.rng.below(100)
            let owner = pools.ownerPopularity.sample(&ctx.rng)
            let domain = ctx.rng.pick(lexicon.universityDomains)
            let person = ctx.rng.pick(lexicon.firstHandles)
            let core: (inout PaperContext, inout Bytes) -> Void = { [pools] ctx, out in
                switch variant {
                case 0..<55:
                    out += asciiLowercased(pools.owners[owner])
                    out += ".github.io/".utf8
                    out += ctx.method
                case 55..<70:
                    out += asciiLowercased(ctx.method)
                    out += "-project.github.io".utf8
                case 70..<85:
                    out += domain
                    out += "/projects/".utf8
                    out += asciiLowercased(ctx.method)
                default:
                    out += domain
                    out += "/~".utf8
                    out += person
                    out.append(UInt8(ascii: "/"))
                    out += ctx.method
                    out += ".html".utf8
                }
            }
            if pageInComment {
                let form = chooseForm(.page, wrapped: false, inComment: true, &ctx)
                appendCommentLink(
                    label: ctx.rng.pick(lexicon.commentPageLabels), form: form, separator: separator,
                    &ctx, scratch: &scratch, stats: &stats, core: core)
            } else {
                let form = chooseForm(.page, wrapped: wrapped, inComment: false, &ctx)
                setURL(form: form, &ctx, core: core)
                count(form, &stats)
                appendSentence(ctx.rng.pick(lexicon.pageSentences), &ctx, to: &scratch.tail)
            }
        }

        if hasArtifact {
            stats.papersWithArtifact += 1
            let artifact = pools.artifacts[pools.artifactPopularity.sample(&ctx.rng)]
            let core: (inout PaperContext, inout Bytes) -> Void = { [pools] ctx, out in
                out += "huggingface.co/".utf8
                out += artifact.section
                out += pools.owners[artifact.owner]
                out.append(UInt8(ascii: "/"))
                out += artifact.name
            }
            if artifactInComment {
                let form = chooseForm(.artifact, wrapped: false, inComment: true, &ctx)
                appendCommentLink(
                    label: ctx.rng.pick(lexicon.commentArtifactLabels), form: form, separator: separator,
                    &ctx, scratch: &scratch, stats: &stats, core: core)
            } else {
                let form = chooseForm(.artifact, wrapped: wrapped, inComment: false, &ctx)
                setURL(form: form, &ctx, core: core)
                count(form, &stats)
                appendSentence(ctx.rng.pick(lexicon.artifactSentences), &ctx, to: &scratch.tail)
            }
        }

        if hasArxiv {
            stats.papersWithArxivReference += 1
            stats.linkOccurrences += 1
            var cited = index > 0 && ctx.rng.perMille(700) ? ctx.rng.below(index) : ctx.rng.below(papers)
            if cited == index { cited = (cited + 1) % papers }
            ctx.reference.removeAll(keepingCapacity: true)
            let spelling = ctx.rng.below(1000)
            switch spelling {
            case 0..<700:
                ctx.reference += "arXiv:".utf8
                appendArxivID(cited, to: &ctx.reference)
            case 700..<800:
                ctx.reference += "arXiv:".utf8
                appendArxivID(cited, to: &ctx.reference)
                ctx.reference += "v2".utf8
            case 800..<950:
                ctx.reference += "https://arxiv.org/abs/".utf8
                appendArxivID(cited, to: &ctx.reference)
            default:
                ctx.reference += "arXiv: ".utf8
                appendArxivID(cited, to: &ctx.reference)
            }
            if arxivInComment {
                appendCommentPart(ctx.rng.pick(lexicon.commentArxivLabels) + ctx.reference, separator, &scratch.comment)
            } else {
                render(ctx.rng.pick(lexicon.arxivSentences), &ctx, into: &scratch.middle)
            }
        }

        if hasDOI {
            stats.papersWithDOI += 1
            stats.linkOccurrences += 1
            ctx.reference.removeAll(keepingCapacity: true)
            let bare = doiInComment && ctx.rng.perMille(300)
            appendDOI(&ctx.rng, bare: bare, to: &ctx.reference)
            if doiInComment {
                appendCommentPart(ctx.rng.pick(lexicon.commentDOILabels) + ctx.reference, separator, &scratch.comment)
            } else {
                appendSentence(ctx.rng.pick(lexicon.doiSentences), &ctx, to: &scratch.tail)
            }
        }

        if hasPromise {
            stats.papersWithPromise += 1
            if promiseInComment {
                appendCommentPart(ctx.rng.pick(lexicon.commentPromises), separator, &scratch.comment)
            } else {
                if !scratch.tail.isEmpty { scratch.tail.append(UInt8(ascii: " ")) }
                scratch.tail += ctx.rng.pick(lexicon.promiseSentences)
            }
        }

        if scratch.comment.isEmpty {
            out += "null".utf8
        } else {
            stats.nonNullComments += 1
            appendJSONString(scratch.comment, to: &out)
        }

        // Abstract: opening, body sentences up to the drawn length, an optional citation sentence
        // after the first body sentence, then the link sentences.
        scratch.abstract.removeAll(keepingCapacity: true)
        render(ctx.rng.pick(lexicon.openingTemplates), &ctx, into: &scratch.abstract)
        let bodyCount = lexicon.bodyTemplates.count
        let first = ctx.rng.below(bodyCount)
        let step = ctx.rng.pick(lexicon.bodySteps)
        var written = 0
        while written < 2 || (written < bodyCount && scratch.abstract.count + scratch.tail.count < abstractLength) {
            appendSentence(lexicon.bodyTemplates[(first + written * step) % bodyCount], &ctx, to: &scratch.abstract)
            written += 1
            if written == 1 && !scratch.middle.isEmpty {
                scratch.abstract.append(UInt8(ascii: " "))
                scratch.abstract += scratch.middle
            }
        }
        if !scratch.tail.isEmpty {
            scratch.abstract.append(UInt8(ascii: " "))
            scratch.abstract += scratch.tail
        }
        if wrapped {
            stats.wrappedAbstracts += 1
            hardWrap(&scratch.abstract, width: 79)
        }
        stats.abstractScalars += scratch.abstract.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }

        out += #", "abstract": "#.utf8
        appendJSONString(scratch.abstract, to: &out)
        out += #", "listing_date": ""#.utf8
        appendListingDate(index, to: &out)
        out += "\"}\n".utf8

        stats.papers += 1
        stats.bytes += out.count - start
    }

    // MARK: - Identifiers and dates

    func appendArxivID(_ index: Int, to out: inout Bytes) {
        let month = index / Self.papersPerMonth
        appendDecimal(25 + month / 12, width: 2, to: &out)
        appendDecimal(month % 12 + 1, width: 2, to: &out)
        out.append(UInt8(ascii: "."))
        appendDecimal(index % Self.papersPerMonth + 1, width: 5, to: &out)
    }

    /// Listing dates advance with the id, like a real listing month.
    func appendListingDate(_ index: Int, to out: inout Bytes) {
        let month = index / Self.papersPerMonth
        out += "20".utf8
        appendDecimal(25 + month / 12, width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        appendDecimal(month % 12 + 1, width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        appendDecimal(1 + (index % Self.papersPerMonth) * 28 / Self.papersPerMonth, width: 2, to: &out)
    }

    // MARK: - Names

    private func appendMethodName(_ ctx: inout PaperContext) {
        ctx.method.removeAll(keepingCapacity: true)
        let style = ctx.rng.below(10)
        let parts = lexicon.methodParts
        let first = ctx.rng.below(parts.count)
        let second = (first + 1 + ctx.rng.below(parts.count - 1)) % parts.count
        switch style {
        case 0..<6:
            ctx.method += parts[first] + parts[second]
        case 6..<8:
            let letters = Array("ABCDEFGHIJKLMNOPRSTUVWXZ".utf8)
            for _ in 0..<ctx.rng.inRange(3...5) { ctx.method.append(ctx.rng.pick(letters)) }
        case 8:
            ctx.method += parts[first]
            ctx.method.append(UInt8(ascii: "-"))
            ctx.method += ctx.rng.pick([Array("VL".utf8), Array("XL".utf8), Array("R1".utf8), Array("Zero".utf8)])
        default:
            ctx.method += parts[first] + parts[second]
            ctx.method += ctx.rng.pick([Array("2".utf8), Array("++".utf8), Array("3D".utf8), Array("-Lite".utf8)])
        }
    }

    private func appendAuthors(_ ctx: inout PaperContext, to out: inout Bytes) {
        let roll = ctx.rng.below(1000)
        let count: Int
        switch roll {
        case 0..<80: count = 1
        case 80..<200: count = 2
        case 200..<350: count = 3
        case 350..<500: count = 4
        case 500..<620: count = 5
        case 620..<720: count = 6
        case 720..<800: count = 7
        case 800..<860: count = 8
        case 860..<930: count = ctx.rng.inRange(9...12)
        case 930..<985: count = ctx.rng.inRange(13...20)
        default: count = ctx.rng.inRange(21...60)
        }
        for position in 0..<count {
            if position > 0 { out += ", ".utf8 }
            out.append(UInt8(ascii: "\""))
            out += ctx.rng.pick(lexicon.firstNames)
            out.append(UInt8(ascii: " "))
            if ctx.rng.perMille(100) {
                out.append(ctx.rng.pick(Array("ABCDEFGHJKLMNPRSTW".utf8)))
                out += ". ".utf8
            }
            out += ctx.rng.pick(lexicon.lastNames)
            out.append(UInt8(ascii: "\""))
        }
    }

    private func appendCategories(_ ctx: inout PaperContext, to out: inout Bytes) {
        let total = lexicon.primaryCategoryCumulative[lexicon.primaryCategoryCumulative.count - 1]
        let roll = ctx.rng.below(total)
        var primary = 0
        while lexicon.primaryCategoryCumulative[primary] <= roll { primary += 1 }
        let primaryName = lexicon.primaryCategories[primary]
        out.append(UInt8(ascii: "\""))
        out += primaryName
        out.append(UInt8(ascii: "\""))
        let extraRoll = ctx.rng.below(10)
        let extras = extraRoll < 4 ? 0 : (extraRoll < 8 ? 1 : 2)
        let secondary = lexicon.secondaryCategories
        var previous = -1
        var start = ctx.rng.below(secondary.count)
        for _ in 0..<extras {
            // Walk forward from a random start so extras are distinct and differ from the primary.
            while secondary[start] == primaryName || start == previous { start = (start + 1) % secondary.count }
            out += #", ""#.utf8
            out += secondary[start]
            out.append(UInt8(ascii: "\""))
            previous = start
            start = (start + 1 + ctx.rng.below(3)) % secondary.count
        }
    }

    // MARK: - Links

    enum TargetKind { case repo, page, artifact }

    private func chooseForm(_ kind: TargetKind, wrapped: Bool, inComment: Bool, _ ctx: inout PaperContext) -> LinkForm {
        let roll = ctx.rng.below(1000)
        if inComment {
            switch roll {
            case 0..<760: return .plain
            case 760..<840: return .trailingSlash
            case 840..<880: return .latexURL
            case 880..<910: return .noScheme
            case 910..<930: return .latexHref
            case 930..<945: return .markdownThisURL
            case 945..<955: return .bareThisURL
            default: return .commentNoSpace
            }
        }
        let form: LinkForm
        switch roll {
        case 0..<620: form = .plain
        case 620..<700: form = .trailingSlash
        case 700..<730: form = .httpScheme
        case 730..<760: form = .noScheme
        case 760..<780: form = .wwwHost
        case 780..<810: form = .parenthesised
        case 810..<840: form = .latexURL
        case 840..<865: form = .latexHref
        case 865..<885: form = .latexHrefText
        case 885..<900: form = .markdownThisURL
        case 900..<915: form = .bareThisURL
        case 915..<945: form = .treeSubpath
        case 945..<965: form = .dotGit
        default: form = .wrappedAcrossLine
        }
        switch (form, kind) {
        case (.wrappedAcrossLine, _) where !wrapped: return .plain
        case (.wwwHost, .page), (.wwwHost, .artifact): return .plain
        case (.treeSubpath, .page), (.dotGit, .page): return .trailingSlash
        case (.dotGit, .artifact): return .plain
        default: return form
        }
    }

    private func count(_ form: LinkForm, _ stats: inout GeneratorStats) {
        stats.formCounts[form.rawValue] += 1
        stats.linkOccurrences += 1
    }

    private func appendRepoCore(_ repo: LinkPools.Repo, to out: inout Bytes) {
        out += Array((repo.onGitLab ? "gitlab.com/" : "github.com/").utf8)
        out += pools.owners[repo.owner]
        out.append(UInt8(ascii: "/"))
        out += repo.name
    }

    /// Renders the link into `ctx.url` for a `{U}` sentence.
    private func setURL(
        form: LinkForm, _ ctx: inout PaperContext, core: (inout PaperContext, inout Bytes) -> Void
    ) {
        // Swap the buffer out so `ctx` and the buffer are not both borrowed for writing.
        var url = Bytes()
        swap(&url, &ctx.url)
        url.removeAll(keepingCapacity: true)
        appendLink(form: form, &ctx, to: &url, core: core)
        swap(&url, &ctx.url)
    }

    /// Renders `core` (host and path without scheme) in `form`.
    private func appendLink(
        form: LinkForm, _ ctx: inout PaperContext, to out: inout Bytes,
        core: (inout PaperContext, inout Bytes) -> Void
    ) {
        let https = Array("https://".utf8)
        func full(_ ctx: inout PaperContext, _ out: inout Bytes) {
            out += https
            core(&ctx, &out)
        }
        switch form {
        case .plain, .commentNoSpace:
            full(&ctx, &out)
        case .trailingSlash:
            full(&ctx, &out)
            out.append(UInt8(ascii: "/"))
        case .httpScheme:
            out += "http://".utf8
            core(&ctx, &out)
        case .noScheme:
            core(&ctx, &out)
        case .wwwHost:
            out += "https://www.".utf8
            core(&ctx, &out)
        case .parenthesised:
            out.append(UInt8(ascii: "("))
            full(&ctx, &out)
            out.append(UInt8(ascii: ")"))
        case .latexURL:
            out += #"\url{"#.utf8
            full(&ctx, &out)
            out.append(UInt8(ascii: "}"))
        case .latexHref:
            out += #"\href{"#.utf8
            let linkStart = out.count
            full(&ctx, &out)
            let link = Array(out[linkStart...])
            out += "}{".utf8
            out += link
            out.append(UInt8(ascii: "}"))
        case .latexHrefText:
            out += #"\href{"#.utf8
            full(&ctx, &out)
            out += "}{".utf8
            out += ctx.rng.pick([Array("this repository".utf8), Array("here".utf8), Array("link".utf8)])
            out.append(UInt8(ascii: "}"))
        case .markdownThisURL:
            out += "[this https URL](".utf8
            full(&ctx, &out)
            out.append(UInt8(ascii: ")"))
        case .bareThisURL:
            out += "this https URL".utf8
        case .treeSubpath:
            full(&ctx, &out)
            if ctx.rng.below(2) == 0 {
                out += "/tree/main/projects/".utf8
                out += asciiLowercased(ctx.method)
            } else {
                out += "/blob/main/README.md".utf8
            }
        case .dotGit:
            full(&ctx, &out)
            out += ".git".utf8
        case .wrappedAcrossLine:
            // A break right after `https://` or after a path slash, as in submitter-wrapped text.
            let linkStart = out.count
            full(&ctx, &out)
            var slashes = [Int]()
            for position in (linkStart + https.count)..<out.count where out[position] == UInt8(ascii: "/") {
                slashes.append(position + 1)
            }
            let breakAt = ctx.rng.below(slashes.count + 1)
            let position = breakAt == slashes.count ? linkStart + https.count : slashes[breakAt]
            if position < out.count { out.insert(UInt8(ascii: "\n"), at: position) }
        }
    }

    private func appendCommentLink(
        label: Bytes, form: LinkForm, separator: Bytes, _ ctx: inout PaperContext, scratch: inout Scratch,
        stats: inout GeneratorStats, core: (inout PaperContext, inout Bytes) -> Void
    ) {
        scratch.piece.removeAll(keepingCapacity: true)
        scratch.piece += label
        if form == .commentNoSpace, scratch.piece.last == UInt8(ascii: " ") { scratch.piece.removeLast() }
        appendLink(form: form, &ctx, to: &scratch.piece, core: core)
        count(form, &stats)
        appendCommentPart(scratch.piece, separator, &scratch.comment)
    }

    private func appendCommentPart(_ part: Bytes, _ separator: Bytes, _ comment: inout Bytes) {
        if !comment.isEmpty { comment += separator }
        comment += part
    }

    private func appendDOI(_ rng: inout Xoshiro256StarStar, bare: Bool, to out: inout Bytes) {
        if !bare {
            out += rng.below(2) == 0 ? Array("https://doi.org/".utf8) : Array("doi:".utf8)
        }
        switch rng.below(5) {
        case 0:
            out += "10.1109/TPAMI.20".utf8
            appendDecimal(rng.inRange(23...25), to: &out)
            out.append(UInt8(ascii: "."))
            appendDecimal(rng.inRange(1_000_000...9_999_999), to: &out)
        case 1:
            out += "10.1145/".utf8
            appendDecimal(rng.inRange(3_500_000...3_799_999), to: &out)
            out.append(UInt8(ascii: "."))
            appendDecimal(rng.inRange(3_500_000...3_799_999), to: &out)
        case 2:
            out += "10.1007/s".utf8
            appendDecimal(rng.inRange(10_000...13_999), to: &out)
            out += "-025-".utf8
            appendDecimal(rng.inRange(10_000...99_999), to: &out)
            out.append(UInt8(ascii: "-"))
            appendDecimal(rng.below(10), to: &out)
        case 3:
            out += "10.1016/j.patcog.2025.".utf8
            appendDecimal(rng.inRange(100_000...119_999), to: &out)
        default:
            out += "10.5281/zenodo.".utf8
            appendDecimal(rng.inRange(10_000_000...17_999_999), to: &out)
        }
    }

    // MARK: - Templates

    private func appendSentence(_ template: Template, _ ctx: inout PaperContext, to out: inout Bytes) {
        if !out.isEmpty { out.append(UInt8(ascii: " ")) }
        render(template, &ctx, into: &out)
    }

    private func render(_ template: Template, _ ctx: inout PaperContext, into out: inout Bytes) {
        // Indices of the last pick per category, so `{D2}` differs from `{D}`, `{thing2}` from `{thing}`.
        var dataset = 0
        var thing = 0
        var component = 0
        var property = 0
        var challenge = 0
        var verb = 0
        var titleNoun = 0
        var score = 0
        func another(_ last: Int, _ list: [Bytes], _ rng: inout Xoshiro256StarStar) -> Int {
            // Stepping at most (count-2)/2 twice from the first pick never lands on it again.
            (last + 1 + rng.below(max(1, (list.count - 2) / 2))) % list.count
        }
        for piece in template.pieces {
            switch piece {
            case .text(let text):
                out += text
            case .slot(let slot):
                switch slot {
                case .method: out += ctx.method
                case .titleAdjective: out += ctx.rng.pick(lexicon.titleAdjectives)
                case .titleNoun:
                    titleNoun = ctx.rng.below(lexicon.titleNouns.count)
                    out += lexicon.titleNouns[titleNoun]
                case .titleNoun2:
                    titleNoun = another(titleNoun, lexicon.titleNouns, &ctx.rng)
                    out += lexicon.titleNouns[titleNoun]
                case .taskTitle: out += ctx.rng.pick(lexicon.tasksTitle)
                case .taskCapitalized: out += ctx.rng.pick(lexicon.tasksCapitalized)
                case .task: out += ctx.rng.pick(lexicon.tasks)
                case .resourceTitle: out += ctx.rng.pick(lexicon.resourcesTitle)
                case .resource: out += ctx.rng.pick(lexicon.resources)
                case .propertyTitle: out += ctx.rng.pick(lexicon.propertiesTitle)
                case .property:
                    property = ctx.rng.below(lexicon.properties.count)
                    out += lexicon.properties[property]
                case .property2:
                    property = another(property, lexicon.properties, &ctx.rng)
                    out += lexicon.properties[property]
                case .field: out += ctx.rng.pick(lexicon.fields)
                case .approachTitle: out += ctx.rng.pick(lexicon.approachesCapitalized)
                case .approach: out += ctx.rng.pick(lexicon.approaches)
                case .goal: out += ctx.rng.pick(lexicon.goals)
                case .challenge:
                    challenge = ctx.rng.below(lexicon.challenges.count)
                    out += lexicon.challenges[challenge]
                case .challenge2:
                    challenge = another(challenge, lexicon.challenges, &ctx.rng)
                    out += lexicon.challenges[challenge]
                case .phenomenon: out += ctx.rng.pick(lexicon.phenomena)
                case .system: out += ctx.rng.pick(lexicon.systems)
                case .domain: out += ctx.rng.pick(lexicon.domains)
                case .adjective: out += ctx.rng.pick(lexicon.adjectives)
                case .verb:
                    verb = ctx.rng.below(lexicon.verbs.count)
                    out += lexicon.verbs[verb]
                case .verb2:
                    verb = another(verb, lexicon.verbs, &ctx.rng)
                    out += lexicon.verbs[verb]
                case .thing:
                    thing = ctx.rng.below(lexicon.things.count)
                    out += lexicon.things[thing]
                case .thing2:
                    thing = another(thing, lexicon.things, &ctx.rng)
                    out += lexicon.things[thing]
                case .component:
                    component = ctx.rng.below(lexicon.components.count)
                    out += lexicon.components[component]
                case .component2:
                    component = another(component, lexicon.components, &ctx.rng)
                    out += lexicon.components[component]
                case .dataset:
                    dataset = ctx.rng.below(lexicon.datasets.count)
                    out += lexicon.datasets[dataset]
                case .dataset2, .dataset3:
                    dataset = another(dataset, lexicon.datasets, &ctx.rng)
                    out += lexicon.datasets[dataset]
                case .count:
                    let value = ctx.rng.inRange(5...150) * 100
                    if value >= 1000 {
                        appendDecimal(value / 1000, to: &out)
                        out.append(UInt8(ascii: ","))
                        appendDecimal(value % 1000, width: 3, to: &out)
                    } else {
                        appendDecimal(value, to: &out)
                    }
                case .items: out += ctx.rng.pick(lexicon.items)
                case .annotation: out += ctx.rng.pick(lexicon.annotations)
                case .percent: appendTenths(ctx.rng.inRange(5...259), to: &out)
                case .metric: out += ctx.rng.pick(lexicon.metrics)
                case .score:
                    score = ctx.rng.inRange(300...900)
                    appendTenths(score, to: &out)
                case .score2:
                    score = min(999, score + ctx.rng.inRange(5...80))
                    appendTenths(score, to: &out)
                case .factor: appendTenths(ctx.rng.inRange(15...99), to: &out)
                case .gpuHours: appendDecimal(ctx.rng.inRange(2...512), to: &out)
                case .baseline: out += ctx.rng.pick(lexicon.baselines)
                case .condition: out += ctx.rng.pick(lexicon.conditions)
                case .outcome: out += ctx.rng.pick(lexicon.outcomes)
                case .url: out += ctx.url
                case .reference: out += ctx.reference
                case .conference: out += ctx.rng.pick(lexicon.conferences)
                case .year: appendDecimal(ctx.rng.inRange(2024...2026), to: &out)
                }
            }
        }
    }
}

/// `value` tenths as `12.3`.
func appendTenths(_ value: Int, to out: inout Bytes) {
    appendDecimal(value / 10, to: &out)
    out.append(UInt8(ascii: "."))
    appendDecimal(value % 10, to: &out)
}

/// JSON string literal as Python's `json.dumps(..., ensure_ascii=False)` writes it: UTF-8 kept,
/// only quotes, backslashes and control characters escaped.
func appendJSONString(_ text: Bytes, to out: inout Bytes) {
    out.append(UInt8(ascii: "\""))
    for byte in text {
        switch byte {
        case UInt8(ascii: "\""):
            out.append(UInt8(ascii: "\\"))
            out.append(byte)
        case UInt8(ascii: "\\"):
            out.append(UInt8(ascii: "\\"))
            out.append(byte)
        case UInt8(ascii: "\n"):
            out.append(UInt8(ascii: "\\"))
            out.append(UInt8(ascii: "n"))
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            out += "\\u00".utf8
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        default:
            out.append(byte)
        }
    }
    out.append(UInt8(ascii: "\""))
}

/// Greedy hard wrap at `width` Unicode scalars by turning spaces into newlines, the way the old
/// arXiv API returned abstracts. Words longer than a line (URLs) overflow rather than break;
/// newlines already in the text (a URL split by its author) start a new line.
func hardWrap(_ text: inout Bytes, width: Int) {
    var column = 0
    var breakAt = -1
    var columnAfterBreak = 0
    var position = 0
    while position <= text.count {
        let atEnd = position == text.count
        let byte = atEnd ? UInt8(ascii: " ") : text[position]
        if byte == UInt8(ascii: "\n") {
            // The text before an existing newline is a word end too: it may still need a break.
            if column > width && breakAt >= 0 { text[breakAt] = UInt8(ascii: "\n") }
            column = 0
            breakAt = -1
        } else if byte == UInt8(ascii: " ") {
            if column > width && breakAt >= 0 {
                text[breakAt] = UInt8(ascii: "\n")
                column -= columnAfterBreak
            }
            if atEnd { break }
            breakAt = position
            column += 1
            columnAfterBreak = column
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        position += 1
    }
}
