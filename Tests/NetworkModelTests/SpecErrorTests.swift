import Foundation
import NetworkModel
import Testing

@Suite struct SpecErrorTests {
    // MARK: Malformed text

    @Test func malformedYAMLIsReportedWithItsPosition() {
        expectError("input: [x1, x2\nlayers: []\n", line: 2, column: 7, "malformed YAML")
        expectError("input: 1\nlayers:\n  - dense: {weights: [[1]]\n  - relu\n", line: 4, column: 3, "malformed YAML")
        expectError("input: 1\n\tlayers: []\n", line: 2, column: 1, "malformed YAML")
    }

    @Test func duplicateKeysAreRejected() {
        // The position is the repetition, not the first occurrence, in YAML as in JSON.
        expectError("input: 1\ninput: 2\nlayers: [{activation: relu}]\n", line: 2, column: 1, "duplicate key 'input'")
        expectError(
            "input: 2\nlayers:\n  - dense:\n      weights: [[1, 2]]\n      weights: [[1, 3]]\n",
            line: 5, column: 7, "duplicate key 'weights'")
        expectError(
            "input: 2\nlayers:\n  - dense:\n      weights: [[1, 2]]\n    activation: relu\n    \"activation\": abs\n",
            line: 6, column: 5, "duplicate key 'activation'")
        expectError(
            "input: 2\nlayers:\n  - dense: {weights: [[1, 2]], bias: [1], weights: [[3, 4]]}\n",
            line: 3, column: 43, "duplicate key 'weights'")
        expectError(#"{"input": 1, "input": 2, "layers": []}"#, .json, line: 1, column: 14, "duplicate key 'input'")
    }

    @Test func malformedJSONIsReportedWithItsPosition() {
        expectError(
            "{\n  \"input\": 1,\n  \"layers\": [}\n", .json, line: 3, column: 14, "malformed JSON", "unexpected '}'")
        expectError(
            "{\"input\": 1, \"layers\": [1,]}", .json, line: 1, column: 27, "unexpected ']'", "expected a value")
        expectError("{\"input\": 1 \"layers\": []}", .json, line: 1, column: 13, "expected ',' or '}'")
        expectError("{\"input\": [x1]}", .json, line: 1, column: 12, "'x1'", "double quotes")
        expectError("{\"input\": 01}", .json, line: 1, column: 12, "leading zero")
        expectError("{\"input\": 1.}", .json, line: 1, column: 13, "digit after the decimal point")
        expectError("{\"input\": 2/3}", .json, line: 1, column: 12, "fractions as strings")
        expectError("{\"input\": \"a\nb\"}", .json, line: 1, column: 13, "line break inside a string")
        expectError("{\"input\": \"\\q\"}", .json, line: 1, column: 13, "escape")
        expectError("{\"input\": \"\\ud800\"}", .json, line: 1, column: 12, "unpaired surrogate")
        expectError("{\"input\": 1", .json, line: 1, column: 12, "unexpected end of input")
        expectError("{\"input\": 1} x", .json, line: 1, column: 14, "end of the document")
        expectError("", .json, line: 1, column: 1, "empty JSON document")
        expectError("   \n", .yaml, line: 1, column: 1, "empty YAML document")
        expectError("{\"é\": 1, \"input\": @}", .json, line: 1, column: 19, "unexpected '@'")
    }

    @Test func aHugeActivationOnlyLayerIsAnErrorNotACrash() {
        // Its map is an n×n matrix: 16777216 inputs aborted with a failed allocation. Every
        // width past the limit takes the same path: one past it is checked (a 16777216-input
        // spec spends seconds naming its inputs before the check).
        expectError(
            "input: 2049\nlayers: [{activation: identity}]\n", line: 2, column: 10, "activation-only layer",
            "2049 units")
        #expect((try? yaml("input: 2048\nlayers: [{activation: relu}]\n"))?.inputDimension == 2048)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        expectError("{\"input\": \(deep)", .json, line: 1, column: 210, "nesting too deep")
        expectError("input: \(deep)", .yaml, line: 1, column: 208, "nesting too deep")
    }

    @Test func deeplyNestedExpressionsAreAnErrorNotACrash() {
        let parens = String(repeating: "(", count: 50_000) + "a" + String(repeating: ")", count: 50_000)
        expectError(
            "input: 1\nlayers:\n  - dense: {weights: [[\"\(parens)\"]]}\n", line: 3, column: 125, "nested too deeply")
        let signs = String(repeating: "- ", count: 50_000) + "a"
        expectError(
            #"{"input": 1, "layers": [{"dense": {"weights": [["\#(signs)"]]}}]}"#, .json, line: 1, column: 250,
            "too many signs")
    }

    @Test func binaryGarbageAndInvalidUTF8AreClearErrors() {
        let cases: [([UInt8], SpecFormat, Int, Int, String)] = [
            (
                Array("input: 1\nla".utf8) + [0xFF, 0xFE] + Array("yers: []".utf8), .yaml, 2, 3,
                "invalid UTF-8 (byte 0xFF)"
            ),
            (Array("{\"é\": ".utf8) + [0xC3, 0x28], .json, 1, 7, "invalid UTF-8 (byte 0xC3)"),
            ([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00], .yaml, 1, 8, "binary data"),
            ([0xED, 0xA0, 0x80], .json, 1, 1, "invalid UTF-8"),
        ]
        for (bytes, format, line, column, fragment) in cases {
            do {
                _ = try SpecReader.parse(bytes: bytes, file: "bin", format: format)
                Issue.record("expected an error for \(bytes)")
            } catch {
                #expect(
                    error.location == NetworkModel.SourceLocation(file: "bin", line: line, column: column), "\(error)")
                #expect(error.message.contains(fragment), "\(error)")
            }
        }
    }

