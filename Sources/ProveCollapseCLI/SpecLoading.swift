import NetworkModel

/// Reading the SPEC argument: every fault is a `SpecError` at `FILE:LINE:COLUMN`.
enum SpecLoading {
    /// The network in `path` (YAML or JSON by extension).
    static func load(_ path: String) throws(SpecError) -> Network {
        try SpecReader.read(path: path)
    }

    /// `load`, announced on `progress` when reading takes more than a second.
    static func load(_ path: String, progress: ProgressReporter) throws(SpecError) -> Network {
        progress.begin("reading \(path)")
        defer { progress.end() }
        return try SpecReader.read(path: path)
    }
}
