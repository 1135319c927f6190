import ExactNumbers
import Algebra
import NetworkModel

/// A layer being assembled from ONNX nodes: a dense part as a row-major matrix (or none), a
/// bias and an activation. Elementwise affine nodes that follow a dense part with no
/// activation yet (Add of a bias, Mul/Div by a scale, BatchNormalization) fold into it
/// exactly: diag(m)·(W x + b) + c = (diag(m) W) x + (m ⊙ b + c).
struct LayerDraft {
    /// W, rows × columns, row-major; nil for an activation-only layer or while `compact`
    /// holds W.
    var weights: [Rational]?
    /// W as float32 bit patterns (a float32 weight tensor taken as it is), or nil; made
    /// `weights` when an elementwise scale folds into it.
    var compact: Float32Matrix? = nil
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
    /// With irrational elementwise factors (BatchNormalization with var + ε not a square):
    /// output i is rowFactor_i·(W_i x + b_i) + rowShift_i, exact constants (`ExactConstant`);
    /// nil when every factor so far was rational (then folded into W and b directly).
    var rowFactor: [ExactConstant]? = nil
    /// See `rowFactor`.
    var rowShift: [ExactConstant]? = nil

    /// A dense draft.
    init(weights: [Rational], rows: Int, columns: Int, bias: [Rational], location: SourceLocation) {
        self.weights = weights
        self.rows = rows
        self.columns = columns
        self.bias = bias
        self.location = location
    }

    /// A dense draft whose W is a float32 matrix kept compact.
    init(compact: Float32Matrix, bias: [Rational], location: SourceLocation) {
        self.weights = nil
        self.compact = compact
        self.rows = compact.rows
        self.columns = compact.columns
        self.bias = bias
        self.location = location
    }

    /// Whether the draft has a dense part.
    var hasDense: Bool { weights != nil || compact != nil }

    /// Makes a compact W rationals (before a fold that changes the weights).
    mutating func materializeWeights() {
        if let compact {
            weights = compact.rationalEntries
            self.compact = nil
        }
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
        if case .identity = activation { return hasDense }
        return false
    }

    /// Applies t ↦ scale_i·t + shift_i to output i. Precondition: `acceptsAffine`.
    mutating func applyElementwise(scale: [Rational]?, shift: [Rational]?) {
        if rowFactor != nil {
            applyExactElementwise(
                scale: (0..<rows).map { ExactConstant(scale?[$0] ?? .one) },
                shift: (0..<rows).map { ExactConstant(shift?[$0] ?? .zero) })
            return
        }
        if let scale {
            if scale.contains(where: { !$0.isOne }) { materializeWeights() }
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

    /// Applies t ↦ scale_i·t + shift_i with exact constants (√ factors) to output i, kept as
    /// `rowFactor`/`rowShift` until the layer is built. Precondition: `acceptsAffine`.
    mutating func applyExactElementwise(scale: [ExactConstant], shift: [ExactConstant]) {
        materializeWeights()
        var factor = rowFactor ?? Array(repeating: ExactConstant(.one), count: rows)
        var offset = rowShift ?? Array(repeating: .zero, count: rows)
        for i in 0..<rows {
            factor[i] = scale[i] * factor[i]
            offset[i] = scale[i] * offset[i] + shift[i]
        }
        rowFactor = factor
        rowShift = offset
    }

    /// The diagonal layer t ↦ scale ⊙ t + shift on vectors of size n (an input normalisation,
    /// or an affine node after an activation).
    static func elementwise(scale: [Rational]?, shift: [Rational]?, size n: Int, location: SourceLocation) -> LayerDraft
    {
        var w = [Rational](repeating: .zero, count: n * n)
        for i in 0..<n { w[i * n + i] = scale?[i] ?? .one }
        return LayerDraft(
            weights: w, rows: n, columns: n, bias: shift ?? [Rational](repeating: .zero, count: n), location: location)
    }

    /// The finished layer.
    var layer: Layer {
        if let compact, rowFactor == nil {
            let map = Float32AffineMap(weights: compact, bias: bias)
            return Layer(dense: .float32(map), activation: activation, location: location)
        }
        guard let weights = weights ?? compact?.rationalEntries else {
            return Layer(dense: nil, activation: activation, location: location)
        }
        if let rowFactor, let rowShift {
            // Exact constants: W_ij·f_i and b_i·f_i + d_i (a symbolic layer whose symbols are √ atoms).
            var entries = [Polynomial]()
            entries.reserveCapacity(rows * columns)
            for i in 0..<rows {
                let f = rowFactor[i].polynomial
                for j in 0..<columns { entries.append(Polynomial(weights[i * columns + j]) * f) }
            }
            let b = (0..<rows).map { Polynomial(bias[$0]) * rowFactor[$0].polynomial + rowShift[$0].polynomial }
            let map = AffineMap(weights: Matrix(rows: rows, columns: columns, entries: entries), bias: b)
            return Layer(dense: .symbolic(map), activation: activation, location: location)
        }
        let map = AffineMap(weights: Matrix(rows: rows, columns: columns, entries: weights), bias: bias)
        return Layer(dense: .numeric(map), activation: activation, location: location)
    }
}
