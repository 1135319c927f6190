/// A fault in a network spec, with the position of the node that causes it.
///
/// `description` is one line, `FILE:LINE:COLUMN: what is wrong; what was expected`, for
/// example `net.yaml:4:7: unknown key 'wieghts'; did you mean 'weights'?`. The reader throws
/// exactly one `SpecError` per fault and never prints.
public struct SpecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the fault is (1-based line and column).
    public var location: SourceLocation
    /// What is wrong and what was expected, separated by `; ` (one line).
    public var message: String

    /// Creates an error; line breaks in `message` are replaced by spaces so the description
    /// stays on one line.
    public init(_ message: String, at location: SourceLocation) {
        self.location = location
        self.message = SpecError.oneLine(message)
    }

    /// `FILE:LINE:COLUMN: message`.
    public var description: String { "\(location): \(message)" }

    /// Collapses line breaks (and other control characters) into single spaces.
    static func oneLine(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                if !lastWasSpace { result.unicodeScalars.append(" ") }
                lastWasSpace = true
            } else {
                result.unicodeScalars.append(scalar)
                lastWasSpace = scalar == " "
            }
        }
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// `text` in single quotes for a message, shortened to `limit` characters.
    static func quote(_ text: String, limit: Int = 40) -> String {
        let short = text.count > limit ? String(text.prefix(limit)) + "..." : text
        return "'" + oneLine(short) + "'"
    }
}
