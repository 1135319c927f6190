import Testing
import Collapse
@testable import Rendering

/// "0 passed, 3 skipped … check passed" was not a pass: the outcome follows what ran.
struct CheckReportTests {
    @Test func nothingCheckedIsIncompleteNotPassed() {
        let summary = PropertyCheckSummary(passed: 0, failures: [], skipped: ["a", "b", "c"])
        #expect(summary.outcome(verdict: .affine) == .incomplete)
        #expect(summary.outcome(verdict: .affine).exitCode == 3)
        let text = CheckReport.text(verdict: .affine, summary: summary, trials: 100, seed: 1)
        #expect(!text.contains("check passed"))
        #expect(text.contains("check INCOMPLETE: nothing was checked"))
        #expect(text.contains("  not run: a\n  not run: b\n  not run: c\n"))
        #expect(
            CheckReport.json(verdict: .affine, summary: summary, trials: 100, seed: 1).contains(
                "\"outcome\":\"incomplete\""))
    }

    @Test func someChecksNotRunIsIncomplete() {
        let summary = PropertyCheckSummary(passed: 40, failures: [], skipped: ["the witness could not be re-evaluated"])
        #expect(summary.outcome(verdict: .linear) == .incomplete)
    }

    @Test func outcomesAndExitCodes() {
        #expect(PropertyCheckSummary(passed: 5, failures: [], skipped: []).outcome(verdict: .linear) == .passed)
        #expect(PropertyCheckSummary(passed: 5, failures: ["x"], skipped: []).outcome(verdict: .linear).exitCode == 1)
        #expect(PropertyCheckSummary(passed: 5, failures: [], skipped: []).outcome(verdict: .unknown).exitCode == 3)
    }
}
