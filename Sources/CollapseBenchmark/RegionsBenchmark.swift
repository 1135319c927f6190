// collapse-bench regions: times the exact region enumeration and the complete affinity
// decision on random ReLU networks (release build).
//
//   swift run -c release collapse-bench regions [--inputs 2,3,4] [--relus 8,16,24] [--depths 1,2,3] [--max-regions 20000]
//
// For each workload (inputs n, ReLUs split evenly over L hidden layers, one output, fixed
// seed) it prints the full-dimensional regions found, the exact linear programs solved and
// the seconds taken: enumeration of all regions, and the decision (which stops at the first
// two regions with different maps).
import ExactNumbers
import Algebra
import NetworkModel
import Collapse

func runRegionsBenchmark() {
    let inputs = option("--inputs", default: "2,3,4").compactMap { Int($0) }
    let relus = option("--relus", default: "8,16,24").compactMap { Int($0) }
    let depths = option("--depths", default: "1,2,3").compactMap { Int($0) }
    let limit = option("--max-regions", default: "20000").compactMap { Int($0) }.first ?? 20000
    print("inputs  relus  layers   regions      LPs   enumerate s   complete   decide s  verdict")
    for n in inputs {
        for total in relus {
            for depth in depths {
                let width = max(1, total / depth)
                let hidden = RandomNetwork.make(
                    inputs: n, layers: depth, width: width, activation: .relu,
                    seed: UInt64(1000 * n + 10 * total + depth))
                // One linear output after the hidden layers.
                var rng = SplitMix64(seed: UInt64(7 * total + n))
                let readout = AffineMap(
                    weights: Matrix(
                        rows: 1, columns: width,
                        entries: (0..<width).map { _ in
                            Rational.random(numerators: -5...5, denominators: 1...4, using: &rng)
                        }), bias: [.zero])
                let network = Network(
                    name: hidden.name, inputNames: hidden.inputNames,
                    layers: hidden.layers + [Layer(dense: .numeric(readout), activation: .identity)])
                var start = now()
                var count = 0
                let summary = RegionEnumerator.enumerate(network, options: RegionEnumerationOptions(maxRegions: limit))
                { region in
                    if region.isFullDimensional { count += 1 }
                    return true
                }!
                let enumerate = now() - start
                start = now()
                let analysis = Analyzer.analyze(network, options: AnalysisOptions(maxRegions: limit))
                let decide = now() - start
                let cols = [
                    pad(String(n), 6), pad(String(width * depth), 6), pad(String(depth), 7), pad(String(count), 9),
                    pad(String(summary.progress.linearPrograms), 8), pad(seconds(enumerate), 13),
                    pad(summary.complete ? "yes" : "no", 10), pad(seconds(decide), 10),
                    "  " + analysis.verdict.rawValue,
                ]
                print(cols.joined(separator: " "))
            }
        }
    }
    // The worst case of the decision: an affine network, so every region must be visited.
    // Units come in twins relu(w·x + b) − relu(−w·x − b) = w·x + b.
    print("\naffine twins (one hidden layer): the decision must visit every region")
    print("inputs  relus   regions      LPs   decide s  verdict")
    for n in inputs {
        for total in relus {
            let half = max(1, total / 2)
            let base = RandomNetwork.make(
                inputs: n, layers: 1, width: half, activation: .identity, seed: UInt64(5000 + 10 * n + total))
            guard let m = base.layers[0].dense?.rationalMap else { continue }
            let rows = m.weights.rowArrays
            let twin = AffineMap(
                weights: Matrix(rows: rows + rows.map { $0.map { -$0 } }), bias: m.bias + m.bias.map { -$0 })
            let readout = AffineMap(
                weights: Matrix(rows: [
                    Array(repeating: Rational.one, count: half) + Array(repeating: Rational(-1), count: half)
                ]), bias: [.zero])
            let network = Network(
                name: "twins", inputNames: base.inputNames,
                layers: [
                    Layer(dense: .numeric(twin), activation: .relu),
                    Layer(dense: .numeric(readout), activation: .identity),
                ])
            let start = now()
            let analysis = Analyzer.analyze(network, options: AnalysisOptions(maxRegions: limit))
            let decide = now() - start
            let r = analysis.regions
            let cols = [
                pad(String(n), 6), pad(String(2 * half), 6), pad(String(r?.fullDimensionalRegions ?? 0), 9),
                pad(String(r?.linearPrograms ?? 0), 8), pad(seconds(decide), 10), "  " + analysis.verdict.rawValue,
            ]
            print(cols.joined(separator: " "))
        }
    }
}

func seconds(_ s: Double) -> String {
    String(Int((s * 1000).rounded())).paddedMilliseconds
}

extension String {
    /// "1234" thousandths as "1.234".
    var paddedMilliseconds: String {
        var s = count < 4 ? String(repeating: "0", count: 4 - count) + self : self
        s.insert(".", at: s.index(s.endIndex, offsetBy: -3))
        return s
    }
}
