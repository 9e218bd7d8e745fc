import Testing
@testable import GraphStore

@Test func GraphStoreModuleLoads() {
    #expect(Bool(true))
}
