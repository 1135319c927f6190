import ExactNumbers
import Testing

@testable import Algebra

/// `--timeout` bounds printing polynomials too (issue 14): under a `PrintingInterrupt` whose
/// deadline has passed, a long polynomial's text stops early and the interrupt is raised; under
/// one whose deadline is far away, the text is the full text.
@Suite struct PrintingInterruptTextTests {
    /// (a1 + … + a230)²: 26,565 terms, over 400,000 characters.
    static let square: Polynomial = {
        let sum = (1...230).map { Polynomial(Symbol("pit\($0)")) }.reduce(Polynomial.zero, +)
        return sum * sum
    }()

    @Test(arguments: ["description", "latex"])
    func aLongPolynomialStopsAtAPassedDeadline(form: String) {
        let p = Self.square
        let text = { form == "description" ? p.description : p.latex }
        let full = text()
        #expect(p.termCount == 26_565)
        #expect(full.utf8.count > 400_000, "long enough that the clock is read while writing")

        let passed = PrintingInterrupt(deadline: .now - .seconds(1))
        let cut = PrintingInterrupt.$current.withValue(passed) { text() }
        #expect(passed.wasRaised)
        #expect(cut.utf8.count * 5 < full.utf8.count * 3, "stopped after about 200,000 characters")
        #expect(full.hasPrefix(cut))

        let distant = PrintingInterrupt(deadline: .now + .seconds(3600))
        let whole = PrintingInterrupt.$current.withValue(distant) { text() }
        #expect(!distant.wasRaised)
        #expect(whole == full)
    }
}
