public import ExactNumbers
public import Enclosures
public import Collapse
import Algebra
import NetworkModel

/// The one rule for showing an enclosure [lo, hi] to a person, in text and LaTeX.
///
/// An enclosure is printed with `d` significant digits, counted from the leading digit of
/// max(|lo|, |hi|) (its decimal exponent e, shared by both bounds), the lower bound rounded
/// down and the upper bound rounded up: the printed interval contains the true one. Where two
/// values are compared (the two sides of a witness, f(s + t) against f(s) + f(t)), `d` is the
/// fewest digits, at least `minimum`, at which the printed intervals of some coordinate are
/// disjoint whenever the enclosures are: the printed numbers themselves show that the sides
/// differ. Example: the sides of tanh(10⁻⁴⁰·x) at x = −1/2, y = 1 differ by about 2.5·10⁻¹²¹
/// and are printed with the ~81 significant digits it takes; 0.96402758 against 1.5231883
/// needs only 6.
public enum EnclosureDigits {
    /// The significant digits of a value shown alone, and the least shown in a comparison.
    public static let minimum = 6
    /// The most digits a comparison may ask for (enclosures closer than this are not shown apart).
    public static let maximum = 100_000

    /// `i` rounded outward to `digits` significant digits: integers `lo` ≤ `hi` with
    /// lo·10^scale ≤ i.lo and i.hi ≤ hi·10^scale, where scale = e − digits + 1 and e is the
    /// decimal exponent of max(|i.lo|, |i.hi|) (0 when both are 0).
    public static func rounded(_ i: RationalInterval, digits: Int) -> (
        lo: BigInt, hi: BigInt, scale: Int, exponent: Int
    ) {
        let magnitude = Swift.max(i.lo.magnitude, i.hi.magnitude)
        let e = magnitude.isZero ? 0 : decimalExponent(magnitude)
        let scale = e - digits + 1
        let unit = Rational(10).power(scale)
        return ((i.lo / unit).floor, (i.hi / unit).ceiling, scale, e)
    }

    /// The fewest significant digits (at least `minimum`) at which some coordinate whose
    /// enclosures are disjoint is printed as disjoint intervals (an exact value is printed
    /// exactly); `minimum` when no coordinate provably differs.
    public static func separating(_ a: [ExactValue], _ b: [ExactValue]) -> Int {
        let pairs = zip(a, b).filter { $0.provablyDiffers(from: $1) && ($0.interval != nil && $1.interval != nil) }
        guard !pairs.isEmpty else { return minimum }
        func separates(_ d: Int) -> Bool {
            pairs.contains { u, v in
                let p = printedBounds(u, d), q = printedBounds(v, d)
                return p.hi < q.lo || q.hi < p.lo
            }
        }
        var high = minimum
        while !separates(high) {
            guard high < maximum else { return maximum }
            high = Swift.min(high * 2, maximum)
        }
        var low = Swift.max(minimum, high / 2)
        if separates(low) { return low }
        // separates(low) is false, separates(high) is true.
        while high - low > 1 {
            let mid = (low + high) / 2
            if separates(mid) { high = mid } else { low = mid }
        }
        return high
    }

    /// The one precision of a whole report (text or LaTeX): the most significant digits any of
    /// its comparisons needs (`separating` for the three identity witnesses and for the scalar
    /// break of every non-affine activation of the network and of its simplified form), at
    /// least `minimum`. Every enclosure of the report is printed with it, so the reader meets
    /// one precision throughout and every compared pair is printed apart.
    public static func forReport(_ analysis: Analysis) -> Int {
        var needed = minimum
        for check in [analysis.affinity, analysis.additivity, analysis.homogeneity] {
            if let w = check.witness { needed = Swift.max(needed, separating(w.lhs, w.rhs)) }
        }
        var seen = Set<Activation>()
        for network in [analysis.network, analysis.normalization?.simplified].compactMap({ $0 }) {
            for layer in network.layers where seen.insert(layer.activation).inserted {
                if let brk = layer.activation.scalarBreak() {
                    needed = Swift.max(needed, separating([brk.lhs], [brk.rhs]))
                }
            }
        }
        return needed
    }

    /// The bounds as printed at `d` digits (exact values are printed exactly).
    static func printedBounds(_ v: ExactValue, _ d: Int) -> (lo: Rational, hi: Rational) {
        switch v {
        case .enclosed(let i):
            let r = rounded(i, digits: d)
            let unit = Rational(10).power(r.scale)
            return (Rational(r.lo) * unit, Rational(r.hi) * unit)
        default:
            let i = v.interval!
            return (i.lo, i.hi)
        }
    }

    /// The two bounds as decimal text at `digits` significant digits, and the power of ten
    /// they are multiplied by (nil: plain decimals). Plain decimals for exponents −5 to 15,
    /// else mantissas with one digit before the point (`5.0000000000000000000000000000000000000000000000000000000000000000000000000000000125`,
    /// exponent −41).
    public static func text(_ i: RationalInterval, digits: Int) -> (lo: String, hi: String, exponent: Int?) {
        let r = rounded(i, digits: digits)
        if (-5...15).contains(r.exponent) {
            return (decimal(r.lo, scale: r.scale), decimal(r.hi, scale: r.scale), nil)
        }
        // Mantissas n·10^(scale − e) with the shared exponent e.
        return (decimal(r.lo, scale: r.scale - r.exponent), decimal(r.hi, scale: r.scale - r.exponent), r.exponent)
    }

    /// `n·10^scale` written out: `-12.345`, `1200`.
    static func decimal(_ n: BigInt, scale: Int) -> String {
        let negative = n.signum < 0
        var digits = n.magnitude.description
        if scale >= 0 {
            if !n.isZero { digits += String(repeating: "0", count: scale) }
        } else {
            let places = -scale
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (negative ? "-" : "") + digits
    }

    /// floor(log10 r) for r > 0, exactly.
    static func decimalExponent(_ r: Rational) -> Int {
        // log10 2 ≈ 0.30103 gives a first guess within a few units; exact comparisons fix it.
        let bits = r.numerator.bitWidth - r.denominator.bitWidth
        var e = bits >= 0 ? bits * 30_103 / 100_000 : -((-bits * 30_103 + 99_999) / 100_000)
        let ten = Rational(10)
        while ten.power(e) > r { e -= 1 }
        while ten.power(e + 1) <= r { e += 1 }
        return e
    }
}

extension ExactValue {
    /// For a person: the exact rational, or `[lo, hi]` rounded outward to `digits`
    /// significant digits (`EnclosureDigits`), in plain decimals or as `[5.0000e-41, 5.0001e-41]`.
    public func humanText(digits: Int = EnclosureDigits.minimum) -> String {
        switch self {
        case .exact(let r): return r.description
        case .symbolic(let p): return p.description
        case .enclosed(let i):
            let t = EnclosureDigits.text(i, digits: digits)
            let suffix = t.exponent.map { "e\($0)" } ?? ""
            return "[\(t.lo)\(suffix), \(t.hi)\(suffix)]"
        }
    }
}
