internal import Algebra
public import ExactNumbers

extension Activation {
    /// The canonical spec name (`identity`, `affine`, `polynomial`, `relu`, `leaky_relu`,
    /// `hardtanh`, `step`, `sign`, `abs`, `sigmoid`, `tanh`, `arctan`, `softplus`, `silu`,
    /// `gelu`, `elu`, `softmax`).
    public var name: String {
        switch self {
        case .identity: return "identity"
        case .affine: return "affine"
        case .polynomial: return "polynomial"
        case .relu: return "relu"
        case .leakyRelu: return "leaky_relu"
        case .hardtanh: return "hardtanh"
        case .step: return "step"
        case .sign: return "sign"
        case .abs: return "abs"
        case .sigmoid: return "sigmoid"
        case .tanh: return "tanh"
        case .arctan: return "arctan"
        case .softplus: return "softplus"
        case .silu: return "silu"
        case .gelu: return "gelu"
        case .elu: return "elu"
        case .softmax: return "softmax"
        case .clip: return "clip"
        case .hardSigmoid: return "hard_sigmoid"
        }
    }

    /// Every name the spec accepts, including aliases (`linear`, `none`) and `square`.
    public static let knownNames: [String] = [
        "identity", "linear", "none", "affine", "polynomial", "square", "relu", "leaky_relu",
        "hardtanh", "step", "sign", "abs", "sigmoid", "tanh", "arctan", "softplus", "silu",
        "gelu", "elu", "softmax", "clip", "hard_sigmoid",
    ]

    /// The default slope of `affine` (1).
    public static let defaultAffineSlope = Rational(1)
    /// The default intercept of `affine` (0).
    public static let defaultAffineIntercept = Rational(0)
    /// The default alpha of `leaky_relu` (1/100).
    public static let defaultLeakyReluAlpha = Rational(1, 100)
    /// The default alpha of `elu` (1).
    public static let defaultEluAlpha = Rational(1)
    /// The default alpha of `hard_sigmoid` (1/5, ONNX's 0.2 as a decimal).
    public static let defaultHardSigmoidAlpha = Rational(1, 5)
    /// The default beta of `hard_sigmoid` (1/2).
    public static let defaultHardSigmoidBeta = Rational(1, 2)

    /// The activation a bare name stands for, with default parameters; nil for unknown names
    /// and for `polynomial`, which needs its coefficients. Bare `clip` has no bounds (it is t).
    public init?(name: String) {
        switch name {
        case "identity", "linear", "none": self = .identity
        case "affine":
            self = .affine(
                slope: Polynomial(Activation.defaultAffineSlope),
                intercept: Polynomial(Activation.defaultAffineIntercept))
        case "square": self = .polynomial([Polynomial(Rational(0)), Polynomial(Rational(0)), Polynomial(Rational(1))])
        case "relu": self = .relu
        case "leaky_relu": self = .leakyRelu(alpha: Polynomial(Activation.defaultLeakyReluAlpha))
        case "hardtanh": self = .hardtanh
        case "step": self = .step
        case "sign": self = .sign
        case "abs": self = .abs
        case "sigmoid": self = .sigmoid
        case "tanh": self = .tanh
        case "arctan": self = .arctan
        case "softplus": self = .softplus
        case "silu": self = .silu
        case "gelu": self = .gelu
        case "elu": self = .elu(alpha: Polynomial(Activation.defaultEluAlpha))
        case "softmax": self = .softmax
        case "clip": self = .clip(lower: nil, upper: nil)
        case "hard_sigmoid":
            self = .hardSigmoid(
                alpha: Polynomial(Activation.defaultHardSigmoidAlpha),
                beta: Polynomial(Activation.defaultHardSigmoidBeta))
        default: return nil
        }
    }

    /// The parameter keys a name takes in its map form (`{affine: {slope: 2}}`); empty for
    /// names without parameters. `polynomial` takes a list, not a map.
    static func parameterKeys(of name: String) -> [String] {
        switch name {
        case "affine": return ["slope", "intercept"]
        case "leaky_relu", "elu": return ["alpha"]
        case "clip": return ["min", "max"]
        case "hard_sigmoid": return ["alpha", "beta"]
        default: return []
        }
    }
}
