import ExactNumbers
import Algebra
import Collapse

extension LaTeXBuilder {
    /// An identity's residual entry factored in the scalar where it factors (`ResidualText`):
    /// $(1 - c)\,(b_{1} w_{1} + b_{2})$, not the expansion; else the expanded polynomial.
    mutating func residualTeX(_ p: Polynomial) -> String {
        guard let (u, q) = p.content(in: Symbol(names.c)) else { return polynomial(p) }
        let factor = ResidualText.factorText(u, scalarName) { $1 == 1 ? $0 : "\($0)^{\($1)}" }
        let left = ResidualText.isPositiveMonomial(u) ? factor : "(\(factor))"
        if let c = q.constantValue {
            return c.isOne ? left : "\(left) \\cdot \(c.signum < 0 ? "(\(number(c)))" : number(c))"
        }
        return q.needsParentheses ? "\(left)\\,(\(polynomial(q)))" : "\(left)\\,\(polynomial(q))"
    }

    /// The residuals F(x + z) − F(x) − F(z) and F(c x) − c F(x) as the layer-by-layer
    /// computation found them, factored, for a symbolic collapse: one sentence, or nil.
    mutating func residualSentence() -> String? {
        guard case .symbolic? = analysis.collapsed,
            let additivity = analysis.additivity.residual, let homogeneity = analysis.homogeneity.residual,
            !homogeneity.allSatisfy(\.isZero)
        else { return nil }
        func shown(_ v: [Polynomial], _ b: inout LaTeXBuilder) -> String {
            v.count == 1 ? b.residualTeX(v[0]) : b.tuple(count: v.count) { b, i in b.residualTeX(v[i]) }
        }
        let z = secondPoint, c = scalarName
        let a = shown(additivity, &self), h = shown(homogeneity, &self)
        return
            "Pushed through the layers, $F(\(vx) + \(z)) - F(\(vx)) - F(\(z)) = \(a)$ and $F(\(c)\\,\(vx)) - \(c)\\,F(\(vx)) = \(h)$."
    }
}
