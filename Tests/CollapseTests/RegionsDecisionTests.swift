import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

/// The complete decision for piecewise-linear networks, on the textbook cases.
@Suite struct RegionsDecision {
    func decided(_ n: Network, maxRegions: Int = 4096) throws -> Analysis {
        try #require(RegionDecision.analysis(n, options: AnalysisOptions(maxRegions: maxRegions)))
    }

    @Test func reluMinusReluOfMinusIsTheIdentity() throws {
        let n = try spec(
            """
            input: 1
            layers:
              - dense: {weights: [[1], [-1]]}
                activation: relu
              - dense: {weights: [[1, -1]]}
            """)
        for a in [analyzed(n, options: regionsOnly()), try decided(n)] {
            #expect(a.verdict == .linear, "\(a.outcome)")
            #expect(a.collapsed == .numeric(AffineMap(weights: Matrix(rows: [[1]]), bias: [0])))
            #expect(a.rank?.rank == 1)
            #expect(a.additivity.holds == true && a.homogeneity.holds == true && a.affinity.holds == true)
            #expect(a.regions?.complete == true && a.regions?.fullDimensionalRegions == 2)
        }
    }

    @Test func leakyReluWithAlphaOneIsTheIdentity() throws {
        let n = try spec(
            """
            input: 2
            layers:
              - activation: {leaky_relu: {alpha: 1}}
            """)
        let a = analyzed(n)
        #expect(a.verdict == .linear)
        #expect(a.collapsed == .numeric(AffineMap.identity(2)))
        let d = try decided(n)
        #expect(d.verdict == .linear && d.regions?.fullDimensionalRegions == 1)
    }

    @Test func reluOfAConstantPositiveUnitIsAffine() throws {
        // F = 2·relu(3/2) + relu(x1) − relu(−x1) = x1 + 3.
        let n = try spec(
            """
            input: 2
            layers:
              - dense: {weights: [[0, 0], [1, 0], [-1, 0]], bias: ["3/2", 0, 0]}
                activation: relu
              - dense: {weights: [[2, 1, -1]]}
            """)
        let a = analyzed(n)
        #expect(a.verdict == .affine, "\(a.outcome)")
        #expect(a.collapsed == .numeric(AffineMap(weights: Matrix(rows: [[1, 0]]), bias: [3])))
        #expect(a.additivity.holds == false && witnessRechecks(n, a.additivity))
        #expect(a.homogeneity.holds == false && witnessRechecks(n, a.homogeneity))
        #expect(a.affinity.holds == true)
    }

    @Test func reluOfAnAlwaysPositiveValueIsPrunedAndAffine() throws {
        // relu(relu(x) + 1) − relu(x) = 1: the second unit never switches off.
        let n = try spec(
            """
            input: 1
            layers:
              - dense: {weights: [[1]]}
                activation: relu
              - dense: {weights: [[1], [1]], bias: [1, 0]}
                activation: relu
              - dense: {weights: [[1, -1]]}
            """)
        let a = analyzed(n)
        #expect(a.verdict == .affine)
        #expect(a.collapsed == .numeric(AffineMap(weights: Matrix(rows: [[0]]), bias: [1])))
        #expect(a.regions?.fullDimensionalRegions == 2)
    }

