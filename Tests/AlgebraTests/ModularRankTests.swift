import Testing
import ExactNumbers
import Algebra

/// rank(atMost:) is exact: it agrees with fraction-free elimination on random matrices of
/// every shape, full rank or not, whatever bound is claimed (as long as it is a true bound).
@Suite struct ModularRank {
    @Test(arguments: 0..<40)
    func boundedRankEqualsBareissRank(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let rows = Int.random(in: 0...6, using: &rng), inner = Int.random(in: 0...6, using: &rng),
            cols = Int.random(in: 0...6, using: &rng)
        func random(_ r: Int, _ c: Int) -> Matrix<Rational> {
            Matrix(
                rows: r, columns: c,
                entries: (0..<(r * c)).map { _ in
                    Rational(Int.random(in: -9...9, using: &rng), Int.random(in: 1...5, using: &rng))
                })
        }
        // A product through an `inner`-wide bottleneck: rank <= inner.
        let m = random(rows, inner) * random(inner, cols)
        let exact = m.bareissRank()
        #expect(m.rank(atMost: inner) == exact, "seed \(seed)")
        #expect(m.rank(atMost: min(rows, cols)) == exact, "seed \(seed)")
        if let r = m.rankModulo(2_147_483_647) { #expect(r <= exact, "seed \(seed): rank mod p is a lower bound") }
    }

    @Test func rankModuloLosesRankOnlyWhenThePrimeDividesAMinor() {
        let p = 2_147_483_647
        // det [[p, 0], [0, 1]] = p ≡ 0 (mod p): rank 1 mod p but 2 over the rationals.
        let m = Matrix(rows: [[Rational(p), Rational(0)], [Rational(0), Rational(1)]])
        #expect(m.rankModulo(UInt(p)) == 1)
        #expect(m.rank() == 2)
        #expect(m.rank(atMost: 2) == 2)
    }
}
