internal import CGMP

/// An exact rational number p/q: a value type, copy-on-write, over a GMP `mpq_t` or, when p
/// and q fit machine words, the two words themselves.
///
/// Invariant (checked by `checkInvariants()`): always canonical, q > 0 and gcd(p, q) = 1, so
/// equal values have equal parts, equal hashes and equal printed forms (`-3/4`, `5`).
///
/// Small values (Int.min < p <= Int.max, 0 < q <= Int.max) built from machine integers, as
/// the spec reader builds every short literal, are stored inline in 24 bytes with no
/// allocation: a 512×512 layer of float32 weights is 6 MB instead of about 40 MB of GMP
/// objects. GMP reads them through a read-only `mpq_t` on the stack (`withMPQ`). Results of
/// arithmetic are GMP rationals; both forms compare, hash and print alike.
///
/// `@unchecked Sendable`: the GMP storage (a `ManagedBuffer`, which cannot be `Sendable`) is
/// never written while shared; every mutation first makes it unique (copy-on-write).
public struct Rational: @unchecked Sendable {
    /// The GMP rational, or nil when the value is the inline `small` pair.
    var big: RationalStorage?
    /// Numerator of an inline value (meaningless when `big` is set).
    var smallNumerator: Int
    /// Denominator of an inline value, > 0 (meaningless when `big` is set).
    var smallDenominator: Int

    init(storage: RationalStorage) {
        big = storage
        smallNumerator = 0
        smallDenominator = 1
    }

    /// An inline value. Precondition (the caller's): canonical, numerator != Int.min,
    /// denominator > 0.
    init(small numerator: Int, _ denominator: Int) {
        big = nil
        smallNumerator = numerator
        smallDenominator = denominator
    }

    /// Zero.
    public init() { self.init(small: 0, 1) }

    /// The integer `value`.
    public init(_ value: Int) {
        if value != .min {
            self.init(small: value, 1)
        } else {
            self.init(storage: RationalStorage.make())
            __gmpq_set_si(big!.pointer, value, 1)
        }
    }

    /// The integer `value`.
    public init(_ value: BigInt) {
        if let word = value.exactInt, word != .min {
            self.init(small: word, 1)
            return
        }
        self.init(storage: RationalStorage.make())
        __gmpq_set_z(big!.pointer, value.storage.pointer)
    }

    /// numerator/denominator in lowest terms with a positive denominator (`mpq_canonicalize`).
    /// Precondition: denominator is not zero.
    public init(numerator: BigInt, denominator: BigInt) {
        precondition(!denominator.isZero, "Rational with a zero denominator")
        if let n = numerator.exactInt, let d = denominator.exactInt {
            self.init(n, d)
            return
        }
        self.init(storage: RationalStorage.make())
        let p = big!.pointer
        __gmpz_set(cgmp_mpq_numref(p), numerator.storage.pointer)
        __gmpz_set(cgmp_mpq_denref(p), denominator.storage.pointer)
        __gmpq_canonicalize(p)
    }

    /// n/d for machine integers. Precondition: d is not zero.
    public init(_ n: Int, _ d: Int) {
        precondition(d != 0, "Rational with a zero denominator")
        if n != .min, d != .min {
            var a = n.magnitude, b = d.magnitude
            while b != 0 { (a, b) = (b, a % b) }
            let g = Int(a)
            var p = n / g, q = d / g
            if q < 0 { p = -p; q = -q }
            self.init(small: p, q)
            return
        }
        self.init(storage: RationalStorage.make())
        let r = big!.pointer
        __gmpz_set_si(cgmp_mpq_numref(r), n)
        __gmpz_set_si(cgmp_mpq_denref(r), d)
        __gmpq_canonicalize(r)
    }

    /// Runs `body` with an `mpq_srcptr` of the value: the GMP rational, or for an inline
    /// value a read-only `mpq_t` on the stack whose limbs are the two words (like
    /// `mpz_roinit_n`). The pointer is valid only during `body` and must not be written.
    @inline(__always)
    func withMPQ<R>(_ body: (UnsafePointer<__mpq_struct>) throws -> R) rethrows -> R {
        if let big {
            return try withExtendedLifetime(big) { try body(big.pointer) }
        }
        var limbs: (mp_limb_t, mp_limb_t) = (mp_limb_t(smallNumerator.magnitude), mp_limb_t(smallDenominator))
        let sign: Int32 = smallNumerator == 0 ? 0 : (smallNumerator < 0 ? -1 : 1)
        return try withUnsafeMutableBytes(of: &limbs) { raw in
            let l = raw.baseAddress!.assumingMemoryBound(to: mp_limb_t.self)
            var q = __mpq_struct(
                _mp_num: __mpz_struct(_mp_alloc: 0, _mp_size: sign, _mp_d: l),
                _mp_den: __mpz_struct(_mp_alloc: 0, _mp_size: 1, _mp_d: l + 1))
            return try withUnsafePointer(to: &q) { try body($0) }
        }
    }

