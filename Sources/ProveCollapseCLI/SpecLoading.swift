import NetworkModel

/// Reading the SPEC argument: every fault is a `SpecError` at `FILE:LINE:COLUMN`.
enum SpecLoading {
    /// The network in `path` (YAML or JSON by extension). The file is recorded as an input
    /// (`InputFiles`): no output of this run may replace it.
    static func load(_ path: String) throws(SpecError) -> Network {
        InputFiles.record(path)
        return try SpecReader.read(path: path)
    }

    /// `load`, announced on `progress` when reading takes more than a second.
    static func load(_ path: String, progress: ProgressReporter) throws(SpecError) -> Network {
        progress.begin("reading \(path)")
        defer { progress.end() }
        return try load(path)
    }
}
