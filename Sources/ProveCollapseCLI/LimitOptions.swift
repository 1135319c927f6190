import ArgumentParser
import Algebra
import Collapse

/// `--timeout`, `--max-terms` and `--progress`: the limits a user controls and sees.
struct LimitOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Stop after this many seconds with verdict unknown, the reason and the counts reached (exit 3); checked cooperatively in the long loops.",
            valueName: "SECONDS"))
    var timeout: Double?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The most terms any polynomial the analysis builds may have (checked before each product; past it: unknown with the reason).",
            valueName: "N"))
    var maxTerms: Int = AnalysisOptions.defaults.polynomialBudget.maxTerms

    @Flag(
        inversion: .prefixedNo,
        help:
            "Progress lines on standard error for steps longer than a second (default: only when standard error is a terminal)."
    )
    var progress: Bool?

    /// The same options as plain values.
    var values: Limits { Limits(timeout: timeout, maxTerms: maxTerms, progress: progress) }

    func validate() throws {
        if let problem = values.problem { throw ValidationError(problem) }
    }

    /// The progress reporter these options ask for.
    func reporter() -> ProgressReporter { values.reporter() }

    /// Sets the deadline (from now) and the term budget.
    func apply(to options: inout AnalysisOptions) { values.apply(to: &options) }
}

/// The values of `LimitOptions` (`--timeout`, `--max-terms`, `--progress`/`--no-progress`).
struct Limits: Equatable {
    /// Seconds before the verdict becomes unknown; nil: no deadline.
    var timeout: Double? = nil
    /// The most terms of any polynomial the analysis builds.
    var maxTerms: Int = AnalysisOptions.defaults.polynomialBudget.maxTerms
    /// true/false: `--progress`/`--no-progress`; nil: when standard error is a terminal.
    var progress: Bool? = nil

    /// The usage error in these values (the message after `Error: `), or nil when valid.
    var problem: String? {
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            return "--timeout must be a positive number of seconds; got \(timeout)"
        }
        return positivityProblem(maxTerms, "--max-terms")
    }

    /// The progress reporter these values ask for.
    func reporter() -> ProgressReporter { ProgressReporter(forced: progress) }

    /// Sets the deadline (from now) and the term budget.
    func apply(to options: inout AnalysisOptions) {
        if let timeout { options.deadline = Deadline(seconds: timeout) }
        options.polynomialBudget = PolynomialBudget(maxTerms: maxTerms, maxDegree: options.polynomialBudget.maxDegree)
    }
}
