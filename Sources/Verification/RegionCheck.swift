import ExactNumbers
import NetworkModel
import Algebra

/// One piece of a piecewise-linear activation, as `verify` defines it from contract §1:
/// on lo < t < hi (or at t = τ when `point`), f(t) = slope·t + intercept.
struct CheckedPiece {
    var lo: Rational?
    var hi: Rational?
    var point: Bool
    var slope: Rational
    var intercept: Rational

    /// The pieces of an activation, breakpoints included; nil when it is not piecewise
    /// linear with numeric parameters.
    static func pieces(of activation: Activation) -> [CheckedPiece]? {
        let zero = Rational.zero, one = Rational.one, minusOne = Rational(-1)
        func open(_ lo: Rational?, _ hi: Rational?, _ a: Rational, _ c: Rational) -> CheckedPiece {
            CheckedPiece(lo: lo, hi: hi, point: false, slope: a, intercept: c)
        }
        func at(_ tau: Rational, _ value: Rational) -> CheckedPiece {
            CheckedPiece(lo: tau, hi: tau, point: true, slope: zero, intercept: value)
        }
        switch activation {
        case .relu: return [open(nil, zero, zero, zero), at(zero, zero), open(zero, nil, one, zero)]
        case .leakyRelu(let alpha):
            guard let a = alpha.constantValue else { return nil }
            return [open(nil, zero, a, zero), at(zero, zero), open(zero, nil, one, zero)]
        case .abs: return [open(nil, zero, minusOne, zero), at(zero, zero), open(zero, nil, one, zero)]
        case .hardtanh:
            return [
                open(nil, minusOne, zero, minusOne), at(minusOne, minusOne), open(minusOne, one, one, zero),
                at(one, one), open(one, nil, zero, one),
            ]
        case .clip(let lower, let upper):
            let a = lower?.constantValue, b = upper?.constantValue
            if (lower != nil && a == nil) || (upper != nil && b == nil) { return nil }
            switch (a, b) {
            case (nil, nil): return [open(nil, nil, one, zero)]
            case (let a?, nil): return [open(nil, a, zero, a), at(a, a), open(a, nil, one, zero)]
            case (nil, let b?): return [open(nil, b, one, zero), at(b, b), open(b, nil, zero, b)]
            case (let a?, let b?):
                if a >= b { return [open(nil, nil, zero, b)] }  // min(b, max(a, t)) = b
                return [open(nil, a, zero, a), at(a, a), open(a, b, one, zero), at(b, b), open(b, nil, zero, b)]
            }
        case .hardSigmoid(let alphaParameter, let betaParameter):
            guard let alpha = alphaParameter.constantValue, let beta = betaParameter.constantValue else { return nil }
            if alpha.isZero { return [open(nil, nil, zero, Rational.max(zero, Rational.min(one, beta)))] }
            let t0 = -beta / alpha, t1 = (one - beta) / alpha  // alpha·t + beta = 0 at t0, = 1 at t1
            if alpha.signum > 0 {
                return [
                    open(nil, t0, zero, zero), at(t0, zero), open(t0, t1, alpha, beta), at(t1, one),
                    open(t1, nil, zero, one),
                ]
            }
            return [
                open(nil, t1, zero, one), at(t1, one), open(t1, t0, alpha, beta), at(t0, zero),
                open(t0, nil, zero, zero),
            ]
        case .step: return [open(nil, zero, zero, zero), at(zero, zero), open(zero, nil, zero, one)]
        case .sign: return [open(nil, zero, zero, minusOne), at(zero, zero), open(zero, nil, zero, one)]
        default:
            guard let (a, c) = PlainProduct.affineForm(activation), let slope = a.constantValue,
                let intercept = c.constantValue
            else { return nil }
            return [open(nil, nil, slope, intercept)]
        }
    }

    /// The conditions z(x) = g·x + β in the piece puts on x.
    func conditions(g: [Rational], beta: Rational) -> [Condition] {
        if point {
            return [
                Condition(coefficients: g, bound: lo! - beta, strict: false),
                Condition(coefficients: g.map { -$0 }, bound: beta - lo!, strict: false),
            ]
        }
        var result = [Condition]()
        if let lo { result.append(Condition(coefficients: g.map { -$0 }, bound: beta - lo, strict: true)) }
        if let hi { result.append(Condition(coefficients: g, bound: hi - beta, strict: true)) }
        return result
    }
}