    @Test func controlCharactersInYAMLAreReported() {
        expectError("input: 1\nlayers: [\u{07}]\n", line: 2, column: 10, "malformed YAML")
    }

    // MARK: Schema

    @Test func unknownKeysSuggestTheNearestKnownKey() {
        expectError(
            "input: 1\nlayers:\n  - dense:\n      wieghts: [[1]]\n", line: 4, column: 7,
            "unknown key 'wieghts'; did you mean 'weights'?")
        expectError("inptu: 1\nlayers: []\n", line: 1, column: 1, "unknown key 'inptu'; did you mean 'input'?")
        expectError("input: 1\nlayers:\n  - activaton: relu\n", line: 3, column: 5, "did you mean 'activation'?")
        expectError(
            "input: 1\nlayers:\n  - dense: {weights: [[1]], bais: [0]}\n", line: 3, column: 29, "did you mean 'bias'?")
        expectError(
            "input: 1\nlayers:\n  - activation: {affine: {slop: 2}}\n", line: 3, column: 27, "did you mean 'slope'?")
        expectError(
            "input: 1\nlayers: [{activation: relu}]\ncolour: red\n", line: 3, column: 1,
            "unknown key 'colour' in the network; expected 'network', 'input', 'layers' or 'domain'")
        expectError(
            #"{"input": 1, "layers": [{"activation": "relu", "dropout": 0.5}]}"#, .json, line: 1, column: 48,
            "unknown key 'dropout'")
    }

    @Test func missingInputOrLayersIsReportedAtTheDocument() {
        expectError("network: n\nlayers: [{activation: relu}]\n", line: 1, column: 1, "missing 'input'")
        expectError("network: n\ninput: 2\n", line: 1, column: 1, "missing 'layers'")
        expectError("{\n  \"input\": 2\n}", .json, line: 1, column: 1, "missing 'layers'")
        expectError("- 1\n- 2\n", line: 1, column: 1, "the document is a list; expected a mapping")
    }

