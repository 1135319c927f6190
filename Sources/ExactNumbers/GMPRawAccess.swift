internal import CGMP

// Untyped access to the GMP objects, for the files that talk to FLINT (`CFLINT`): they pass
// GMP integers across as `void *`, so that no file imports both C modules (each owns a
// textual copy of gmp.h, and their `__mpz_struct` types would not be the same Swift type).

extension BigInt {
    /// Runs `body` with the untyped `mpz_srcptr` of self (kept alive for the call).
    func withRawMPZ<R>(_ body: (UnsafeRawPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) { try body(UnsafeRawPointer(storage.pointer)) }
    }

    /// A fresh integer that `fill` sets through its untyped `mpz_ptr`.
    static func fromRawMPZ(_ fill: (UnsafeMutableRawPointer) -> Void) -> BigInt {
        make { fill(UnsafeMutableRawPointer($0)) }
    }
}

extension Rational {
    /// Runs `body` with the untyped `mpz_srcptr` of the numerator (kept alive for the call).
    func withRawNumerator<R>(_ body: (UnsafeRawPointer) throws -> R) rethrows -> R {
        try withMPQ { try body(UnsafeRawPointer(cgmp_mpq_numref_const($0))) }
    }

    /// The denominator when it fits a machine word (`mpz_fits_ulong_p`), else nil.
    var denominatorWord: UInt? {
        guard let big else { return UInt(smallDenominator) }
        let d = cgmp_mpq_denref_const(big.pointer)
        return __gmpz_fits_ulong_p(d) != 0 ? __gmpz_get_ui(d) : nil
    }

    /// A rational whose numerator and denominator `fill` sets through untyped `mpz_ptr`s.
    /// Precondition (the caller's): the parts are already canonical (denominator > 0, coprime).
    static func fromCanonicalRawParts(
        _ fill: (_ numerator: UnsafeMutableRawPointer, _ denominator: UnsafeMutableRawPointer) -> Void
    ) -> Rational {
        make { q in fill(UnsafeMutableRawPointer(cgmp_mpq_numref(q)), UnsafeMutableRawPointer(cgmp_mpq_denref(q))) }
    }

    /// The lcm of the denominators of `values` (1 when all are integers). Word-size
    /// denominators already seen are skipped, so a matrix with few distinct denominators costs
    /// one `mpz_lcm` per distinct denominator.
    static func commonDenominator<C: Collection>(of values: C) -> BigInt where C.Element == Rational {
        let d = IntegerStorage()
        __gmpz_set_ui(d.pointer, 1)
        var seen = Set<UInt>()
        for x in values {
            if x.big == nil {
                let den = UInt(x.smallDenominator)
                if den == 1 || !seen.insert(den).inserted { continue }
                __gmpz_lcm_ui(d.pointer, d.pointer, den)
                continue
            }
            let den = cgmp_mpq_denref_const(x.big!.pointer)
            if __gmpz_cmp_ui(den, 1) == 0 { continue }
            if __gmpz_fits_ulong_p(den) != 0 {
                if !seen.insert(__gmpz_get_ui(den)).inserted { continue }
            }
            __gmpz_lcm(d.pointer, d.pointer, den)
        }
        return BigInt(storage: d)
    }
}

extension Rational {
    /// p/q mod m as a residue in 0..<m: p·q⁻¹ mod m (`mpz_fdiv_ui` on both parts, then the
    /// inverse by the extended Euclidean algorithm); nil when m divides q.
    /// Precondition: 1 < m < 2³² (so residue products fit a word).
    public func residue(modulo m: UInt) -> UInt? {
        precondition(m > 1 && m < 1 << 32, "Rational.residue(modulo:) needs 1 < m < 2^32")
        let (p, q) = withMPQ { x in
            (__gmpz_fdiv_ui(cgmp_mpq_numref_const(x), m), __gmpz_fdiv_ui(cgmp_mpq_denref_const(x), m))
        }
        if q == 1 { return p }
        guard let inverse = Rational.inverse(q, modulo: m) else { return nil }
        return p * inverse % m
    }

    /// a⁻¹ mod m, nil when gcd(a, m) != 1.
    static func inverse(_ a: UInt, modulo m: UInt) -> UInt? {
        var (r0, r1) = (Int(m), Int(a % m))
        var (t0, t1) = (0, 1)
        while r1 != 0 {
            let q = r0 / r1
            (r0, r1) = (r1, r0 - q * r1)
            (t0, t1) = (t1, t0 - q * t1)
        }
        guard r0 == 1 else { return nil }
        return UInt(t0 < 0 ? t0 + Int(m) : t0)
    }
}
