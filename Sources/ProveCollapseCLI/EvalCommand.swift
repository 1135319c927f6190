import ArgumentParser
import ExactNumbers
import NetworkModel
import Collapse
import Rendering

/// `prove-collapse eval SPEC --at "1/2, -3"`: exact outputs at given points.
struct EvalCommand: ExitStatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate the network exactly at given points (layer by layer with --trace).",
        discussion: """
            Examples:
              prove-collapse eval net.yaml --at "1/2, -3" --at "0, 0.1"
              prove-collapse eval net.yaml --points points.txt --trace --format json
            A points file holds one point per line (blank lines and # comments are skipped).
            """)

    @OptionGroup var input: NetworkInput

    // `.unconditionalSingleValue`: a point may begin with a minus sign ("-1, 2"), which
    // would otherwise be taken for an option.
    @Option(
        name: .long, parsing: .unconditionalSingleValue,
        help: ArgumentHelp("A point, e.g. \"1/2, -3\" (repeatable).", valueName: "POINT"))
    var at: [String] = []

    @Option(name: .long, help: ArgumentHelp("A file with one point per line.", valueName: "FILE"))
    var points: String?

    @Flag(name: .long, help: "Evaluate points outside the input domain too (by default such a point is an error).")
    var allowOutsideDomain = false

    @Flag(help: "Show every layer's output.")
    var trace = false

    @OptionGroup var reportFormat: ReportFormatOption

    @OptionGroup var symbolValues: SymbolValuesOptions

    func validate() throws {
        if at.isEmpty && points == nil {
            throw ValidationError("give at least one point with --at \"1/2, -3\" or --points FILE")
        }
    }

    func execute() throws -> Int32 {
        let network = try symbolValues.apply(to: input.load())
        var located: [(point: [Rational], location: SourceLocation)] = []
        for (index, text) in at.enumerated() {
            let source = "--at #\(index + 1)"
            located.append(
                (try PointParsing.parse(text, file: source, line: 1), SourceLocation(file: source, line: 1, column: 1)))
        }
        if let points {
            let text = try TextFile.read(points)
            var lineNumber = 0
            for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                lineNumber += 1
                let trimmed = line.drop(while: \.isWhitespace)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                located.append(
                    (
                        try PointParsing.parse(String(line), file: points, line: lineNumber),
                        SourceLocation(file: points, line: lineNumber, column: 1)
                    ))
            }
        }
        var records: [EvaluationRecord] = []
        for (point, location) in located {
            guard point.count == network.inputDimension else {
                throw CLIError.input(
                    location,
                    "the point has \(point.count) coordinate(s); expected \(network.inputDimension), the network's input dimension"
                )
            }
            if !allowOutsideDomain {
                try DomainPoints.requireInside(point, network, at: location, hint: " (or --allow-outside-domain)")
            }
            if trace {
                let layers = try Evaluator.trace(network, at: point)
                records.append(EvaluationRecord(point: point, output: layers.last ?? [], layers: layers))
            } else {
                records.append(
                    EvaluationRecord(point: point, output: try Evaluator.evaluate(network, at: point), layers: nil))
            }
        }
        switch reportFormat.format {
        case .text: StandardStreams.output(TraceReport.text(network: network, records: records))
        case .json: StandardStreams.output(TraceReport.json(network: network, records: records))
        }
        return 0
    }
}
