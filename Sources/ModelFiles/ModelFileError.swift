import NetworkModel

/// A fault in a model file (ONNX or NNet), with the place in the file where it is.
///
/// `description` is one line: for an NNet file `FILE:LINE:COLUMN: what; expected`, as for
/// specs; for an ONNX file, which has no lines, `FILE: node[3] 'fc1' (Conv): what; expected`
/// or `FILE: tensor 'W': what; expected` (contract §6: the node, tensor or line instead of a
/// column).
public struct ModelFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where in the file the fault is.
    public enum Place: Hashable, Sendable {
        /// The file as a whole (unreadable, not a model, no graph).
        case file
        /// A line and column of a text model (1-based).
        case line(Int, column: Int)
        /// An ONNX node: its 0-based index in `graph.node`, its name and operator.
        case node(index: Int, name: String, op: String)
        /// An ONNX tensor (an initializer or a `Constant`'s value), by name.
        case tensor(String)
        /// An ONNX graph input or output, by name.
        case value(String)
    }

    /// The file as named by the caller.
    public var file: String
    /// Where in the file.
    public var place: Place
    /// What is wrong and what was expected, separated by `; ` (one line).
    public var message: String

    /// Creates an error.
    public init(file: String, place: Place, _ message: String) {
        self.file = file
        self.place = place
        self.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The one-line message. Names read from the file (node, operator, tensor, graph value)
    /// are written with `printable`, so a name holding a line break stays on the line.
    public var description: String {
        switch place {
        case .file: return "\(file): \(message)"
        case .line(let line, let column): return "\(file):\(line):\(column): \(message)"
        case .node(let index, let name, let op):
            let label = name.isEmpty ? "" : " '\(Self.printable(name))'"
            return "\(file): node[\(index)]\(label) (\(Self.printable(op))): \(message)"
        case .tensor(let name): return "\(file): tensor '\(Self.printable(name))': \(message)"
        case .value(let name): return "\(file): graph value '\(Self.printable(name))': \(message)"
        }
    }

    /// `text` as written inside a JSON string literal (`SpecWriter.jsonString` without its
    /// quotes): `"`, `\` and every control character or line separator escaped (`\n`,
    /// `\u0001`), every other character as it is. The result has no line break, and distinct
    /// texts give distinct results.
    public static func printable(_ text: String) -> String {
        String(SpecWriter.jsonString(text).dropFirst().dropLast())
    }

    /// The position of a layer read from this place, for later messages about the layer: an
    /// NNet line, or for an ONNX node the node's 1-based position as the line.
    var location: SourceLocation {
        switch place {
        case .line(let line, let column): return SourceLocation(file: file, line: line, column: column)
        case .node(let index, _, _): return SourceLocation(file: file, line: index + 1, column: 1)
        default: return SourceLocation.start(of: file)
        }
    }
}