    /// The GMP rational that `body` sets (always canonical by the caller's operation).
    static func make(_ body: (UnsafeMutablePointer<__mpq_struct>) -> Void) -> Rational {
        let result = RationalStorage.make()
        body(result.pointer)
        return Rational(storage: result)
    }

    /// Zero.
    public static var zero: Rational { Rational() }
    /// One.
    public static var one: Rational { Rational(small: 1, 1) }

    /// The numerator p (carries the sign).
    public var numerator: BigInt {
        if big == nil { return BigInt(smallNumerator) }
        return withMPQ { q in BigInt.make { __gmpz_set($0, cgmp_mpq_numref_const(q)) } }
    }
    /// The denominator q > 0.
    public var denominator: BigInt {
        if big == nil { return BigInt(smallDenominator) }
        return withMPQ { q in BigInt.make { __gmpz_set($0, cgmp_mpq_denref_const(q)) } }
    }

    /// -1, 0 or 1 (`mpq_sgn`).
    public var signum: Int {
        if let big { return Int(cgmp_mpq_sgn(big.pointer)) }
        return smallNumerator.signum()
    }
    /// Whether this is 0.
    public var isZero: Bool { signum == 0 }
    /// Whether this is 1.
    public var isOne: Bool {
        if let big { return __gmpq_cmp_si(big.pointer, 1, 1) == 0 }
        return smallNumerator == 1 && smallDenominator == 1
    }
    /// Whether the denominator is 1.
    public var isInteger: Bool {
        if let big { return __gmpz_cmp_si(cgmp_mpq_denref_const(big.pointer), 1) == 0 }
        return smallDenominator == 1
    }

    /// Verifies the canonical-form invariant: denominator > 0 and gcd(num, den) = 1.
    public func checkInvariants() -> Bool {
        let num = numerator, den = denominator
        return den.signum > 0 && BigInt.gcd(num, den).isOne || (num.isZero && den.isOne)
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    /// An integer literal.
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Rational: Equatable, Hashable, Comparable {
    /// Value equality (`mpq_equal` on canonical parts).
    public static func == (lhs: Rational, rhs: Rational) -> Bool {
        if lhs.big == nil, rhs.big == nil {
            return lhs.smallNumerator == rhs.smallNumerator && lhs.smallDenominator == rhs.smallDenominator
        }
        return lhs.withMPQ { a in rhs.withMPQ { b in __gmpq_equal(a, b) != 0 } }
    }
    /// Numeric order (`mpq_cmp`).
    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        lhs.withMPQ { a in rhs.withMPQ { b in __gmpq_cmp(a, b) < 0 } }
    }
    /// Hashes the sign and limbs of the canonical numerator and denominator (the same for
    /// both storage forms).
    public func hash(into hasher: inout Hasher) {
        withMPQ { q in
            let p = cgmp_mpq_numref_const(q), d = cgmp_mpq_denref_const(q)
            hasher.combine(cgmp_mpz_sgn(p))
            let n = cgmp_mpz_size(p), m = cgmp_mpz_size(d)
            hasher.combine(n)
            for i in 0..<n { hasher.combine(cgmp_mpz_limb(p, i)) }
            hasher.combine(m)
            for i in 0..<m { hasher.combine(cgmp_mpz_limb(d, i)) }
        }
    }
}

extension Rational {
    /// Package-internal access to the GMP rational, for modules built on GMP (MPFR enclosures).
    package func withUnsafeMPQ<R>(_ body: (UnsafeRawPointer) throws -> R) rethrows -> R {
        try withMPQ { try body(UnsafeRawPointer($0)) }
    }
    /// Package-internal: a rational from a GMP rational that `fill` sets; canonicalised after.
    package static func fromMPQ(_ fill: (UnsafeMutableRawPointer) -> Void) -> Rational {
        make { p in
            fill(UnsafeMutableRawPointer(p))
            __gmpq_canonicalize(p)
        }
    }
}