    @Test func emptyLayerListIsAnError() {
        expectError("input: 1\nlayers: []\n", line: 2, column: 9, "empty layer list; expected at least one layer")
        expectError("input: 1\nlayers: relu\n", line: 2, column: 9, "'layers' is 'relu'; expected a list of layers")
    }

    @Test func aLayerWithNeitherDenseNorActivationIsAnError() {
        expectError("input: 1\nlayers:\n  - {}\n", line: 3, column: 5, "layer 1 has neither 'dense' nor 'activation'")
        expectError("input: 1\nlayers:\n  - relu\n", line: 3, column: 5, "layer 1 is 'relu'; expected a mapping")
    }

    @Test func raggedWeightRowsPointAtTheOffendingRow() {
        expectError(
            "input: 2\nlayers:\n  - dense:\n      weights:\n        - [1, 2]\n        - [3]\n", line: 6, column: 11,
            "ragged weights", "row 2 has 1 entries but row 1 has 2")
        expectError(
            #"{"input": 2, "layers": [{"dense": {"weights": [[1, 2], [3, 4, 5]]}}]}"#, .json, line: 1, column: 56,
            "ragged weights")
    }

    @Test func layerSizeMismatchNamesBothLayersAndSizes() {
        expectError(
            """
            input: 2
            layers:
              - dense: {weights: [[1, 0], [0, 1]]}
              - activation: relu
              - dense: {weights: [[1, 2, 3]]}
            """, line: 5, column: 22, "layer 3 expects 3 inputs but layer 2 gives 2 outputs")
        expectError(
            "input: [a, b]\nlayers:\n  - dense: {weights: [[1, 2, 3]]}\n", line: 3, column: 22,
            "layer 1 expects 3 inputs but the network has 2 inputs")
        expectError(
            "input: 2\nlayers:\n  - dense: {weights: [[1, 2]]}\n  - dense: {weights: [[1, 2, 3]]}\n", line: 4,
            column: 22,
            "layer 2 expects 3 inputs but layer 1 gives 1 output")
    }

    @Test func biasLengthMustMatchTheRows() {
        expectError(
            "input: 1\nlayers:\n  - dense:\n      weights: [[1], [2]]\n      bias: [0, 0, 0]\n", line: 5, column: 13,
            "layer 1 bias has 3 entries but the weights have 2 rows")
    }

    @Test func zeroDenominatorsPointInsideTheScalar() {
        expectError(
            "input: 1\nlayers:\n  - dense: {weights: [[\"3/0\"]]}\n", line: 3, column: 27, "zero denominator", "'3/0'")
        expectError(
            "input: 1\nlayers:\n  - dense: {weights: [[1]], bias: [5/0]}\n", line: 3, column: 38, "zero denominator")
        expectError(
            #"{"input": 1, "layers": [{"dense": {"weights": [["1/00"]]}}]}"#, .json, line: 1, column: 52,
            "zero denominator")
        expectError("input: 1\nlayers:\n  - dense: {weights: [[\"a/0\"]]}\n", line: 3, column: 27, "division by zero")
        expectError(
            "input: 1\nlayers:\n  - activation: {elu: {alpha: \"1/0\"}}\n", line: 3, column: 34, "zero denominator",
            "layer 1 elu alpha")
    }

