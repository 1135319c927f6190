import ExactNumbers
import Foundation
import NetworkModel
import Testing
import Algebra

@Suite struct LargeSpecTests {
    /// Entry (i, j) of layer k of the generated network: decimals, fractions and integers.
    static func entry(_ k: Int, _ i: Int, _ j: Int) -> (text: String, value: Rational) {
        let n = (i * 31 + j * 17 + k * 7) % 2001 - 1000
        switch (i + j) % 3 {
        case 0: return ("\(n)", Rational(n))
        case 1: return ("\"\(n)/\(j + 1)\"", Rational(n, j + 1))
        default: return ("\(n).25e-3", Rational(n * 100 + (n < 0 ? -25 : 25), 100_000))
        }
    }

    @Test func largeGeneratedJSONParsesExactly() throws {
        let size = 256, depth = 2
        var text = "{\"network\": \"big\", \"input\": \(size), \"layers\": ["
        for k in 0..<depth {
            text += k == 0 ? "" : ","
            text += "{\"dense\": {\"weights\": ["
            for i in 0..<size {
                text += i == 0 ? "[" : ",\n["
                text += (0..<size).map { Self.entry(k, i, $0).text }.joined(separator: ",")
                text += "]"
            }
            text +=
                "], \"bias\": [" + (0..<size).map { "\($0)" }.joined(separator: ",") + "]}, \"activation\": \"relu\"}"
        }
        text += "]}"

        let clock = ContinuousClock()
        let start = clock.now
        let network = try json(text)
        let elapsed = clock.now - start
        #expect(network.inputDimension == size)
        #expect(network.outputDimension == size)
        #expect(network.isNumeric)
        for k in 0..<depth {
            let map = try #require(numericMap(network.layers[k]))
            for (i, j) in [(0, 0), (1, 1), (2, 2), (255, 255), (17, 200), (200, 17)] {
                #expect(map.weights[i, j] == Self.entry(k, i, j).value, "layer \(k) entry (\(i), \(j))")
            }
            #expect(map.bias[255] == Rational(255))
        }
        // A generous bound: the reader is linear and never builds polynomials here.
        #expect(elapsed < .seconds(20), "took \(elapsed)")
    }

    @Test func errorsDeepInALargeFileHaveExactPositions() throws {
        var rows = (0..<100).map { i in "[" + (0..<100).map { "\($0 + i)" }.joined(separator: ", ") + "]" }
        rows[73] = "[" + (0..<100).map { $0 == 41 ? "\"9/0\"" : "\($0)" }.joined(separator: ", ") + "]"
        let text =
            "{\"input\": 100, \"layers\": [{\"dense\": {\"weights\": [\n" + rows.joined(separator: ",\n") + "\n]}}]}"
        guard let error = specError(text, .json) else { return }
        let column = rows[73].distance(from: rows[73].startIndex, to: rows[73].range(of: "\"9/0\"")!.lowerBound) + 1
        #expect(
            error.location == NetworkModel.SourceLocation(file: "net.json", line: 75, column: column + 3), "\(error)")
        #expect(error.message.contains("layer 1 weight (row 74, column 42)"), "\(error)")
    }
}

@Suite struct LiteralFastPathTests {
    /// A random literal in the contract's number syntax, including edge lengths.
    static func literal(_ g: inout SplitMix64) -> String {
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &g))) })
        }
        let sign = ["", "-", "+"][Int.random(in: 0...2, using: &g)]
        switch Int.random(in: 0...3, using: &g) {
        case 0: return sign + digits(Int.random(in: 1...22, using: &g))
        case 1:
            let q = ["", "-"][Int.random(in: 0...1, using: &g)] + "1" + digits(Int.random(in: 0...20, using: &g))
            return sign + digits(Int.random(in: 1...20, using: &g)) + "/" + q
        case 2:
            return sign + digits(Int.random(in: 0...10, using: &g)) + "." + digits(Int.random(in: 1...12, using: &g))
        default:
            return sign + digits(Int.random(in: 1...10, using: &g)) + "." + digits(Int.random(in: 0...10, using: &g))
                + ["e", "E"][Int.random(in: 0...1, using: &g)] + ["", "-", "+"][Int.random(in: 0...2, using: &g)]
                + String(Int.random(in: 0...25, using: &g))
        }
    }

    @Test func numericLayersAgreeWithRationalParseOnRandomLiterals() throws {
        var generator = SplitMix64(seed: 0xF00D)
        let texts = (0..<2000).map { _ in Self.literal(&generator) }
        let row = texts.map { "\"\($0)\"" }.joined(separator: ", ")
        let network = try json(#"{"input": \#(texts.count), "layers": [{"dense": {"weights": [[\#(row)]]}}]}"#)
        let map = try #require(numericMap(network.layers[0]))
        for (j, text) in texts.enumerated() {
            #expect(map.weights[0, j] == (try Rational.parse(text)), "seed 0xF00D literal \(text)")
        }
    }
}
