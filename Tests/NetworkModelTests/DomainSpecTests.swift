import Testing
import ExactNumbers
import NetworkModel

private func parse(_ yaml: String) throws(SpecError) -> Network {
    try SpecReader.parse(text: yaml, file: "net.yaml", format: .yaml)
}

private let header = "input: [x1, x2]\nlayers: [{dense: {weights: [[1, 1]]}, activation: relu}]\n"

/// The error at `line:column` whose message contains `fragment`.
private func expectDomainError(
    _ yaml: String, line: Int, column: Int, _ fragment: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    do {
        _ = try parse(yaml)
        Issue.record("expected an error containing \(fragment)", sourceLocation: sourceLocation)
    } catch {
        #expect(
            error.location.line == line && error.location.column == column, "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
    }
}

@Suite struct DomainSpecTests {
    @Test func aBoxByNameAndConstraintsAreReadExactly() throws {
        let network = try parse(
            header
                + "domain:\n  box: {x2: [\"-1/2\", 0.25], x1: [0, null]}\n  constraints: [\"x1 + 2*x2 <= 1\", \"x1 - x2 >= -3/2 + x2\"]\n"
        )
        let domain = try #require(network.domain)
        #expect(domain.box[0] == InputDomain.Interval(lo: Rational(0), hi: nil))
        #expect(domain.box[1] == InputDomain.Interval(lo: Rational(-1, 2), hi: Rational(1, 4)))
        #expect(domain.constraints.count == 2)
        #expect(domain.constraints[0].coefficients == [Rational(1), Rational(2)])
        #expect(domain.constraints[0].relation == .lessOrEqual && domain.constraints[0].bound == Rational(1))
        // x1 - x2 >= -3/2 + x2  is  x1 - 2 x2 >= -3/2
        #expect(domain.constraints[1].coefficients == [Rational(1), Rational(-2)])
        #expect(domain.constraints[1].relation == .greaterOrEqual && domain.constraints[1].bound == Rational(-3, 2))
        #expect(domain.constraints[1].text == "x1 - x2 >= -3/2 + x2")
        #expect(domain.contains([Rational(0), Rational(0)]))
        #expect(!domain.contains([Rational(2), Rational(0)]))
        #expect(domain.location.line == 3 && domain.location.column == 1)
    }

    @Test func aBoxListIsInInputOrderAndJSONReadsTheSame() throws {
        let yaml = try parse(header + "domain: {box: [[0, 1], [-1, \"1/3\"]]}\n")
        let json = try SpecReader.parse(
            text:
                #"{"input": ["x1", "x2"], "layers": [{"dense": {"weights": [[1, 1]]}, "activation": "relu"}], "domain": {"box": [[0, 1], [-1, "1/3"]]}}"#,
            file: "net.json", format: .json)
        #expect(yaml.domain == json.domain)
        #expect(yaml.domain?.box[1] == InputDomain.Interval(lo: Rational(-1), hi: Rational(1, 3)))
        #expect(yaml.domain?.constraints.isEmpty == true)
    }

    @Test func badDomainsArePositionedErrors() {
        expectDomainError(header + "domain:\n  box: {x1: [2, 1]}\n", line: 4, column: 13, "empty domain")
        expectDomainError(header + "domain:\n  box: {x3: [0, 1]}\n", line: 4, column: 9, "unknown input name 'x3'")
        expectDomainError(
            header + "domain:\n  box: [[0, 1]]\n", line: 4, column: 8, "lists 1 interval but the network has 2 inputs")
        expectDomainError(header + "domain:\n  box: {x1: [0, 1, 2]}\n", line: 4, column: 13, "expected [lo, hi]")
        expectDomainError(header + "domain:\n  box: {x1: [0, abc]}\n", line: 4, column: 17, "expression in symbols")
        expectDomainError(header + "domain:\n  constraints: [\"x1*x2 <= 1\"]\n", line: 4, column: 18, "not linear")
        expectDomainError(
            header + "domain:\n  constraints: [\"x1 + y <= 1\"]\n", line: 4, column: 23, "unknown input name 'y'")
        expectDomainError(
            header + "domain:\n  constraints: [\"x1 < 1\"]\n", line: 4, column: 21, "unsupported comparison")
        expectDomainError(header + "domain:\n  constraints: [\"x1 + x2\"]\n", line: 4, column: 18, "no <= or >=")
        expectDomainError(header + "domain:\n  size: 3\n", line: 4, column: 3, "unknown key 'size'")
    }

