internal import CGMP

extension Rational {
    /// A GMP result of a binary operation on the two operands.
    @inline(__always)
    private static func binary(
        _ lhs: Rational, _ rhs: Rational,
        _ op: (UnsafeMutablePointer<__mpq_struct>, UnsafePointer<__mpq_struct>, UnsafePointer<__mpq_struct>) -> Void
    ) -> Rational {
        lhs.withMPQ { a in rhs.withMPQ { b in make { op($0, a, b) } } }
    }

    /// lhs = lhs op rhs, in place when lhs owns its GMP rational alone.
    @inline(__always)
    private static func assign(
        _ lhs: inout Rational, _ rhs: Rational,
        _ op: (UnsafeMutablePointer<__mpq_struct>, UnsafePointer<__mpq_struct>, UnsafePointer<__mpq_struct>) -> Void
    ) {
        if lhs.big != nil, isKnownUniquelyReferenced(&lhs.big) {
            let target = lhs.big!.pointer
            rhs.withMPQ { b in op(target, target, b) }
        } else {
            lhs = binary(lhs, rhs, op)
        }
    }

    /// Sum (`mpq_add`, result canonical).
    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        binary(lhs, rhs) { __gmpq_add($0, $1, $2) }
    }
    /// Difference (`mpq_sub`).
    public static func - (lhs: Rational, rhs: Rational) -> Rational {
        binary(lhs, rhs) { __gmpq_sub($0, $1, $2) }
    }
    /// Product (`mpq_mul`).
    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        binary(lhs, rhs) { __gmpq_mul($0, $1, $2) }
    }
    /// Quotient (`mpq_div`). Precondition: rhs is not zero (checked: GMP would raise SIGFPE).
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        precondition(!rhs.isZero, "Rational division by zero")
        return binary(lhs, rhs) { __gmpq_div($0, $1, $2) }
    }
    /// Negation (`mpq_neg`).
    public static prefix func - (x: Rational) -> Rational {
        if x.big == nil { return Rational(small: -x.smallNumerator, x.smallDenominator) }
        return x.withMPQ { a in make { __gmpq_neg($0, a) } }
    }

    /// In-place sum; copy-on-write.
    public static func += (lhs: inout Rational, rhs: Rational) {
        assign(&lhs, rhs) { __gmpq_add($0, $1, $2) }
    }
    /// In-place difference; copy-on-write.
    public static func -= (lhs: inout Rational, rhs: Rational) {
        assign(&lhs, rhs) { __gmpq_sub($0, $1, $2) }
    }
    /// In-place product; copy-on-write.
    public static func *= (lhs: inout Rational, rhs: Rational) {
        assign(&lhs, rhs) { __gmpq_mul($0, $1, $2) }
    }
    /// In-place quotient; copy-on-write. Precondition: rhs is not zero.
    public static func /= (lhs: inout Rational, rhs: Rational) {
        precondition(!rhs.isZero, "Rational division by zero")
        assign(&lhs, rhs) { __gmpq_div($0, $1, $2) }
    }

    /// 1/self (`mpq_inv`). Precondition: self is not zero.
    public var reciprocal: Rational {
        precondition(!isZero, "Rational division by zero (reciprocal of 0)")
        return withMPQ { a in Rational.make { __gmpq_inv($0, a) } }
    }

    /// |self| (`mpq_abs`).
    public var magnitude: Rational {
        if big == nil { return Rational(small: abs(smallNumerator), smallDenominator) }
        return withMPQ { a in Rational.make { __gmpq_abs($0, a) } }
    }

    /// self^exponent for any integer exponent (numerator and denominator by `mpz_pow_ui`).
    /// Precondition: self is not zero when exponent < 0.
    public func power(_ exponent: Int) -> Rational {
        // `exponent.magnitude`, not `-exponent`: power(Int.min) must not overflow (it is
        // meaningful for ±1).
        let base = exponent < 0 ? reciprocal : self
        let e = exponent.magnitude
        return base.withMPQ { b in
            Rational.make { p in
                __gmpz_pow_ui(cgmp_mpq_numref(p), cgmp_mpq_numref_const(b), e)
                __gmpz_pow_ui(cgmp_mpq_denref(p), cgmp_mpq_denref_const(b), e)
            }
        }
    }

    /// The greatest integer <= self (`mpz_fdiv_q`).
    public var floor: BigInt {
        withMPQ { q in BigInt.make { __gmpz_fdiv_q($0, cgmp_mpq_numref_const(q), cgmp_mpq_denref_const(q)) } }
    }
    /// The least integer >= self (`mpz_cdiv_q`).
    public var ceiling: BigInt {
        withMPQ { q in BigInt.make { __gmpz_cdiv_q($0, cgmp_mpq_numref_const(q), cgmp_mpq_denref_const(q)) } }
    }

    /// gcd of two rationals: the largest g > 0 with a/g and b/g integers,
    /// gcd(p1/q1, p2/q2) = gcd(p1, p2)/lcm(q1, q2); gcd(0, 0) = 0.
    public static func gcd(_ a: Rational, _ b: Rational) -> Rational {
        Rational(
            numerator: BigInt.gcd(a.numerator, b.numerator),
            denominator: BigInt.lcm(a.denominator, b.denominator))
    }

    /// Smaller of two values.
    public static func min(_ a: Rational, _ b: Rational) -> Rational { a < b ? a : b }
    /// Larger of two values.
    public static func max(_ a: Rational, _ b: Rational) -> Rational { a < b ? b : a }

    /// The bit size of the numerator plus that of the denominator: a measure of height.
    public var bitSize: Int { numerator.bitWidth + denominator.bitWidth }
}
