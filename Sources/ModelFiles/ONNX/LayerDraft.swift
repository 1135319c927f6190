import ExactNumbers
import Algebra
import NetworkModel

/// A layer being assembled from ONNX nodes: a dense part as a row-major matrix (or none), a
/// bias and an activation. Elementwise affine nodes that follow a dense part with no
/// activation yet (Add of a bias, Mul/Div by a scale, BatchNormalization) fold into it
/// exactly: diag(m)·(W x + b) + c = (diag(m) W) x + (m ⊙ b + c).
struct LayerDraft {
    /// W, rows × columns, row-major; nil for an activation-only layer.
    var weights: [Rational]?
    /// The output size.
    var rows: Int
    /// The input size.
    var columns: Int
    /// b (rows entries; zero for an activation-only layer).
    var bias: [Rational]
    /// The activation (identity until an activation node sets it).
    var activation: Activation = .identity
    /// The node that started the layer.
    var location: SourceLocation

    /// A dense draft.
    init(weights: [Rational], rows: Int, columns: Int, bias: [Rational], location: SourceLocation) {
        self.weights = weights
        self.rows = rows
        self.columns = columns
        self.bias = bias
        self.location = location
    }

    /// An activation-only draft on vectors of size n.
    init(activation: Activation, size n: Int, location: SourceLocation) {
        weights = nil
        rows = n
        columns = n
        bias = []
        self.activation = activation
        self.location = location
    }

    /// Whether an elementwise affine node can fold into this draft (it has a dense part and
    /// no activation yet).
    var acceptsAffine: Bool {
        if case .identity = activation { return weights != nil }
        return false
    }

    /// Applies t ↦ scale_i·t + shift_i to output i. Precondition: `acceptsAffine`.
    mutating func applyElementwise(scale: [Rational]?, shift: [Rational]?) {
        if let scale {
            for i in 0..<rows where !scale[i].isOne {
                let s = scale[i]
                for j in 0..<columns { weights![i * columns + j] = weights![i * columns + j] * s }
                bias[i] = bias[i] * s
            }
        }
        if let shift {
            for i in 0..<rows where !shift[i].isZero { bias[i] = bias[i] + shift[i] }
        }
    }

    /// The diagonal layer t ↦ scale ⊙ t + shift on vectors of size n (an input normalisation,
    /// or an affine node after an activation).
    static func elementwise(scale: [Rational]?, shift: [Rational]?, size n: Int, location: SourceLocation) -> LayerDraft {
        var w = [Rational](repeating: .zero, count: n * n)
        for i in 0..<n { w[i * n + i] = scale?[i] ?? .one }
        return LayerDraft(weights: w, rows: n, columns: n, bias: shift ?? [Rational](repeating: .zero, count: n), location: location)
    }

    /// The finished layer.
    var layer: Layer {
        guard let weights else { return Layer(dense: nil, activation: activation, location: location) }
        let map = AffineMap(weights: Matrix(rows: rows, columns: columns, entries: weights), bias: bias)
        return Layer(dense: .numeric(map), activation: activation, location: location)
    }
}
