import Foundation
import Testing

/// Where an SMT solver is installed (nil when it is not).
func solverPath(_ name: String) -> String? {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let path = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

/// Both solvers are installed (CI always has them: .ci/run installs z3 and cvc5).
let solversInstalled: Bool = {
    let found = solverPath("z3") != nil && solverPath("cvc5") != nil
    if !found { print("note: z3 or cvc5 is not installed; the SMT certificate tests are skipped (CI installs both)") }
    return found
}()

/// The answers of a solver on a script, one word per (check-sat).
func solve(_ solver: String, _ path: String) throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: solverPath(solver)!)
    process.arguments = solver == "cvc5" ? ["--lang", "smt2", path] : [path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
}

/// `--certificate`: SMT-LIB scripts whose every check-sat is unsat in z3 and cvc5, and that
/// are not vacuous (sat without the negated claim).
@Suite struct CertificateTests {
    /// Random specs of every certifiable kind (fixed seeds), with the expected exit status.
    static let cases: [(arguments: [String], status: Int32)] = [
        (["random", "--layers", "3", "--width", "3", "--inputs", "2", "--activation", "identity", "--seed", "4"], 0),
        (["random", "--layers", "2", "--width", "3", "--inputs", "2", "--activation", "relu", "--seed", "5"], 1),
        (["random", "--layers", "2", "--width", "2", "--inputs", "2", "--activation", "hardtanh", "--seed", "6"], 1),
        (
            [
                "random", "--layers", "2", "--width", "2", "--inputs", "2", "--activation", "{polynomial: [0, 1, 1]}",
                "--seed", "7",
            ], 1
        ),
    ]

    static let cancellation = """
        input: [a, b]
        layers:
          - dense: {weights: [[1, "2/3"], [-1, "-2/3"], ["1/2", -1], ["-1/2", 1]]}
            activation: relu
          - dense: {weights: [[1, -1, 0, 0], [0, 0, 3, -3]], bias: ["1/4", 0]}
            activation: {leaky_relu: {alpha: 1}}
        """

    @Test(.enabled(if: solversInstalled, "z3 and cvc5 must be installed (CI installs both)"))
    func certificatesOfRandomSpecsAreUnsatInBothSolversAndNotVacuous() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        var specs: [(String, Int32)] = []
        for (index, c) in Self.cases.enumerated() {
            let name = "random-\(index).yaml"
            #expect(try cli.run(c.arguments + ["--output", name]).status == 0)
            specs.append((name, c.status))
        }
        try cli.write("cancel.yaml", Self.cancellation)
        specs.append(("cancel.yaml", 0))
        try cli.write(
            "clip.yaml",
            "input: 2\nlayers:\n  - dense: {weights: [[1, -1], [2, 1]], bias: [0, \"1/3\"]}\n    activation: {clip: {min: -1, max: 2}}\n  - dense: {weights: [[1, 1]]}\n    activation: hard_sigmoid\n"
        )
        specs.append(("clip.yaml", 1))
        for (spec, status) in specs {
            let result = try cli.run(spec, "--certificate", "\(spec).smt2")
            #expect(result.status == status, "\(spec): \(result.stderr)")
            let script = try String(contentsOfFile: cli.path("\(spec).smt2"), encoding: .utf8)
            #expect(script.contains("(check-sat)"), "\(spec)")
            for solver in ["z3", "cvc5"] {
                #expect(try solve(solver, cli.path("\(spec).smt2")) == ["unsat"], "\(solver) on \(spec)")
            }
            // Without the last assertion (the negated claim) the definitions are satisfiable.
            var lines = script.split(separator: "\n", omittingEmptySubsequences: false)
            let last = try #require(lines.lastIndex { $0.hasPrefix("(assert ") })
            lines.remove(at: last)
            try cli.write("\(spec).vacuity.smt2", lines.joined(separator: "\n"))
            for solver in ["z3", "cvc5"] {
                #expect(
                    try solve(solver, cli.path("\(spec).vacuity.smt2")) == ["sat"],
                    "\(solver) on \(spec) without the claim")
            }
        }
    }

    @Test(.enabled(if: solversInstalled, "z3 and cvc5 must be installed (CI installs both)"))
    func aWrongClaimIsSatisfiable() throws {
        // Tamper with the certificate of a collapsing network: change one entry of W'.
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("cancel.yaml", Self.cancellation)
        #expect(try cli.run("cancel.yaml", "--certificate", "c.smt2").status == 0)
        let script = try String(contentsOfFile: cli.path("c.smt2"), encoding: .utf8)
        let line = try #require(script.split(separator: "\n").first { $0.hasPrefix("(define-fun e_1 ") })
        try cli.write(
            "bad.smt2",
            script.replacingOccurrences(
                of: String(line), with: String(line).replacingOccurrences(of: "(/ 1 4)", with: "(/ 1 3)")))
        for solver in ["z3", "cvc5"] { #expect(try solve(solver, cli.path("bad.smt2")) == ["sat"], "\(solver)") }
    }

    @Test func unknownVerdictsGiveACommentOnlyScriptAndTheFileIsWrittenAtomically() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("sym.yaml", "input: 1\nlayers:\n  - dense: {weights: [[w]]}\n    activation: relu\n")
        let result = try cli.run("sym.yaml", "--certificate", "u.smt2")
        #expect(result.status == 3)
        let script = try String(contentsOfFile: cli.path("u.smt2"), encoding: .utf8)
        #expect(!script.contains("(check-sat)"))
        #expect(script.split(separator: "\n").allSatisfy { $0.hasPrefix(";") })
        #expect(try cli.listing() == ["sym.yaml", "u.smt2"], "no temporary file left behind")
        // Bad input: no certificate at all.
        try cli.write("bad.yaml", "input: 1\nlayers: [{dense: {weights: [[1, 2]]}}]\n")
        #expect(try cli.run("bad.yaml", "--certificate", "b.smt2").status == 2)
        #expect(!cli.exists("b.smt2"))
    }

    @Test func rationalsAreExactTermsAndUnitsAreNamedOncePerLayer() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write(
            "n.yaml",
            "input: 1\nlayers:\n  - dense: {weights: [[\"-3/4\"], [5]], bias: [-5, \"0.5\"]}\n    activation: relu\n  - dense: {weights: [[1, 1]]}\n"
        )
        #expect(try cli.run("n.yaml", "--certificate", "n.smt2").status == 1)
        let script = try String(contentsOfFile: cli.path("n.smt2"), encoding: .utf8)
        #expect(script.contains("(set-logic QF_LRA)"))
        #expect(script.contains("(* (- (/ 3 4)) p1_x_1)"), "\(script)")
        #expect(script.contains("(- 5)"))
        #expect(script.contains("(/ 1 2)"))
        #expect(script.contains("(ite (> p1_z1_1 0) p1_z1_1 0)"))
        // One declaration per unit and layer for each of the witness's four points.
        #expect(script.components(separatedBy: "(declare-fun ").count - 1 == 4 * (1 + 2 + 2 + 1))
        let code = script.split(separator: "\n").filter { !$0.hasPrefix(";") }
        #expect(
            !code.contains { $0.contains(".") && !$0.contains("smt-lib-version") },
            "no decimals: every number is an exact term")
    }

    @Test func regionCertificatesAppearInTheJSONOnRequest() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("cancel.yaml", Self.cancellation)
        // --no-simplify: the normalisation would cancel the pairs before any region is enumerated.
        let plain = try cli.run("cancel.yaml", "--format", "json", "--no-simplify")
        #expect(!plain.stdout.contains("\"certificates\""))
        let result = try cli.run("cancel.yaml", "--format", "json", "--region-certificates", "--no-simplify")
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"certificates\":[{\"pattern\""), "\(result.stdout)")
        #expect(result.stdout.contains("\"multipliers\""))
    }
}

