import ArgumentParser
import ExactNumbers
import NetworkModel
import Collapse
import Rendering

/// `prove-collapse local SPEC --at x`: the exact affine map around x and its region.
struct LocalCommand: ExitStatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "local",
        abstract: "The exact affine map a piecewise-linear network computes around a point, and its region.",
        discussion: """
            What a gradient at x sees, exactly: W and b with F(x') = W x' + b for every x' in \
            the region, and the inequalities of the region (only those not implied by others).
            Example:
              prove-collapse local net.yaml --at "1/2, -3"
            """)

    @OptionGroup var input: NetworkInput

    @Option(
        name: .long, parsing: .unconditional, help: ArgumentHelp("The point, e.g. \"1/2, -3\".", valueName: "POINT"))
    var at: String

    @OptionGroup var reportFormat: ReportFormatOption

    func execute() throws -> Int32 {
        let network = try input.load()
        try RegionsSupport.requireSupported(network, spec: input.spec)
        let point = try PointParsing.parse(at, file: "--at", line: 1)
        guard point.count == network.inputDimension else {
            throw CLIError.input(
                SourceLocation(file: "--at", line: 1, column: 1),
                "the point has \(point.count) coordinate(s); expected \(network.inputDimension), the network's input dimension"
            )
        }
        try DomainPoints.requireInside(point, network, at: SourceLocation(file: "--at", line: 1, column: 1))
        guard var region = LocalRegion.at(network, point: point) else { return Failure.badInput }
        if let domain = network.domain, let geometry = DomainGeometry(domain, inputDimension: network.inputDimension) {
            region = region.restricted(to: geometry)
        }
        switch reportFormat.format {
        case .text: StandardStreams.output(RegionsReport.localText(network: network, region: region))
        case .json: StandardStreams.output(RegionsReport.localJSON(network: network, region: region))
        }
        return 0
    }
}
