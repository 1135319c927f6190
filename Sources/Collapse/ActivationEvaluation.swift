import ExactNumbers
import Enclosures
import Algebra
import NetworkModel

/// Applies activations to exact values or enclosures.
enum ActivationEvaluation {
    /// f applied to the layer's values; nil when a parameter of f is symbolic.
    static func apply(_ f: Activation, to v: [ExactValue], precision: Int) -> [ExactValue]? {
        if case .softmax = f { return softmax(v, precision: precision) }
        var out = [ExactValue]()
        out.reserveCapacity(v.count)
        for t in v {
            guard let y = apply(f, to: t, precision: precision) else { return nil }
            out.append(y)
        }
        return out
    }

    /// f(t) for one unit; nil when a parameter is symbolic.
    static func apply(_ f: Activation, to t: ExactValue, precision: Int) -> ExactValue? {
        if let r = t.exactValue {
            if let exact = exactScalar(f, r) { return exact.map { .exact($0) } }
            guard let i = transcendental(f, RationalInterval(exactly: r), precision: precision) else { return nil }
            return ExactValue(i)
        }
        guard let i = t.interval else { return nil }
        if let monotone = monotoneScalar(f) {
            guard let lo = monotone(i.lo), let hi = monotone(i.hi) else { return nil }
            return ExactValue(RationalInterval(lo: Rational.min(lo, hi), hi: Rational.max(lo, hi)))
        }
        switch f {
        case .abs:
            if i.lo.signum >= 0 { return ExactValue(i) }
            if i.hi.signum <= 0 { return ExactValue(RationalInterval(lo: -i.hi, hi: -i.lo)) }
            return ExactValue(RationalInterval(lo: .zero, hi: Rational.max(-i.lo, i.hi)))
        case .leakyRelu(let alpha):
            guard let a = alpha.constantValue else { return nil }
            let g: (Rational) -> Rational = { $0.signum > 0 ? $0 : a * $0 }
            var candidates = [g(i.lo), g(i.hi)]
            if i.contains(.zero) { candidates.append(.zero) }
            return ExactValue(RationalInterval(lo: candidates.min()!, hi: candidates.max()!))
        case .polynomial(let cs):
            let coefficients = cs.compactMap(\.constantValue)
            guard coefficients.count == cs.count else { return nil }
            return ExactValue(polynomialRange(coefficients, over: i))
        case .affine(let a, let c):
            guard let a = a.constantValue, let c = c.constantValue else { return nil }
            let p = a * i.lo + c, q = a * i.hi + c
            return ExactValue(RationalInterval(lo: Rational.min(p, q), hi: Rational.max(p, q)))
        default:
            return transcendental(f, i, precision: precision).map { ExactValue($0) }
        }
    }

    /// f(r) exactly: `.some(value)` when f is exact at r, `.some(nil)` when a parameter is
    /// symbolic, nil when only an enclosure is possible.
    static func exactScalar(_ f: Activation, _ r: Rational) -> Rational?? {
        switch f {
        case .identity: return .some(r)
        case .affine(let a, let c):
            guard let a = a.constantValue, let c = c.constantValue else { return .some(nil) }
            return .some(a * r + c)
        case .polynomial(let cs):
            var acc = Rational.zero
            for c in cs.reversed() {
                guard let c = c.constantValue else { return .some(nil) }
                acc = acc * r + c
            }
            return .some(acc)
        case .relu: return .some(r.signum > 0 ? r : .zero)
        case .leakyRelu(let alpha):
            guard let a = alpha.constantValue else { return .some(nil) }
            return .some(r.signum > 0 ? r : a * r)
        case .hardtanh: return .some(Rational.min(Rational(1), Rational.max(Rational(-1), r)))
        case .clip(let lower, let upper):
            var y = r
            if let lower {
                guard let a = lower.constantValue else { return .some(nil) }
                y = Rational.max(a, y)
            }
            if let upper {
                guard let b = upper.constantValue else { return .some(nil) }
                y = Rational.min(b, y)
            }
            return .some(y)
        case .hardSigmoid(let alpha, let beta):
            guard let a = alpha.constantValue, let b = beta.constantValue else { return .some(nil) }
            return .some(Rational.max(.zero, Rational.min(.one, a * r + b)))
        case .step: return .some(r.signum > 0 ? .one : .zero)
        case .sign: return .some(Rational(r.signum))
        case .abs: return .some(r.magnitude)
        case .elu(let alpha):
            if r.signum > 0 { return .some(r) }
            if r.isZero { return .some(.zero) }
            guard alpha.constantValue != nil else { return .some(nil) }
            return nil
        case .sigmoid: return r.isZero ? .some(Rational(1, 2)) : nil
        case .tanh, .arctan, .silu, .gelu: return r.isZero ? .some(.zero) : nil
        case .softplus, .softmax: return nil
        }
    }

    /// A nondecreasing or nonincreasing exact scalar version of f, when it has one.
    static func monotoneScalar(_ f: Activation) -> ((Rational) -> Rational?)? {
        switch f {
        case .identity, .relu, .hardtanh, .step, .sign, .clip, .hardSigmoid:
            return { r in exactScalar(f, r) ?? nil }
        default: return nil
        }
    }

    /// A rigorous enclosure of the range of c0 + c1 t + ... over i (interval Horner).
    static func polynomialRange(_ cs: [Rational], over i: RationalInterval) -> RationalInterval {
        var lo = Rational.zero, hi = Rational.zero
        for c in cs.reversed() {
            let products = [lo * i.lo, lo * i.hi, hi * i.lo, hi * i.hi]
            lo = products.min()! + c
            hi = products.max()! + c
        }
        return RationalInterval(lo: lo, hi: hi)
    }

    /// Enclosures of transcendental activations; nil when a parameter is symbolic.
    static func transcendental(_ f: Activation, _ i: RationalInterval, precision: Int) -> RationalInterval? {
        switch f {
        case .sigmoid: return TranscendentalEnclosures.sigmoid(i, precision: precision)
        case .tanh: return TranscendentalEnclosures.tanh(i, precision: precision)
        case .arctan: return TranscendentalEnclosures.arctan(i, precision: precision)
        case .softplus: return TranscendentalEnclosures.softplus(i, precision: precision)
        case .silu: return TranscendentalEnclosures.silu(i, precision: precision)
        case .gelu: return TranscendentalEnclosures.gelu(i, precision: precision)
        case .elu(let alpha):
            guard let a = alpha.constantValue else { return nil }
            return TranscendentalEnclosures.elu(i, alpha: a, precision: precision)
        default: return nil
        }
    }

    /// softmax over the layer: exact (1/n each) when all inputs are equal exact values.
    static func softmax(_ v: [ExactValue], precision: Int) -> [ExactValue]? {
        let exact = v.compactMap(\.exactValue)
        if exact.count == v.count, let first = exact.first, exact.allSatisfy({ $0 == first }) {
            return v.map { _ in .exact(Rational(1, v.count)) }
        }
        let intervals = v.compactMap(\.interval)
        guard intervals.count == v.count else { return nil }
        return TranscendentalEnclosures.softmax(intervals, precision: precision).map { ExactValue($0) }
    }
}
