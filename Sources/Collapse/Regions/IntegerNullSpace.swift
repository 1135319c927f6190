import ExactNumbers

/// The null space of a small integer matrix, by fraction-free elimination.
///
/// Bareiss's elimination brings the n × r matrix A to echelon form with integer entries and
/// exact divisions (after k pivots, each entry below them is the k+1-order minor on the
/// pivot rows and columns, so the division by the previous pivot leaves no remainder; columns
/// without a pivot are skipped and take part in no minor), in machine words when they fit.
/// For every column f without a pivot, y_f = D (the last pivot), the other pivot-free columns
/// 0, and the pivot variables follow by back substitution with exact divisions: A·y = 0. These vectors are a basis
/// of {y : A·y = 0}, the same space as Gauss–Jordan over the rationals finds, without a gcd
/// per operation.
enum IntegerNullSpace {
    /// A basis of {y ∈ Qʳ : A·y = 0} (one vector per pivot-free column), A given row-major
    /// (`entries`, n·r integers as rationals with denominator 1); nil when an entry is not an
    /// integer.
    static func basis(rows n: Int, columns r: Int, entries: [Rational]) -> [[Rational]]? {
        if let result = basis(Int.self, rows: n, columns: r, entries: entries) { return result }
        return basis(BigInt.self, rows: n, columns: r, entries: entries)
    }

    /// `basis(rows:columns:entries:)` over T; nil when T overflows or an entry is not an integer.
    static func basis<T: FractionFreeEntry>(_: T.Type, rows n: Int, columns r: Int, entries: [Rational])
        -> [[Rational]]?
    {
        var m = [T]()
        m.reserveCapacity(n * r)
        for x in entries {
            guard let (p, q) = T.parts(x), isOne(q) else { return nil }
            m.append(p)
        }
        var previous = T.one
        var pivotColumns = [Int]()
        var row = 0
        for column in 0..<r where row < n {
            guard let p = (row..<n).first(where: { m[$0 * r + column].sign != 0 }) else { continue }
            if p != row {
                for j in 0..<r { m.swapAt(p * r + j, row * r + j) }
            }
            let pivot = m[row * r + column]
            for i in (row + 1)..<n {
                let f = m[i * r + column]
                for j in (column + 1)..<r {
                    // (pivot·m[i][j] − f·m[row][j]) / previous, exact.
                    guard
                        let v = T.combine(pivot, m[i * r + j], f, m[row * r + j], previous, negate: false)
                    else { return nil }
                    m[i * r + j] = v
                }
                m[i * r + column] = T.zero
            }
            previous = pivot
            pivotColumns.append(column)
            row += 1
        }
        // Back substitution in T: with y_f = D, the last pivot (± the determinant of the
        // pivot block B), every pivot variable −D·B⁻¹c_f is an integer (Cramer), so each
        // division below is exact.
        let rank = pivotColumns.count
        let d = rank == 0 ? T.one : m[(rank - 1) * r + pivotColumns[rank - 1]]
        var result = [[Rational]]()
        for free in 0..<r where !pivotColumns.contains(free) {
            var y = [T](repeating: T.zero, count: r)
            y[free] = d
            for k in stride(from: rank - 1, through: 0, by: -1) {
                let pc = pivotColumns[k]
                var s = T.zero
                for j in (pc + 1)..<r where y[j].sign != 0 {
                    let a = m[k * r + j]
                    guard a.sign != 0 else { continue }
                    guard let t = T.mul(a, y[j]), let sum = T.sub(s, T.negated(t)) else { return nil }
                    s = sum
                }
                y[pc] = T.negated(T.divExact(s, m[k * r + pc]))
            }
            result.append(y.map(rational))
        }
        return result
    }

    private static func isOne<T: FractionFreeEntry>(_ q: T) -> Bool {
        if let i = q as? Int { return i == 1 }
        return q.bigValue.isOne
    }

    private static func rational<T: FractionFreeEntry>(_ v: T) -> Rational {
        if let i = v as? Int { return Rational(i) }
        return Rational(v.bigValue)
    }
}
