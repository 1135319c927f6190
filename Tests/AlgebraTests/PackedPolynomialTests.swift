import Algebra
import ExactNumbers
import Foundation
import Testing

/// The reference: polynomials as plain term dictionaries, with the schoolbook sum and product
/// written here over `Monomial.*` and dictionary updates (the representation `Polynomial` had
/// before its packed form). Independent of the packed keys, the sorted merge and the heap.
private struct ReferencePolynomial: Equatable {
    var terms: [Monomial: Rational]

    init(_ p: Polynomial) {
        var t: [Monomial: Rational] = [:]
        // Built from the printed form's terms (sortedTerms) rather than the dictionary view.
        for (m, c) in p.sortedTerms { t[m] = c }
        terms = t
    }

    init(terms: [Monomial: Rational]) { self.terms = terms.filter { !$0.value.isZero } }

    static func + (x: ReferencePolynomial, y: ReferencePolynomial) -> ReferencePolynomial {
        var t = x.terms
        for (m, c) in y.terms { t[m, default: .zero] += c }
        return ReferencePolynomial(terms: t)
    }

    static func - (x: ReferencePolynomial, y: ReferencePolynomial) -> ReferencePolynomial {
        var t = x.terms
        for (m, c) in y.terms { t[m, default: .zero] -= c }
        return ReferencePolynomial(terms: t)
    }

    static func * (x: ReferencePolynomial, y: ReferencePolynomial) -> ReferencePolynomial {
        var t: [Monomial: Rational] = [:]
        for (m, c) in x.terms {
            for (n, d) in y.terms { t[m * n, default: .zero] += c * d }
        }
        return ReferencePolynomial(terms: t)
    }

    func power(_ n: Int) -> ReferencePolynomial {
        var r = ReferencePolynomial(terms: [.one: .one])
        for _ in 0..<n { r = r * self }
        return r
    }

    /// The value at a point, term by term.
    func value(at point: [Symbol: Rational]) -> Rational {
        var sum = Rational.zero
        for (m, c) in terms {
            var v = c
            for (s, e) in zip(m.symbols, m.exponents) { v *= point[s]!.power(e) }
            sum += v
        }
        return sum
    }
}

/// Random sparse polynomials over many symbols (some shared, some not), so keys of different
/// strides, cancellations and repeated monomials all occur.
private func randomPolynomial(_ rng: inout SplitMix64, symbols: [Symbol], maxTerms: Int) -> Polynomial {
    var p = Polynomial.zero
    for _ in 0..<Int.random(in: 0...maxTerms, using: &rng) {
        var powers: [Symbol: Int] = [:]
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            powers[symbols[Int.random(in: 0..<symbols.count, using: &rng)], default: 0] += Int.random(
                in: 1...3, using: &rng)
        }
        let c: Rational
        switch Int.random(in: 0..<8, using: &rng) {
        case 0:
            c = Rational(
                numerator: BigInt(Int.random(in: -9...9, using: &rng)) * BigInt(10).power(30) + BigInt(1),
                denominator: BigInt(7))
        case 1: c = Rational(Int.max - Int.random(in: 0...3, using: &rng))  // overflows the kernel's machine words
        default: c = Rational(Int.random(in: -5...5, using: &rng), Int.random(in: 1...4, using: &rng))
        }
        p += Polynomial(coefficient: c, monomial: Monomial(powers))
    }
    return p
}

private let manySymbols: [Symbol] = (0..<12).map { Symbol("pk\(($0 * 7) % 12)") }  // names not in id order

@Suite struct PackedPolynomial {
    @Test func arithmeticMatchesTheDictionaryReference() {
        var rng = SplitMix64(seed: 20261126)
        for _ in 0..<150 {
            let x = randomPolynomial(&rng, symbols: manySymbols, maxTerms: 7)
            let y = randomPolynomial(&rng, symbols: manySymbols, maxTerms: 7)
            let (rx, ry) = (ReferencePolynomial(x), ReferencePolynomial(y))
            for (result, reference) in [
                (x + y, rx + ry), (x - y, rx - ry), (x * y, rx * ry), (-x, ReferencePolynomial(terms: [:]) - rx),
            ] {
                #expect(result.checkInvariants(), "\(x) | \(y)")
                #expect(ReferencePolynomial(result) == reference, "\(x) | \(y)")
                #expect(result.terms == reference.terms)
            }
            var z = x
            z += y
            z -= x
            #expect(z == y)
        }
    }