    @Test func theWriterWritesTheDomainBack() throws {
        let network = try parse(
            header + "domain:\n  box: {x1: [\"-1/2\", null], x2: [0, 3]}\n  constraints: [\"x1 + x2 <= 1\"]\n")
        let yaml = try SpecReader.parse(text: SpecWriter.yaml(network), file: "w.yaml", format: .yaml)
        let json = try SpecReader.parse(text: SpecWriter.json(network), file: "w.json", format: .json)
        #expect(yaml.domain == network.domain)
        #expect(json.domain == network.domain)
        #expect(yaml == json)
    }

    @Test func vnnlibInputBoundsAreReadInBothOrientationsAndOutputsIgnored() throws {
        let text = """
            ; ACAS-like property
            (declare-const X_0 Real)
            (declare-const X_1 Real)
            (declare-const Y_0 Real)
            (assert (<= X_0 0.5))
            (assert (>= X_0 -0.5))
            (assert (<= -1e-3 X_1))
            (assert (and (>= 0.25 X_1) (<= X_1 (/ 1 3))))
            (assert (or (<= Y_0 X_0) (>= Y_0 3)))
            """
        let domain = try DomainReader.parse(vnnlib: text, file: "p.vnnlib", inputNames: ["x1", "x2"])
        #expect(domain.box[0] == InputDomain.Interval(lo: Rational(-1, 2), hi: Rational(1, 2)))
        #expect(domain.box[1] == InputDomain.Interval(lo: Rational(-1, 1000), hi: Rational(1, 4)))
        #expect(domain.constraints.isEmpty)
    }

    @Test func vnnlibFaultsArePositioned() {
        let cases: [(String, Int, Int, String)] = [
            (
                "(declare-const X_0 Real)\n(declare-const X_1 Real)\n(assert (<= X_5 1))\n", 3, 13,
                "input X_5 does not exist"
            ),
            ("(declare-const X_0 Real)\n(declare-const X_1 Real)\n(assert (<= X_0 abc))\n", 3, 17, "malformed bound"),
            (
                "(declare-const X_0 Real)\n(declare-const X_1 Real)\n(assert (or (<= X_0 1) (<= X_1 1)))\n", 3, 9,
                "unsupported assertion 'or'"
            ),
            ("(declare-const X_0 Real)\n(assert (<= X_0 1)\n", 2, 1, "unclosed '('"),
            (
                "(declare-const X_0 Real)\n(declare-const X_1 Real)\n(assert (<= X_0 0))\n(assert (>= X_0 1))\n", 1, 1,
                "empty domain"
            ),
            ("(declare-const X_0 Real)\n(assert (<= X_0 1))\n", 1, 1, "declares 1 input"),
        ]
        for (text, line, column, fragment) in cases {
            do {
                _ = try DomainReader.parse(vnnlib: text, file: "p.vnnlib", inputNames: ["x1", "x2"])
                Issue.record("expected \(fragment)")
            } catch {
                #expect(error.location.line == line && error.location.column == column, "\(error)")
                #expect(error.message.contains(fragment), "\(error)")
            }
        }
    }

    @Test func aDomainFileMayHoldTheBlockOrBeTheBlock() throws {
        let block = try DomainReader.parse(
            bytes: Array("domain:\n  box: [[0, 1], [0, 2]]\n".utf8), file: "d.yaml", format: .yaml,
            inputNames: ["a", "b"])
        let bare = try DomainReader.parse(
            bytes: Array(#"{"box": {"b": [0, 2], "a": [0, 1]}}"#.utf8), file: "d.json", format: .json,
            inputNames: ["a", "b"])
        #expect(block == bare)
        #expect(throws: SpecError.self) {
            try DomainReader.parse(
                bytes: Array("input: 2\n".utf8), file: "d.yaml", format: .yaml, inputNames: ["a", "b"])
        }
    }
}
