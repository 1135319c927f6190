public import ExactNumbers
import Algebra
public import NetworkModel

/// F on every corner of the unit cube {0, 1}ⁿ, when it is a Boolean function there: every
/// output of F at every corner is exactly 0 or 1.
public struct TruthTable: Hashable, Sendable {
    /// One corner and F there.
    public struct Row: Hashable, Sendable {
        /// The corner, each coordinate 0 or 1.
        public let input: [Rational]
        /// F at the corner, each coordinate exactly 0 or 1.
        public let output: [Rational]
    }

    /// The 2ⁿ corners in binary counting order (the first input is the most significant bit).
    public let rows: [Row]

    /// The table of `network`, evaluated exactly at every corner; nil when some output at some
    /// corner is not exactly 0 or 1, or the network cannot be evaluated there.
    public init?(network: Network) {
        let n = network.inputDimension
        var rows = [Row]()
        for k in 0..<(1 << n) {
            let input = (0..<n).map { Rational((k >> (n - 1 - $0)) & 1) }
            guard let values = try? Evaluator.evaluate(network, at: input) else { return nil }
            let output = values.compactMap(\.exactValue)
            guard output.count == values.count, output.allSatisfy({ $0.isZero || $0.isOne }) else { return nil }
            rows.append(Row(input: input, output: output))
        }
        self.rows = rows
    }
}
