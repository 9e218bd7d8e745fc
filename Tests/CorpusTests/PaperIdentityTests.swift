import Testing

@testable import Corpus

@Suite struct PaperIdentityTests {
    @Test func arxivIDsAreNormalized() {
        #expect(PaperIdentity.normalizedArxivID("2401.01234") == "2401.01234")
        #expect(PaperIdentity.normalizedArxivID("2401.01234v3") == "2401.01234")
        #expect(PaperIdentity.normalizedArxivID("arXiv:2401.01234v3") == "2401.01234")
        #expect(PaperIdentity.normalizedArxivID("0704.0001") == "0704.0001")
        #expect(PaperIdentity.normalizedArxivID("hep-th/9901001v2") == "hep-th/9901001")
        #expect(PaperIdentity.normalizedArxivID("solv-int/9901001") == "solv-int/9901001")
        #expect(PaperIdentity.normalizedArxivID("not an id") == nil)
        #expect(PaperIdentity.normalizedArxivID("2401.012345") == nil)
    }

    @Test func surroundingLineBreaksAreTrimmed() {
        // "\r\n" is one Character; lone "\n" and "\r" must still be trimmed.
        #expect(PaperIdentity.normalizedArxivID(" 2401.01234v1\n") == "2401.01234")
        #expect(PaperIdentity.normalizedArxivID("\r2401.01234\r\n") == "2401.01234")
    }
}
