import Foundation
import Testing

/// `--timeout` also bounds printing the report (issue 14): a network whose analysis is quick
/// but whose exact report is huge answers `unknown` (exit 3) within the time limit, with the
/// verdict the analysis reached in the reason, and no partial report.
@Suite struct PrintingTimeoutTests {
    /// One output, `inputs` inputs, weights (j+2)·10^100000: W' is printed with about
    /// 100,001 digits per entry (the spec itself is small: `1e100000` is read as a power of ten).
    static func wideRow(inputs: Int) -> String {
        let row = (0..<inputs).map { "\"\($0 + 2)e100000\"" }.joined(separator: ", ")
        return "input: \(inputs)\nlayers:\n  - dense: {weights: [[\(row)]]}\n"
    }

    @Test func aHugeReportAnswersUnknownWithinTheTimeout() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        // About 20 million digits of W': seconds of decimal conversion uninterrupted.
        try cli.write("net.yaml", Self.wideRow(inputs: 200))
        for format in ["json", "text"] {
            let started = Date()
            let result = try cli.run("net.yaml", "--format", format, "--timeout", "0.05")
            let elapsed = Date().timeIntervalSince(started)
            #expect(result.status == 3, "stderr: \(result.stderr)")
            #expect(result.stdout.utf8.count < 100_000, "no W' in the report: \(result.stdout.utf8.count) bytes")
            #expect(elapsed < 20, "\(elapsed) s")
            let reason =
                "ran out while printing the report: the analysis reached the verdict linear, but its exact numbers"
            if format == "json" {
                let report = try parseJSON(result)
                #expect(report["verdict"] as? String == "unknown")
                #expect(report["collapsed"] is NSNull)
                let text = try #require(report["reason"] as? String)
                #expect(text.contains("the time limit of 0.05 s (--timeout) " + reason), "\(text)")
            } else {
                #expect(result.stdout.contains(reason), "\(result.stdout)")
            }
        }
    }

    @Test func aReportPrintedBeforeTheDeadlineIsComplete() throws {
        let cli = try CLIHarness(); defer { cli.cleanUp() }
        try cli.write("net.yaml", Self.wideRow(inputs: 2))
        let result = try cli.run("net.yaml", "--format", "json", "--timeout", "600")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let report = try parseJSON(result)
        #expect(report["verdict"] as? String == "linear")
        let collapsed = try #require(report["collapsed"] as? [String: Any])
        let weights = try #require(collapsed["weights"] as? [[String]])
        #expect(
            weights == [["2" + String(repeating: "0", count: 100_000), "3" + String(repeating: "0", count: 100_000)]])
    }
}
