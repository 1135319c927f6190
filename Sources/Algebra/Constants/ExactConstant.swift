public import ExactNumbers
public import Enclosures

/// An exact real constant: a polynomial with rational coefficients in named constant atoms
/// (`ConstantAtom`: an activation at an exact argument, √n), in canonical form.
///
/// Canonical form (`reduced`): √ atoms appear to the power 0 or 1 and at most one per term
/// (√a·√b = g·√(ab/g²) with g = gcd(a, b), √n² = n), so a value in the rationals and square
/// roots alone has one form (the square roots of distinct square-free integers are linearly
/// independent over ℚ); function atoms keep their argument on one side of their reflection
/// identity (σ(−c) = 1 − σ(c), tanh and arctan odd, f(−c) = f(c) − c for softplus, silu,
/// gelu). Equal canonical forms are equal values. Unequal canonical forms may still be equal
/// values (no algebraic relations between transcendental atoms are known to the code):
/// `sign(upTo:)` then decides by enclosures, or says it cannot.
///
/// Printing (contract §4): `2*sigmoid(1) + 1`, `3/4*sqrt(2)`, a nested constant inside its
/// function's parentheses: `sigmoid(2*sigmoid(1) + 1)`.
public struct ExactConstant: Hashable, Sendable, CustomStringConvertible {
    /// The canonical polynomial; every symbol in it is a constant atom.
    public let polynomial: Polynomial

    /// The rational `value`.
    public init(_ value: Rational) { polynomial = Polynomial(value) }

    /// The atom itself.
    public init(_ atom: ConstantAtom) { polynomial = Polynomial(atom.symbol) }

    /// The constant a polynomial stands for, brought to canonical form; nil when some symbol
    /// is not a constant atom.
    public init?(_ polynomial: Polynomial) {
        guard polynomial.isConstantExpression else { return nil }
        self.polynomial = polynomial.reducingConstants()
    }

    init(canonical polynomial: Polynomial) { self.polynomial = polynomial }

    /// The zero constant.
    public static let zero = ExactConstant(Rational.zero)

    /// The value when it is rational (canonical form with no atom).
    public var rationalValue: Rational? { polynomial.constantValue }

    /// Whether the canonical form is 0 (then the value is 0).
    public var isZero: Bool { polynomial.isZero }

    /// Plain form per contract §4.
    public var description: String { polynomial.description }

    /// LaTeX form: `2 \sigma(1) + 1`, `\tfrac{3}{4} \sqrt{2}`.
    public var latex: String { polynomial.latex }

    /// Sum, difference, product, negation: exact, canonical.
    public static func + (a: ExactConstant, b: ExactConstant) -> ExactConstant {
        ExactConstant(canonical: a.polynomial + b.polynomial)
    }
    public static func - (a: ExactConstant, b: ExactConstant) -> ExactConstant {
        ExactConstant(canonical: a.polynomial - b.polynomial)
    }
    public static prefix func - (a: ExactConstant) -> ExactConstant { ExactConstant(canonical: -a.polynomial) }
    public static func * (a: ExactConstant, b: ExactConstant) -> ExactConstant {
        ExactConstant(canonical: (a.polynomial * b.polynomial).reducingConstants())
    }
    /// Division by a nonzero rational.
    public static func / (a: ExactConstant, r: Rational) -> ExactConstant {
        precondition(!r.isZero, "ExactConstant divided by zero")
        return ExactConstant(canonical: a.polynomial * Polynomial(r.reciprocal))
    }

    /// √r for a rational r >= 0, canonical: √(p/q) = √(p·q)/q with the square factors pulled
    /// out, so √8 = 2·√2, √(1/2) = 1/2·√2, √(9/4) = 3/2.
    public static func sqrt(_ r: Rational) -> ExactConstant {
        precondition(r.signum >= 0, "sqrt of a negative rational")
        if r.isZero { return .zero }
        let (s, m) = SquareFree.decompose(r.numerator * r.denominator)
        let factor = Rational(numerator: s, denominator: r.denominator)
        if m.isOne { return ExactConstant(factor) }
        return ExactConstant(canonical: Polynomial(factor) * Polynomial(ConstantAtom.squareRoot(m).symbol))
    }

    /// A rigorous enclosure of the value at `precision` bits (each atom enclosed by MPFR with
    /// directed rounding, combined by exact interval arithmetic, rounded outward): a point
    /// interval exactly when the value is rational.
    public func enclosure(precision: Int = Enclosure.defaultPrecision) -> RationalInterval {
        polynomial.constantEnclosure(precision: precision)
    }

