public import ExactNumbers
import Enclosures
import Algebra
public import NetworkModel

/// Why a network could not be evaluated at a point.
public enum EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The point has the wrong number of coordinates.
    case dimensionMismatch(expected: Int, got: Int)
    /// A layer's weights or activation parameters are symbols, which have no value here.
    case symbolic(layer: Int)

    /// A one-line message.
    public var description: String {
        switch self {
        case .dimensionMismatch(let e, let g):
            return "the point has \(g) coordinate\(g == 1 ? "" : "s"); expected \(e), one per input"
        case .symbolic(let layer):
            return "layer \(layer) has symbolic weights or parameters; expected numbers (give the symbols values first)"
        }
    }
}

/// Exact evaluation of a network at rational points, layer by layer.
///
/// Identity, affine, polynomial and the piecewise-linear activations are computed exactly.
/// Transcendental activations give rigorous enclosures (MPFR, directed rounding) that
/// propagate through later layers by interval arithmetic; values known exactly
/// (sigmoid(0) = 1/2, tanh(0) = 0, ...) stay exact. Never a bare floating-point number.
public enum Evaluator {
    /// The output F(x).
    public static func evaluate(
        _ network: Network, at x: [Rational], precision: Int = AnalysisOptions.defaults.precision
    ) throws(EvaluationError)
        -> [ExactValue]
    {
        try trace(network, at: x, precision: precision).last ?? []
    }

    /// The values after every layer: index 0 is the input, index k the output of layer k.
    public static func trace(_ network: Network, at x: [Rational], precision: Int = AnalysisOptions.defaults.precision)
        throws(EvaluationError)
        -> [[ExactValue]]
    {
        guard x.count == network.inputDimension else {
            throw .dimensionMismatch(expected: network.inputDimension, got: x.count)
        }
        var current = x.map { ExactValue.exact($0) }
        var values = [current]
        values.reserveCapacity(network.layers.count + 1)
        for (index, layer) in network.layers.enumerated() {
            if let dense = layer.dense {
                switch dense {
                case .numeric(let map): current = applyDense(map, to: current)
                case .float32(let map): current = applyDense(map, to: current)
                case .symbolic(let map):
                    // Exact constants (√2, σ(1)) are numbers: enclosed; a free symbol is not.
                    guard let next = applyConstantDense(map, to: current, precision: precision) else {
                        throw .symbolic(layer: index + 1)
                    }
                    current = next
                }
            }
            guard let next = ActivationEvaluation.apply(layer.activation, to: current, precision: precision) else {
                throw .symbolic(layer: index + 1)
            }
            current = next
            values.append(current)
        }
        return values
    }

    /// W·v + b for a compact float32 layer: exactly by integer accumulation
    /// (`Float32AffineMap.apply`) when v is exact, by interval arithmetic on each entry's exact
    /// value otherwise (the same bounds as the rational layer's).
    static func applyDense(_ map: Float32AffineMap, to v: [ExactValue]) -> [ExactValue] {
        let exact = v.compactMap(\.exactValue)
        if exact.count == v.count { return map.apply(exact).map { .exact($0) } }
        return intervalDense(rows: map.outputDimension, columns: map.inputDimension, bias: map.bias, v) {
            map.weights.entry($0, $1)
        }
    }

    /// W·v + b, exactly when v is exact, by interval arithmetic otherwise.
    static func applyDense(_ map: AffineMap<Rational>, to v: [ExactValue]) -> [ExactValue] {
        let exact = v.compactMap(\.exactValue)
        if exact.count == v.count { return map.apply(exact).map { .exact($0) } }
        return intervalDense(rows: map.outputDimension, columns: map.inputDimension, bias: map.bias, v) {
            map.weights[$0, $1]
        }
    }

    /// W·v + b by interval arithmetic, W given entry by entry (exact rationals).
    private static func intervalDense(
        rows: Int, columns: Int, bias: [Rational], _ v: [ExactValue], weight: (Int, Int) -> Rational
    ) -> [ExactValue] {
        let intervals = v.map { $0.interval! }
        return (0..<rows).map { i in
            var lo = bias[i], hi = bias[i]
            for j in 0..<columns {
                let w = weight(i, j)
                if w.isZero { continue }
                let a = w * intervals[j].lo, b = w * intervals[j].hi
                if w.signum > 0 { lo += a; hi += b } else { lo += b; hi += a }
            }
            return ExactValue(RationalInterval(lo: lo, hi: hi))
        }
    }
}
