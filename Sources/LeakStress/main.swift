// leak-stress: drives every BigInt/Rational operation in loops so that valgrind
// (scripts/check-leaks.sh) can prove no GMP limb or storage object is lost. Deterministic
// (a fixed-seed SplitMix64), so a leak report is reproducible. Prints one summary line.
import ExactNumbers
import Enclosures
import Algebra
import NetworkModel
import Collapse

var rng = SplitMix64(seed: 0x5EED_C011_A95E)
let iterations = 3_000
/// A checksum of results, printed so that no work can be optimised away.
var checksum = 0
var operations = 0

@MainActor func smallInt() -> Int { Int.random(in: -1_000_000...1_000_000, using: &rng) }
@MainActor func nonZero() -> Int { let v = smallInt(); return v == 0 ? 1 : v }
@MainActor func bigInt(limbs: Int) -> BigInt {
    var x = BigInt(Int.random(in: 1...Int.max, using: &rng))
    for _ in 1..<limbs { x = x.shiftedLeft(63) + BigInt(Int.random(in: 0...Int.max, using: &rng)) }
    return Bool.random(using: &rng) ? -x : x
}
@MainActor func fold(_ x: BigInt) { checksum &+= x.bitWidth &+ x.signum; operations += 1 }
@MainActor func fold(_ r: Rational) { checksum &+= r.bitSize &+ r.signum; operations += 1 }

// MARK: - ExactNumbers: BigInt

for _ in 0..<iterations {
    let a = bigInt(limbs: Int.random(in: 1...12, using: &rng))
    var b = bigInt(limbs: Int.random(in: 1...6, using: &rng))
    if b.isZero { b = 1 }
    fold(a + b); fold(a - b); fold(a * b); fold(-a); fold(a.magnitude)
    let (q, r) = a.quotientAndRemainder(dividingBy: b)
    fold(q); fold(r)
    fold((a * b).dividedExactly(by: b))
    checksum &+= a.isDivisible(by: b) ? 1 : 0
    fold(a.power(Int.random(in: 0...5, using: &rng)))
    fold(a.shiftedLeft(Int.random(in: 0...200, using: &rng)))
    fold(BigInt.gcd(a, b)); fold(BigInt.lcm(a, b))
    checksum &+= a.exactInt ?? 0
    checksum &+= (a < b ? 1 : 0) &+ (a == b ? 1 : 0) &+ (a.isOdd ? 1 : 0) &+ (a.isOne ? 1 : 0)

    // Copy-on-write: mutate a copy of a shared value with every mutating operation.
    var c = a
    c += b; fold(c)
    c = a; c -= b; fold(c)
    c = a; c *= b; fold(c)
    c = a; c.addProduct(a, b); fold(c)
    c = a; c.subtractProduct(b, b); fold(c)
    c = a; c.withUnsafeMutableMPZ { _ in }; fold(c)
    // Aliasing: the destination is also an operand.
    c = a; c += c; c -= c; fold(c)
    c = b; c *= c; c.addProduct(c, c); c.subtractProduct(c, c); fold(c)

    // Text.
    let text = a.description
    if let back = BigInt(text) { fold(back) }
    _ = BigInt("12x"); _ = BigInt("")
}

// MARK: - ExactNumbers: Rational

let literals = [
    "0.1", "-2.5e-3", "1e3", ".5", "5.", "+3", "1E-2", "3/-4", "-3/-4", " 7/3 ",
    "123456789012345678901234567890/987654321098765432109876543210", "1e300", "-1e-300",
]
let malformed = ["", "-", "1/0", "1/", "a", "1.2.3", "1e", "1/2/3", "0.5/2", "1e999999999", "½"]

