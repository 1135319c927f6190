public import ExactNumbers
import Collapse

extension Rational {
    /// A decimal rendering with `digits` digits after the point, rounded toward −∞ (`down`)
    /// or +∞ (up), computed exactly: used to show enclosures to a person without floating
    /// point (the exact rationals stay in the JSON report).
    public func decimalText(digits: Int, roundingUp: Bool) -> String {
        let scale = BigInt(10).power(digits)
        let scaled = self * Rational(scale)
        let n = roundingUp ? scaled.ceiling : scaled.floor
        let negative = n.signum < 0
        var text = n.magnitude.description
        if digits > 0 {
            if text.count <= digits { text = String(repeating: "0", count: digits - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
        }
        return (negative ? "-" : "") + text
    }
}
