/// A named indeterminate (a symbolic weight such as `w11`, or an input such as `x1`).
///
/// Two symbols are equal exactly when their names are equal; they are ordered by name
/// (Swift `String` order), which fixes the variable order of every `Monomial`'s printed form.
/// Names written by `Polynomial.parse` are identifiers `[A-Za-z_][A-Za-z0-9_]*`; other names
/// are allowed but do not survive a print/parse round trip.
///
/// Every name is interned in a process-wide table (`SymbolTable`) when the symbol is made, so
/// equality and hashing compare one small integer, and monomials store integers, not names.
public struct Symbol: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The name, as written in a spec or an expression.
    public let name: String
    /// The interned index of `name`: equal names have equal ids within one process.
    let id: UInt32

    /// The symbol called `name`.
    public init(_ name: String) {
        self.name = name
        self.id = SymbolTable.intern(name)
    }

    /// The symbol called `value` (`let a: Symbol = "a"`).
    public init(stringLiteral value: String) { self.init(value) }

    /// Trusted initialiser: `name` is the interned name of `id`.
    init(id: UInt32, name: String) {
        self.id = id
        self.name = name
    }

    /// Equal names, compared by their interned ids.
    public static func == (lhs: Symbol, rhs: Symbol) -> Bool { lhs.id == rhs.id }

    /// Hashes the interned id (equal names have equal ids).
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// Order by name.
    public static func < (lhs: Symbol, rhs: Symbol) -> Bool { lhs.id != rhs.id && lhs.name < rhs.name }

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
