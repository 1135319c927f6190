internal import ExactNumbers

/// A node of a parsed spec document with its position: the common tree that both the YAML
/// adapter (Yams `compose`) and the JSON reader produce, so one schema walk serves both.
///
/// Scalars keep their literal text (`0.1` stays `"0.1"`) so numbers are converted exactly.
/// The JSON reader stores a list of short plain numbers as `numbers`: their exact values
/// without a node or a string per entry, and the element nodes (with their positions) are
/// rebuilt from the source bytes when something asks for them.
public struct SpecNode: Sendable {
    /// The shape of a node.
    public enum Kind: Sendable {
        /// An ordered mapping (keys are strings, in document order).
        case mapping([SpecEntry])
        /// A sequence of nodes.
        case sequence([SpecNode])
        /// A scalar with its literal text.
        case scalar(SpecScalar)
        /// A sequence whose elements are all short plain numbers (JSON numbers, or strings
        /// such as `"2/3"`), kept as their values; `SpecNumberList.nodes` gives the elements.
        case numbers(SpecNumberList)
    }

    /// The node's content.
    public var kind: Kind
    /// Where the node starts.
    public var location: SourceLocation

    /// Creates a node.
    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The entries when this is a mapping.
    public var entries: [SpecEntry]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    /// The elements when this is a sequence.
    public var elements: [SpecNode]? {
        if case .sequence(let elements) = kind { return elements }
        if case .numbers(let list) = kind { return list.nodes }
        return nil
    }

    /// The scalar when this is a scalar.
    public var scalar: SpecScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// A word for the node's shape in messages (`a mapping`, `a list`, `null`, `'abc'`).
    var shapeDescription: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence, .numbers: return "a list"
        case .scalar(let s):
            if s.isNull { return "null" }
            return s.isQuoted ? "the string " + SpecError.quote(s.text) : SpecError.quote(s.text)
        }
    }
}

/// One key/value pair of a mapping, with the key's own position.
public struct SpecEntry: Sendable {
    /// The key text.
    public var key: String
    /// Where the key starts.
    public var keyLocation: SourceLocation
    /// The value.
    public var value: SpecNode

    /// Creates an entry.
    public init(key: String, keyLocation: SourceLocation, value: SpecNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

/// A scalar exactly as written: its text (after unescaping) and whether it was quoted.
///
/// Unquoted scalars follow the YAML 1.2 core schema for null (`null`, `Null`, `NULL`, `~`,
/// empty) and booleans (`true`, `false` in three casings); JSON's `null`, `true` and `false`
/// are unquoted scalars with that text.
public struct SpecScalar: Hashable, Sendable {
    /// The literal text (escape sequences resolved; numbers exactly as written).
    public var text: String
    /// Whether the scalar was quoted (a string) rather than plain.
    public var isQuoted: Bool

    /// Creates a scalar.
    public init(text: String, isQuoted: Bool) {
        self.text = text
        self.isQuoted = isQuoted
    }

    /// A plain `null`, `Null`, `NULL`, `~` or empty scalar.
    public var isNull: Bool {
        !isQuoted && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }

    /// A plain boolean of the core schema.
    public var isBoolean: Bool {
        !isQuoted && ["true", "True", "TRUE", "false", "False", "FALSE"].contains(text)
    }
}

/// The exact values of a JSON list of short plain numbers, with what is needed to rebuild its
/// element nodes (positions included) from the source bytes on demand.
public struct SpecNumberList: Sendable {
    /// The array holding the values: this list's alone, or every row of a matrix (each row a
    /// range of it, in order).
    let block: SpecNumberBlock
    /// Where this list's values are in `block`.
    let range: Range<Int>
    /// The source the list was read from.
    let source: SpecSourceBytes
    /// The reader's state at the list's `[`.
    let start: JSONSpecReader.Mark

    /// The values, in order.
    var values: ArraySlice<Rational> { block.values[range] }

    /// The number of elements.
    public var count: Int { range.count }

    /// The element nodes, as the reader builds them for any other list.
    public var nodes: [SpecNode] {
        source.bytes.withUnsafeBufferPointer { buffer in
            JSONSpecReader.elements(of: buffer, file: source.file, at: start)
        }
    }
}

/// The values of one JSON list of numbers, or of all the rows of a list of such lists (a
/// matrix, row after row), shared by their `SpecNumberList`s: a layer's weights become the
/// network's matrix entries without a copy (`SpecWalker.sharedEntries`).
final class SpecNumberBlock: Sendable {
    /// The values.
    let values: [Rational]

    init(_ values: [Rational]) { self.values = values }
}

/// The bytes of a JSON spec, shared by the numeric lists read from it.
public final class SpecSourceBytes: Sendable {
    /// The UTF-8 bytes.
    let bytes: [UInt8]
    /// The file name used in locations.
    let file: String

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }
}

/// The text a walker consults on errors: decoded text, or bytes decoded on demand.
enum SpecSource {
    case text(String)
    case bytes(SpecSourceBytes)

    var text: String {
        switch self {
        case .text(let text): return text
        case .bytes(let source): return String(decoding: source.bytes, as: UTF8.self)
        }
    }
}
