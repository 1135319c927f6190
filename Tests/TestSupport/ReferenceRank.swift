public import Algebra
public import ExactNumbers

/// Rank by ordinary Gaussian elimination over ℚ (no fraction-free or modular tricks): the
/// plain reference that `Matrix.rank()` and the analyses' rank findings are compared with.
public func referenceRank(_ m: Matrix<Rational>) -> Int {
    var a = m.rowArrays
    var rank = 0
    for column in 0..<m.columns where rank < m.rows {
        guard let p = (rank..<m.rows).first(where: { !a[$0][column].isZero }) else { continue }
        a.swapAt(p, rank)
        for i in (rank + 1)..<m.rows where !a[i][column].isZero {
            let f = a[i][column] / a[rank][column]
            for j in column..<m.columns { a[i][j] -= f * a[rank][j] }
        }
        rank += 1
    }
    return rank
}
