internal import CMPFR
public import ExactNumbers

/// Square roots and outward rounding, for the exact constants of the algebra layer
/// (`ExactConstant`: sqrt(n), and sums and products of enclosed constants).
extension Enclosure {
    /// Encloses √t for t ∈ x (`mpfr_sqrt`, increasing; exact when the endpoint's rounded value
    /// is a square that fits, e.g. √4 = 2). Precondition: x.lo >= 0.
    public static func sqrt(_ x: RationalInterval, precision: Int = defaultPrecision) -> RationalInterval {
        precondition(x.lo.signum >= 0, "Enclosure.sqrt needs an interval of non-negative numbers, got \(x)")
        return increasingElementary(x, precision: precision) { mpfr_sqrt($0, $1, $2) }
    }

    /// Encloses √t for one rational t >= 0.
    public static func sqrt(_ t: Rational, precision: Int = defaultPrecision) -> RationalInterval {
        sqrt(RationalInterval(exactly: t), precision: precision)
    }

    /// `x` rounded outward to `precision`-bit dyadic endpoints (lo down, hi up): a superset of
    /// `x` whose endpoints stay small; a point interval is returned unchanged.
    public static func outward(_ x: RationalInterval, precision: Int) -> RationalInterval {
        compact(x, precision: precision)
    }
}
