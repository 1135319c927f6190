import NetworkModel
import ModelFiles
import Collapse
import ExactNumbers
import Rendering

/// Reading the SPEC argument of every subcommand: a spec (YAML/JSON) or, by extension, a
/// model file (`.onnx`, `.nnet`; contract §6). Faults are a `SpecError` at
/// `FILE:LINE:COLUMN` or a `ModelFileError` naming the node, tensor or line.
enum SpecLoading {
    /// The network in `path` (a spec, YAML or JSON, or a model file, by extension), with its
    /// domain given or replaced by the `--domain` file when there is one (contract §5); an
    /// NNet file's minima and maxima are its domain unless `--domain` replaces them. An empty
    /// domain (lo > hi, or constraints with no common point, decided by an exact linear
    /// program) is bad input.
    static func load(_ path: String, domain domainPath: String? = nil) throws -> Network {
        InputFiles.record(path)
        var network: Network
        if let model = try ModelFiles.read(path: path) {
            network = model
        } else {
            network = try SpecReader.read(path: path)
        }
        if let domainPath {
            InputFiles.record(domainPath)
            network.domain = try DomainReader.read(path: domainPath, inputNames: network.inputNames)
        }
        SpecLoading.returnFreedMemory()
        if let domain = network.domain, DomainGeometry(domain, inputDimension: network.inputDimension) == nil {
            throw SpecError(
                "empty domain: the box and the constraints have no point in common (decided by an exact linear program); expected a domain with at least one point",
                at: domain.location)
        }
        return network
    }

    /// `load`, announced on `progress` when reading takes more than a second.
    static func load(_ path: String, domain domainPath: String? = nil, progress: ProgressReporter) throws -> Network {
        progress.begin("reading \(path)")
        defer { progress.end() }
        return try load(path, domain: domainPath)
    }

    /// `network` with its large float32 layers in their compact form
    /// (`Network.compactFloat32Layers`: 4 bytes a weight instead of 24, equal by value), the
    /// freed rationals given back to the system: what `analyze` holds while it decides (peak
    /// memory, issue 15).
    static func compacted(_ network: consuming Network) -> Network {
        var compact = network
        compact.compactFloat32Layers()
        returnFreedMemory()
        return compact
    }

    /// Gives the heap pages freed since start-up back to the system (glibc `malloc_trim`):
    /// reading leaves the document tree's many small blocks free but resident, scattered
    /// between the network's (about as much again as the weights on a large spec); the
    /// analysis then starts from the network alone (peak memory, issue 15).
    static func returnFreedMemory() {
        #if canImport(Glibc)
            _ = glibcMallocTrim(0)
        #endif
    }
}

#if canImport(Glibc)
    @_silgen_name("malloc_trim") private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// Points given on the command line against the network's input domain.
enum DomainPoints {
    /// Throws at `location` unless x lies in the network's domain (always true without one).
    static func requireInside(
        _ x: [ExactNumbers.Rational], _ network: Network, at location: SourceLocation, hint: String = ""
    ) throws(CLIError) {
        guard let domain = network.domain, !domain.contains(x) else { return }
        let point = "(" + x.map(\.description).joined(separator: ", ") + ")"
        throw .input(
            location,
            "the point \(point) lies outside the input domain D = {\(TextReport.domainText(domain, names: network.inputNames))}; expected a point in D\(hint)"
        )
    }
}
