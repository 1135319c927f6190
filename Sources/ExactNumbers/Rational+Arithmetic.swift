internal import CGMP

extension Rational {
    /// Sum (`mpq_add`, result canonical).
    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        make { __gmpq_add($0, lhs.storage.pointer, rhs.storage.pointer) }
    }
    /// Difference (`mpq_sub`).
    public static func - (lhs: Rational, rhs: Rational) -> Rational {
        make { __gmpq_sub($0, lhs.storage.pointer, rhs.storage.pointer) }
    }
    /// Product (`mpq_mul`).
    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        make { __gmpq_mul($0, lhs.storage.pointer, rhs.storage.pointer) }
    }
    /// Quotient (`mpq_div`). Precondition: rhs is not zero (checked: GMP would raise SIGFPE).
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        precondition(!rhs.isZero, "Rational division by zero")
        return make { __gmpq_div($0, lhs.storage.pointer, rhs.storage.pointer) }
    }
    /// Negation (`mpq_neg`).
    public static prefix func - (x: Rational) -> Rational {
        make { __gmpq_neg($0, x.storage.pointer) }
    }

    /// In-place sum; copy-on-write.
    public static func += (lhs: inout Rational, rhs: Rational) {
        let r = rhs.storage
        lhs.makeUnique()
        __gmpq_add(lhs.storage.pointer, lhs.storage.pointer, r.pointer)
    }
    /// In-place difference; copy-on-write.
    public static func -= (lhs: inout Rational, rhs: Rational) {
        let r = rhs.storage
        lhs.makeUnique()
        __gmpq_sub(lhs.storage.pointer, lhs.storage.pointer, r.pointer)
    }
    /// In-place product; copy-on-write.
    public static func *= (lhs: inout Rational, rhs: Rational) {
        let r = rhs.storage
        lhs.makeUnique()
        __gmpq_mul(lhs.storage.pointer, lhs.storage.pointer, r.pointer)
    }
    /// In-place quotient; copy-on-write. Precondition: rhs is not zero.
    public static func /= (lhs: inout Rational, rhs: Rational) {
        precondition(!rhs.isZero, "Rational division by zero")
        let r = rhs.storage
        lhs.makeUnique()
        __gmpq_div(lhs.storage.pointer, lhs.storage.pointer, r.pointer)
    }

    /// 1/self (`mpq_inv`). Precondition: self is not zero.
    public var reciprocal: Rational {
        precondition(!isZero, "Rational division by zero (reciprocal of 0)")
        return Rational.make { __gmpq_inv($0, storage.pointer) }
    }

    /// |self| (`mpq_abs`).
    public var magnitude: Rational { Rational.make { __gmpq_abs($0, storage.pointer) } }

    /// self^exponent for any integer exponent (numerator and denominator by `mpz_pow_ui`).
    /// Precondition: self is not zero when exponent < 0.
    public func power(_ exponent: Int) -> Rational {
        // `exponent.magnitude`, not `-exponent`: power(Int.min) must not overflow (it is
        // meaningful for ±1).
        let base = exponent < 0 ? reciprocal : self
        let e = exponent.magnitude
        return Rational.make { p in
            __gmpz_pow_ui(cgmp_mpq_numref(p), cgmp_mpq_numref(base.storage.pointer), e)
            __gmpz_pow_ui(cgmp_mpq_denref(p), cgmp_mpq_denref(base.storage.pointer), e)
        }
    }

    /// The greatest integer <= self (`mpz_fdiv_q`).
    public var floor: BigInt {
        BigInt.make { __gmpz_fdiv_q($0, cgmp_mpq_numref(storage.pointer), cgmp_mpq_denref(storage.pointer)) }
    }
    /// The least integer >= self (`mpz_cdiv_q`).
    public var ceiling: BigInt {
        BigInt.make { __gmpz_cdiv_q($0, cgmp_mpq_numref(storage.pointer), cgmp_mpq_denref(storage.pointer)) }
    }

    /// gcd of two rationals: the largest g > 0 with a/g and b/g integers,
    /// gcd(p1/q1, p2/q2) = gcd(p1, p2)/lcm(q1, q2); gcd(0, 0) = 0.
    public static func gcd(_ a: Rational, _ b: Rational) -> Rational {
        Rational(numerator: BigInt.gcd(a.numerator, b.numerator),
                 denominator: BigInt.lcm(a.denominator, b.denominator))
    }

    /// Smaller of two values.
    public static func min(_ a: Rational, _ b: Rational) -> Rational { a < b ? a : b }
    /// Larger of two values.
    public static func max(_ a: Rational, _ b: Rational) -> Rational { a < b ? b : a }

    /// The bit size of the numerator plus that of the denominator: a measure of height.
    public var bitSize: Int { numerator.bitWidth + denominator.bitWidth }
}
