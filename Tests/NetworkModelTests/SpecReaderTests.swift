import Algebra
import ExactNumbers
import NetworkModel
import Testing

/// The contract's example spec.
let contractExample = """
    network: stacked-linear          # optional display name
    input: [x1, x2]                  # input names, or just the dimension: `input: 2`
    layers:
      - dense:
          weights: [[1, "2/3"], [0, -1]]   # out x in: the layer computes W·x + b
          bias: ["1/2", 0]                 # optional; zero when absent
        activation: identity               # optional; identity when absent
      - dense:
          weights: [[w11, w12]]            # a bare identifier is a symbolic weight
          bias: [b1]
        activation: {affine: {slope: 2, intercept: -1}}
      - activation: relu                   # an activation-only layer (elementwise)
    """

let contractExampleJSON = """
    {
      "network": "stacked-linear",
      "input": ["x1", "x2"],
      "layers": [
        {"dense": {"weights": [[1, "2/3"], [0, -1]], "bias": ["1/2", 0]}, "activation": "identity"},
        {"dense": {"weights": [["w11", "w12"]], "bias": ["b1"]},
         "activation": {"affine": {"slope": 2, "intercept": -1}}},
        {"activation": "relu"}
      ]
    }
    """

@Suite struct SpecReaderTests {
    @Test func contractExampleHasTheRightShapeWeightsAndActivations() throws {
        let network = try yaml(contractExample)
        #expect(network.name == "stacked-linear")
        #expect(network.inputNames == ["x1", "x2"])
        #expect(network.inputDimension == 2)
        #expect(network.outputDimension == 1)
        #expect(network.layers.count == 3)
        #expect(!network.isNumeric)
        #expect(network.symbols == [Symbol("b1"), Symbol("w11"), Symbol("w12")])

        let first = try #require(numericMap(network.layers[0]))
        #expect(first.weights == Matrix(rows: [[q(1), q(2, 3)], [q(0), q(-1)]]))
        #expect(first.bias == [q(1, 2), q(0)])
        #expect(network.layers[0].activation == .identity)
        #expect(network.layers[0].location.line == 4)
        #expect(network.layers[0].location.column == 5)

        let second = try #require(symbolicMap(network.layers[1]))
        #expect(second.weights == Matrix(rows: [[poly("w11"), poly("w12")]]))
        #expect(second.bias == [poly("b1")])
        #expect(network.layers[1].activation == .affine(slope: p(2), intercept: p(-1)))

        #expect(network.layers[2].dense == nil)
        #expect(network.layers[2].activation == .relu)
    }

    @Test func yamlAndJSONOfTheSameNetworkAreEqual() throws {
        #expect(try yaml(contractExample) == json(contractExampleJSON))
    }

