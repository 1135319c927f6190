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

/// Owns one GMP rational (`mpq_t`), stored in the object itself (one allocation, not two)
/// and cleared in `deinit`.
///
/// The `mpq_t` is the buffer's single tail element, at a fixed address for the object's
/// lifetime, so the same pointer can be handed to GMP as both source and destination.
final class RationalStorage: ManagedBuffer<Void, __mpq_struct> {
    /// A fresh zero, 0/1 (`mpq_init`).
    static func make() -> RationalStorage {
        let storage = unsafeDowncast(RationalStorage.create(minimumCapacity: 1) { _ in () }, to: RationalStorage.self)
        __gmpq_init(storage.pointer)
        return storage
    }

    /// A deep copy of `other` (`mpq_init` + `mpq_set`).
    static func make(copying other: RationalStorage) -> RationalStorage {
        let storage = make()
        __gmpq_set(storage.pointer, other.pointer)
        return storage
    }

    /// The `mpq_t`, valid while the object lives.
    var pointer: UnsafeMutablePointer<__mpq_struct> {
        withUnsafeMutablePointerToElements { $0 }
    }

    deinit {
        withUnsafeMutablePointerToElements { __gmpq_clear($0) }
    }
}