    @Test func powersMatchRepeatedReferenceProducts() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<40 {
            let x = randomPolynomial(&rng, symbols: Array(manySymbols.prefix(5)), maxTerms: 4)
            let n = Int.random(in: 0...5, using: &rng)
            let p = x.power(n)
            #expect(p.checkInvariants())
            #expect(ReferencePolynomial(p) == ReferencePolynomial(x).power(n), "(\(x))^\(n)")
        }
    }

    @Test func productsEvaluateToProductsOfValues() {
        var rng = SplitMix64(seed: 99)
        for _ in 0..<60 {
            let x = randomPolynomial(&rng, symbols: manySymbols, maxTerms: 9)
            let y = randomPolynomial(&rng, symbols: manySymbols, maxTerms: 9)
            var point: [Symbol: Rational] = [:]
            for s in manySymbols {
                point[s] = Rational(Int.random(in: -7...7, using: &rng), Int.random(in: 1...5, using: &rng))
            }
            #expect((x * y).evaluated(at: point) == x.evaluated(at: point) * y.evaluated(at: point))
            #expect(
                (x + y).evaluated(at: point) == ReferencePolynomial(x).value(at: point)
                    + ReferencePolynomial(y).value(at: point))
        }
    }

    @Test func exactDivisionRecoversTheFactor() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<40 {
            let x = randomPolynomial(&rng, symbols: Array(manySymbols.prefix(6)), maxTerms: 5)
            let y = randomPolynomial(&rng, symbols: Array(manySymbols.prefix(6)), maxTerms: 5)
            if y.isZero { continue }
            let q = (x * y).dividedExactly(by: y)
            #expect(q == x, "(\(x))·(\(y)) / (\(y))")
            if !y.isConstant, let r = (x * y + .one).dividedExactly(by: y) {
                Issue.record("\(y) divides (\(x))·(\(y)) + 1 with quotient \(r)")
            }
        }
    }

    @Test func printingOrderIsGradedLexByNameAndParsesBack() throws {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<80 {
            let x = randomPolynomial(&rng, symbols: manySymbols, maxTerms: 8)
            let sorted = x.sortedTerms
            // Monomial.< (name ranks, independent of the packed keys) orders them decreasingly.
            #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.monomial > $1.monomial }, "\(x)")
            #expect(sorted.count == x.termCount)
            if let lead = x.leadingTerm {
                #expect(lead.monomial == sorted[0].monomial && lead.coefficient == sorted[0].coefficient)
            }
            #expect(try Polynomial.parse(x.description) == x)
            // The direct printer equals the term-by-term rendering of sortedTerms.
            var expected = sorted.isEmpty ? "0" : ""
            for (index, (m, c)) in sorted.enumerated() {
                expected += index == 0 ? (c.signum < 0 ? "-" : "") : (c.signum < 0 ? " - " : " + ")
                let magnitude = c.magnitude
                expected +=
                    m.isOne
                    ? magnitude.description : (magnitude.isOne ? m.description : "\(magnitude)*\(m.description)")
            }
            #expect(x.description == expected)
            for (m, c) in sorted { #expect(x.coefficient(of: m) == c) }
            #expect(x.coefficient(of: Monomial(Symbol("pk_absent"))) == .zero)
        }
    }

    @Test func matrixKernelEqualsEntrywiseSums() {
        var rng = SplitMix64(seed: 3)
        let entry = { (rng: inout SplitMix64) in randomPolynomial(&rng, symbols: manySymbols, maxTerms: 3) }
        let a = Matrix(rows: 3, columns: 4, entries: (0..<12).map { _ in entry(&rng) })
        let b = Matrix(rows: 4, columns: 2, entries: (0..<8).map { _ in entry(&rng) })
        let product = a * b
        for i in 0..<3 {
            for j in 0..<2 {
                var reference = ReferencePolynomial(terms: [:])
                for k in 0..<4 { reference = reference + ReferencePolynomial(a[i, k]) * ReferencePolynomial(b[k, j]) }
                #expect(ReferencePolynomial(product[i, j]) == reference)
                #expect(product[i, j].checkInvariants())
            }
        }
    }

    @Test func anInterruptStopsALongProductAndIsReported() {
        // (Σ of 400 symbols)² has 160,000 term products: far more than one check interval.
        let x = (0..<400).map { Polynomial(Symbol("int\($0)")) }.reduce(Polynomial.zero, +)
        let interrupt = ComputationInterrupt { true }
        let start = Date()
        let stopped = ComputationInterrupt.$current.withValue(interrupt) { x * x }
        #expect(interrupt.wasRaised)
        #expect(stopped.termCount < 80_200)  // abandoned: not the full square
        #expect(Date().timeIntervalSince(start) < 10)
        let never = ComputationInterrupt { false }
        let full = ComputationInterrupt.$current.withValue(never) { x * x }
        #expect(!never.wasRaised)
        #expect(full.termCount == 400 * 401 / 2)
    }
}
