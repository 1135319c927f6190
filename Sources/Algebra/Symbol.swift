/// A named indeterminate (a symbolic weight such as `w11`, or an input such as `x1`).
///
/// Two symbols are equal exactly when their names are equal; they are ordered by name
/// (Swift `String` order), which fixes the variable order of every `Monomial`. Names written by
/// `Polynomial.parse` are identifiers `[A-Za-z_][A-Za-z0-9_]*`; other names are allowed but do
/// not survive a print/parse round trip.
public struct Symbol: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The name, as written in a spec or an expression.
    public let name: String

    /// The symbol called `name`.
    public init(_ name: String) { self.name = name }

    /// The symbol called `value` (`let a: Symbol = "a"`).
    public init(stringLiteral value: String) { self.name = value }

    /// Order by name.
    public static func < (lhs: Symbol, rhs: Symbol) -> Bool { lhs.name < rhs.name }

    /// The name.
    public var description: String { name }

    /// Whether `name` is an identifier `[A-Za-z_][A-Za-z0-9_]*`, the names `Polynomial.parse` reads.
    public var isIdentifier: Bool {
        guard let first = name.unicodeScalars.first, Symbol.isIdentifierStart(first) else { return false }
        return name.unicodeScalars.allSatisfy(Symbol.isIdentifierContinuation)
    }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }

    static func isIdentifierContinuation(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || (c >= "0" && c <= "9")
    }
}
