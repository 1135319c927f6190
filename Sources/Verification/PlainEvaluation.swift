import ExactNumbers
import Enclosures
import Algebra
import NetworkModel

/// A real number as `verify` knows it: exactly, or inside a rigorous rational enclosure.
enum CheckedValue: Hashable {
    case exact(Rational)
    case enclosed(RationalInterval)

    var interval: RationalInterval {
        switch self {
        case .exact(let r): return RationalInterval(exactly: r)
        case .enclosed(let i): return i
        }
    }

    static func + (a: CheckedValue, b: CheckedValue) -> CheckedValue {
        if case .exact(let x) = a, case .exact(let y) = b { return .exact(x + y) }
        return .enclosed(a.interval + b.interval)
    }

    func scaled(by c: Rational) -> CheckedValue {
        if case .exact(let x) = self { return .exact(c * x) }
        return .enclosed(interval.scaled(by: c))
    }

    /// Whether the two values are certainly different.
    func differs(from other: CheckedValue) -> Bool {
        if case .exact(let x) = self, case .exact(let y) = other { return x != y }
        return !interval.overlaps(other.interval)
    }
}

/// Why `verify` cannot evaluate a network.
struct NotEvaluable: Error {
    let reason: String
}

/// Direct evaluation of a numeric network at a rational point, written for `verify` alone:
/// W·v + b by plain loops, each activation from its definition (contract §1), transcendental
/// ones by MPFR enclosures at the given precision propagated by interval arithmetic.
enum PlainEvaluation {
    static func evaluate(_ network: Network, at x: [Rational], precision: Int) throws(NotEvaluable) -> [CheckedValue] {
        guard x.count == network.inputDimension else {
            throw NotEvaluable(
                reason: "a point has \(x.count) coordinates; the network has \(network.inputDimension) inputs")
        }
        var v = x.map { CheckedValue.exact($0) }
        for (index, layer) in network.layers.enumerated() {
            if let dense = layer.dense {
                guard let map = dense.rationalMap else {
                    throw NotEvaluable(reason: "layer \(index + 1) has symbolic weights")
                }
                var next = [CheckedValue]()
                for i in 0..<map.outputDimension {
                    var sum = CheckedValue.exact(map.bias[i])
                    for j in 0..<map.inputDimension where !map.weights[i, j].isZero {
                        sum = sum + v[j].scaled(by: map.weights[i, j])
                    }
                    next.append(sum)
                }
                v = next
            }
            v = try apply(layer.activation, v, layer: index + 1, precision: precision)
        }
        return v
    }

    /// A parameter's value (numbers only).
    static func number(_ p: Polynomial, layer: Int) throws(NotEvaluable) -> Rational {
        guard let c = p.constantValue else {
            throw NotEvaluable(reason: "layer \(layer) has a symbolic activation parameter")
        }
        return c
    }

    static func apply(_ activation: Activation, _ v: [CheckedValue], layer: Int, precision: Int) throws(NotEvaluable)
        -> [CheckedValue]
    {
        switch activation {
        case .identity: return v
        case .softmax:
            return Enclosure.softmax(v.map(\.interval), precision: precision).map {
                $0.isPoint ? .exact($0.lo) : .enclosed($0)
            }
        default:
            var out = [CheckedValue]()
            for t in v { out.append(try unit(activation, t, layer: layer, precision: precision)) }
            return out
        }
    }

    static func unit(_ activation: Activation, _ t: CheckedValue, layer: Int, precision: Int) throws(NotEvaluable)
        -> CheckedValue
    {
        if case .exact(let r) = t, let exact = try exactUnit(activation, r, layer: layer) { return .exact(exact) }
        let i = t.interval
        let result: RationalInterval
        switch activation {
        case .sigmoid: result = Enclosure.sigmoid(i, precision: precision)
        case .tanh: result = Enclosure.tanh(i, precision: precision)
        case .arctan: result = Enclosure.arctan(i, precision: precision)
        case .softplus: result = Enclosure.softplus(i, precision: precision)
        case .silu: result = Enclosure.silu(i, precision: precision)
        case .gelu: result = Enclosure.gelu(i, precision: precision)
        case .elu(let alpha): result = Enclosure.elu(i, alpha: try number(alpha, layer: layer), precision: precision)
        default:
            // Monotone piecewise-linear or polynomial of an enclosure: the exact images of the
            // ends bound it only when monotone; be conservative and refuse.
            throw NotEvaluable(reason: "layer \(layer) applies \(activation.name) to an enclosure")
        }
        return result.isPoint ? .exact(result.lo) : .enclosed(result)
    }

    /// f(t) for the activations with exact values at rationals (nil: transcendental).
    static func exactUnit(_ activation: Activation, _ t: Rational, layer: Int) throws(NotEvaluable) -> Rational? {
        let zero = Rational.zero, one = Rational.one
        switch activation {
        case .identity: return t
        case .affine(let a, let c): return try number(a, layer: layer) * t + number(c, layer: layer)
        case .polynomial(let cs):
            var value = Rational.zero
            for c in cs.reversed() { value = value * t + (try number(c, layer: layer)) }
            return value
        case .relu: return t.signum > 0 ? t : zero
        case .leakyRelu(let alpha): return t.signum > 0 ? t : try number(alpha, layer: layer) * t
        case .hardtanh: return t > one ? one : (t < -one ? -one : t)
        case .step: return t.signum > 0 ? one : zero
        case .sign: return Rational(t.signum)
        case .abs: return t.magnitude
        case .clip(let lower, let upper):
            var value = t
            if let lower { value = Rational.max(value, try number(lower, layer: layer)) }
            if let upper { value = Rational.min(value, try number(upper, layer: layer)) }
            return value
        case .hardSigmoid(let alpha, let beta):
            return Rational.max(
                zero, Rational.min(one, try number(alpha, layer: layer) * t + number(beta, layer: layer)))
        case .sigmoid, .tanh, .arctan, .silu, .gelu:
            return t.isZero ? (activation == .sigmoid ? Rational(1, 2) : zero) : nil
        default: return nil
        }
    }
}
