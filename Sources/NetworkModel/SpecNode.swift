/// A node of a parsed spec document with its position: the common tree that both the YAML
/// adapter (Yams `compose`) and the JSON reader produce, so one schema walk serves both.
///
/// Scalars keep their literal text (`0.1` stays `"0.1"`) so numbers are converted exactly.
public struct SpecNode: Sendable {
    /// The shape of a node.
    public enum Kind: Sendable {
        /// An ordered mapping (keys are strings, in document order).
        case mapping([SpecEntry])
        /// A sequence of nodes.
        case sequence([SpecNode])
        /// A scalar with its literal text.
        case scalar(SpecScalar)
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
        case .sequence: return "a list"
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
