/// The syntax of a spec file: one schema, two notations.
public enum SpecFormat: String, Hashable, Sendable, CaseIterable {
    /// YAML 1.2 (core schema), read with Yams.
    case yaml
    /// JSON, read by a positioned byte-level reader.
    case json

    /// The format for a path: `.json` (any case) is JSON; `.yaml`, `.yml` and anything else
    /// is YAML (JSON is also valid YAML flow syntax, but the JSON reader is much faster).
    public init(path: String) {
        self = path.lowercased().hasSuffix(".json") ? .json : .yaml
    }
}
