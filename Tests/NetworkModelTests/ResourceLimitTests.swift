import Algebra
import ExactNumbers
import NetworkModel
import Testing

/// Issue 14: hostile specs are refused with a position, never by exhausting memory.
@Suite struct ResourceLimitTests {
    /// `levels` anchors, each a list of ten aliases of the previous one: 10^levels leaves.
    static func laughs(levels: Int, tail: String) -> String {
        var lines = ["a0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"]
        for i in 1..<levels {
            lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n" + tail
    }

    @Test func billionLaughsIsRefusedAtTheAlias() {
        // Line 6 is a5's list of ten *a4 (111,111 nodes each): its eighth alias is where the
        // expanded count passes the limit of 1,000,000 + 2 × 71 written nodes.
        let text = Self.laughs(levels: 12, tail: "input: 1\nlayers:\n  - dense: {weights: *a11}\n")
        expectError(text, line: 6, column: 45, "aliases expand to more than", "expected a document whose aliases")
    }

    @Test func billionLaughsAsAMappingKeyIsRefused() {
        let text = Self.laughs(levels: 12, tail: "? *a11\n: 1\ninput: 1\nlayers: [{activation: relu}]\n")
        guard let error = specError(text, .yaml) else { return }
        #expect(error.message.contains("aliases expand to more than"))
        #expect(error.location.line == 6)
    }

    @Test func modestAliasesStillWork() throws {
        let network = try yaml(
            """
            input: 2
            layers:
              - dense: {weights: &w [[1, 2], [3, 4]]}
              - dense: {weights: *w}
            """)
        #expect(network.layers.count == 2)
    }

    @Test func expressionBlowUpsArePositionedErrors() {
        expectError(
            "input: 1\nlayers:\n  - dense: {weights: [[\"(a*b + c + d + e + f)^300\"]]}\n",
            line: 3, column: 47, "past the budget of 1000000 terms")
        expectError(
            "input: 1\nlayers:\n  - dense: {weights: [[\"((x^1000)^1000)^1000\"]]}\n",
            line: 3, column: 41, "degree budget")
    }
}
