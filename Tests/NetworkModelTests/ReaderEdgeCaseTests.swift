import Algebra
import ExactNumbers
import NetworkModel
import Testing

/// Reader edge cases (issue 16, item 5): line breaks as YAML 1.2 counts them, explicit tags,
/// integer dimensions, and symbols that look like generated input names.
@Suite struct ReaderEdgeCaseTests {
    /// The only weight of a one-layer spec.
    func onlyWeight(_ network: Network) -> String? {
        switch network.layers.first?.dense {
        case .numeric(let map)?: return map.weights[0, 0].description
        case .float32(let map)?: return map.weights.entry(0, 0).description
        case .symbolic(let map)?: return map.weights[0, 0].description
        case nil: return nil
        }
    }

    /// A spec with `comment` in a comment on line 1, whose fault (`bogus`) is on line 5.
    static func specWithComment(_ comment: String, lineBreak: String = "\n") -> String {
        ["# note \(comment) end", "input: 1", "layers:", "  - dense: {weights: [[1]]}", "  - bogus: 1", ""].joined(
            separator: lineBreak)
    }

    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}"])
    func unicodeSeparatorsInACommentDoNotBreakTheLine(_ separator: String) {
        // libyaml (YAML 1.1) would start a line there, ending the comment and moving every
        // later position one line down; YAML 1.2 and editors do not.
        expectError(Self.specWithComment("a\(separator)b: 1"), line: 5, column: 5, "unknown key 'bogus' in layer 2")
    }

    @Test(arguments: ["\n", "\r", "\r\n"])
    func positionsCountLFCRAndCRLFAsOneBreakEach(_ lineBreak: String) {
        expectError(Self.specWithComment("plain", lineBreak: lineBreak), line: 5, column: 5, "unknown key 'bogus'")
        let json = ["{\"input\": 1,", "\"layers\": [", "  {\"bogus\": 1}]}"].joined(separator: lineBreak)
        expectError(json, .json, line: 3, column: 4, "unknown key 'bogus'")
    }

    @Test func duplicateKeyPositionsHoldWithCarriageReturns() {
        expectError("input: 1\rinput: 2\rlayers: [{activation: relu}]\r", line: 2, column: 1, "duplicate key 'input'")
    }

    @Test(arguments: [("\u{2028}", "\\L"), ("\u{2029}", "\\P"), ("\u{85}", "\\N")])
    func unicodeSeparatorOutsideACommentIsAnErrorAtItsPosition(_ separator: String, _ escape: String) {
        expectError(
            "network: \"a\(separator)b\"\ninput: 1\nlayers: [{activation: relu}]\n", line: 1, column: 12,
            "outside a comment", "the escape \(escape)")
        expectError("input: 1\nlayers:\n  - activation: relu\(separator)\n", line: 3, column: 21, "outside a comment")
    }

    @Test func hashInsideAQuotedStringIsNotAComment() {
        expectError(
            "network: \"a # b\u{2028}c\"\ninput: 1\nlayers: [{activation: relu}]\n", line: 1, column: 16,
            "outside a comment")
    }

    @Test func explicitIntTagRejectsANonInteger() {
        expectError(
            "input: 1\nlayers:\n  - dense:\n      weights: [[!!int \"abc\"]]\n", line: 4, column: 18,
            "'abc' is tagged !!int but is not an integer")
        expectError(
            "input: 1\nlayers:\n  - dense:\n      weights: [[!!int 1.5]]\n", line: 4, column: 18, "tagged !!int")
    }

    @Test func explicitIntTagMakesAQuotedIntegerANumber() throws {
        #expect(onlyWeight(try yaml("input: 1\nlayers:\n  - dense:\n      weights: [[!!int \"-7\"]]\n")) == "-7")
        #expect(onlyWeight(try yaml("input: 1\nlayers:\n  - dense:\n      weights: [[!!int \"0x1F\"]]\n")) == "31")
    }

    @Test func explicitStrTagIsAString() throws {
        // `!!str 3` is the string "3": as a quoted "3", a constant (contract §1: strings hold
        // fractions and expressions); `!!str w` is the symbol w, like "w".
        let three = try yaml("input: 1\nlayers:\n  - dense:\n      weights: [[!!str 3]]\n")
        #expect(onlyWeight(three) == onlyWeight(try yaml("input: 1\nlayers:\n  - dense:\n      weights: [[\"3\"]]\n")))
        #expect(onlyWeight(try yaml("input: 1\nlayers:\n  - dense:\n      weights: [[!!str w]]\n")) == "w")
        // A string tag on `null` or `true` makes the word a symbol's name, not null or a boolean.
        #expect(onlyWeight(try yaml("input: 1\nlayers:\n  - dense:\n      weights: [[!!str null]]\n")) == "null")
    }

    @Test func explicitFloatTagAcceptsDecimalsExactlyAndRejectsText() throws {
        #expect(
            onlyWeight(try yaml("input: 1\nlayers:\n  - dense:\n      weights: [[!!float \"1e-3\"]]\n")) == "1/1000")
        #expect(onlyWeight(try yaml("input: 1\nlayers:\n  - dense:\n      weights: [[!!float 0.1]]\n")) == "1/10")
        expectError(
            "input: 1\nlayers:\n  - dense:\n      weights: [[!!float abc]]\n", line: 4, column: 18,
            "tagged !!float but is not a number")
        expectError(
            "input: 1\nlayers:\n  - dense:\n      weights: [[!!float .nan]]\n", line: 4, column: 18,
            "not a finite number")
    }

    @Test func nullAndBoolTagsMustMatchTheirValue() {
        expectError(
            "input: 1\nlayers:\n  - dense:\n      weights: [[!!null 3]]\n", line: 4, column: 18, "tagged !!null")
        expectError(
            "input: 1\nlayers:\n  - dense:\n      weights: [[!!bool 3]]\n", line: 4, column: 18, "tagged !!bool")
        expectError("input: 1\nlayers:\n  - dense:\n      weights: [[!!null \"\"]]\n", line: 4, column: 18, "is null")
    }

    @Test func unsupportedAndMismatchedTagsAreRejectedWithTheirPosition() {
        expectError(
            "input: 1\nlayers:\n  - dense:\n      weights: [[!foo 3]]\n", line: 4, column: 18,
            "unsupported YAML tag '!foo'")
        expectError(
            "input: 1\nlayers:\n  - dense:\n      weights: [[!!binary 3]]\n", line: 4, column: 18,
            "unsupported YAML tag '!!binary'")
        expectError(
            "input: 1\nlayers:\n  - dense:\n      weights: !!map [[3]]\n", line: 4, column: 16, "a list tagged !!map")
        expectError(
            "input: 1\nlayers:\n  - dense:\n      weights: [!!seq 3]\n", line: 4, column: 17,
            "a single value tagged !!seq")
        expectError("input: 1\nlayers: !!str [{activation: relu}]\n", line: 2, column: 9, "a list tagged !!str")
    }

    @Test func matchingCollectionTagsAreAccepted() throws {
        let network = try yaml("input: !!seq [a]\nlayers: !!seq [!!map {activation: relu}]\n")
        #expect(network.inputNames == ["a"])
    }

    @Test(arguments: ["2.0", "2e0", "2.", "\"2.0\"", "20e-1"])
    func inputDimensionWrittenAsADecimalIsRejected(_ written: String) {
        expectError(
            "input: \(written)\nlayers: [{activation: relu}]\n", line: 1, column: 8,
            "written as a decimal, not an integer")
    }

    @Test func inputDimensionInJSONMustBeAnInteger() {
        expectError(
            #"{"input": 2.0, "layers": [{"activation": "relu"}]}"#, .json, line: 1, column: 11, "written as a decimal")
    }

    @Test func integerDimensionsStillRead() throws {
        #expect(try yaml("input: 3\nlayers: [{activation: relu}]\n").inputDimension == 3)
        #expect(try yaml("input: \"2\"\nlayers: [{activation: relu}]\n").inputDimension == 2)
        #expect(try yaml("input: !!int \"2\"\nlayers: [{activation: relu}]\n").inputDimension == 2)
    }

    @Test func symbolNamedLikeAGeneratedInputIsExplainedAtTheSymbol() {
        // `input: 1` names the input x1; the user wrote x1 only as a weight.
        expectError(
            "input: 1\nlayers:\n  - dense:\n      weights: [[x1]]\n", line: 4, column: 18,
            "the symbol 'x1' has the name of input 1", "'input: 1' names its input x1", "input names of your own")
        expectError(
            "input: 3\nlayers:\n  - dense:\n      weights: [[1, 2, \"a + 2*x2\"]]\n", line: 4, column: 31,
            "the symbol 'x2' has the name of input 2", "x1, ..., x3")
        expectError(
            "input: 2\nlayers:\n  - activation: {leaky_relu: {alpha: x1}}\n", line: 3, column: 38, "the symbol 'x1'")
        // Names the user wrote keep the message about the input name, at the name.
        expectError(
            "input: [x1]\nlayers:\n  - dense:\n      weights: [[x1]]\n", line: 1, column: 9,
            "input name 'x1' is also a symbol")
    }

    @Test func symbolsThatOnlyContainAnInputNameAreFine() throws {
        let network = try yaml("input: 1\nlayers:\n  - dense:\n      weights: [[x10]]\n")
        #expect(onlyWeight(network) == "x10")
    }
}