    @Test func stringsThatAreNeitherNumbersNorExpressionsQuoteTheParser() {
        expectError(
            "input: 1\nlayers:\n  - dense: {weights: [[\"2*a +\"]]}\n", line: 3, column: 30,
            "neither a number nor an expression")
        expectError(
            "input: 1\nlayers:\n  - dense: {weights: [[\"2a\"]]}\n", line: 3, column: 26,
            "neither a number nor an expression")
        expectError("input: 1\nlayers:\n  - dense: {weights: [[\"a @ b\"]]}\n", line: 3, column: 27, "'a @ b'")
        expectError(
            "input: 1\nlayers:\n  - dense: {weights: [[true]]}\n", line: 3, column: 24, "boolean 'true'",
            "expected a number")
        expectError("input: 1\nlayers:\n  - dense: {weights: [[null]]}\n", line: 3, column: 24, "is null")
        expectError("input: 1\nlayers:\n  - dense: {weights: [[[1]]]}\n", line: 3, column: 24, "is a list")
        expectError("input: 1\nlayers:\n  - dense: {weights: [[.inf]]}\n", line: 3, column: 24, "not a finite number")
        expectError(
            #"{"input": 1, "layers": [{"dense": {"weights": [["x y"]]}}]}"#, .json, line: 1, column: 52,
            "neither a number nor an expression")
    }

    @Test func unknownActivationsListTheKnownNames() {
        expectError(
            "input: 1\nlayers:\n  - activation: rleu\n", line: 3, column: 17, "unknown activation 'rleu'",
            "did you mean 'relu'?",
            "expected one of identity, linear, none, affine, polynomial, square, relu, leaky_relu, hardtanh, step, sign, abs, sigmoid, tanh, arctan, softplus, silu, gelu, elu, softmax"
        )
        expectError(
            "input: 1\nlayers:\n  - activation: {swish: {beta: 1}}\n", line: 3, column: 18,
            "unknown activation 'swish'; expected one of")
        expectError("input: 1\nlayers:\n  - activation: polynomial\n", line: 3, column: 17, "needs its coefficients")
        expectError(
            "input: 1\nlayers:\n  - activation: {relu: {alpha: 1}}\n", line: 3, column: 24, "'relu' takes no parameters"
        )
        expectError("input: 1\nlayers:\n  - activation: {relu: 1, tanh: 2}\n", line: 3, column: 17, "has 2 keys")
        expectError("input: 1\nlayers:\n  - activation: [relu]\n", line: 3, column: 17, "activation is a list")
        expectError("input: 1\nlayers:\n  - activation: {polynomial: []}\n", line: 3, column: 30, "no coefficients")
        expectError("input: 1\nlayers:\n  - activation: {polynomial: 3}\n", line: 3, column: 30, "coefficients are '3'")
        expectError(
            "input: 1\nlayers:\n  - activation: {leaky_relu: 0.2}\n", line: 3, column: 30, "expected a map such as")
    }

    @Test func missingWeightsInADenseBlock() {
        expectError(
            "input: 1\nlayers:\n  - dense:\n      bias: [1]\n", line: 3, column: 5, "dense block has no 'weights'")
        expectError("input: 1\nlayers:\n  - dense: [[1]]\n", line: 3, column: 12, "'dense' is a list")
        expectError("input: 1\nlayers:\n  - dense: {weights: []}\n", line: 3, column: 22, "no rows")
        expectError(
            "input: 1\nlayers:\n  - dense: {weights: [1, 2]}\n", line: 3, column: 23,
            "row 1 is '1'; expected a list of numbers")
    }

