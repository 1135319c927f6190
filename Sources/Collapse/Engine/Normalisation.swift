import ExactNumbers
import Algebra
import NetworkModel

/// A rewrite of a network into one that computes the same function F, run before the
/// strategies (which then decide the rewritten network; the report stays about the network
/// as written).
protocol NormalisationStep: Sendable {
    /// The equivalent network, or nil when the step changes nothing.
    func rewrite(_ network: Network) -> Network?
    /// The findings to report on the layers of `original`, given those computed on `rewritten`.
    func findings(original: Network, rewritten: Network, _ findings: [LayerFinding]) -> [LayerFinding]
}

/// softmax over a single unit is the constant 1 = 0·t + 1 (e^t / e^t = 1): replaced by that
/// affine map, reported as `constantSoftmax`.
struct SingleUnitSoftmax: NormalisationStep {
    func rewrite(_ network: Network) -> Network? {
        var width = network.inputDimension
        var copy = network
        for index in copy.layers.indices {
            if let dense = copy.layers[index].dense { width = dense.outputDimension }
            if case .softmax = copy.layers[index].activation, width == 1 {
                copy.layers[index].activation = .affine(
                    slope: Polynomial(Rational.zero), intercept: Polynomial(Rational.one))
            }
        }
        return copy == network ? nil : copy
    }

    func findings(original: Network, rewritten: Network, _ findings: [LayerFinding]) -> [LayerFinding] {
        var result = findings
        for (index, layer) in original.layers.enumerated() where layer.activation != rewritten.layers[index].activation
        {
            result[index] = LayerFinding(layer: index + 1, activation: layer.activation, behaviour: .constantSoftmax)
        }
        return result
    }
}
