import Testing
import Foundation
import ExactNumbers
import Algebra
import NetworkModel
@testable import ModelFiles
import Collapse

/// Imported models evaluate exactly like an independent evaluation of the same file: the
/// reference outputs were computed in Python, with numpy decoding the weights and fractions
/// evaluating the graph exactly (scripts/make-onnx-fixtures.py).
struct ModelImportTests {
    @Test(arguments: [
        "gemm-chain.onnx", "matmul-both.onnx", "relu-mlp.onnx", "leaky-alpha-one.onnx", "clip-hardsigmoid.onnx",
        "small.nnet",
    ])
    func importedNetworkEvaluatesLikeTheReference(_ file: String) throws {
        let network = try Fixtures.network(file)
        let base = file.hasSuffix(".nnet") ? file : String(file.dropLast(5))
        let reference = try Fixtures.reference(base)
        #expect(!reference.points.isEmpty)
        for (point, expected) in zip(reference.points, reference.outputs) {
            #expect(try exactly(network, point) == expected, "\(file) at \(point)")
        }
    }

    @Test func gemmAttributesAreHonoured() throws {
        // fc2 has alpha 0.5, beta 2: its weights are half the stored ones, its bias twice.
        let network = try Fixtures.network("gemm-chain.onnx")
        #expect(network.layers.count == 3)
        #expect(network.inputDimension == 3 && network.outputDimension == 2)
        #expect(network.layers.allSatisfy { $0.activation == .identity })
    }

    @Test func quirksAreTaken() throws {
        // float64 weights, initializers listed as graph inputs, value_info contradicting the
        // weights, a symbolic batch dimension, constant arithmetic from a Constant node.
        let network = try Fixtures.network("quirks-float64.onnx")
        #expect(network.inputDimension == 2)
        #expect(network.outputDimension == 3)
        #expect(network.layers.map(\.activation) == [.identity, .tanh])
        guard case .numeric(let map)? = network.layers[0].dense else { Issue.record("no dense layer"); return }
        // W = 2·Wc exactly: every entry is twice a float64, so its denominator is at most 2^1073.
        #expect(map.weights.entries.allSatisfy { $0.denominator.bitWidth <= 1075 })
    }

    @Test func float16WeightsFromRawAndTypedFieldsAgreeWithNumpyValues() throws {
        let network = try Fixtures.network("float16.onnx")
        #expect(network.layers.count == 3)
        for layer in network.layers {
            guard case .numeric(let map)? = layer.dense else { continue }
            // Every float16 value is k·2^-24 for an integer k.
            for e in map.weights.entries + map.bias {
                #expect((e * Rational(BigInt(1).shiftedLeft(24))).isInteger)
            }
        }
    }

    @Test func batchNormalizationFoldsExactlyWhenTheRootsAreRational() throws {
        let network = try Fixtures.network("batchnorm.onnx")
        // Gemm with the normalisation folded in, then softmax.
        #expect(network.layers.count == 2)
        #expect(network.layers[1].activation == .softmax)
    }

    @Test func nnetNormalisationAndDomain() throws {
        let network = try Fixtures.network("small.nnet")
        #expect(network.inputDimension == 3 && network.outputDimension == 2)
        // normalise, W1, relu, W2, relu, W3, de-normalise
        #expect(network.layers.count == 7)
        #expect(network.domain?.box.map(\.lo) == [Rational(-1), Rational(-1), Rational(-1)])
        #expect(network.domain?.box.map(\.hi) == [Rational(1), Rational(1), Rational(1)])
        guard case .numeric(let first)? = network.layers[0].dense, case .numeric(let last)? = network.layers[6].dense
        else {
            Issue.record("normalisation layers missing"); return
        }
        #expect(first.weights[0, 0] == Rational(1, 2) && first.bias[0] == Rational(-1, 8))
        #expect(last.weights[0, 0] == Rational(3) && last.bias[0] == Rational(15, 2))
    }
}

/// Bad model files: one positioned error naming the file and the place.
struct ModelErrorTests {
    func error(_ file: String) -> ModelFileError? {
        do {
            _ = try Fixtures.network(file)
            return nil
        } catch let error as ModelFileError {
            return error
        } catch {
            return nil
        }
    }

    @Test func unsupportedOperatorNamesTheNodeAndTheSubset() throws {
        let e = try #require(error("unsupported-conv.onnx"))
        #expect(e.place == .node(index: 1, name: "conv1", op: "Conv"))
        #expect(
            e.description.hasPrefix(
                Fixtures.path("unsupported-conv.onnx")
                    + ": node[1] 'conv1' (Conv): operator Conv is not supported; expected one of Gemm, MatMul"))
        #expect(e.description.contains("BatchNormalization"))
    }

    @Test func aBranchIsNotAChain() throws {
        let e = try #require(error("residual.onnx"))
        #expect(e.place == .node(index: 1, name: "skip", op: "Add"))
    }

    @Test func truncatedFilesAreRefused() throws {
        let onnx = try #require(error("truncated.onnx"))
        #expect(onnx.place == .file)
        #expect(onnx.message.contains("truncated"))
        let nnet = try #require(error("truncated.nnet"))
        #expect(nnet.place == .line(27, column: 1))
        #expect(nnet.message.contains("ends before row 2 of layer 3"))
    }

    @Test func nnetErrorsArePositioned() throws {
        let text = try String(contentsOfFile: Fixtures.path("small.nnet"), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        lines[9] = "0.5,zz,0.25,"  // the first weight row (line 10 of the file)
        do {
            _ = try NNetReader.parse(text: lines.joined(separator: "\n"), file: "bad.nnet")
            Issue.record("accepted a bad number")
        } catch {
            #expect(error.place == .line(10, column: 5))
            #expect(error.description.hasPrefix("bad.nnet:10:5: 'zz' is not a number"))
        }
        do {
            _ = try NNetReader.parse(text: "// only a comment\n", file: "empty.nnet")
            Issue.record("accepted an empty file")
        } catch {
            #expect(error.description.hasPrefix("empty.nnet:2:1: the file ends before the header"))
        }
    }

    @Test func emptyAndGarbageBytesAreNotModels() {
        for bytes in [[UInt8](), [0xFF, 0xFF, 0xFF], Array("not a model".utf8)] {
            do {
                _ = try ONNXReader.parse(data: Data(bytes), file: "x.onnx")
                Issue.record("accepted \(bytes)")
            } catch {
                #expect(error.place == .file)
            }
        }
    }
}
