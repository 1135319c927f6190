import Foundation
import NetworkModel

/// Reading a small text input (a points file) with a positioned error for every failure.
enum TextFile {
    /// The UTF-8 text of `path`, recorded as an input (`InputFiles`: no output may replace it).
    static func read(_ path: String) throws(CLIError) -> String {
        InputFiles.record(path)
        let bytes: [UInt8]
        do {
            bytes = try InputFile.bytes(path)
        } catch {
            switch error {
            case .noSuchFile: throw .cannotRead(path: path, reason: "no such file")
            case .isDirectory: throw .cannotRead(path: path, reason: "it is a directory; expected a text file")
            case .permissionDenied, .ioError: throw .cannotRead(path: path, reason: "permission denied or unreadable")
            }
        }
        guard let text = String(bytes: bytes, encoding: .utf8), !text.contains("\0") else {
            throw .cannotRead(path: path, reason: "not UTF-8 text")
        }
        return text
    }
}
