public import ExactNumbers

extension Polynomial: ExactRing {
    /// Sum; constants add as rationals. O(n₁ + n₂) terms.
    public static func + (lhs: Polynomial, rhs: Polynomial) -> Polynomial {
        var result = lhs
        result += rhs
        return result
    }

    /// Difference.
    public static func - (lhs: Polynomial, rhs: Polynomial) -> Polynomial {
        var result = lhs
        result -= rhs
        return result
    }

    /// Negation (every coefficient negated).
    public static prefix func - (operand: Polynomial) -> Polynomial {
        switch operand.representation {
        case .constant(let c): return Polynomial(-c)
        case .general(let t): return Polynomial(representation: .general(t.mapValues { -$0 }))
        }
    }

    /// In-place sum: adds rhs's terms into lhs's dictionary, dropping cancelled terms.
    public static func += (lhs: inout Polynomial, rhs: Polynomial) {
        lhs.accumulate(rhs, negated: false)
    }

    /// In-place difference.
    public static func -= (lhs: inout Polynomial, rhs: Polynomial) {
        lhs.accumulate(rhs, negated: true)
    }

    /// self ± other, in place.
    mutating func accumulate(_ other: Polynomial, negated: Bool) {
        if case .constant(let b) = other.representation {
            if b.isZero { return }
            switch representation {
            case .constant(let a):
                representation = .constant(negated ? a - b : a + b)
            case .general(var t):
                representation = .constant(.zero)  // release the dictionary so it is unique
                Polynomial.add(negated ? -b : b, to: .one, in: &t)
                self = Polynomial(representation: .general(t))  // still has a non-constant term
            }
            return
        }
        guard case .general(let otherTerms) = other.representation else { return }
        var t: [Monomial: Rational]
        switch representation {
        case .constant(let a):
            t = negated ? otherTerms.mapValues { -$0 } : otherTerms
            if !a.isZero { Polynomial.add(a, to: .one, in: &t) }
            self = Polynomial(representation: .general(t))
            return
        case .general(let mine):
            t = mine
        }
        representation = .constant(.zero)  // release the dictionary so it is unique
        t.reserveCapacity(t.count + otherTerms.count)
        for (m, c) in otherTerms { Polynomial.add(negated ? -c : c, to: m, in: &t) }
        self = Polynomial(normalizing: t)
    }

    /// t[m] += c, removing the entry when it cancels.
    static func add(_ c: Rational, to m: Monomial, in t: inout [Monomial: Rational]) {
        if let index = t.index(forKey: m) {
            t.values[index] += c
            if t.values[index].isZero { t.remove(at: index) }
        } else {
            t[m] = c
        }
    }

    /// Product; constant factors scale coefficients. O(n₁·n₂) coefficient products, by the
    /// term kernel (`TermAccumulator`).
    public static func * (lhs: Polynomial, rhs: Polynomial) -> Polynomial {
        switch (lhs.representation, rhs.representation) {
        case (.constant(let a), .constant(let b)):
            return Polynomial(a * b)
        case (.constant(let a), _):
            return rhs.scaled(by: a)
        case (_, .constant(let b)):
            return lhs.scaled(by: b)
        case (.general(let a), .general(let b)):
            // The term kernel: machine-integer coefficients while they fit, integer monomials.
            var acc = TermAccumulator(capacity: a.count * b.count)
            acc.addProduct(TermList(lhs), TermList(rhs))
            return acc.polynomial()
        }
    }

    /// c · self: every coefficient times c (zero when c is zero).
    public func scaled(by c: Rational) -> Polynomial {
        if c.isZero { return .zero }
        if c.isOne { return self }
        switch representation {
        case .constant(let a): return Polynomial(a * c)
        case .general(let t): return Polynomial(representation: .general(t.mapValues { $0 * c }))
        }
    }

    /// self^n by repeated squaring; self^0 = 1 (also for zero). Precondition: n >= 0.
    public func power(_ n: Int) -> Polynomial {
        precondition(n >= 0, "Polynomial.power needs a non-negative exponent")
        if let c = constantValue { return Polynomial(c.power(n)) }
        if case .general(let t) = representation, t.count == 1, let (m, c) = t.first {
            return Polynomial(coefficient: c.power(n), monomial: m.power(n))
        }
        var result = Polynomial.one, base = self, e = n
        while e > 0 {
            if e & 1 == 1 { result = result * base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return result
    }
}

extension Rational {
    /// self += a·b (no fused kernel for rationals in GMP; kept as one call for symmetry with
    /// `BigInt.addProduct`).
    mutating func addProduct(_ a: Rational, _ b: Rational) {
        self += a * b
    }
}
