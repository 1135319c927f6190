import Foundation
import Testing
import ExactNumbers
import Enclosures
import Algebra
import NetworkModel
import ModelFiles
import Collapse

/// BatchNormalization whose var + ε is not a square (scripts/make-onnx-fixtures.py, 13):
/// folded exactly with √ constants, against a plain float evaluation of the same model.
@Suite struct BatchNormSqrtTests {
    let file = "batchnorm-sqrt.onnx"

    /// The model in Double from its float32 values: Gemm, y = γ(h − μ)/√(var + ε) + β, Gemm.
    func float(_ x: [Double]) -> [Double] {
        func f(_ v: Double) -> Double { Double(Float(v)) }
        let w1: [[Double]] = [[0.5, -1.25], [1.5, 0.75], [-0.375, 2.0]], b1 = [0.125, -0.5, 1.0]
        let gamma = [1.0, 0.8, -1.5].map(f), beta = [0.1, 0.0, -0.25].map(f), mu = [0.3, -0.7, 0.05].map(f)
        let variance = [2.0, 0.5, 3.3].map(f), eps = f(1e-5)
        let w2: [[Double]] = [[1.0, -0.5, 0.25], [0.75, 1.25, -2.0]], b2 = [0.0, 0.5]
        let h = (0..<3).map { i in w1[i][0] * x[0] + w1[i][1] * x[1] + b1[i] }
        let n = (0..<3).map { i in gamma[i] * (h[i] - mu[i]) / (variance[i] + eps).squareRoot() + beta[i] }
        return (0..<2).map { r in (0..<3).reduce(b2[r]) { $0 + w2[r][$1] * n[$1] } }
    }

    @Test func importsWithSquareRootConstantsAndMatchesAFloatEvaluation() throws {
        let network = try Fixtures.network(file)
        #expect(network.hasOnlyConstantSymbols)
        #expect(network.symbols.allSatisfy { $0.name.hasPrefix("sqrt(") })
        var rng = SeededRandom(seed: 11)
        for _ in 0..<8 {
            let x = (0..<2).map { _ in Rational(Int(rng.next() % 33) - 16, 8) }
            let exact = try Evaluator.evaluate(network, at: x, precision: 200)
            let approx = float(x.map { $0.nearestDouble! })
            for i in 0..<2 {
                let enclosure = try #require(exact[i].interval)
                #expect(enclosure.hi - enclosure.lo < Rational(1, 1 << 30))
                let mid = (enclosure.lo + enclosure.hi) / 2
                let difference = abs(mid.nearestDouble! - approx[i])
                #expect(difference <= 1e-12 * max(1, abs(approx[i])), "output \(i) at \(x)")
            }
        }
    }

    @Test func collapsesWithSquareRootsInWPrimeAndEnclosuresAtEveryPosition() throws {
        let network = try Fixtures.network(file)
        let a = Analyzer.analyze(network)
        #expect(a.verdict == .affine)
        let map = try #require(a.collapsed)
        #expect(map.hasConstantEntries)
        let enclosures = map.constantEnclosures()
        let positions = enclosures.weights.map { [$0.row, $0.column] }
        #expect(positions == [[0, 0], [0, 1], [1, 0], [1, 1]])
        #expect(enclosures.bias.map(\.index) == [0, 1])
        #expect(map.weightTexts.joined().allSatisfy { $0.contains("sqrt(") })
        // W'x + b' from the enclosures overlaps F by the evaluator at a point.
        let x = [Rational(3, 4), Rational(-5, 2)]
        let f = try Evaluator.evaluate(network, at: x, precision: 200)
        for i in 0..<2 {
            var total = enclosures.bias[i].enclosure
            for e in enclosures.weights where e.row == i {
                total = total + e.enclosure * RationalInterval(exactly: x[e.column])
            }
            #expect(total.overlaps(f[i].interval!))
        }
    }

    @Test func fuseRoundsToTheNearestFloat32WithAnHonestErrorBound() throws {
        let network = try Fixtures.network(file)
        let result = Fusion.fuse(network)
        let run = try #require(result.runs.first)
        // The BatchNormalization folds into the first Gemm's layer: two layers, one run.
        #expect(run.firstLayer == 1 && run.lastLayer == 2)
        let exact = try #require(run.constants)
        var worst = Rational.zero
        for (p, stored) in zip(exact.weights.entries + exact.bias, run.map.weights.entries + run.map.bias) {
            let i = ExactConstant(p)!.enclosure(precision: 400)
            // Independent: both ends of a fine enclosure round to the stored float32.
            #expect(i.lo.nearestFloat32Value == stored && i.hi.nearestFloat32Value == stored)
            worst = max(worst, (stored - i.lo).magnitude, (stored - i.hi).magnitude)
        }
        let bound = try #require(run.float32MaxAbsError)
        // The reported bound is at least the error (up to the fine enclosure's width) and tight.
        let tiny = Rational(numerator: .one, denominator: BigInt(1).shiftedLeft(100))
        #expect(bound + tiny >= worst - tiny)
        #expect(bound < Rational(1, 1 << 22))
        let data = try ONNXWriter.serialize(result.fused, precision: .float32, file: "fused.onnx")
        let back = try ONNXReader.parse(data: data, file: "fused.onnx")
        guard let written = back.layers.first?.dense?.rationalMap else {
            Issue.record("the fused model's layer is not numeric")
            return
        }
        #expect(written.weights.entries == run.map.weights.entries && written.bias == run.map.bias)
    }
}
