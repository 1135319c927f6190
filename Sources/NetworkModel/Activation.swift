public import Algebra
internal import ExactNumbers

/// The activation a layer applies after its dense part: elementwise except `softmax`.
///
/// Parameters are polynomials: a number is a constant polynomial and a symbol (`alpha`)
/// is allowed. The spec names and defaults are in `Activation+Spec.swift`.
public enum Activation: Hashable, Sendable {
    /// f(t) = t (spec names `identity`, `linear`, `none`).
    case identity
    /// f(t) = slope·t + intercept (defaults 1 and 0).
    case affine(slope: Polynomial, intercept: Polynomial)
    /// f(t) = c0 + c1·t + ... + ck·t^k, coefficients in increasing degree (`square` is
    /// `[0, 0, 1]`).
    case polynomial([Polynomial])
    /// f(t) = max(0, t).
    case relu
    /// f(t) = t for t > 0, alpha·t otherwise (default alpha = 1/100).
    case leakyRelu(alpha: Polynomial)
    /// f(t) = min(1, max(-1, t)).
    case hardtanh
    /// f(t) = 1 for t > 0, 0 otherwise.
    case step
    /// f(t) = 1, 0 or -1 by the sign of t (sign(0) = 0).
    case sign
    /// f(t) = |t|.
    case abs
    /// f(t) = 1 / (1 + e^-t).
    case sigmoid
    /// f(t) = tanh t.
    case tanh
    /// f(t) = arctan t.
    case arctan
    /// f(t) = log(1 + e^t).
    case softplus
    /// f(t) = t·sigmoid(t).
    case silu
    /// f(t) = t·Φ(t) = t/2·(1 + erf(t/√2)) (the erf form).
    case gelu
    /// f(t) = t for t > 0, alpha·(e^t - 1) otherwise (default alpha = 1).
    case elu(alpha: Polynomial)
    /// The vector map softmax(t)_i = e^(t_i) / Σ_j e^(t_j) over the whole layer.
    case softmax
    /// f(t) = min(upper, max(lower, t)) (ONNX `Clip`); a nil bound is no bound on that side.
    /// Piecewise linear with breakpoints lower and upper (lower ≤ upper).
    case clip(lower: Polynomial?, upper: Polynomial?)
    /// f(t) = max(0, min(1, alpha·t + beta)) (ONNX `HardSigmoid`; defaults 1/5 and 1/2).
    /// Piecewise linear with breakpoints −beta/alpha and (1 − beta)/alpha when alpha ≠ 0.
    case hardSigmoid(alpha: Polynomial, beta: Polynomial)

    /// Whether f acts on each coordinate separately (every case but `softmax`).
    public var isElementwise: Bool {
        if case .softmax = self { return false }
        return true
    }

    /// The coefficients [c0, c1, ..., ck] when f is a polynomial in t (identity, affine,
    /// polynomial); nil for the others. Identity is `[0, 1]`.
    public var polynomialCoefficients: [Polynomial]? {
        switch self {
        case .identity: return [Polynomial(Rational.zero), Polynomial(Rational.one)]
        case .affine(let slope, let intercept): return [intercept, slope]
        case .polynomial(let coefficients): return coefficients
        default: return nil
        }
    }

    /// The parameters, in spec order (slope, intercept; the coefficients; alpha).
    public var parameters: [Polynomial] {
        switch self {
        case .affine(let slope, let intercept): return [slope, intercept]
        case .polynomial(let coefficients): return coefficients
        case .leakyRelu(let alpha), .elu(let alpha): return [alpha]
        case .clip(let lower, let upper): return [lower, upper].compactMap { $0 }
        case .hardSigmoid(let alpha, let beta): return [alpha, beta]
        default: return []
        }
    }

    /// The symbols in the parameters, sorted and without repeats.
    public var symbols: [Symbol] {
        Array(Set(parameters.flatMap(\.symbols))).sorted()
    }
}
