import Testing

@testable import Extraction

struct CanonicalCase: Sendable, CustomTestStringConvertible {
    var url: String
    var kind: LinkKind
    var target: String
    var testDescription: String { url }
}

private func c(_ url: String, _ kind: LinkKind, _ target: String) -> CanonicalCase {
    CanonicalCase(url: url, kind: kind, target: target)
}

@Test(arguments: [
    // GitHub
    c("https://github.com/Owner/Repo", .repo, "github.com/owner/repo"),
    c("http://www.github.com/Owner/Repo/", .repo, "github.com/owner/repo"),
    c("https://github.com/owner/repo.git", .repo, "github.com/owner/repo"),
    c("https://github.com/owner/repo/tree/main/src/x", .repo, "github.com/owner/repo"),
    c("https://github.com/owner/repo/blob/main/README.md#usage", .repo, "github.com/owner/repo"),
    c("https://github.com/owner/repo?tab=readme-ov-file", .repo, "github.com/owner/repo"),
    c("https://github.com/owner/repo#readme", .repo, "github.com/owner/repo"),
    c("https://github.com/owner/repo/releases/tag/v1.0", .repo, "github.com/owner/repo"),
    c("github.com/owner", .owner, "github.com/owner"),
    c("https://github.com/owner/", .owner, "github.com/owner"),
    c("https://github.com/orgs/Lab-Name/repositories", .owner, "github.com/lab-name"),
    c("https://github.com/users/someone/projects/1", .owner, "github.com/someone"),
    c("https://github.com/sponsors/someone", .owner, "github.com/someone"),
    c("https://github.com/features/actions", .page, "github.com/features/actions"),
    c("https://github.com/topics/llm", .page, "github.com/topics/llm"),
    c("https://github.com/marketplace", .page, "github.com/marketplace"),
    c("https://github.com", .page, "github.com"),
    c("https://gist.github.com/user/abc123", .page, "gist.github.com/user/abc123"),
    c("https://lab.github.io/Project/", .page, "lab.github.io/Project"),
    c("https://raw.githubusercontent.com/owner/repo/main/data.json", .repo, "github.com/owner/repo"),
    // Other code hosts
    c("https://gitlab.com/group/sub/project", .repo, "gitlab.com/group/sub/project"),
    c("https://gitlab.com/Group/Sub/Project/-/tree/main", .repo, "gitlab.com/group/sub/project"),
    c("https://gitlab.com/group/project/blob/main/x.py", .repo, "gitlab.com/group/project"),
    c("https://gitlab.com/group/project.git", .repo, "gitlab.com/group/project"),
    c("https://gitlab.com/group", .owner, "gitlab.com/group"),
    c("https://gitlab.inria.fr/team/tool", .page, "gitlab.inria.fr/team/tool"),
    c("https://bitbucket.org/Owner/Repo/src/master/", .repo, "bitbucket.org/owner/repo"),
    c("https://codeberg.org/owner/repo", .repo, "codeberg.org/owner/repo"),
    c("https://anonymous.4open.science/r/Tool-1A2B/README.md", .repo, "anonymous.4open.science/r/tool-1a2b"),
    c("https://anonymous.4open.science/status/x", .page, "anonymous.4open.science/status/x"),
    // Hugging Face
    c("https://huggingface.co/datasets/Owner/Name", .artifact, "huggingface.co/datasets/owner/name"),
    c("https://huggingface.co/datasets/owner/name/viewer/default/train", .artifact, "huggingface.co/datasets/owner/name"),
    c("https://huggingface.co/datasets/squad", .artifact, "huggingface.co/datasets/squad"),
    c("https://huggingface.co/Owner/Model-7B", .artifact, "huggingface.co/owner/model-7b"),
    c("https://huggingface.co/owner/model/tree/main", .artifact, "huggingface.co/owner/model"),
    c("https://huggingface.co/owner/model/resolve/main/x.bin", .artifact, "huggingface.co/owner/model"),
    c("https://huggingface.co/spaces/owner/demo", .artifact, "huggingface.co/spaces/owner/demo"),
    c("https://huggingface.co/collections/owner/suite-123", .artifact, "huggingface.co/collections/owner/suite-123"),
    c("https://hf.co/owner/model", .artifact, "huggingface.co/owner/model"),
    c("https://huggingface.co/papers/2401.01234", .paper, "arxiv:2401.01234"),
    c("https://huggingface.co/OwnerOnly", .page, "huggingface.co/OwnerOnly"),
    c("https://huggingface.co", .page, "huggingface.co"),
    c("https://huggingface.co/docs/transformers/index", .page, "huggingface.co/docs/transformers/index"),
    c("https://huggingface.co/blog/some-post", .page, "huggingface.co/blog/some-post"),
    // Papers
    c("https://arxiv.org/abs/2401.01234", .paper, "arxiv:2401.01234"),
    c("https://arxiv.org/abs/2401.01234v2", .paper, "arxiv:2401.01234"),
    c("https://arxiv.org/pdf/2401.01234v1.pdf", .paper, "arxiv:2401.01234"),
    c("https://arxiv.org/pdf/2401.01234", .paper, "arxiv:2401.01234"),
    c("https://arxiv.org/html/2401.01234v1/#S3", .paper, "arxiv:2401.01234"),
    c("https://arxiv.org/abs/hep-th/9901001", .paper, "arxiv:hep-th/9901001"),
    c("https://export.arxiv.org/abs/0704.0001", .paper, "arxiv:0704.0001"),
    c("https://arxiv.org/list/cs.CL/recent", .page, "arxiv.org/list/cs.CL/recent"),
    c("https://doi.org/10.1000/ABC.Def", .paper, "doi:10.1000/abc.def"),
    c("https://dx.doi.org/10.1000/xyz", .paper, "doi:10.1000/xyz"),
    c("https://doi.org/10.48550/arXiv.2401.01234", .paper, "arxiv:2401.01234"),
    c("https://doi.org/10.1000%2Fxyz", .paper, "doi:10.1000/xyz"),
    c("https://dl.acm.org/doi/abs/10.1145/1234.5678#sec", .paper, "doi:10.1145/1234.5678"),
    c("https://onlinelibrary.wiley.com/doi/full/10.1002/abc.1", .paper, "doi:10.1002/abc.1"),
    // Pages
    c("https://www.Lab.Example.edu/~user/Tool/", .page, "lab.example.edu/~user/Tool"),
    c("https://example.org:443/a", .page, "example.org/a"),
    c("http://example.org:8080/a", .page, "example.org:8080/a"),
    c("https://sites.google.com/view/Proj#top", .page, "sites.google.com/view/Proj"),
    c("https://x.org/p?utm_source=tw&id=3&utm_medium=x", .page, "x.org/p?id=3"),
    c("https://drive.google.com/file/d/ID/view?usp=sharing", .page, "drive.google.com/file/d/ID/view"),
    c("https://bit.ly/3AbC", .page, "bit.ly/3AbC"),
    c("https://zenodo.org/records/123", .page, "zenodo.org/records/123"),
    c("https://gitee.com/Owner/Repo", .page, "gitee.com/Owner/Repo"),
    c("https://x.org/", .page, "x.org"),
])
func canonicalTarget(_ c: CanonicalCase) throws {
    let result = try #require(LinkCanonicalizer.canonicalTarget(ofURL: c.url))
    #expect(result.kind == c.kind)
    #expect(result.target == c.target)
}

@Test func canonicalTargetOfNonURLIsNil() {
    #expect(LinkCanonicalizer.canonicalTarget(ofURL: "") == nil)
    #expect(LinkCanonicalizer.canonicalTarget(ofURL: "not a url") == nil)
    #expect(LinkCanonicalizer.canonicalTarget(ofURL: "https://") == nil)
}

@Test func vocabularyConstantsArePackedCorrectly() {
    for (spelling, word) in Word.vocabulary {
        #expect(word == Word(Array(spelling.utf8)), "\(spelling)")
    }
    #expect(Word.link != Word("a"))
}

extension Word {
    /// `Word(StaticString)` needs a literal; tests build words from run-time strings.
    init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { Word($0, 0..<$0.count) }
    }
}
