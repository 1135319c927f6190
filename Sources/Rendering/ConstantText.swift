import ExactNumbers
import Enclosures
public import Algebra

/// How an exact constant (contract §4: `2*sigmoid(1) + 1`) is shown beside its value: a
/// rigorous enclosure [lo, hi], lo rounded down and hi up to `EnclosureDigits.minimum`
/// significant digits (more when needed to show a nonzero value as nonzero).
public enum ConstantText {
    /// `[2.46211, 2.46212]` (text) or `[2.46211, 2.46212]` in math mode (LaTeX, with
    /// `\times 10^{e}` for very small or large values).
    public static func enclosure(_ c: ExactConstant, tex: Bool) -> String {
        let i = c.separatingEnclosure() ?? c.enclosure(precision: 256)
        var digits = EnclosureDigits.minimum
        var t = EnclosureDigits.text(i, digits: digits)
        // Enough digits that a nonzero value does not print as an interval around 0.
        while digits < 60, t.lo.hasPrefix("-") != t.hi.hasPrefix("-"), !i.contains(.zero) {
            digits += 4
            t = EnclosureDigits.text(i, digits: digits)
        }
        let power = t.exponent.map { tex ? " \\times 10^{\($0)}" : "e\($0)" } ?? ""
        return tex ? "[\(t.lo), \(t.hi)]\(power)" : "[\(t.lo)\(power), \(t.hi)\(power)]"
    }
}
