import ExactNumbers
import Algebra
import NetworkModel
public import Collapse
import Rendering

/// An SMT-LIB 2.6 script that lets anyone check a verdict with an SMT solver (z3, cvc5),
/// without trusting prove-collapse (contract §8).
///
/// The script defines F exactly on real-valued inputs (`SMTNetworkDefinition`), states the
/// domain when there is one, and ends with one assertion, the negation of the verdict's
/// claim, and one `(check-sat)`: `unsat` exactly when the claim holds.
///
/// - `linear`/`affine`: the claim is F(x) = W'x + b' for every real x (in D); the script
///   asserts that some output differs, `(or (not (= y1 e1)) ...)`. With symbolic weights the
///   symbols are declared reals and the claim is for all their values (QF_NRA).
/// - `not-affine`: the claim is that the affinity witness's two sides differ,
///   F(x+y) + F(0) ≠ F(x) + F(y) (on a domain: F((x+y)/2) ≠ (F(x) + F(y))/2, with x and y in
///   D); the script builds one copy of F per point of the witness and asserts that the
///   sides are equal in every coordinate (or that a point leaves D).
/// - What cannot be written: a collapse through transcendental activations (the identity
///   σ(t) + σ(−t) = 1 is not in QF_LRA/QF_NRA), witnesses of symbolic networks (their sides
///   differ for generic values of the symbols: a statement with a quantifier) and `unknown`
///   verdicts (nothing is claimed) give a script with comments only and no `(check-sat)`.
///   Transcendental units at a witness's rational points are declared reals bounded by
///   MPFR enclosures, stated in a comment as assumptions; the rest is checked.
///
/// The logic is `QF_LRA` for piecewise-linear and affine networks, `QF_NRA` when a
/// polynomial activation of degree ≥ 2 or a weight symbol multiplies a value.
public enum SMTCertificate {
    /// The script for `analysis`. `precision` is the MPFR working precision (bits) of the
    /// enclosures assumed for transcendental units at witness points.
    public static func render(_ analysis: Analysis, precision: Int = 256) -> String {
        let network = analysis.network
        var header = "; prove-collapse certificate (SMT-LIB 2.6)\n"
        header += SMTText.comment(
            "network: \(network.name ?? "(unnamed)"), \(network.inputDimension) inputs (\(network.inputNames.joined(separator: ", "))) -> \(network.outputDimension) outputs, \(network.layers.count) layers"
        )
        header += SMTText.comment("verdict: \(analysis.verdict.rawValue)")
        header += SMTText.comment(
            "inputs: "
                + network.inputNames.enumerated().map { "x_\($0.offset + 1) = \($0.element)" }.joined(separator: ", "))
        if let domain = network.domain {
            header += SMTText.comment("domain D: " + domainText(domain, names: network.inputNames))
        }
        switch analysis.verdict {
        case .linear, .affine:
            return collapsedScript(analysis, header: header)
        case .notAffine:
            return notAffineScript(analysis, header: header, precision: precision)
        case .unknown:
            return header
                + SMTText.comment(
                    "the verdict is unknown: prove-collapse claims nothing, so there is nothing to certify (no check-sat)\nreason: \(ReasonText.sentence(analysis) ?? "not decided")"
                )
        }
    }

    /// `(set-info ...)`, `(set-logic ...)`.
    static func preamble(nonlinear: Bool) -> String {
        "(set-info :smt-lib-version 2.6)\n(set-logic \(nonlinear ? "QF_NRA" : "QF_LRA"))\n"
    }

    /// Declarations of the weight symbols.
    static func symbolDeclarations(_ network: Network) -> String {
        network.symbols.map { "(declare-fun \(SMTNetworkDefinition.symbolName($0)) () Real)\n" }.joined()
    }

    // MARK: linear / affine

