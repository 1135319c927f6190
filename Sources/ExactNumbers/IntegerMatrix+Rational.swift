internal import CFLINT
import Dispatch

extension IntegerMatrix {
    /// Clears a rational matrix to integers: (values · D, D) with D > 0 the lcm of all
    /// denominators of `values` (row-major). Each entry becomes `fmpz_set_mpz` of its numerator
    /// times D/q; the factors D/q are computed once per distinct word-size denominator q.
    /// Precondition: values.count == rows * columns.
    public static func clearing(_ values: [Rational], rows: Int, columns: Int) -> (
        matrix: IntegerMatrix, denominator: BigInt
    ) {
        precondition(
            values.count == rows * columns,
            "IntegerMatrix.clearing(rows: \(rows), columns: \(columns)) needs \(rows * columns) values, got \(values.count)"
        )
        let d = Rational.commonDenominator(of: values)
        let result = IntegerMatrix(rows: rows, columns: columns)
        if values.isEmpty { return (result, d) }
        let dIsOne = d.isOne
        var dF = fmpz(0)
        d.withRawMPZ { cflint_fmpz_set_mpz(&dF, $0) }
        var factors: [UInt: fmpz] = [:]  // q -> D/q for word-size q
        var factor = fmpz(0), q = fmpz(0)
        for i in 0..<rows {
            for j in 0..<columns {
                let x = values[i * columns + j]
                let e = cflint_entry(result.storage.pointer, i, j)!
                x.withRawNumerator { cflint_fmpz_set_mpz(e, $0) }
                if fmpz_is_zero(e) != 0 || dIsOne { continue }
                if x.isInteger {
                    fmpz_mul(e, e, &dF)
                } else if let w = x.denominatorWord {
                    if var f = factors[w] {
                        fmpz_mul(e, e, &f)
                    } else {
                        var f = fmpz(0)
                        fmpz_divexact_ui(&f, &dF, w)
                        factors[w] = f
                        fmpz_mul(e, e, &f)
                    }
                } else {
                    x.denominator.withRawMPZ { cflint_fmpz_set_mpz(&q, $0) }
                    fmpz_divexact(&factor, &dF, &q)
                    fmpz_mul(e, e, &factor)
                }
            }
        }
        for var f in factors.values { fmpz_clear(&f) }
        fmpz_clear(&dF)
        fmpz_clear(&factor)
        fmpz_clear(&q)
        return (result, d)
    }

    /// The entries of the given rows divided by `denominator`, each in lowest terms, row-major;
    /// on all cores for large matrices. gcd(entry, denominator) is `fmpz_gcd`, or, when the
    /// denominator is a product of small primes (`SmoothDenominator`), read from word residues.
    /// Preconditions: denominator > 0; `rows` within 0..<self.rows.
    public func quotients(by denominator: BigInt, rows range: Range<Int>) -> [Rational] {
        quotients(by: denominator, rows: range, columns: 0..<columns)
    }

    /// `quotients(by:rows:)` of the block `rows` × `columns` only, row-major (so that a
    /// caller needing a block, such as W' out of [[W', b'], [0, 1]], builds no larger array
    /// to copy it from). Preconditions: denominator > 0; the ranges within the matrix.
    public func quotients(by denominator: BigInt, rows range: Range<Int>, columns columnRange: Range<Int>) -> [Rational]
    {
        precondition(denominator.signum > 0, "IntegerMatrix.quotients needs a positive denominator")
        precondition(
            range.lowerBound >= 0 && range.upperBound <= rows,
            "IntegerMatrix.quotients: rows \(range) out of 0..<\(rows)")
        precondition(
            columnRange.lowerBound >= 0 && columnRange.upperBound <= columns,
            "IntegerMatrix.quotients: columns \(columnRange) out of 0..<\(columns)")
        let count = range.count * columnRange.count
        if count == 0 { return [] }
        let shared = SharedFmpz(denominator)
        defer { shared.free() }
        let source = storage
        let width = columnRange.count
        let first = range.lowerBound, firstColumn = columnRange.lowerBound
        // gcd(entry, D) from word residues when D is a product of small primes.
        let smooth = count >= 64 ? SmoothDenominator(shared.pointer) : nil
        let blocks = FlintThreads.cores > 1 && count >= 4096 ? FlintThreads.cores * 4 : 1
        let result = [Rational](unsafeUninitializedCapacity: count) { buffer, initialized in
            let out = UnsafeSendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: blocks) { block in
                var g = fmpz(0), num = fmpz(0), den = fmpz(0)
                let dPointer = shared.pointer
                for index in (block * count / blocks)..<((block + 1) * count / blocks) {
                    let e = cflint_entry_const(source.pointer, first + index / width, firstColumn + index % width)!
                    let slot = out.base.baseAddress! + index
                    if fmpz_is_zero(e) != 0 { slot.initialize(to: Rational()); continue }
                    if smooth?.gcd(e, into: &g) != true {
                        fmpz_gcd(&g, e, dPointer)
                    }
                    if fmpz_is_one(&g) != 0 {
                        slot.initialize(
                            to: Rational.fromCanonicalRawParts { n, d in
                                cflint_fmpz_get_mpz(n, e)
                                cflint_fmpz_get_mpz(d, dPointer)
                            })
                    } else {
                        fmpz_divexact(&num, e, &g)
                        fmpz_divexact(&den, dPointer, &g)
                        slot.initialize(
                            to: Rational.fromCanonicalRawParts { n, d in
                                cflint_fmpz_get_mpz(n, &num)
                                cflint_fmpz_get_mpz(d, &den)
                            })
                    }
                }
                fmpz_clear(&g)
                fmpz_clear(&num)
                fmpz_clear(&den)
            }
            initialized = count
        }
        withExtendedLifetime(source) {}
        return result
    }
}

/// One FLINT integer on the heap, read by several threads (freed by `free()`).
private struct SharedFmpz: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<fmpz>
    init(_ value: BigInt) {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: 0)
        value.withRawMPZ { cflint_fmpz_set_mpz(pointer, $0) }
    }
    func free() {
        fmpz_clear(pointer)
        pointer.deallocate()
    }
}
