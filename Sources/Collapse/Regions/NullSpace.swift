import ExactNumbers
import Algebra

extension Matrix where Scalar == Rational {
    /// A basis of {v : M·v = 0}, by exact Gauss–Jordan elimination: one vector per free
    /// column, with 1 there and 0 at the other free columns. Empty when M has full column rank.
    func nullSpaceBasis() -> [[Rational]] {
        var m = rowArrays
        var pivotColumns = [Int]()
        var row = 0
        for col in 0..<columns where row < m.count {
            guard let r = (row..<m.count).first(where: { !m[$0][col].isZero }) else { continue }
            m.swapAt(row, r)
            let inverse = m[row][col].reciprocal
            m[row] = m[row].map { $0 * inverse }
            for i in 0..<m.count where i != row && !m[i][col].isZero {
                let f = m[i][col]
                m[i] = zip(m[i], m[row]).map { $0 - f * $1 }
            }
            pivotColumns.append(col)
            row += 1
        }
        let free = (0..<columns).filter { !pivotColumns.contains($0) }
        return free.map { f in
            var v = [Rational](repeating: .zero, count: columns)
            v[f] = .one
            for (i, p) in pivotColumns.enumerated() { v[p] = -m[i][f] }
            return v
        }
    }
}
