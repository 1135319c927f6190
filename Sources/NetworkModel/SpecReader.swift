internal import Foundation
internal import Glibc

/// Reads network specs (contract §1) from YAML or JSON into a `Network`.
///
/// Every fault in a spec (malformed text, an unknown key, a size mismatch, a bad number)
/// is thrown as exactly one `SpecError` at the offending node's file, line and column. The
/// reader never prints and never traps on bad input.
public enum SpecReader {
    /// Reads the spec at `path`; `.json` files are JSON, everything else YAML.
    ///
    /// - Throws: `SpecError` at `PATH:1:1` when the file does not exist, is a directory or
    ///   cannot be read; otherwise as `parse(bytes:file:format:)`.
    public static func read(path: String) throws(SpecError) -> Network {
        let bytes = try contents(ofFile: path)
        return try parse(bytes: bytes, file: path, format: SpecFormat(path: path))
    }

    /// Parses spec text; `file` names the source in error locations.
    public static func parse(text: String, file: String, format: SpecFormat) throws(SpecError) -> Network {
        try parse(bytes: Array(text.utf8), file: file, format: format)
    }

    /// Parses spec bytes (which must be UTF-8 text); `file` names the source in error
    /// locations.
    public static func parse(bytes: [UInt8], file: String, format: SpecFormat) throws(SpecError) -> Network {
        switch format {
        case .json:
            // The tree keeps numeric lists as parsed numbers (`SpecNode.Kind.numbers`), and the
            // text is decoded only if an error needs a position inside a scalar.
            let source = SpecSourceBytes(bytes: bytes, file: file)
            let root = try bytes.withUnsafeBufferPointer { buffer throws(SpecError) in
                try SourceText.validateUTF8(buffer, file: file)
                return try JSONSpecReader.parse(buffer, file: file, source: source)
            }
            return try SpecWalker(file: file, source: .bytes(source)).network(root)
        case .yaml:
            let (root, source) = try document(bytes: bytes, file: file, format: format)
            return try SpecWalker(file: file, source: .text(source)).network(root)
        }
    }

    /// The positioned document tree of spec bytes, before the schema is checked, with the
    /// decoded text (for tools that want the raw structure).
    public static func document(bytes: [UInt8], file: String, format: SpecFormat) throws(SpecError) -> (
        root: SpecNode, text: String
    ) {
        try bytes.withUnsafeBufferPointer { buffer throws(SpecError) in
            try SourceText.validateUTF8(buffer, file: file)
            switch format {
            case .json:
                let root = try JSONSpecReader.parse(buffer, file: file)
                return (root, String(decoding: buffer, as: UTF8.self))
            case .yaml:
                // A byte order mark may begin a YAML stream (YAML 1.2, 5.2); libyaml as Yams
                // drives it rejects one, so it is dropped here (the JSON reader skips its own).
                var text = String(decoding: buffer, as: UTF8.self)
                if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
                return (try YAMLSpecReader.parse(text, file: file), text)
            }
        }
    }

    /// The bytes of a file (`InputFile.bytes`), or a `SpecError` at `path:1:1` saying why they
    /// cannot be read.
    static func contents(ofFile path: String) throws(SpecError) -> [UInt8] {
        let at = SourceLocation.start(of: path)
        do {
            return try InputFile.bytes(path)
        } catch {
            switch error {
            case .noSuchFile:
                throw SpecError("no such file; expected the path of a YAML or JSON spec file", at: at)
            case .isDirectory:
                throw SpecError("is a directory; expected a YAML or JSON spec file", at: at)
            case .permissionDenied:
                throw SpecError("cannot be read (permission denied); expected a readable spec file", at: at)
            case .ioError(let reason):
                throw SpecError("cannot be read (\(reason)); expected a readable spec file", at: at)
            }
        }
    }
}
