public import ExactNumbers

/// An integral domain with exact division where divisibility is known: what fraction-free
/// (Bareiss) elimination needs (internal).
protocol FractionFreeDomain {
    var isZero: Bool { get }
    /// A size measure; elimination prefers small pivots to limit growth.
    var pivotCost: Int { get }
    static func * (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    /// self / divisor, which the caller knows to be exact.
    func exactQuotient(_ divisor: Self) -> Self
    /// p·a − f·b, the numerator of one Bareiss update.
    static func crossDifference(_ p: Self, _ a: Self, _ f: Self, _ b: Self) -> Self
}

extension FractionFreeDomain {
    static func crossDifference(_ p: Self, _ a: Self, _ f: Self, _ b: Self) -> Self {
        f.isZero ? p * a : p * a - f * b
    }
}

extension BigInt: FractionFreeDomain {
    var pivotCost: Int { bitWidth }
    func exactQuotient(_ divisor: BigInt) -> BigInt { dividedExactly(by: divisor) }
}

extension Polynomial: FractionFreeDomain {
    var pivotCost: Int { isConstant ? 0 : termCount * (totalDegree + 1) }
    func exactQuotient(_ divisor: Polynomial) -> Polynomial {
        guard let q = dividedExactly(by: divisor) else {
            preconditionFailure("internal: Bareiss division \(self) / \(divisor) is not exact")
        }
        return q
    }

    /// p·a − f·b in one term accumulation (`ProductKernel`).
    static func crossDifference(_ p: Polynomial, _ a: Polynomial, _ f: Polynomial, _ b: Polynomial) -> Polynomial {
        if f.isZero || b.isZero { return p * a }
        return Polynomial.sumOfProducts([KernelOperand(p), KernelOperand(-f)], [KernelOperand(a), KernelOperand(b)])
    }
}

/// The rank of a rows × columns matrix over the fraction field of a domain, by fraction-free
/// Gaussian elimination (Bareiss): with p the previous pivot, each step sets
/// aᵢⱼ ← (a_rc·aᵢⱼ − aᵢc·a_rj) / p, an exact division (every entry is a minor of the input).
/// Columns without a pivot are skipped; the number of pivots is the rank. O(m·n·min(m, n))
/// domain operations.
func fractionFreeRank<T: FractionFreeDomain>(_ a: [T], rows: Int, columns: Int) -> Int {
    var a = a
    var previous: T? = nil
    var rank = 0
    for column in 0..<columns where rank < rows {
        // Choose the cheapest nonzero pivot in this column, at or below row `rank`.
        var pivotRow: Int? = nil
        for i in rank..<rows where !a[i * columns + column].isZero {
            if let best = pivotRow, a[best * columns + column].pivotCost <= a[i * columns + column].pivotCost {
                continue
            }
            pivotRow = i
        }
        guard let p = pivotRow else { continue }
        if p != rank {
            for j in column..<columns { a.swapAt(p * columns + j, rank * columns + j) }
        }
        let pivot = a[rank * columns + column]
        for i in (rank + 1)..<rows {
            let factor = a[i * columns + column]
            for j in (column + 1)..<columns {
                var value = T.crossDifference(pivot, a[i * columns + j], factor, a[rank * columns + j])
                if let previous, !value.isZero { value = value.exactQuotient(previous) }
                a[i * columns + j] = value
            }
            a[i * columns + column] = pivot - pivot  // zero, of the right type
        }
        previous = pivot
        rank += 1
    }
    return rank
}

extension Matrix where Scalar == Rational {
    /// The rank over ℚ, exactly. First modulo a few primes near 2³¹ (`rankModulo`): the rank
    /// mod p is a proven lower bound, so when it reaches min(rows, columns) that is the rank.
    /// Otherwise each row is scaled to integers by the lcm of its denominators (rank unchanged)
    /// and fraction-free Bareiss elimination runs over the integers with
    /// `BigInt.dividedExactly` (`bareissRank`). 0 for empty shapes.
    public func rank() -> Int {
        if rows == 0 || columns == 0 { return 0 }
        let bound = Swift.min(rows, columns)
        for p in Matrix.rankPrimes where rankModulo(p) == bound { return bound }
        return bareissRank()
    }

    /// The rank over ℚ by fraction-free Bareiss elimination alone: the reference for `rank()`.
    public func bareissRank() -> Int {
        if rows == 0 || columns == 0 { return 0 }
        return fractionFreeRank(integerRows().entries, rows: rows, columns: columns)
    }
}

extension Matrix where Scalar == Polynomial {
    /// The rank over the field ℚ(symbols) of rational functions: the rank for generic values
    /// of the symbols (values off a proper algebraic subset give this rank, special values may
    /// give less). `genericRankCertificate().rank`: exact whenever a rank modulo a prime at a
    /// random point reaches min(rows, columns) or the exact elimination fits the standard
    /// budget; otherwise a proven lower bound (see `GenericRank`). 0 for empty shapes.
    public func genericRank() -> Int {
        genericRankCertificate().rank
    }

    /// The generic rank given `upperBound`, a bound known from the matrix's structure (e.g.
    /// the narrowest layer of a product chain W_L⋯W₁ bounds rank W'): a rank modulo a prime at
    /// a random point is a proven lower bound, and a lower bound that meets the upper bound is
    /// the rank. `genericRankCertificate(atMost:).rank`.
    ///
    /// Precondition: the generic rank is at most `upperBound` (a point above it voids the bound).
    public func genericRank(atMost upperBound: Int) -> Int {
        genericRankCertificate(atMost: upperBound).rank
    }

    /// The rational matrix when every entry is a constant, else nil.
    public func asRationalMatrix() -> Matrix<Rational>? {
        var out: [Rational] = []
        out.reserveCapacity(entries.count)
        for x in entries {
            guard let c = x.constantValue else { return nil }
            out.append(c)
        }
        return Matrix<Rational>(rows: rows, columns: columns, entries: out)
    }
}
