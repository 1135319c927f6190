public import ExactNumbers
import Algebra
public import NetworkModel

/// One piece of a piecewise-linear activation: an open interval (lower, upper) of t, or a
/// single breakpoint t = τ, on which f(t) = slope·t + intercept.
public struct ActivationPiece: Hashable, Sendable {
    /// The left end (nil: −∞); for a breakpoint piece, τ.
    public let lower: Rational?
    /// The right end (nil: +∞); for a breakpoint piece, τ.
    public let upper: Rational?
    /// Whether the piece is the single point t = τ.
    public let isBreakpoint: Bool
    /// f(t) = slope·t + intercept on the piece.
    public let slope: Rational
    /// f(t) = slope·t + intercept on the piece.
    public let intercept: Rational
    /// A one-character label for activation patterns: `-` below the breakpoint, `0` on it,
    /// `+` above it; hardtanh: `-` (t < −1), `m` (t = −1), `0` (−1 < t < 1), `p` (t = 1),
    /// `+` (t > 1).
    public let symbol: Character

    /// Whether t lies in the piece.
    public func contains(_ t: Rational) -> Bool {
        if isBreakpoint { return t == lower! }
        if let lower, t <= lower { return false }
        if let upper, t >= upper { return false }
        return true
    }
}

extension Activation {
    /// The pieces of a numeric piecewise-linear activation, left to right, breakpoints
    /// included: relu is (−∞, 0), {0}, (0, ∞) with slopes 0, 0, 1. Identity and affine
    /// activations have the single piece (−∞, ∞). Nil for the others (smooth, polynomial of
    /// degree ≥ 2, softmax) and for symbolic parameters.
    public var pieces: [ActivationPiece]? {
        func open(_ lo: Rational?, _ hi: Rational?, _ a: Rational, _ c: Rational, _ s: Character) -> ActivationPiece {
            ActivationPiece(lower: lo, upper: hi, isBreakpoint: false, slope: a, intercept: c, symbol: s)
        }
        func point(_ tau: Rational, _ value: Rational, _ s: Character) -> ActivationPiece {
            ActivationPiece(lower: tau, upper: tau, isBreakpoint: true, slope: .zero, intercept: value, symbol: s)
        }
        let zero = Rational.zero, one = Rational.one, minusOne = Rational(-1)
        switch self {
        case .relu: return [open(nil, zero, zero, zero, "-"), point(zero, zero, "0"), open(zero, nil, one, zero, "+")]
        case .leakyRelu(let alpha):
            guard let a = alpha.constantValue else { return nil }
            if a == one { return [open(nil, nil, one, zero, " ")] }
            return [open(nil, zero, a, zero, "-"), point(zero, zero, "0"), open(zero, nil, one, zero, "+")]
        case .abs:
            return [open(nil, zero, minusOne, zero, "-"), point(zero, zero, "0"), open(zero, nil, one, zero, "+")]
        case .hardtanh:
            return [
                open(nil, minusOne, zero, minusOne, "-"), point(minusOne, minusOne, "m"),
                open(minusOne, one, one, zero, "0"),
                point(one, one, "p"), open(one, nil, zero, one, "+"),
            ]
        case .clip(let lowerBound, let upperBound):
            if let (_, c) = affineForm, let value = c.constantValue, lowerBound != nil {
                return [open(nil, nil, zero, value, " ")]
            }
            guard lowerBound?.constantValue != nil || lowerBound == nil,
                upperBound?.constantValue != nil || upperBound == nil
            else { return nil }
            switch (lowerBound?.constantValue, upperBound?.constantValue) {
            case (nil, nil): return [open(nil, nil, one, zero, " ")]
            case (let a?, nil): return [open(nil, a, zero, a, "-"), point(a, a, "0"), open(a, nil, one, zero, "+")]
            case (nil, let b?): return [open(nil, b, one, zero, "-"), point(b, b, "0"), open(b, nil, zero, b, "+")]
            case (let a?, let b?):
                return [
                    open(nil, a, zero, a, "-"), point(a, a, "m"), open(a, b, one, zero, "0"), point(b, b, "p"),
                    open(b, nil, zero, b, "+"),
                ]
            }
        case .hardSigmoid(let alphaParameter, let betaParameter):
            guard let alpha = alphaParameter.constantValue, let beta = betaParameter.constantValue else { return nil }
            if alpha.isZero { return [open(nil, nil, zero, Rational.min(one, Rational.max(zero, beta)), " ")] }
            // g(t) = alpha·t + beta reaches 0 at t0 and 1 at t1.
            let t0 = -beta / alpha, t1 = (one - beta) / alpha
            if alpha.signum > 0 {
                return [
                    open(nil, t0, zero, zero, "-"), point(t0, zero, "m"), open(t0, t1, alpha, beta, "0"),
                    point(t1, one, "p"), open(t1, nil, zero, one, "+"),
                ]
            }
            return [
                open(nil, t1, zero, one, "-"), point(t1, one, "m"), open(t1, t0, alpha, beta, "0"),
                point(t0, zero, "p"), open(t0, nil, zero, zero, "+"),
            ]
        case .step: return [open(nil, zero, zero, zero, "-"), point(zero, zero, "0"), open(zero, nil, zero, one, "+")]
        case .sign:
            return [open(nil, zero, zero, minusOne, "-"), point(zero, zero, "0"), open(zero, nil, zero, one, "+")]
        default:
            guard let (a, c) = affineForm, let slope = a.constantValue, let intercept = c.constantValue else {
                return nil
            }
            return [open(nil, nil, slope, intercept, " ")]
        }
    }

    /// Whether the activation jumps (step, sign): its breakpoints are regions of their own.
    public var isDiscontinuous: Bool {
        switch self {
        case .step, .sign: return true
        default: return false
        }
    }
}
