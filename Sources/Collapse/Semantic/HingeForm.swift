public import ExactNumbers
public import Algebra
public import NetworkModel

/// A continuous piecewise-linear activation written with hinges:
/// f(t) = slope·t + intercept + Σ_j kinks[j].change · relu(t − kinks[j].at).
///
/// `slope`, `intercept` are those of the leftmost piece; each kink is a breakpoint τ with the
/// slope change (right slope − left slope) there. relu is (0, 0; kink 1 at 0); leaky_relu with
/// α is (α, 0; kink 1 − α at 0) for every α, a symbol included; abs is (−1, 0; kink 2 at 0);
/// hardtanh is (0, −1; kinks +1 at −1, −1 at 1); an affine activation has no kinks.
/// Discontinuous activations (step, sign) and smooth ones have no hinge form (nil).
public struct HingeForm: Sendable, Hashable {
    /// One breakpoint and the change of slope there.
    public struct Kink: Sendable, Hashable {
        /// The breakpoint τ.
        public let at: Rational
        /// right slope − left slope at τ (a polynomial in the activation's parameters).
        public let change: Polynomial
    }

    /// The slope of the leftmost piece.
    public let slope: Polynomial
    /// The intercept of the leftmost piece.
    public let intercept: Polynomial
    /// The kinks, left to right, none with a zero change.
    public let kinks: [Kink]

    /// f(t) at a rational t, as a polynomial in the parameters.
    public func value(at t: Rational) -> Polynomial {
        var v = slope * Polynomial(t) + intercept
        for k in kinks where t > k.at { v = v + k.change * Polynomial(t - k.at) }
        return v
    }
}

extension Activation {
    /// The hinge form of a continuous piecewise-linear activation (a symbolic leaky_relu
    /// slope included), or nil (see `HingeForm`).
    public var hingeForm: HingeForm? {
        if case .leakyRelu(let alpha) = self, alpha.constantValue == nil {
            return HingeForm(
                slope: alpha, intercept: .zero,
                kinks: [HingeForm.Kink(at: .zero, change: Polynomial(Rational.one) - alpha)])
        }
        if let (a, c) = affineForm { return HingeForm(slope: a, intercept: c, kinks: []) }
        guard isElementwise, let pieces, let first = pieces.first, !first.isBreakpoint else { return nil }
        let open = pieces.filter { !$0.isBreakpoint }
        // Continuity: at every breakpoint the value equals both one-sided limits.
        for p in pieces where p.isBreakpoint {
            let tau = p.lower!
            guard let left = open.first(where: { $0.upper == tau }), let right = open.first(where: { $0.lower == tau }),
                left.slope * tau + left.intercept == p.intercept, right.slope * tau + right.intercept == p.intercept
            else { return nil }
        }
        var kinks = [HingeForm.Kink]()
        for (l, r) in zip(open, open.dropFirst()) where l.slope != r.slope {
            guard let tau = l.upper else { return nil }
            kinks.append(HingeForm.Kink(at: tau, change: Polynomial(r.slope - l.slope)))
        }
        return HingeForm(slope: Polynomial(first.slope), intercept: Polynomial(first.intercept), kinks: kinks)
    }
}
