import Algebra
import Collapse

extension TextReport {
    /// The entries of W' and b' that are exact constants but not rationals, each with a
    /// rigorous enclosure (contract §4): `b'[1] = 2*sigmoid(1) + 1 ∈ [2.46211, 2.46212]`
    /// (1-based, as the rest of the text report); at most `limit` lines, then a count.
    static func constantLines(_ collapsed: CollapsedMap, limit: Int = 12) -> [String] {
        guard collapsed.hasConstantEntries, case .symbolic(let m) = collapsed else { return [] }
        var entries = [(String, Polynomial)]()
        for i in 0..<m.weights.rows {
            for j in 0..<m.weights.columns where !m.weights[i, j].isConstant {
                entries.append(("W'[\(i + 1),\(j + 1)]", m.weights[i, j]))
            }
        }
        for i in m.bias.indices where !m.bias[i].isConstant { entries.append(("b'[\(i + 1)]", m.bias[i])) }
        var lines = ["exact constants (rigorous enclosures, MPFR with directed rounding):"]
        for (name, p) in entries.prefix(limit) {
            guard let c = ExactConstant(p) else { continue }
            lines.append("  \(name) = \(p) ∈ \(ConstantText.enclosure(c, tex: false))")
        }
        if entries.count > limit {
            lines.append("  … and \(entries.count - limit) more (all in --format json, collapsed.enclosures)")
        }
        return lines
    }
}
