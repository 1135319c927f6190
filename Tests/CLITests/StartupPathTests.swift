import Testing

@testable import ProveCollapseCLI

/// The start-up shortcuts (issue 15): `--version` answered before ArgumentParser, the common
/// argument lists of the default subcommand read without it (`AnalyzeRequest`), and the
/// default subcommand parsed alone when no argument names a subcommand. All must give what the
/// full root parse gives.
@Suite struct StartupPathTests {
    @Test func versionAloneIsTheVersionLine() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        let result = try cli.run("--version")
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
        #expect(result.stderr.isEmpty)
        // Like every report, the version and the help that cannot be written are a failure.
        for arguments in [["--version"], ["--help"]] {
            let full = try cli.run(launcher: [], arguments, standardOutput: "/dev/full")
            #expect(full.status == 2, "\(arguments)")
            #expect(full.stderr == "standard output: cannot write the file: No space left on device\n", "\(arguments)")
        }
    }

    @Test func defaultSubcommandGivesWhatTheExplicitSubcommandGives() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.affine)
        try cli.write("linear.yaml", Specs.linear)
        try cli.write("w.yaml", Specs.symbolicRelu)
        // (arguments, exit status); each list takes the start-up parser's path (no ArgumentParser).
        let cases: [([String], Int32)] = [
            (["net.yaml"], 0), (["net.yaml", "--format", "json"], 0), (["--format", "json", "linear.yaml"], 0),
            (["linear.yaml", "--convention", "row"], 0), (["net.yaml", "--latex", "-"], 0),
            (["w.yaml", "--set", "w=-1/2", "--max-regions", "5", "--timeout", "60", "--format", "json"], 1),
            (["w.yaml", "--set", "v=1"], 2), (["missing.yaml", "--no-progress"], 2),
        ]
        for (arguments, status) in cases {
            #expect(AnalyzeRequest(simpleArguments: arguments) != nil, "\(arguments)")
            let implicit = try cli.run(arguments)
            let explicit = try cli.run(["analyze"] + arguments)
            #expect(implicit.status == status, "\(arguments): \(implicit.stderr)")
            #expect(implicit.status == explicit.status, "\(arguments)")
            #expect(implicit.stdout == explicit.stdout, "\(arguments)")
            #expect(implicit.stderr == explicit.stderr, "\(arguments)")
        }
    }

    /// FLINT is loaded on demand (`CFLINTOnDemand`): not for a small spec, and at the first
    /// integer matrix product (a chain wider than 4), whose result is the exact composite.
    @Test func flintIsLoadedOnlyForAnIntegerMatrixProduct() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.affine)
        try cli.write(
            "wide.yaml",
            """
            input: 5
            layers:
              - dense:
                  weights: [[1, 0, 0, 0, 0], [0, 2, 0, 0, 0], [0, 0, 3, 0, 0], [0, 0, 0, 4, 0], [0, 0, 0, 0, "1/5"]]
              - dense:
                  weights: [[1, 1, 1, 1, 1]]

            """)
        let loads = ["LD_DEBUG": "files"]  // the dynamic loader names every library it loads
        let small = try cli.start(["net.yaml"], environment: loads).finish()
        #expect(small.status == 0, "\(small.stderr)")
        #expect(small.stderr.contains("file=libgmp") && !small.stderr.contains("libflint"), "\(small.stderr)")
        let wide = try cli.start(["wide.yaml", "--format", "json"], environment: loads).finish()
        #expect(wide.status == 0)
        #expect(wide.stderr.contains("file=libflint"))
        #expect(
            wide.stdout.contains(#""collapsed":{"weights":[["1","2","3","4","1/5"]],"bias":["0"]}"#), "\(wide.stdout)")
    }

    /// A file named like a subcommand: `prove-collapse eval` is the `eval` subcommand (its
    /// spec missing), never the analysis of the file `eval`; as an option's value the name is
    /// only a file name.
    @Test func anArgumentNamingASubcommandTakesTheRootParse() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("eval", Specs.affine)
        let subcommand = try cli.run("eval")
        #expect(subcommand.status == 2)
        #expect(subcommand.stdout.isEmpty)
        #expect(subcommand.stderr.contains("<spec>") || subcommand.stderr.contains("SPEC"), "\(subcommand.stderr)")
        try cli.write("net.yaml", Specs.affine)
        let latex = try cli.run("net.yaml", "--latex", "check")
        #expect(latex.status == 0, "\(latex.stderr)")
        #expect(cli.exists("check"))
    }

    /// Help and usage errors from the default subcommand's arguments come from the root parse.
    @Test func helpAndUsageErrorsAreTheRootCommands() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        let help = try cli.run("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("SUBCOMMANDS"))
        try cli.write("net.yaml", Specs.affine)
        let bad = try cli.run("net.yaml", "--format", "yaml")
        #expect(bad.status == 2)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("yaml"), "\(bad.stderr)")
    }
}
