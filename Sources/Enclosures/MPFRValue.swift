internal import CGMP
internal import CMPFR
import ExactNumbers

/// The direction in which an MPFR operation rounds: toward −∞ for lower bounds, toward +∞
/// for upper bounds.
enum RoundingDirection: Sendable {
    /// Toward −∞ (`MPFR_RNDD`): the result is <= the exact value.
    case down
    /// Toward +∞ (`MPFR_RNDU`): the result is >= the exact value.
    case up

    var mode: mpfr_rnd_t { self == .down ? MPFR_RNDD : MPFR_RNDU }
}

/// An MPFR signature shared by the one-argument functions (`mpfr_exp`, `mpfr_tanh`, ...):
/// result, argument, rounding mode; returns the ternary value (ignored here).
typealias MPFRUnaryFunction = (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32

/// One MPFR floating-point number owned by the current scope: `mpfr_init2` on creation,
/// `mpfr_clear` when it goes away.
///
/// Non-copyable, so there is always exactly one owner of the limbs; never stored in shared or
/// global state (MPFR numbers are not thread-safe values). Nothing global is changed: the
/// precision is per number, the exponent range is MPFR's default.
struct MPFRValue: ~Copyable {
    let pointer: UnsafeMutablePointer<__mpfr_struct>

    /// A NaN with `precision` bits of significand (`mpfr_init2`).
    init(precision: Int) {
        precondition(
            precision >= Int(cmpfr_prec_min()) && precision <= Int(cmpfr_prec_max()),
            "MPFR precision \(precision) outside \(cmpfr_prec_min())...\(cmpfr_prec_max())")
        pointer = .allocate(capacity: 1)
        mpfr_init2(pointer, mpfr_prec_t(precision))
    }

    deinit {
        mpfr_clear(pointer)
        pointer.deallocate()
    }

    /// Sets self to `value` rounded in `direction` (`mpfr_set_q`): for `.down` the stored number
    /// is <= value, for `.up` it is >= value; exact when value fits.
    func set(_ value: Rational, rounding direction: RoundingDirection) {
        value.withUnsafeMPQ { q in
            _ = mpfr_set_q(pointer, q.assumingMemoryBound(to: __mpq_struct.self), direction.mode)
        }
    }

    /// self = f(self) rounded in `direction` (MPFR's functions are correctly rounded, so the
    /// result lies on the requested side of the exact value).
    func apply(_ f: MPFRUnaryFunction, rounding direction: RoundingDirection) {
        _ = f(pointer, pointer, direction.mode)
    }

    /// Magnitudes below 2^smallestExponent are replaced by 0 or ±2^smallestExponent (outward)
    /// when converted, so that underflowing bounds (e^−100000) do not become rationals with
    /// a hundred thousand digits.
    static let smallestExponent = -65_536

    /// The stored number as an exact rational (`mpfr_get_q`), for a bound in `direction`:
    /// tiny magnitudes (below 2^smallestExponent) are pushed outward to 0 or ±2^smallestExponent,
    /// which keeps a lower bound below and an upper bound above the stored value.
    ///
    /// Precondition: the number is finite (an overflow to ±∞ has no rational bound).
    func rational(bound direction: RoundingDirection) -> Rational {
        precondition(
            cmpfr_number_p(pointer) != 0,
            "MPFR result outside the exponent range (overflow or NaN): the argument is too large to enclose")
        if cmpfr_zero_p(pointer) != 0 { return .zero }
        if cmpfr_get_exp(pointer) < MPFRValue.smallestExponent {
            let positive = cmpfr_sgn(pointer) > 0
            let tiny = Rational(numerator: .one, denominator: BigInt.one.shiftedLeft(-MPFRValue.smallestExponent))
            switch (direction, positive) {
            case (.down, true), (.up, false): return .zero
            case (.down, false): return -tiny
            case (.up, true): return tiny
            }
        }
        return Rational.fromMPQ { q in
            mpfr_get_q(q.assumingMemoryBound(to: __mpq_struct.self), pointer)
        }
    }
}

/// A bound of f(value) in `direction`, for f increasing: the argument is first rounded in the
/// same direction (x↓ <= value), then f is evaluated rounding the same way, so
/// f↓(x↓) <= f(x↓) <= f(value) (and symmetrically for `.up`).
func increasingBound(
    _ f: MPFRUnaryFunction, at value: Rational, _ direction: RoundingDirection,
    precision: Int
) -> Rational {
    let x = MPFRValue(precision: precision)
    x.set(value, rounding: direction)
    x.apply(f, rounding: direction)
    return x.rational(bound: direction)
}

/// `value` rounded to `precision` significant bits in `direction` (`mpfr_set_q`): a dyadic
/// rational on the requested side of `value`, equal to it when it fits.
func roundedBound(_ value: Rational, _ direction: RoundingDirection, precision: Int) -> Rational {
    let x = MPFRValue(precision: precision)
    x.set(value, rounding: direction)
    return x.rational(bound: direction)
}
