// collapse-bench domains: the analysis on an input domain (contract §5) for a network of ACAS
// Xu's shape — 5 inputs, six hidden layers of 50 relu units, 5 outputs — with float32 weights
// drawn normal(0, 1/sqrt(fan-in)) (seed fixed, taken exactly), on boxes of the given widths
// around a fixed random point in [-1, 1]^5.
//
//   swift run -c release collapse-bench domains [--widths 1/1000,1/100,1/30] [--centers 1,2,3]
//
// Prints one row per width: verdict, how it was decided, stable and unstable units (exact
// bound propagation), regions and linear programs, and the seconds of Analyzer.analyze.
import ExactNumbers
import Algebra
import Collapse
import NetworkModel

/// The ACAS-Xu-shaped network and the box centre (seed fixed).
func acasShapedNetwork(centerSeed: UInt64) -> (network: Network, center: [Rational]) {
    var rng = SplitMix64(seed: 20261125)
    var layers = [Layer]()
    var previous = 5
    for k in 0..<7 {
        let width = k < 6 ? 50 : 5
        let w = (0..<(width * previous)).map { _ in weight("float32", n: previous, rng: &rng) }
        let b = (0..<width).map { _ in weight("float32", n: previous, rng: &rng) }
        layers.append(
            Layer(
                dense: .numeric(AffineMap(weights: Matrix(rows: width, columns: previous, entries: w), bias: b)),
                activation: k < 6 ? .relu : .identity))
        previous = width
    }
    var pointRNG = SplitMix64(seed: centerSeed)
    let center = (0..<5).map { _ in Rational(Int.random(in: -1000...1000, using: &pointRNG), 1000) }
    return (Network(name: "acas-shaped", inputNames: (0..<5).map { "x\($0)" }, layers: layers), center)
}

func runDomainBenchmark() {
    let widths = option("--widths", default: "1/1000,1/100,1/30").map { try! Rational.parse($0) }
    let seeds = option("--centers", default: "1,2,3").map { UInt64($0)! }
    print("centre\twidth\tverdict\tmethod\tstable\tunstable\tregions\tLPs\tseconds")
    for seed in seeds {
        let (network, center) = acasShapedNetwork(centerSeed: seed)
        for width in widths {
            var onBox = network
            onBox.domain = InputDomain(
                box: center.map { InputDomain.Interval(lo: $0 - width / Rational(2), hi: $0 + width / Rational(2)) })
            var options = AnalysisOptions()
            options.maxRegions = 100_000
            options.illustrateRegions = false
            let start = now()
            let analysis = Analyzer.analyze(onBox, options: options)
            let seconds = now() - start
            let findings = analysis.domainFindings
            let regions = analysis.regions
            print(
                "\(seed)\t\(width)\t\(analysis.verdict.rawValue)\t\(findings?.method.rawValue ?? "-")\t\(findings?.stableUnits.map(String.init) ?? "-")\t\(findings?.unstableUnits.map(String.init) ?? "-")\t\(regions.map { String($0.regionsExamined) } ?? "-")\t\(regions.map { String($0.linearPrograms) } ?? "-")\t\((seconds * 1000).rounded() / 1000)"
            )
        }
    }
}
