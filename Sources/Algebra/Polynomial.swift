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
        /// At least one term of positive degree; no zero coefficients (`PackedTerms`: packed
        /// monomial keys sorted in decreasing graded-lex order by symbol id).
        case general(PackedTerms)
    }

    var representation: Representation

    init(representation: Representation) { self.representation = representation }

    /// The constant `value`.
    public init(_ value: Rational) { representation = .constant(value) }

    /// The constant `value`.
    public init(_ value: Int) { representation = .constant(Rational(value)) }

    /// The polynomial `symbol`.
    public init(_ symbol: Symbol) { self.init(coefficient: .one, monomial: Monomial(symbol)) }

    /// Σ coefficient·monomial; zero coefficients are dropped (any dictionary is accepted).
    public init(terms: [Monomial: Rational]) {
        self.init(normalizing: terms)
    }

    /// `coefficient · monomial`.
    public init(coefficient: Rational, monomial: Monomial) {
        if monomial.isOne || coefficient.isZero {
            representation = .constant(monomial.isOne ? coefficient : .zero)
        } else {
            var key: [UInt64] = []
            PackedTerms.appendKey(of: monomial, stride: monomial.packed.count + 1, to: &key)
            representation = .general(
                PackedTerms(stride: monomial.packed.count + 1, words: key, coefficients: [coefficient]))
        }
    }

    /// Brings a term dictionary to canonical form: drop zeros, sort, demote to a constant.
    init(normalizing terms: [Monomial: Rational]) {
        self = PackedTerms.polynomial(from: terms)
    }

    /// The zero polynomial.
    public static var zero: Polynomial { Polynomial(Rational.zero) }
    /// The constant 1.
    public static var one: Polynomial { Polynomial(Rational.one) }

    /// The terms: monomial → nonzero coefficient (empty for the zero polynomial). Built on
    /// demand from the packed form: iterate with `forEachTerm` where no look-up is needed.
    public var terms: [Monomial: Rational] {
        switch representation {
        case .constant(let c): return c.isZero ? [:] : [.one: c]
        case .general(let t):
            var out: [Monomial: Rational] = [:]
            out.reserveCapacity(t.count)
            t.forEach { m, c in out[m] = c }
            return out
        }
    }

    /// Calls `body` with every term (monomial, nonzero coefficient), in an unspecified but
    /// fixed order; nothing for zero. No dictionary is built.
    public func forEachTerm(_ body: (Monomial, Rational) -> Void) {
        switch representation {
        case .constant(let c): if !c.isZero { body(.one, c) }
        case .general(let t): t.forEach(body)
        }
    }

    /// The terms in decreasing monomial order (graded lex by name): the printing order.
    public var sortedTerms: [(monomial: Monomial, coefficient: Rational)] {
        switch representation {
        case .constant(let c): return c.isZero ? [] : [(.one, c)]
        case .general(let t):
            return t.nameOrder().map { (monomial: t.monomial(at: $0), coefficient: t.coefficients[$0]) }
        }
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
        case .general(let t): return t.totalDegree
        }
    }

    /// The largest exponent of `symbol` in any term (0 when it does not occur).
    public func degree(in symbol: Symbol) -> Int {
        switch representation {
        case .constant: return 0
        case .general(let t): return t.degree(inId: symbol.id)
        }
    }

    /// The symbols that occur, sorted by name, without repetition.
    public var symbols: [Symbol] {
        switch representation {
        case .constant: return []
        case .general(let t):
            let names = SymbolTable.names()
            return t.ids.map { Symbol(id: $0, name: names[Int($0)]) }.sorted()
        }
    }

    /// The coefficient of `monomial` (0 when absent).
    public func coefficient(of monomial: Monomial) -> Rational {
        switch representation {
        case .constant(let c): return monomial.isOne ? c : .zero
        case .general(let t): return t.index(of: monomial).map { t.coefficients[$0] } ?? .zero
        }
    }

    /// The greatest monomial with its coefficient (graded lex by name), nil for zero.
    public var leadingTerm: (monomial: Monomial, coefficient: Rational)? {
        switch representation {
        case .constant(let c): return c.isZero ? nil : (.one, c)
        case .general(let t):
            let first = t.nameOrder(limit: 1)[0]
            return (t.monomial(at: first), t.coefficients[first])
        }
    }

    /// Whether the canonical form holds: no zero coefficient, every monomial canonical,
    /// the general representation holds a non-constant term, keys sorted and packed.
    public func checkInvariants() -> Bool {
        switch representation {
        case .constant(let c): return c.checkInvariants()
        case .general(let t): return t.checkInvariants()
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
