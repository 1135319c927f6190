import ExactNumbers
import Algebra
public import NetworkModel

/// Random networks with small rational weights: exercises for a class and inputs for tests.
public enum RandomNetwork {
    /// L dense layers of width `width` (the last one has `outputs` units), each followed by
    /// `activation`; weights p/q with p in −5...5 and q in 1...4, biases likewise; the same
    /// seed gives the same network on every machine (SplitMix64).
    public static func make(
        inputs: Int, layers: Int, width: Int, outputs: Int? = nil, activation: Activation, seed: UInt64,
        withBias: Bool = true
    ) -> Network {
        var rng = SplitMix64(seed: seed)
        var previous = inputs
        var result = [Layer]()
        for k in 0..<layers {
            let out = k == layers - 1 ? (outputs ?? width) : width
            let entries = (0..<(out * previous)).map { _ in
                Rational.random(numerators: -5...5, denominators: 1...4, using: &rng)
            }
            let bias = (0..<out).map { _ in
                withBias ? Rational.random(numerators: -5...5, denominators: 1...4, using: &rng) : Rational.zero
            }
            let map = AffineMap(weights: Matrix(rows: out, columns: previous, entries: entries), bias: bias)
            result.append(Layer(dense: .numeric(map), activation: activation))
            previous = out
        }
        return Network(
            name: "random \(activation.name) network (seed \(seed))",
            inputNames: (1...max(inputs, 1)).prefix(inputs).map { "x\($0)" }, layers: result)
    }
}
