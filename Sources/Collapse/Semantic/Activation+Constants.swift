import ExactNumbers
import Algebra
import NetworkModel

extension Activation {
    /// f(c) exactly, for an exact constant c (contract §4): rational where it is (relu(c),
    /// step(c), σ(0) = 1/2, polynomials of rationals), else an `ExactConstant` expression
    /// (σ(1), `sigmoid(2*sigmoid(1) + 1)`, 2·elu(−1) for elu with alpha 2).
    ///
    /// Piecewise activations at an irrational c need the side of each breakpoint: decided by
    /// enclosures (`ExactConstant.compare`); nil when undecided, when a parameter is a symbol,
    /// and for softmax (not elementwise).
    func exactConstantValue(at c: ExactConstant) -> ExactConstant? {
        func number(_ p: Polynomial) -> Rational? { p.constantValue }
        func side(_ r: Rational) -> Int? { c.compare(with: r) }
        switch self {
        case .identity: return c
        case .affine(let a, let b):
            guard let a = number(a), let b = number(b) else { return nil }
            return ExactConstant(a) * c + ExactConstant(b)
        case .polynomial(let coefficients):
            var acc = ExactConstant.zero
            for k in coefficients.reversed() {
                guard let k = number(k) else { return nil }
                acc = acc * c + ExactConstant(k)
            }
            return acc
        case .relu:
            guard let s = side(.zero) else { return nil }
            return s > 0 ? c : .zero
        case .leakyRelu(let alpha):
            guard let a = number(alpha), let s = side(.zero) else { return nil }
            return s > 0 ? c : ExactConstant(a) * c
        case .hardtanh:
            guard let above = side(.one), let below = side(-1) else { return nil }
            return above >= 0 ? ExactConstant(.one) : (below <= 0 ? ExactConstant(-1) : c)
        case .clip(let lower, let upper):
            var y = c
            if let lower {
                guard let a = number(lower), let s = side(a) else { return nil }
                if s < 0 { y = ExactConstant(a) }
            }
            if let upper {
                guard let b = number(upper), let s = y.compare(with: b) else { return nil }
                if s > 0 { y = ExactConstant(b) }
            }
            return y
        case .hardSigmoid(let alpha, let beta):
            guard let a = number(alpha), let b = number(beta) else { return nil }
            let t = ExactConstant(a) * c + ExactConstant(b)
            guard let low = t.compare(with: .zero), let high = t.compare(with: .one) else { return nil }
            return low <= 0 ? .zero : (high >= 0 ? ExactConstant(.one) : t)
        case .step:
            guard let s = side(.zero) else { return nil }
            return ExactConstant(s > 0 ? .one : .zero)
        case .sign:
            guard let s = side(.zero) else { return nil }
            return ExactConstant(Rational(s))
        case .abs:
            guard let s = side(.zero) else { return nil }
            return s >= 0 ? c : -c
        case .elu(let alpha):
            guard let a = number(alpha), let v = ExactConstant.applying(.elu, to: c) else { return nil }
            // elu with alpha a is t for t > 0 and a·elu₁(t) for t <= 0.
            return v == c ? c : ExactConstant(a) * v
        case .sigmoid: return ExactConstant.applying(.sigmoid, to: c)
        case .tanh: return ExactConstant.applying(.tanh, to: c)
        case .arctan: return ExactConstant.applying(.arctan, to: c)
        case .softplus: return ExactConstant.applying(.softplus, to: c)
        case .silu: return ExactConstant.applying(.silu, to: c)
        case .gelu: return ExactConstant.applying(.gelu, to: c)
        case .softmax: return nil
        }
    }
}
