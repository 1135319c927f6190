internal import CMPFR
public import ExactNumbers

/// The elementary monotone functions, straight from MPFR's correctly rounded functions:
/// for f increasing, f(X) ⊆ [f↓(lo↓), f↑(hi↑)].
extension Enclosure {
    /// The interval image of an increasing MPFR function.
    static func increasingElementary(_ x: RationalInterval, precision: Int, _ f: MPFRUnaryFunction) -> RationalInterval
    {
        RationalInterval(
            lo: increasingBound(f, at: x.lo, .down, precision: precision),
            hi: increasingBound(f, at: x.hi, .up, precision: precision))
    }

    /// Encloses e^t for t ∈ x (`mpfr_exp`). exp(0) = 1 exactly.
    /// Precondition: x.hi < about 7·10^8 (MPFR's exponent range).
    public static func exp(_ x: RationalInterval, precision: Int = defaultPrecision) -> RationalInterval {
        increasingElementary(x, precision: precision) { mpfr_exp($0, $1, $2) }
    }

    /// Encloses e^t − 1 for t ∈ x (`mpfr_expm1`; accurate relative to the result near 0).
    public static func expm1(_ x: RationalInterval, precision: Int = defaultPrecision) -> RationalInterval {
        increasingElementary(x, precision: precision) { mpfr_expm1($0, $1, $2) }
    }

    /// Encloses the natural logarithm log t for t ∈ x (`mpfr_log`). log(1) = 0 exactly.
    /// Precondition: x.lo > 0.
    public static func log(_ x: RationalInterval, precision: Int = defaultPrecision) -> RationalInterval {
        precondition(x.lo.signum > 0, "Enclosure.log needs an interval of positive numbers, got \(x)")
        return increasingElementary(x, precision: precision) { mpfr_log($0, $1, $2) }
    }

    /// Encloses log(1 + t) for t ∈ x (`mpfr_log1p`). Precondition: x.lo > −1.
    public static func log1p(_ x: RationalInterval, precision: Int = defaultPrecision) -> RationalInterval {
        precondition(x.lo > -1, "Enclosure.log1p needs an interval above -1, got \(x)")
        // Near −1 the rounded-down argument could reach −1 itself; there log(1 + t) of the
        // exact rational 1 + t > 0 is used instead.
        let half = Rational(-1, 2)
        let lo =
            x.lo >= half
            ? increasingBound({ mpfr_log1p($0, $1, $2) }, at: x.lo, .down, precision: precision)
            : increasingBound({ mpfr_log($0, $1, $2) }, at: 1 + x.lo, .down, precision: precision)
        let hi =
            x.hi >= half
            ? increasingBound({ mpfr_log1p($0, $1, $2) }, at: x.hi, .up, precision: precision)
            : increasingBound({ mpfr_log($0, $1, $2) }, at: 1 + x.hi, .up, precision: precision)
        return RationalInterval(lo: lo, hi: hi)
    }

    /// Encloses tanh t for t ∈ x (`mpfr_tanh`). tanh(0) = 0 exactly.
    public static func tanh(_ x: RationalInterval, precision: Int = defaultPrecision) -> RationalInterval {
        increasingElementary(x, precision: precision) { mpfr_tanh($0, $1, $2) }
    }

    /// Encloses arctan t for t ∈ x (`mpfr_atan`). arctan(0) = 0 exactly.
    public static func arctan(_ x: RationalInterval, precision: Int = defaultPrecision) -> RationalInterval {
        increasingElementary(x, precision: precision) { mpfr_atan($0, $1, $2) }
    }

    /// Encloses the error function erf t = (2/√π)∫₀ᵗ e^(−s²) ds for t ∈ x (`mpfr_erf`).
    public static func erf(_ x: RationalInterval, precision: Int = defaultPrecision) -> RationalInterval {
        increasingElementary(x, precision: precision) { mpfr_erf($0, $1, $2) }
    }

    /// Encloses the complementary error function erfc t = 1 − erf t for t ∈ x (`mpfr_erfc`;
    /// accurate relative to the result for large t). erfc is decreasing:
    /// erfc(X) ⊆ [erfc↓(hi↑), erfc↑(lo↓)].
    public static func erfc(_ x: RationalInterval, precision: Int = defaultPrecision) -> RationalInterval {
        let f: MPFRUnaryFunction = { mpfr_erfc($0, $1, $2) }
        func bound(_ t: Rational, _ direction: RoundingDirection) -> Rational {
            // Decreasing: an argument rounded the opposite way moves the value the right way.
            let v = MPFRValue(precision: precision)
            v.set(t, rounding: direction == .down ? .up : .down)
            v.apply(f, rounding: direction)
            return v.rational(bound: direction)
        }
        return RationalInterval(lo: bound(x.hi, .down), hi: bound(x.lo, .up))
    }

    /// Encloses 1/√2 (`mpfr_rec_sqrt` of the exact 2, rounded down and up; 1/√s decreases in
    /// s, but s = 2 is stored exactly, so only the result's rounding matters).
    static func reciprocalSquareRootOfTwo(precision: Int) -> RationalInterval {
        func bound(_ direction: RoundingDirection) -> Rational {
            let x = MPFRValue(precision: precision)
            x.set(Rational(2), rounding: direction)
            x.apply({ mpfr_rec_sqrt($0, $1, $2) }, rounding: direction)
            return x.rational(bound: direction)
        }
        return RationalInterval(lo: bound(.down), hi: bound(.up))
    }
}

extension Enclosure {
    /// Encloses e^t for one rational t.
    public static func exp(_ t: Rational, precision: Int = defaultPrecision) -> RationalInterval {
        exp(RationalInterval(exactly: t), precision: precision)
    }
    /// Encloses tanh t for one rational t.
    public static func tanh(_ t: Rational, precision: Int = defaultPrecision) -> RationalInterval {
        tanh(RationalInterval(exactly: t), precision: precision)
    }
    /// Encloses arctan t for one rational t.
    public static func arctan(_ t: Rational, precision: Int = defaultPrecision) -> RationalInterval {
        arctan(RationalInterval(exactly: t), precision: precision)
    }
    /// Encloses log t for one rational t > 0.
    public static func log(_ t: Rational, precision: Int = defaultPrecision) -> RationalInterval {
        log(RationalInterval(exactly: t), precision: precision)
    }
}
