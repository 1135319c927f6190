import Foundation
public import ExactNumbers
import Algebra
import NetworkModel
import Enclosures

/// A reporting aid, never evidence: how an exact `not-affine` witness looks when the network
/// is evaluated in floating point (float32 and float64, weights rounded to the nearest value
/// of the format), as PyTorch or onnxruntime would evaluate it. A witness whose gap is below
/// float32 rounding is what floating-point verifiers get wrong.
///
/// The gap of the affinity identity is max_i |lhs_i − rhs_i| with lhs = F(x+y) + F(0),
/// rhs = F(x) + F(y) (midpoint form F((x+y)/2) vs (F(x)+F(y))/2 on a domain).
public struct FloatReplay: Sendable, Hashable {
    /// The gap of the exact witness (midpoints of enclosures), as a Double for display.
    public let exactGap: Double
    /// The gap when F is evaluated in float64.
    public let float64Gap: Double
    /// The gap when F is evaluated in float32.
    public let float32Gap: Double

    /// The replay of the affinity witness of a `not-affine` analysis of a numeric network;
    /// nil when there is none or an activation has no float evaluation here.
    public static func replay(_ analysis: Analysis) -> FloatReplay? {
        let network = analysis.network
        guard analysis.verdict == .notAffine, network.isNumeric, let w = analysis.affinity.witness, let y = w.y else { return nil }
        let midpoint = network.domain != nil
        func mid(_ v: ExactValue) -> Double {
            if let r = v.exactValue { return r.doubleApproximation }
            guard let i = v.interval else { return .nan }
            return ((i.lo + i.hi) / Rational(2)).doubleApproximation
        }
        let exact = zip(w.lhs, w.rhs).map { abs(mid($0) - mid($1)) }.max() ?? 0
        func gap<T: BinaryFloatingPoint & Sendable>(_ type: T.Type) -> Double? where T: ElementaryFloat {
            let x = w.x.map { T($0.doubleApproximation) }, yy = y.map { T($0.doubleApproximation) }
            guard let fx = evaluate(network, x), let fy = evaluate(network, yy) else { return nil }
            let lhs: [T], rhs: [T]
            if midpoint {
                guard let fm = evaluate(network, zip(x, yy).map { ($0 + $1) / 2 }) else { return nil }
                lhs = fm
                rhs = zip(fx, fy).map { ($0 + $1) / 2 }
            } else {
                guard let fs = evaluate(network, zip(x, yy).map { $0 + $1 }), let f0 = evaluate(network, x.map { _ in T.zero }) else { return nil }
                lhs = zip(fs, f0).map { $0 + $1 }
                rhs = zip(fx, fy).map { $0 + $1 }
            }
            return zip(lhs, rhs).map { Double(abs($0 - $1)) }.max() ?? 0
        }
        guard let g64 = gap(Double.self), let g32 = gap(Float.self) else { return nil }
        return FloatReplay(exactGap: exact, float64Gap: g64, float32Gap: g32)
    }

    /// F(x) in the floating-point type T (weights rounded to T through Double).
    static func evaluate<T: BinaryFloatingPoint & ElementaryFloat>(_ network: Network, _ x: [T]) -> [T]? {
        var v = x
        for layer in network.layers {
            if case .numeric(let map)? = layer.dense {
                var out = [T](repeating: 0, count: map.outputDimension)
                for i in 0..<map.outputDimension {
                    var s = T(map.bias[i].doubleApproximation)
                    for j in 0..<map.inputDimension { s += T(map.weights[i, j].doubleApproximation) * v[j] }
                    out[i] = s
                }
                v = out
            }
            guard let next = apply(layer.activation, v) else { return nil }
            v = next
        }
        return v
    }

    static func apply<T: BinaryFloatingPoint & ElementaryFloat>(_ f: Activation, _ v: [T]) -> [T]? {
        func c(_ p: Polynomial?) -> T? { p.flatMap(\.constantValue).map { T($0.doubleApproximation) } }
        if case .softmax = f {
            let m = v.max() ?? 0
            let e = v.map { T.exponential($0 - m) }
            let s = e.reduce(0, +)
            return e.map { $0 / s }
        }
        var out: [T] = []
        for t in v {
            let y: T
            switch f {
            case .identity: y = t
            case .affine(let a, let b): guard let a = c(a), let b = c(b) else { return nil }; y = a * t + b
            case .polynomial(let cs):
                var acc: T = 0
                for k in cs.reversed() { guard let k = c(k) else { return nil }; acc = acc * t + k }
                y = acc
            case .relu: y = max(0, t)
            case .leakyRelu(let a): guard let a = c(a) else { return nil }; y = t > 0 ? t : a * t
            case .hardtanh: y = min(1, max(-1, t))
            case .step: y = t > 0 ? 1 : 0
            case .sign: y = t > 0 ? 1 : (t < 0 ? -1 : 0)
            case .abs: y = abs(t)
            case .sigmoid: y = 1 / (1 + T.exponential(-t))
            case .tanh: y = T.hyperbolicTangent(t)
            case .arctan: y = T.arcTangent(t)
            case .softplus: y = T.logOnePlus(T.exponential(t))
            case .silu: y = t / (1 + T.exponential(-t))
            case .gelu: y = t / 2 * (1 + T.errorFunction(t / T(2).squareRoot()))
            case .elu(let a): guard let a = c(a) else { return nil }; y = t > 0 ? t : a * (T.exponential(t) - 1)
            case .clip(let lo, let hi):
                var r = t
                if let lo { guard let l = c(lo) else { return nil }; r = max(l, r) }
                if let hi { guard let h = c(hi) else { return nil }; r = min(h, r) }
                y = r
            case .hardSigmoid(let a, let b): guard let a = c(a), let b = c(b) else { return nil }; y = max(0, min(1, a * t + b))
            case .softmax: return nil
            }
            out.append(y)
        }
        return out
    }
}

/// The elementary functions the replay needs, in each float type.
public protocol ElementaryFloat {
    static func exponential(_ x: Self) -> Self
    static func hyperbolicTangent(_ x: Self) -> Self
    static func arcTangent(_ x: Self) -> Self
    static func logOnePlus(_ x: Self) -> Self
    static func errorFunction(_ x: Self) -> Self
}

extension Double: ElementaryFloat {
    public static func exponential(_ x: Double) -> Double { Foundation.exp(x) }
    public static func hyperbolicTangent(_ x: Double) -> Double { Foundation.tanh(x) }
    public static func arcTangent(_ x: Double) -> Double { Foundation.atan(x) }
    public static func logOnePlus(_ x: Double) -> Double { Foundation.log1p(x) }
    public static func errorFunction(_ x: Double) -> Double { Foundation.erf(x) }
}

extension Float: ElementaryFloat {
    public static func exponential(_ x: Float) -> Float { Foundation.expf(x) }
    public static func hyperbolicTangent(_ x: Float) -> Float { Foundation.tanhf(x) }
    public static func arcTangent(_ x: Float) -> Float { Foundation.atanf(x) }
    public static func logOnePlus(_ x: Float) -> Float { Foundation.log1pf(x) }
    public static func errorFunction(_ x: Float) -> Float { Foundation.erff(x) }
}

extension Rational {
    /// The nearest Double (display and the float replay only; never on the proof path).
    public var doubleApproximation: Double { nearestDouble ?? (signum < 0 ? -.infinity : .infinity) }
}
