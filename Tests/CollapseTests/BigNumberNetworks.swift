import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

/// Networks whose numbers exceed a machine word, for the region walks' multi-word paths.
enum BigNumberNetworks {
    /// A random relu network (2-3 inputs, two hidden layers of 4-6) with every weight and bias
    /// multiplied by 2⁴⁰ + 1/7: the same regions as the small one, with multi-word numbers and
    /// long denominators.
    static func make(seed: Int) -> Network {
        let small = RandomNetwork.make(
            inputs: 2 + seed % 2, layers: 2, width: 4 + seed % 3, outputs: 1, activation: .relu,
            seed: UInt64(seed) &* 71)
        let factor = Rational(BigInt(1).shiftedLeft(40)) + Rational(1, 7)
        let layers = small.layers.map { layer -> Layer in
            guard case .numeric(let m)? = layer.dense else { return layer }
            let big = AffineMap(
                weights: Matrix(
                    rows: m.outputDimension, columns: m.inputDimension, entries: m.weights.entries.map { $0 * factor }),
                bias: m.bias.map { $0 * factor })
            return Layer(dense: .numeric(big), activation: layer.activation)
        }
        return Network(name: "big", inputNames: small.inputNames, layers: layers)
    }
}
