public import Algebra
public import ExactNumbers

/// The dense part of a layer, x ↦ W·x + b, with W `out × in` (the PyTorch `nn.Linear`
/// convention).
///
/// A layer whose entries are all numbers is `numeric` (exact rationals, the fast path for
/// large networks) or `float32` (the same, kept compact: float32 weights in their 4-byte
/// binary form, read as their exact values); a layer with any symbol is `symbolic`, every entry
/// a polynomial. Equality is by value: a `float32` layer equals the `numeric` layer of the same
/// rationals.
public enum LayerWeights: Hashable, Sendable {
    /// Every weight and bias entry is a rational number.
    case numeric(AffineMap<Rational>)
    /// Every weight is a finite float32 number (its exact dyadic value), the bias rational: a
    /// model file's float32 layer, 4 bytes a weight.
    case float32(Float32AffineMap)
    /// Some entry involves a symbol; entries are polynomials in the symbols.
    case symbolic(AffineMap<Polynomial>)

    /// The number of inputs (columns of W).
    public var inputDimension: Int {
        switch self {
        case .numeric(let map): return map.inputDimension
        case .float32(let map): return map.inputDimension
        case .symbolic(let map): return map.inputDimension
        }
    }

    /// The number of outputs (rows of W).
    public var outputDimension: Int {
        switch self {
        case .numeric(let map): return map.outputDimension
        case .float32(let map): return map.outputDimension
        case .symbolic(let map): return map.outputDimension
        }
    }

    /// Whether every entry is a number.
    public var isNumeric: Bool {
        if case .symbolic = self { return false }
        return true
    }

    /// The map over the rationals when every entry is a number (a `float32` layer's weights
    /// made rationals: for the code that needs the rational matrix); nil when symbolic.
    public var rationalMap: AffineMap<Rational>? {
        switch self {
        case .numeric(let map): return map
        case .float32(let map): return map.materialized
        case .symbolic: return nil
        }
    }

    /// The same layer with a `float32` map made `numeric` (other cases unchanged).
    public var materialized: LayerWeights {
        if case .float32(let map) = self { return .numeric(map.materialized) }
        return self
    }

    /// Equality by value (a `float32` layer equals the `numeric` layer of the same rationals).
    public static func == (lhs: LayerWeights, rhs: LayerWeights) -> Bool {
        switch (lhs, rhs) {
        case (.numeric(let a), .numeric(let b)): return a == b
        case (.float32(let a), .float32(let b)): return a == b
        case (.symbolic(let a), .symbolic(let b)): return a == b
        case (.float32(let a), .numeric(let b)), (.numeric(let b), .float32(let a)):
            guard a.weights.rows == b.weights.rows, a.weights.columns == b.weights.columns, a.bias == b.bias else {
                return false
            }
            return a.weights.bits.indices.allSatisfy {
                Float32Matrix.value(bits: a.weights.bits[$0]) == b.weights.entries[$0]
            }
        default: return false
        }
    }

    /// Hashes what equal values share: a `numeric` and a `float32` layer of the same rationals
    /// hash alike (the shape, the bias and the first weights).
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .symbolic(let map): hasher.combine(map)
        case .numeric(let map):
            hasher.combine(map.weights.rows)
            hasher.combine(map.weights.columns)
            hasher.combine(map.bias)
            for k in 0..<min(16, map.weights.entries.count) { hasher.combine(map.weights.entries[k]) }
        case .float32(let map):
            hasher.combine(map.weights.rows)
            hasher.combine(map.weights.columns)
            hasher.combine(map.bias)
            for k in 0..<min(16, map.weights.bits.count) {
                hasher.combine(Float32Matrix.value(bits: map.weights.bits[k]))
            }
        }
    }

    /// The map over polynomials (numbers become constant polynomials).
    public var polynomialMap: AffineMap<Polynomial> {
        switch self {
        case .symbolic(let map): return map
        case .numeric(let map):
            return AffineMap(weights: map.weights.map { Polynomial($0) }, bias: map.bias.map { Polynomial($0) })
        case .float32(let map):
            return AffineMap(
                weights: Matrix(
                    rows: map.weights.rows, columns: map.weights.columns,
                    entries: map.weights.bits.map { Polynomial(Float32Matrix.value(bits: $0)) }),
                bias: map.bias.map { Polynomial($0) })
        }
    }

    /// The symbols in the entries, sorted and without repeats (empty when numeric).
    public var symbols: [Symbol] {
        guard case .symbolic(let map) = self else { return [] }
        var found = Set<Symbol>()
        for i in 0..<map.weights.rows {
            for entry in map.weights.rowArray(i) { found.formUnion(entry.symbols) }
        }
        for entry in map.bias { found.formUnion(entry.symbols) }
        return found.sorted()
    }
}
