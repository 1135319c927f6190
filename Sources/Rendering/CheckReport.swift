import Collapse

/// The output of `prove-collapse check`: how many random checks agreed with the verdict.
public enum CheckReport {
    /// `verdict: affine`, the counts, each failure and skipped check, then the outcome.
    public static func text(verdict: Verdict, summary: PropertyCheckSummary, trials: Int, seed: UInt64) -> String {
        var lines = ["verdict: \(verdict.rawValue)",
                     "checks: \(summary.passed) passed, \(summary.failures.count) failed, \(summary.skipped.count) skipped (\(trials) trials, seed \(seed))"]
        for failure in summary.failures { lines.append("  failed: \(failure)") }
        for skipped in summary.skipped { lines.append("  skipped: \(skipped)") }
        lines.append(summary.allPassed ? "check passed" : "check FAILED: \(summary.failures.count) disagreement(s) with the verdict")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"verdict", "trials", "seed", "passed", "failed", "failures": [...], "skipped": [...]}`.
    public static func json(verdict: Verdict, summary: PropertyCheckSummary, trials: Int, seed: UInt64) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("verdict"); writer.string(verdict.rawValue)
        writer.key("trials"); writer.int(trials)
        writer.key("seed"); writer.appendRaw(String(seed))
        writer.key("passed"); writer.int(summary.passed)
        writer.key("failed"); writer.int(summary.failures.count)
        writer.key("failures"); writer.strings(summary.failures)
        writer.key("skipped"); writer.strings(summary.skipped)
        writer.endObject()
        return writer.finish()
    }
}
