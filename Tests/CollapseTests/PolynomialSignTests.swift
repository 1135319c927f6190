import Testing
import ExactNumbers
import Algebra
@testable import Collapse

/// The exact sign tests against evaluation: Sturm/Yun for one variable, the Gram-matrix sum
/// of squares for several.
@Suite struct PolynomialSign {
    /// Coefficients of Π (t − r_i)^{m_i} times c.
    static func product(_ c: Rational, _ roots: [(Rational, Int)]) -> [Rational] {
        var p: [Rational] = [c]
        for (r, m) in roots { for _ in 0..<m { p = UnivariateSign.multiply(p, [-r, 1]) } }
        return p
    }

    static func value(_ p: [Rational], at t: Rational) -> Rational {
        p.reversed().reduce(Rational.zero) { $0 * t + $1 }
    }

    @Test func knownSigns() {
        #expect(UnivariateSign.isPositive([1, 0, 1]))  // t² + 1
        #expect(!UnivariateSign.isPositive(Self.product(1, [(1, 2), (-2, 2)])))  // (t−1)²(t+2)²: zero at 1, −2
        #expect(UnivariateSign.isNonNegative(Self.product(1, [(1, 2), (-2, 2)])))
        #expect(!UnivariateSign.isNonNegative(Self.product(1, [(1, 3)])))  // (t−1)³
        #expect(!UnivariateSign.isNonNegative([0, 0, -1, 0, 1]))  // t⁴ − t² < 0 near 0
        #expect(UnivariateSign.isNonNegative(Self.product(3, [(Rational(1, 3), 2), (5, 4)])))
        #expect(!UnivariateSign.isNonNegative(Self.product(-1, [(0, 2)])))  // −t²
        #expect(UnivariateSign.isNonNegative([]) && !UnivariateSign.isPositive([]))  // the zero polynomial
    }

    @Test func signTestsAgreeWithEvaluation() {
        var rng = SplitMix64(seed: 4242)
        var nonNegativeSeen = 0, negativeSeen = 0
        for _ in 0..<200 {
            // Random products of (t − r)^m with small multiplicities, times ±1, plus 0 or a small constant.
            let count = Int.random(in: 1...3, using: &rng)
            let roots = (0..<count).map { _ in
                (
                    Rational.random(numerators: -4...4, denominators: 1...3, using: &rng),
                    Int.random(in: 1...3, using: &rng)
                )
            }
            var p = Self.product(Bool.random(using: &rng) ? 1 : -1, roots)
            p[0] += Rational(Int.random(in: -1...1, using: &rng), 4)
            let points =
                (0..<40).map { _ in Rational.random(numerators: -40...40, denominators: 1...8, using: &rng) }
                + roots.map(\.0)
            let values = points.map { Self.value(p, at: $0) }
            if UnivariateSign.isNonNegative(p) {
                nonNegativeSeen += 1
                #expect(values.allSatisfy { $0.signum >= 0 }, "\(p)")
            } else {
                negativeSeen += 1
            }
            if UnivariateSign.isPositive(p) { #expect(values.allSatisfy { $0.signum > 0 }, "\(p)") }
            // A value below zero must rule non-negativity out.
            if values.contains(where: { $0.signum < 0 }) { #expect(!UnivariateSign.isNonNegative(p), "\(p)") }
        }
        #expect(nonNegativeSeen > 10 && negativeSeen > 10)
    }

    @Test func gramMatrixLowerBounds() {
        let x = Polynomial(Symbol("x")), y = Polynomial(Symbol("y"))
        #expect(SumOfSquares.lowerBound((x + y) * (x + y) + Polynomial(1)) == 1)
        #expect(SumOfSquares.lowerBound(x * x + y * y - Polynomial(1)) == -1)
        #expect(SumOfSquares.lowerBound(x * y) == nil)
        let p = x * x + y
        #expect(SumOfSquares.lowerBound(p * p + Polynomial(3)) == 3)
        #expect(SumOfSquares.lowerBound(x * x * x) == nil)
        // Every proved bound holds at random points.
        var rng = SplitMix64(seed: 99)
        var proved = 0
        for _ in 0..<40 {
            let a = Rational.random(numerators: -3...3, denominators: 1...2, using: &rng),
                b = Rational.random(numerators: -3...3, denominators: 1...2, using: &rng)
            let c = Rational.random(numerators: -3...3, denominators: 1...2, using: &rng)
            let q =
                (Polynomial(a) * x + Polynomial(b) * y) * (Polynomial(a) * x + Polynomial(b) * y) + Polynomial(c) * x
                * x + Polynomial(c)
            guard let bound = SumOfSquares.lowerBound(q) else { continue }
            proved += 1
            for _ in 0..<10 {
                let values = [
                    Symbol("x"): Rational.random(numerators: -20...20, denominators: 1...5, using: &rng),
                    Symbol("y"): Rational.random(numerators: -20...20, denominators: 1...5, using: &rng),
                ]
                #expect(q.evaluated(at: values) >= bound)
            }
        }
        #expect(proved >= 10)  // every draw with c >= 0 (about half) has a PSD Gram matrix
    }
}
