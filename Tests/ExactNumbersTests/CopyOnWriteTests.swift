import CGMP  // only to drive the package accessor `withUnsafeMutableMPZ` with a real GMP call
import ExactNumbers
import PropertyBased
import Testing
import TestSupport

/// Every mutating operation leaves earlier copies untouched (one test per operation family),
/// and every operation accepts its own operand as an argument (`a += a`).
@Suite struct CopyOnWriteTests {
    // MARK: Rational

    @Test(.shrinking) func rationalCompoundAssignmentLeavesEarlierCopiesUnchanged() async {
        await seededCheck(count: 200, input: TestGen.fraction, TestGen.fraction) { fa, fb in
            let b = fb.rational
            let ops: [(String, (inout Rational, Rational) -> Void, (Fraction, Fraction) -> Fraction)] = [
                ("+=", { $0 += $1 }, { $0 + $1 }),
                ("-=", { $0 -= $1 }, { $0 - $1 }),
                ("*=", { $0 *= $1 }, { $0 * $1 }),
                ("/=", { $0 /= $1 }, { $0 / $1 }),
            ]
            for (name, mutate, oracle) in ops {
                if name == "/=" && fb.isZero { continue }
                var a = fa.rational
                let copy = a
                var copies = [a, a]
                mutate(&a, b)
                #expect(copy == fa.rational && copy.description == fa.description, "copy changed by \(name)")
                #expect(copies.allSatisfy { $0 == fa.rational }, "array copy changed by \(name)")
                #expect(agrees(a, with: oracle(fa, fb)), "\(fa) \(name) \(fb)")
                // Mutating a copy does not reach back into the original either.
                mutate(&copies[0], b)
                #expect(copies[1] == fa.rational && copy == fa.rational)
            }
        }
    }

    @Test func rationalCopyOfCopyChainIsIndependent() {
        var a = Rational(1, 3)
        var b = a
        let c = b
        b += Rational(1, 3)
        a *= Rational(3)
        #expect(a == 1 && b == Rational(2, 3) && c == Rational(1, 3))
    }

    // MARK: BigInt

    @Test(.shrinking) func bigIntMutationsLeaveEarlierCopiesUnchanged() async {
        await seededCheck(
            count: 200, input: TestGen.bigInt(limbs: 1...6), TestGen.bigInt(limbs: 1...6), TestGen.bigInt(limbs: 1...6)
        ) { x0, y, z in
            let witness = BigInt(x0.description)!  // an independent value to compare copies with
            let ops: [(String, (inout BigInt) -> Void, BigInt)] = [
                ("+=", { $0 += y }, x0 + y),
                ("-=", { $0 -= y }, x0 - y),
                ("*=", { $0 *= y }, x0 * y),
                ("addProduct", { $0.addProduct(y, z) }, x0 + y * z),
                ("subtractProduct", { $0.subtractProduct(y, z) }, x0 - y * z),
                (
                    "withUnsafeMutableMPZ",
                    { x in
                        x.withUnsafeMutableMPZ { raw in
                            let p = raw.assumingMemoryBound(to: __mpz_struct.self)
                            __gmpz_add_ui(p, p, 12_345)
                        }
                    }, x0 + 12_345
                ),
            ]
            for (name, mutate, expected) in ops {
                var x = x0
                let copy = x
                var boxed = [x]
                mutate(&x)
                #expect(x == expected, "\(name)")
                #expect(copy == witness && boxed[0] == witness && x0 == witness, "copy changed by \(name)")
                mutate(&boxed[0])
                #expect(copy == witness && x == expected && boxed[0] == expected)
            }
        }
    }

    @Test func rationalPartsAreCopiesNotViews() {
        let r = Rational(-7, 3)
        var n = r.numerator, d = r.denominator
        n += 100
        d *= 5
        #expect(r == Rational(-7, 3) && r.checkInvariants())
        var i = BigInt(10)
        let q = Rational(i)
        i += 1
        #expect(q == 10)
    }

    // MARK: Aliasing: the destination is also an operand

    @Test(.shrinking) func rationalSelfAssignmentOperatorsMatchOracle() async {
        await seededCheck(count: 200, input: TestGen.fraction) { f in
            var a = f.rational; let before = a
            a += a
            #expect(agrees(a, with: f + f) && before == f.rational)
            a = f.rational; a -= a
            #expect(a.isZero && a.checkInvariants())
            a = f.rational; a *= a
            #expect(agrees(a, with: f * f))
            if !f.isZero {
                a = f.rational; let shared = a
                a /= a
                #expect(a.isOne && shared == f.rational)
            }
            // Uniquely referenced destination (no copy outstanding) aliasing itself.
            var u = Rational(numerator: BigInt(int128: f.numerator), denominator: BigInt(int128: f.denominator))
            u += u; u *= u
            #expect(agrees(u, with: (f + f) * (f + f)))
        }
    }

    @Test(.shrinking) func bigIntSelfAssignmentAndSelfFusedMultiplyAdd() async {
        await seededCheck(count: 200, input: TestGen.bigInt(limbs: 1...10)) { x0 in
            var x = x0
            x += x
            #expect(x == x0 * 2)
            x = x0; x -= x
            #expect(x.isZero)
            x = x0; x *= x
            #expect(x == x0.power(2))
            x = x0; x.addProduct(x, x)
            #expect(x == x0 + x0 * x0)
            x = x0; x.subtractProduct(x, x)
            #expect(x == x0 - x0 * x0)
            #expect(x0 == BigInt(x0.description)!)
        }
    }
}
