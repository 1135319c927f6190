import ExactNumbers
import Enclosures
import Algebra
import NetworkModel
import Collapse

extension TextReport {
    /// The one explanation of the report's enclosures, with an example taken from the report
    /// itself (the first enclosure it prints), or nil when it prints none:
    /// `enclosures: [lo, hi] ... for example F(x+y) + F(0) = [1.38079, 1.38080] means ...`.
    static func enclosureLegend(_ analysis: Analysis, names: ReportNames, digits: Int) -> String? {
        guard let (label, value) = firstEnclosure(analysis, names: names) else { return nil }
        let t = EnclosureDigits.text(value, digits: digits)
        let suffix = t.exponent.map { "e\($0)" } ?? ""
        let (lo, hi) = (t.lo + suffix, t.hi + suffix)
        return
            "enclosures: a value written [lo, hi] is a rigorous enclosure, printed with \(digits) significant digits throughout this report"
            + " (lo rounded down, hi rounded up, so the exact value is inside); for example \(label) = [\(lo), \(hi)] above means \(lo) <= \(label) <= \(hi)."
            + " The exact rational bounds are in --format json."
    }

    /// The first enclosure the report prints and what it is: a side of the affinity witness
    /// (in the reason line), of the additivity or homogeneity witness, or of an activation's
    /// scalar counterexample in the layer notes.
    static func firstEnclosure(_ analysis: Analysis, names: ReportNames) -> (label: String, value: RationalInterval)? {
        let onDomain = analysis.network.domain != nil
        for check in [analysis.affinity, analysis.additivity, analysis.homogeneity] {
            guard let w = check.witness else { continue }
            let (lhs, rhs) = sides(check.identity, names: names, onDomain: onDomain)
            for (label, side) in [(lhs, w.lhs), (rhs, w.rhs)] {
                for (i, v) in side.enumerated() {
                    guard case .enclosed(let interval) = v else { continue }
                    return (side.count == 1 ? label : "coordinate \(i + 1) of \(label)", interval)
                }
            }
        }
        for finding in analysis.layerFindings {
            guard case .notAffine(let brk?) = finding.behaviour else { continue }
            let name = finding.activation.name
            let (s, t) = (brk.s.description, brk.t.description)
            let sum = "\(s) + \(brk.t.signum < 0 ? "(\(t))" : t)"
            if case .enclosed(let interval) = brk.lhs {
                return (brk.fixesZero ? "\(name)(\(sum))" : "\(name)(\(sum)) + \(name)(0)", interval)
            }
            if case .enclosed(let interval) = brk.rhs { return ("\(name)(\(s)) + \(name)(\(t))", interval) }
        }
        return nil
    }
}
