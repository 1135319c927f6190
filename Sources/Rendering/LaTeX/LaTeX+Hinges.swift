import ExactNumbers
import Algebra
import NetworkModel
import Collapse

extension LaTeXBuilder {
    /// A collapse proved by `hingesCancel`: the hinge identity, why the hinges cancel, W' and b'.
    mutating func hingeCollapse<S: TeXScalar>(_ map: AffineMap<S>, layer: Int) {
        line(
            "\\paragraph{Hinges.} The symbols enter only around layer \(layer), whose activation is continuous and piecewise linear: each unit is an affine function of its pre-activation $t$ plus hinges $\\kappa\\,\\mathrm{relu}(t - \\tau)$ at its breakpoints $\\tau$. Every hinge is $\\mathrm{relu}(\\lambda u)$ for an affine $u$ of the inputs, and"
        )
        line("\\[")
        line(
            "  \\mathrm{relu}(\\lambda u) = |\\lambda|\\,\\mathrm{relu}(u) + \\min(\\lambda, 0)\\, u \\qquad (\\lambda \\neq 0)."
        )
        line("\\]")
        line(
            "Grouping the hinges by their hyperplane $u = 0$, the coefficient of every $\\mathrm{relu}(u)$ in $F$ (a polynomial in the symbols, through the layers after layer \(layer)) is identically zero: the hinges cancel for every value of the symbols, and what remains is affine."
        )
        summaryWithMatrices(map)
    }

    /// The collapsed map in words, then W' and b' displayed.
    mutating func summaryWithMatrices<S: TeXScalar>(_ map: AffineMap<S>) {
        collapsedSummary(map)
        let w = matrix(map.weights), b = vector(map.bias)
        line("\\[")
        line("  W' = \(w.tex), \\qquad b' = \(b.tex).")
        line("\\]")
        line("")
        notes()
    }
}