    @Test func jsonIsValidYAMLAndReadsTheSame() throws {
        #expect(
            try SpecReader.parse(text: contractExampleJSON, file: "net.yaml", format: .yaml)
                == json(contractExampleJSON))
    }

    @Test func decimalsAreExact() throws {
        for format in [SpecFormat.yaml, .json] {
            let text =
                #"{"input": 1, "layers": [{"dense": {"weights": [[0.1], [-2.5e-3], [1E2], ["0.1"]], "bias": [1e-1, 0, 0, 0]}}]}"#
            let map = try #require(numericMap(SpecReader.parse(text: text, file: "t", format: format).layers[0]))
            #expect(map.weights[0, 0] == q(1, 10))
            #expect(map.weights[1, 0] == q(-1, 400))
            #expect(map.weights[2, 0] == q(100))
            #expect(map.weights[3, 0] == q(1, 10))
            #expect(map.bias[0] == q(1, 10))
        }
    }

    @Test func fractionsCarryTheirSignOnEitherPart() throws {
        let network = try yaml(
            """
            input: 1
            layers:
              - dense: {weights: [["3/-4"], ["-3/4"], ['6/8'], [3/4]], bias: ["-0/5", 0, 0, 0]}
            """)
        let map = try #require(numericMap(network.layers[0]))
        #expect(map.weights.columnArray(0) == [q(-3, 4), q(-3, 4), q(3, 4), q(3, 4)])
        #expect(map.bias[0] == q(0))
    }

    @Test func hugeIntegersAreExact() throws {
        let big = "123456789012345678901234567890"
        let network = try json(#"{"input": 1, "layers": [{"dense": {"weights": [[\#(big)]]}}]}"#)
        #expect(numericMap(network.layers[0])?.weights[0, 0] == Rational(BigInt(big)!))
    }

    @Test func inputDimensionGivesNamesX1ToXn() throws {
        let network = try yaml("input: 3\nlayers: [{activation: relu}]")
        #expect(network.inputNames == ["x1", "x2", "x3"])
        #expect(network.outputDimension == 3)
        #expect(network.name == nil)
    }

    @Test func absentBiasIsZeroAndAbsentActivationIsIdentity() throws {
        let network = try yaml("input: [a, b]\nlayers:\n  - dense: {weights: [[1, 2], [3, 4], [5, 6]]}")
        let map = try #require(numericMap(network.layers[0]))
        #expect(map.bias == [q(0), q(0), q(0)])
        #expect(network.layers[0].activation == .identity)
        #expect(network.outputDimension == 3)
        #expect(network.isNumeric)
    }

    @Test func symbolicWeightsMakeSymbolicLayers() throws {
        let network = try yaml(
            """
            input: [x]
            layers:
              - dense: {weights: [[a], ["2*a + 1/3"], ["a*b - c^2"], [5]], bias: [0, 1, b_2, "1/2"]}
              - dense: {weights: [[1, 2, 3, 4]]}
            """)
        let map = try #require(symbolicMap(network.layers[0]))
        #expect(map.weights.columnArray(0) == [poly("a"), poly("2*a + 1/3"), poly("a*b - c^2"), p(5)])
        #expect(map.bias == [p(0), p(1), poly("b_2"), p(1, 2)])
        #expect(numericMap(network.layers[1]) != nil)
        #expect(network.symbols.map(\.name) == ["a", "b", "b_2", "c"])
    }

    @Test func constantExpressionsStayNumeric() throws {
        let network = try yaml("input: 1\nlayers:\n  - dense: {weights: [[\"1/3 + 1/6\"], [0x1F], [0o17]]}")
        let map = try #require(numericMap(network.layers[0]))
        #expect(map.weights.columnArray(0) == [q(1, 2), q(31), q(15)])
    }

    @Test func nullActivationAndNullBiasMeanDefaults() throws {
        let network = try yaml("input: 1\nlayers:\n  - dense: {weights: [[2]], bias: null}\n    activation: ~")
        #expect(network.layers[0].activation == .identity)
        #expect(numericMap(network.layers[0])?.bias == [q(0)])
    }

    @Test func yamlAnchorsAndAliasesAreResolved() throws {
        let network = try yaml(
            """
            input: 2
            layers:
              - dense: {weights: &w [[1, 2], [3, 4]]}
              - dense: {weights: *w}
            """)
        #expect(network.layers[0] == network.layers[1])
    }

    @Test func sizesChainThroughActivationOnlyLayers() throws {
        let network = try yaml(
            """
            input: 2
            layers:
              - dense: {weights: [[1, 0], [0, 1], [1, 1]]}
              - activation: softmax
              - dense: {weights: [[1, 1, 1]]}
            """)
        #expect(network.outputDimension == 1)
    }

    @Test func jsonEscapesAndUnicodeAreDecoded() throws {
        let network = try json(
            #"{"network": "caf\u00e9 \ud83d\ude00 \"q\" \\ / é", "input": ["x"], "layers": [{"activation": "relu"}]}"#)
        #expect(network.name == "café 😀 \"q\" \\ / é")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array(#"{"input": 1, "layers": [{"activation": "relu"}]}"#.utf8)
        #expect(try SpecReader.parse(bytes: bytes, file: "b.json", format: .json).inputDimension == 1)
    }

    @Test func byteOrderMarkIsSkippedInYAMLAndColumnsCountFromTheFirstCharacter() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let good = bom + Array("input: 2\nlayers:\n  - dense:\n      weights: [[1, 2]]\n".utf8)
        #expect(try SpecReader.parse(bytes: good, file: "b.yaml", format: .yaml).inputDimension == 2)
        let bad = bom + Array("inptu: 2\nlayers: [{activation: relu}]\n".utf8)
        #expect(throws: SpecError.self) { try SpecReader.parse(bytes: bad, file: "b.yaml", format: .yaml) }
        do {
            _ = try SpecReader.parse(bytes: bad, file: "b.yaml", format: .yaml)
        } catch {
            #expect(error.description.hasPrefix("b.yaml:1:1: unknown key 'inptu'"), "\(error)")
        }
    }

    @Test func formatFollowsTheExtension() {
        #expect(SpecFormat(path: "a/b.json") == .json)
        #expect(SpecFormat(path: "B.JSON") == .json)
        #expect(SpecFormat(path: "a.yaml") == .yaml)
        #expect(SpecFormat(path: "a.yml") == .yaml)
        #expect(SpecFormat(path: "spec") == .yaml)
    }

    @Test func documentTreeKeepsLiteralTextQuotingAndPositions() throws {
        let (root, _) = try SpecReader.document(
            bytes: Array("a: 0.10\nb: \"0.10\"\n".utf8), file: "d.yaml", format: .yaml)
        let entries = try #require(root.entries)
        #expect(entries.map(\.key) == ["a", "b"])
        #expect(entries[0].value.scalar == SpecScalar(text: "0.10", isQuoted: false))
        #expect(entries[1].value.scalar == SpecScalar(text: "0.10", isQuoted: true))
        #expect(entries[1].keyLocation == NetworkModel.SourceLocation(file: "d.yaml", line: 2, column: 1))
        #expect(entries[1].value.location == NetworkModel.SourceLocation(file: "d.yaml", line: 2, column: 4))

        let (jsonRoot, _) = try SpecReader.document(
            bytes: Array("{\n  \"é\": [1.50,\n  \"x\"]}".utf8), file: "d.json", format: .json)
        let jsonEntries = try #require(jsonRoot.entries)
        let list = try #require(jsonEntries[0].value.elements)
        #expect(list[0].scalar == SpecScalar(text: "1.50", isQuoted: false))
        #expect(list[0].location == NetworkModel.SourceLocation(file: "d.json", line: 2, column: 9))
        #expect(list[1].location == NetworkModel.SourceLocation(file: "d.json", line: 3, column: 3))
    }
}

@Suite struct ModelTypeTests {
    @Test func polynomialMapOfANumericLayerHasConstantEntries() {
        let weights = numeric([[q(1), q(2, 3)]], [q(-1)])
        let map = weights.polynomialMap
        #expect(map.weights.rowArray(0) == [p(1), p(2, 3)])
        #expect(map.bias == [p(-1)])
        #expect(weights.symbols.isEmpty)
        #expect(weights.isNumeric)
        #expect(weights.inputDimension == 2 && weights.outputDimension == 1)
    }

    @Test func layerEqualityIgnoresTheLocation() {
        let a = Layer(dense: nil, activation: .relu, location: .start(of: "a.yaml"))
        let b = Layer(dense: nil, activation: .relu)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
    }

    @Test func networkWithoutDenseLayersKeepsItsInputSize() {
        let network = Network(inputNames: ["u", "v"], layers: [Layer(dense: nil, activation: .softmax)])
        #expect(network.outputDimension == 2)
        #expect(network.isNumeric)
        #expect(Network(inputNames: ["u"], layers: []).outputDimension == 1)
    }
}
