/// Why a polynomial expression could not be read, and where.
///
/// `offset` is the 0-based character offset of the fault within the parsed text, so a caller
/// that knows where the text came from (a spec file) can report `FILE:LINE:COLUMN`.
public struct ExpressionParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong; what was expected (`unexpected ')'; expected a number, a symbol or '('`).
    public let message: String
    /// 0-based character offset of the fault.
    public let offset: Int

    /// Creates an error.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// `offset N: message`.
    public var description: String { "offset \(offset): \(message)" }
}
