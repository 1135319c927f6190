import ExactNumbers
import Algebra
import NetworkModel
import Collapse

extension LaTeXBuilder {
    /// "The gradient": the Jacobian ∂F/∂x of a collapsing network (`Derivation.jacobian`). For a
    /// collapse by folding, the classic argument written out: each layer's derivative is a
    /// constant matrix (the activation's slope times W_k), so by the chain rule
    /// ∂F/∂x = W̃_L ⋯ W̃_1 = W' at every x; for the other proofs, F equals W'x + b', whose
    /// derivative is W'. On a domain: at the interior points of D; on a lower-dimensional D,
    /// why there is no Jacobian.
    mutating func gradientSection() {
        guard analysis.verdict.collapses, analysis.collapsed != nil else { return }
        let jacobian =
            isRow
            ? "\\bigl(\\frac{\\partial F}{\\partial \(vx)}\\bigr)^{\\!\\top}" : "\\frac{\\partial F}{\\partial \(vx)}"
        guard derivation.jacobian != nil else {
            line(
                "\\paragraph{The gradient.} $D$ is lower-dimensional, so $F$ has no Jacobian as a function on $D$: only the derivative of $F$ along the directions of $D$ is determined, and there it is $W'$ applied to those directions."
            )
            line("")
            return
        }
        let onD = analysis.network.domain != nil
        let everywhere = onD ? "at every interior point $\(vx)$ of $D$" : "at every $\(vx)$"
        let steps = network.layers.indices.filter { k in
            !(network.layers[k].dense == nil && network.layers[k].activation.isIdentityFunction)
        }.map { $0 + 1 }
        if !analysis.foldedLayers.isEmpty, analysis.foldedLayers.count == network.layers.count, !steps.isEmpty, !onD {
            let names = steps.map(weightName)
            let product =
                steps.count <= 4
                ? (isRow ? names : names.reversed()).joined(separator: " ")
                : (isRow
                    ? "\(names[0]) \\cdots \(names[names.count - 1])" : "\(names[names.count - 1]) \\cdots \(names[0])")
            let folded = steps.contains { !network.layers[$0 - 1].activation.isIdentityFunction }
            var text =
                "\\paragraph{The gradient.} By the chain rule, the Jacobian of $F$ is the product of the layers' Jacobians. Layer $k$ computes $h_{k} = f_{k}(\(wLetter)_{k} h_{k-1} + \(bLetter)_{k})$"
            text +=
                folded
                ? " with an affine activation $f_{k}(t) = a_{k} t + c_{k}$, whose derivative is the constant $a_{k}$; so its Jacobian is $a_{k} \(wLetter)_{k} = \\widetilde{\(wLetter)}_{k}$, the same matrix at every input (for a linear activation, $a_{k} = 1$ and it is $\(wLetter)_{k}$ itself)."
                : " with the identity activation, so its Jacobian is $\(wLetter)_{k}$, the same matrix at every input."
            text += " A gradient that is constant is that of one affine map:"
            line(text)
            line("\\[")
            line("  \(jacobian) = \(product) = W' \\qquad \\text{\(everywhere)}.")
            line("\\]")
        } else {
            line(
                "\\paragraph{The gradient.} $F(\(vx)) = W'\(vx) + b'$ \(onD ? "for every $\(vx)$ in $D$" : "for every $\(vx)$"), and the Jacobian of an affine map is its matrix, so $\(jacobian) = W'$ \(everywhere)\(onD ? " (on the boundary of $D$ only one-sided derivatives are determined)" : ""): the gradient of $F$ is constant."
            )
        }
        line("")
    }

    /// `, where $\partial F/\partial x = [W]$` for a full-dimensional region with a small W;
    /// empty otherwise (on a breakpoint F need not be differentiable).
    mutating func regionJacobianText(_ region: LinearRegion) -> String {
        guard let w = regionCase(region).jacobian, w.rows * w.columns <= 6 else { return "" }
        let value = w.rows == 1 && w.columns == 1 ? number(w[0, 0]) : matrix(isRow ? w.transposed() : w).tex
        return
            ", so there $\(isRow ? "(\\partial F/\\partial \(vx))^{\\top}" : "\\partial F/\\partial \(vx)") = \(value)$"
    }
}
