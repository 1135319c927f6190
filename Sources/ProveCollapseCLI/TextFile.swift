import Foundation

/// Reading a small text input (a points file) with a positioned error for every failure.
enum TextFile {
    /// The UTF-8 text of `path`, recorded as an input (`InputFiles`: no output may replace it).
    static func read(_ path: String) throws(CLIError) -> String {
        InputFiles.record(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .cannotRead(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw .cannotRead(path: path, reason: "it is a directory; expected a text file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .cannotRead(path: path, reason: "permission denied or unreadable")
        }
        guard let text = String(data: data, encoding: .utf8), !text.contains("\0") else {
            throw .cannotRead(path: path, reason: "not UTF-8 text")
        }
        return text
    }
}
