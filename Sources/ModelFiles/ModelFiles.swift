public import NetworkModel
import Foundation

/// Which reader a path needs, by its extension.
public enum ModelFiles {
    /// The kinds of network file.
    public enum Kind: Sendable {
        /// `.onnx`: an ONNX model.
        case onnx
        /// `.nnet`: an ACAS Xu NNet file.
        case nnet
        /// Anything else: a YAML or JSON spec.
        case spec
    }

    /// The kind of `path` by its extension (any case).
    public static func kind(of path: String) -> Kind {
        let lower = path.lowercased()
        if lower.hasSuffix(".onnx") { return .onnx }
        if lower.hasSuffix(".nnet") { return .nnet }
        return .spec
    }

    /// Reads a model file (ONNX or NNet); nil for a spec path (read those with `SpecReader`).
    public static func read(path: String) throws(ModelFileError) -> Network? {
        switch kind(of: path) {
        case .onnx: return try ONNXReader.read(path: path)
        case .nnet: return try NNetReader.read(path: path)
        case .spec: return nil
        }
    }

    /// The file name without folders and extension.
    static func baseName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Why a file cannot be read, for a message.
    static func reason(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "it is a directory" }
        return "permission denied or unreadable"
    }

    /// The same wording for a typed read failure (`InputFile.bytes`).
    static func reason(_ failure: FileReadFailure) -> String {
        switch failure {
        case .noSuchFile: "no such file"
        case .isDirectory: "it is a directory"
        case .permissionDenied, .ioError: "permission denied or unreadable"
        }
    }
}
