public import ExactNumbers
import Enclosures
import Algebra
public import NetworkModel

/// Exact bounds on every unit's pre-activation over an input domain D, and which
/// piecewise-linear units are stable there.
///
/// Every unit's value is carried as an affine form in the inputs plus an interval remainder,
/// v(x) ∈ a·x + c + [r_lo, r_hi] for every x in D (symbolic intervals with exact rationals).
/// The range of the affine part over D is exact (interval arithmetic on a box, exact linear
/// programs under constraints), so a unit whose inputs are all exact forms gets exact bounds.
/// A unit whose range stays in one piece of its activation (relu with z ≥ 0 or z ≤ 0 on D)
/// is *stable* and passes its form on exactly (slope·z + intercept). An unstable relu uses
/// the sound relaxation relu(z) ∈ λ·z + [0, max(−λ·l, (1 − λ)·u)] for z in [l, u] and any
/// λ in [0, 1] (λ ≈ u/(u − l), rounded to a short dyadic so sizes stay small); leaky_relu,
/// abs and hardtanh are written through relu; other activations keep an enclosure of their
/// range (monotone enclosures by MPFR for the transcendental ones), or no bound at all.
///
/// Guarantee: for every x in D, every unit's pre-activation lies within its bounds (nil:
/// unbounded on that side). When every unit is stable, the output forms have no remainder
/// and are F on D exactly.
public enum BoundPropagation {
    /// Lower and upper bound of a pre-activation over D (nil: unbounded on that side).
    public typealias Bounds = (lo: Rational?, hi: Rational?)

    /// Per layer, per unit: bounds of the pre-activation (the value the layer's activation is
    /// applied to) over every x in the domain. Nil when the network has symbolic weights or
    /// parameters, or when the domain is empty.
    public static func preActivationBounds(_ network: Network, domain: InputDomain) -> [[Bounds]]? {
        guard let geometry = DomainGeometry(domain, inputDimension: network.inputDimension) else { return nil }
        return propagate(network, geometry: geometry)?.bounds
    }

    /// What propagation found.
    struct Result {
        /// Per layer, per unit: pre-activation bounds.
        var bounds: [[Bounds]]
        /// Per layer, per unit: the piece of a piecewise-linear activation the unit stays on
        /// over D (nil: unstable, or not piecewise linear). Empty rows for single-piece layers.
        var stablePieces: [[Int?]]
        /// When every unit is stable: F on D, exactly.
        var map: AffineMap<Rational>?
        /// Counts of stable units (on the identity-like or other piece, or constant) and unstable ones.
        var stableCount: Int
        var unstableCount: Int
    }

    /// An affine form a·x + c with an interval remainder.
    struct Form {
        var a: [Rational]
        var c: Rational
        var lo: Rational?
        var hi: Rational?

        var isExact: Bool { lo?.isZero == true && hi?.isZero == true }

        static func constant(_ n: Int, lo: Rational?, hi: Rational?) -> Form {
            Form(a: [Rational](repeating: .zero, count: n), c: .zero, lo: lo, hi: hi)
        }

        func scaled(_ s: Rational) -> Form {
            if s.isZero { return Form(a: a.map { _ in .zero }, c: .zero, lo: .zero, hi: .zero) }
            let (l, h) = s.signum > 0 ? (lo, hi) : (hi, lo)
            return Form(a: a.map { s * $0 }, c: s * c, lo: l.map { s * $0 }, hi: h.map { s * $0 })
        }

        static func + (u: Form, v: Form) -> Form {
            Form(
                a: zip(u.a, v.a).map { $0 + $1 }, c: u.c + v.c,
                lo: u.lo.flatMap { p in v.lo.map { p + $0 } }, hi: u.hi.flatMap { p in v.hi.map { p + $0 } })
        }

        func shifted(_ d: Rational) -> Form { Form(a: a, c: c + d, lo: lo, hi: hi) }

        /// Adds [l, h] to the remainder.
        func widened(_ l: Rational?, _ h: Rational?) -> Form {
            Form(a: a, c: c, lo: lo.flatMap { p in l.map { p + $0 } }, hi: hi.flatMap { p in h.map { p + $0 } })
        }
    }

    static func propagate(_ network: Network, geometry: DomainGeometry) -> Result? {
        guard network.isNumeric else { return nil }
        let n = network.inputDimension
        var values: [Form] = (0..<n).map { i in
            var e = [Rational](repeating: .zero, count: n)
            e[i] = .one
            return Form(a: e, c: .zero, lo: .zero, hi: .zero)
        }
        var result = Result(bounds: [], stablePieces: [], map: nil, stableCount: 0, unstableCount: 0)
        for layer in network.layers {
            var pre = values
            if let m = layer.dense?.rationalMap {
                pre = (0..<m.outputDimension).map { i in
                    var form = Form(a: [Rational](repeating: .zero, count: n), c: m.bias[i], lo: .zero, hi: .zero)
                    for j in 0..<m.inputDimension {
                        let w = m.weights[i, j]
                        if w.isZero { continue }
                        form = form + values[j].scaled(w)
                    }
                    return form
                }
            }
            let bounds: [Bounds] = pre.map { form in
                let r = geometry.range(of: form.a, plus: form.c)
                return (r.lo.flatMap { p in form.lo.map { p + $0 } }, r.hi.flatMap { p in form.hi.map { p + $0 } })
            }
            result.bounds.append(bounds)
            let pieces = layer.activation.pieces
            var stable = [Int?]()
            var next = [Form]()
            if case .softmax = layer.activation {
                next = pre.map { _ in Form.constant(n, lo: .zero, hi: .one) }
            } else {
                for (form, b) in zip(pre, bounds) {
                    if let pieces, pieces.count == 1 {
                        next.append(form.scaled(pieces[0].slope).shifted(pieces[0].intercept))
                        continue
                    }
                    if let pieces, let k = stablePiece(pieces, lo: b.lo, hi: b.hi) {
                        stable.append(k)
                        result.stableCount += 1
                        next.append(form.scaled(pieces[k].slope).shifted(pieces[k].intercept))
                        continue
                    }
                    stable.append(nil)
                    if pieces != nil { result.unstableCount += 1 }
                    next.append(relaxed(layer.activation, form, b, n: n))
                }
            }
            result.stablePieces.append(pieces?.count == 1 ? [] : stable)
            values = next.map(compacted)
        }
        if values.allSatisfy(\.isExact) {
            let weights = Matrix(rows: values.count, columns: n, entries: values.flatMap(\.a))
            result.map = AffineMap(weights: weights, bias: values.map(\.c))
        }
        return result
    }

