public import ExactNumbers

/// silu and gelu: not monotone, but unimodal. Each decreases on (−∞, t*] and increases on
/// [t*, ∞) for one critical point t*; a rational bracket c.lo < t* < c.hi of width 2·10^−95 is
/// stored below (checked by `EnclosuresTests`, which evaluates the sign of f′ at both ends).
///
/// Over X = [a, b]: if b <= c.lo, f is decreasing on X; if a >= c.hi, increasing; otherwise
/// the lower bound is a rigorous lower bound of the global minimum f(t*), and the upper bound
/// is the larger of the endpoint enclosures (a unimodal function attains its maximum over an
/// interval at an end).
extension Enclosure {
    /// Reads a bracket c ± 10^−95 around a 100-digit decimal c.
    private static func bracket(_ decimal: String) -> RationalInterval {
        let c = try! Rational.parse(decimal)
        let radius = try! Rational.parse("1e-95")
        return RationalInterval(lo: c - radius, hi: c + radius)
    }

    /// A bracket of the minimiser t* ≈ −1.2784645 of silu: the zero of
    /// silu′(t) = σ(t)·g(t), g(t) = 1 + t(1 − σ(t)).
    ///
    /// Uniqueness: g > 0 for t >= 0, and for t < 0, g′ = (1 − σ)(1 − tσ) > 0, so g has one
    /// zero. At it σ(t*) = 1 + 1/t*, hence the minimum value is silu(t*) = t* + 1.
    package static let siluMinimizer = bracket(
        "-1.2784645427610737951093587390229801554394774886197457654531781055350293754599498981920498428112994286")

    /// A bracket of the minimiser t* ≈ −0.7517915 of gelu: the zero of
    /// gelu′(t) = h(t) = Φ(t) + t·φ(t) (Φ, φ the standard normal distribution and density).
    ///
    /// Uniqueness: h′ = φ(t)(2 − t²), so h decreases on (−∞, −√2] from h(−∞) = 0, where it
    /// is therefore negative; increases on [−√2, √2], crossing 0 once (at t*); and decreases
    /// on [√2, ∞) toward h(∞) = 1, staying positive.
    package static let geluMinimizer = bracket(
        "-0.7517915246935644574579049467795240396644711534234538483865395656208462657973469513840940726981127907")

    /// Encloses silu(t) = t·σ(t) for t ∈ x. silu(0) = 0 exactly.
    public static func silu(_ x: RationalInterval, precision: Int = defaultPrecision) -> RationalInterval {
        unimodal(
            x, minimizer: siluMinimizer, precision: precision,
            pointEnclosure: { siluAtPoint($0, precision: precision) },
            minimumLowerBound: { siluMinimizer.lo + 1 })
    }

    /// Encloses silu(t) for one rational t.
    public static func silu(_ t: Rational, precision: Int = defaultPrecision) -> RationalInterval {
        siluAtPoint(t, precision: precision)
    }

    static func siluAtPoint(_ t: Rational, precision: Int) -> RationalInterval {
        compact(sigmoidAtPoint(t, precision: precision).scaled(by: t), precision: precision)
    }

    /// Encloses gelu(t) = t·Φ(t) = (t/2)(1 + erf(t/√2)) for t ∈ x. gelu(0) = 0 exactly.
    public static func gelu(_ x: RationalInterval, precision: Int = defaultPrecision) -> RationalInterval {
        unimodal(
            x, minimizer: geluMinimizer, precision: precision,
            pointEnclosure: { geluAtPoint($0, precision: precision) },
            minimumLowerBound: {
                // For t in the bracket (all negative): t·Φ(t) >= c.lo·Φ(t) >= c.lo·Φ(c.hi).
                let c = geluMinimizer
                return c.lo * normalDistributionAtPoint(c.hi, precision: precision).hi
            })
    }

    /// Encloses gelu(t) for one rational t.
    public static func gelu(_ t: Rational, precision: Int = defaultPrecision) -> RationalInterval {
        geluAtPoint(t, precision: precision)
    }

    /// Encloses Φ(t) = (1 + erf(t/√2))/2 = erfc(−t/√2)/2, the second form for t < 0 so that
    /// the tiny values far left keep their relative accuracy (no cancellation in 1 + erf).
    static func normalDistributionAtPoint(_ t: Rational, precision: Int) -> RationalInterval {
        let u = reciprocalSquareRootOfTwo(precision: precision + 8).scaled(by: t)
        if t.signum < 0 {
            return erfc(-u, precision: precision + 8) / Rational(2)
        }
        return (1 + erf(u, precision: precision + 8)) / Rational(2)
    }

    static func geluAtPoint(_ t: Rational, precision: Int) -> RationalInterval {
        if t.isZero { return RationalInterval(exactly: .zero) }
        return compact(normalDistributionAtPoint(t, precision: precision).scaled(by: t), precision: precision)
    }

    /// The enclosure of a function that decreases left of the minimiser bracket and increases
    /// right of it, from rigorous point enclosures and a lower bound of its global minimum.
    static func unimodal(
        _ x: RationalInterval, minimizer c: RationalInterval, precision: Int,
        pointEnclosure f: (Rational) -> RationalInterval,
        minimumLowerBound: () -> Rational
    ) -> RationalInterval {
        if x.isPoint { return f(x.lo) }
        let atLo = f(x.lo), atHi = f(x.hi)
        if x.hi <= c.lo { return RationalInterval(lo: atHi.lo, hi: atLo.hi) }
        if x.lo >= c.hi { return RationalInterval(lo: atLo.lo, hi: atHi.hi) }
        let lower = roundedBound(minimumLowerBound(), .down, precision: precision)
        return RationalInterval(lo: lower, hi: Swift.max(atLo.hi, atHi.hi))
    }
}
