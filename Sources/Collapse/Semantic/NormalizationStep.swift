public import ExactNumbers
public import Algebra
public import NetworkModel

/// One exact simplification of a network: what was replaced, and the identity that makes
/// the replacement equal as a function of the input (contract §4). Data only; Rendering
/// writes the sentence ("units 1 and 2 of layer 1 cancel: relu(t) − relu(−t) = t").
///
/// Layers and units are numbered as in the spec (1-based); a unit added by an earlier step
/// (a pass-through pair) has no spec number and is not listed.
public struct NormalizationStep: Sendable, Hashable {
    /// What happened.
    public enum Kind: Sendable, Hashable {
        /// Every outgoing weight of the units is zero: they do not affect F and are removed.
        case irrelevant
        /// The unit's pre-activation is the constant `preactivation` for every input, so the
        /// unit is the constant f(preactivation) = `value`, folded into the next bias.
        case constant(preactivation: Rational, value: Rational)
        /// The unit's pre-activation is the exact constant `preactivation` for every input and
        /// f(preactivation) = `value` is not rational (σ(1), `sigmoid(2*sigmoid(1) + 1)`), or
        /// the pre-activation itself is not: the unit is that exact constant, folded into the
        /// next bias (which then holds an exact constant expression, contract §4).
        case exactConstant(preactivation: ExactConstant, value: ExactConstant)
        /// The unit's pre-activation t stays in `range` (proved exactly), where
        /// f(t) = slope·t + intercept: the unit acts as that affine map.
        case stable(range: UnitRange, slope: Rational, intercept: Rational)
        /// The units' pre-activations are t scaled by `scales` (t is the first unit's), and
        /// their outgoing contributions add up to an affine function of t by `identity`:
        /// the non-affine part cancels and the units are replaced by that affine function.
        case cancel(identity: ActivationIdentity, scales: [Rational])
        /// The units' pre-activations are proportional and `identity` merges them into one unit.
        case combine(identity: ActivationIdentity, scales: [Rational])
        /// Every unit of the layer became affine (or was removed): the layer's affine map
        /// composes into the next layer (`into`, 1-based spec index).
        case layerFolded(into: Int)
        /// Every unit of the last layer (or of a layer followed by an activation-only layer)
        /// acts affinely: the activation is replaced by a per-unit affine map.
        case layerAffine
        /// The affine part left by the steps above, A·h, is carried through the layer by
        /// `pairs` pairs of units: t = (f(t) − f(−t)) / s.
        case passThrough(pairs: Int, slope: Rational)
    }

    /// 1-based layer index in the spec.
    public let layer: Int
    /// 1-based unit indices in the spec's layer (empty for whole-layer steps).
    public let units: [Int]
    /// The layer's activation.
    public let activation: Activation
    /// What happened.
    public let kind: Kind
    /// Whether the step rests on ranges proved on the input domain only (then it holds for
    /// every x in D, not for every x).
    public internal(set) var onDomain = false

    /// Creates a step.
    public init(layer: Int, units: [Int], activation: Activation, kind: Kind) {
        self.layer = layer
        self.units = units
        self.activation = activation
        self.kind = kind
    }
}

/// A network and an exactly equivalent simpler one: F_simplified(x) = F(x) for every real x,
/// with the steps that justify it.
public struct Normalization: Sendable {
    /// The network as written.
    public let original: Network
    /// The simplified network (same inputs, outputs, name and domain).
    public let simplified: Network
    /// The simplifications, in the order they were applied.
    public let steps: [NormalizationStep]

    /// Whether anything was simplified.
    public var changed: Bool { !steps.isEmpty }
}
