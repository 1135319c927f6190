import NetworkModel

/// Reading the SPEC argument: every fault is a `SpecError` at `FILE:LINE:COLUMN`.
enum SpecLoading {
    /// The network in `path` (YAML or JSON by extension). The file is recorded as an input
    /// (`InputFiles`): no output of this run may replace it.
    static func load(_ path: String) throws(SpecError) -> Network {
        InputFiles.record(path)
        return try SpecReader.read(path: path)
    }
}
