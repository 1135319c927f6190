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
        /// grow in balanced steps, and the products of one level run on separate cores.
        case balancedTree
        /// From the right: Aₖ₋₁Aₖ, then Aₖ₋₂(Aₖ₋₁Aₖ), …: each product on all cores.
        case rightToLeft
    }

    /// The product A₁A₂⋯Aₖ of a chain. Intermediate products are freed as soon as the next
    /// level is formed. Preconditions: the chain is not empty; neighbours' shapes agree.
    /// The factors are consumed, so that each level can be freed before the next is formed.
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
            while level.count > 1 {
                let pairs = level.count / 2
                var next = [IntegerMatrix?](repeating: nil, count: pairs)
                if pairs == 1 || FlintThreads.cores == 1 {
                    for k in 0..<pairs { next[k] = level[2 * k] * level[2 * k + 1] }
                } else {
                    // One product per core; FLINT single-threaded inside each.
                    let current = level
                    next.withUnsafeMutableBufferPointer { slots in
                        let out = UnsafeSendableBuffer(slots)
                        DispatchQueue.concurrentPerform(iterations: pairs) { k in
                            out.base[k] = multiplied(current[2 * k], current[2 * k + 1], workers: 0)
                        }
                    }
                }
                var carried = next.map { $0! }
                if level.count % 2 == 1 { carried.append(level[level.count - 1]) }
                level = carried
            }
            return level[0]
        }
    }
}

/// A buffer whose disjoint elements are written from several threads (each index by exactly
/// one iteration of `concurrentPerform`).
struct UnsafeSendableBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
    init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }
}
