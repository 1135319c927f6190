public import ExactNumbers
import Algebra
import NetworkModel

/// An exact identity of an activation f that lets units with proportional pre-activations
/// be combined. Each holds for every real t with the activation's exact definition
/// (contract §1: step(0) = 0, sign(0) = 0, leaky_relu(t) = alpha·t for t <= 0).
public enum ActivationIdentity: Sendable, Hashable {
    /// f(−t) = −f(t): tanh, arctan, sign, hardtanh (and odd polynomials).
    case odd
    /// f(−t) = f(t): abs (and even polynomials).
    case even
    /// f(−t) = 1 − f(t): sigmoid.
    case complement
    /// f(−t) = f(t) − s·t: relu and softplus, silu, gelu (s = 1), leaky_relu (s = 1 + alpha).
    /// For leaky_relu: t > 0 gives −alpha·t = t − (1 + alpha)t; t <= 0 gives −t = alpha·t − (1 + alpha)t.
    case shiftedReflection(slope: Rational)
    /// f(λt) = λ·f(t) for λ > 0: relu, leaky_relu, abs.
    case positiveHomogeneous
    /// f(λt) = f(t) for λ > 0: step, sign.
    case scaleInvariant
    /// Units with the same pre-activation: Σ c_j f(t) = (Σ c_j) f(t).
    case duplicate

    /// f(−t) = a·f(t) + b·t + c as (a, b, c), when f has such an identity.
    public var reflection: (a: Rational, b: Rational, c: Rational)? {
        switch self {
        case .odd: return (Rational(-1), .zero, .zero)
        case .even: return (.one, .zero, .zero)
        case .complement: return (Rational(-1), .zero, .one)
        case .shiftedReflection(let s): return (.one, -s, .zero)
        default: return nil
        }
    }
}

/// How an activation behaves under scaling of its argument by λ > 0.
enum ScalingRule {
    /// f(λt) = λ f(t).
    case homogeneous
    /// f(λt) = f(t).
    case invariant
    /// No rule: only equal pre-activations combine.
    case none
}

extension Activation {
    /// The reflection identity f(−t) in terms of f(t), when there is one (numeric parameters).
    var reflectionIdentity: ActivationIdentity? {
        switch self {
        case .tanh, .arctan, .sign, .hardtanh: return .odd
        case .abs: return .even
        case .sigmoid: return .complement
        case .relu, .softplus, .silu, .gelu: return .shiftedReflection(slope: .one)
        case .leakyRelu(let alpha):
            guard let a = alpha.constantValue else { return nil }
            return .shiftedReflection(slope: .one + a)
        case .polynomial(let cs):
            let numeric = cs.compactMap(\.constantValue)
            guard numeric.count == cs.count else { return nil }
            // Even: no odd power of t; odd: no even power (constant included).
            if numeric.enumerated().allSatisfy({ $0.offset % 2 == 0 || $0.element.isZero }) { return .even }
            if numeric.enumerated().allSatisfy({ $0.offset % 2 == 1 || $0.element.isZero }) { return .odd }
            return nil
        default: return nil
        }
    }

    /// The scaling rule for λ > 0.
    var scalingRule: ScalingRule {
        switch self {
        case .relu, .abs: return .homogeneous
        case .leakyRelu(let alpha): return alpha.constantValue != nil ? .homogeneous : .none
        case .step, .sign: return .invariant
        default: return .none
        }
    }

    /// The points where a piecewise activation changes piece (those a range is compared with).
    var pieceBreakpoints: [Rational] {
        switch self {
        case .relu, .leakyRelu, .abs, .step, .sign, .elu: return [.zero]
        case .hardtanh: return [Rational(-1), .one]
        default: return []
        }
    }

    /// (slope, intercept) with f(t) = slope·t + intercept for every t in `range`, when the
    /// range stays inside one piece of f (or is one point c where f(c) is rational); nil
    /// otherwise. Exact: each case is the activation's definition on that piece.
    func stablePiece(on range: UnitRange) -> (slope: Rational, intercept: Rational)? {
        if let c = range.constant, let value = ActivationEvaluation.exactScalar(self, c), let v = value {
            return (.zero, v)
        }
        let zero = Rational.zero
        switch self {
        case .relu:
            if range.isAtLeast(zero) { return (.one, zero) }
            if range.isAtMost(zero) { return (zero, zero) }
        case .leakyRelu(let alpha):
            guard let a = alpha.constantValue else { return nil }
            if range.isAtLeast(zero) { return (.one, zero) }
            if range.isAtMost(zero) { return (a, zero) }
        case .abs:
            if range.isAtLeast(zero) { return (.one, zero) }
            if range.isAtMost(zero) { return (Rational(-1), zero) }
        case .elu(let alpha):
            // elu(0) = alpha·(e^0 − 1) = 0, so t >= 0 is the identity piece.
            guard alpha.constantValue != nil else { return nil }
            if range.isAtLeast(zero) { return (.one, zero) }
        case .hardtanh:
            if range.isAtLeast(.one) { return (zero, .one) }
            if range.isAtMost(Rational(-1)) { return (zero, Rational(-1)) }
            if range.isAtLeast(Rational(-1)), range.isAtMost(.one) { return (.one, zero) }
        case .step:
            if range.isAtLeast(zero, strict: true) { return (zero, .one) }
            if range.isAtMost(zero) { return (zero, zero) }
        case .sign:
            if range.isAtLeast(zero, strict: true) { return (zero, .one) }
            if range.isAtMost(zero, strict: true) { return (zero, Rational(-1)) }
        default: break
        }
        return nil
    }
}
