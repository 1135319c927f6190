import Testing
import ExactNumbers
import Enclosures
import Algebra

/// Exact constants (contract §4): canonical forms, printing, enclosures against MPFR.
@Suite struct ExactConstantTests {
    func sigma(_ t: Rational) -> ExactConstant { ExactConstant.applying(.sigmoid, to: ExactConstant(t))! }

    @Test func squareRootsAreCanonical() {
        #expect(ExactConstant.sqrt(Rational(8)) == ExactConstant(Rational(2)) * ExactConstant.sqrt(Rational(2)))
        #expect(ExactConstant.sqrt(Rational(2)) * ExactConstant.sqrt(Rational(2)) == ExactConstant(Rational(2)))
        #expect(
            ExactConstant.sqrt(Rational(6)) * ExactConstant.sqrt(Rational(3)) == ExactConstant(Rational(3))
                * ExactConstant.sqrt(Rational(2)))
        #expect(ExactConstant.sqrt(Rational(9, 4)).rationalValue == Rational(3, 2))
        #expect(ExactConstant.sqrt(Rational(1, 2)).description == "1/2*sqrt(2)")
        #expect(ExactConstant.sqrt(Rational(9, 8)).description == "3/4*sqrt(2)")
        #expect(ExactConstant.sqrt(Rational(2)).latex == "\\sqrt{2}")
        // A power of two far beyond 64 bits times a square-free odd part.
        let big = ExactConstant.sqrt(Rational(numerator: BigInt(3 * 49), denominator: BigInt(1).shiftedLeft(101)))
        #expect(big.description == "7/2251799813685248*sqrt(6)")
    }

    @Test func squareFreePartMatchesTrialDivision() {
        var rng = SplitMix64(seed: 1010)
        for _ in 0..<200 {
            let n = Int(rng.next() % 1_000_000) + 1
            let root = ExactConstant.sqrt(Rational(n))
            // Independent: the largest square dividing n, by trial division over all k.
            var s = 1
            var k = 1
            while k * k <= n { if n % (k * k) == 0 { s = k }; k += 1 }
            let m = n / (s * s)
            let expected =
                m == 1 ? ExactConstant(Rational(s)) : ExactConstant(Rational(s)) * ExactConstant(.squareRoot(BigInt(m)))
            #expect(root == expected, "sqrt(\(n))")
        }
    }

    @Test func reflectionsCancelInCanonicalForm() {
        let one = ExactConstant(Rational(1))
        #expect((sigma(1) - sigma(1)).isZero)
        #expect((sigma(1) + sigma(-1) - one).isZero)
        #expect(sigma(0).rationalValue == Rational(1, 2))
        let tanhHalf = ExactConstant.applying(.tanh, to: ExactConstant(Rational(1, 2)))!
        #expect((tanhHalf + ExactConstant.applying(.tanh, to: ExactConstant(Rational(-1, 2)))!).isZero)
        for f in [ConstantFunction.softplus, .silu, .gelu] {
            let plus = ExactConstant.applying(f, to: ExactConstant(Rational(2)))!
            let minus = ExactConstant.applying(f, to: ExactConstant(Rational(-2)))!
            #expect((plus - minus).rationalValue == Rational(2), "\(f)(2) - \(f)(-2) = 2")
        }
        #expect(ExactConstant.applying(.elu, to: ExactConstant(Rational(3)))!.rationalValue == Rational(3))
        #expect(ExactConstant.applying(.tanh, to: .zero)!.isZero)
        #expect((ExactConstant(Rational(2)) * sigma(1) + one).description == "2*sigmoid(1) + 1")
        let nested = ExactConstant.applying(.sigmoid, to: ExactConstant(Rational(2)) * sigma(1) + one)!
        #expect(nested.description == "sigmoid(2*sigmoid(1) + 1)")
        #expect(nested.latex == "\\sigma(2 \\sigma(1) + 1)")
    }

    /// Each function's constant against MPFR evaluated directly at 4x the precision: the
    /// enclosure at p contains the one at 4p, which is narrower.
    @Test func enclosuresContainTheValueAtFourTimesThePrecision() {
        var rng = SplitMix64(seed: 4242)
        let direct: [ConstantFunction: (Rational, Int) -> RationalInterval] = [
            .sigmoid: { Enclosure.sigmoid($0, precision: $1) }, .tanh: { Enclosure.tanh($0, precision: $1) },
            .arctan: { Enclosure.arctan($0, precision: $1) }, .softplus: { Enclosure.softplus($0, precision: $1) },
            .silu: { Enclosure.silu(RationalInterval(exactly: $0), precision: $1) },
            .gelu: { Enclosure.gelu(RationalInterval(exactly: $0), precision: $1) },
            .elu: { Enclosure.elu($0, alpha: .one, precision: $1) },
        ]
        for f in ConstantFunction.allCases {
            for _ in 0..<6 {
                var t = Rational(Int(rng.next() % 801) - 400, Int(rng.next() % 97) + 1)
                if f == .elu, t.signum >= 0 { t = -t - 1 }
                let c = ExactConstant.applying(f, to: ExactConstant(t))!
                for p in [64, 128, 256] {
                    let coarse = c.enclosure(precision: p)
                    let fine = direct[f]!(t, 4 * p)
                    #expect(coarse.contains(fine), "\(f)(\(t)) at \(p) bits")
                    #expect(fine.hi - fine.lo < coarse.hi - coarse.lo)
                    #expect(c.enclosure(precision: 4 * p).hi - c.enclosure(precision: 4 * p).lo < coarse.hi - coarse.lo)
                }
            }
        }
    }

    @Test func squareRootEnclosuresBracketTheRadicand() {
        var rng = SplitMix64(seed: 77)
        for _ in 0..<50 {
            let r = Rational(Int(rng.next() % 100_000) + 1, Int(rng.next() % 1000) + 1)
            let i = ExactConstant.sqrt(r).enclosure(precision: 200)
            #expect(i.lo.signum >= 0 && i.lo * i.lo <= r && r <= i.hi * i.hi, "sqrt(\(r))")
            #expect(i.hi - i.lo <= i.hi * Rational(numerator: .one, denominator: BigInt(1).shiftedLeft(190)))
        }
    }

    @Test func signIsDecidedByEnclosureOrReportedUndecided() {
        let half = ExactConstant(Rational(1, 2))
        #expect((sigma(1) - half).sign() == 1)
        #expect((half - sigma(1)).sign() == -1)
        // silu(1) = 1·σ(1): a true zero whose canonical form is not 0.
        let silu1 = ExactConstant.applying(.silu, to: ExactConstant(Rational(1)))!
        #expect(!(silu1 - sigma(1)).isZero)
        #expect((silu1 - sigma(1)).sign(upTo: 1024) == nil)
    }

    @Test func nearestFloat32OfAnIrrationalConstant() throws {
        let c = ExactConstant.sqrt(Rational(2))
        let (value, bound) = try #require(c.nearest(by: { $0.nearestFloat32Value }))
        #expect(value == Rational(exactly: Float(2).squareRoot())!)
        let i = c.enclosure(precision: 256)
        // The bound covers the true error, and is below half an ulp of float32 at 1.4.
        #expect((value - i.lo).magnitude <= bound && (value - i.hi).magnitude <= bound)
        #expect(bound < Rational(numerator: .one, denominator: BigInt(1).shiftedLeft(24)))
    }
}
