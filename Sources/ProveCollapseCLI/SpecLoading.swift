import NetworkModel
import Collapse
import ExactNumbers
import Rendering

/// Reading the SPEC argument: every fault is a `SpecError` at `FILE:LINE:COLUMN`.
enum SpecLoading {
    /// The network in `path` (YAML or JSON by extension), with its domain given or replaced
    /// by the `--domain` file when there is one (contract §5). An empty domain (lo > hi, or
    /// constraints with no common point, decided by an exact linear program) is bad input.
    static func load(_ path: String, domain domainPath: String? = nil) throws(SpecError) -> Network {
        InputFiles.record(path)
        var network = try SpecReader.read(path: path)
        if let domainPath {
            InputFiles.record(domainPath)
            network.domain = try DomainReader.read(path: domainPath, inputNames: network.inputNames)
        }
        if let domain = network.domain, DomainGeometry(domain, inputDimension: network.inputDimension) == nil {
            throw SpecError("empty domain: the box and the constraints have no point in common (decided by an exact linear program); expected a domain with at least one point", at: domain.location)
        }
        return network
    }

    /// `load`, announced on `progress` when reading takes more than a second.
    static func load(_ path: String, domain domainPath: String? = nil, progress: ProgressReporter) throws(SpecError) -> Network {
        progress.begin("reading \(path)")
        defer { progress.end() }
        return try load(path, domain: domainPath)
    }

    /// `--domain FILE` help.
    static let domainHelp = "The input domain D the verdict is about: a YAML/JSON file with a 'domain:' block, or a VNN-LIB file (.vnnlib; its input bounds); replaces the spec's domain."
}

/// Points given on the command line against the network's input domain.
enum DomainPoints {
    /// Throws at `location` unless x lies in the network's domain (always true without one).
    static func requireInside(_ x: [ExactNumbers.Rational], _ network: Network, at location: SourceLocation, hint: String = "") throws(CLIError) {
        guard let domain = network.domain, !domain.contains(x) else { return }
        let point = "(" + x.map(\.description).joined(separator: ", ") + ")"
        throw .input(location, "the point \(point) lies outside the input domain D = {\(TextReport.domainText(domain, names: network.inputNames))}; expected a point in D\(hint)")
    }
}
