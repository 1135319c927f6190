import Testing
import Foundation
import ExactNumbers
import Algebra
import NetworkModel
import ModelFiles
import Collapse

/// `convert`: the spec written with exact decimals reads back as the same network.
struct ConvertRoundTripTests {
    static let models = [
        "gemm-chain.onnx", "matmul-both.onnx", "relu-mlp.onnx", "leaky-alpha-one.onnx", "clip-hardsigmoid.onnx",
        "batchnorm.onnx", "quirks-float64.onnx", "float16.onnx", "typed-fields.onnx", "small.nnet",
    ]

    @Test(arguments: models)
    func convertedSpecReadsBackToTheSameNetwork(_ file: String) throws {
        let network = try Fixtures.network(file)
        for format in SpecFormat.allCases {
            let text =
                format == .json ? SpecWriter.json(network, decimals: true) : SpecWriter.yaml(network, decimals: true)
            let back = try SpecReader.parse(text: text, file: "converted", format: format)
            #expect(back.layers == network.layers, "\(file) as \(format)")
            #expect(back.inputNames == network.inputNames)
            // The NNet minima/maxima are the domain: written as a `domain:` block, read back equal.
            #expect(
                back.domain?.box == network.domain?.box && back.domain?.constraints == network.domain?.constraints,
                "\(file) as \(format)")
            if file.hasSuffix(".nnet") { #expect(back.domain != nil && text.contains("domain")) }
            // Binary weights are written as finite decimals, never as fractions.
            #expect(!text.contains("/"), "\(file) as \(format)")
        }
    }

    @Test func exactDecimalsOfDyadicRationals() {
        #expect(SpecWriter.exactDecimalText(Rational(-3, 8)) == "-0.375")
        #expect(SpecWriter.exactDecimalText(Rational(1, 10)) == "0.1")
        #expect(SpecWriter.exactDecimalText(Rational(1, 3)) == nil)
        #expect(SpecWriter.exactDecimalText(Rational(exactly: Double(Float(0.1)))!) == "0.100000001490116119384765625")
    }
}

/// `fuse`: runs, exact maps, parameter counts, the float32 error and the factorization.
struct FusionTests {
    /// The plain reference: layer maps composed one after another (no cleared denominators).
    func sequential(_ network: Network, _ range: ClosedRange<Int>) -> AffineMap<Rational> {
        let sub = Network(
            inputNames: (0..<(network.layers[range.lowerBound - 1].dense?.inputDimension ?? 0)).map { "x\($0)" },
            layers: Array(network.layers[(range.lowerBound - 1)...(range.upperBound - 1)]))
        let maps = Composition.foldedNumeric(sub)!
        return maps.dropFirst().reduce(maps[0]) { $1.composed(after: $0) }
    }

    /// The nearest float32 found by looking at the neighbours of a Double approximation,
    /// compared exactly (ties to the even significand): independent of `nearestBinary`.
    func float32Error(_ e: Rational) -> Rational {
        var best: (error: Rational, value: Float)?
        var candidate = approximate(e)
        for _ in 0..<2 { candidate = candidate.nextDown }
        for _ in 0..<5 {
            let error = (Rational(exactly: candidate)! - e).magnitude
            if best == nil || error < best!.error || (error == best!.error && candidate.significandBitPattern & 1 == 0)
            {
                best = (error, candidate)
            }
            candidate = candidate.nextUp
        }
        return best!.error
    }

    /// A float near e (within a few ulps) from its decimal digits.
    func approximate(_ e: Rational) -> Float {
        let scaled = e * Rational(BigInt(1).shiftedLeft(200))
        let integer = scaled.floor
        return Float(Double(integer.description)! * pow(2.0, -200.0))
    }

    @Test func gemmChainFusesIntoOneExactLayer() throws {
        let network = try Fixtures.network("gemm-chain.onnx")
        let result = Fusion.fuse(network)
        #expect(result.runs.count == 1)
        let run = try #require(result.runs.first)
        #expect(run.firstLayer == 1 && run.lastLayer == 3)
        #expect(run.map == sequential(network, 1...3))
        #expect(run.parametersBefore == 16 + 20 + 10)
        #expect(run.parametersAfter == 8)
        #expect(result.parametersBefore == 46 && result.parametersAfter == 8)
        #expect(run.rank == 2)
        // The fused network computes the same function.
        for point in try Fixtures.reference("gemm-chain").points {
            #expect(try exactly(result.fused, point) == exactly(network, point))
        }
        let expected = (run.map.weights.entries + run.map.bias).map(float32Error).max()!
        #expect(run.float32MaxAbsError == expected)
        #expect(expected.signum > 0)
    }

