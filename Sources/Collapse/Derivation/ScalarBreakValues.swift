public import ExactNumbers
import Algebra
public import NetworkModel

/// A unit-wise activation's scalar counterexample to affinity with the values it is read
/// from: f(s), f(t), f(s + t) and f(0), exactly or as enclosures (`Evaluator`).
///
/// An affine f satisfies f(s + t) + f(0) = f(s) + f(t); `counterexample` is a pair where the
/// two sides differ (relu(1 + (−1)) + relu(0) = 0, relu(1) + relu(−1) = 1).
public struct ScalarBreakValues: Hashable, Sendable {
    /// The pair (s, t) and the two sides.
    public let counterexample: ScalarBreak
    /// f(s), f(t), f(s + t), f(0); nil where f cannot be evaluated (never for numeric activations).
    public let atS: ExactValue?, atT: ExactValue?, atSum: ExactValue?, atZero: ExactValue?

    /// The break of `activation` (`Activation.scalarBreak`) and its values; nil when the
    /// activation is affine, symbolic or not unit-wise.
    public init?(_ activation: Activation) {
        guard let brk = activation.scalarBreak() else { return nil }
        counterexample = brk
        atS = Self.value(activation, brk.s)
        atT = Self.value(activation, brk.t)
        atSum = Self.value(activation, brk.s + brk.t)
        atZero = Self.value(activation, .zero)
    }

    /// f(r) through the engine's own evaluator, on the one-layer network t ↦ f(t).
    static func value(_ f: Activation, _ r: Rational) -> ExactValue? {
        guard f.isElementwise else { return nil }
        let one = Network(name: nil, inputNames: ["t"], layers: [Layer(dense: nil, activation: f)])
        return (try? Evaluator.evaluate(one, at: [r]))?.first
    }
}
