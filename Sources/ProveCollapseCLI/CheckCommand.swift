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

    @OptionGroup var input: NetworkInput

    @Option(help: "How many random trials.")
    var trials: Int = AnalysisOptions.defaults.checkTrials

    @OptionGroup var seedOption: SeedOption

    @OptionGroup var reportFormat: ReportFormatOption

    @OptionGroup var symbolValues: SymbolValuesOptions

    func validate() throws {
        try requirePositive(trials, "--trials")
    }

    func execute() throws -> Int32 {
        let network = try symbolValues.apply(to: input.load())
        var options = AnalysisOptions()
        options.illustrateRegions = false  // regions illustrate only a LaTeX derivation
        let analysis = Analyzer.analyze(network, options: options)
        let summary = PropertyCheck.run(network, analysis: analysis, trials: trials, seed: seedOption.seed)
        switch reportFormat.format {
        case .text:
            StandardStreams.output(
                CheckReport.text(verdict: analysis.verdict, summary: summary, trials: trials, seed: seedOption.seed))
        case .json:
            StandardStreams.output(
                CheckReport.json(verdict: analysis.verdict, summary: summary, trials: trials, seed: seedOption.seed))
        }
        return summary.outcome(verdict: analysis.verdict).exitCode
    }
}
