import ArgumentParser
import ExactNumbers
import NetworkModel
import Collapse
import Rendering

/// `prove-collapse separable POINTS [--through SPEC --layer K]`: exact linear separability
/// (contract §8). Exit 0 separable (with a hyperplane), 1 not (with a Farkas certificate),
/// 2 bad input or usage.
struct SeparableCommand: ExitStatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "separable",
        abstract:
            "Decide exactly whether labelled points are linearly separable (a hyperplane, or a Farkas certificate).",
        discussion: """
            POINTS is YAML or JSON: `points: [[0, 0], [0, 1], [1, 0], [1, 1]]` and `labels: [0, 1, 1, 0]`.
            Exit status: 0 separable (a hyperplane w·x + b > 0 exactly on label 1), 1 not separable \
            (non-negative multipliers, one per point, whose combination of the strict inequalities \
            is 0 > 0), 2 bad input or usage.
            Examples:
              prove-collapse separable xor.yaml                      # exit 1, farkas [1, 1, 1, 1]
              prove-collapse separable xor.yaml --through net.yaml --layer 1
            """)

    @Argument(help: "The labelled points (.yaml, .yml or .json).")
    var points: String

    @Option(
        name: .long,
        help: ArgumentHelp("Map the points through the first K layers of this network first.", valueName: "SPEC"))
    var through: String?

    @Option(
        name: .long, help: ArgumentHelp("With --through: how many layers (0 to the number of layers).", valueName: "K"))
    var layer: Int?

    @OptionGroup var reportFormat: ReportFormatOption

    @OptionGroup var latexOption: LaTeXOption

    func validate() throws {
        if through != nil && layer == nil {
            throw ValidationError("--through needs --layer K (how many layers to map the points through)")
        }
        if through == nil && layer != nil { throw ValidationError("--layer needs --through SPEC") }
        if let layer, layer < 0 { throw ValidationError("--layer must be 0 or more; got \(layer)") }
    }

    func execute() throws -> Int32 {
        InputFiles.record(points)
        let data = try LabelledPoints.read(path: points)
        var mapped = data.points
        var throughInfo: (network: String, layer: Int)? = nil
        if let through, let layer {
            let network = try SpecLoading.load(through)
            guard layer <= network.layers.count else {
                throw CLIError.input(
                    SourceLocation.start(of: through),
                    "--layer \(layer) but the network has \(network.layers.count) layer\(network.layers.count == 1 ? "" : "s"); expected 0 to \(network.layers.count)"
                )
            }
            let prefix = Network(
                name: network.name, inputNames: network.inputNames, layers: Array(network.layers.prefix(layer)))
            mapped = []
            for (k, p) in data.points.enumerated() {
                guard p.count == network.inputDimension else {
                    throw CLIError.input(
                        data.locations[k],
                        "point \(k + 1) has \(p.count) coordinate\(p.count == 1 ? "" : "s"); expected \(network.inputDimension), the network's input dimension"
                    )
                }
                let values = try Evaluator.evaluate(prefix, at: p)
                let exact = values.compactMap(\.exactValue)
                guard exact.count == values.count else {
                    throw CLIError.evaluation(
                        "the image of point \(k + 1) after \(layer) layers is not a rational (a transcendental activation); separability is decided only for exact points"
                    )
                }
                mapped.append(exact)
            }
            throughInfo = (network.name ?? through, layer)
        }
        // Opened after reading the inputs, before the work: a refused path fails at once.
        let latexFile = try latexOption.latex.map { try OutputFile.open($0) }
        let outcome = Separability.decide(points: mapped, labels: data.labels)
        let report = SeparabilityCase(
            points: data.points, mapped: mapped, labels: data.labels, through: throughInfo, outcome: outcome)
        let status: Int32
        if case .separable = outcome { status = 0 } else { status = 1 }
        if let latexFile {
            try latexFile.write(SeparabilityLaTeX.render(report))
            try latexFile.commit()
            if latexOption.latex == "-" { return status }
        }
        switch reportFormat.format {
        case .text: StandardStreams.output(SeparabilityReport.text(report))
        case .json: StandardStreams.output(SeparabilityReport.json(report))
        }
        return status
    }
}
