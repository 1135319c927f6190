import ExactNumbers
import Algebra
import NetworkModel

/// Whether a witness's points avoid the activations' breakpoints.
///
/// A witness is *generic* when at each point it chooses (x, y, x + y for the affinity and
/// additivity identities; x and c·x for homogeneity) no unit of a piecewise-linear activation
/// has its pre-activation exactly on one of that activation's breakpoints (relu at 0, step at
/// its jump, hardtanh at ±1, …). A generic witness is the one a reader checks by hand without
/// a convention for the value at the jump (step(0)); it is preferred, never required: a
/// witness on a breakpoint is still exact evidence. Units after a transcendental activation
/// carry enclosures, which are not a rational point and never count as on a breakpoint.
enum WitnessGenericity {
    /// Whether some unit of `network` evaluated at `point` sits exactly on a breakpoint of its
    /// piecewise-linear activation (exact arithmetic, layer by layer).
    static func touchesBreakpoint(_ network: Network, at point: [Rational]) -> Bool {
        guard point.count == network.inputDimension else { return false }
        var current = point
        for layer in network.layers {
            if let dense = layer.dense {
                switch dense {
                case .numeric(let map): current = map.apply(current)
                case .float32(let map): current = map.apply(current)
                case .symbolic: return false
                }
            }
            let f = layer.activation
            if f.affineForm == nil, f.isPiecewiseLinear {
                let breakpoints = Set(f.interestingPoints)
                if current.contains(where: breakpoints.contains) { return true }
            }
            guard let next = ActivationEvaluation.apply(f, to: current.map { ExactValue.exact($0) }, precision: 64)
            else { return false }
            let exact = next.compactMap(\.exactValue)
            guard exact.count == next.count else { return false }  // enclosures from here on
            current = exact
        }
        return false
    }

    /// Whether every point the witness chooses avoids the breakpoints: x, y and x + y (or x and
    /// c·x). The point 0 of F(x+y) + F(0) is fixed by the identity, not chosen (in a network
    /// without biases every relu unit sits on its breakpoint there), so it is not examined.
    static func isGeneric(_ w: Witness, in network: Network) -> Bool {
        var points = [w.x]
        if let y = w.y { points += [y, zip(w.x, y).map { $0 + $1 }] }
        if let c = w.c { points.append(w.x.map { c * $0 }) }
        return !points.contains { touchesBreakpoint(network, at: $0) }
    }
}
