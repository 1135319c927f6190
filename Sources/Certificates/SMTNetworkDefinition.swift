import ExactNumbers
import Algebra
import NetworkModel
import Collapse
import Enclosures

/// The definitions that make one copy of F in an SMT-LIB script: one named value per unit
/// and layer (`declare-fun` and an equality `assert`), so the script grows linearly with the
/// network. (Named values rather than `define-fun` macros: z3 answers a 3-layer, 32-wide
/// relu certificate in 0.5 s instead of 39 s, a 4-layer 64-wide affine one in 2.4 s instead
/// of 27 s.)
///
/// Unit i of layer l has the pre-activation `{prefix}z{l}_{i}` (its dense part) and the value
/// `{prefix}a{l}_{i}` (its activation). Identity activations name no new value. Piecewise-
/// linear activations are `ite` terms (relu: `(ite (> z 0) z 0)`), polynomial ones products
/// (`(* z z)`), affine ones `a·z + c`; weight symbols are declared reals (`s_name`).
/// Transcendental activations (sigmoid, tanh, arctan, softplus, silu, gelu, elu, softmax)
/// have no term in QF_LRA or QF_NRA: at a fixed rational point their values are declared
/// reals bounded by prove-collapse's MPFR enclosures (stated as assumptions in a comment); on
/// free inputs the copy cannot be written and `make` returns nil.
struct SMTNetworkDefinition {
    /// The text of the definitions.
    var text = ""
    /// The terms of F's outputs.
    var outputs: [String] = []
    /// Whether some value is an assumed enclosure (a transcendental unit).
    var assumesEnclosures = false

    /// The SMT name of a weight symbol.
    static func symbolName(_ symbol: Symbol) -> String { "s_\(symbol.name)" }

    /// Whether every activation of the network has an exact SMT term.
    static func isExpressible(_ network: Network) -> Bool {
        network.layers.allSatisfy { activationTerm($0.activation, "t") != nil }
    }

    /// Whether writing F needs nonlinear arithmetic: a symbol multiplies a value (symbolic
    /// weights or parameters) or an activation is a polynomial of degree ≥ 2.
    static func isNonlinear(_ network: Network) -> Bool {
        if !network.isNumeric { return true }
        return network.layers.contains { layer in
            if case .polynomial(let cs) = layer.activation { return cs.dropFirst(2).contains { !$0.isZero } }
            return false
        }
    }

    /// One copy of F with the inputs `inputs` (terms). `enclosureTrace` gives, for copies at
    /// a fixed point, `Evaluator.trace` at that point (the values after every layer); without
    /// it a transcendental layer makes the copy impossible (nil).
    static func make(
        _ network: Network, prefix: String, inputs: [String], enclosureTrace: [[ExactValue]]? = nil,
        precision: Int
    ) -> SMTNetworkDefinition? {
        var definition = SMTNetworkDefinition()
        var current = inputs
        for (index, layer) in network.layers.enumerated() {
            let l = index + 1
            if let dense = layer.dense {
                var pre = [String]()
                pre.reserveCapacity(dense.outputDimension)
                for i in 0..<dense.outputDimension {
                    let name = "\(prefix)z\(l)_\(i + 1)"
                    definition.text += SMTText.named(name, denseTerm(dense, row: i, inputs: current))
                    pre.append(name)
                }
                current = pre
            }
            if case .identity = layer.activation { continue }
            var next = [String]()
            next.reserveCapacity(current.count)
            if activationTerm(layer.activation, "t") == nil {
                guard let trace = enclosureTrace, l < trace.count else { return nil }
                definition.assumesEnclosures = true
                definition.text += SMTText.comment(
                    "layer \(l) (\(layer.activation.name)) has no term in these logics; its values at this point are declared reals within prove-collapse's MPFR enclosures (\(precision) bits, directed rounding): assumed here, not checked"
                )
                for (i, value) in trace[l].enumerated() {
                    let name = "\(prefix)a\(l)_\(i + 1)"
                    if let exact = value.exactValue {
                        definition.text += SMTText.named(name, SMTText.rational(exact))
                    } else if let interval = value.interval {
                        definition.text += "(declare-fun \(name) () Real)\n"
                        definition.text +=
                            "(assert (and (<= \(SMTText.rational(interval.lo)) \(name)) (<= \(name) \(SMTText.rational(interval.hi)))))\n"
                    } else {
                        return nil
                    }
                    next.append(name)
                }
            } else {
                for (i, z) in current.enumerated() {
                    let name = "\(prefix)a\(l)_\(i + 1)"
                    definition.text += SMTText.named(name, activationTerm(layer.activation, z)!)
                    next.append(name)
                }
            }
            current = next
        }
        definition.outputs = current
        return definition
    }

