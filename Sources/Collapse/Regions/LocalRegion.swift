public import ExactNumbers
import Algebra
public import NetworkModel

/// The region of one point: the exact affine map a numeric piecewise-linear network computes
/// around x (what a gradient at x sees), and the conditions that delimit where it holds.
public enum LocalRegion {
    /// The region containing x: every unit on the piece its pre-activation z(x) lies in
    /// (strict conditions for open pieces, an equality when z(x) sits on a breakpoint),
    /// without the conditions implied by the others. Nil when the network is not supported
    /// or x has the wrong length.
    public static func at(_ network: Network, point x: [Rational]) -> LinearRegion? {
        guard RegionEnumerator.supports(network), x.count == network.inputDimension else { return nil }
        let n = x.count
        var current = AffineMap<Rational>.identity(n)
        var constraints = [LinearConstraint]()
        var pattern = [[Int]](), symbols = [String]()
        var equalities = 0
        for layer in network.layers {
            var pre = current
            if let m = layer.dense?.rationalMap { pre = m.composed(after: current) }
            let pieces = layer.activation.pieces!
            var chosen = [Int]()
            for u in 0..<pre.outputDimension {
                let g = pre.weights.rowArray(u), beta = pre.bias[u]
                let z = dot(g, x) + beta
                let i = pieces.firstIndex { $0.contains(z) }!
                let piece = pieces[i]
                let constant = g.allSatisfy(\.isZero)
                if pieces.count > 1 && !constant {
                    constraints += piece.halfSpaces(g, beta)
                    if piece.isBreakpoint { equalities += 1 }
                }
                chosen.append(i)
            }
            pattern.append(pieces.count > 1 ? chosen : [])
            symbols.append(pieces.count > 1 ? String(chosen.map { pieces[$0].symbol }) : "")
            current = pre.throughPieces(chosen.map { pieces[$0] })
        }
        var unique = [LinearConstraint]()
        for c in constraints where !unique.contains(c) { unique.append(c) }
        let equalityRank =
            equalities == 0
            ? 0
            : Matrix<Rational>(rows: unique.filter { $0.relation == .equal }.map(\.coefficients)).rank()
        return LinearRegion(
            pattern: ActivationPattern(pieces: pattern, symbols: symbols),
            constraints: LinearFeasibility.irredundant(unique, point: x), point: x, map: current,
            dimension: n - equalityRank)
    }
}
