import ExactNumbers
import Algebra
import NetworkModel

/// A polynomial F on a lower-dimensional domain D: affine on D exactly when it is affine on
/// D's affine hull, decided by substituting a parametrisation of the hull.
///
/// D's implicit equalities A x = b (`DomainGeometry`) have the solutions x = x0 + B z, where
/// x0 is D's relative-interior point and the columns of B are the null-space basis of A with
/// a 1 at their free coordinate f_j and 0 at the other free coordinates, so z_j = x_{f_j} −
/// x0_{f_j}. Writing every input as x_p = x0_p + Σ_j B_pj (x_{f_j} − x0_{f_j}) turns F into
/// a polynomial G in the free inputs with G(x_free) = F(x) for every x in the hull. D has a
/// relative interior in the hull, and a polynomial that is affine on an open set is affine,
/// so F is affine on D exactly when G has no term of degree ≥ 2 in the free inputs; then
/// F(x) = W'x + b' on the hull with W' holding G's linear coefficients in the free columns
/// (0 in the others) and b' = G's constant part. W' is one of many maps equal to F on D
/// (`map_unique: false`).
enum PolynomialOnAffineHull {
    /// W'x + b' equal to F on D, or nil when D is full-dimensional or G has a term of degree
    /// ≥ 2 in the free inputs that is not identically zero.
    static func map(outputs: [Polynomial], inputs: [Symbol], geometry: DomainGeometry, numeric: Bool) -> CollapsedMap? {
        let n = inputs.count
        guard geometry.affineDimension < n, geometry.affineDimension >= 0 else { return nil }
        let equalities = geometry.equalities.map(\.coefficients)
        let basis =
            equalities.isEmpty
            ? Matrix<Rational>.identity(n).rowArrays
            : Matrix<Rational>(rows: equalities).nullSpaceBasis()
        // The free coordinate of each basis vector: its 1 where the others are 0.
        let free = basis.indices.map { j in
            (0..<n).first { p in basis[j][p].isOne && basis.indices.allSatisfy { $0 == j || basis[$0][p].isZero } }
        }
        guard free.allSatisfy({ $0 != nil }) else { return nil }
        let x0 = geometry.point
        var substitution = [Symbol: Polynomial]()
        for p in 0..<n {
            var value = Polynomial(x0[p])
            for (j, f) in free.enumerated() where !basis[j][p].isZero {
                value = value + Polynomial(basis[j][p]) * (Polynomial(inputs[f!]) - Polynomial(x0[f!]))
            }
            substitution[inputs[p]] = value
        }
        let freeSymbols = free.map { inputs[$0!] }
        let g = outputs.map { $0.substituting(substitution) }
        let parts = PolynomialParts(outputs: g, inputs: freeSymbols)
        guard parts.higher.isEmpty else { return nil }
        var rows = [[Polynomial]](repeating: [Polynomial](repeating: .zero, count: n), count: g.count)
        for i in 0..<g.count {
            for (j, f) in free.enumerated() { rows[i][f!] = parts.linear[i][j] }
        }
        let w = Matrix<Polynomial>(rows: g.count, columns: n, entries: rows.flatMap { $0 })
        if numeric {
            guard (0..<w.rows).allSatisfy({ w.rowArray($0).allSatisfy(\.isConstant) }),
                parts.constant.allSatisfy(\.isConstant)
            else { return nil }
            return .numeric(
                AffineMap(weights: w.map { $0.constantValue! }, bias: parts.constant.map { $0.constantValue! }))
        }
        return .symbolic(AffineMap(weights: w, bias: parts.constant))
    }
}