/// `verify`'s own check that a numeric piecewise-linear network equals W'x + b' on its
/// domain: every activation pattern (breakpoints included) is visited depth first, kept
/// when exact Fourier–Motzkin finds its conditions feasible, and on each such region the
/// difference F(x) − (W'x + b'), an affine function there, must be neither positive nor
/// negative anywhere in the region. Nothing of the analysis is used.
struct RegionCheck {
    enum Result {
        case holds
        case fails(String)
        case tooLarge(String)
    }

    let network: Network
    let weights: [[Rational]]
    let bias: [Rational]
    var regions = 0
    let regionLimit = 3000
    var outcome: Result? = nil

    static func check(_ network: Network, weights: [[Rational]], bias: [Rational], domain: [Condition]) -> Result {
        guard network.isNumeric, network.layers.allSatisfy({ CheckedPiece.pieces(of: $0.activation) != nil }) else {
            return .tooLarge("the network is not numeric and piecewise linear")
        }
        let n = network.inputDimension
        var check = RegionCheck(network: network, weights: weights, bias: bias)
        let identity = (0..<n).map { i in (0..<n).map { j in i == j ? Rational.one : Rational.zero } }
        check.layer(0, conditions: domain, map: identity, offset: [Rational](repeating: .zero, count: n), pattern: "")
        return check.outcome ?? .holds
    }

    mutating func layer(_ l: Int, conditions: [Condition], map: [[Rational]], offset: [Rational], pattern: String) {
        if outcome != nil { return }
        if l == network.layers.count { leaf(conditions, map, offset, pattern); return }
        let layer = network.layers[l]
        var pre = map, preOffset = offset
        if let dense = layer.dense?.rationalMap {
            pre = []; preOffset = []
            for i in 0..<dense.outputDimension {
                var row = [Rational](repeating: .zero, count: network.inputDimension)
                var b = dense.bias[i]
                for k in 0..<dense.inputDimension where !dense.weights[i, k].isZero {
                    let w = dense.weights[i, k]
                    for j in row.indices where !map[k][j].isZero { row[j] += w * map[k][j] }
                    b += w * offset[k]
                }
                pre.append(row); preOffset.append(b)
            }
        }
        unit(
            l, 0, conditions: conditions, pre: pre, preOffset: preOffset, out: [], outOffset: [],
            pattern: pattern + (l > 0 ? "|" : ""))
    }

    mutating func unit(
        _ l: Int, _ u: Int, conditions: [Condition], pre: [[Rational]], preOffset: [Rational],
        out: [[Rational]], outOffset: [Rational], pattern: String
    ) {
        if outcome != nil { return }
        if u == pre.count {
            layer(l + 1, conditions: conditions, map: out, offset: outOffset, pattern: pattern); return
        }
        let pieces = CheckedPiece.pieces(of: network.layers[l].activation)!
        for (k, piece) in pieces.enumerated() {
            var next = conditions
            if pieces.count > 1 { next += piece.conditions(g: pre[u], beta: preOffset[u]) }
            if pieces.count > 1 {
                guard let feasible = ExactFeasibility.isFeasible(next, dimension: network.inputDimension) else {
                    outcome = .tooLarge("the exact feasibility test outgrew its limit"); return
                }
                if !feasible { continue }
            }
            let row = pre[u].map { piece.slope * $0 }
            unit(
                l, u + 1, conditions: next, pre: pre, preOffset: preOffset, out: out + [row],
                outOffset: outOffset + [piece.slope * preOffset[u] + piece.intercept], pattern: pattern + "\(k)")
            if outcome != nil { return }
        }
    }

    mutating func leaf(_ conditions: [Condition], _ map: [[Rational]], _ offset: [Rational], _ pattern: String) {
        regions += 1
        if regions > regionLimit { outcome = .tooLarge("more than \(regionLimit) regions"); return }
        for i in map.indices {
            let d = zip(map[i], weights[i]).map { $0 - $1 }
            let e = offset[i] - bias[i]
            if d.allSatisfy(\.isZero) && e.isZero { continue }
            // F_i − (W'x + b')_i = d·x + e must be 0 on the region: neither > 0 nor < 0 anywhere.
            for side in [
                Condition(coefficients: d.map { -$0 }, bound: e, strict: true),
                Condition(coefficients: d, bound: -e, strict: true),
            ] {
                guard let feasible = ExactFeasibility.isFeasible(conditions + [side], dimension: network.inputDimension)
                else {
                    outcome = .tooLarge("the exact feasibility test outgrew its limit"); return
                }
                if feasible {
                    outcome = .fails(
                        "on the region with piece pattern \(pattern) output \(i + 1) of F is \(map[i].map(\.description)) x + \(offset[i]), not row \(i + 1) of W'x + b'"
                    )
                    return
                }
            }
        }
    }
}