    @Test func absAsTwoRelusIsNotAffine() throws {
        let n = try spec(
            """
            input: 1
            layers:
              - dense: {weights: [[1], [-1]]}
                activation: relu
              - dense: {weights: [[1, 1]]}
            """)
        for a in [analyzed(n, options: regionsOnly()), try decided(n)] {
            #expect(a.verdict == .notAffine)
            #expect(a.collapsed == nil)
            #expect(a.affinity.holds == false && witnessRechecks(n, a.affinity))
            if a.additivity.witness != nil { #expect(witnessRechecks(n, a.additivity)) }
            if a.homogeneity.witness != nil { #expect(witnessRechecks(n, a.homogeneity)) }
        }
        let d = try decided(n)
        #expect(d.regions?.differing.count == 2)
    }

    @Test func stepsThatCancelAwayFromZeroAreNotAffine() throws {
        // step(x) + step(−x) is 1 except at 0, where it is 0: only the breakpoint region shows it.
        let n = try spec(
            """
            input: 1
            layers:
              - dense: {weights: [[1], [-1]]}
                activation: step
              - dense: {weights: [[1, 1]]}
            """)
        let d = try decided(n)
        #expect(d.verdict == .notAffine)
        #expect(witnessRechecks(n, d.affinity))
        #expect(d.regions?.differing.last?.dimension == 0)
    }

    @Test func aJumpAfterAReluBreakpointIsFound() throws {
        // step(relu(x)) + step(relu(−x)) is 1 except at 0: the relu breakpoint must be visited
        // because a step follows.
        let n = try spec(
            """
            input: 2
            layers:
              - dense: {weights: [[1, 0], [-1, 0]]}
                activation: relu
              - activation: step
              - dense: {weights: [[1, 1]]}
            """)
        let d = try decided(n)
        #expect(d.verdict == .notAffine, "\(d.outcome)")
        #expect(witnessRechecks(n, d.affinity))
    }

    @Test func aStepTimesZeroIsLinear() throws {
        let n = try spec(
            """
            input: 2
            layers:
              - dense: {weights: [[1, 1], [1, -1]]}
                activation: sign
              - dense: {weights: [[0, 0]]}
            """)
        let d = try decided(n)
        #expect(d.verdict == .linear)
        #expect(d.collapsed == .numeric(AffineMap(weights: Matrix(rows: [[0, 0]]), bias: [0])))
    }

    @Test func hardtanhInsideItsLinearRangeIsAffine() throws {
        // hardtanh(relu(x)/4 ... ) no: hardtanh(0·x + 1/2) = 1/2 and hardtanh(x) − hardtanh(x) = 0.
        let n = try spec(
            """
            input: 1
            layers:
              - dense: {weights: [[1], [1], [0]], bias: [0, 0, "1/2"]}
                activation: hardtanh
              - dense: {weights: [[1, -1, 2]]}
            """)
        let a = analyzed(n, options: regionsOnly())
        #expect(a.verdict == .affine)
        #expect(a.collapsed == .numeric(AffineMap(weights: Matrix(rows: [[0]]), bias: [1])))
        #expect(a.regions?.fullDimensionalRegions == 3)
        // The normalisation alone: the constant unit is hardtanh(1/2) = 1/2, the other two cancel.
        let simplified = analyzed(n)
        #expect(simplified.collapsed == a.collapsed)
        #expect(
            simplified.normalization?.steps.map(\.kind) == [
                .constant(preactivation: Rational(1, 2), value: Rational(1, 2)),
                .cancel(identity: .duplicate, scales: [1, 1]),
                .layerFolded(into: 2),
            ])
    }

    @Test func theLimitGivesUnknownWithTheCountReached() throws {
        // Σ_i relu(t − i) − relu(i − t) = Σ_i (t − i): affine, with 5 regions.
        let n = try spec(
            """
            input: 1
            layers:
              - dense: {weights: [[1], [-1], [1], [-1], [1], [-1], [1], [-1]], bias: [0, 0, -1, 1, -2, 2, -3, 3]}
                activation: relu
              - dense: {weights: [[1, -1, 1, -1, 1, -1, 1, -1]]}
            """)
        let limited = analyzed(n, options: regionsOnly(maxRegions: 3))
        #expect(limited.verdict == .unknown)
        guard case .undecided(.regionLimit(let facts)) = limited.outcome else {
            Issue.record("expected undecided at the region limit: \(limited.outcome)")
            return
        }
        #expect(facts.maxRegions == 3)
        #expect(limited.regions?.hitLimit == true && limited.regions?.regionsExamined == 3)
        let full = analyzed(n, options: regionsOnly())
        #expect(full.verdict == .affine)
        #expect(full.collapsed == .numeric(AffineMap(weights: Matrix(rows: [[4]]), bias: [-6])))
        #expect(full.regions?.fullDimensionalRegions == 5)
    }

    @Test func progressIsReported() throws {
        let n = RandomNetwork.make(inputs: 2, layers: 1, width: 6, outputs: 1, activation: .relu, seed: 3)
        final class Box: @unchecked Sendable { var calls = 0 }
        let box = Box()
        let options = RegionEnumerationOptions(progress: { _ in box.calls += 1 }, progressInterval: 2)
        let result = try #require(RegionEnumerator.regions(n, options: options))
        #expect(box.calls == result.regions.count / 2)
    }
}

/// Options that skip the normalisation, so the linear-region stage decides on its own.
func regionsOnly(maxRegions: Int = 4096) -> AnalysisOptions {
    var options = AnalysisOptions(maxRegions: maxRegions)
    options.simplifies = false
    return options
}