    /// Σ_j W[row, j]·inputs[j] + b[row].
    static func denseTerm(_ dense: LayerWeights, row i: Int, inputs: [String]) -> String {
        var terms = [String]()
        switch dense {
        case .numeric(let map):
            for (j, w) in map.weights.rowArray(i).enumerated() {
                if let t = SMTText.scaled(w, inputs[j]) { terms.append(t) }
            }
            if !map.bias[i].isZero { terms.append(SMTText.rational(map.bias[i])) }
        case .float32(let map):
            for (j, w) in map.weights.rationalRow(i).enumerated() {
                if let t = SMTText.scaled(w, inputs[j]) { terms.append(t) }
            }
            if !map.bias[i].isZero { terms.append(SMTText.rational(map.bias[i])) }
        case .symbolic(let map):
            for (j, w) in map.weights.rowArray(i).enumerated() {
                if let t = polynomialTimes(w, inputs[j]) { terms.append(t) }
            }
            if !map.bias[i].isZero { terms.append(SMTText.polynomial(map.bias[i], name: symbolName)) }
        }
        return SMTText.sum(terms)
    }

    /// p·t for a polynomial p (nil when p = 0).
    static func polynomialTimes(_ p: Polynomial, _ t: String) -> String? {
        if let c = p.constantValue { return SMTText.scaled(c, t) }
        return "(* \(SMTText.polynomial(p, name: symbolName)) \(t))"
    }

    /// f(z) as a term, or nil when f has none in QF_LRA/QF_NRA (transcendental, softmax).
    static func activationTerm(_ activation: Activation, _ z: String) -> String? {
        switch activation {
        case .identity: return z
        case .affine(let a, let c):
            let terms = [polynomialTimes(a, z), c.isZero ? nil : SMTText.polynomial(c, name: symbolName)].compactMap {
                $0
            }
            return SMTText.sum(terms)
        case .polynomial(let cs):
            var terms = [String]()
            for (k, c) in cs.enumerated() where !c.isZero {
                let power = k == 0 ? nil : (k == 1 ? z : "(* \(Array(repeating: z, count: k).joined(separator: " ")))")
                if let power {
                    terms.append(polynomialTimes(c, power)!)
                } else {
                    terms.append(SMTText.polynomial(c, name: symbolName))
                }
            }
            return SMTText.sum(terms)
        case .relu: return "(ite (> \(z) 0) \(z) 0)"
        case .leakyRelu(let alpha): return "(ite (> \(z) 0) \(z) \(polynomialTimes(alpha, z) ?? "0"))"
        case .hardtanh: return "(ite (> \(z) 1) 1 (ite (< \(z) (- 1)) (- 1) \(z)))"
        case .step: return "(ite (> \(z) 0) 1 0)"
        case .sign: return "(ite (> \(z) 0) 1 (ite (< \(z) 0) (- 1) 0))"
        case .abs: return "(ite (>= \(z) 0) \(z) (- \(z)))"
        case .clip(let lower, let upper):
            var term = z
            if let upper {
                let b = SMTText.polynomial(upper, name: symbolName); term = "(ite (> \(z) \(b)) \(b) \(term))"
            }
            if let lower {
                let a = SMTText.polynomial(lower, name: symbolName); term = "(ite (< \(z) \(a)) \(a) \(term))"
            }
            return term
        case .hardSigmoid(let alpha, let beta):
            // max(0, min(1, alpha·z + beta)).
            let g = SMTText.sum(
                [polynomialTimes(alpha, z), beta.isZero ? nil : SMTText.polynomial(beta, name: symbolName)].compactMap {
                    $0
                })
            return "(ite (< \(g) 0) 0 (ite (> \(g) 1) 1 \(g)))"
        default: return nil
        }
    }
}
