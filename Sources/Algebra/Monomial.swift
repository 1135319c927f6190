/// A power product x₁^e₁ · … · xₖ^eₖ of distinct symbols with positive exponents.
///
/// Canonical by construction: stored as packed words `id << 32 | exponent` (the symbol's
/// interned id, see `SymbolTable`) in strictly increasing id order, every exponent > 0, so equal
/// monomials have equal stored words and equal hashes, and hashing or comparing them touches
/// integers only. `Monomial.one` is the empty product. The public views (`symbols`,
/// `exponents`, `powers`, `description`) list the symbols in increasing NAME order.
///
/// Order (`Comparable`): graded lexicographic by name. A higher total degree is greater; at
/// equal degree, compare exponent vectors over the symbols in increasing name order, and the
/// first larger exponent wins (so `a > b`, `a*b > b^2`, `a^2 > a*b`). This is a monomial order
/// (compatible with multiplication). Exact division uses the same order with ids in place of
/// names (`idOrderPrecedes`), also a monomial order, and cheaper.
public struct Monomial: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// `id << 32 | exponent`, strictly increasing ids, exponents in 1..<2³².
    let packed: [UInt64]

    /// The sum of the exponents (0 for `.one`), stored: the first key of the monomial order.
    public let totalDegree: Int

    /// Trusted initialiser: the caller guarantees the canonical-form invariant.
    init(uncheckedPacked packed: [UInt64], totalDegree: Int) {
        self.packed = packed
        self.totalDegree = totalDegree
    }

    /// Trusted initialiser computing the total degree.
    init(uncheckedPacked packed: [UInt64]) {
        var degree = 0
        for word in packed { degree += Monomial.exponent(word) }
        self.init(uncheckedPacked: packed, totalDegree: degree)
    }

    @inline(__always) static func id(_ word: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: word >> 32) }
    @inline(__always) static func exponent(_ word: UInt64) -> Int { Int(word & 0xFFFF_FFFF) }
    @inline(__always) static func word(id: UInt32, exponent: Int) -> UInt64 {
        precondition(exponent > 0 && exponent <= Int(UInt32.max), "Monomial exponent \(exponent) out of range")
        return UInt64(id) << 32 | UInt64(exponent)
    }

    /// The empty product, 1.
    public static let one = Monomial(uncheckedPacked: [], totalDegree: 0)

    /// `symbol^exponent`; `.one` when `exponent` is 0. Precondition: exponent >= 0.
    public init(_ symbol: Symbol, exponent: Int = 1) {
        precondition(exponent >= 0, "Monomial exponents are non-negative")
        if exponent == 0 {
            self = .one
        } else {
            self.init(uncheckedPacked: [Monomial.word(id: symbol.id, exponent: exponent)], totalDegree: exponent)
        }
    }

    /// The product of `symbol^exponent` over the dictionary; zero exponents are dropped.
    /// Precondition: every exponent >= 0.
    public init(_ powers: [Symbol: Int]) {
        var words: [UInt64] = []
        words.reserveCapacity(powers.count)
        for (s, e) in powers {
            precondition(e >= 0, "Monomial exponents are non-negative")
            if e > 0 { words.append(Monomial.word(id: s.id, exponent: e)) }
        }
        words.sort()
        self.init(uncheckedPacked: words)
    }

    /// The symbol–exponent pairs in increasing symbol NAME order.
    public var powers: [(symbol: Symbol, exponent: Int)] {
        if packed.isEmpty { return [] }
        let names = SymbolTable.names()
        var out = packed.map { w in
            let id = Monomial.id(w)
            return (symbol: Symbol(id: id, name: names[Int(id)]), exponent: Monomial.exponent(w))
        }
        if out.count > 1 { out.sort { $0.symbol.name < $1.symbol.name } }
        return out
    }

    /// The symbols with a positive exponent, in increasing name order.
    public var symbols: [Symbol] { powers.map(\.symbol) }

    /// The exponents, all > 0, aligned with `symbols`.
    public var exponents: [Int] { powers.map(\.exponent) }

    /// The (symbol, exponent) pairs in id order, without name look-ups beyond one snapshot
    /// (internal: evaluation and substitution, where the order does not matter).
    func forEachPower(names: [String], _ body: (Symbol, Int) -> Void) {
        for w in packed {
            let id = Monomial.id(w)
            body(Symbol(id: id, name: names[Int(id)]), Monomial.exponent(w))
        }
    }

    /// Whether this is the empty product 1.
    public var isOne: Bool { packed.isEmpty }

    /// The exponent of `symbol` (0 when absent). O(log k).
    public func exponent(of symbol: Symbol) -> Int {
        var lo = 0, hi = packed.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Monomial.id(packed[mid]) < symbol.id { lo = mid + 1 } else { hi = mid }
        }
        return lo < packed.count && Monomial.id(packed[lo]) == symbol.id ? Monomial.exponent(packed[lo]) : 0
    }

    /// The product: exponents of shared symbols add (a sorted merge by id, O(k₁ + k₂)).
    public static func * (lhs: Monomial, rhs: Monomial) -> Monomial {
        let (a, b) = (lhs.packed, rhs.packed)
        if a.isEmpty { return rhs }
        if b.isEmpty { return lhs }
        if a.count == 1 && b.count == 1 {
            let (x, y) = (a[0], b[0])
            let degree = lhs.totalDegree + rhs.totalDegree
            if x >> 32 == y >> 32 { return Monomial(uncheckedPacked: [sumOfExponents(x, y)], totalDegree: degree) }
            return Monomial(uncheckedPacked: x < y ? [x, y] : [y, x], totalDegree: degree)
        }
        let words = [UInt64](unsafeUninitializedCapacity: a.count + b.count) { buffer, count in
            var i = 0, j = 0, k = 0
            while i < a.count && j < b.count {
                let (x, y) = (a[i], b[j])
                let (ix, iy) = (x >> 32, y >> 32)
                if ix < iy {
                    buffer[k] = x; i += 1
                } else if iy < ix {
                    buffer[k] = y; j += 1
                } else {
                    buffer[k] = sumOfExponents(x, y); i += 1; j += 1
                }
                k += 1
            }
            while i < a.count { buffer[k] = a[i]; i += 1; k += 1 }
            while j < b.count { buffer[k] = b[j]; j += 1; k += 1 }
            count = k
        }
        return Monomial(uncheckedPacked: words, totalDegree: lhs.totalDegree + rhs.totalDegree)
    }

    /// The word of one symbol with the exponents of x and y (same id) added.
    @inline(__always) static func sumOfExponents(_ x: UInt64, _ y: UInt64) -> UInt64 {
        let e = (x & 0xFFFF_FFFF) + (y & 0xFFFF_FFFF)
        precondition(e <= 0xFFFF_FFFF, "Monomial exponent overflow")
        return (x & ~0xFFFF_FFFF) | e
    }

    /// self^n: every exponent times n. Precondition: n >= 0.
    public func power(_ n: Int) -> Monomial {
        precondition(n >= 0, "Monomial.power needs a non-negative exponent")
        if n == 0 { return .one }
        let (degree, overflow) = totalDegree.multipliedReportingOverflow(by: n)
        precondition(!overflow, "Monomial exponent overflow")
        return Monomial(
            uncheckedPacked: packed.map { Monomial.word(id: Monomial.id($0), exponent: Monomial.exponent($0) * n) },
            totalDegree: degree)
    }

    /// self / divisor when `divisor` divides self (every exponent at most self's), else nil.
    public func dividedExactly(by divisor: Monomial) -> Monomial? {
        if divisor.isOne { return self }
        if divisor.totalDegree > totalDegree { return nil }
        let d = divisor.packed
        var words: [UInt64] = []
        words.reserveCapacity(packed.count)
        var j = 0
        for w in packed {
            var e = Monomial.exponent(w)
            if j < d.count {
                let (own, other) = (w >> 32, d[j] >> 32)
                if other < own { return nil }
                if other == own {
                    e -= Monomial.exponent(d[j])
                    j += 1
                    if e < 0 { return nil }
                }
            }
            if e > 0 { words.append((w & ~0xFFFF_FFFF) | UInt64(e)) }
        }
        guard j == d.count else { return nil }
        return Monomial(uncheckedPacked: words, totalDegree: totalDegree - divisor.totalDegree)
    }

    /// Equal stored words.
    public static func == (lhs: Monomial, rhs: Monomial) -> Bool {
        lhs.totalDegree == rhs.totalDegree && lhs.packed == rhs.packed
    }

    /// Hashes one word folded from the stored words (one `combine`, however many symbols).
    public func hash(into hasher: inout Hasher) {
        var h = UInt64(truncatingIfNeeded: packed.count)
        for w in packed {
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
        }
        hasher.combine(h)
    }

    /// Graded lexicographic order by name (see the type's documentation).
    public static func < (lhs: Monomial, rhs: Monomial) -> Bool {
        let (dl, dr) = (lhs.totalDegree, rhs.totalDegree)
        if dl != dr { return dl < dr }
        if lhs.packed == rhs.packed { return false }
        let ranks = SymbolTable.ranks()
        return lexicographicallyPrecedes(lhs.rankKey(ranks), rhs.rankKey(ranks))
    }

    /// The words `rank << 32 | exponent` sorted by rank: the name-order form, for comparisons.
    func rankKey(_ ranks: [UInt32]) -> [UInt64] {
        var key = packed.map { UInt64(ranks[Int(Monomial.id($0))]) << 32 | ($0 & 0xFFFF_FFFF) }
        if key.count > 1 { key.sort() }
        return key
    }

    /// Pure lexicographic comparison of two exponent vectors given as sorted
    /// `key << 32 | exponent` words (first larger exponent is greater).
    static func lexicographicallyPrecedes(_ lhs: [UInt64], _ rhs: [UInt64]) -> Bool {
        var i = 0
        let n = Swift.min(lhs.count, rhs.count)
        while i < n {
            let (x, y) = (lhs[i], rhs[i])
            if x != y {
                if x >> 32 == y >> 32 { return x < y }  // same symbol: the smaller exponent precedes
                // The side holding the smaller symbol has a positive exponent where the other has 0.
                return y >> 32 < x >> 32
            }
            i += 1
        }
        return lhs.count < rhs.count
    }

    /// Graded lexicographic order with symbol ids in place of names: a monomial order fixed
    /// for the life of the process, without name look-ups (internal: exact division).
    static func idOrderPrecedes(_ lhs: Monomial, _ rhs: Monomial) -> Bool {
        if lhs.totalDegree != rhs.totalDegree { return lhs.totalDegree < rhs.totalDegree }
        return lexicographicallyPrecedes(lhs.packed, rhs.packed)
    }

    /// Plain form `a^2*b` (`1` for `.one`), as read back by `Polynomial.parse`.
    public var description: String {
        if isOne { return "1" }
        return powers.map { s, e in e == 1 ? s.name : "\(s.name)^\(e)" }.joined(separator: "*")
    }

    /// Whether the ids are strictly increasing and every exponent is positive.
    public func checkInvariants() -> Bool {
        var degree = 0
        for w in packed { degree += Monomial.exponent(w) }
        return totalDegree == degree
            && packed.allSatisfy { Monomial.exponent($0) > 0 }
            && zip(packed, packed.dropFirst()).allSatisfy { $0 >> 32 < $1 >> 32 }
    }
}
