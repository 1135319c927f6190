import ArgumentParser

/// The root command: `prove-collapse SPEC` runs `analyze`, the default subcommand.
struct ProveCollapse: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "prove-collapse",
        abstract: "Prove exactly whether a neural network collapses to one affine map y = W'x + b'.",
        discussion: """
            SPEC is a network in YAML (.yaml, .yml) or JSON (.json), or a model file: ONNX \
            (.onnx) or NNet (.nnet), whose binary weights are read as exact rationals. All arithmetic is exact \
            (rationals, never floating point); transcendental activations get rigorous enclosures.

            The spec format (every key, activation and scalar), every option, the JSON report \
            and the exit codes are documented in docs/SPEC.md of the prove-collapse repository.

            analyze is the default subcommand: prove-collapse SPEC [--format text|json] \
            [--latex FILE|-] runs prove-collapse analyze SPEC ...; the --help of each \
            subcommand lists its options.

            Exit status: 0 the network collapses (verdict linear or affine); 1 it provably does \
            not (not-affine, with a witness); 2 bad input or usage (message on standard error \
            naming file:line:column); 3 undecided (unknown, with the reason).

            Examples:
              prove-collapse net.yaml                    # the report, for a person
              prove-collapse net.yaml --format json      # the JSON report on stdout
              prove-collapse net.yaml --latex proof.tex  # also write a LaTeX proof
              prove-collapse net.yaml --latex -          # the LaTeX proof on stdout
              prove-collapse eval net.yaml --at "1/2, -3" --trace
              prove-collapse check net.yaml --trials 200 --seed 7
              prove-collapse random --layers 3 --width 4 --activation relu --seed 1 --output r.yaml
              prove-collapse regions net.yaml --plot regions.svg
            """,
        version: version,
        subcommands: [
            AnalyzeCommand.self, EvalCommand.self, CheckCommand.self, RandomCommand.self, RegionsCommand.self,
            LocalCommand.self, SeparableCommand.self, VerifyCommand.self, ConvertCommand.self, FuseCommand.self,
        ],
        defaultSubcommand: AnalyzeCommand.self
    )
}
