import Algebra
import ExactNumbers
import NetworkModel
import Testing

/// Reads a one-layer network whose activation is `activation` (YAML flow text).
func activation(_ activation: String) throws(SpecError) -> Activation {
    try yaml("input: 2\nlayers:\n  - activation: \(activation)\n").layers[0].activation
}

@Suite struct ActivationTests {
    static let bareNames: [(String, Activation)] = [
        ("identity", .identity), ("linear", .identity), ("none", .identity),
        ("affine", .affine(slope: p(1), intercept: p(0))),
        ("square", .polynomial([p(0), p(0), p(1)])),
        ("relu", .relu), ("leaky_relu", .leakyRelu(alpha: p(1, 100))), ("hardtanh", .hardtanh),
        ("step", .step), ("sign", .sign), ("abs", .abs), ("sigmoid", .sigmoid), ("tanh", .tanh),
        ("arctan", .arctan), ("softplus", .softplus), ("silu", .silu), ("gelu", .gelu),
        ("elu", .elu(alpha: p(1))), ("softmax", .softmax),
        ("hard_sigmoid", .hardSigmoid(alpha: p(1, 5), beta: p(1, 2))), ("clip", .clip(lower: nil, upper: nil)),
    ]

    @Test(arguments: bareNames)
    func everyNameReadsWithDefaultParameters(name: String, expected: Activation) throws {
        #expect(try activation(name) == expected)
        #expect(try json(#"{"input": 1, "layers": [{"activation": "\#(name)"}]}"#).layers[0].activation == expected)
    }

    @Test func everyKnownNameIsCovered() {
        #expect(Set(Self.bareNames.map(\.0)).union(["polynomial"]) == Set(Activation.knownNames))
    }

    @Test(arguments: [
        "identity", "linear", "none", "relu", "hardtanh", "step", "sign", "abs", "sigmoid",
        "tanh", "arctan", "softplus", "silu", "gelu", "softmax", "square",
    ])
    func parameterlessNamesAcceptAnEmptyMapForm(name: String) throws {
        #expect(try activation("{\(name): {}}") == activation(name))
        #expect(try activation("{\(name): null}") == activation(name))
    }

    @Test func affineTakesSlopeAndInterceptWithDefaults() throws {
        #expect(try activation("{affine: {slope: 2, intercept: -1}}") == .affine(slope: p(2), intercept: p(-1)))
        #expect(try activation("{affine: {slope: \"1/3\"}}") == .affine(slope: p(1, 3), intercept: p(0)))
        #expect(try activation("{affine: {intercept: 0.5}}") == .affine(slope: p(1), intercept: p(1, 2)))
        #expect(try activation("{affine: {}}") == .affine(slope: p(1), intercept: p(0)))
        #expect(
            try activation("{affine: {slope: a, intercept: \"b - 1\"}}")
                == .affine(slope: poly("a"), intercept: poly("b - 1")))
    }

    @Test func polynomialTakesItsCoefficients() throws {
        #expect(try activation("{polynomial: [1, \"-1/2\", 0, 3]}") == .polynomial([p(1), p(-1, 2), p(0), p(3)]))
        #expect(try activation("{polynomial: [c0, c1]}") == .polynomial([poly("c0"), poly("c1")]))
        #expect(try activation("{polynomial: [7]}").polynomialCoefficients == [p(7)])
    }

    @Test func leakyReluAndEluTakeAlpha() throws {
        #expect(try activation("{leaky_relu: {alpha: \"1/5\"}}") == .leakyRelu(alpha: p(1, 5)))
        #expect(try activation("{leaky_relu: {alpha: alpha}}") == .leakyRelu(alpha: poly("alpha")))
        #expect(try activation("{leaky_relu: {}}") == .leakyRelu(alpha: p(1, 100)))
        #expect(try activation("{elu: {alpha: 2}}") == .elu(alpha: p(2)))
        #expect(try activation("{elu: {alpha: 0.25}}") == .elu(alpha: p(1, 4)))
        #expect(try activation("{elu: null}") == .elu(alpha: p(1)))
    }

    @Test func symbolicParametersMakeTheNetworkNonNumeric() throws {
        let network = try yaml(
            "input: 1\nlayers:\n  - dense: {weights: [[1]]}\n    activation: {leaky_relu: {alpha: a}}")
        #expect(!network.isNumeric)
        #expect(network.symbols == [Symbol("a")])
    }

    @Test func propertiesOfTheCases() {
        #expect(!Activation.softmax.isElementwise)
        #expect(Activation.relu.isElementwise)
        #expect(Activation.identity.polynomialCoefficients == [p(0), p(1)])
        #expect(Activation.affine(slope: p(2), intercept: p(3)).polynomialCoefficients == [p(3), p(2)])
        #expect(Activation.relu.polynomialCoefficients == nil)
        #expect(Activation.leakyRelu(alpha: p(1, 5)).name == "leaky_relu")
        #expect(Activation(name: "polynomial") == nil)
        #expect(Activation(name: "nope") == nil)
    }
}
