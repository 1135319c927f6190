import ArgumentParser
import NetworkModel
import Collapse
import Rendering

/// `prove-collapse check SPEC --trials N --seed S`: the verdict property-tested at random
/// rational points (a cross-check of the proof by plain evaluation).
struct CheckCommand: ExitStatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Property-test the verdict at random rational points; exit 1 on any disagreement.",
        discussion: """
            Exit status: 0 every check ran and agreed; 1 a check disagreed with the verdict; \
            3 some checks could not run (listed), or the verdict is unknown (the network is \
            then probed at random pairs, and a pair that breaks affinity is reported). \
            Networks with symbols are checked at random values of the symbols.
            Example:
              prove-collapse check net.yaml --trials 200 --seed 7
            """)

    @Argument(help: "The network spec (.yaml, .yml or .json).")
    var spec: String

    @Option(name: .long, help: ArgumentHelp(SpecLoading.domainHelp, valueName: "FILE"))
    var domain: String?

    @Option(help: "How many random trials.")
    var trials: Int = AnalysisOptions.defaults.checkTrials

    @Option(help: "The random seed (the same seed gives the same points).")
    var seed: UInt64 = AnalysisOptions.defaults.seed

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var symbolValues: SymbolValuesOptions

    func validate() throws {
        guard trials > 0 else { throw ValidationError("--trials must be positive; got \(trials)") }
    }

    func execute() throws -> Int32 {
        let network = try symbolValues.apply(to: SpecLoading.load(spec, domain: domain))
        var options = AnalysisOptions()
        options.illustrateRegions = false  // regions illustrate only a LaTeX derivation
        let analysis = Analyzer.analyze(network, options: options)
        let summary = PropertyCheck.run(network, analysis: analysis, trials: trials, seed: seed)
        switch format {
        case .text:
            StandardStreams.output(
                CheckReport.text(verdict: analysis.verdict, summary: summary, trials: trials, seed: seed))
        case .json:
            StandardStreams.output(
                CheckReport.json(verdict: analysis.verdict, summary: summary, trials: trials, seed: seed))
        }
        return summary.outcome(verdict: analysis.verdict).exitCode
    }
}
