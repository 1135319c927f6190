/// A power product x₁^e₁ · … · xₖ^eₖ of distinct symbols with positive exponents.
///
/// Canonical by construction: the symbols are strictly increasing and every exponent is > 0,
/// so equal monomials have equal stored parts and equal hashes. `Monomial.one` is the empty
/// product.
///
/// Order (`Comparable`): graded lexicographic. A higher total degree is greater; at equal
/// degree, compare exponent vectors over the symbols in increasing name order, and the first
/// larger exponent wins (so `a > b`, `a*b > b^2`, `a^2 > a*b`). This is a monomial order
/// (compatible with multiplication), which exact division relies on.
public struct Monomial: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The symbols with a positive exponent, strictly increasing.
    public let symbols: [Symbol]
    /// The exponents, all > 0, aligned with `symbols`.
    public let exponents: [Int]

    /// The sum of the exponents (0 for `.one`), stored: the first key of the monomial order.
    public let totalDegree: Int

    /// Trusted initialiser: the caller guarantees the canonical-form invariant.
    init(uncheckedSymbols symbols: [Symbol], exponents: [Int]) {
        self.symbols = symbols
        self.exponents = exponents
        self.totalDegree = exponents.reduce(0, +)
    }

    /// The empty product, 1.
    public static let one = Monomial(uncheckedSymbols: [], exponents: [])

    /// `symbol^exponent`; `.one` when `exponent` is 0. Precondition: exponent >= 0.
    public init(_ symbol: Symbol, exponent: Int = 1) {
        precondition(exponent >= 0, "Monomial exponents are non-negative")
        if exponent == 0 {
            self = .one
        } else {
            self.init(uncheckedSymbols: [symbol], exponents: [exponent])
        }
    }

    /// The product of `symbol^exponent` over the dictionary; zero exponents are dropped.
    /// Precondition: every exponent >= 0.
    public init(_ powers: [Symbol: Int]) {
        let kept = powers.filter { entry in
            precondition(entry.value >= 0, "Monomial exponents are non-negative")
            return entry.value > 0
        }.sorted { $0.key < $1.key }
        self.init(uncheckedSymbols: kept.map(\.key), exponents: kept.map(\.value))
    }

    /// The symbol–exponent pairs in increasing symbol order.
    public var powers: [(symbol: Symbol, exponent: Int)] {
        Array(zip(symbols, exponents)).map { (symbol: $0.0, exponent: $0.1) }
    }

    /// Whether this is the empty product 1.
    public var isOne: Bool { symbols.isEmpty }

    /// The exponent of `symbol` (0 when absent). O(log k).
    public func exponent(of symbol: Symbol) -> Int {
        var lo = 0, hi = symbols.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if symbols[mid] < symbol { lo = mid + 1 } else { hi = mid }
        }
        return lo < symbols.count && symbols[lo] == symbol ? exponents[lo] : 0
    }

    /// The product: exponents of shared symbols add (a sorted merge, O(k₁ + k₂)).
    public static func * (lhs: Monomial, rhs: Monomial) -> Monomial {
        if lhs.isOne { return rhs }
        if rhs.isOne { return lhs }
        var symbols: [Symbol] = [], exponents: [Int] = []
        symbols.reserveCapacity(lhs.symbols.count + rhs.symbols.count)
        exponents.reserveCapacity(lhs.symbols.count + rhs.symbols.count)
        var i = 0, j = 0
        while i < lhs.symbols.count || j < rhs.symbols.count {
            if j == rhs.symbols.count || (i < lhs.symbols.count && lhs.symbols[i] < rhs.symbols[j]) {
                symbols.append(lhs.symbols[i]); exponents.append(lhs.exponents[i]); i += 1
            } else if i == lhs.symbols.count || rhs.symbols[j] < lhs.symbols[i] {
                symbols.append(rhs.symbols[j]); exponents.append(rhs.exponents[j]); j += 1
            } else {
                symbols.append(lhs.symbols[i]); exponents.append(lhs.exponents[i] + rhs.exponents[j])
                i += 1; j += 1
            }
        }
        return Monomial(uncheckedSymbols: symbols, exponents: exponents)
    }

    /// self^n: every exponent times n. Precondition: n >= 0.
    public func power(_ n: Int) -> Monomial {
        precondition(n >= 0, "Monomial.power needs a non-negative exponent")
        if n == 0 { return .one }
        return Monomial(uncheckedSymbols: symbols, exponents: exponents.map { $0 * n })
    }

    /// self / divisor when `divisor` divides self (every exponent at most self's), else nil.
    public func dividedExactly(by divisor: Monomial) -> Monomial? {
        if divisor.isOne { return self }
        var symbols: [Symbol] = [], exponents: [Int] = []
        var j = 0
        for i in self.symbols.indices {
            var e = self.exponents[i]
            if j < divisor.symbols.count {
                if divisor.symbols[j] < self.symbols[i] { return nil }
                if divisor.symbols[j] == self.symbols[i] {
                    e -= divisor.exponents[j]
                    j += 1
                    if e < 0 { return nil }
                }
            }
            if e > 0 { symbols.append(self.symbols[i]); exponents.append(e) }
        }
        guard j == divisor.symbols.count else { return nil }
        return Monomial(uncheckedSymbols: symbols, exponents: exponents)
    }

    /// Graded lexicographic order (see the type's documentation).
    public static func < (lhs: Monomial, rhs: Monomial) -> Bool {
        let (dl, dr) = (lhs.totalDegree, rhs.totalDegree)
        if dl != dr { return dl < dr }
        return lexicographicallyPrecedes(lhs, rhs)
    }

    /// Pure lexicographic comparison of exponent vectors (first larger exponent is greater).
    static func lexicographicallyPrecedes(_ lhs: Monomial, _ rhs: Monomial) -> Bool {
        var i = 0, j = 0
        while i < lhs.symbols.count && j < rhs.symbols.count {
            let (s, t) = (lhs.symbols[i], rhs.symbols[j])
            if s == t {
                if lhs.exponents[i] != rhs.exponents[j] { return lhs.exponents[i] < rhs.exponents[j] }
                i += 1; j += 1
            } else {
                // The side holding the smaller symbol has a positive exponent where the other has 0.
                return t < s
            }
        }
        return i == lhs.symbols.count && j < rhs.symbols.count
    }

    /// Plain form `a^2*b` (`1` for `.one`), as read back by `Polynomial.parse`.
    public var description: String {
        if isOne { return "1" }
        return zip(symbols, exponents).map { s, e in e == 1 ? s.name : "\(s.name)^\(e)" }
            .joined(separator: "*")
    }

    /// Whether the symbols are strictly increasing and every exponent is positive.
    public func checkInvariants() -> Bool {
        symbols.count == exponents.count
            && totalDegree == exponents.reduce(0, +)
            && exponents.allSatisfy { $0 > 0 }
            && zip(symbols, symbols.dropFirst()).allSatisfy { $0 < $1 }
    }
}
