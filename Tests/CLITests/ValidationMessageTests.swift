import Testing

/// One message per validation: a bad option value gives exactly one error (one `Error:` line,
/// worded the same in every subcommand that shares the option), exit 2, nothing on standard
/// output.
@Suite struct ValidationMessageTests {
    static let spec = """
        input: 2
        layers:
          - dense: {weights: [[1, 2], [3, 4]]}
            activation: relu
        """

    /// Runs `arguments` (SPEC stands for a valid spec) and returns its one error line.
    static func singleError(_ harness: CLIHarness, _ arguments: [String]) throws -> String {
        let path = try harness.write("net.yaml", spec)
        let result = try harness.run(arguments.map { $0 == "SPEC" ? path : $0 })
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(arguments) wrote to standard output")
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
        #expect(errors.count == 1, "\(arguments) reported \(errors)")
        return errors.first.map(String.init) ?? ""
    }

    @Test func aSharedOptionHasOneMessageInEverySubcommand() throws {
        let harness = try CLIHarness(); defer { harness.cleanUp() }
        let analyze = try Self.singleError(harness, ["SPEC", "--max-regions", "0"])
        let regions = try Self.singleError(harness, ["regions", "SPEC", "--max-regions", "0"])
        #expect(analyze == "Error: --max-regions must be positive; got 0")
        #expect(regions == analyze)
    }

    @Test func everyCountOptionIsCheckedOnceWithTheSameWording() throws {
        let harness = try CLIHarness(); defer { harness.cleanUp() }
        let cases: [([String], String)] = [
            (["check", "SPEC", "--trials", "0"], "--trials"),
            (["SPEC", "--max-terms", "0"], "--max-terms"),
            (["random", "--layers", "0"], "--layers"),
            (["random", "--width", "0"], "--width"),
            (["random", "--inputs", "0"], "--inputs"),
        ]
        for (arguments, option) in cases {
            #expect(try Self.singleError(harness, arguments) == "Error: \(option) must be positive; got 0")
        }
    }

    @Test func combinationsAreOneErrorEach() throws {
        let harness = try CLIHarness(); defer { harness.cleanUp() }
        for arguments in [
            ["SPEC", "--latex", "-", "--format", "json"], ["SPEC", "--figures"], ["SPEC", "--pdf", "-"],
            ["SPEC", "--latex", "-", "--pdf", "-"], ["regions", "SPEC", "--box", "0,1,0,1"],
            ["separable", "SPEC", "--layer", "1"], ["eval", "SPEC"],
        ] {
            _ = try Self.singleError(harness, arguments)
        }
    }
}
