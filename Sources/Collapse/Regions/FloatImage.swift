import ExactNumbers

/// A `Double` image of an exact affine form c·x + d (c ∈ Qⁿ, d ∈ Q) that decides the sign of
/// the form at a point with `Double` coordinates (whose exact values are those dyadic
/// rationals) whenever rounding cannot change it, and says so when it can.
///
/// Each coefficient Cⱼ, D is a `Double` within 4u of the exact one relatively (u = 2⁻⁵³; the
/// word-size quotient p/q rounds three times, `nearestDouble` once). At a point P, with
/// S = fl(Σ Cⱼ·Pⱼ + D) and M = fl(Σ |Cⱼ·Pⱼ| + |D|) evaluated left to right,
///
///     |(c·P + d) − S| ≤ (4u + γₙ₊₁)·M / (1 − γₙ₊₁) ≤ E = (n + 8)·2⁻⁵²·M + 2⁻¹⁰⁰⁰,
///
/// γₖ = ku/(1 − ku) (Higham, *Accuracy and Stability of Numerical Algorithms*, §3.1; the
/// absolute term covers underflow). So S > E proves c·P + d > 0 and S < −E proves it < 0.
/// Anything else (|S| ≤ E, a value that is not finite, a non-zero exact coefficient whose
/// image underflows) is `nil`: the caller then evaluates exactly. No decision rests on an
/// unproved floating-point comparison.
struct FloatImage {
    /// The coefficients' images Cⱼ.
    let coefficients: [Double]
    /// The constant's image D.
    let constant: Double
    /// False when some exact value has no faithful image (too large, or too small to be
    /// represented with a relative error): every sign is then decided exactly.
    let usable: Bool

    /// The image of c·x + d.
    init(_ c: [Rational], _ d: Rational) {
        var images = [Double]()
        images.reserveCapacity(c.count)
        var usable = true
        for x in c {
            let v = Self.image(x)
            if v == nil { usable = false }
            images.append(v ?? 0)
        }
        let dImage = Self.image(d)
        if dImage == nil { usable = false }
        coefficients = images
        constant = dImage ?? 0
        self.usable = usable
    }

    private init(coefficients: [Double], constant: Double, usable: Bool) {
        self.coefficients = coefficients
        self.constant = constant
        self.usable = usable
    }

    /// The image of −(c·x + d): every value negated (exactly).
    var negated: FloatImage {
        FloatImage(coefficients: coefficients.map { -$0 }, constant: -constant, usable: usable)
    }

    /// A `Double` within 4u of r relatively, or nil (not finite, or r ≠ 0 with an image
    /// below 2⁻¹⁰⁰⁰ in magnitude, where the relative bound may fail).
    static func image(_ r: Rational) -> Double? {
        if r.isZero { return 0 }
        let v: Double?
        if let (p, q) = r.wordParts { v = Double(p) / Double(q) } else { v = r.nearestDouble }
        guard let v, v.isFinite, v.magnitude >= 0x1p-1000 else { return nil }
        return v
    }

    /// The sign (−1, 0 or 1) of c·P + d when the rounding error bound decides it (never 0:
    /// a zero is only ever found exactly), else nil.
    func sign(at point: [Double]) -> Int? {
        guard usable else { return nil }
        var s = constant
        var m = constant.magnitude
        for j in 0..<coefficients.count {
            let t = coefficients[j] * point[j]
            s += t
            m += t.magnitude
        }
        let e = Double(coefficients.count + 8) * 0x1p-52 * m + 0x1p-1000
        guard e.isFinite, s.isFinite else { return nil }
        if s > e { return 1 }
        if s < -e { return -1 }
        return nil
    }
}

/// A point known exactly, with its `Double` coordinates when they are exactly its value (so
/// `FloatImage.sign(at:)` applies to it).
struct SamplePoint {
    /// The exact coordinates.
    let exact: [Rational]
    /// The same coordinates as `Double`s, when each is exactly representable; else nil.
    let float: [Double]?

    /// The point `exact`, with `Double` coordinates when they represent it exactly.
    init(_ exact: [Rational]) {
        self.exact = exact
        var float = [Double]()
        float.reserveCapacity(exact.count)
        for x in exact {
            guard let (p, q) = x.wordParts, p.magnitude <= 1 << 53, q & (q - 1) == 0 else {
                self.float = Self.exactDoubles(exact)
                return
            }
            float.append(Double(p) / Double(q))
        }
        self.float = float
    }

    /// A point whose exact value is the given `Double` coordinates (finite).
    init(floats: [Double]) {
        self.float = floats
        self.exact = floats.map { Rational(exactly: $0)! }
    }

    /// The `Double`s equal to `exact`, when each is representable (checked exactly).
    private static func exactDoubles(_ exact: [Rational]) -> [Double]? {
        var result = [Double]()
        result.reserveCapacity(exact.count)
        for x in exact {
            guard let v = x.nearestDouble, v.isFinite, Rational(exactly: v) == x else { return nil }
            result.append(v)
        }
        return result
    }
}
