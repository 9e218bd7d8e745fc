import Testing

@Test func cliTestsRun() {
    #expect(Bool(true))
}
