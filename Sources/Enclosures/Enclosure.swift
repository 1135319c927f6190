import ExactNumbers

/// Rigorous enclosures of the transcendental activation functions.
///
/// Each function takes a `RationalInterval` X and a working precision p in bits and returns a
/// `RationalInterval` Y with f(t) ∈ Y for every t ∈ X: a proof, not an approximation. The
/// endpoints are exact rationals (dyadic, at most about p significant bits each).
///
/// Method: an endpoint is converted to MPFR rounding toward −∞ for a lower bound and toward
/// +∞ for an upper bound (`mpfr_set_q` with `MPFR_RNDD`/`MPFR_RNDU`); each monotone piece
/// (exp, expm1, log, log1p, tanh, atan, erf) is evaluated by MPFR's correctly rounded function
/// in the same direction, and read back exactly (`mpfr_get_q`). Compound formulas (sigmoid,
/// softplus, silu, gelu, elu, softmax) combine such enclosures with exact rational interval
/// arithmetic, so every step is outward by construction. No `Double` is involved anywhere.
///
/// Precision: the width of an enclosure shrinks roughly as |f(t)|·2^−p for a point t (plus
/// the spread of f over X for a wide X); retry with a larger `precision:` (or use `refine`
/// and `separate`) to tell two close values apart.
///
/// Exact values: where f(t) is rational the result is a point interval: exp(0) = 1,
/// sigmoid(0) = 1/2, tanh(0) = arctan(0) = silu(0) = gelu(0) = elu(0) = 0, softmax of equal
/// exact inputs = 1/n each. At every other rational t these values are irrational (by
/// Lindemann–Weierstrass e^t is transcendental for algebraic t ≠ 0, and so are tanh, sigmoid,
/// softplus, silu; arctan(t) for rational t ≠ 0 is not a rational), so no point enclosure
/// exists and the result has positive width.
///
/// Range: an enclosure of a value beyond MPFR's exponent range (about 2^(2^30), e.g. exp(t)
/// for t > 7·10^8) stops with a precondition failure; magnitudes below 2^−65536 are rounded
/// outward to 0 or ±2^−65536 so that results stay small. Bounded functions (sigmoid, tanh,
/// arctan, softmax) never overflow.
///
/// MPFR numbers live only inside each call: the functions are safe to call from any thread.
public enum Enclosure {
    /// The working precision used when none is given: 128 bits (widths about 2^−128 relative).
    public static let defaultPrecision = 128

    /// Rounds a non-point interval outward to `precision`-bit dyadic endpoints, keeping the
    /// rationals small; a point interval (an exact value) is returned unchanged.
    static func compact(_ x: RationalInterval, precision: Int) -> RationalInterval {
        if x.isPoint { return x }
        return RationalInterval(
            lo: roundedBound(x.lo, .down, precision: precision),
            hi: roundedBound(x.hi, .up, precision: precision))
    }

    /// For f increasing, [F(lo).lo, F(hi).hi] where F is a rigorous point enclosure:
    /// f(X) ⊆ that interval since f(lo) <= f(t) <= f(hi) for t ∈ X.
    static func increasing(_ x: RationalInterval, _ pointEnclosure: (Rational) -> RationalInterval) -> RationalInterval
    {
        if x.isPoint { return pointEnclosure(x.lo) }
        return RationalInterval(lo: pointEnclosure(x.lo).lo, hi: pointEnclosure(x.hi).hi)
    }
}
