import Foundation
import Testing

/// `--timeout`, `--max-terms`, `--progress` (issue 14), end to end.
@Suite struct LimitOptionTests {
    /// Six 10×10 dense layers, every weight and bias a symbol: seconds of exact composition
    /// (the package's modules are optimised in debug builds too; 8×8 layers composed within
    /// half a second on an idle machine).
    static let symbolicChain: String = {
        let layers = (1...6).map { l in
            let w = (0..<10).map { i in "[" + (0..<10).map { j in "w\(l)_\(i)_\(j)" }.joined(separator: ", ") + "]" }
            let b = (0..<10).map { i in "b\(l)_\(i)" }
            return "  - dense: {weights: [\(w.joined(separator: ", "))], bias: [\(b.joined(separator: ", "))]}"
        }
        return "input: 10\nlayers:\n" + layers.joined(separator: "\n") + "\n"
    }()

    @Test func timeoutGivesUnknownWithTheReasonAndCounts() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Self.symbolicChain)
        let started = Date()
        let result = try cli.run("net.yaml", "--format", "json", "--timeout", "0.5")
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.status == 3, "stderr: \(result.stderr)")
        let report = try parseJSON(result)
        #expect(report["verdict"] as? String == "unknown")
        let reason = try #require(report["reason"] as? String)
        #expect(reason.contains("the time limit of 0.5 s (--timeout) ran out after composing"), "\(reason)")
        #expect(result.stderr.isEmpty, "progress must stay off when standard error is not a terminal")
    }

    @Test func maxTermsGivesUnknownWithTheReason() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write(
            "net.yaml",
            """
            input: 2
            layers:
              - dense: {weights: [[a, b], [c, d]], bias: [e, f]}
              - dense: {weights: [[g, h], [i, j]], bias: [k, l]}
              - dense: {weights: [[m, n], [o, p]], bias: [r, s]}
            """)
        let limited = try cli.run("net.yaml", "--format", "json", "--max-terms", "3")
        #expect(limited.status == 3, "stderr: \(limited.stderr)")
        #expect(
            (try parseJSON(limited)["reason"] as? String)?.contains("past the budget of 3 terms (--max-terms)") == true)
        let full = try cli.run("net.yaml", "--format", "json")
        #expect(full.status == 0)
        let report = try parseJSON(full)
        #expect(report["rank"] as? Int == 2)
        #expect(report["rank_proven"] as? Bool == true)
    }

    @Test func badLimitValuesAreUsageErrors() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Specs.linear)
        for arguments in [["--timeout", "0"], ["--timeout", "-1"], ["--timeout", "nan"], ["--max-terms", "0"]] {
            let result = try cli.run(["net.yaml"] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    /// Thirty ReLU units and their negations, recombined so that every pair cancels:
    /// F is linear, but without the simplification the region decision walks hundreds of
    /// thousands of regions in six dimensions, an interruptible step that takes minutes even
    /// with the fraction-free simplex.
    static let cancellingPairs: String = {
        let rows = (0..<30).map { i in (0..<6).map { j in ((i + 1) * (2 * j + 3) + j * j * i) % 13 - 6 } }
        let weights = (rows + rows.map { $0.map { -$0 } }).map {
            "[" + $0.map(String.init).joined(separator: ", ") + "]"
        }
        let out = (0..<30).map { i in 1 + i % 3 }
        let outRow = (out + out.map { -$0 }).map(String.init).joined(separator: ", ")
        return "input: 6\nlayers:\n  - dense: {weights: [\(weights.joined(separator: ", "))]}\n    activation: relu\n"
            + "  - dense: {weights: [[\(outRow)]]}\n"
    }()

    /// With `--progress`, a step that outlasts the reporting delay is announced on standard
    /// error (the delay shortened from a second to 50 ms by `PROVE_COLLAPSE_PROGRESS_MS`, so a
    /// half-second run shows it) and standard output holds the report alone.
    @Test func progressFlagWritesOnlyToStandardError() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Self.cancellingPairs)
        let result = try cli.start(
            [
                "net.yaml", "--format", "json", "--timeout", "0.5", "--progress", "--no-simplify", "--max-regions",
                "1000000",
            ],
            environment: ["PROVE_COLLAPSE_PROGRESS_MS": "50"]
        ).finish()
        #expect(result.status == 3, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("prove-collapse: analysing 2 layers ("), "stderr: \(result.stderr)")
        _ = try parseJSON(result)  // standard output is the report alone
    }
}