    static func collapsedScript(_ analysis: Analysis, header: String) -> String {
        let network = analysis.network
        guard let collapsed = analysis.collapsed else {
            return header + SMTText.comment("no collapsed map in the analysis: nothing to certify")
        }
        if network.hasConstantAtoms || collapsed.hasConstantEntries {
            return header
                + SMTText.comment(
                    """
                    claim: F(x) = W'x + b' for every x\(network.domain == nil ? "" : " in D")
                    not certifiable here: the weights or W', b' hold exact irrational constants (values of activations
                    at exact points, square roots), which this script does not state. No check-sat: the collapsed map
                    and its rigorous enclosures are in the JSON report (collapsed.enclosures).
                    """)
        }
        let inputs = (1...max(network.inputDimension, 1)).prefix(network.inputDimension).map { "x_\($0)" }
        guard let definition = SMTNetworkDefinition.make(network, prefix: "", inputs: inputs, precision: 0) else {
            let names = Set(
                network.layers.map(\.activation).filter { SMTNetworkDefinition.activationTerm($0, "t") == nil }.map(
                    \.name))
            return header
                + SMTText.comment(
                    """
                    claim: F(x) = W'x + b' for every x\(network.domain == nil ? "" : " in D")
                    not certifiable here: F uses \(names.sorted().joined(separator: ", ")), which has no term in QF_LRA or QF_NRA;
                    the collapse rests on identities of these functions (such as sigmoid(t) + sigmoid(-t) = 1) that an SMT
                    solver for real arithmetic cannot check. No check-sat: check it with `prove-collapse verify`.
                    """)
        }
        var script = header
        script += SMTText.comment(
            "claim: F(x) = W'x + b' for every real x\(network.domain == nil ? "" : " in D")\(network.isNumeric ? "" : " and every value of the weight symbols"); the last assertion is its negation, so unsat proves the claim"
        )
        script += preamble(nonlinear: SMTNetworkDefinition.isNonlinear(network))
        script += symbolDeclarations(network)
        for x in inputs { script += "(declare-fun \(x) () Real)\n" }
        if let domain = network.domain {
            script += SMTText.comment("the domain D")
            script += "(assert \(domainTerm(domain, inputs: inputs)))\n"
        }
        script += SMTText.comment("F, layer by layer")
        script += definition.text
        let map = collapsed.symbolicMap
        var differences = [String]()
        for (i, y) in definition.outputs.enumerated() {
            var terms = [String]()
            for (j, w) in map.weights.rowArray(i).enumerated() {
                if let t = SMTNetworkDefinition.polynomialTimes(w, inputs[j]) { terms.append(t) }
            }
            if !map.bias[i].isZero {
                terms.append(SMTText.polynomial(map.bias[i], name: SMTNetworkDefinition.symbolName))
            }
            script += "(define-fun e_\(i + 1) () Real \(SMTText.sum(terms)))\n"
            differences.append("(not (= \(y) e_\(i + 1)))")
        }
        script += SMTText.comment("negated claim: some output of F differs from W'x + b' (e_i is row i of W'x + b')")
        script += "(assert \(SMTText.or(differences)))\n"
        script += "(check-sat)\n(exit)\n"
        return script
    }

    // MARK: not-affine

