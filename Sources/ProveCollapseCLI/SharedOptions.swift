import ArgumentParser
import NetworkModel
import Collapse

/// `SPEC [--domain FILE]`: the network a subcommand reads (a spec or a model file, contract
/// §6) and the input domain that replaces its own (contract §5).
struct NetworkInput: ParsableArguments {
    @Argument(help: "The network: a spec (.yaml, .yml, .json) or a model file (.onnx, .nnet).")
    var spec: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The input domain D the verdict is about: a YAML/JSON file with a 'domain:' block, or a VNN-LIB file (.vnnlib; its input bounds); replaces the spec's domain.",
            valueName: "FILE"))
    var domain: String?

    /// The network with its domain (`SpecLoading.load`): a spec or model file, with the
    /// `--domain` file's domain when given.
    func load() throws -> Network { try SpecLoading.load(spec, domain: domain) }

    /// `load`, announced on `progress` when reading takes more than a second.
    func load(progress: ProgressReporter) throws -> Network {
        try SpecLoading.load(spec, domain: domain, progress: progress)
    }
}

/// `--format text|json`: the report for a person, or JSON.
struct ReportFormatOption: ParsableArguments {
    @Option(help: "The report format: text (for a person) or json.")
    var format: ReportFormat = .text
}

/// `--max-regions N`: the most linear regions an exact enumeration visits.
struct RegionLimitOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Stop the exact enumeration of linear regions after this many regions (the verdict or listing is then incomplete, exit 3).",
            valueName: "N"))
    var maxRegions: Int = AnalysisOptions.defaults.maxRegions

    func validate() throws {
        try requirePositive(maxRegions, "--max-regions")
    }
}

/// `--seed S`: the seed of a reproducible random choice.
struct SeedOption: ParsableArguments {
    @Option(help: "The random seed (the same seed gives the same result).")
    var seed: UInt64 = AnalysisOptions.defaults.seed
}

/// `--latex FILE|-`: a standalone LaTeX document of the proof.
struct LaTeXOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write the proof as a standalone LaTeX document; '-' writes it to standard output instead of the report.",
            valueName: "FILE"))
    var latex: String?
}

/// The one check and message of an option that counts something: `OPTION must be positive;
/// got VALUE` (a usage error, exit 2).
func requirePositive(_ value: Int, _ option: String) throws {
    if let problem = positivityProblem(value, option) { throw ValidationError(problem) }
}

/// The message of `requirePositive`, or nil when `value` is positive.
func positivityProblem(_ value: Int, _ option: String) -> String? {
    value > 0 ? nil : "\(option) must be positive; got \(value)"
}
