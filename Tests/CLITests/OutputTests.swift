import Foundation
import Testing

/// Where output goes: JSON alone on standard output, LaTeX files written atomically.
@Suite struct OutputTests {
    @Test(arguments: ["linear", "relu", "unknown"])
    func jsonFormatPutsOnlyJSONOnStandardOutput(_ kind: String) throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        let spec = ["linear": Specs.linear, "relu": Specs.relu, "unknown": Specs.symbolicRelu][kind]!
        try cli.write("net.yaml", spec)
        let result = try cli.run("net.yaml", "--format", "json")
        #expect([0, 1, 3].contains(result.status))
        #expect(result.stdout.hasPrefix("{") && result.stdout.hasSuffix("}\n"))
        let report = try parseJSON(result)
        for key in [
            "network", "input_dim", "output_dim", "verdict", "collapsed", "rank", "additivity", "homogeneity",
            "affinity",
        ] {
            #expect(report[key] != nil, "missing \(key)")
        }
        #expect(result.stderr.isEmpty)
    }

    @Test func latexFileIsWrittenAlongsideTheReport() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.affine)
        let result = try cli.run("net.yaml", "--latex", "out.tex")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("verdict: affine"))
        let document = try String(contentsOfFile: cli.path("out.tex"), encoding: .utf8)
        #expect(document.hasPrefix("\\documentclass"))
        #expect(document.contains("\\usepackage{amsmath,amssymb}") || document.contains("\\usepackage{amsmath}"))
        #expect(document.contains("\\end{document}"))
        #expect(try cli.listing() == ["net.yaml", "out.tex"], "temporary files left behind")
    }

    @Test func latexIsWrittenForANotAffineVerdictToo() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("relu.yaml", Specs.relu)
        let result = try cli.run("relu.yaml", "--latex", "relu.tex")
        #expect(result.status == 1)
        #expect(cli.exists("relu.tex"))
    }

    @Test func failingRunLeavesNoLatexFile() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("bad.yaml", "input: 2\nlayers:\n  - dense:\n      wieghts: [[1, 2]]\n")
        let result = try cli.run("bad.yaml", "--latex", "out.tex")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(!cli.exists("out.tex"))
        #expect(try cli.listing() == ["bad.yaml"])
    }

    @Test func unwritableLatexPathExitsTwoWithoutReport() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.affine)
        let result = try cli.run("net.yaml", "--latex", "no-such-dir/out.tex")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no-such-dir/out.tex"))
    }

    @Test func latexDashWritesTheDocumentInsteadOfTheReport() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.affine)
        let result = try cli.run("net.yaml", "--latex", "-")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("\\documentclass"))
        #expect(!result.stdout.contains("verdict: affine —"))
        #expect(!cli.exists("-"))
        // --format json would be silently ignored: a usage error with a suggestion instead.
        let json = try cli.run("net.yaml", "--latex", "-", "--format", "json")
        #expect(json.status == 2)
        #expect(json.stdout.isEmpty)
        #expect(json.stderr.contains("--latex proof.tex --format json"))
    }

    @Test func existingOutputFileIsReplacedWhole() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.linear)
        try cli.write("out.tex", String(repeating: "old content\n", count: 10_000))
        let result = try cli.run("net.yaml", "--latex", "out.tex")
        #expect(result.status == 0)
        let document = try String(contentsOfFile: cli.path("out.tex"), encoding: .utf8)
        #expect(!document.contains("old content"))
        #expect(document.hasPrefix("\\documentclass"))
    }
}
