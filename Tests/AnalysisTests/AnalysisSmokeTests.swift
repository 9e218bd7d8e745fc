import Testing
@testable import Analysis

@Test func AnalysisModuleLoads() {
    #expect(Bool(true))
}
