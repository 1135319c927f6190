public import Algebra
public import ExactNumbers

/// x ↦ W·x + b with W a float32 matrix kept in its 4-byte binary form (`Float32Matrix`) and b
/// exact rationals: the compact form of a large float32 model layer. Its value is exactly the
/// `AffineMap<Rational>` of the same numbers (`materialized`); evaluation (`apply`) never
/// builds the rational matrix.
public struct Float32AffineMap: Hashable, Sendable {
    /// W, outputDimension × inputDimension.
    public let weights: Float32Matrix
    /// b, of length outputDimension.
    public let bias: [Rational]

    /// x ↦ weights·x + bias. Precondition: bias.count == weights.rows.
    public init(weights: Float32Matrix, bias: [Rational]) {
        precondition(
            bias.count == weights.rows, "Float32AffineMap bias of length \(bias.count) for \(weights.rows) rows")
        self.weights = weights
        self.bias = bias
    }

    /// The length of the input vector.
    public var inputDimension: Int { weights.columns }
    /// The length of the output vector.
    public var outputDimension: Int { weights.rows }

    /// W·x + b, exactly (integer accumulation, `Float32Matrix.products`).
    /// Precondition: x.count == inputDimension.
    public func apply(_ x: [Rational]) -> [Rational] {
        var out = weights.products(x)
        for i in out.indices where !bias[i].isZero { out[i] = out[i] + bias[i] }
        return out
    }

    /// The same map with every weight as its exact rational (24 bytes an entry or more: for the
    /// code that needs the rational matrix, never on the evaluation path).
    public var materialized: AffineMap<Rational> {
        AffineMap(
            weights: Matrix(rows: weights.rows, columns: weights.columns, entries: weights.rationalEntries), bias: bias)
    }
}
