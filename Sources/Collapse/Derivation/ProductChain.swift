public import Algebra
public import NetworkModel

/// The substitution chain of a network whose every layer is affine once its activation is
/// folded in: the layers' maps in order, each with the running product (`ChainStep`).
///
/// A layer without weights whose activation is the identity computes h ↦ h and is left out.
/// Composing the maps x ↦ W_k x + b_k gives x ↦ A_L x + c_L with A_L = W_L ⋯ W_1 and
/// c_L = Σ_k W_L ⋯ W_{k+1} b_k, so the last step's product and offset are W' and b'.
public struct ProductChain<Scalar: ExactRing>: Hashable, Sendable {
    /// The maps in order with their running products; empty when every layer is the identity.
    public let steps: [ChainStep<Scalar>]

    /// Creates a chain from its steps.
    public init(steps: [ChainStep<Scalar>]) {
        self.steps = steps
    }

    /// The chain of `folded` (one map per layer of `network`, activations folded in), with
    /// A_k = W_k A_{k−1} and c_k = W_k c_{k−1} + b_k computed exactly.
    /// - Precondition: `folded.count == network.layers.count`.
    public init(folded: [AffineMap<Scalar>], network: Network) {
        precondition(folded.count == network.layers.count, "one folded map per layer")
        var steps = [ChainStep<Scalar>]()
        for (index, map) in folded.enumerated() {
            let layer = network.layers[index]
            if layer.dense == nil && layer.activation.isIdentityFunction { continue }
            guard let previous = steps.last else {
                steps.append(ChainStep(layer: index + 1, map: map, product: map.weights, offset: map.bias))
                continue
            }
            let product = map.weights * previous.product
            let offset = zip(map.weights.applied(to: previous.offset), map.bias).map { $0 + $1 }
            steps.append(ChainStep(layer: index + 1, map: map, product: product, offset: offset))
        }
        self.steps = steps
    }

    /// The chain with every scalar converted by the ring homomorphism `transform`.
    public func converted<T: ExactRing>(_ transform: (Scalar) -> T) -> ProductChain<T> {
        ProductChain<T>(steps: steps.map { $0.converted(transform) })
    }
}
