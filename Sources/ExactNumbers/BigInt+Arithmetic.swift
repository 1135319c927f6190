internal import CGMP

extension BigInt {
    /// Sum (`mpz_add`).
    public static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
        make { __gmpz_add($0, lhs.storage.pointer, rhs.storage.pointer) }
    }
    /// Difference (`mpz_sub`).
    public static func - (lhs: BigInt, rhs: BigInt) -> BigInt {
        make { __gmpz_sub($0, lhs.storage.pointer, rhs.storage.pointer) }
    }
    /// Product (`mpz_mul`).
    public static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
        make { __gmpz_mul($0, lhs.storage.pointer, rhs.storage.pointer) }
    }
    /// Negation (`mpz_neg`).
    public static prefix func - (x: BigInt) -> BigInt {
        make { __gmpz_neg($0, x.storage.pointer) }
    }

    /// In-place sum; copy-on-write.
    public static func += (lhs: inout BigInt, rhs: BigInt) {
        let r = rhs.storage
        lhs.makeUnique()
        __gmpz_add(lhs.storage.pointer, lhs.storage.pointer, r.pointer)
    }
    /// In-place difference; copy-on-write.
    public static func -= (lhs: inout BigInt, rhs: BigInt) {
        let r = rhs.storage
        lhs.makeUnique()
        __gmpz_sub(lhs.storage.pointer, lhs.storage.pointer, r.pointer)
    }
    /// In-place product; copy-on-write.
    public static func *= (lhs: inout BigInt, rhs: BigInt) {
        let r = rhs.storage
        lhs.makeUnique()
        __gmpz_mul(lhs.storage.pointer, lhs.storage.pointer, r.pointer)
    }

    /// self += a·b in one step (`mpz_addmul`): the inner kernel of integer matrix products.
    public mutating func addProduct(_ a: BigInt, _ b: BigInt) {
        let (pa, pb) = (a.storage, b.storage)
        makeUnique()
        __gmpz_addmul(storage.pointer, pa.pointer, pb.pointer)
    }

    /// self −= a·b in one step (`mpz_submul`).
    public mutating func subtractProduct(_ a: BigInt, _ b: BigInt) {
        let (pa, pb) = (a.storage, b.storage)
        makeUnique()
        __gmpz_submul(storage.pointer, pa.pointer, pb.pointer)
    }

    /// Floor division and its remainder: q = ⌊a/b⌋, r = a − q·b with the sign of b
    /// (`mpz_fdiv_qr`). Precondition: `divisor` is not zero.
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!divisor.isZero, "BigInt division by zero")
        let q = IntegerStorage(), r = IntegerStorage()
        __gmpz_fdiv_qr(q.pointer, r.pointer, storage.pointer, divisor.storage.pointer)
        return (BigInt(storage: q), BigInt(storage: r))
    }

    /// Exact quotient a/b when b divides a (`mpz_divexact`): the caller guarantees divisibility,
    /// as in fraction-free elimination. Precondition: `divisor` is not zero.
    public func dividedExactly(by divisor: BigInt) -> BigInt {
        precondition(!divisor.isZero, "BigInt division by zero")
        return BigInt.make { __gmpz_divexact($0, storage.pointer, divisor.storage.pointer) }
    }

    /// Whether `divisor` divides self (`mpz_divisible_p`); 0 divides only 0.
    public func isDivisible(by divisor: BigInt) -> Bool {
        __gmpz_divisible_p(storage.pointer, divisor.storage.pointer) != 0
    }

    /// |self| (`mpz_abs`).
    public var magnitude: BigInt { BigInt.make { __gmpz_abs($0, storage.pointer) } }

    /// self^exponent (`mpz_pow_ui`). Precondition: exponent >= 0.
    public func power(_ exponent: Int) -> BigInt {
        precondition(exponent >= 0, "BigInt.power needs a non-negative exponent")
        return BigInt.make { __gmpz_pow_ui($0, storage.pointer, UInt(exponent)) }
    }

    /// self · 2^shift (`mpz_mul_2exp`). Precondition: shift >= 0.
    public func shiftedLeft(_ shift: Int) -> BigInt {
        precondition(shift >= 0)
        return BigInt.make { __gmpz_mul_2exp($0, storage.pointer, UInt(shift)) }
    }

    /// The greatest common divisor, always >= 0; gcd(0, 0) = 0 (`mpz_gcd`).
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        make { __gmpz_gcd($0, a.storage.pointer, b.storage.pointer) }
    }

    /// The least common multiple, always >= 0; lcm(a, 0) = 0 (`mpz_lcm`).
    public static func lcm(_ a: BigInt, _ b: BigInt) -> BigInt {
        make { __gmpz_lcm($0, a.storage.pointer, b.storage.pointer) }
    }
}
