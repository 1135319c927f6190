public import ExactNumbers

/// A polynomial in named symbols with exact rational coefficients.
///
/// One canonical form, by construction: no term has a zero coefficient, and a polynomial with
/// no non-constant term is stored as a bare rational constant (the fast path: a network with
/// thousands of numeric weights held as polynomials does rational arithmetic, not dictionary
/// work). Hence equal polynomials are `==` and hash equal however they were built:
/// `(a+1)^2`, `a^2 + 2*a + 1` parsed, and `a*a + a + a + 1` built are one value.
/// `checkInvariants()` states the invariant for tests.
public struct Polynomial: Sendable {
    enum Representation: Sendable {
        /// A constant (possibly zero).
        case constant(Rational)
        /// At least one term of positive degree; no zero coefficients.
        case general([Monomial: Rational])
    }

    var representation: Representation

    init(representation: Representation) { self.representation = representation }

    /// The constant `value`.
    public init(_ value: Rational) { representation = .constant(value) }

    /// The constant `value`.
    public init(_ value: Int) { representation = .constant(Rational(value)) }

    /// The polynomial `symbol`.
    public init(_ symbol: Symbol) { representation = .general([Monomial(symbol): .one]) }

    /// Σ coefficient·monomial; zero coefficients are dropped (any dictionary is accepted).
    public init(terms: [Monomial: Rational]) {
        self.init(normalizing: terms)
    }

    /// `coefficient · monomial`.
    public init(coefficient: Rational, monomial: Monomial) {
        if monomial.isOne || coefficient.isZero {
            representation = .constant(monomial.isOne ? coefficient : .zero)
        } else {
            representation = .general([monomial: coefficient])
        }
    }

    /// Brings a term dictionary to canonical form: drop zeros, demote to a constant.
    init(normalizing terms: [Monomial: Rational]) {
        var terms = terms
        if terms.values.contains(where: \.isZero) {
            terms = terms.filter { !$0.value.isZero }
        }
        if terms.isEmpty {
            representation = .constant(.zero)
        } else if terms.count == 1, let c = terms[.one] {
            representation = .constant(c)
        } else {
            representation = .general(terms)
        }
    }

    /// The zero polynomial.
    public static var zero: Polynomial { Polynomial(Rational.zero) }
    /// The constant 1.
    public static var one: Polynomial { Polynomial(Rational.one) }

    /// The terms: monomial → nonzero coefficient (empty for the zero polynomial).
    public var terms: [Monomial: Rational] {
        switch representation {
        case .constant(let c): return c.isZero ? [:] : [.one: c]
        case .general(let t): return t
        }
    }

    /// The terms in decreasing monomial order (graded lex): the printing order.
    public var sortedTerms: [(monomial: Monomial, coefficient: Rational)] {
        let ranks = SymbolTable.ranks()  // one snapshot: name-order keys computed once per term
        let keyed = terms.map { (key: $0.key.rankKey(ranks), monomial: $0.key, coefficient: $0.value) }
        return keyed.sorted { x, y in
            if x.monomial.totalDegree != y.monomial.totalDegree { return x.monomial.totalDegree > y.monomial.totalDegree }
            return Monomial.lexicographicallyPrecedes(y.key, x.key)
        }.map { (monomial: $0.monomial, coefficient: $0.coefficient) }
    }

    /// The number of terms with a nonzero coefficient.
    public var termCount: Int {
        switch representation {
        case .constant(let c): return c.isZero ? 0 : 1
        case .general(let t): return t.count
        }
    }

    /// The value when this is a constant (including zero), else nil.
    public var constantValue: Rational? {
        if case .constant(let c) = representation { return c }
        return nil
    }

    /// Whether no symbol occurs (zero counts as constant).
    public var isConstant: Bool { constantValue != nil }

    /// Whether this is the zero polynomial.
    public var isZero: Bool { constantValue?.isZero ?? false }

    /// The largest total degree of a term; 0 for constants, including zero.
    public var totalDegree: Int {
        switch representation {
        case .constant: return 0
        case .general(let t): return t.keys.map(\.totalDegree).max() ?? 0
        }
    }

    /// The largest exponent of `symbol` in any term (0 when it does not occur).
    public func degree(in symbol: Symbol) -> Int {
        switch representation {
        case .constant: return 0
        case .general(let t): return t.keys.map { $0.exponent(of: symbol) }.max() ?? 0
        }
    }

    /// The symbols that occur, sorted by name, without repetition.
    public var symbols: [Symbol] {
        switch representation {
        case .constant: return []
        case .general(let t):
            var ids = Set<UInt32>()
            for m in t.keys { for w in m.packed { ids.insert(Monomial.id(w)) } }
            let names = SymbolTable.names()
            return ids.map { Symbol(id: $0, name: names[Int($0)]) }.sorted()
        }
    }

    /// The coefficient of `monomial` (0 when absent).
    public func coefficient(of monomial: Monomial) -> Rational {
        switch representation {
        case .constant(let c): return monomial.isOne ? c : .zero
        case .general(let t): return t[monomial] ?? .zero
        }
    }

    /// The constant term (coefficient of `Monomial.one`).
    public var constantTerm: Rational { coefficient(of: .one) }

    /// The greatest monomial with its coefficient (graded lex), nil for zero.
    public var leadingTerm: (monomial: Monomial, coefficient: Rational)? {
        switch representation {
        case .constant(let c): return c.isZero ? nil : (.one, c)
        case .general(let t):
            let ranks = SymbolTable.ranks()  // one snapshot for all comparisons
            var best = t.first!.key, bestKey = best.rankKey(ranks)
            for m in t.keys where m.totalDegree >= best.totalDegree && m != best {
                let key = m.rankKey(ranks)
                if m.totalDegree > best.totalDegree || Monomial.lexicographicallyPrecedes(bestKey, key) {
                    best = m
                    bestKey = key
                }
            }
            return (best, t[best]!)
        }
    }

    /// Whether the canonical form holds: no zero coefficient, every monomial canonical,
    /// the general representation holds a non-constant term.
    public func checkInvariants() -> Bool {
        switch representation {
        case .constant(let c): return c.checkInvariants()
        case .general(let t):
            return t.contains { !$0.key.isOne }
                && t.allSatisfy { !$0.value.isZero && $0.key.checkInvariants() && $0.value.checkInvariants() }
        }
    }
}

extension Polynomial: ExpressibleByIntegerLiteral {
    /// An integer constant.
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Polynomial: Hashable {
    /// Equality of canonical forms, hence of polynomials.
    public static func == (lhs: Polynomial, rhs: Polynomial) -> Bool {
        switch (lhs.representation, rhs.representation) {
        case (.constant(let a), .constant(let b)): return a == b
        case (.general(let a), .general(let b)): return a == b
        default: return false
        }
    }

    /// Hashes the canonical form: equal polynomials hash equal.
    public func hash(into hasher: inout Hasher) {
        switch representation {
        case .constant(let c):
            hasher.combine(0)
            hasher.combine(c)
        case .general(let t):
            hasher.combine(1)
            hasher.combine(t)
        }
    }
}
