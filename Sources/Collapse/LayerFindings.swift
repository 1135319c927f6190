public import ExactNumbers
import Algebra
public import NetworkModel

/// Exact scalar evidence about an activation f: whether it is affine, and if not, a pair
/// (s, t) with f(s + t) + f(0) ≠ f(s) + f(t), evaluated exactly or by disjoint enclosures.
public struct ScalarBreak: Sendable, Hashable {
    /// The two scalar arguments.
    public let s: Rational, t: Rational
    /// f(s + t) (plus f(0) when f(0) ≠ 0).
    public let lhs: ExactValue
    /// f(s) + f(t).
    public let rhs: ExactValue
    /// Whether f(0) = 0 exactly, so the break is one of additivity alone.
    public let fixesZero: Bool
}

extension Activation {
    /// A scalar counterexample to affinity of a unit-wise activation, or nil when it is
    /// affine (or symbolic).
    public func scalarBreak(precision: Int = AnalysisOptions.defaults.precision) -> ScalarBreak? {
        guard affineForm == nil, !isVectorValued else { return nil }
        guard let f0 = ActivationEvaluation.apply(self, to: .exact(.zero), precision: precision) else { return nil }
        let fixesZero = f0.provablyEquals(.exact(.zero))
        let pairs: [(Int, Int)] = [(1, -1), (1, 1), (2, -1), (1, 2), (-1, -1), (2, 2), (3, -1)]
        for (a, b) in pairs {
            let s = Rational(a), t = Rational(b)
            guard let fs = ActivationEvaluation.apply(self, to: .exact(s), precision: precision),
                let ft = ActivationEvaluation.apply(self, to: .exact(t), precision: precision),
                let fst = ActivationEvaluation.apply(self, to: .exact(s + t), precision: precision)
            else { return nil }
            let lhs = fixesZero ? fst : fst + f0
            let rhs = fs + ft
            if lhs.provablyDiffers(from: rhs) {
                return ScalarBreak(s: s, t: t, lhs: lhs, rhs: rhs, fixesZero: fixesZero)
            }
        }
        return nil
    }

    /// Whether f(c·t) = c·f(t) for every c >= 0 and every t.
    public var isPositivelyHomogeneous: Bool {
        switch self {
        case .relu, .abs: return true
        case .leakyRelu: return true
        case .identity: return true
        case .affine(_, let c): return c.isZero
        default: return false
        }
    }
}

enum LayerFindings {
    /// One finding per layer: how its activation folds, or why it breaks linearity.
    static func make(_ network: Network) -> [LayerFinding] {
        network.layers.enumerated().map { index, layer in
            let f = layer.activation
            let behaviour: LayerFinding.Behaviour
            if let (a, c) = f.affineForm {
                behaviour = a == Polynomial(Rational.one) && c.isZero ? .identity : .affine(slope: a, intercept: c)
            } else {
                behaviour = .notAffine(f.scalarBreak())
            }
            return LayerFinding(layer: index + 1, activation: f, behaviour: behaviour)
        }
    }
}
