/// Why a rational literal could not be read, and where.
///
/// `offset` is the 0-based position (in characters) within the text that was parsed, so a
/// caller that knows where the text came from can report a file, line and column.
public struct RationalParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kinds of fault in a literal.
    public enum Reason: Equatable, Sendable {
        /// Nothing (or only white space) was given.
        case empty
        /// A character that cannot stand here.
        case unexpectedCharacter(Character)
        /// A sign, point, `e` or `/` with no digits after it.
        case missingDigits
        /// `p/0`.
        case zeroDenominator
        /// An exponent too large to expand exactly (|e| > `Rational.maximumDecimalExponent`).
        case exponentTooLarge
    }

    /// What is wrong.
    public let reason: Reason
    /// 0-based character offset of the fault in the parsed text.
    public let offset: Int

    /// Creates an error.
    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// A message saying what is wrong and what was expected.
    public var description: String {
        switch reason {
        case .empty:
            return "empty number; expected an integer, a fraction p/q or a decimal such as 0.1 or -2.5e-3"
        case .unexpectedCharacter(let c):
            return
                "unexpected character '\(c)' in number; expected an integer, a fraction p/q or a decimal such as 0.1 or -2.5e-3"
        case .missingDigits:
            return "missing digits in number; expected digits after the sign, point, exponent or '/'"
        case .zeroDenominator:
            return "zero denominator; expected a fraction p/q with q not zero"
        case .exponentTooLarge:
            return "exponent too large; expected |exponent| <= \(Rational.maximumDecimalExponent)"
        }
    }
}
