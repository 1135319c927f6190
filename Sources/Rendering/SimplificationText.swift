import ExactNumbers
import Algebra
import NetworkModel
public import Collapse
import Foundation

/// The sentence for one normalisation step (contract §4), in plain text or LaTeX:
/// "units 1 and 2 of layer 1 cancel: relu(t) − relu(−t) = t".
///
/// A sentence is a lead (which units, what happened) and an optional formula (the identity
/// that justifies it); the two renderings differ only in how the formula is typeset.
public enum SimplificationText {
    /// A machine name for the kind of step: `irrelevant`, `constant`, `stable`, `cancel`,
    /// `combine`, `layer-folded`, `layer-affine`, `pass-through`.
    public static func kind(_ step: NormalizationStep) -> String {
        switch step.kind {
        case .irrelevant: return "irrelevant"
        case .constant, .exactConstant: return "constant"
        case .stable: return "stable"
        case .cancel: return "cancel"
        case .combine: return "combine"
        case .layerFolded: return "layer-folded"
        case .layerAffine: return "layer-affine"
        case .passThrough: return "pass-through"
        }
    }

    /// The plain-text sentence.
    public static func sentence(_ step: NormalizationStep) -> String {
        let (lead, formula) = parts(step, tex: false)
        return formula.map { "\(lead): \($0)" } ?? lead
    }

    /// The sentence with its formula in LaTeX math (`$...$`) and the rest escaped.
    static func texSentence(_ step: NormalizationStep) -> String {
        let (lead, formula) = parts(step, tex: true)
        let text = LaTeXEscaping.text(lead)
        return formula.map { "\(text): $\($0)$" } ?? text
    }

    /// The identity alone (`relu(t) − relu(−t) = t`), when the step rests on one.
    public static func identity(_ step: NormalizationStep) -> String? {
        parts(step, tex: false).formula
    }

    /// "unit 3", "units 1 and 2", "units 1, 2 and 4" of layer k.
    static func units(_ units: [Int], layer: Int) -> String {
        switch units.count {
        case 0: return "units of layer \(layer)"
        case 1: return "unit \(units[0]) of layer \(layer)"
        default:
            let list = units.dropLast().map(String.init).joined(separator: ", ") + " and \(units.last!)"
            return "units \(list) of layer \(layer)"
        }
    }

