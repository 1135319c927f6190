import Collapse

/// The output of `prove-collapse check`: how many random trials agreed with the verdict.
public enum CheckReport {
    /// `verdict: affine` then `trials: 100, passed: 100, failed: 0 (seed 7)` and each failure.
    public static func text(verdict: Verdict, summary: PropertyCheckSummary, seed: UInt64) -> String {
        var lines = ["verdict: \(verdict.rawValue)",
                     "trials: \(summary.trials), passed: \(summary.passed), failed: \(summary.failed) (seed \(seed))"]
        for failure in summary.failures { lines.append("  failure: \(failure)") }
        lines.append(summary.failed == 0 ? "check passed" : "check FAILED: \(summary.failed) disagreement(s) with the verdict")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"verdict": ..., "trials": n, "passed": n, "failed": n, "seed": s, "failures": [...]}`.
    public static func json(verdict: Verdict, summary: PropertyCheckSummary, seed: UInt64) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("verdict"); writer.string(verdict.rawValue)
        writer.key("trials"); writer.int(summary.trials)
        writer.key("passed"); writer.int(summary.passed)
        writer.key("failed"); writer.int(summary.failed)
        writer.key("seed"); writer.appendRaw(String(seed))
        writer.key("failures"); writer.strings(summary.failures.map { "\($0)" })
        writer.endObject()
        return writer.finish()
    }
}
