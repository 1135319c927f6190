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

    /// Matrices of number lists are read into one block per matrix (shared with the network's
    /// weights); on random seeded layers of mixed literals, with rows that fall back to the
    /// usual reading (a symbol, a nested list), the network equals the YAML reading of the same text.
    @Test func matrixBlocksEqualTheYAMLReadingOnRandomLayers() throws {
        var random = SplitMix64(seed: 15_3)
        func literal() -> String {
            let n = Int(random.next() % 2001) - 1000, d = Int(random.next() % 97) + 1
            switch random.next() % 4 {
            case 0: return "\(n)"
            case 1: return "\"\(n)/\(d)\""
            case 2: return "\(n).\(d)e-\(random.next() % 5)"
            default: return "-0.\(d)"
            }
        }
        for trial in 0..<12 {
            let sizes = (0...(1 + trial % 3)).map { _ in Int(random.next() % 5) + 1 }
            var layers: [String] = []
            for k in 1..<sizes.count {
                var rows = (0..<sizes[k]).map { _ in
                    "[" + (0..<sizes[k - 1]).map { _ in literal() }.joined(separator: ", ") + "]"
                }
                // Every fourth trial: one row that is not plain numbers (a symbol), read the usual way.
                if trial % 4 == 3 {
                    rows[rows.count - 1] =
                        "[" + Array(repeating: "\"a\"", count: sizes[k - 1]).joined(separator: ", ") + "]"
                }
                let bias = "[" + (0..<sizes[k]).map { _ in literal() }.joined(separator: ", ") + "]"
                layers.append(
                    "{\"dense\": {\"weights\": [\n  " + rows.joined(separator: ",\n  ")
                        + "], \"bias\": \(bias)}, \"activation\": \"relu\"}")
            }
            let text = "{\"input\": \(sizes[0]), \"layers\": [" + layers.joined(separator: ", ") + "]}"
            let fromJSON = try SpecReader.parse(text: text, file: "r.json", format: .json)
            let fromYAML = try SpecReader.parse(text: text, file: "r.yaml", format: .yaml)
            #expect(fromJSON == fromYAML)
            #expect(fromJSON.isNumeric == (trial % 4 != 3))
        }
    }

    @Test func matrixBlocksKeepErrorPositions() {
        // A row of a matrix that is not a list of numbers: the message and the position are
        // those of the usual reading.
        expectError(
            #"{"input": 2, "layers": [{"dense": {"weights": [[1, 2], [[3], 4]]}}]}"#, .json, line: 1, column: 57,
            "weight (row 2, column 1) is a list")
        expectError(
            "{\"input\": 2, \"layers\": [{\"dense\": {\"weights\": [[1, 2],\n [3, 4, 5]]}}]}", .json, line: 2,
            column: 2, "ragged weights")
        expectError(
            #"{"input": 2, "layers": [{"dense": {"weights": [[1, 2], 7]}}]}"#, .json, line: 1, column: 56,
            "weights row 2 is '7'")
    }
}
