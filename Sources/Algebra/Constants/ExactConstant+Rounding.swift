public import ExactNumbers
import Enclosures

extension ExactConstant {
    /// The value rounded to the nearest binary float (ties to even) by `round` (for example
    /// `\.nearestFloat32Value`), with a rigorous bound on the rounding error |fl(e) − e|.
    ///
    /// A rational value is rounded exactly (error exact). Otherwise the enclosure is refined
    /// (64, 128, ... up to `maximumPrecision` bits) until both ends round to the same float:
    /// rounding to nearest is monotone, so that float is fl(e); the error bound is the larger
    /// distance from it to the enclosure's ends. Nil when an end overflows the format, or when
    /// the enclosure keeps straddling a rounding boundary (the value would have to be a
    /// midpoint between two floats, a rational, which an irrational constant is not).
    public func nearest(by round: (Rational) -> Rational?, upTo maximumPrecision: Int = 4096) -> (
        value: Rational, errorBound: Rational
    )? {
        if let r = rationalValue {
            guard let f = round(r) else { return nil }
            return (f, (f - r).magnitude)
        }
        var precision = 64
        while precision <= maximumPrecision {
            let i = enclosure(precision: precision)
            guard let a = round(i.lo), let b = round(i.hi) else { return nil }
            if a == b { return (a, Swift.max((a - i.lo).magnitude, (i.hi - a).magnitude)) }
            precision *= 2
        }
        return nil
    }
}
