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
        case .general(let t):
            return Polynomial(representation: .general(t.withCoefficients(t.coefficients.map { -$0 })))
        }
    }

    /// In-place sum: a sorted merge of the two term lists, dropping cancelled terms.
    public static func += (lhs: inout Polynomial, rhs: Polynomial) {
        lhs.accumulate(rhs, negated: false)
    }

    /// In-place difference.
    public static func -= (lhs: inout Polynomial, rhs: Polynomial) {
        lhs.accumulate(rhs, negated: true)
    }

    /// self ± other, in place. O(n₁ + n₂).
    mutating func accumulate(_ other: Polynomial, negated: Bool) {
        switch (representation, other.representation) {
        case (_, .constant(let b)) where b.isZero:
            return
        case (.constant(let a), .constant(let b)):
            representation = .constant(negated ? a - b : a + b)
        case (.general(let t), .constant(let b)):
            self = t.adding(constant: negated ? -b : b)
        case (.constant(let a), .general):
            let b = negated ? -other : other
            if a.isZero { self = b; return }
            guard case .general(let t) = b.representation else { return }
            self = t.adding(constant: a)
        case (.general(let a), .general(let b)):
            self = PackedTerms.sum(a, b, negatingB: negated)
        }
    }

    /// Product; constant factors scale coefficients. O(n₁·n₂) term products, by the heap
    /// kernel (`ProductKernel`).
    public static func * (lhs: Polynomial, rhs: Polynomial) -> Polynomial {
        switch (lhs.representation, rhs.representation) {
        case (.constant(let a), .constant(let b)):
            return Polynomial(a * b)
        case (.constant(let a), _):
            return rhs.scaled(by: a)
        case (_, .constant(let b)):
            return lhs.scaled(by: b)
        case (.general, .general):
            return ProductKernel.sumOfProducts([(KernelOperand(lhs), KernelOperand(rhs))])
        }
    }

    /// c · self: every coefficient times c (zero when c is zero).
    public func scaled(by c: Rational) -> Polynomial {
        if c.isZero { return .zero }
        if c.isOne { return self }
        switch representation {
        case .constant(let a): return Polynomial(a * c)
        case .general(let t):
            return Polynomial(representation: .general(t.withCoefficients(t.coefficients.map { $0 * c })))
        }
    }

    /// self^n by repeated squaring; self^0 = 1 (also for zero). Precondition: n >= 0.
    public func power(_ n: Int) -> Polynomial {
        precondition(n >= 0, "Polynomial.power needs a non-negative exponent")
        if let c = constantValue { return Polynomial(c.power(n)) }
        if case .general(let t) = representation, t.count == 1 {
            return Polynomial(coefficient: t.coefficients[0].power(n), monomial: t.monomial(at: 0).power(n))
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
