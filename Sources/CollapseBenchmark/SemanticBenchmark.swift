// collapse-bench semantic: times the decision of the relu(t) − relu(−t) networks (issue 10
// item 8): n inputs, 2n relu units in cancelling pairs, one output. The normalisation
// cancels every pair before any region enumeration (2^n orthants otherwise).
//
//   swift run -c release collapse-bench semantic [--inputs 13,64,256] [--reps 5]
//
// Prints one JSON line per size: {"inputs", "units", "verdict", "steps", "analyze_s_median"}.
import ExactNumbers
import Algebra
import Collapse
import NetworkModel

/// The network Σ_i c_i (relu(x_i) − relu(−x_i)) with c_i = i.
func cancellingPairs(_ n: Int) -> Network {
    var rows = [Rational](), out = [Rational]()
    rows.reserveCapacity(2 * n * n)
    for i in 0..<n {
        for sign in [1, -1] {
            for j in 0..<n { rows.append(j == i ? Rational(sign) : .zero) }
            out.append(Rational(sign * (i + 1)))
        }
    }
    return Network(
        name: "relu(t) - relu(-t) on \(n) inputs", inputNames: (1...n).map { "x\($0)" },
        layers: [
            Layer(
                dense: .numeric(
                    AffineMap(
                        weights: Matrix(rows: 2 * n, columns: n, entries: rows),
                        bias: Array(repeating: .zero, count: 2 * n))), activation: .relu),
            Layer(dense: .numeric(AffineMap(weights: Matrix(rows: 1, columns: 2 * n, entries: out), bias: [.zero]))),
        ])
}

func runSemanticBenchmark() {
    let sizes = option("--inputs", default: "13,64,256").compactMap { Int($0) }
    let reps = Int(option("--reps", default: "5").first ?? "5") ?? 5
    for n in sizes {
        let network = cancellingPairs(n)
        var times = [Double]()
        var last: Analysis? = nil
        for _ in 0..<max(reps, 1) {
            let start = now()
            last = Analyzer.analyze(network)
            times.append(now() - start)
        }
        times.sort()
        let median = times[times.count / 2]
        let steps = last?.normalization?.steps.count ?? 0
        print(
            "{\"inputs\": \(n), \"units\": \(2 * n), \"verdict\": \"\(last!.verdict.rawValue)\", \"steps\": \(steps), \"analyze_s_median\": \(median)}"
        )
    }
}
