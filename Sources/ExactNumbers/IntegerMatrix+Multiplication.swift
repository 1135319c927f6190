internal import CFLINT
import Dispatch
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
    /// allocated, per thread, after the product (5 MB on a float32 128×128 chain of 16 layers;
    /// peak memory, issue 15). Integers still in use are not touched.
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
        /// grow in balanced steps, and independent subtrees run on separate cores.
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
    /// per level of each running subtree is alive at a time, not a whole level of them (peak
    /// memory; issue 15). The two subtrees of a split run on separate cores while cores are
    /// left; the product that joins them uses them all.
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
            let slots = ChainSlots(level)
            level = []
            let result = slots.product(0..<slots.count, threads: FlintThreads.cores)
            FlintThreads.releaseCachedIntegers()
            return result
        }
    }
}

/// The factors of a chain product, each taken out (and so released by the chain) when its
/// subtree uses it; disjoint ranges are read from separate threads.
private final class ChainSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<IntegerMatrix?>
    let count: Int

    init(_ factors: [IntegerMatrix]) {
        slots = .allocate(capacity: factors.count)
        _ = slots.initialize(from: factors.lazy.map { $0 })
        count = factors.count
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    /// Factor k, removed from the chain (each index is taken exactly once).
    private func take(_ k: Int) -> IntegerMatrix {
        let factor = slots[k]!
        slots[k] = nil
        return factor
    }

    /// The product of the factors in `range` (not empty) on `threads` cores: the left subtree
    /// over the largest power of two below `range.count` factors, the right over the rest,
    /// side by side when both have products to form and there are cores for both.
    func product(_ range: Range<Int>, threads: Int) -> IntegerMatrix {
        if range.count == 1 { return take(range.lowerBound) }
        var leftCount = 1
        while leftCount * 2 < range.count { leftCount *= 2 }
        let split = range.lowerBound + leftCount
        let left: IntegerMatrix, right: IntegerMatrix
        if threads > 1 && range.upperBound - split > 1 {
            let leftThreads = threads / 2, rightThreads = threads - threads / 2
            let results = UnsafeMutableBufferPointer<IntegerMatrix?>.allocate(capacity: 2)
            results.initialize(repeating: nil)
            let out = UnsafeSendableBuffer(results)
            DispatchQueue.concurrentPerform(iterations: 2) { side in
                out.base[side] =
                    side == 0
                    ? self.product(range.lowerBound..<split, threads: leftThreads)
                    : self.product(split..<range.upperBound, threads: rightThreads)
                // This thread's cache holds the subtree's freed intermediates.
                FlintThreads.releaseCachedIntegers()
            }
            left = results[0]!
            right = results[1]!
            _ = results.deinitialize()
            results.deallocate()
        } else {
            // One side has no product to form (a single factor) or there is one core: in turn,
            // each on every core.
            left = product(range.lowerBound..<split, threads: threads)
            right = product(split..<range.upperBound, threads: threads)
        }
        return IntegerMatrix.multiplied(left, right, workers: threads - 1)
    }
}

/// A buffer whose disjoint elements are written from several threads (each index by exactly
/// one iteration of `concurrentPerform`).
struct UnsafeSendableBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
    init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }
}
