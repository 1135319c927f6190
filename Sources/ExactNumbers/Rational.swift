internal import CGMP

/// An exact rational number p/q: a value type over a GMP `mpq_t`, copy-on-write.
///
/// Invariant (checked by `checkInvariants()`): always canonical, q > 0 and gcd(p, q) = 1, so
/// equal values have equal parts, equal hashes and equal printed forms (`-3/4`, `5`).
public struct Rational: Sendable {
    var storage: RationalStorage

    init(storage: RationalStorage) { self.storage = storage }

    /// Zero.
    public init() { storage = RationalStorage() }

    /// The integer `value`.
    public init(_ value: Int) {
        storage = RationalStorage()
        __gmpq_set_si(storage.pointer, value, 1)
    }

    /// The integer `value`.
    public init(_ value: BigInt) {
        storage = RationalStorage()
        __gmpq_set_z(storage.pointer, value.storage.pointer)
    }

    /// numerator/denominator in lowest terms with a positive denominator (`mpq_canonicalize`).
    /// Precondition: denominator is not zero.
    public init(numerator: BigInt, denominator: BigInt) {
        precondition(!denominator.isZero, "Rational with a zero denominator")
        storage = RationalStorage()
        let p = storage.pointer
        __gmpz_set(cgmp_mpq_numref(p), numerator.storage.pointer)
        __gmpz_set(cgmp_mpq_denref(p), denominator.storage.pointer)
        __gmpq_canonicalize(p)
    }

    /// n/d for machine integers. Precondition: d is not zero.
    public init(_ n: Int, _ d: Int) {
        self.init(numerator: BigInt(n), denominator: BigInt(d))
    }

    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = RationalStorage(copying: storage)
        }
    }

    static func make(_ body: (UnsafeMutablePointer<__mpq_struct>) -> Void) -> Rational {
        let result = RationalStorage()
        body(result.pointer)
        return Rational(storage: result)
    }

    /// Zero.
    public static var zero: Rational { Rational() }
    /// One.
    public static var one: Rational { Rational(1) }

    /// The numerator p (carries the sign).
    public var numerator: BigInt {
        BigInt.make { __gmpz_set($0, cgmp_mpq_numref(storage.pointer)) }
    }
    /// The denominator q > 0.
    public var denominator: BigInt {
        BigInt.make { __gmpz_set($0, cgmp_mpq_denref(storage.pointer)) }
    }

    /// -1, 0 or 1 (`mpq_sgn`).
    public var signum: Int { Int(cgmp_mpq_sgn(storage.pointer)) }
    /// Whether this is 0.
    public var isZero: Bool { signum == 0 }
    /// Whether this is 1.
    public var isOne: Bool { __gmpq_cmp_si(storage.pointer, 1, 1) == 0 }
    /// Whether the denominator is 1.
    public var isInteger: Bool { __gmpz_cmp_si(cgmp_mpq_denref(storage.pointer), 1) == 0 }

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
        __gmpq_equal(lhs.storage.pointer, rhs.storage.pointer) != 0
    }
    /// Numeric order (`mpq_cmp`).
    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        __gmpq_cmp(lhs.storage.pointer, rhs.storage.pointer) < 0
    }
    /// Hashes the canonical numerator and denominator.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(numerator)
        hasher.combine(denominator)
    }
}

extension Rational {
    /// Package-internal access to the GMP rational, for modules built on GMP (MPFR enclosures).
    package func withUnsafeMPQ<R>(_ body: (UnsafeRawPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawPointer(storage.pointer))
    }
    /// Package-internal: a rational from a GMP rational that `fill` sets; canonicalised after.
    package static func fromMPQ(_ fill: (UnsafeMutableRawPointer) -> Void) -> Rational {
        make { p in
            fill(UnsafeMutableRawPointer(p))
            __gmpq_canonicalize(p)
        }
    }
}
