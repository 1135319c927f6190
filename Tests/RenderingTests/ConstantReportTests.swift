import Foundation
import Testing
import ExactNumbers
import NetworkModel
import Collapse
@testable import Rendering

/// `collapsed.enclosures` (contract §4): present exactly when some entry of W' or b' is not
/// rational, positions 0-based, weights as [row, column, {lo, hi}], bias as [index, {lo, hi}].
@Suite struct ConstantReportTests {
    func report(_ yaml: String) throws -> [String: Any] {
        let network = try SpecReader.parse(text: yaml, file: "t.yaml", format: .yaml)
        let text = JSONReport.render(Analyzer.analyze(network))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func enclosuresListEveryNonRationalEntryByPosition() throws {
        // Output 1: 2·σ(1) + 1 (index 0); output 2: σ(0) = 1/2 (rational); output 3: 0.
        let json = try report(
            """
            input: [x1, x2]
            layers:
              - dense: {weights: [[0, 0], [0, 0], [0, 0], [1, 2]], bias: [1, 0, "1/2", 0]}
                activation: sigmoid
              - dense: {weights: [[2, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0]], bias: [1, 0, 0]}
            """)
        #expect(json["verdict"] as? String == "affine")
        let collapsed = try #require(json["collapsed"] as? [String: Any])
        #expect(collapsed["bias"] as? [String] == ["2*sigmoid(1) + 1", "1/2", "0"])
        let enclosures = try #require(collapsed["enclosures"] as? [String: Any])
        #expect((enclosures["weights"] as? [Any])?.isEmpty == true)
        let bias = try #require(enclosures["bias"] as? [[Any]])
        #expect(bias.count == 1)
        #expect(bias[0][0] as? Int == 0)
        let e = try #require(bias[0][1] as? [String: String])
        let lo = try #require(Rational(e["lo"] ?? "")), hi = try #require(Rational(e["hi"] ?? ""))
        // 2σ(1) + 1 = 2.4621171572600...
        #expect(
            lo < hi && lo > Rational(24621171572600, 10_000_000_000_000)
                && hi < Rational(24621171572601, 10_000_000_000_000))
        #expect(json["linear_if"] == nil)
        // The witnesses' sides are enclosures, not expressions.
        let witness = try #require((json["additivity"] as? [String: Any])?["witness"] as? [String: Any])
        #expect((witness["lhs"] as? [Any])?.first is [String: String])
    }

    @Test func rationalResultsHaveNoEnclosuresField() throws {
        let json = try report(
            """
            input: [x1]
            layers:
              - dense: {weights: [[0], [1]], bias: [0, 0]}
                activation: tanh
              - dense: {weights: [[3, 0]], bias: [1]}
            """)
        let collapsed = try #require(json["collapsed"] as? [String: Any])
        #expect(collapsed["enclosures"] == nil)
        #expect(collapsed["bias"] as? [String] == ["1"])
    }
}
