public import Collapse

/// The output of `prove-collapse check`: how many random checks agreed with the verdict, what
/// could not be checked, and what the probes found.
public enum CheckReport {
    /// `verdict: affine`, the counts, each failure, each check that did not run and each
    /// probe note, then the outcome: `check passed` only when every check ran and agreed.
    public static func text(verdict: Verdict, summary: PropertyCheckSummary, trials: Int, seed: UInt64) -> String {
        var lines = [
            "verdict: \(verdict.rawValue)",
            "checks: \(summary.passed) passed, \(summary.failures.count) failed, \(summary.skipped.count) not run (\(trials) trials, seed \(seed))",
        ]
        for failure in summary.failures { lines.append("  failed: \(failure)") }
        for skipped in summary.skipped { lines.append("  not run: \(skipped)") }
        for note in summary.notes { lines.append("  \(note)") }
        switch summary.outcome(verdict: verdict) {
        case .passed: lines.append("check passed")
        case .failed: lines.append("check FAILED: \(summary.failures.count) disagreement(s) with the verdict")
        case .incomplete:
            let what =
                summary.passed == 0
                ? "nothing was checked" : "\(summary.skipped.count) check(s) could not run (listed above)"
            lines.append("check INCOMPLETE: \(what); this is not a pass")
        case .unknown:
            lines.append(
                "check: the verdict is unknown, so there is no claim to check; the network was only probed (see above)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"verdict", "trials", "seed", "passed", "failed", "failures": [...], "skipped": [...],
    /// "notes": [...], "outcome": "passed|failed|incomplete|unknown"}`.
    public static func json(verdict: Verdict, summary: PropertyCheckSummary, trials: Int, seed: UInt64) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("verdict"); writer.string(verdict.rawValue)
        writer.key("trials"); writer.int(trials)
        writer.key("seed"); writer.uint64(seed)
        writer.key("passed"); writer.int(summary.passed)
        writer.key("failed"); writer.int(summary.failures.count)
        writer.key("failures"); writer.strings(summary.failures)
        writer.key("skipped"); writer.strings(summary.skipped)
        writer.key("notes"); writer.strings(summary.notes)
        writer.key("outcome"); writer.string(summary.outcome(verdict: verdict).rawValue)
        writer.endObject()
        return writer.finish()
    }
}
