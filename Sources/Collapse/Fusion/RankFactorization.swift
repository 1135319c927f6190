public import ExactNumbers
public import Algebra

/// An exact rank factorization W = U·V of a rational matrix of rank r: V (r × n) is the
/// nonzero rows of the reduced row echelon form of W, and U (m × r) is the columns of W at
/// V's pivot columns (W = W[:, pivots]·rref(W) because rref's pivot columns are the identity).
///
/// Stored as two dense layers x ↦ V x, then t ↦ U t + b', it has r·n + r + m·r + m parameters
/// instead of m·n + m.
public struct RankFactorization: Sendable, Hashable {
    /// U, m × r.
    public let left: Matrix<Rational>
    /// V, r × n.
    public let right: Matrix<Rational>
    /// r.
    public let rank: Int

    /// The factorization of `w`, whose rank is `rank`. Gauss–Jordan elimination over the
    /// rationals: O(m·n·r) exact operations.
    public init(_ w: Matrix<Rational>, rank: Int) {
        let m = w.rows, n = w.columns
        var rows = (0..<m).map { w.rowArray($0) }
        var pivots: [Int] = []
        var r = 0
        for column in 0..<n where r < m {
            guard let p = (r..<m).first(where: { !rows[$0][column].isZero }) else { continue }
            rows.swapAt(r, p)
            let inverse = rows[r][column].reciprocal
            rows[r] = rows[r].map { $0 * inverse }
            for i in 0..<m where i != r && !rows[i][column].isZero {
                let factor = rows[i][column]
                for j in column..<n where !rows[r][j].isZero { rows[i][j] = rows[i][j] - factor * rows[r][j] }
            }
            pivots.append(column)
            r += 1
        }
        self.rank = r
        right = Matrix(rows: r, columns: n, entries: rows.prefix(r).flatMap { $0 })
        left = Matrix(rows: m, columns: r, entries: (0..<m).flatMap { i in pivots.map { w[i, $0] } })
    }

    /// Weights and biases of the two layers V (bias zero) and U (bias b').
    public var parameters: Int { right.rows * right.columns + right.rows + left.rows * left.columns + left.rows }
}
