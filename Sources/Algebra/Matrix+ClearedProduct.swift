public import ExactNumbers

extension Matrix where Scalar == Rational {
    /// The product by cleared denominators (FLINT's `fmpq_mat_mul_cleared`): row i of self is
    /// scaled by the lcm rᵢ of its denominators, column j of `other` by the lcm cⱼ of its
    /// denominators, the integer matrices are multiplied with the fused `BigInt.addProduct`
    /// kernel, and each entry is reduced once: (AB)ᵢⱼ = (Σₖ A'ᵢₖ B'ₖⱼ) / (rᵢ cⱼ).
    ///
    /// Equal to `plainProduct` (tested on random shapes, including empty and aliased ones),
    /// with m·n·p integer fused multiply-adds instead of rational products and sums.
    /// Precondition: self.columns == other.rows.
    public func clearedProduct(_ other: Matrix<Rational>) -> Matrix<Rational> {
        precondition(
            columns == other.rows,
            "Matrix product of \(rows)×\(columns) and \(other.rows)×\(other.columns)")
        let (m, n, p) = (rows, columns, other.columns)
        if m == 0 || p == 0 || n == 0 { return .zero(rows: m, columns: p) }
        if let product = wordProduct(other) { return product }
        let (a, rowScale) = integerRows()
        let (bT, columnScale) = other.transposed().integerRows()  // bT[j*n + k] = B'ₖⱼ
        var out: [Rational] = []
        out.reserveCapacity(m * p)
        for i in 0..<m {
            for j in 0..<p {
                var sum = BigInt()
                for k in 0..<n {
                    let x = a[i * n + k]
                    if x.isZero { continue }
                    let y = bT[j * n + k]
                    if y.isZero { continue }
                    sum.addProduct(x, y)
                }
                out.append(sum.isZero ? .zero : Rational(numerator: sum, denominator: rowScale[i] * columnScale[j]))
            }
        }
        return Matrix(rows: m, columns: p, entries: out)
    }

    /// `clearedProduct` in machine words: the same scaled integers A', B' and the same
    /// reduction per entry, when every scale and scaled entry fits a word and every sum
    /// Σₖ A'ᵢₖ B'ₖⱼ (accumulated in 128 bits) and every rᵢcⱼ fit one too; nil otherwise (the
    /// `BigInt` route then computes the same entries).
    func wordProduct(_ other: Matrix<Rational>) -> Matrix<Rational>? {
        let (m, n, p) = (rows, columns, other.columns)
        guard let (a, rowScale) = wordRows(), let (bT, columnScale) = other.transposed().wordRows() else {
            return nil
        }
        var out: [Rational] = []
        out.reserveCapacity(m * p)
        for i in 0..<m {
            for j in 0..<p {
                var sum: Int128 = 0
                for k in 0..<n {
                    let x = a[i * n + k]
                    if x == 0 { continue }
                    let y = bT[j * n + k]
                    if y == 0 { continue }
                    let (s, overflow) = sum.addingReportingOverflow(Int128(x) * Int128(y))
                    if overflow { return nil }
                    sum = s
                }
                if sum == 0 {
                    out.append(.zero)
                    continue
                }
                let (d, overflow) = rowScale[i].multipliedReportingOverflow(by: columnScale[j])
                guard !overflow, sum > Int128(Int.min), sum <= Int128(Int.max) else { return nil }
                out.append(Rational(Int(sum), d))
            }
        }
        return Matrix(rows: m, columns: p, entries: out)
    }

    /// `integerRows()` in machine words, or nil when a scale or scaled entry does not fit.
    func wordRows() -> (entries: [Int], scales: [Int])? {
        var out: [Int] = []
        out.reserveCapacity(entries.count)
        var scales: [Int] = []
        scales.reserveCapacity(rows)
        for i in 0..<rows {
            var d = 1
            for x in entries[(i * columns)..<((i + 1) * columns)] {
                guard let (num, q) = x.wordParts, num != .min else { return nil }
                if q == 1 || d % q == 0 { continue }
                var g = d, h = q
                while h != 0 { (g, h) = (h, g % h) }
                let (l, overflow) = d.multipliedReportingOverflow(by: q / g)
                if overflow { return nil }
                d = l
            }
            scales.append(d)
            for x in entries[(i * columns)..<((i + 1) * columns)] {
                let (num, q) = x.wordParts!
                let (v, overflow) = num.multipliedReportingOverflow(by: d / q)
                if overflow || v == .min { return nil }
                out.append(v)
            }
        }
        return (out, scales)
    }

    /// Each row scaled to integers by the lcm of its denominators: (row-major integers, lcms).
    func integerRows() -> (entries: [BigInt], scales: [BigInt]) {
        var out: [BigInt] = []
        out.reserveCapacity(entries.count)
        var scales: [BigInt] = []
        scales.reserveCapacity(rows)
        for i in 0..<rows {
            let row = entries[(i * columns)..<((i + 1) * columns)]
            var d = BigInt.one
            for x in row where !x.isInteger { d = BigInt.lcm(d, x.denominator) }
            scales.append(d)
            for x in row {
                if x.isInteger {
                    out.append(d.isOne ? x.numerator : x.numerator * d)
                } else {
                    out.append(x.numerator * d.dividedExactly(by: x.denominator))
                }
            }
        }
        return (out, scales)
    }
}