for i in 0..<iterations {
    let a = Rational(smallInt(), nonZero())
    let b = Rational(numerator: bigInt(limbs: 3), denominator: bigInt(limbs: 2) + 1)
    let z = b.isZero ? Rational.one : b
    fold(a + b); fold(a - b); fold(a * b); fold(a / z); fold(-a)
    fold(z.reciprocal); fold(a.magnitude)
    fold(a.power(Int.random(in: -4...4, using: &rng) * (a.isZero ? 0 : 1)))
    fold(a.floor); fold(a.ceiling); fold(a.numerator); fold(a.denominator)
    fold(Rational.gcd(a, b)); fold(Rational.min(a, b)); fold(Rational.max(a, b))
    checksum &+= (a.checkInvariants() ? 1 : 0) &+ (a < b ? 1 : 0) &+ (a.isInteger ? 1 : 0)
    fold(Rational(BigInt(smallInt()))); fold(Rational(smallInt()))

    // Copy-on-write and aliasing.
    var c = a
    c += b; fold(c)
    c = a; c -= b; fold(c)
    c = a; c *= b; fold(c)
    c = a; c /= z; fold(c)
    c = z; c += c; c *= c; c /= c; c -= c; fold(c)

    // Parsing and printing (including every error path).
    if let parsed = try? Rational.parse(literals[i % literals.count]) { fold(parsed) }
    do { _ = try Rational.parse(malformed[i % malformed.count]) } catch { checksum &+= error.offset }
    if let back = Rational(b.description) { fold(back) }
    checksum &+= String(describing: a).utf8.count

    // Binary floating point.
    let d = Double(bitPattern: rng.next())
    if let exact = Rational(exactly: d) { fold(exact) }
    if let exactFloat = Rational(exactly: Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))) {
        fold(exactFloat)
    }
}

// Hashing: Sets and Dictionaries of both types, with growth and removal.
for round in 0..<20 {
    var rationals = Set<Rational>()
    var table: [BigInt: Rational] = [:]
    for j in 0..<150 {
        let r = Rational(j % 37, (j % 11) + 1)
        rationals.insert(r)
        table[bigInt(limbs: 1 + j % 3), default: .zero] += r
    }
    for r in rationals where r.signum > 0 && round % 2 == 0 { rationals.remove(r) }
    checksum &+= rationals.count &+ table.count
    operations += 300
}

// MARK: - Later modules: Enclosures, Algebra, NetworkModel, Collapse
// Interval enclosures (MPFR values initialised and cleared per call), polynomial and matrix
// arithmetic, spec parsing and writing, composition, witness search. Deterministic seeds.
let specText = """
    input: [x1, x2]
    layers:
      - dense: {weights: [[1, "2/3"], [w, -1]], bias: ["1/2", 0.25]}
      - dense: {weights: [["a*b - c^2", 2]]}
    """
for i in 0..<60 {
    let activations: [Activation] = [.relu, .sigmoid, .tanh, .identity, .abs, .gelu, .silu, .softplus, .arctan, .step]
    let network = RandomNetwork.make(
        inputs: 2, layers: 2, width: 3, outputs: 1, activation: activations[i % activations.count], seed: UInt64(i))
    let analysis = Analyzer.analyze(network)
    checksum &+= analysis.verdict.rawValue.utf8.count
    if let symbolic = try? SpecReader.parse(text: specText, file: "stress.yaml", format: .yaml) {
        let a = Analyzer.analyze(symbolic)
        checksum &+= a.layerFindings.count
        checksum &+= SpecWriter.json(symbolic).utf8.count
    }
    _ = try? SpecReader.parse(text: "layers: [[[", file: "bad.yaml", format: .yaml)
    _ = try? SpecReader.parse(
        text: "{\"input\": 1, \"layers\": [{\"dense\": {\"weights\": [[\"1/0\"]]}}]}", file: "bad.json", format: .json)
    let p = try! Polynomial.parse("(a + \(i)/7)^3 - b*a")
    checksum &+= (p * p).termCount
    let m = Matrix(rows: [[Rational(i, 3), Rational(1)], [Rational(2), Rational(-i, 5)]])
    checksum &+= (m * m).rank()
    let interval = RationalInterval(lo: Rational(-i, 7), hi: Rational(i + 1, 5))
    checksum &+= Enclosure.softmax([interval, Enclosure.sigmoid(interval), Enclosure.gelu(interval)]).count
    operations += 10
}

print("leak-stress: \(operations) operations over \(iterations) iterations per section, checksum \(checksum)")
