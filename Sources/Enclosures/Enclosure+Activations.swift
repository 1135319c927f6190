public import ExactNumbers

/// The monotone compound activations: sigmoid, softplus, and elu (any alpha), built from the
/// elementary enclosures with exact interval arithmetic.
extension Enclosure {
    /// Encloses the logistic sigmoid σ(t) = 1/(1 + e^−t) for t ∈ x. σ(0) = 1/2 exactly.
    ///
    /// σ is increasing, so σ(X) ⊆ [σ-enclosure(lo).lo, σ-enclosure(hi).hi]. At a point t > 0,
    /// with e ∋ e^−t ∈ (0, 1], σ = 1/(1 + e) is decreasing in e; for t < 0, with e ∋ e^t,
    /// σ = e/(1 + e) is increasing in e: each endpoint is exact rational arithmetic on one
    /// endpoint of e, so no dependency widening and no overflow for large |t|.
    public static func sigmoid(_ x: RationalInterval, precision: Int = defaultPrecision) -> RationalInterval {
        increasing(x) { sigmoidAtPoint($0, precision: precision) }
    }

    /// Encloses σ(t) for one rational t.
    public static func sigmoid(_ t: Rational, precision: Int = defaultPrecision) -> RationalInterval {
        sigmoidAtPoint(t, precision: precision)
    }

    static func sigmoidAtPoint(_ t: Rational, precision: Int) -> RationalInterval {
        if t.isZero { return RationalInterval(exactly: Rational(1, 2)) }
        let result: RationalInterval
        if t.signum > 0 {
            let e = exp(RationalInterval(exactly: -t), precision: precision)
            result = RationalInterval(lo: (1 + e.hi).reciprocal, hi: (1 + e.lo).reciprocal)
        } else {
            let e = exp(RationalInterval(exactly: t), precision: precision)
            result = RationalInterval(lo: e.lo / (1 + e.lo), hi: e.hi / (1 + e.hi))
        }
        return compact(result, precision: precision)
    }

    /// Encloses softplus(t) = log(1 + e^t) for t ∈ x (increasing; irrational at every
    /// rational, e.g. softplus(0) = log 2).
    ///
    /// At a point: log1p(e^t) for t <= 0 and t + log1p(e^−t) for t > 0, so the argument of
    /// log1p stays in (0, 1] and nothing overflows.
    public static func softplus(_ x: RationalInterval, precision: Int = defaultPrecision) -> RationalInterval {
        increasing(x) { softplusAtPoint($0, precision: precision) }
    }

    /// Encloses softplus(t) for one rational t.
    public static func softplus(_ t: Rational, precision: Int = defaultPrecision) -> RationalInterval {
        softplusAtPoint(t, precision: precision)
    }

    static func softplusAtPoint(_ t: Rational, precision: Int) -> RationalInterval {
        let result: RationalInterval
        if t.signum <= 0 {
            result = log1p(exp(RationalInterval(exactly: t), precision: precision), precision: precision)
        } else {
            result = t + log1p(exp(RationalInterval(exactly: -t), precision: precision), precision: precision)
        }
        return compact(result, precision: precision)
    }

    /// Encloses elu(t) = t for t > 0, alpha·(e^t − 1) for t <= 0, over t ∈ x; elu(0) = 0.
    ///
    /// X is split at 0: the part t > 0 maps exactly to itself, the part t <= 0 to
    /// alpha·expm1(X ∩ (−∞, 0]) (an interval times a scalar, valid for either sign of alpha,
    /// so elu need not be monotone); the result is the hull of the two.
    public static func elu(_ x: RationalInterval, alpha: Rational, precision: Int = defaultPrecision)
        -> RationalInterval
    {
        var parts: [RationalInterval] = []
        if x.lo.signum <= 0 {
            let negative = RationalInterval(lo: x.lo, hi: Swift.min(x.hi, .zero))
            parts.append(compact(expm1(negative, precision: precision).scaled(by: alpha), precision: precision))
        }
        if x.hi.signum > 0 {
            parts.append(RationalInterval(lo: Swift.max(x.lo, .zero), hi: x.hi))
        }
        return parts.dropFirst().reduce(parts[0]) { $0.hull($1) }
    }

    /// Encloses elu(t) for one rational t.
    public static func elu(_ t: Rational, alpha: Rational, precision: Int = defaultPrecision) -> RationalInterval {
        elu(RationalInterval(exactly: t), alpha: alpha, precision: precision)
    }
}
