public import ExactNumbers
public import Algebra
public import NetworkModel

extension Activation {
    /// (a, c) with f(t) = a·t + c when the activation is affine: identity, affine, or a
    /// polynomial whose coefficients of degree >= 2 are all (identically) zero.
    public var affineForm: (slope: Polynomial, intercept: Polynomial)? {
        switch self {
        case .identity: return (Polynomial(Rational.one), Polynomial(Rational.zero))
        case .affine(let a, let c): return (a, c)
        case .polynomial(let cs):
            guard cs.dropFirst(2).allSatisfy(\.isZero) else { return nil }
            return (cs.count > 1 ? cs[1] : Polynomial(Rational.zero), cs.first ?? Polynomial(Rational.zero))
        case .leakyRelu(let alpha) where alpha.constantValue == Rational.one:
            return (Polynomial(Rational.one), Polynomial(Rational.zero))  // leaky_relu with alpha 1 is t
        case .clip(nil, nil):
            return (Polynomial(Rational.one), Polynomial(Rational.zero))  // clip without bounds is t
        case .clip(let lower?, let upper?) where lower.isConstant && lower == upper:
            return (Polynomial(Rational.zero), lower)  // clip to one point is constant
        case .hardSigmoid(let alpha, let beta) where alpha.isZero && beta.constantValue != nil:
            let b = beta.constantValue!
            return (Polynomial(Rational.zero), Polynomial(Rational.min(Rational.one, Rational.max(Rational.zero, b))))
        default: return nil
        }
    }

    /// The coefficients c0..ck, trailing zeros dropped, when the activation is a polynomial
    /// in t (identity, affine and leaky_relu with alpha 1 included); nil for the others.
    public var polynomialForm: [Polynomial]? {
        switch self {
        case .identity: return [Polynomial(Rational.zero), Polynomial(Rational.one)]
        case .affine(let a, let c): return [c, a]
        case .polynomial(let cs):
            var trimmed = cs
            while let last = trimmed.last, last.isZero { trimmed.removeLast() }
            return trimmed
        default:
            if let (a, c) = affineForm { return [c, a] }
            return nil
        }
    }

    /// Whether the activation is piecewise linear with rational breakpoints.
    public var isPiecewiseLinear: Bool {
        switch self {
        case .relu, .leakyRelu, .hardtanh, .step, .sign, .abs: return true
        case .clip, .hardSigmoid: return true
        default: return affineForm != nil
        }
    }

    /// Whether f is applied to the whole layer at once rather than to each unit.
    public var isVectorValued: Bool {
        if case .softmax = self { return true }
        return false
    }

    /// The points where the activation bends or jumps (its breakpoints); for smooth
    /// non-affine activations, the point of greatest curvature-like interest (0).
    public var interestingPoints: [Rational] {
        switch self {
        case .hardtanh: return [Rational(-1), Rational(1)]
        case .clip, .hardSigmoid:
            guard affineForm == nil, let pieces else { return [] }
            return pieces.filter(\.isBreakpoint).compactMap(\.lower)
        default: return affineForm != nil ? [] : [Rational.zero]
        }
    }

    /// The slope of a piecewise-linear activation on the piece just right (`side` > 0) or
    /// left (`side` < 0) of t, or at t itself off the breakpoints; nil for others.
    func pieceSlope(at t: Rational, side: Int) -> Rational? {
        let s = t.signum != 0 ? t.signum : side
        switch self {
        case .relu: return s > 0 ? .one : .zero
        case .leakyRelu(let alpha):
            guard let a = alpha.constantValue else { return nil }
            return s > 0 ? .one : a
        case .abs: return s > 0 ? .one : Rational(-1)
        case .step, .sign: return .zero
        case .hardtanh:
            if t > Rational(1) || (t == Rational(1) && side > 0) { return .zero }
            if t < Rational(-1) || (t == Rational(-1) && side < 0) { return .zero }
            return .one
        case .clip, .hardSigmoid:
            // The open piece containing t, or the one on `side` of a breakpoint t.
            guard let pieces else { return nil }
            let open = pieces.filter { !$0.isBreakpoint }
            if let piece = open.first(where: { $0.contains(t) }) { return piece.slope }
            let neighbour = side > 0 ? open.first { $0.lower == t } : open.first { $0.upper == t }
            return neighbour?.slope
        default:
            if let (a, _) = affineForm { return a.constantValue }
            return nil
        }
    }
}
