import ExactNumbers

/// A coefficient inside a product kernel: a machine integer while it fits, else a rational
/// (internal). Symbolic chains have small integer coefficients (mostly 1), so the kernel does
/// word arithmetic and touches GMP only on overflow or for non-integers.
enum KernelCoefficient {
    case small(Int)
    case big(Rational)

    /// `r`, as a machine integer when it is one.
    init(_ r: Rational) {
        if r.isOne {
            self = .small(1)
        } else if r.isInteger, let v = r.numerator.exactInt {
            self = .small(v)
        } else {
            self = .big(r)
        }
    }

    /// The exact value (small values share one stored rational each: copy-on-write).
    var rational: Rational {
        switch self {
        case .small(let v):
            if v >= -KernelCoefficient.sharedRange && v <= KernelCoefficient.sharedRange {
                return KernelCoefficient.shared[v + KernelCoefficient.sharedRange]
            }
            return Rational(v)
        case .big(let r): return r
        }
    }

    static let sharedRange = 16
    /// Rational(v) for v in -sharedRange...sharedRange.
    static let shared: [Rational] = (-sharedRange...sharedRange).map { Rational($0) }

    var isZero: Bool {
        switch self {
        case .small(let v): return v == 0
        case .big(let r): return r.isZero
        }
    }

    var isOne: Bool {
        if case .small(1) = self { return true }
        return false
    }

    /// a·b.
    @inline(__always) static func product(_ a: KernelCoefficient, _ b: KernelCoefficient) -> KernelCoefficient {
        if case .small(let x) = a, case .small(let y) = b {
            let (p, overflow) = x.multipliedReportingOverflow(by: y)
            if !overflow { return .small(p) }
        }
        return .big(a.rational * b.rational)
    }

    /// self += x.
    @inline(__always) mutating func add(_ x: KernelCoefficient) {
        if case .small(let a) = self, case .small(let b) = x {
            let (s, overflow) = a.addingReportingOverflow(b)
            if !overflow { self = .small(s); return }
        }
        var r = rational
        self = .small(0)  // release, so the rational below is uniquely referenced when it can be
        r += x.rational
        self = .big(r)
    }
}

/// A polynomial's terms as parallel arrays, coefficients converted once (internal: the
/// operands of product kernels).
struct TermList {
    var monomials: [Monomial] = []
    var coefficients: [KernelCoefficient] = []

    init(_ p: Polynomial) {
        switch p.representation {
        case .constant(let c):
            if !c.isZero {
                monomials = [.one]
                coefficients = [KernelCoefficient(c)]
            }
        case .general(let t):
            monomials.reserveCapacity(t.count)
            coefficients.reserveCapacity(t.count)
            for (m, c) in t {
                monomials.append(m)
                coefficients.append(KernelCoefficient(c))
            }
        }
    }

    var count: Int { monomials.count }
    var isEmpty: Bool { monomials.isEmpty }
}

/// Σ products of polynomials into one term dictionary (internal): the kernel of polynomial,
/// matrix and matrix–vector products. Each term product is one monomial merge and one
/// dictionary update; coefficients stay machine integers while they fit.
struct TermAccumulator {
    var terms: [Monomial: KernelCoefficient] = [:]

    init(capacity: Int = 0) {
        terms.reserveCapacity(capacity)
    }

    /// terms += coefficient · monomial.
    @inline(__always) mutating func add(_ coefficient: KernelCoefficient, _ monomial: Monomial) {
        if let index = terms.index(forKey: monomial) {
            terms.values[index].add(coefficient)
        } else {
            terms[monomial] = coefficient
        }
    }

    /// terms += a · b.
    mutating func addProduct(_ a: TermList, _ b: TermList) {
        if a.isEmpty || b.isEmpty { return }
        // Iterate over the longer list inside.
        let (outer, inner) = a.count <= b.count ? (a, b) : (b, a)
        for i in 0..<outer.count {
            let (m, c) = (outer.monomials[i], outer.coefficients[i])
            if m.isOne {
                for j in 0..<inner.count {
                    add(c.isOne ? inner.coefficients[j] : KernelCoefficient.product(c, inner.coefficients[j]), inner.monomials[j])
                }
            } else if c.isOne {
                for j in 0..<inner.count { add(inner.coefficients[j], m * inner.monomials[j]) }
            } else {
                for j in 0..<inner.count { add(KernelCoefficient.product(c, inner.coefficients[j]), m * inner.monomials[j]) }
            }
        }
    }

    /// terms += a.
    mutating func add(_ a: TermList) {
        for j in 0..<a.count { add(a.coefficients[j], a.monomials[j]) }
    }

    /// The sum, in canonical form (zero coefficients dropped, a constant demoted).
    func polynomial() -> Polynomial {
        // mapValues keeps the hash table: no monomial is hashed again (zeros dropped there).
        Polynomial(normalizing: terms.mapValues(\.rational))
    }
}

extension Polynomial {
    /// Σᵢ aᵢ·bᵢ in one accumulation (no intermediate polynomials). Precondition: equal counts.
    static func sumOfProducts(_ a: [TermList], _ b: [TermList], plus extra: TermList? = nil) -> Polynomial {
        var capacity = extra?.count ?? 0
        for (x, y) in zip(a, b) { capacity += x.count * y.count }
        var acc = TermAccumulator(capacity: capacity)
        for (x, y) in zip(a, b) { acc.addProduct(x, y) }
        if let extra { acc.add(extra) }
        return acc.polynomial()
    }
}

extension Matrix where Scalar == Polynomial {
    /// Whether every entry is a constant (then rational arithmetic is faster than the kernel).
    var isConstant: Bool { entries.allSatisfy(\.isConstant) }

    /// The product by the term kernel: each operand entry converted once (`TermList`), each
    /// result entry one accumulation Σₖ AᵢₖBₖⱼ (`TermAccumulator`). Equals `plainProduct`.
    /// Precondition: self.columns == other.rows.
    func kernelProduct(_ other: Matrix<Polynomial>) -> Matrix<Polynomial> {
        precondition(columns == other.rows,
                     "Matrix product of \(rows)×\(columns) and \(other.rows)×\(other.columns)")
        let (m, n, p) = (rows, columns, other.columns)
        let a = entries.map(TermList.init)
        let b = other.entries.map(TermList.init)
        var out: [Polynomial] = []
        out.reserveCapacity(m * p)
        for i in 0..<m {
            for j in 0..<p {
                var capacity = 0
                for k in 0..<n { capacity += a[i * n + k].count * b[k * p + j].count }
                var acc = TermAccumulator(capacity: capacity)
                for k in 0..<n { acc.addProduct(a[i * n + k], b[k * p + j]) }
                out.append(acc.polynomial())
            }
        }
        return Matrix(rows: m, columns: p, entries: out)
    }

    /// M·v by the term kernel. Precondition: v.count == columns.
    func kernelApplied(to v: [Polynomial]) -> [Polynomial] {
        precondition(v.count == columns, "Matrix with \(columns) columns applied to a vector of length \(v.count)")
        let x = v.map(TermList.init)
        return (0..<rows).map { i in
            Polynomial.sumOfProducts((0..<columns).map { TermList(entries[i * columns + $0]) }, x)
        }
    }
}
