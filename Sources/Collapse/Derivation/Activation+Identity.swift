public import NetworkModel
import Algebra
import ExactNumbers

extension Activation {
    /// Whether the activation is the identity function t ↦ t: its affine form has slope 1 and
    /// intercept 0 (`identity` itself, `linear`, a polynomial t, ...).
    public var isIdentityFunction: Bool {
        guard let (a, c) = affineForm else { return false }
        return a == Polynomial(Rational.one) && c.isZero
    }
}