    @Test func inputDimensionMustBeAPositiveInteger() {
        expectError("input: 0\nlayers: [{activation: relu}]\n", line: 1, column: 8, "input dimension 0 is not positive")
        expectError(
            "input: -3\nlayers: [{activation: relu}]\n", line: 1, column: 8, "input dimension -3 is not positive")
        expectError(
            "input: 2.5\nlayers: [{activation: relu}]\n", line: 1, column: 8, "input dimension 2.5 is not an integer")
        expectError("input: 1e30\nlayers: [{activation: relu}]\n", line: 1, column: 8, "too large")
        expectError("input: x1\nlayers: [{activation: relu}]\n", line: 1, column: 8, "'input' is 'x1'")
        expectError("input:\nlayers: [{activation: relu}]\n", line: 1, column: 7, "'input' is null")
        expectError("input: []\nlayers: [{activation: relu}]\n", line: 1, column: 8, "empty input list")
        expectError(#"{"input": {"x": 1}, "layers": []}"#, .json, line: 1, column: 11, "'input' is a mapping")
    }

    @Test func inputNamesMustBeDistinctIdentifiers() {
        expectError(
            "input: [x1, x2, x1]\nlayers: [{activation: relu}]\n", line: 1, column: 17, "duplicate input name 'x1'")
        expectError(
            "input: [x1, \"2x\"]\nlayers: [{activation: relu}]\n", line: 1, column: 13, "'2x' is not an identifier")
        expectError("input: [x1, null]\nlayers: [{activation: relu}]\n", line: 1, column: 13, "input name 2 is null")
        expectError(
            "input: [a, b]\nlayers:\n  - dense: {weights: [[a, 1]]}\n", line: 1, column: 9,
            "input name 'a' is also a symbol")
    }

    @Test func networkNameMustBeAScalar() {
        expectError(
            "network: [a]\ninput: 1\nlayers: [{activation: relu}]\n", line: 1, column: 10, "network name is a list")
    }

    @Test func aSecondYAMLDocumentIsAnError() {
        expectError(
            "input: 1\nlayers: [{activation: relu}]\n---\ninput: 2\n", line: 3, column: 1, "second YAML document")
    }

    @Test func specErrorDescriptionIsFileLineColumnMessage() {
        let error = SpecError(
            "unknown key 'x'; expected 'y'", at: NetworkModel.SourceLocation(file: "a.yaml", line: 3, column: 7))
        #expect(error.description == "a.yaml:3:7: unknown key 'x'; expected 'y'")
        #expect(SpecError("a\nb; c", at: .start(of: "f")).description == "f:1:1: a b; c")
    }

    // MARK: Files

    @Test func filesThatCannotBeReadAreErrorsAtLineOneColumnOne() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }

        let missing = directory.appendingPathComponent("missing.yaml").path
        #expect(
            throws: SpecError("no such file; expected the path of a YAML or JSON spec file", at: .start(of: missing))
        ) {
            try SpecReader.read(path: missing)
        }
        #expect(throws: SpecError("is a directory; expected a YAML or JSON spec file", at: .start(of: directory.path)))
        {
            try SpecReader.read(path: directory.path)
        }
        if getuid() != 0 {
            let locked = directory.appendingPathComponent("locked.yaml").path
            _ = FileManager.default.createFile(
                atPath: locked, contents: Data("input: 1\n".utf8), attributes: [.posixPermissions: 0o000])
            do {
                _ = try SpecReader.read(path: locked)
                Issue.record("expected an error")
            } catch {
                #expect(error.location == .start(of: locked))
                #expect(error.message.contains("cannot be read"))
            }
        }
        let garbage = directory.appendingPathComponent("garbage.json").path
        _ = FileManager.default.createFile(atPath: garbage, contents: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]))
        do {
            _ = try SpecReader.read(path: garbage)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("\(garbage):1:1: invalid UTF-8 (byte 0x89)"), "\(error)")
        }
    }

    @Test func readPicksTheFormatByExtension() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let yamlPath = directory.appendingPathComponent("net.yml").path
        let jsonPath = directory.appendingPathComponent("net.json").path
        _ = FileManager.default.createFile(atPath: yamlPath, contents: Data(contractExample.utf8))
        _ = FileManager.default.createFile(atPath: jsonPath, contents: Data(contractExampleJSON.utf8))
        #expect(try SpecReader.read(path: yamlPath) == SpecReader.read(path: jsonPath))
        let wrong = directory.appendingPathComponent("wrong.json").path
        _ = FileManager.default.createFile(atPath: wrong, contents: Data("input: 1\n".utf8))
        do {
            _ = try SpecReader.read(path: wrong)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("\(wrong):1:1: malformed JSON"), "\(error)")
        }
    }
}