/// `separable POINTS`: exit status, Farkas certificate, hyperplane, bad input.
@Suite struct SeparableCommandTests {
    static let xor = "points: [[0, 0], [0, 1], [1, 0], [1, 1]]\nlabels: [0, 1, 1, 0]\n"
    static let network = """
        input: [x1, x2]
        layers:
          - dense: {weights: [[1, 1], [1, 1]], bias: ["-1/2", "-3/2"]}
            activation: step
          - dense: {weights: [[1, -1]], bias: ["-1/2"]}
            activation: step
        """

    @Test func xorIsNotSeparableWithMultipliersOneOneOneOne() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("xor.yaml", Self.xor)
        let result = try cli.run("separable", "xor.yaml", "--format", "json")
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"farkas\":[\"1\",\"1\",\"1\",\"1\"]"), "\(result.stdout)")
        #expect(result.stdout.contains("\"separable\":false"))
    }

    @Test func afterTheHiddenStepLayerXorIsSeparable() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("xor.json", "{\"points\": [[0, 0], [0, 1], [1, 0], [1, 1]], \"labels\": [0, 1, 1, 0]}")
        try cli.write("net.yaml", Self.network)
        let result = try cli.run(
            "separable", "xor.json", "--through", "net.yaml", "--layer", "1", "--format", "json", "--latex", "p.tex")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains("\"hyperplane\":{\"weights\":[\"1\",\"-1\"],\"bias\":\"-1/2\"}"), "\(result.stdout)")
        #expect(result.stdout.contains("\"mapped_points\":[[\"0\",\"0\"],[\"1\",\"0\"],[\"1\",\"0\"],[\"1\",\"1\"]]"))
        #expect(try String(contentsOfFile: cli.path("p.tex"), encoding: .utf8).contains("\\begin{document}"))
    }

    @Test(arguments: [
        ("points: [[0, 0], [0, 1, 2]]\nlabels: [0, 1]\n", "p.yaml:1:18: point 2 has 3 coordinates; expected 2"),
        ("points: [[0, 0], [0, 1]]\nlabels: [0, 2]\n", "p.yaml:2:13: label 2 is 2; expected 0 or 1"),
        ("points: [[0, 0], [0, 1]]\nlabels: [0]\n", "p.yaml:2:9: there is 1 label for 2 points"),
        ("points: [[0, x]]\nlabels: [0]\n", "p.yaml:1:14: a coordinate of point 1 'x' is not a number"),
        ("labels: [0]\n", "p.yaml:1:1: missing key 'points'"),
    ])
    func badPointsFilesArePositionedErrors(text: String, message: String) throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("p.yaml", text)
        let result = try cli.run("separable", "p.yaml", "--latex", "out.tex")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        #expect(!cli.exists("out.tex"))
    }

    @Test func layerOutOfRangeIsAUsageError() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("xor.yaml", Self.xor)
        try cli.write("net.yaml", Self.network)
        #expect(try cli.run("separable", "xor.yaml", "--through", "net.yaml", "--layer", "3").status == 2)
        #expect(try cli.run("separable", "xor.yaml", "--layer", "1").status == 2)
    }
}
