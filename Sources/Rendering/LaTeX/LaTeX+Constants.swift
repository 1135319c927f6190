import ExactNumbers
import Algebra
import Collapse

extension LaTeXBuilder {
    /// "Exact constants": the entries of W' and b' that are exact constants but not rational
    /// (contract §4: $2\sigma(1) + 1$, $\tfrac{3}{4}\sqrt{2}$), each with its rigorous
    /// enclosure [lo, hi] (MPFR, directed rounding; rounded outward); nothing when every entry
    /// is rational or a free symbol occurs. At most 12 entries are listed.
    mutating func constantsParagraph<S: TeXScalar>(_ map: AffineMap<S>) {
        var entries = [(String, ExactConstant)]()
        for i in 0..<map.weights.rows {
            for j in 0..<map.weights.columns {
                let p = map.weights[i, j].asPolynomial
                if !p.isConstant, let c = ExactConstant(p) { entries.append(("W'_{\(i + 1)\(j + 1)}", c)) }
            }
        }
        for i in map.bias.indices {
            let p = map.bias[i].asPolynomial
            if !p.isConstant, let c = ExactConstant(p) {
                entries.append((map.bias.count == 1 ? "b'" : "b'_{\(i + 1)}", c))
            }
        }
        guard !entries.isEmpty else { return }
        line(
            "\\paragraph{Exact constants.} Some entries are exact real numbers that are not rational: values of the activations at exact points, kept as symbols rather than rounded. Rigorous enclosures (MPFR with directed rounding):"
        )
        line("\\begin{align*}")
        let shown = entries.prefix(12).map { name, c in
            "  \(name) &= \(c.latex) \\in \(ConstantText.enclosure(c, tex: true))"
        }
        line(shown.joined(separator: ",\\\\\n") + ".")
        line("\\end{align*}")
        if entries.count > 12 {
            line("(\(entries.count - 12) more entries of this kind are listed in the JSON report.)")
        }
        line("")
    }
}
