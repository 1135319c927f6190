import ArgumentParser
import NetworkModel
import Collapse

/// `prove-collapse random ...`: writes a random network spec with small rational weights.
struct RandomCommand: ExitStatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "random",
        abstract: "Write a random network spec (small rational weights).",
        discussion: """
            Examples:
              prove-collapse random --layers 3 --width 4 --activation identity --seed 1
              prove-collapse random --layers 2 --width 3 --activation relu --seed 5 --output net.json
            --activation takes a spec name or a YAML flow map: "{leaky_relu: {alpha: 1/5}}".
            """)

    @Option(help: "Number of dense layers.")
    var layers: Int = 3

    @Option(help: "Width of every hidden layer.")
    var width: Int = 4

    @Option(help: "Activation after each dense layer (a spec name or YAML flow map).")
    var activation: String = "identity"

    @OptionGroup var seedOption: SeedOption

    @Option(help: "Input dimension (default: the width).")
    var inputs: Int?

    @Option(help: ArgumentHelp("Write the spec to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: "Spec notation: yaml or json (default: from the output file's extension, else yaml).")
    var format: SpecNotation?

    func validate() throws {
        try requirePositive(layers, "--layers")
        try requirePositive(width, "--width")
        if let inputs { try requirePositive(inputs, "--inputs") }
    }

    func execute() throws -> Int32 {
        let outputFile = try output.map { try OutputFile.open($0) }
        let activation = try Self.parseActivation(self.activation)
        let network = RandomNetwork.make(
            inputs: inputs ?? width, layers: layers, width: width,
            activation: activation, seed: seedOption.seed)
        let notation = format ?? (output.map { SpecFormat(path: $0) == .json ? .json : .yaml } ?? .yaml)
        let text = notation == .json ? SpecWriter.json(network) : SpecWriter.yaml(network)
        if let outputFile {
            try outputFile.write(text)
            try outputFile.commit()
        } else {
            StandardStreams.output(text)
        }
        return 0
    }

    /// The activation named in `text`, read by the spec reader itself (so names, aliases and
    /// parameters mean exactly what they mean in a spec).
    static func parseActivation(_ text: String) throws(CLIError) -> Activation {
        let source = "--activation"
        let spec = "input: 1\nlayers:\n  - activation: \(text)\n"
        let network: Network
        do {
            network = try SpecReader.parse(text: spec, file: source, format: .yaml)
        } catch {
            throw .input(SourceLocation(file: source, line: 1, column: 1), error.message)
        }
        guard network.layers.count == 1, !text.contains("\n") else {
            throw .input(
                SourceLocation(file: source, line: 1, column: 1),
                "expected one activation, such as relu or \"{affine: {slope: 2}}\"")
        }
        return network.layers[0].activation
    }
}
