import ExactNumbers
import Algebra
import NetworkModel

/// The three identities for a network proved equal to W'x + b', with their evidence.
///
/// Symbolically, F(x+y) − F(x) − F(y) = −b' and F(c·x) − c·F(x) = (1 − c)·b', and
/// F(x+y) + F(0) − F(x) − F(y) = 0. For small networks these residuals are computed layer by
/// layer with symbolic x, y, c (an independent check of the closed form); witnesses
/// (x = y = 0; x = 0, c = 2) are evaluated through the network itself, not through W'.
enum IdentityEvidence {
    /// The three checks for `network` proved equal to `map`, within the policy's
    /// `evaluationLimit` and `symbolicLimit`.
    static func forCollapsed(_ network: Network, map: CollapsedMap, options: AnalysisOptions) -> (
        additivity: IdentityCheck, homogeneity: IdentityCheck, affinity: IdentityCheck
    ) {
        // Only b' is needed: no polynomial per entry of W'.
        let b: [Polynomial]
        switch map {
        case .numeric(let m): b = m.bias.map { Polynomial($0) }
        case .symbolic(let m): b = m.bias
        }
        let c = Symbol(ReportNames(network).c)
        var additiveResidual = b.map { -$0 }
        var homogeneousResidual = b.map { (Polynomial(Rational.one) - Polynomial(c)) * $0 }
        var affineResidual = b.map { _ in Polynomial(Rational.zero) }
        if let computed = layerByLayerResiduals(network, c: c, limit: options.symbolicLimit) {
            additiveResidual = computed.additive
            homogeneousResidual = computed.homogeneous
            affineResidual = computed.affine
        }
        let biasZero = map.biasIsZero
        let zero = Array(repeating: Rational.zero, count: network.inputDimension)
        var additivityWitness: Witness? = nil
        var homogeneityWitness: Witness? = nil
        // F(0) for the witnesses: evaluated through the layers (evidence independent of the
        // composition) for networks up to `options.evaluationLimit` parameters; above that F(0) = b',
        // the exact composite, since evaluating big layers costs most of an end-to-end run.
        let f0: [ExactValue]?
        if biasZero {
            f0 = nil
        } else if case .numeric(let m) = map, network.parameterCount > options.evaluationLimit {
            f0 = m.bias.map { .exact($0) }
        } else {
            f0 = value(network, at: zero)
        }
        if !biasZero, let f0 {
            let twice = addVectors(f0, f0)
            additivityWitness = Witness(x: zero, y: zero, c: nil, lhs: f0, rhs: twice)
            homogeneityWitness = Witness(x: zero, y: nil, c: Rational(2), lhs: f0, rhs: twice)
        }
        return (
            IdentityCheck(
                identity: .additivity, holds: biasZero, witness: additivityWitness, residual: additiveResidual),
            IdentityCheck(
                identity: .homogeneity, holds: biasZero, witness: homogeneityWitness, residual: homogeneousResidual),
            IdentityCheck(identity: .affinity, holds: true, witness: nil, residual: affineResidual)
        )
    }

    /// F(p) evaluated through the layers: exactly for numeric networks, as polynomials in the
    /// weight symbols otherwise.
    static func value(_ network: Network, at p: [Rational]) -> [ExactValue]? {
        if network.isNumeric { return try? Evaluator.evaluate(network, at: p) }
        guard let outputs = Composition.polynomialOutputs(network, inputs: p.map { Polynomial($0) }) else { return nil }
        return outputs.map { p in
            if let r = p.constantValue { return .exact(r) }
            // An exact constant (σ(1), √2): a rigorous enclosure, narrow enough (relative width
            // 2^−20, excluding 0) that F(0) and 2·F(0) are disjoint.
            if let c = ExactConstant(p), let i = c.separatingEnclosure() { return ExactValue(i) }
            return .symbolic(p)
        }
    }

    /// The residuals computed by pushing symbolic x, y and c through the layers.
    static func layerByLayerResiduals(_ network: Network, c: Symbol, limit: Int) -> (
        additive: [Polynomial], homogeneous: [Polynomial], affine: [Polynomial]
    )? {
        let parameters = network.layers.reduce(0) {
            $0 + ($1.dense.map { $0.outputDimension * ($0.inputDimension + 1) } ?? 0)
        }
        guard network.inputDimension * max(parameters, 1) <= limit else { return nil }
        let taken = Set(network.symbols).union([c])
        func fresh(_ base: String, _ k: Int) -> Polynomial {
            var s = Symbol("\(base)\(k)")
            while taken.contains(s) { s = Symbol(s.name + "_") }
            return Polynomial(s)
        }
        let n = network.inputDimension
        let x = (1...max(n, 1)).prefix(n).map { fresh("x_", $0) }
        let y = (1...max(n, 1)).prefix(n).map { fresh("y_", $0) }
        // F at each symbolic point once (the three identities share F(x), F(y), F(x+y)).
        var memo = [[Polynomial]: [Polynomial]]()
        var failed = false
        let f = { (p: [Polynomial]) -> [Polynomial]? in
            if let v = memo[p] { return v }
            guard let v = Composition.polynomialOutputs(network, inputs: p) else { failed = true; return nil }
            memo[p] = v
            return v
        }
        let residual = { (identity: Identity) -> [Polynomial]? in
            identity.sides(
                x: x, y: identity == .homogeneity ? nil : y, c: identity == .homogeneity ? Polynomial(c) : nil,
                in: .symbolic, f
            ).map { sides in zip(sides.lhs, sides.rhs).map { $0 - $1 } }
        }
        guard let additive = residual(.additivity), let homogeneous = residual(.homogeneity),
            let affine = residual(.affinity), !failed
        else { return nil }
        return (additive, homogeneous, affine)
    }
}

extension Network {
    /// The number of weights and biases in the dense layers.
    var parameterCount: Int {
        layers.reduce(0) { $0 + ($1.dense.map { $0.outputDimension * ($0.inputDimension + 1) } ?? 0) }
    }
}
