public import Algebra

/// One affine map of the substitution chain with the running product of the chain so far.
///
/// For the maps h ↦ W_k h + b_k of the chain (activations already folded in), step k
/// carries A_k = W_k A_{k−1} and c_k = W_k c_{k−1} + b_k, with A_1 = W_1 and c_1 = b_1: the
/// first k maps together compute x ↦ A_k x + c_k. At the last step A = W' and c = b'.
public struct ChainStep<Scalar: ExactRing>: Hashable, Sendable {
    /// The 1-based index of the network layer this map is.
    public let layer: Int
    /// The layer's affine map, W_k and b_k (the spec's out × in weights).
    public let map: AffineMap<Scalar>
    /// A_k, the product W_k ⋯ W_1 of this map's weights and those before it.
    public let product: Matrix<Scalar>
    /// c_k = W_k c_{k−1} + b_k, the constant term of the first k maps composed.
    public let offset: [Scalar]

    /// Creates a step from its parts (`ProductChain` computes them).
    public init(layer: Int, map: AffineMap<Scalar>, product: Matrix<Scalar>, offset: [Scalar]) {
        self.layer = layer
        self.map = map
        self.product = product
        self.offset = offset
    }

    /// The step with every scalar converted (exactly) by `transform`, which must be a ring
    /// homomorphism (such as a rational into the constant polynomials) for the products to stay
    /// the converted products.
    public func converted<T: ExactRing>(_ transform: (Scalar) -> T) -> ChainStep<T> {
        ChainStep<T>(
            layer: layer, map: AffineMap(weights: map.weights.map(transform), bias: map.bias.map(transform)),
            product: product.map(transform), offset: offset.map(transform))
    }
}
