public import Algebra

/// One layer of a network: an optional dense part W·x + b, then an activation.
///
/// A layer without a dense part applies its activation to the previous layer's output.
/// Equality and hashing ignore `location`, so a network read from YAML equals the same
/// network read from JSON.
public struct Layer: Hashable, Sendable {
    /// The dense part, or nil for an activation-only layer.
    public var dense: LayerWeights?
    /// The activation (identity when the spec gives none).
    public var activation: Activation
    /// Where the layer starts in its spec file (`SourceLocation.unspecified` when built in
    /// code).
    public var location: SourceLocation

    /// Creates a layer.
    public init(dense: LayerWeights?, activation: Activation = .identity, location: SourceLocation = .unspecified) {
        self.dense = dense
        self.activation = activation
        self.location = location
    }

    /// The output size given the input size: the dense part's rows, or `inputDimension`
    /// for an activation-only layer.
    public func outputDimension(forInput inputDimension: Int) -> Int {
        dense?.outputDimension ?? inputDimension
    }

    /// The symbols of the weights and the activation's parameters, sorted.
    public var symbols: [Symbol] {
        Array(Set((dense?.symbols ?? []) + activation.symbols)).sorted()
    }

    /// Compares dense part and activation (not the location).
    public static func == (lhs: Layer, rhs: Layer) -> Bool {
        lhs.dense == rhs.dense && lhs.activation == rhs.activation
    }

    /// Hashes dense part and activation (not the location).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(dense)
        hasher.combine(activation)
    }
}
