import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

/// Parses a YAML spec written in a test.
func spec(_ yaml: String) throws -> Network {
    try SpecReader.parse(text: yaml, file: "test.yaml", format: .yaml)
}

func q(_ text: String) -> Rational { try! Rational.parse(text) }
func qs(_ texts: String...) -> [Rational] { texts.map(q) }
func poly(_ text: String) -> Polynomial { try! Polynomial.parse(text) }

/// F(p) by exact layer-by-layer evaluation; fails the test on an enclosure.
func exactly(_ network: Network, _ p: [Rational]) throws -> [Rational] {
    try Evaluator.evaluate(network, at: p).map { v in
        guard let r = v.exactValue else { throw TestFailure.notExact(v.description) }
        return r
    }
}

enum TestFailure: Error { case notExact(String) }

/// Re-checks a witness independently: its sides re-evaluated through the network must
/// provably differ and agree with what was reported (when exact).
func witnessRechecks(_ network: Network, _ check: IdentityCheck) -> Bool {
    guard let w = check.witness, let result = WitnessRecheck.recheck(network, identity: check.identity, witness: w)
    else { return false }
    return !result.lhsMoved && !result.rhsMoved && result.confirmed
}

/// `Analyzer.analyze`, with the analysis's invariants checked (`Analysis.checkInvariants`).
func analyzed(
    _ network: Network, options: AnalysisOptions = AnalysisOptions(),
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Analysis {
    let a = Analyzer.analyze(network, options: options)
    #expect(a.checkInvariants() == [], sourceLocation: sourceLocation)
    return a
}
