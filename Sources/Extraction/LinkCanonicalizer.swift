import Corpus

/// Turns a URL (as cleaned by the scanner) into its link kind and canonical target.
///
/// Targets (the `extract` JSON contract):
/// - `repo`: `github.com/owner/name`, `gitlab.com/group/…/name`, `bitbucket.org/owner/name`,
///   `codeberg.org/owner/name`, `anonymous.4open.science/r/name`: lower-case, no scheme, no
///   `www.`, no `.git`, no sub-path (`/tree/…`, `/blob/…`, `#readme`, `?tab=…`).
///   `raw.githubusercontent.com/owner/name/…` is that GitHub repo.
/// - `owner`: `github.com/owner` (also `github.com/orgs/owner`, `/users/owner`,
///   `/sponsors/owner`), `gitlab.com/group`, `bitbucket.org/owner`, `codeberg.org/owner`.
/// - `artifact`: `huggingface.co/owner/name` (model), `huggingface.co/datasets/owner/name`
///   (also the legacy `huggingface.co/datasets/name`), `huggingface.co/spaces/owner/name`,
///   `huggingface.co/collections/owner/slug`; lower-case, sub-paths dropped; `hf.co` is an alias.
///   A bare `huggingface.co/x` is a `page`: it may be an organisation or a legacy model and the
///   text does not say which.
/// - `paper`: `arxiv:2401.01234` (no version) from `arxiv.org/abs|pdf|html/…`,
///   `huggingface.co/papers/…`, `arXiv:…` in text and arXiv's own DOIs (`10.48550/arXiv.…`);
///   `doi:10.xxxx/…` (lower-case) from `doi.org`, `dx.doi.org`, publisher `…/doi/10.…` paths and
///   bare DOIs.
/// - `page`: everything else: lower-case host without `www.` and default port, path with its
///   case kept and without trailing slash, query kept minus tracking parameters (`utm_*`,
///   `fbclid`, `gclid`, `usp`), fragment dropped. `*.github.io`, `gist.github.com`, reserved
///   GitHub paths (`github.com/features/…`) and self-hosted GitLab instances are pages.
public enum LinkCanonicalizer {
    /// Kind and canonical target of a URL given with or without scheme, or nil when the
    /// string holds no link (used for metadata links).
    public static func canonicalTarget(ofURL url: String) -> (kind: LinkKind, target: String)? {
        LinkScanner.withMentions(in: url) { mentions, _ in
            mentions.first.map { ($0.kind, $0.target) }
        }
    }

    // MARK: - Host tables