    @Test func reluLayersSplitRunsAndSingleLayersAreNotListed() throws {
        let network = try Fixtures.network("relu-mlp.onnx")
        let result = Fusion.fuse(network)
        // normalise + fc1 fuse; relu, fc2, relu, fc3 are single layers between non-affine ones.
        #expect(result.runs.map { [$0.firstLayer, $0.lastLayer] } == [[1, 2]])
        #expect(result.runs[0].map == sequential(network, 1...2))
        #expect(
            result.parametersAfter == result.parametersBefore - result.runs[0].parametersBefore
                + result.runs[0].parametersAfter)
    }

    @Test func bottleneckRunOffersAFactorization() throws {
        let network = try SpecReader.parse(
            text: """
                input: 6
                layers:
                  - dense:
                      weights: [[1, 2, 0, 0, 1, "1/2"], [0, 1, -1, 3, 0, 2]]
                      bias: [1, -1]
                  - dense:
                      weights: [[1, 0], [0, 1], [1, 1], [2, -1], ["1/3", 0], [0, 5]]
                  - activation: relu
                """, file: "t.yaml", format: .yaml)
        let result = Fusion.fuse(network)
        let run = try #require(result.runs.first)
        #expect(run.firstLayer == 1 && run.lastLayer == 2 && run.rank == 2)
        let f = try #require(run.factorization)
        #expect(f.left * f.right == run.map.weights)
        #expect(f.parameters == 2 * 6 + 2 + 6 * 2 + 6)
        for point in [[1, 2, 3, 4, 5, 6], [-1, 0, 2, -3, 1, 1]].map({ $0.map { Rational($0) } }) {
            #expect(try exactly(result.factored, point) == exactly(network, point))
        }
    }

    @Test func semanticRunThroughCancellingUnits() throws {
        // relu(t) − relu(−t) = t: the three layers compose to an affine map.
        let network = try SpecReader.parse(
            text: """
                input: 1
                layers:
                  - dense: {weights: [[1], [-1]]}
                    activation: relu
                  - dense: {weights: [[1, -1]], bias: [2]}
                  - activation: relu
                """, file: "t.yaml", format: .yaml)
        let result = Fusion.fuse(network)
        #expect(result.runs.map { [$0.firstLayer, $0.lastLayer] } == [[1, 2]])
        #expect(result.runs.first?.evidence == .analysis)
        #expect(result.runs.first?.map == AffineMap(weights: Matrix(rows: [[Rational(1)]]), bias: [Rational(2)]))
    }
}

/// The new piecewise-linear activations: their pieces agree with exact evaluation.
struct ClipAndHardSigmoidTests {
    @Test(arguments: [
        Activation.clip(lower: Polynomial(Rational(-1)), upper: Polynomial(Rational(2))),
        .clip(lower: Polynomial(Rational(1, 3)), upper: nil), .clip(lower: nil, upper: Polynomial(Rational(0))),
        .hardSigmoid(alpha: Polynomial(Rational(1, 5)), beta: Polynomial(Rational(1, 2))),
        .hardSigmoid(alpha: Polynomial(Rational(-3)), beta: Polynomial(Rational(1, 4))),
    ])
    func piecesAgreeWithEvaluation(_ f: Activation) throws {
        let network = Network(inputNames: ["x"], layers: [Layer(dense: nil, activation: f)])
        let pieces = try #require(f.pieces)
        var random = SeededRandom(seed: 17)
        var points = pieces.compactMap(\.lower) + pieces.compactMap(\.upper)
        for _ in 0..<200 { points.append(Rational(Int(random.next() % 41) - 20, Int(random.next() % 7) + 1)) }
        for t in points {
            let piece = try #require(pieces.first { $0.contains(t) })
            #expect(try exactly(network, [t]) == [piece.slope * t + piece.intercept], "\(f) at \(t)")
        }
    }

    @Test func specNamesRoundTrip() throws {
        let text = """
            input: 1
            layers:
              - activation: {clip: {min: -1, max: "5/2"}}
              - activation: {hard_sigmoid: {alpha: "1/4"}}
              - activation: hard_sigmoid
            """
        let network = try SpecReader.parse(text: text, file: "t.yaml", format: .yaml)
        #expect(
            network.layers[0].activation == .clip(lower: Polynomial(Rational(-1)), upper: Polynomial(Rational(5, 2))))
        #expect(
            network.layers[1].activation
                == .hardSigmoid(alpha: Polynomial(Rational(1, 4)), beta: Polynomial(Rational(1, 2))))
        #expect(
            network.layers[2].activation
                == .hardSigmoid(alpha: Polynomial(Rational(1, 5)), beta: Polynomial(Rational(1, 2))))
        for format in SpecFormat.allCases {
            let written = format == .json ? SpecWriter.json(network) : SpecWriter.yaml(network)
            #expect(try SpecReader.parse(text: written, file: "w", format: format) == network)
        }
        #expect(throws: SpecError.self) {
            try SpecReader.parse(
                text: "input: 1\nlayers:\n  - activation: {clip: {min: 2, max: 1}}\n", file: "t.yaml", format: .yaml)
        }
    }
}
