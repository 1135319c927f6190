import Algebra
public import NetworkModel

/// How activations are named in reports: the spec's own names (contract §1).
public enum ActivationText {
    /// The spec name: `identity`, `affine`, `polynomial`, `relu`, `leaky_relu`, ...
    public static func name(_ activation: Activation) -> String { activation.name }

    /// The name with its parameters, as a person reads it: `affine(slope 2, intercept -1)`,
    /// `polynomial [0, 0, 1]`, `leaky_relu(alpha 1/5)`.
    public static func display(_ activation: Activation) -> String {
        switch activation {
        case .affine(let slope, let intercept):
            return "affine(slope \(slope), intercept \(intercept))"
        case .polynomial(let coefficients):
            return "polynomial [" + coefficients.map(\.description).joined(separator: ", ") + "]"
        case .leakyRelu(let alpha):
            return "leaky_relu(alpha \(alpha))"
        case .elu(let alpha):
            return "elu(alpha \(alpha))"
        case .clip(let lower, let upper):
            return "clip(min \(lower.map(\.description) ?? "-inf"), max \(upper.map(\.description) ?? "inf"))"
        case .hardSigmoid(let alpha, let beta):
            return "hard_sigmoid(alpha \(alpha), beta \(beta))"
        default:
            return name(activation)
        }
    }
}
