import Foundation
import Testing

/// `--timeout`, `--max-terms`, `--progress` (issue 14), end to end.
@Suite struct LimitOptionTests {
    /// relu(h) − relu(−h) = h in three mixed blocks: affine, thousands of regions to enumerate.
    static let manyRegions: String = {
        let n = 6
        let identity = (0..<n).map { i in (0..<n).map { $0 == i ? 1 : 0 } }
        let mixes = [[[1, 2, 0, -1, 3, 1], [0, 1, -2, 2, 1, 3], [3, -1, 1, 0, 2, -2], [1, 1, 1, -3, 0, 2], [-2, 0, 3, 1, 1, 1], [2, -3, 1, 1, -1, 0]],
                     [[2, 1, -1, 0, 1, 3], [1, -2, 3, 1, 0, 1], [0, 3, 1, -1, 2, 2], [3, 1, 0, 2, -1, 1], [1, 0, 2, 3, 1, -2], [-1, 2, 1, 1, 3, 0]],
                     [[1, -1, 2, 3, 0, 1], [2, 2, -1, 1, 1, 0], [0, 1, 3, -2, 2, 1], [1, 3, 1, 0, -1, 2], [3, 0, 1, 2, 2, -1], [-2, 1, 0, 1, 3, 3]]]
        var layers: [String] = []
        for m in mixes {
            layers.append("{\"dense\": {\"weights\": \(identity + identity.map { $0.map { -$0 } })}, \"activation\": \"relu\"}")
            layers.append("{\"dense\": {\"weights\": \(m.map { $0 + $0.map { -$0 } })}}")
        }
        return "{\"input\": \(n), \"layers\": [\(layers.joined(separator: ", "))]}"
    }()

    @Test func timeoutGivesUnknownWithTheReasonAndCounts() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.json", Self.manyRegions)
        let started = Date()
        let result = try cli.run("net.json", "--format", "json", "--timeout", "0.5")
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.status == 3, "stderr: \(result.stderr)")
        let report = try parseJSON(result)
        #expect(report["verdict"] as? String == "unknown")
        let reason = try #require(report["reason"] as? String)
        #expect(reason.contains("the time limit of 0.5 s (--timeout) ran out"))
        #expect(result.stderr.isEmpty, "progress must stay off when standard error is not a terminal")
    }

    @Test func maxTermsGivesUnknownWithTheReason() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", """
            input: 2
            layers:
              - dense: {weights: [[a, b], [c, d]], bias: [e, f]}
              - dense: {weights: [[g, h], [i, j]], bias: [k, l]}
              - dense: {weights: [[m, n], [o, p]], bias: [r, s]}
            """)
        let limited = try cli.run("net.yaml", "--format", "json", "--max-terms", "3")
        #expect(limited.status == 3, "stderr: \(limited.stderr)")
        #expect((try parseJSON(limited)["reason"] as? String)?.contains("past the budget of 3 terms (--max-terms)") == true)
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

    @Test func progressFlagWritesOnlyToStandardError() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.json", Self.manyRegions)
        let result = try cli.run("net.json", "--format", "json", "--timeout", "2.5", "--progress")
        #expect(result.status == 3)
        #expect(result.stderr.contains("prove-collapse: "), "stderr: \(result.stderr)")
        _ = try parseJSON(result)  // standard output is the report alone
    }
}
