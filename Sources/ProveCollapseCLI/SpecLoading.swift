import NetworkModel
import ModelFiles

/// Reading the SPEC argument of every subcommand: a spec (YAML/JSON) or, by extension, a
/// model file (`.onnx`, `.nnet`; contract §6). Faults are a `SpecError` at
/// `FILE:LINE:COLUMN` or a `ModelFileError` naming the node, tensor or line.
enum SpecLoading {
    /// The network in `path`.
    static func load(_ path: String) throws -> Network {
        if let model = try ModelFiles.read(path: path) { return model }
        return try SpecReader.read(path: path)
    }
}
