import Testing
@testable import Rendering

@Test func RenderingModuleLoads() {
    #expect(Bool(true))
}
