import ExactNumbers

extension Matrix {
    /// Entrywise sum. Precondition: equal shapes.
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(
            lhs.rows == rhs.rows && lhs.columns == rhs.columns,
            "Matrix sum of \(lhs.rows)×\(lhs.columns) and \(rhs.rows)×\(rhs.columns)")
        return Matrix(rows: lhs.rows, columns: lhs.columns, entries: zip(lhs.entries, rhs.entries).map { $0 + $1 })
    }

    /// Entrywise difference. Precondition: equal shapes.
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(
            lhs.rows == rhs.rows && lhs.columns == rhs.columns,
            "Matrix difference of \(lhs.rows)×\(lhs.columns) and \(rhs.rows)×\(rhs.columns)")
        return Matrix(rows: lhs.rows, columns: lhs.columns, entries: zip(lhs.entries, rhs.entries).map { $0 - $1 })
    }

    /// Entrywise negation.
    public static prefix func - (operand: Matrix) -> Matrix {
        operand.map { -$0 }
    }

    /// The matrix product (AB)ᵢⱼ = Σₖ AᵢₖBₖⱼ. For `Matrix<Rational>` this runs
    /// `clearedProduct` (integer kernel, one reduction per entry); for symbolic
    /// `Matrix<Polynomial>`, `kernelProduct` (one term accumulation per entry); otherwise
    /// `plainProduct`.
    /// Precondition: lhs.columns == rhs.rows.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        if let l = lhs as? Matrix<Rational>, let r = rhs as? Matrix<Rational> {
            return l.clearedProduct(r) as! Matrix
        }
        if let l = lhs as? Matrix<Polynomial>, let r = rhs as? Matrix<Polynomial>, !(l.isConstant && r.isConstant) {
            return l.kernelProduct(r) as! Matrix
        }
        return lhs.plainProduct(rhs)
    }

    /// The matrix product by the definition, entry by entry in `Scalar` arithmetic: the
    /// reference every faster product is tested against. O(m·n·p) ring operations.
    /// Precondition: self.columns == other.rows.
    public func plainProduct(_ other: Matrix) -> Matrix {
        precondition(
            columns == other.rows,
            "Matrix product of \(rows)×\(columns) and \(other.rows)×\(other.columns)")
        let (m, n, p) = (rows, columns, other.columns)
        var out = [Scalar](repeating: .zero, count: m * p)
        for i in 0..<m {
            for k in 0..<n {
                let a = entries[i * n + k]
                if a.isZero { continue }
                for j in 0..<p {
                    let b = other.entries[k * p + j]
                    if b.isZero { continue }
                    out[i * p + j] += a * b
                }
            }
        }
        return Matrix(rows: m, columns: p, entries: out)
    }

    /// c · self, entrywise.
    public func scaled(by c: Scalar) -> Matrix {
        map { c * $0 }
    }

    /// The matrix–vector product M·v. Precondition: v.count == columns.
    public func applied(to v: [Scalar]) -> [Scalar] {
        precondition(v.count == columns, "Matrix with \(columns) columns applied to a vector of length \(v.count)")
        if let m = self as? Matrix<Polynomial>, let x = v as? [Polynomial],
            !(m.isConstant && x.allSatisfy(\.isConstant))
        {
            return m.kernelApplied(to: x) as! [Scalar]
        }
        return (0..<rows).map { i in
            var sum = Scalar.zero
            for j in 0..<columns {
                let a = entries[i * columns + j]
                if a.isZero || v[j].isZero { continue }
                sum += a * v[j]
            }
            return sum
        }
    }
}
