import Testing
@testable import Extraction

@Test func ExtractionModuleLoads() {
    #expect(Bool(true))
}
