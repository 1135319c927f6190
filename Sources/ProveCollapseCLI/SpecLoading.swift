import NetworkModel

/// Reading the SPEC argument: every fault is a `SpecError` at `FILE:LINE:COLUMN`.
enum SpecLoading {
    /// The network in `path` (YAML or JSON by extension).
    static func load(_ path: String) throws(SpecError) -> Network {
        try SpecReader.read(path: path)
    }
}
