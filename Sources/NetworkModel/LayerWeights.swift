public import Algebra
public import ExactNumbers

/// The dense part of a layer, x ↦ W·x + b, with W `out × in` (the PyTorch `nn.Linear`
/// convention).
///
/// A layer whose entries are all numbers is `numeric` (exact rationals, the fast path for
/// large networks); a layer with any symbol is `symbolic`, every entry a polynomial.
public enum LayerWeights: Hashable, Sendable {
    /// Every weight and bias entry is a rational number.
    case numeric(AffineMap<Rational>)
    /// Some entry involves a symbol; entries are polynomials in the symbols.
    case symbolic(AffineMap<Polynomial>)

    /// The number of inputs (columns of W).
    public var inputDimension: Int {
        switch self {
        case .numeric(let map): return map.inputDimension
        case .symbolic(let map): return map.inputDimension
        }
    }

    /// The number of outputs (rows of W).
    public var outputDimension: Int {
        switch self {
        case .numeric(let map): return map.outputDimension
        case .symbolic(let map): return map.outputDimension
        }
    }

    /// Whether every entry is a number.
    public var isNumeric: Bool {
        if case .numeric = self { return true }
        return false
    }

    /// The map over polynomials (numbers become constant polynomials).
    public var polynomialMap: AffineMap<Polynomial> {
        switch self {
        case .symbolic(let map): return map
        case .numeric(let map):
            return AffineMap(weights: map.weights.map { Polynomial($0) }, bias: map.bias.map { Polynomial($0) })
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
