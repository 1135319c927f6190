import Algebra
import ExactNumbers
import NetworkModel
import Testing

/// Networks that exercise every writer path.
let roundTripNetworks: [Network] = [
    try! yaml(contractExample),
    Network(name: nil, inputNames: ["x1"], layers: [Layer(dense: numeric([[q(1, 10)]], [q(-7)]))]),
    Network(
        name: "every \"activation\"\n", inputNames: ["a", "b"],
        layers: [
            Layer(
                dense: numeric(
                    [[q(1), q(-2, 3)], [q(5, 7), q(0)], [q(10).power(30), q(-1, 3)]], [q(1, 2), q(0), q(-3, 4)]),
                activation: .relu),
            Layer(dense: nil, activation: .leakyRelu(alpha: p(1, 5))),
            Layer(dense: nil, activation: .elu(alpha: poly("alpha"))),
            Layer(dense: nil, activation: .affine(slope: poly("2*s + 1/3"), intercept: p(-1))),
            Layer(dense: nil, activation: .polynomial([p(0), p(1, 2), poly("c^2")])),
            Layer(dense: nil, activation: .hardtanh), Layer(dense: nil, activation: .step),
            Layer(dense: nil, activation: .sign), Layer(dense: nil, activation: .abs),
            Layer(dense: nil, activation: .sigmoid), Layer(dense: nil, activation: .tanh),
            Layer(dense: nil, activation: .arctan), Layer(dense: nil, activation: .softplus),
            Layer(dense: nil, activation: .silu), Layer(dense: nil, activation: .gelu),
            Layer(dense: nil, activation: .softmax), Layer(dense: nil, activation: .identity),
            Layer(
                dense: symbolic([[poly("w11"), poly("a_b*w12 - 1/2"), p(3, 4)]], [poly("null_1")]),
                activation: .identity),
        ]),
    Network(
        name: "true", inputNames: ["yes", "null_", "On"],
        layers: [
            Layer(dense: symbolic([[poly("y"), poly("n"), poly("true_")]], [poly("x^3 - 2*x*y")]))
        ]),
    Network(
        name: "café 😀", inputNames: ["x"],
        layers: [Layer(dense: numeric([[q(0)], [q(-1)]], [q(0), q(0)]), activation: .square)]),
]

extension Activation {
    /// `square` as the reader builds it.
    static var square: Activation { Activation(name: "square")! }
}

@Suite struct SpecWriterTests {
    @Test(arguments: roundTripNetworks.indices)
    func yamlRoundTripGivesAnEqualNetwork(index: Int) throws {
        let network = roundTripNetworks[index]
        let text = SpecWriter.yaml(network)
        let back = try yaml(text)
        #expect(back == network, "\(text)")
        #expect(back.name == network.name)
        #expect(back.inputNames == network.inputNames)
    }

    @Test(arguments: roundTripNetworks.indices)
    func jsonRoundTripGivesAnEqualNetwork(index: Int) throws {
        let network = roundTripNetworks[index]
        let text = SpecWriter.json(network)
        let back = try json(text)
        #expect(back == network, "\(text)")
        #expect(back.name == network.name)
        // JSON is also YAML.
        #expect(try yaml(text) == network)
    }

    @Test func yamlOutputIsReadable() {
        let network = Network(
            name: "demo", inputNames: ["x1", "x2"],
            layers: [
                Layer(dense: numeric([[q(1), q(2, 3)], [q(0), q(-1)]], [q(1, 2), q(0)])),
                Layer(
                    dense: symbolic([[poly("w11"), poly("2*a + 1/3")]], [poly("b1")]),
                    activation: .affine(slope: p(2), intercept: p(-1))),
                Layer(dense: nil, activation: .relu),
            ])
        #expect(
            SpecWriter.yaml(network) == """
                network: demo
                input: [x1, x2]
                layers:
                  - dense:
                      weights:
                        - [1, "2/3"]
                        - [0, -1]
                      bias: ["1/2", 0]
                    activation: identity
                  - dense:
                      weights:
                        - [w11, "2*a + 1/3"]
                      bias: [b1]
                    activation: {affine: {slope: 2, intercept: -1}}
                  - activation: relu

                """)
        #expect(
            SpecWriter.json(network) == """
                {
                  "network": "demo",
                  "input": ["x1", "x2"],
                  "layers": [
                    {
                      "dense": {
                        "weights": [
                          [1, "2/3"],
                          [0, -1]
                        ],
                        "bias": ["1/2", 0]
                      },
                      "activation": "identity"
                    },
                    {
                      "dense": {
                        "weights": [
                          ["w11", "2*a + 1/3"]
                        ],
                        "bias": ["b1"]
                      },
                      "activation": {"affine": {"slope": 2, "intercept": -1}}
                    },
                    {
                      "activation": "relu"
                    }
                  ]
                }

                """)
    }

    @Test func seededRandomNetworksRoundTrip() throws {
        var generator = SplitMix64(seed: 0x5EED)
        for trial in 0..<20 {
            let sizes = (0...Int.random(in: 1...4, using: &generator)).map { _ in
                Int.random(in: 1...5, using: &generator)
            }
            var layers: [Layer] = []
            for k in 1..<sizes.count {
                func entry() -> Rational {
                    Rational(Int.random(in: -1000...1000, using: &generator), Int.random(in: 1...50, using: &generator))
                }
                let rows = (0..<sizes[k]).map { _ in (0..<sizes[k - 1]).map { _ in entry() } }
                let bias = (0..<sizes[k]).map { _ in entry() }
                layers.append(
                    Layer(dense: numeric(rows, bias), activation: [.relu, .identity, .tanh, .softmax][k % 4]))
            }
            let network = Network(name: "random-\(trial)", inputNames: (1...sizes[0]).map { "x\($0)" }, layers: layers)
            #expect(try yaml(SpecWriter.yaml(network)) == network, "seed 0x5EED trial \(trial)")
            #expect(try json(SpecWriter.json(network)) == network, "seed 0x5EED trial \(trial)")
        }
    }
}
