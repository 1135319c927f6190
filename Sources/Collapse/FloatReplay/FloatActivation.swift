import ExactNumbers
import Algebra
public import NetworkModel

/// An activation with its constants rounded once to the float format T, applied in T the way
/// a float runtime computes it (the C library's exp, tanh, atan, log1p, erf).
///
/// A reporting aid for the float replay, never evidence.
public enum FloatActivation<T: ElementaryFloat>: Sendable {
    case identity
    case affine(T, T)
    /// Coefficients c0, c1, … (Horner from the top).
    case polynomial([T])
    case relu
    case leakyRelu(T)
    case hardtanh
    case step
    case sign
    case abs
    case sigmoid
    case tanh
    case arctan
    case softplus
    case silu
    case gelu
    case elu(T)
    case softmax
    case clip(T?, T?)
    case hardSigmoid(T, T)

    /// The activation in T; nil when a parameter is symbolic (not a number).
    public init?(_ f: Activation) {
        func c(_ p: Polynomial?) -> T? { p.flatMap(\.constantValue).map(T.nearest) }
        switch f {
        case .identity: self = .identity
        case .affine(let a, let b): guard let a = c(a), let b = c(b) else { return nil }; self = .affine(a, b)
        case .polynomial(let cs):
            var ks: [T] = []
            for k in cs { guard let k = c(k) else { return nil }; ks.append(k) }
            self = .polynomial(ks)
        case .relu: self = .relu
        case .leakyRelu(let a): guard let a = c(a) else { return nil }; self = .leakyRelu(a)
        case .hardtanh: self = .hardtanh
        case .step: self = .step
        case .sign: self = .sign
        case .abs: self = .abs
        case .sigmoid: self = .sigmoid
        case .tanh: self = .tanh
        case .arctan: self = .arctan
        case .softplus: self = .softplus
        case .silu: self = .silu
        case .gelu: self = .gelu
        case .elu(let a): guard let a = c(a) else { return nil }; self = .elu(a)
        case .softmax: self = .softmax
        case .clip(let lo, let hi):
            var l: T?, h: T?
            if let lo { guard let v = c(lo) else { return nil }; l = v }
            if let hi { guard let v = c(hi) else { return nil }; h = v }
            self = .clip(l, h)
        case .hardSigmoid(let a, let b): guard let a = c(a), let b = c(b) else { return nil }; self = .hardSigmoid(a, b)
        }
    }

    /// Applies f to v in place (softmax to the whole vector, every other f coordinate-wise).
    public func apply(_ v: inout [T]) {
        switch self {
        case .identity: return
        case .softmax:
            let m = v.max() ?? 0
            var s: T = 0
            for i in v.indices { v[i] = T.exponential(v[i] - m); s += v[i] }
            for i in v.indices { v[i] /= s }
        default:
            for i in v.indices { v[i] = value(v[i]) }
        }
    }

    /// f(t) for a coordinate-wise f (softmax: t unchanged; `apply` handles it).
    func value(_ t: T) -> T {
        switch self {
        case .identity, .softmax: return t
        case .affine(let a, let b): return a * t + b
        case .polynomial(let cs):
            var acc: T = 0
            for k in cs.reversed() { acc = acc * t + k }
            return acc
        case .relu: return Swift.max(0, t)
        case .leakyRelu(let a): return t > 0 ? t : a * t
        case .hardtanh: return Swift.min(1, Swift.max(-1, t))
        case .step: return t > 0 ? 1 : 0
        case .sign: return t > 0 ? 1 : (t < 0 ? -1 : 0)
        case .abs: return Swift.abs(t)
        case .sigmoid: return 1 / (1 + T.exponential(-t))
        case .tanh: return T.hyperbolicTangent(t)
        case .arctan: return T.arcTangent(t)
        case .softplus: return T.logOnePlus(T.exponential(t))
        case .silu: return t / (1 + T.exponential(-t))
        case .gelu: return t / 2 * (1 + T.errorFunction(t / T(2).squareRoot()))
        case .elu(let a): return t > 0 ? t : a * (T.exponential(t) - 1)
        case .clip(let lo, let hi):
            var r = t
            if let lo { r = Swift.max(lo, r) }
            if let hi { r = Swift.min(hi, r) }
            return r
        case .hardSigmoid(let a, let b): return Swift.max(0, Swift.min(1, a * t + b))
        }
    }
}
