public import ExactNumbers
public import NetworkModel
import Algebra

/// A network evaluated exactly, step by step, at several points: every layer split into its
/// dense part h ↦ W_k h + b_k and its activation (an identity activation after a dense part is
/// not a step of its own), and the value after each step at each point.
///
/// `values[p][r]` is the value at `points[p]` after `steps[r]`; row 0 is the point itself and
/// the last row is F at the point. Enclosures stand for transcendental values, as in `Evaluator`.
public struct WitnessTrace: Hashable, Sendable {
    /// The rows, input first.
    public let steps: [TraceStep]
    /// The points traced.
    public let points: [[Rational]]
    /// `values[p][r]`: the value at point p after step r.
    public let values: [[[ExactValue]]]

    /// Traces `network` at every point with `Evaluator.trace` on the split network.
    /// - Throws: the first `EvaluationError` (a division by zero, a symbolic parameter, ...).
    public init(network: Network, points: [[Rational]]) throws(EvaluationError) {
        var layers = [Layer]()
        var steps = [TraceStep.input]
        for (index, layer) in network.layers.enumerated() {
            let k = index + 1
            if let dense = layer.dense {
                layers.append(Layer(dense: dense, activation: .identity))
                steps.append(.dense(layer: k, hasBias: !dense.polynomialMap.bias.allSatisfy(\.isZero)))
            }
            if !layer.activation.isIdentityFunction || layer.dense == nil {
                layers.append(Layer(dense: nil, activation: layer.activation))
                steps.append(.activation(layer: k, layer.activation))
            }
        }
        let split = Network(name: nil, inputNames: network.inputNames, layers: layers)
        var values = [[[ExactValue]]]()
        for p in points { values.append(try Evaluator.trace(split, at: p)) }
        self.steps = steps
        self.points = points
        self.values = values
    }
}
