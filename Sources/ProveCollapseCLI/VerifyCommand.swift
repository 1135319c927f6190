import ArgumentParser
import NetworkModel
import Verification

/// `prove-collapse verify SPEC REPORT.json` (contract §8): re-checks a JSON report against the
/// spec by code paths independent of the analysis. Exit 0 every claim holds, 1 naming the first
/// false claim, 3 listing the claims it cannot re-derive, 2 bad input.
struct VerifyCommand: ExitStatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-check a JSON report against the spec, independently of the analysis.",
        discussion: """
            The collapsed map is re-derived by the plain left-to-right product of the folded layers \
            (or layer by layer as polynomials, or region by region with exact Fourier–Motzkin \
            feasibility for piecewise-linear networks), every witness by direct exact evaluation, \
            enclosures by MPFR at 256 bits and more, region certificates by their Farkas multipliers.
            Exit status: 0 every claim holds, 1 a claim is false (named), 2 bad input or usage, \
            3 some claims cannot be re-derived (listed).
            Example:
              prove-collapse net.yaml --format json > report.json; prove-collapse verify net.yaml report.json
            """)

    @Argument(help: "The network spec (.yaml, .yml or .json).")
    var spec: String

    @Argument(help: "The JSON report (prove-collapse SPEC --format json).")
    var report: String

    func execute() throws -> Int32 {
        let network = try SpecLoading.load(spec)
        let text = try TextFile.read(report)
        let result: VerificationResult
        do {
            result = try Verifier.verify(network, report: Array(text.utf8), path: report)
        } catch {
            // A report that is not JSON or not a report: its position, exit 2.
            StandardStreams.error(error.description)
            return Failure.badInput
        }
        var out = ""
        for claim in result.verified { out += "verified: \(claim)\n" }
        if let claim = result.falseClaim {
            out += "FALSE: \(claim)\n"
        }
        for claim in result.underivable { out += "cannot re-derive: \(claim)\n" }
        switch result.exitCode {
        case 0: out += "verify: every claim of the report holds\n"
        case 1: out += "verify: the report makes a false claim (above)\n"
        default:
            out +=
                "verify: \(result.underivable.count) claim\(result.underivable.count == 1 ? "" : "s") cannot be re-derived (listed above); the others hold\n"
        }
        StandardStreams.output(out)
        return result.exitCode
    }
}
