import ExactNumbers

/// A dense integer matrix with one common denominator, value = entries / denominator: the
/// working form of cleared-denominator composition (internal).
struct ScaledIntegerMatrix {
    let rows: Int
    let columns: Int
    var entries: [BigInt]
    var denominator: BigInt

    /// self = matrix, with denominator the lcm of all denominators of `matrix` and `extra`.
    /// Returns the scaled `extra` vector as well (same denominator).
    static func clearing(_ matrix: Matrix<Rational>, with extra: [Rational]) -> (ScaledIntegerMatrix, [BigInt]) {
        var d = BigInt.one
        for x in matrix.entries where !x.isInteger { d = BigInt.lcm(d, x.denominator) }
        for x in extra where !x.isInteger { d = BigInt.lcm(d, x.denominator) }
        func scale(_ x: Rational) -> BigInt {
            x.isInteger ? (d.isOne ? x.numerator : x.numerator * d) : x.numerator * d.dividedExactly(by: x.denominator)
        }
        let m = ScaledIntegerMatrix(
            rows: matrix.rows, columns: matrix.columns,
            entries: matrix.entries.map(scale), denominator: d)
        return (m, extra.map(scale))
    }

    /// The integer product of the numerators (denominators not touched), fused multiply-adds.
    func integerProduct(_ other: ScaledIntegerMatrix) -> [BigInt] {
        precondition(columns == other.rows)
        let (m, n, p) = (rows, columns, other.columns)
        var out = [BigInt](repeating: BigInt(), count: m * p)
        for i in 0..<m {
            for k in 0..<n {
                let a = entries[i * n + k]
                if a.isZero { continue }
                for j in 0..<p {
                    let b = other.entries[k * p + j]
                    if b.isZero { continue }
                    out[i * p + j].addProduct(a, b)
                }
            }
        }
        return out
    }

    /// The integer matrix–vector product of the numerators.
    func integerApplied(to v: [BigInt]) -> [BigInt] {
        (0..<rows).map { i in
            var sum = BigInt()
            for j in 0..<columns where !entries[i * columns + j].isZero && !v[j].isZero {
                sum.addProduct(entries[i * columns + j], v[j])
            }
            return sum
        }
    }
}
