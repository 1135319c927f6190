internal import CGMP

/// An arbitrary-precision integer: a value type over a GMP `mpz_t`, copy-on-write.
///
/// Equality, hashing and ordering are by value. Every mutating operation first makes its
/// storage unique, so copies never observe each other's changes.
public struct BigInt: Sendable {
    var storage: IntegerStorage

    init(storage: IntegerStorage) { self.storage = storage }

    /// Zero.
    public init() { storage = IntegerStorage() }

    /// The integer `value` (`mpz_set_si`).
    public init(_ value: Int) {
        storage = IntegerStorage()
        __gmpz_set_si(storage.pointer, value)
    }

    /// Makes `storage` uniquely referenced, deep-copying it when shared.
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = IntegerStorage(copying: storage)
        }
    }

    /// Runs `body` with a fresh result and returns it: the building block of every
    /// non-mutating operation.
    static func make(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInt {
        let result = IntegerStorage()
        body(result.pointer)
        return BigInt(storage: result)
    }

    /// Zero.
    public static var zero: BigInt { BigInt() }
    /// One.
    public static var one: BigInt { BigInt(1) }

    /// -1, 0 or 1 (`mpz_sgn`).
    public var signum: Int { Int(cgmp_mpz_sgn(storage.pointer)) }
    /// Whether this is 0.
    public var isZero: Bool { signum == 0 }
    /// Whether this is 1.
    public var isOne: Bool { __gmpz_cmp_si(storage.pointer, 1) == 0 }
    /// Whether this is odd.
    public var isOdd: Bool { cgmp_mpz_odd_p(storage.pointer) != 0 }

    /// The number of bits of |self| (`mpz_sizeinbase(_, 2)`); 0 for zero.
    public var bitWidth: Int { isZero ? 0 : Int(__gmpz_sizeinbase(storage.pointer, 2)) }

    /// The value as an `Int` when it fits (`mpz_fits_slong_p`), else nil: never truncates.
    public var exactInt: Int? {
        __gmpz_fits_slong_p(storage.pointer) != 0 ? __gmpz_get_si(storage.pointer) : nil
    }
}

extension BigInt: ExpressibleByIntegerLiteral {
    /// An integer literal.
    public init(integerLiteral value: Int) { self.init(value) }
}

extension BigInt: Equatable, Hashable, Comparable {
    /// Value equality (`mpz_cmp`).
    public static func == (lhs: BigInt, rhs: BigInt) -> Bool {
        __gmpz_cmp(lhs.storage.pointer, rhs.storage.pointer) == 0
    }

    /// Numeric order (`mpz_cmp`).
    public static func < (lhs: BigInt, rhs: BigInt) -> Bool {
        __gmpz_cmp(lhs.storage.pointer, rhs.storage.pointer) < 0
    }

    /// Hashes the sign and the limbs: equal values hash equal.
    public func hash(into hasher: inout Hasher) {
        let p = storage.pointer
        hasher.combine(cgmp_mpz_sgn(p))
        let n = cgmp_mpz_size(p)
        hasher.combine(n)
        for i in 0..<n { hasher.combine(cgmp_mpz_limb(p, i)) }
    }
}

extension BigInt {
    /// Package-internal access to the GMP integer, for modules built on GMP (MPFR enclosures).
    package func withUnsafeMPZ<R>(_ body: (UnsafeRawPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawPointer(storage.pointer))
    }

    /// Package-internal in-place access to the GMP integer; the storage is made unique first.
    package mutating func withUnsafeMutableMPZ<R>(_ body: (UnsafeMutableRawPointer) throws -> R) rethrows -> R {
        makeUnique()
        return try body(UnsafeMutableRawPointer(storage.pointer))
    }
}
