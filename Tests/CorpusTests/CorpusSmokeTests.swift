import Testing
@testable import Corpus

@Test func CorpusModuleLoads() {
    #expect(Bool(true))
}
