import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse
import Testing
import Foundation

/// Issue 14: every input gets an answer within its limits: a verdict, or `unknown` with the
/// reason and the counts reached; never a crash.
@Suite struct AnalysisLimitsTests {
    /// `n` activation-only layers of `activation` on one input (JSON, to build fast).
    static func deep(_ n: Int, dense: Bool, activation: String) throws -> Network {
        let layer =
            dense
            ? "{\"dense\": {\"weights\": [[1]], \"bias\": [0]}, \"activation\": \"\(activation)\"}"
            : "{\"activation\": \"\(activation)\"}"
        let text = "{\"input\": 1, \"layers\": [" + Array(repeating: layer, count: n).joined(separator: ", ") + "]}"
        return try SpecReader.parse(text: text, file: "deep.json", format: .json)
    }

    @Test func deepReluChainsEnumerateWithoutRecursion() throws {
        // relu∘…∘relu = relu: two regions (x < 0, x > 0), 2,000 layers deep (the recursive
        // walker overflowed a test thread's stack well before; 10,000 layers run end to end in
        // the fuzzer and in seconds in a release build).
        let network = try Self.deep(2_000, dense: false, activation: "relu")
        let found = RegionEnumerator.regions(network)!
        #expect(found.summary.complete)
        #expect(found.regions.filter { $0.dimension == 1 }.count == 2)
        let maps = Set(found.regions.map(\.map))
        #expect(maps.contains(AffineMap(weights: Matrix(rows: [[Rational.one]]), bias: [.zero])))
    }

    @Test func tenThousandIdentityLayersCollapse() throws {
        let network = try Self.deep(10_000, dense: true, activation: "identity")
        let analysis = Analyzer.analyze(network)
        #expect(analysis.verdict == .linear)
        guard case .numeric(let m)? = analysis.collapsed else {
            Issue.record("no numeric collapse")
            return
        }
        #expect(m.weights == Matrix(rows: [[Rational.one]]))
    }

    @Test func polynomialDegreePastTheBudgetIsUnknownWithTheReason() throws {
        // 32 square layers: degree 2^32 would overflow a 32-bit monomial exponent.
        let squares = try Self.deep(32, dense: false, activation: "square")
        let analysis = Analyzer.analyze(squares)
        #expect(analysis.verdict == .unknown)
        guard case .undecided(.resourceLimit(.degree(let bound, let budget))) = analysis.outcome else {
            Issue.record("expected the degree budget to stop it: \(analysis.outcome)")
            return
        }
        #expect(bound == 1 << 32)
        #expect(budget == 1 << 20)
        // 8 layers of a degree-16 activation: 16^8 = 2^32 too.
        let text =
            "{\"input\": 1, \"layers\": ["
            + Array(repeating: "{\"activation\": {\"polynomial\": [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1]}}", count: 8)
            .joined(separator: ", ") + "]}"
        let sixteen = try SpecReader.parse(text: text, file: "p.json", format: .json)
        #expect(Analyzer.analyze(sixteen).verdict == .unknown)
        // Within the budget the degree is exact: 10 squares compose to x^1024, not affine.
        let ten = Analyzer.analyze(try Self.deep(10, dense: false, activation: "square"))
        #expect(ten.verdict == .notAffine)
        #expect(ten.polynomialOutputs == [Polynomial(Symbol("x1")).power(1024)])
    }

    @Test func symbolicChainPastTheTermBudgetIsUnknownWithTheReason() throws {
        let network = try spec(
            """
            input: 3
            layers:
              - dense: {weights: [[a1, a2, a3], [a4, a5, a6], [a7, a8, a9]], bias: [p1, p2, p3]}
              - dense: {weights: [[b1, b2, b3], [b4, b5, b6], [b7, b8, b9]], bias: [q1, q2, q3]}
              - dense: {weights: [[c1, c2, c3], [c4, c5, c6], [c7, c8, c9]], bias: [r1, r2, r3]}
            """)
        var options = AnalysisOptions()
        options.polynomialBudget = PolynomialBudget(maxTerms: 10)
        let analysis = Analyzer.analyze(network, options: options)
        #expect(analysis.verdict == .unknown)
        guard case .undecided(.resourceLimit(.tooLarge(let refused, .symbolicChain, let layer))) = analysis.outcome
        else {
            Issue.record("expected the term budget to stop it: \(analysis.outcome)")
            return
        }
        #expect(layer == 3)  // layer 2 fits (bias entries of 4 terms); layer 3 would have 13
        #expect(refused.budget.maxTerms == 10)
        #expect(refused.estimatedTerms > 10)
        // With the standard budget it collapses, and the generic rank 3 is proven.
        let full = Analyzer.analyze(network)
        #expect(full.verdict == .affine)
        #expect(full.rank?.rank == 3)
        #expect(full.rank?.isProven == true)
    }

    /// Six inputs, three blocks of relu(h) − relu(−h) = h mixed by integer matrices: affine,
    /// with thousands of regions to enumerate.
    static func manyRegions() throws -> Network {
        var rng = SplitMix64(seed: 14)
        let n = 6
        let identity = (0..<n).map { i in (0..<n).map { $0 == i ? "1" : "0" } }
        var layers: [String] = []
        for _ in 0..<3 {
            let rows = identity + identity.map { $0.map { $0 == "1" ? "-1" : "0" } }
            layers.append(
                "{\"dense\": {\"weights\": \(rows)}, \"activation\": \"relu\"}".replacingOccurrences(
                    of: "\"1\"", with: "1"
                ).replacingOccurrences(of: "\"0\"", with: "0").replacingOccurrences(of: "\"-1\"", with: "-1"))
            let m = (0..<n).map { _ in (0..<n).map { _ in Int.random(in: -3...3, using: &rng) } }
            let w = m.map { row in row + row.map { -$0 } }
            layers.append("{\"dense\": {\"weights\": \(w)}}")
        }
        return try SpecReader.parse(
            text: "{\"input\": \(n), \"layers\": [\(layers.joined(separator: ", "))]}", file: "regions.json",
            format: .json)
    }

    @Test func passedDeadlineGivesUnknownWithCounts() throws {
        // relu breaks additivity; with the time already up neither the witness search nor the
        // region enumeration may conclude.
        let network = try spec(
            """
            input: 2
            layers:
              - dense: {weights: [[1, -1], [1, 1]]}
                activation: relu
              - dense: {weights: [[1, 1]]}
            """)
        var options = AnalysisOptions()
        options.deadline = Deadline(seconds: 0)
        let analysis = Analyzer.analyze(network, options: options)
        #expect(analysis.verdict == .unknown)
        // The witness search stopped first; the enumeration reports what it reached.
        guard
            case .undecided(.resourceLimit(.timedOut(let seconds, .regionEnumeration(let regions)))) = analysis.outcome
        else {
            Issue.record("expected the deadline to stop the enumeration: \(analysis.outcome)")
            return
        }
        #expect(seconds == 0)
        #expect(!regions.complete)
        #expect(regions.regionsExamined == 0)
        #expect(analysis.regions?.complete == false)
    }

    @Test func deadlineStopsTheRegionEnumeration() throws {
        var options = RegionEnumerationOptions(maxRegions: 1_000_000)
        options.deadline = Deadline(seconds: 0.3)
        let summary = RegionEnumerator.enumerate(try Self.manyRegions(), options: options) { _ in true }!
        #expect(summary.timedOut)
        #expect(!summary.complete)
        #expect(!summary.hitLimit)
        #expect(summary.progress.linearPrograms > 0)
    }
}
