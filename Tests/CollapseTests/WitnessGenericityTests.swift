import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

private let xor = """
    network: XOR
    input: [x1, x2]
    layers:
      - dense:
          weights: [[1, 1], [1, 1]]
          bias: ["-1/2", "-3/2"]
        activation: step
      - dense:
          weights: [[1, -1]]
          bias: ["-1/2"]
        activation: step
    """

/// The pre-activations of every piecewise-linear unit at `p`, computed independently of
/// `WitnessGenericity` through `Evaluator.trace` of the network split into dense parts and
/// activations.
private func preActivations(_ network: Network, at p: [Rational]) throws -> [(Activation, [Rational])] {
    var result = [(Activation, [Rational])]()
    var current = p
    for layer in network.layers {
        let dense = Network(
            name: nil, inputNames: current.indices.map { "t\($0)" },
            layers: [Layer(dense: layer.dense, activation: .identity)])
        let pre = try exactly(dense, current)
        result.append((layer.activation, pre))
        let act = Network(
            name: nil, inputNames: pre.indices.map { "t\($0)" },
            layers: [Layer(dense: nil, activation: layer.activation)])
        current = try exactly(act, pre)
    }
    return result
}

@Suite("Witness genericity")
struct WitnessGenericityTests {
    /// XOR's witness is the textbook one, the corners of the unit square, and no unit sits at
    /// step's jump at any of its four points (before: x = (−1/4, −1/4), z = (1, 1), with
    /// x + z = (3/4, 3/4) exactly on the second hidden unit's jump).
    @Test func xorWitnessIsTheTextbookOneOffTheJump() throws {
        let network = try spec(xor)
        let analysis = Analyzer.analyze(network)
        let w = try #require(analysis.affinity.witness)
        #expect(w.x == qs("1", "0"))
        #expect(w.y == qs("0", "1"))
        #expect(witnessRechecks(network, analysis.affinity))
        let y = try #require(w.y)
        for p in [w.x, y, zip(w.x, y).map { $0 + $1 }, qs("0", "0")] {
            for (f, pre) in try preActivations(network, at: p) {
                #expect(!pre.contains { f.interestingPoints.contains($0) }, "a unit on a breakpoint at \(p)")
            }
        }
    }

    /// `touchesBreakpoint` agrees with the independent pre-activations on random points of
    /// random step and relu networks, including points placed on a breakpoint on purpose.
    @Test func touchesBreakpointAgreesWithTheTrace() throws {
        var rng = SplitMix64(seed: 13)
        for activation in [Activation.step, .relu, .hardtanh] {
            for seed in 0..<6 {
                let network = RandomNetwork.make(
                    inputs: 2, layers: 2, width: 3, activation: activation, seed: UInt64(seed))
                var points = (0..<6).map { _ in
                    (0..<2).map { _ in Rational.random(numerators: -3...3, denominators: 1...2, using: &rng) }
                }
                // On the first unit's breakpoint: x1 chosen so that the unit is exactly at it.
                if case .numeric(let m)? = network.layers[0].dense, !m.weights[0, 0].isZero {
                    let tau = activation.interestingPoints[0]
                    points.append([(tau - m.bias[0] - m.weights[0, 1]) / m.weights[0, 0], .one])
                }
                for p in points {
                    let expected = try preActivations(network, at: p).contains { f, pre in
                        pre.contains { f.interestingPoints.contains($0) }
                    }
                    #expect(WitnessGenericity.touchesBreakpoint(network, at: p) == expected)
                }
            }
        }
    }
}
