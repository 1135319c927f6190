public import ExactNumbers

extension Polynomial {
    /// The polynomial with each bound symbol replaced by its polynomial, all at once
    /// (simultaneous substitution: `a ↦ b, b ↦ a` swaps them). Unbound symbols stay.
    ///
    /// This is the ring homomorphism fixing ℚ and the unbound symbols, so
    /// `p.substituting(s).evaluated(at: v) == p.evaluated(at: v ∘ s)`.
    public func substituting(_ bindings: [Symbol: Polynomial]) -> Polynomial {
        guard case .general(let t) = representation, !bindings.isEmpty else { return self }
        var powers = PowerCache<Polynomial>(one: .one)
        var result = Polynomial.zero
        let names = SymbolTable.names()
        t.forEach { m, c in
            var product = Polynomial(c)
            var kept: [UInt64] = []
            m.forEachPower(names: names) { s, e in
                if let value = bindings[s] {
                    product = product * powers.power(value, of: s, exponent: e)
                } else {
                    kept.append(Monomial.word(id: s.id, exponent: e))
                }
            }
            if !kept.isEmpty {
                product = product * Polynomial(coefficient: .one, monomial: Monomial(uncheckedPacked: kept))
            }
            result += product
        }
        return result
    }

    /// The exact value with every symbol bound to a rational.
    /// Precondition: every symbol of the polynomial is bound in `values`.
    public func evaluated(at values: [Symbol: Rational]) -> Rational {
        switch representation {
        case .constant(let c): return c
        case .general(let t):
            var powers = PowerCache<Rational>(one: .one)
            var sum = Rational.zero
            let names = SymbolTable.names()
            t.forEach { m, c in
                var product = c
                m.forEachPower(names: names) { s, e in
                    guard let value = values[s] else {
                        preconditionFailure("Polynomial.evaluated(at:): symbol \(s.name) is not bound")
                    }
                    product *= powers.power(value, of: s, exponent: e)
                }
                sum += product
            }
            return sum
        }
    }

    /// The polynomial with the bound symbols replaced by their rational values; the others
    /// stay symbolic. Equals `substituting` with constant polynomials, computed with rational
    /// arithmetic.
    public func partiallyEvaluated(at values: [Symbol: Rational]) -> Polynomial {
        guard case .general(let t) = representation, !values.isEmpty else { return self }
        var powers = PowerCache<Rational>(one: .one)
        var result: [Monomial: Rational] = [:]
        let names = SymbolTable.names()
        t.forEach { m, c in
            var coefficient = c
            var kept: [UInt64] = []
            m.forEachPower(names: names) { s, e in
                if let value = values[s] {
                    coefficient *= powers.power(value, of: s, exponent: e)
                } else {
                    kept.append(Monomial.word(id: s.id, exponent: e))
                }
            }
            if coefficient.isZero { return }
            Polynomial.add(coefficient, to: Monomial(uncheckedPacked: kept), in: &result)
        }
        return Polynomial(normalizing: result)
    }
}

extension Polynomial {
    /// t[m] += c in a term dictionary, removing the entry when it cancels (internal).
    static func add(_ c: Rational, to m: Monomial, in t: inout [Monomial: Rational]) {
        if let index = t.index(forKey: m) {
            t.values[index] += c
            if t.values[index].isZero { t.remove(at: index) }
        } else {
            t[m] = c
        }
    }
}

/// Memoises value^e per (symbol, exponent) during one substitution or evaluation.
struct PowerCache<Value: ExactRing> {
    let one: Value
    private var cache: [Symbol: [Int: Value]] = [:]

    init(one: Value) { self.one = one }

    mutating func power(_ value: Value, of symbol: Symbol, exponent: Int) -> Value {
        if exponent == 1 { return value }
        if let hit = cache[symbol]?[exponent] { return hit }
        var result = one, base = value, e = exponent
        while e > 0 {
            if e & 1 == 1 { result = result * base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        cache[symbol, default: [:]][exponent] = result
        return result
    }
}