    private static func pack(_ bytes: some Collection<UInt8>) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        var v: UInt64 = 0
        for b in bytes { v = v << 8 | UInt64(ByteClass.lower(b)) }
        return v
    }

    /// Top-level domains that make `label.tld/path` a link without a scheme. File extensions
    /// that double as country codes (`.pt`, `.py`, `.sh`, `.md`, `.rs`, `.ml`, `.pl`) and
    /// English words (`.is`, `.so`, `.to`, `.my`) are left out: in abstracts they are file
    /// names and prose.
    private static let knownTLDs: Set<UInt64> = {
        let list = [
            "com", "org", "net", "io", "ai", "edu", "gov", "mil", "int", "co", "dev", "app", "me", "info",
            "biz", "uk", "de", "cn", "fr", "jp", "kr", "ca", "au", "ch", "nl", "it", "es", "eu", "ru", "in",
            "us", "tv", "xyz", "science", "site", "page", "tech", "cc", "ly", "gl", "be", "at", "se", "dk",
            "fi", "no", "il", "sg", "hk", "tw", "br", "mx", "cz", "gr", "ie", "nz", "za", "ar", "cl", "hu",
            "ro", "sk", "si", "lt", "lv", "ee", "lu", "ir", "tr", "sa", "ae", "vn", "th", "id",
            "ph", "pk", "bd", "ng", "ke", "eg", "ua", "online", "cloud", "space", "website", "academy",
            "works", "link", "top", "research", "studio", "world", "global", "ac", "gg",
        ]
        return Set(list.compactMap { pack($0.utf8) })
    }()

    static func isKnownTLD(_ tld: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let key = pack(tld) else { return false }
        return knownTLDs.contains(key)
    }

    /// Hosts that are links even without scheme, `www.` or path.
    static func isKnownBareHost(_ host: [UInt8]) -> Bool {
        let h = String(decoding: host, as: UTF8.self)
        switch h {
        case "github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "huggingface.co", "hf.co",
            "anonymous.4open.science", "arxiv.org", "doi.org", "zenodo.org", "github.io":
            return true
        default:
            return h.hasSuffix(".github.io") || h.hasSuffix(".gitlab.io") || h.hasSuffix(".hf.space")
        }
    }

    /// For `atgithub.com`: the length of the known code host a word is glued to, or nil.
    static func gluedKnownHostLength(_ host: [UInt8]) -> Int? {
        for known in ["github.com", "gitlab.com", "huggingface.co"] {
            let k = Array(known.utf8)
            guard host.count > k.count, host.suffix(k.count).elementsEqual(k) else { continue }
            let prefix = host.prefix(host.count - k.count)
            if prefix.allSatisfy(ByteClass.isLetter) { return k.count }
        }
        return nil
    }

    // MARK: - Canonical targets

    /// `cleanBytes` is the lower-case host (with any port) followed by the path, query and
    /// fragment as written. Everything here is ASCII, so it works on bytes and builds `String`s
    /// only for the pieces it keeps: Unicode-aware `String` splitting cost more than the scan.
    static func canonical(cleanBytes: [UInt8], hostCount: Int) -> (LinkKind, String) {
        var hostRange = 0..<hostCount
        if cleanBytes[hostRange].starts(with: "www.".utf8) { hostRange = (hostRange.lowerBound + 4)..<hostRange.upperBound }
        let hostBytes = cleanBytes[hostRange]
        if hostBytes.reversed().starts(with: ":80".utf8.reversed()) {
            hostRange = hostRange.lowerBound..<(hostRange.upperBound - 3)
        } else if hostBytes.reversed().starts(with: ":443".utf8.reversed()) {
            hostRange = hostRange.lowerBound..<(hostRange.upperBound - 4)
        }
        let host = String(decoding: cleanBytes[hostRange], as: UTF8.self)
        var pathEnd = cleanBytes.count
        var queryRange = pathEnd..<pathEnd
        if let hash = cleanBytes[hostCount...].firstIndex(of: UInt8(ascii: "#")) { pathEnd = hash }
        if let q = cleanBytes[hostCount..<pathEnd].firstIndex(of: UInt8(ascii: "?")) {
            queryRange = (q + 1)..<pathEnd
            pathEnd = q
        }
        let path = cleanBytes[hostCount..<pathEnd]
        let segments = path.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
        let query = String(decoding: cleanBytes[queryRange], as: UTF8.self)
        func page(_ host: String = host) -> (LinkKind, String) {
            (.page, pageTarget(host: host, path: String(decoding: path, as: UTF8.self), query: query))
        }

        switch host {
        case "github.com":
            return github(segments) ?? page()
        case "raw.githubusercontent.com":
            if segments.count >= 2 { return (.repo, "github.com/" + ownerAndName(segments[0], segments[1])) }
            return page()
        case "gitlab.com":
            return gitlab(segments) ?? page()
        case "bitbucket.org", "codeberg.org":
            guard let first = segments.first else { return page() }
            if segments.count == 1 { return (.owner, host + "/" + first.lowercased()) }
            return (.repo, host + "/" + ownerAndName(first, segments[1]))
        case "anonymous.4open.science":
            if segments.count >= 2, segments[0] == "r" {
                return (.repo, "anonymous.4open.science/r/" + stripGit(segments[1]).lowercased())
            }
            return page()
        case "huggingface.co", "hf.co":
            return huggingFace(segments) ?? page("huggingface.co")
        case "doi.org", "dx.doi.org":
            let doi = percentDecoded(segments.joined(separator: "/"))
            if doi.hasPrefix("10.") { return canonicalDOI(doi) }
            return page()
        default:
            if host == "arxiv.org" || host.hasSuffix(".arxiv.org"), let id = arxivID(segments) {
                return (.paper, "arxiv:" + id)
            }
            if let doi = publisherDOI(segments) { return canonicalDOI(doi) }
            return page()
        }
    }

    /// `doi:10.xxxx/…` lower-cased; arXiv's own DOIs become `arxiv:…`.
    static func canonicalDOI(_ raw: String) -> (LinkKind, String) {
        let doi = raw.lowercased()
        let arxivPrefix = "10.48550/arxiv."
        if doi.hasPrefix(arxivPrefix), let id = PaperIdentity.normalizedArxivID(String(doi.dropFirst(arxivPrefix.count))) {
            return (.paper, "arxiv:" + id.lowercased())
        }
        return (.paper, "doi:" + doi)
    }

    private static let githubReserved: Set<String> = [
        "about", "apps", "collections", "contact", "customer-stories", "enterprise", "events", "explore",
        "features", "github", "issues", "join", "login", "marketplace", "new", "notifications", "pricing",
        "pulls", "readme", "search", "security", "settings", "site", "team", "topics", "trending",
        "codespaces", "copilot", "solutions", "resources", "signup", "home", "dashboard", "education",
        "mobile", "stars", "watching", "organizations", "account", "blog", "pages", "sessions",
    ]

    private static func github(_ segments: [String]) -> (LinkKind, String)? {
        guard let first = segments.first else { return nil }
        let firstLower = first.lowercased()
        if firstLower == "orgs" || firstLower == "users" || firstLower == "sponsors" {
            guard segments.count >= 2 else { return nil }
            return (.owner, "github.com/" + segments[1].lowercased())
        }
        if githubReserved.contains(firstLower) { return nil }
        if segments.count == 1 { return (.owner, "github.com/" + firstLower) }
        let name = stripGit(segments[1])
        if name.isEmpty { return (.owner, "github.com/" + firstLower) }
        return (.repo, "github.com/" + firstLower + "/" + name.lowercased())
    }

    private static let gitlabSubpaths: Set<String> = [
        "tree", "blob", "issues", "merge_requests", "wikis", "wiki", "raw", "commits", "commit", "releases",
        "tags", "pipelines", "archive", "snippets", "activity", "graphs", "branches", "compare", "jobs",
        "environments", "packages", "container_registry", "boards", "milestones", "labels", "network",
        "blame", "edit", "settings", "project_members", "forks", "starrers", "issues_and_merge_requests",
    ]

    private static func gitlab(_ segments: [String]) -> (LinkKind, String)? {
        var kept: [String] = []
        for (index, segment) in segments.enumerated() {
            if segment == "-" { break }
            if index >= 2, gitlabSubpaths.contains(segment.lowercased()) { break }
            kept.append(segment)
        }
        guard let first = kept.first else { return nil }
        let firstLower = first.lowercased()
        if ["explore", "help", "users", "dashboard", "projects", "search", "admin"].contains(firstLower) {
            return nil
        }
        if firstLower == "groups" {
            guard kept.count >= 2 else { return nil }
            return (.owner, "gitlab.com/" + kept[1...].map { $0.lowercased() }.joined(separator: "/"))
        }
        if kept.count == 1 { return (.owner, "gitlab.com/" + firstLower) }
        var lowered = kept.map { $0.lowercased() }
        lowered[lowered.count - 1] = stripGit(lowered[lowered.count - 1])
        return (.repo, "gitlab.com/" + lowered.joined(separator: "/"))
    }

    private static let huggingFaceReserved: Set<String> = [
        "models", "docs", "blog", "learn", "tasks", "settings", "login", "join", "pricing", "organizations",
        "posts", "chat", "api", "new", "search", "enterprise", "welcome", "terms-of-service", "privacy",
        "changelog", "inference-endpoints", "notifications", "new-dataset", "new-space", "spaces-dev",
    ]

    private static func huggingFace(_ segments: [String]) -> (LinkKind, String)? {
        guard let first = segments.first else { return nil }
        let section = first.lowercased()
        switch section {
        case "datasets":
            guard segments.count >= 2 else { return nil }
            if segments.count == 2 { return (.artifact, "huggingface.co/datasets/" + segments[1].lowercased()) }
            return (.artifact, "huggingface.co/datasets/" + ownerAndName(segments[1], segments[2], dropGit: false))
        case "spaces", "collections":
            guard segments.count >= 3 else { return nil }
            return (.artifact, "huggingface.co/\(section)/" + ownerAndName(segments[1], segments[2], dropGit: false))
        case "papers":
            guard segments.count >= 2, let id = PaperIdentity.normalizedArxivID(String(segments[1])) else { return nil }
            return (.paper, "arxiv:" + id.lowercased())
        default:
            if huggingFaceReserved.contains(section) || segments.count < 2 { return nil }
            return (.artifact, "huggingface.co/" + ownerAndName(first, segments[1], dropGit: false))
        }
    }

    private static func arxivID(_ segments: [String]) -> String? {
        guard segments.count >= 2, ["abs", "pdf", "html", "format"].contains(segments[0].lowercased()) else {
            return nil
        }
        // Old-style identifiers hold a slash: `abs/hep-th/9901001`.
        for take in [1, 2] where segments.count > take {
            var raw = segments[1...take].joined(separator: "/")
            if raw.lowercased().hasSuffix(".pdf") { raw.removeLast(4) }
            if let id = PaperIdentity.normalizedArxivID(raw) { return id.lowercased() }
        }
        return nil
    }

    /// `dl.acm.org/doi/abs/10.1145/…`, `onlinelibrary.wiley.com/doi/full/10.1002/…`.
    private static func publisherDOI(_ segments: [String]) -> String? {
        guard let d = segments.firstIndex(where: { $0 == "doi" }) else { return nil }
        var i = d + 1
        if i < segments.count, ["abs", "full", "pdf", "epdf", "book", "fullhtml"].contains(segments[i].lowercased()) {
            i += 1
        }
        guard i + 1 < segments.count, segments[i].hasPrefix("10.") else { return nil }
        return percentDecoded(segments[i...].joined(separator: "/"))
    }

    private static func stripGit(_ name: String) -> String {
        name.lowercased().hasSuffix(".git") ? String(name.dropLast(4)) : name
    }

    private static func ownerAndName(_ owner: String, _ name: String, dropGit: Bool = true) -> String {
        owner.lowercased() + "/" + (dropGit ? stripGit(name) : name).lowercased()
    }

    private static func pageTarget(host: String, path: String, query: String) -> String {
        var path = path
        while path.hasSuffix("/") { path.removeLast() }
        var target = host + path
        let kept = query.split(separator: "&").filter { parameter in
            let key = parameter.prefix(while: { $0 != "=" }).lowercased()
            return !(key.hasPrefix("utm_") || key == "fbclid" || key == "gclid" || key == "usp")
        }
        if !kept.isEmpty { target += "?" + kept.joined(separator: "&") }
        return target
    }

    private static func percentDecoded(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "%")) else { return s }
        var out = [UInt8]()
        var bytes = Array(s.utf8)[...]
        while let b = bytes.popFirst() {
            if b == UInt8(ascii: "%"), bytes.count >= 2,
                let v = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16), v < 0x80
            {
                out.append(v)
                bytes = bytes.dropFirst(2)
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