    static func notAffineScript(_ analysis: Analysis, header: String, precision: Int) -> String {
        let network = analysis.network
        guard let witness = analysis.affinity.witness, let y = witness.y else {
            return header + SMTText.comment("no affinity witness in the analysis: nothing to certify")
        }
        guard network.isNumeric else {
            return header
                + SMTText.comment(
                    """
                    claim: F(x+y) + F(0) != F(x) + F(y) for the witness below, for generic values of the weight symbols
                    not certifiable here: the witness's sides are polynomials in the symbols that differ as polynomials;
                    their negation (the sides agree for every value of the symbols) needs a quantifier. No check-sat.
                    """)
        }
        let n = network.inputDimension
        let midpoint = network.domain != nil
        let points: [[Rational]]
        if midpoint {
            points = [zip(witness.x, y).map { ($0 + $1) * Rational(1, 2) }, witness.x, y]
        } else {
            points = [zip(witness.x, y).map { $0 + $1 }, [Rational](repeating: .zero, count: n), witness.x, y]
        }
        var script = header
        script += SMTText.comment(
            "witness: x = (\(witness.x.map(\.description).joined(separator: ", "))), y = (\(y.map(\.description).joined(separator: ", ")))"
        )
        if midpoint {
            script += SMTText.comment(
                "claim: x and y lie in D and F((x+y)/2) != (F(x) + F(y))/2 (midpoint affinity fails); the last assertion is its negation, so unsat proves the claim"
            )
        } else {
            script += SMTText.comment(
                "claim: F(x+y) + F(0) != F(x) + F(y) (affinity fails, so no affine map equals F); the last assertion is its negation, so unsat proves the claim"
            )
        }
        var body = ""
        var outputs = [[String]]()
        var assumes = false
        for (k, point) in points.enumerated() {
            let prefix = "p\(k + 1)_"
            let inputs = point.indices.map { "\(prefix)x_\($0 + 1)" }
            body += SMTText.comment("F at point p\(k + 1) = (\(point.map(\.description).joined(separator: ", ")))")
            for (name, value) in zip(inputs, point) { body += SMTText.named(name, SMTText.rational(value)) }
            let trace =
                SMTNetworkDefinition.isExpressible(network)
                ? nil : try? Evaluator.trace(network, at: point, precision: precision)
            guard
                let definition = SMTNetworkDefinition.make(
                    network, prefix: prefix, inputs: inputs, enclosureTrace: trace, precision: precision)
            else {
                return header + SMTText.comment("F cannot be written at the witness's points: nothing to certify")
            }
            assumes = assumes || definition.assumesEnclosures
            body += definition.text
            outputs.append(definition.outputs)
        }
        script += preamble(nonlinear: SMTNetworkDefinition.isNonlinear(network))
        if assumes {
            script += SMTText.comment(
                "F has transcendental units: their values are assumed within MPFR enclosures (see below); everything else, the affine parts and the witness's rational points, is exact and checked"
            )
        }
        script += body
        var equalities = [String]()
        for i in 0..<network.outputDimension {
            if midpoint {
                equalities.append("(= (* 2 \(outputs[0][i])) (+ \(outputs[1][i]) \(outputs[2][i])))")
            } else {
                equalities.append("(= (+ \(outputs[0][i]) \(outputs[1][i])) (+ \(outputs[2][i]) \(outputs[3][i])))")
            }
        }
        var negation = SMTText.and(equalities)
        if midpoint, let domain = network.domain {
            let xIn = domainTerm(domain, inputs: witness.x.map(SMTText.rational))
            let yIn = domainTerm(domain, inputs: y.map(SMTText.rational))
            negation = "(or (not \(xIn)) (not \(yIn)) \(negation))"
            script += SMTText.comment(
                "negated claim: x or y lies outside D, or the two sides agree in every coordinate")
        } else {
            script += SMTText.comment("negated claim: the two sides agree in every coordinate")
        }
        script += "(assert \(negation))\n"
        script += "(check-sat)\n(exit)\n"
        return script
    }

    // MARK: domain

    /// The domain as one term over the input terms.
    static func domainTerm(_ domain: InputDomain, inputs: [String]) -> String {
        var parts = [String]()
        for (interval, x) in zip(domain.box, inputs) {
            if let lo = interval.lo { parts.append("(<= \(SMTText.rational(lo)) \(x))") }
            if let hi = interval.hi { parts.append("(<= \(x) \(SMTText.rational(hi)))") }
        }
        for c in domain.constraints {
            let lhs = SMTText.sum(zip(c.coefficients, inputs).compactMap { SMTText.scaled($0, $1) })
            let op = c.relation == .lessOrEqual ? "<=" : ">="
            parts.append("(\(op) \(lhs) \(SMTText.rational(c.bound)))")
        }
        return SMTText.and(parts)
    }

    /// `x1 in [0, 1], x2 in [-1/2, 2]; x1 + x2 <= 1`.
    static func domainText(_ domain: InputDomain, names: [String]) -> String {
        let box = zip(domain.box, names).map { interval, name in
            "\(name) in [\(interval.lo?.description ?? "-inf"), \(interval.hi?.description ?? "inf")]"
        }
        return (box + domain.constraints.map(\.text)).joined(separator: "; ")
    }
}
