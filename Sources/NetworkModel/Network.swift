public import Algebra

/// A feed-forward network as a spec describes it: named inputs, then layers applied in
/// order. F(x) = layers[n-1](... layers[0](x)).
public struct Network: Hashable, Sendable {
    /// The display name (`network:` in the spec), if any.
    public var name: String?
    /// The input names, in order (`x1 ... xn` when the spec gives only the dimension).
    public var inputNames: [String]
    /// The layers, first applied first.
    public var layers: [Layer]
    /// The input domain D the verdict is about (contract §5), or nil for the whole space.
    public var domain: InputDomain?

    /// Creates a network. Layer sizes should chain (each dense part's input size equals the
    /// previous output size); `SpecReader` guarantees it for networks it reads.
    public init(name: String? = nil, inputNames: [String], layers: [Layer], domain: InputDomain? = nil) {
        self.name = name
        self.inputNames = inputNames
        self.layers = layers
        self.domain = domain
    }

    /// The number of inputs.
    public var inputDimension: Int { inputNames.count }

    /// The number of outputs: the last dense part's rows (the input size when no layer has
    /// a dense part).
    public var outputDimension: Int {
        layers.reduce(inputDimension) { $1.outputDimension(forInput: $0) }
    }

    /// Whether no weight, bias or activation parameter involves a symbol.
    public var isNumeric: Bool {
        layers.allSatisfy { ($0.dense?.isNumeric ?? true) && $0.activation.symbols.isEmpty }
    }

    /// Every symbol of the weights and activation parameters, sorted.
    public var symbols: [Symbol] {
        Array(Set(layers.flatMap(\.symbols))).sorted()
    }
}
