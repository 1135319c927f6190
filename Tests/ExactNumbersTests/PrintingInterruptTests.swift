import ExactNumbers
import Testing

/// `PrintingInterrupt`: past its deadline every large number prints as `0` and the interrupt
/// says so; before it, the text is exactly the uninterrupted one.
@Suite struct PrintingInterruptTests {
    /// (3·10^k + 1)/2, in lowest terms (the numerator is odd): k + 1 digits over 1.
    static func huge(_ k: Int) -> Rational {
        Rational(numerator: BigInt(3) * BigInt(10).power(k) + BigInt(1), denominator: BigInt(2))
    }

    @Test func pastTheDeadlineLargeNumbersAreSkippedAndCounted() {
        let values = [Self.huge(20_000), Self.huge(30_000)]
        let interrupt = PrintingInterrupt(deadline: ContinuousClock.now - .seconds(1))
        let texts = PrintingInterrupt.$current.withValue(interrupt) {
            values.map(\.description) + [BigInt(10).power(50_000).description]
        }
        #expect(interrupt.wasRaised)
        #expect(texts == ["0/2", "0/2", "0"])
        // Every digit asked for is counted, printed or not (each within 2 of the exact count).
        let exact = 20_001 + 30_001 + 50_001
        #expect(interrupt.requestedDigits >= exact && interrupt.requestedDigits <= exact + 6 + 4)
        // Machine-word numbers are not large: they print in full even past the deadline.
        let small = PrintingInterrupt.$current.withValue(interrupt) { Rational(-3, 4).description }
        #expect(small == "-3/4")
    }

    @Test func beforeTheDeadlineTheTextIsUnchanged() {
        let values = (0..<20).map { Self.huge(12_000 + 100 * $0) }
        let interrupt = PrintingInterrupt(deadline: ContinuousClock.now + .seconds(3600))
        var bytes: [UInt8] = []
        let texts = PrintingInterrupt.$current.withValue(interrupt) { () -> [String] in
            values[0].appendDescription(to: &bytes)
            return values.map(\.description)
        }
        #expect(!interrupt.wasRaised)
        #expect(texts == values.map(\.description))
        #expect(String(decoding: bytes, as: UTF8.self) == values[0].description)
        #expect(texts[0].hasPrefix("3") && texts[0].hasSuffix("1/2") && texts[0].count == 12_001 + 2)
    }
}
