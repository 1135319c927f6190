import ArgumentParser
import NetworkModel
import ModelFiles
import Collapse

/// `prove-collapse convert MODEL --output SPEC.yaml|SPEC.json`: the equivalent spec.
struct ConvertCommand: ExitStatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write the spec (YAML or JSON) equivalent to a model file, with exact weights.",
        discussion: """
            Every weight of an ONNX or NNet file is written as its exact value: a binary float \
            as its finite decimal expansion (0.100000001490116119384765625 for the float32 \
            nearest 0.1), other rationals as "p/q". Reading the spec back gives the same network.
            Example:
              prove-collapse convert model.onnx --output model.yaml
            """)

    @Argument(help: "The model (.onnx, .nnet) or spec to convert.")
    var model: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The spec to write (.yaml, .yml or .json); '-' writes YAML to standard output.", valueName: "SPEC"))
    var output: String

    func execute() throws -> Int32 {
        let network = try SpecLoading.load(model)
        guard !network.hasConstantAtoms else {
            throw CLIError.cannotWrite(
                path: output,
                reason:
                    "the model's weights hold irrational constants (sqrt from a BatchNormalization whose var + epsilon is not a square), which a spec cannot hold (specs hold rationals only)"
            )
        }
        let isJSON = SpecFormat(path: output) == .json && output != "-"
        let text = isJSON ? SpecWriter.json(network, decimals: true) : SpecWriter.yaml(network, decimals: true)
        try OutputFile.write(text, to: output)
        return 0
    }
}