    static func parts(_ step: NormalizationStep, tex: Bool) -> (lead: String, formula: String?) {
        let f = step.activation
        let name = f.name
        func call(_ argument: String) -> String {
            guard tex else { return "\(name)(\(argument))" }
            let known = ["sigmoid": "\\sigma", "tanh": "\\tanh", "arctan": "\\arctan"]
            return "\(known[name] ?? "\\operatorname{\(name.replacingOccurrences(of: "_", with: "\\_"))}")(\(argument))"
        }
        let minus = tex ? "-" : "−"
        let who = units(step.units, layer: step.layer)
        func number(_ r: Rational) -> String {
            guard tex else { return r.description }
            if r.isInteger { return r.description }
            let sign = r.signum < 0 ? "-" : ""
            return "\(sign)\\tfrac{\(r.numerator.magnitude)}{\(r.denominator)}"
        }
        switch step.kind {
        case .irrelevant:
            let verb = step.units.count == 1 ? "does" : "do"
            return ("\(who) \(verb) not affect F (every outgoing weight is zero); removed", nil)
        case .constant(let c, let value):
            return (
                "\(who) is a constant: its pre-activation is \(c) for every input",
                "\(call(number(c))) = \(number(value))"
            )
        case .exactConstant(let c, let value):
            let show = { (k: ExactConstant) in tex ? k.latex : k.description }
            let lhs = call(show(c))
            var formula = show(value) == lhs ? lhs : "\(lhs) = \(show(value))"
            if value.rationalValue == nil {
                formula += (tex ? " \\in " : " ∈ ") + ConstantText.enclosure(value, tex: tex)
            }
            return ("\(who) is a constant: its pre-activation is \(c) for every input", formula)
        case .stable(let range, let slope, let intercept):
            let t = "t"
            var bounds = [String]()
            if let l = range.lower { bounds.append("\(t) \(l.strict ? ">" : (tex ? "\\ge" : "≥")) \(number(l.value))") }
            if let u = range.upper { bounds.append("\(t) \(u.strict ? "<" : (tex ? "\\le" : "≤")) \(number(u.value))") }
            let piece = affineText(slope: slope, intercept: intercept, tex: tex)
            return (
                "\(who) never leaves one piece of \(name): its pre-activation t satisfies \(bounds.joined(separator: " and ")) for every input\(step.onDomain ? " in the domain" : "") (proved exactly)",
                "\(call("t")) = \(piece)"
            )
        case .cancel(let identity, let scales), .combine(let identity, let scales):
            let cancels: Bool
            if case .cancel = step.kind { cancels = true } else { cancels = false }
            if case .duplicate = identity {
                return (
                    cancels
                        ? "\(who) have the same pre-activation and outgoing weights that add up to zero; removed"
                        : "\(who) have the same pre-activation; they combine into one unit (their outgoing weights add up)",
                    nil
                )
            }
            var lead = cancels ? "\(who) cancel" : "\(who) combine into one unit"
            if scales.contains(where: { $0.magnitude != .one }) {
                lead += " (pre-activations " + scales.map { "\($0)·t" }.joined(separator: ", ") + ")"
            }
            return (lead, identityFormula(identity, call: call, minus: minus, tex: tex, number: number))
        case .layerFolded(let into):
            return (
                "every unit of layer \(step.layer) is now affine in its input, so the layer composes into layer \(into)",
                nil
            )
        case .layerAffine:
            return ("every unit of layer \(step.layer) acts as an affine map, so the layer is one affine map", nil)
        case .passThrough(let pairs, let s):
            let what = pairs == 1 ? "1 pair of units" : "\(pairs) pairs of units"
            let lhs = "\(call("t")) \(minus) \(call("\(minus)t"))"
            return (
                "the affine remainder is carried through layer \(step.layer) by \(what)",
                s.isOne ? "t = \(lhs)" : "t = (\(lhs)) / \(number(s))"
            )
        }
    }

    static func identityFormula(
        _ identity: ActivationIdentity, call: (String) -> String, minus: String, tex: Bool,
        number: (Rational) -> String
    ) -> String {
        let lambda = tex ? "\\lambda" : "λ"
        let cdot = tex ? "\\cdot " : "·"
        switch identity {
        case .odd: return "\(call("\(minus)t")) = \(minus)\(call("t"))"
        case .even: return "\(call("\(minus)t")) = \(call("t"))"
        case .complement: return "\(call("t")) + \(call("\(minus)t")) = 1"
        case .shiftedReflection(let s):
            return "\(call("t")) \(minus) \(call("\(minus)t")) = " + (s.isOne ? "t" : "\(number(s))\(cdot)t")
        case .positiveHomogeneous:
            return "\(call("\(lambda) t")) = \(lambda)\(cdot)\(call("t")) for \(lambda) > 0"
        case .scaleInvariant:
            return "\(call("\(lambda) t")) = \(call("t")) for \(lambda) > 0"
        case .duplicate:
            return "\(call("t")) = \(call("t"))"
        }
    }

    static func affineText(slope: Rational, intercept: Rational, tex: Bool) -> String {
        let minus = tex ? "-" : "−"
        var text: String
        if slope.isZero { return intercept.description.replacingOccurrences(of: "-", with: minus) }
        if slope.isOne {
            text = "t"
        } else if slope == Rational(-1) {
            text = "\(minus)t"
        } else {
            text = "\(slope.description.replacingOccurrences(of: "-", with: minus))\(tex ? "\\," : "·")t"
        }
        if !intercept.isZero {
            text += intercept.signum > 0 ? " + \(intercept)" : " \(minus) \(intercept.magnitude)"
        }
        return text
    }
}
