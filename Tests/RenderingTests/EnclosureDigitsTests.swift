import ExactNumbers
import Enclosures
import Algebra
import NetworkModel
import Collapse
import Rendering
import Testing
import Foundation
import FoundationEssentials

/// Numbers a person can compare (issue 16, item 4): enclosures are printed with the fewest
/// significant digits that show two sides apart, rounded outward, by one rule in text and LaTeX.
@Suite struct EnclosureDigitsTests {
    /// The printed `[lo, hi]` of a text rendering, read back exactly.
    func readBack(_ text: String) throws -> (lo: Rational, hi: Rational) {
        let inner = text.dropFirst().dropLast().components(separatedBy: ", ")
        #expect(inner.count == 2, "\(text)")
        return (try Rational.parse(inner[0]), try Rational.parse(inner[1]))
    }

    /// Seeded pairs of disjoint enclosures of every size, down to a relative gap of 10⁻⁹⁰:
    /// the printed intervals contain the enclosures, are disjoint, and one digit fewer would
    /// not show them apart.
    @Test func printedIntervalsAreOutwardDisjointAndShortest() throws {
        var rng = SplitMix64(seed: 16)
        for _ in 0..<60 {
            let exponent = Int(rng.next() % 121) - 60
            let gapExponent = Int(rng.next() % 90) + 1
            let center =
                Rational(Int(rng.next() % 9_000) + 1_000, 1_000) * Rational(10).power(exponent)
                * (rng.next() % 2 == 0 ? 1 : -1)
            let width = Rational(10).power(exponent - gapExponent) * Rational(Int(rng.next() % 5) + 1, 7)
            let a = RationalInterval(lo: center - width, hi: center)
            let b = RationalInterval(lo: center + width, hi: center + width * 2)
            let u = ExactValue.enclosed(a), v = ExactValue.enclosed(b)
            let d = EnclosureDigits.separating([u], [v])
            let p = try readBack(u.humanText(digits: d)), q = try readBack(v.humanText(digits: d))
            #expect(p.lo <= a.lo && a.hi <= p.hi, "not outward: \(u.humanText(digits: d)) for \(a)")
            #expect(q.lo <= b.lo && b.hi <= q.hi, "not outward: \(v.humanText(digits: d))")
            #expect(p.hi < q.lo, "not disjoint at \(d) digits: \(u.humanText(digits: d)) and \(v.humanText(digits: d))")
            if d > EnclosureDigits.minimum {
                let p1 = try readBack(u.humanText(digits: d - 1)), q1 = try readBack(v.humanText(digits: d - 1))
                #expect(!(p1.hi < q1.lo), "\(d - 1) digits already separate \(a) and \(b)")
            }
        }
    }

    @Test func exactSidesAndOverlappingOnesUseTheMinimum() {
        #expect(EnclosureDigits.separating([.exact(Rational(1))], [.exact(Rational(2))]) == EnclosureDigits.minimum)
        let i = ExactValue.enclosed(RationalInterval(lo: Rational(1), hi: Rational(2)))
        #expect(EnclosureDigits.separating([i], [i]) == EnclosureDigits.minimum)
    }

    @Test func plainDecimalsForOrdinarySizesAndAPowerOfTenOtherwise() {
        let i = ExactValue.enclosed(RationalInterval(lo: Rational(76, 100), hi: Rational(77, 100)))
        #expect(i.humanText() == "[0.760000, 0.770000]")
        let tiny = ExactValue.enclosed(
            RationalInterval(lo: Rational(3, 7) * Rational(10).power(-40), hi: Rational(4, 7) * Rational(10).power(-40))
        )
        #expect(tiny.humanText() == "[4.28571e-41, 5.71429e-41]")
    }

    /// The reproducer: the sides of tanh(1e-40·x)'s witness look identical at 10
    /// decimals; in the text report and the LaTeX derivation they now differ visibly.
    @Test func tinyTanhWitnessSidesArePrintedApart() throws {
        let weight = Rational(1, 10).power(40)
        let network = Network(
            name: nil, inputNames: ["x1"],
            layers: [
                Layer(dense: .numeric(AffineMap(weights: Matrix(rows: [[weight]]), bias: [.zero])), activation: .tanh)
            ])
        let analysis = Analyzer.analyze(network)
        let witness = try #require(analysis.affinity.witness)
        let text = TextReport.render(analysis)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let at = try #require(lines.firstIndex { $0.hasPrefix("F(x+y) + F(0) = ") })
        let lhs = lines[at], rhs = lines[at + 1]
        #expect(rhs.hasPrefix("F(x) + F(y) = "))
        // A one-entry vector is printed as the entry itself, `[lo, hi]`.
        let printedLHS = String(lhs.dropFirst("F(x+y) + F(0) = ".count))
        let printedRHS = String(rhs.dropFirst("F(x) + F(y) = ".count))
        let p = try readBack(printedLHS), q = try readBack(printedRHS)
        #expect(p.hi < q.lo || q.hi < p.lo, "the printed sides overlap: \(printedLHS) and \(printedRHS)")
        #expect(p.lo <= witness.lhs[0].interval!.lo && witness.lhs[0].interval!.hi <= p.hi)
        let digits = EnclosureDigits.separating(witness.lhs, witness.rhs)
        #expect(text.contains("printed with \(digits) significant digits throughout this report"))
        #expect(analysis.reason?.contains(printedLHS) == true, "the reason uses another rule")
        let latex = LaTeXDocument.render(analysis)
        #expect(latex.contains("\\times 10^{-41}"))
        #expect(latex.contains("\\underbrace{9\\cdots9}_{"))
    }

    /// The shared decimal exponent against a naive computation (multiply or divide by ten
    /// until 1 <= r < 10).
    @Test func decimalExponentMatchesANaiveCount() {
        var rng = SplitMix64(seed: 4)
        for _ in 0..<200 {
            let r =
                Rational(Int(rng.next() % 100_000) + 1, Int(rng.next() % 100_000) + 1)
                * Rational(10).power(Int(rng.next() % 80) - 40)
            var naive = 0, scaled = r
            while scaled >= Rational(10) { scaled = scaled / Rational(10); naive += 1 }
            while scaled < Rational(1) { scaled = scaled * Rational(10); naive -= 1 }
            #expect(EnclosureDigits.rounded(RationalInterval(exactly: r), digits: 3).exponent == naive, "\(r)")
            #expect(
                EnclosureDigits.rounded(RationalInterval(lo: -r, hi: r / Rational(3)), digits: 3).exponent == naive,
                "\(r)")
        }
    }
}
