#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import ExactNumbers
import Testing

/// Division by zero is a Swift precondition failure (a trap: SIGILL/SIGTRAP), checked before
/// GMP is called; GMP itself would raise SIGFPE, which would mean the check is missing.
@Suite struct DivisionByZeroTests {
    /// The child processes inherit the environment: with the runtime's backtracer off, a
    /// crashing child exits at once instead of spending seconds symbolicating its stack.
    init() {
        setenv("SWIFT_BACKTRACE", "enable=no", 1)
    }

    /// The child process failed, and not by GMP's SIGFPE.
    static func failedByPrecondition(_ result: ExitTest.Result?, _ comment: Comment) {
        guard let status = result?.exitStatus else { return }  // #expect already recorded it
        #expect(status != .signal(SIGFPE), comment)
    }

    @Test func rationalDivisionByZeroIsAPreconditionFailure() async {
        let r = await #expect(processExitsWith: .failure) {
            _ = Rational(1) / Rational(0)
        }
        Self.failedByPrecondition(r, "Rational / 0")
    }

    @Test func rationalCompoundDivisionByZeroIsAPreconditionFailure() async {
        let r = await #expect(processExitsWith: .failure) {
            var x = Rational(3, 4)
            x /= Rational.zero
            print(x)
        }
        Self.failedByPrecondition(r, "Rational /= 0")
    }

    @Test func reciprocalOfZeroIsAPreconditionFailure() async {
        let r = await #expect(processExitsWith: .failure) {
            _ = Rational.zero.reciprocal
        }
        Self.failedByPrecondition(r, "reciprocal of 0")
    }

    @Test func zeroToANegativePowerIsAPreconditionFailure() async {
        let r = await #expect(processExitsWith: .failure) {
            _ = Rational.zero.power(-2)
        }
        Self.failedByPrecondition(r, "0^-2")
    }

    @Test func zeroDenominatorIsAPreconditionFailure() async {
        let r = await #expect(processExitsWith: .failure) {
            _ = Rational(numerator: BigInt(1), denominator: BigInt(0))
        }
        Self.failedByPrecondition(r, "Rational(numerator: 1, denominator: 0)")
        let s = await #expect(processExitsWith: .failure) {
            _ = Rational(5, 0)
        }
        Self.failedByPrecondition(s, "Rational(5, 0)")
    }

    @Test func bigIntQuotientAndRemainderByZeroIsAPreconditionFailure() async {
        let r = await #expect(processExitsWith: .failure) {
            _ = BigInt(7).quotientAndRemainder(dividingBy: BigInt(0))
        }
        Self.failedByPrecondition(r, "BigInt.quotientAndRemainder by 0")
    }

    @Test func bigIntExactDivisionByZeroIsAPreconditionFailure() async {
        let r = await #expect(processExitsWith: .failure) {
            _ = BigInt(0).dividedExactly(by: BigInt(0))
        }
        Self.failedByPrecondition(r, "BigInt.dividedExactly by 0")
    }

    @Test func divisibilityByZeroIsAnAnswerNotACrash() {
        #expect(BigInt(0).isDivisible(by: 0))
        #expect(!BigInt(5).isDivisible(by: 0))
    }
}