    /// The sign of the value: from the canonical form when it has no atom, else from enclosures
    /// at 64, 128, ... bits up to `maximumPrecision` that exclude 0; nil when none does (the
    /// value may be 0; no finite precision proves a zero).
    public func sign(upTo maximumPrecision: Int = 4096) -> Int? {
        if let r = rationalValue { return r.signum }
        let found = Enclosure.refine(
            from: 64, upTo: maximumPrecision, { enclosure(precision: $0) },
            until: { !$0.contains(.zero) })
        return found.map { $0.lo.signum > 0 ? 1 : -1 }
    }

    /// The value compared with a rational `r` (sign of self − r), as `sign(upTo:)`.
    public func compare(with r: Rational, upTo maximumPrecision: Int = 4096) -> Int? {
        (self - ExactConstant(r)).sign(upTo: maximumPrecision)
    }

    /// An enclosure refined until its width is at most `relativeWidth`·|lower bound| and it
    /// excludes 0 (a nonzero value), or the point value; nil when the sign is undecided.
    public func separatingEnclosure(relativeWidth: Rational = Rational(1, 1 << 20), upTo maximumPrecision: Int = 4096)
        -> RationalInterval?
    {
        if let r = rationalValue { return RationalInterval(exactly: r) }
        return Enclosure.refine(
            from: 64, upTo: maximumPrecision, { enclosure(precision: $0) },
            until: { i in
                !i.contains(.zero) && (i.hi - i.lo) <= relativeWidth * Swift.min(i.lo.magnitude, i.hi.magnitude)
            })
    }
}

extension Polynomial {
    /// Whether every symbol is a constant atom (true for rationals).
    public var isConstantExpression: Bool {
        symbols.allSatisfy { ConstantAtom.of($0) != nil }
    }

    /// Whether some symbol is a constant atom.
    public var hasConstantAtoms: Bool {
        symbols.contains { ConstantAtom.of($0) != nil }
    }

    /// The same value with the √ atoms in canonical form (power at most 1, at most one per
    /// term): √a^e = a^⌊e/2⌋·√a^(e mod 2), √a·√b = g·√(ab/g²). Other symbols are untouched, so
    /// this applies to polynomials in inputs or weights with constant coefficients too.
    public func reducingConstants() -> Polynomial {
        guard isConstant == false else { return self }
        var roots = [Symbol: BigInt]()
        for s in symbols {
            if case .squareRoot(let n)? = ConstantAtom.of(s) { roots[s] = n }
        }
        if roots.isEmpty { return self }
        var out = [Monomial: Rational]()
        for (m, c) in terms {
            var rest = [Symbol: Int]()
            var radicand = BigInt(1)
            var coefficient = c
            for (s, e) in m.powers {
                guard let n = roots[s] else { rest[s] = e; continue }
                coefficient *= Rational(n).power(e / 2)
                if e % 2 == 1 {
                    let g = BigInt.gcd(radicand, n)
                    radicand = (radicand * n).dividedExactly(by: g * g)
                    coefficient *= Rational(g)
                }
            }
            if !radicand.isOne {
                let (s, m) = SquareFree.decompose(radicand)
                coefficient *= Rational(s)
                if !m.isOne { rest[ConstantAtom.squareRoot(m).symbol, default: 0] += 1 }
            }
            out[Monomial(rest), default: .zero] += coefficient
        }
        return Polynomial(terms: out)
    }

    /// A rigorous enclosure of a constant expression (every symbol a constant atom).
    func constantEnclosure(precision: Int) -> RationalInterval {
        if let c = constantValue { return RationalInterval(exactly: c) }
        let working = precision + 16
        var atoms = [Symbol: RationalInterval]()
        var total = RationalInterval(exactly: .zero)
        for (m, c) in terms {
            var product = RationalInterval(exactly: c)
            for (s, e) in m.powers {
                let x: RationalInterval
                if let known = atoms[s] {
                    x = known
                } else {
                    guard let atom = ConstantAtom.of(s) else { preconditionFailure("\(s) is not a constant atom") }
                    x = atom.enclosure(precision: working)
                    atoms[s] = x
                }
                for _ in 0..<e { product = Enclosure.outward(product * x, precision: working) }
            }
            total = total + product
        }
        return Enclosure.outward(total, precision: precision)
    }
}
