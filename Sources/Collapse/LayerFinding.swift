import ExactNumbers
public import Algebra
public import NetworkModel

/// What one layer's activation does to linearity, as data (Rendering words it).
public struct LayerFinding: Sendable, Hashable {
    /// How the activation behaves.
    public enum Behaviour: Sendable, Hashable {
        /// f(t) = t: the layer stays W x + b.
        case identity
        /// f(t) = a·t + c: it folds into its layer, a(W x + b) + c = (aW) x + (a b + c).
        case affine(slope: Polynomial, intercept: Polynomial)
        /// softmax over a single unit: the constant 1 = 0·t + 1 (e^t / e^t = 1).
        case constantSoftmax
        /// Not affine, with an exact scalar counterexample where one was found.
        case notAffine(ScalarBreak?)
    }

    /// 1-based layer index.
    public let layer: Int
    /// The layer's activation.
    public let activation: Activation
    /// What it does.
    public let behaviour: Behaviour

    /// Creates a finding.
    public init(layer: Int, activation: Activation, behaviour: Behaviour) {
        self.layer = layer
        self.activation = activation
        self.behaviour = behaviour
    }

    /// a and c when the activation is affine, f(t) = a·t + c, and folds into its layer.
    public var affineFold: (slope: Polynomial, intercept: Polynomial)? {
        switch behaviour {
        case .identity: return (Polynomial(Rational.one), Polynomial(Rational.zero))
        case .affine(let a, let c): return (a, c)
        case .constantSoftmax: return (Polynomial(Rational.zero), Polynomial(Rational.one))
        case .notAffine: return nil
        }
    }
}
