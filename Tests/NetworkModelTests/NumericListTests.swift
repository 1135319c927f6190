import Foundation
import NetworkModel
import ExactNumbers
import Algebra
import Testing

/// JSON lists of plain numbers are kept as parsed values (`SpecNode.Kind.numbers`); these
/// check that everything which needs their elements (errors, symbolic rows, input names)
/// sees the same nodes and positions as for any other list.
@Suite struct NumericListTests {
    @Test func errorsAtAnElementOfANumericListKeepTheirPosition() {
        expectError(
            #"{"input": [1, 2], "layers": [{"activation": "relu"}]}"#, .json, line: 1, column: 12,
            "input name '1' is not an identifier")
        expectError(
            #"{"input": 2, "layers": [{"dense": {"weights": [1, 2]}}]}"#, .json, line: 1, column: 48,
            "weights row 1 is '1'")
        expectError(
            #"{"input": 2, "layers": [{"dense": {"weights": [[1, 2], [3, "4/0"]]}}]}"#, .json, line: 1, column: 63,
            "zero denominator")
        expectError(
            "{\"input\": 2,\n \"layers\": [{\"dense\": {\"weights\": [[1, 2],\n [3, 4]], \"bias\": [1, \"2*a +\"]}}]}",
            .json,
            line: 3, column: 29, "neither a number nor an expression")
        expectError(
            #"{"input": 2, "layers": [{"dense": {"weights": [[1, 2], [3, 4]], "bias": [1, 2, 3]}}]}"#, .json, line: 1,
            column: 73,
            "bias has 3 entries")
        expectError(
            #"{"input": 2, "layers": [{"activation": [1, 2]}]}"#, .json, line: 1, column: 40, "activation is a list")
    }

    @Test func numericRowsMixWithSymbolicOnesAndEqualTheYAMLReading() throws {
        let json = #"{"input": 2, "layers": [{"dense": {"weights": [[1, "2/3"], ["a", 0.5]], "bias": [-1e2, "7"]}}]}"#
        let yaml = "input: 2\nlayers:\n  - dense:\n      weights: [[1, \"2/3\"], [a, 0.5]]\n      bias: [-1e2, \"7\"]\n"
        let fromJSON = try SpecReader.parse(text: json, file: "n.json", format: .json)
        let fromYAML = try SpecReader.parse(text: yaml, file: "n.yaml", format: .yaml)
        #expect(fromJSON == fromYAML)
        #expect(!fromJSON.isNumeric)
    }

    @Test func numericListsWithOddLiteralsFallBackToTheUsualReading() throws {
        // Escapes, long literals, non-ASCII and empty lists take the ordinary path.
        let json =
            #"{"input": 3, "layers": [{"dense": {"weights": [["\u0031", 123456789012345678901234567890, "1/3"]], "bias": []}}]}"#
        #expect(specError(json, .json) != nil)
        let ok =
            #"{"input": 3, "layers": [{"dense": {"weights": [["\u0031", 123456789012345678901234567890, "1/3"]]}}]}"#
        let network = try SpecReader.parse(text: ok, file: "n.json", format: .json)
        guard case .numeric(let map)? = network.layers[0].dense else { Issue.record("not numeric"); return }
        #expect(
            map.weights.rowArray(0) == [
                Rational(1), try Rational.parse("123456789012345678901234567890"), Rational(1, 3),
            ])
    }
}
