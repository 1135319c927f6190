import ArgumentParser
import ExactNumbers
import NetworkModel
import Collapse
import Rendering

/// `prove-collapse regions SPEC`: the linear regions of a piecewise-linear network.
struct RegionsCommand: ExitStatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "regions",
        abstract: "List the linear regions of a piecewise-linear network (pattern, interior point, affine map).",
        discussion: """
            Every region is found exactly (rational linear programs, no floating point). With \
            --plot, a network with two inputs is drawn in the box: one polygon per region, \
            coloured by its affine map, with the breakpoint lines.
            Examples:
              prove-collapse regions net.yaml
              prove-collapse regions net.yaml --count
              prove-collapse regions net.yaml --plot regions.svg --box "-2,2,-2,2"
            Exit status: 0 listed; 2 bad input (including activations that are not piecewise \
            linear, or symbolic weights); 3 stopped at --max-regions.
            """)

    @OptionGroup var input: NetworkInput

    @Flag(help: "Print only the number of linear regions.")
    var count = false

    @OptionGroup var reportFormat: ReportFormatOption

    @Option(
        name: .long, help: ArgumentHelp("Write an SVG picture of the regions (two inputs only).", valueName: "FILE.svg")
    )
    var plot: String?

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp(
            "The box of the plot: \"xmin,xmax,ymin,ymax\" (default: the domain's box when bounded, else -2,2,-2,2); only the part inside the domain is drawn.",
            valueName: "BOX"))
    var box: String?

    @OptionGroup var regionLimit: RegionLimitOption

    func validate() throws {
        if box != nil && plot == nil {
            throw ValidationError(
                "--box sets the box of the picture, so it needs --plot FILE.svg (add it, or drop --box)")
        }
        if let plot, !plot.lowercased().hasSuffix(".svg") {
            throw ValidationError(
                "--plot writes an SVG picture; name the file with .svg (got '\(plot)'); for a PNG, convert it afterwards: rsvg-convert -o picture.png picture.svg"
            )
        }
    }

    /// The options as plain values.
    var request: RegionsRequest {
        RegionsRequest(
            spec: input.spec, domain: input.domain, count: count, format: reportFormat.format, plot: plot, box: box,
            maxRegions: regionLimit.maxRegions)
    }

    func execute() throws -> Int32 { try request.execute() }
}

/// Shared checks of `regions` and `local`.
enum RegionsSupport {
    /// Fails with a message unless the network is numeric and piecewise linear.
    static func requireSupported(_ network: Network, spec: String) throws(CLIError) {
        guard RegionEnumerator.supports(network) else {
            let index = network.layers.firstIndex { $0.activation.pieces == nil }
            let location = index.map { network.layers[$0].location } ?? SourceLocation(file: spec, line: 1, column: 1)
            let what =
                index.map {
                    "layer \($0 + 1) applies \(network.layers[$0].activation.name), which is not piecewise linear with numeric parameters"
                }
                ?? "the network has symbolic weights"
            throw .input(
                location,
                "\(what); expected identity, affine, relu, leaky_relu, hardtanh, step, sign or abs with numeric weights"
            )
        }
    }

    /// `, R regions/s, T s` for a progress line: the rate and the time since `start`.
    static func rate(_ regions: Int, since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let perSecond = seconds > 0 ? Int((Double(regions) / seconds).rounded()) : 0
        return ", \(perSecond) regions/s, \(Int(seconds.rounded())) s"
    }

    /// The plot box: the domain's box when both inputs are bounded, else `-2,2,-2,2`.
    static func defaultBox(_ domain: InputDomain?) -> String {
        if let domain, domain.box.count == 1, let x0 = domain.box[0].lo, let x1 = domain.box[0].hi, x0 < x1 {
            return "\(x0),\(x1)"
        }
        guard let domain, domain.box.count == 2, let x0 = domain.box[0].lo, let x1 = domain.box[0].hi,
            let y0 = domain.box[1].lo, let y1 = domain.box[1].hi, x0 < x1, y0 < y1
        else { return "-2,2,-2,2" }
        return "\(x0),\(x1),\(y0),\(y1)"
    }

    /// `"-2,2,-2,2"` as a box with xmin < xmax and ymin < ymax.
    static func parseBox(_ text: String, inputs: Int = 2) throws(CLIError) -> (
        x0: Rational, x1: Rational, y0: Rational, y1: Rational
    ) {
        let values = try PointParsing.parse(text, file: "--box", line: 1)
        if inputs == 1, values.count == 2 || values.count == 4 {
            guard values[0] < values[1] else {
                throw .input(
                    SourceLocation(file: "--box", line: 1, column: 1),
                    "the interval has to be \"xmin,xmax\" with xmin < xmax")
            }
            return (values[0], values[1], values[0], values[1])
        }
        guard values.count == 4, values[0] < values[1], values[2] < values[3] else {
            throw .input(
                SourceLocation(file: "--box", line: 1, column: 1),
                "the box has to be \"xmin,xmax,ymin,ymax\" with xmin < xmax and ymin < ymax")
        }
        return (values[0], values[1], values[2], values[3])
    }
}
