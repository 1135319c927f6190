import ExactNumbers
import Algebra
public import NetworkModel

/// Seeded random piecewise-linear networks for the cross-checks of the engine's deciders: two
/// layers, the hidden one with a piecewise-linear activation. When `cancelling`, the hidden
/// relu or leaky-relu units come in mirrored pairs (g, β), (−g, −β) weighted c and −c, so F
/// is affine (relu(t) − relu(−t) = t; leaky relu: (1 + α)·t); otherwise the activation cycles
/// through relu, abs, leaky relu (α = 1/5), hardtanh, step and sign, and F is almost always
/// not affine. The same seed gives the same network on every machine.
public enum RandomPiecewiseLinearNetworks {
    /// The activations of the networks that are not built to cancel.
    public static let activations: [Activation] = [
        .relu, .abs, .leakyRelu(alpha: Polynomial(Rational(1, 5))), .hardtanh, .step, .sign,
    ]

    /// The network of `seed`: 1 or 2 inputs, 1 or 2 outputs, 1 or 2 pairs of hidden units
    /// (by the seed's low bits), weights p/q with |p| <= 4, 1 <= q <= 3.
    public static func network(seed: Int, cancelling: Bool) -> Network {
        var rng = SplitMix64(seed: UInt64(1000 + seed))
        let activation =
            cancelling
            ? [Activation.relu, .leakyRelu(alpha: Polynomial(Rational(1, 5)))][seed % 2]
            : activations[seed % activations.count]
        let inputs = 1 + seed % 2
        let outputs = 1 + (seed / 2) % 2
        let pairs = 1 + (seed / 4) % 2
        func r() -> Rational { Rational(Int.random(in: -4...4, using: &rng), Int.random(in: 1...3, using: &rng)) }
        var rows = [[Rational]](), bias = [Rational]()
        for _ in 0..<(cancelling ? pairs : 2 * pairs) {
            let g = (0..<inputs).map { _ in r() }, b = r()
            rows.append(g)
            bias.append(b)
            if cancelling {
                rows.append(g.map { -$0 })
                bias.append(-b)
            }
        }
        var out = [[Rational]]()
        for _ in 0..<outputs {
            var row = [Rational]()
            for _ in 0..<pairs {
                let c = r()
                if cancelling { row += [c, -c] } else { row += [c, r()] }
            }
            out.append(row)
        }
        return Network(
            name: nil, inputNames: (1...inputs).map { "x\($0)" },
            layers: [
                Layer(dense: .numeric(AffineMap(weights: Matrix(rows: rows), bias: bias)), activation: activation),
                Layer(dense: .numeric(AffineMap(weights: Matrix(rows: out), bias: (0..<outputs).map { _ in r() }))),
            ])
    }

    /// A box domain for `seed` on `inputs` inputs: [lo, lo + w] per input with lo in -3...1 and
    /// w in 1...3 (integers), so F's kinks may or may not cross it.
    public static func box(seed: Int, inputs: Int) -> InputDomain {
        var rng = SplitMix64(seed: UInt64(5000 + seed))
        return InputDomain(
            box: (0..<inputs).map { _ in
                let lo = Int.random(in: -3...1, using: &rng)
                return InputDomain.Interval(lo: Rational(lo), hi: Rational(lo + Int.random(in: 1...3, using: &rng)))
            })
    }
}
