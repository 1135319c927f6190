internal import CFLINT
#if canImport(Glibc)
    import Glibc
#endif

/// FLINT's thread pool, sized once to the machine's cores (`flint_set_num_threads`).
enum FlintThreads {
    /// The number of cores FLINT may use (>= 1); the pool is created on first use.
    static let cores: Int = {
        let online = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let n = Swift.max(1, Swift.min(online, 64))
        flint_set_num_threads(Int32(n))
        return n
    }()

    /// Frees the calling thread's cache of FLINT's big integers (`_fmpz_cleanup`): FLINT
    /// keeps every freed GMP integer of up to 64 limbs, with its limbs, for reuse by the same
    /// thread, so the entries of a chain product's freed intermediates would otherwise stay
    /// allocated after the product (5 MB on a float32 128×128 chain of 16 layers; peak
    /// memory, issue 15). Integers still in use are not touched.
    static func releaseCachedIntegers() {
        _fmpz_cleanup()
    }

    /// Runs `body` with FLINT allowed `workers` extra threads on the calling thread
    /// (`_flint_set_num_workers`, thread-local), restoring single-threaded FLINT after.
    static func with<R>(workers: Int, _ body: () -> R) -> R {
        _ = cores
        _flint_set_num_workers(Int32(workers))
        defer { _flint_set_num_workers(0) }
        return body()
    }
}

extension IntegerMatrix {
    /// The product (`fmpz_mat_mul`: classical, word-size, Strassen or multimodular by FLINT's
    /// own size thresholds), on all cores for large operands.
    /// Precondition: lhs.columns == rhs.rows.
    public static func * (lhs: IntegerMatrix, rhs: IntegerMatrix) -> IntegerMatrix {
        multiplied(lhs, rhs, workers: FlintThreads.cores - 1)
    }

    static func multiplied(_ lhs: IntegerMatrix, _ rhs: IntegerMatrix, workers: Int) -> IntegerMatrix {
        precondition(
            lhs.columns == rhs.rows,
            "IntegerMatrix product of \(lhs.rows)×\(lhs.columns) and \(rhs.rows)×\(rhs.columns)")
        let out = IntegerMatrixStorage(rows: lhs.rows, columns: rhs.columns)
        if lhs.rows > 0 && rhs.columns > 0 && lhs.columns > 0 {
            withExtendedLifetime((lhs.storage, rhs.storage)) {
                FlintThreads.with(workers: workers) {
                    fmpz_mat_mul(out.pointer, lhs.storage.pointer, rhs.storage.pointer)
                }
            }
        }
        return IntegerMatrix(storage: out)
    }

    /// How a chain of products is taken (`product(_:order:)`).
    public enum ProductOrder: Sendable {
        /// Neighbours first, then pairs of those: A₁A₂, A₃A₄, … then (A₁A₂)(A₃A₄), …. Entries
        /// grow in balanced steps.
        case balancedTree
        /// From the right: Aₖ₋₁Aₖ, then Aₖ₋₂(Aₖ₋₁Aₖ), …: each product on all cores.
        case rightToLeft
    }

    /// The product A₁A₂⋯Aₖ of a chain. Preconditions: the chain is not empty; neighbours'
    /// shapes agree. The factors are consumed: each is freed once its product is formed.
    ///
    /// The balanced tree is the one that pairs neighbours level by level (A₁A₂, A₃A₄, …, an
    /// odd last factor carried up), taken depth first: a subtree over k factors splits into the
    /// largest power of two below k on the left and the rest on the right, so the products
    /// and their sizes are those of the level-by-level order, but only one partial product
    /// per level is alive at a time, not a whole level of them, and one product is formed at a
    /// time, on all cores (FLINT's threads), not two side by side each with its own work space
    /// (peak memory; issue 15: 8-10% lower on float32 128×128 chains, same CPU time).
    public static func product(_ factors: consuming [IntegerMatrix], order: ProductOrder = .balancedTree)
        -> IntegerMatrix
    {
        var level = consume factors
        precondition(!level.isEmpty, "IntegerMatrix.product needs at least one factor")
        for (a, b) in zip(level, level.dropFirst()) {
            precondition(
                a.columns == b.rows,
                "IntegerMatrix.product: a \(a.rows)×\(a.columns) factor before a \(b.rows)×\(b.columns) one")
        }
        switch order {
        case .rightToLeft:
            var result = level.removeLast()
            while let a = level.popLast() { result = a * result }
            return result
        case .balancedTree:
            var slots = level.map { Optional($0) }
            level = []
            let result = treeProduct(&slots, 0..<slots.count)
            FlintThreads.releaseCachedIntegers()
            return result
        }
    }

    /// The product of the factors in `range` (not empty), each taken out of `slots` (and so
    /// released by the chain) when its subtree uses it: the left subtree over the largest
    /// power of two below `range.count` factors, then the right over the rest, then their
    /// product.
    private static func treeProduct(_ slots: inout [IntegerMatrix?], _ range: Range<Int>) -> IntegerMatrix {
        if range.count == 1 {
            let factor = slots[range.lowerBound]!
            slots[range.lowerBound] = nil
            return factor
        }
        var leftCount = 1
        while leftCount * 2 < range.count { leftCount *= 2 }
        let split = range.lowerBound + leftCount
        let left = treeProduct(&slots, range.lowerBound..<split)
        let right = treeProduct(&slots, split..<range.upperBound)
        return left * right
    }
}

/// A buffer whose disjoint elements are written from several threads (each index by exactly
/// one iteration of `concurrentPerform`, as `quotients(by:rows:columns:)` does).
struct UnsafeSendableBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
    init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }
}
