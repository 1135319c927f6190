internal import CGMP

/// Owns one GMP integer (`mpz_t`), allocated once and freed in `deinit`.
///
/// The struct lives at a fixed heap address so that the same pointer can be handed to GMP
/// as both source and destination (GMP permits aliasing; Swift's exclusivity rules would
/// not permit `&storage.value` twice in one call).
final class IntegerStorage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpz_struct>

    /// A fresh zero (`mpz_init`).
    init() {
        pointer = .allocate(capacity: 1)
        __gmpz_init(pointer)
    }

    /// A deep copy of `other` (`mpz_init_set`): never a struct copy of the limbs pointer.
    init(copying other: IntegerStorage) {
        pointer = .allocate(capacity: 1)
        __gmpz_init_set(pointer, other.pointer)
    }

    deinit {
        __gmpz_clear(pointer)
        pointer.deallocate()
    }
}

/// Owns one GMP rational (`mpq_t`), allocated once and freed in `deinit`.
final class RationalStorage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpq_struct>

    /// A fresh zero, 0/1 (`mpq_init`).
    init() {
        pointer = .allocate(capacity: 1)
        __gmpq_init(pointer)
    }

    /// A deep copy of `other` (`mpq_init` + `mpq_set`).
    init(copying other: RationalStorage) {
        pointer = .allocate(capacity: 1)
        __gmpq_init(pointer)
        __gmpq_set(pointer, other.pointer)
    }

    deinit {
        __gmpq_clear(pointer)
        pointer.deallocate()
    }
}