    /// The piece f stays on over [lo, hi]: an open piece whose closure contains the range and
    /// whose formula also gives f's value at any breakpoint the range touches, or the
    /// breakpoint piece when lo = hi is that breakpoint. Nil when f changes formula on the range.
    static func stablePiece(_ pieces: [ActivationPiece], lo: Rational?, hi: Rational?) -> Int? {
        if let lo, let hi, lo == hi { return pieces.firstIndex { $0.contains(lo) } }
        for (k, piece) in pieces.enumerated() where !piece.isBreakpoint {
            if let l = piece.lower { guard let lo, lo >= l else { continue } }
            if let u = piece.upper { guard let hi, hi <= u else { continue } }
            let value = { (t: Rational) in piece.slope * t + piece.intercept }
            let touches = pieces.filter { $0.isBreakpoint && ($0.lower == lo || $0.lower == hi) }
            if touches.allSatisfy({ value($0.lower!) == $0.intercept }) { return k }
        }
        return nil
    }

    /// A sound form for an unstable unit.
    static func relaxed(_ f: Activation, _ z: Form, _ b: Bounds, n: Int) -> Form {
        switch f {
        case .relu: return relu(z, b, n: n)
        case .leakyRelu(let alpha):
            guard let a = alpha.constantValue else { return .constant(n, lo: nil, hi: nil) }
            return z.scaled(a) + relu(z, b, n: n).scaled(.one - a)
        case .abs:
            return relu(z, b, n: n).scaled(Rational(2)) + z.scaled(Rational(-1))
        case .hardtanh:
            let upper = relu(z.shifted(.one), (b.lo.map { $0 + .one }, b.hi.map { $0 + .one }), n: n)
            let lower = relu(z.shifted(Rational(-1)), (b.lo.map { $0 - .one }, b.hi.map { $0 - .one }), n: n)
            return (upper + lower.scaled(Rational(-1))).shifted(Rational(-1))
        case .step: return .constant(n, lo: .zero, hi: .one)
        case .sign: return .constant(n, lo: Rational(-1), hi: .one)
        default:
            guard let lo = b.lo, let hi = b.hi else {
                switch f {
                case .sigmoid: return .constant(n, lo: .zero, hi: .one)
                case .tanh: return .constant(n, lo: Rational(-1), hi: .one)
                case .arctan: return .constant(n, lo: Rational(-2), hi: Rational(2))
                default: return .constant(n, lo: nil, hi: nil)
                }
            }
            let range = ActivationEvaluation.apply(f, to: ExactValue(RationalInterval(lo: lo, hi: hi)), precision: 64)?
                .interval
            return .constant(n, lo: range?.lo, hi: range?.hi)
        }
    }

    /// relu(z) for z ∈ [l, u] with l < 0 < u: λ·z + [0, max(−λ·l, (1 − λ)·u)].
    static func relu(_ z: Form, _ b: Bounds, n: Int) -> Form {
        if let hi = b.hi, hi.signum <= 0 { return .constant(n, lo: .zero, hi: .zero) }
        if let lo = b.lo, lo.signum >= 0 { return z }
        switch (b.lo, b.hi) {
        case (let l?, let u?):
            let lambda = dyadic(u / (u - l), bits: 16, up: false)
            let top = Rational.max(-lambda * l, (.one - lambda) * u)
            return z.scaled(lambda).widened(.zero, top)
        case (let l?, nil): return z.widened(.zero, -l)  // relu(z) − z = relu(−z) ∈ [0, −l]
        case (nil, let u?): return .constant(n, lo: .zero, hi: u)
        case (nil, nil): return .constant(n, lo: .zero, hi: nil)
        }
    }

    /// r rounded down (or up) to a multiple of 2^-bits.
    static func dyadic(_ r: Rational, bits: Int, up: Bool) -> Rational {
        let scale = Rational(BigInt(1).shiftedLeft(bits))
        let scaled = r * scale
        return Rational(up ? scaled.ceiling : scaled.floor) / scale
    }

    /// A form whose remainder ends are rounded outward to short dyadics (sound, keeps sizes small).
    static func compacted(_ form: Form) -> Form {
        var f = form
        if let lo = f.lo, lo.denominator.bitWidth > 64 { f.lo = dyadic(lo, bits: 60, up: false) }
        if let hi = f.hi, hi.denominator.bitWidth > 64 { f.hi = dyadic(hi, bits: 60, up: true) }
        return f
    }
}
