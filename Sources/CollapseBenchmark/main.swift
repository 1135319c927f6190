// collapse-bench: times the exact composition of chains of dense layers (release build).
//
//   swift run -c release collapse-bench [--sizes 32,128,256] [--layers 2,4,8] [--flavours small,float32]
//   swift run -c release collapse-bench regions [...]   (region enumeration: RegionsBenchmark.swift)
//   swift run -c release collapse-bench domains [...]   (analysis on input boxes: DomainBenchmark.swift)
//   swift run -c release collapse-bench semantic [...]  (cancelling units: SemanticBenchmark.swift)
//   swift run -c release collapse-bench --spec FILE.json [--reps 3] [--order tree|chain] [--write OUT]
//
// With --spec: reads a contract spec (not timed), folds its layers, and times only
// AffineMap.composeChain (median of --reps); prints one JSON line {"spec", "order",
// "collapse_s_median", "collapse_cpu_s_median" (all threads), "num_bits", "den_bits"}. --write OUT writes W' row-major then b', one
// canonical rational per line: `sha256sum OUT` is the kit's result hash.
//
// Flavour "small": numerators in [-100, 100], denominators in [1, 100]; "float32":
// normal(0, 1/sqrt(n)) float32 weights taken exactly (their dyadic values). Fixed seed.
// Prints one row per workload: seconds of AffineMap.composeChain and the bit sizes of the
// largest numerator and denominator of W'. Timing is a benchmark, never a test assertion.
import ExactNumbers
import Algebra
import Collapse
import NetworkModel
#if canImport(Glibc)
    import Glibc
#endif

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// CPU time of the process (user + system, every thread), seconds: what load from other processes does not inflate.
func cpuNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func option(_ name: String, default value: String) -> [String] {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: name), i + 1 < args.count {
        return args[i + 1].split(separator: ",").map(String.init)
    }
    return value.split(separator: ",").map(String.init)
}

/// A weight of the given flavour. The float32 draw uses floating point only to make test
/// data; the weight is then taken exactly.
func weight(_ flavour: String, n: Int, rng: inout SplitMix64) -> Rational {
    if flavour == "small" {
        return Rational(Int.random(in: -100...100, using: &rng), Int.random(in: 1...100, using: &rng))
    }
    let u1 = Double.random(in: Double.ulpOfOne...1, using: &rng), u2 = Double.random(in: 0..<1, using: &rng)
    let gauss = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2) / Double(n).squareRoot()
    return Rational(exactly: Float(gauss))!
}

func chain(_ flavour: String, n: Int, layers: Int) -> [AffineMap<Rational>] {
    var rng = SplitMix64(seed: 20261122 &+ UInt64(n * 101 + layers))
    return (0..<layers).map { _ in
        let w = (0..<(n * n)).map { _ in weight(flavour, n: n, rng: &rng) }
        let b = (0..<n).map { _ in weight(flavour, n: n, rng: &rng) }
        return AffineMap(weights: Matrix(rows: n, columns: n, entries: w), bias: b)
    }
}

if CommandLine.arguments.dropFirst().first == "domains" {
    runDomainBenchmark()
    exit(0)
}

if CommandLine.arguments.dropFirst().first == "regions" {
    runRegionsBenchmark()
    exit(0)
}
if CommandLine.arguments.dropFirst().first == "semantic" {
    runSemanticBenchmark()
    exit(0)
}

if CommandLine.arguments.contains("--spec") {
    runSpec()
    exit(0)
}

/// The --spec mode (see the header).
func runSpec() {
    let path = option("--spec", default: "")[0]
    let reps = max(1, Int(option("--reps", default: "3")[0]) ?? 3)
    let orderName = option("--order", default: "tree")[0]
    let order: IntegerMatrix.ProductOrder = orderName == "chain" ? .rightToLeft : .balancedTree
    let network: Network
    do { network = try SpecReader.read(path: path) } catch {
        print("collapse-bench: \(error)")
        exit(2)
    }
    if Composition.foldedNumeric(network) == nil, let symbolic = Composition.foldedSymbolic(network), !symbolic.isEmpty
    {
        // A symbolic chain: time AffineMap<Polynomial>.composeChain (no --write).
        var times: [Double] = [], cpuTimes: [Double] = []
        for _ in 0..<reps {
            let (start, cpuStart) = (now(), cpuNow())
            let map = AffineMap<Polynomial>.composeChain(symbolic)
            times.append(now() - start)
            cpuTimes.append(cpuNow() - cpuStart)
            precondition(map.outputDimension == symbolic[symbolic.count - 1].outputDimension)
        }
        print(
            "{\"spec\": \"\(path)\", \"order\": \"symbolic\", \"collapse_s_median\": \(times.sorted()[times.count / 2]), "
                + "\"collapse_cpu_s_median\": \(cpuTimes.sorted()[cpuTimes.count / 2])}")
        return
    }
    guard let maps = Composition.foldedNumeric(network), !maps.isEmpty else {
        print("collapse-bench: \(path): not a numeric chain of affine layers")
        exit(2)
    }
    var times: [Double] = [], cpuTimes: [Double] = []
    var result: AffineMap<Rational>? = nil
    for _ in 0..<reps {
        result = nil  // free the previous result before the next pass
        let start = now(), cpuStart = cpuNow()
        result = AffineMap<Rational>.composeChain(maps, order: order)
        times.append(now() - start)
        cpuTimes.append(cpuNow() - cpuStart)
    }
    let map = result!
    let numBits = map.weights.entries.map { $0.numerator.bitWidth }.max() ?? 0
    let denBits = map.weights.entries.map { $0.denominator.bitWidth }.max() ?? 0
    if let out = option("--write", default: "").first, let file = fopen(out, "w") {
        for x in map.weights.entries { fputs(x.description + "\n", file) }
        for x in map.bias { fputs(x.description + "\n", file) }
        fclose(file)
    }
    let median = times.sorted()[times.count / 2], cpuMedian = cpuTimes.sorted()[cpuTimes.count / 2]
    print(
        "{\"spec\": \"\(path)\", \"order\": \"\(orderName)\", \"collapse_s_median\": \(median), \"collapse_cpu_s_median\": \(cpuMedian), \"num_bits\": \(numBits), \"den_bits\": \(denBits)}"
    )
}

let sizes = option("--sizes", default: "32,128,256").compactMap { Int($0) }
let depths = option("--layers", default: "2,4,8").compactMap { Int($0) }
let flavours = option("--flavours", default: "small,float32")

func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
print("flavour      n   L   seconds   num bits   den bits")
for flavour in flavours {
    for n in sizes {
        for depth in depths {
            let maps = chain(flavour, n: n, layers: depth)
            let start = now()
            let result = AffineMap<Rational>.composeChain(maps)
            let seconds = now() - start
            let numBits = result.weights.entries.map { $0.numerator.bitWidth }.max() ?? 0
            let denBits = result.weights.entries.map { $0.denominator.bitWidth }.max() ?? 0
            let secondsText = String(Int((seconds * 10_000).rounded())).paddedSeconds
            print(
                "\(flavour.padding(8)) \(pad(String(n), 5)) \(pad(String(depth), 3)) \(pad(secondsText, 9)) \(pad(String(numBits), 10)) \(pad(String(denBits), 10))"
            )
        }
    }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
    /// "12345" ten-thousandths of a second as "1.2345".
    var paddedSeconds: String {
        let digits = count < 5 ? String(repeating: "0", count: 5 - count) + self : self
        var s = digits
        s.insert(".", at: s.index(s.endIndex, offsetBy: -4))
        return s
    }
}
