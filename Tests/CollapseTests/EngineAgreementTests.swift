import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

/// The two deciders of the engine for numeric piecewise-linear networks must never disagree:
/// the complete region decision and the witness search, run on the same random networks.
/// Half of the networks cancel their kinks by construction (c·(relu(g·x + β) − relu(−g·x − β))
/// = c·(g·x + β)), so both verdicts occur.
@Suite struct EngineAgreement {
    static let activations: [Activation] = [
        .relu, .abs, .leakyRelu(alpha: Polynomial(Rational(1, 5))), .hardtanh, .step, .sign,
    ]

    /// A random two-layer network; when `cancelling`, the hidden relu or leaky-relu units come
    /// in mirrored pairs (g, β), (−g, −β) weighted c and −c, so F is affine
    /// (relu(t) − relu(−t) = t; leaky relu: (1 + α)·t).
    static func network(seed: Int, cancelling: Bool) -> Network {
        var rng = SplitMix64(seed: UInt64(1000 + seed))
        let activation =
            cancelling
            ? [Activation.relu, .leakyRelu(alpha: Polynomial(Rational(1, 5)))][seed % 2]
            : activations[seed % activations.count]
        let inputs = 1 + seed % 2
        let outputs = 1 + (seed / 2) % 2
        let pairs = 1 + (seed / 4) % 2
        func r() -> Rational { Rational.random(numerators: -4...4, denominators: 1...3, using: &rng) }
        var rows = [[Rational]](), bias = [Rational]()
        for _ in 0..<(cancelling ? pairs : 2 * pairs) {
            let g = (0..<inputs).map { _ in r() }, b = r()
            rows.append(g); bias.append(b)
            if cancelling { rows.append(g.map { -$0 }); bias.append(-b) }
        }
        var out = [[Rational]]()
        for _ in 0..<outputs {
            var row = [Rational]()
            for _ in 0..<pairs {
                let c = r()
                if cancelling { row += [c, -c] } else { row += [c, r()] }
            }
            out.append(row)
        }
        return Network(
            name: nil, inputNames: (1...inputs).map { "x\($0)" },
            layers: [
                Layer(dense: .numeric(AffineMap(weights: Matrix(rows: rows), bias: bias)), activation: activation),
                Layer(dense: .numeric(AffineMap(weights: Matrix(rows: out), bias: (0..<outputs).map { _ in r() }))),
            ])
    }

    @Test func regionDecisionAndWitnessSearchAgree() throws {
        var refutedByBoth = 0, collapsedByRegions = 0
        for seed in 0..<40 {
            let n = Self.network(seed: seed, cancelling: seed % 2 == 0)
            let decided = try #require(RegionDecision.analysis(n), "seed \(seed): the region decision does not apply")
            #expect(decided.checkInvariants() == [], "seed \(seed)")
            let context = DecisionContext(network: n, options: AnalysisOptions())
            let searched = WitnessSearchStrategy().decide(context)
            if case .refuted(let affinity, _, _, _)? = searched {
                // A witness is a proof: the complete decision must refute too.
                #expect(
                    decided.verdict == .notAffine,
                    "seed \(seed): the witness search refuted, the regions say \(decided.verdict)")
                #expect(
                    witnessRechecks(
                        n, IdentityCheck(identity: .affinity, holds: false, witness: affinity, residual: nil)),
                    "seed \(seed)")
                if decided.verdict == .notAffine { refutedByBoth += 1 }
            }
            if decided.verdict.collapses {
                if case .refuted? = searched {
                    Issue.record("seed \(seed): the regions collapse, yet the search found a witness")
                }
                collapsedByRegions += 1
                // The collapsed map is F: compare at a few points.
                guard case .numeric(let map)? = decided.collapsed else { continue }
                for k in -2...2 {
                    let x = (0..<n.inputDimension).map { Rational(k * ($0 + 1), 3) }
                    #expect(map.apply(x) == (try exactly(n, x)), "seed \(seed) at \(x)")
                }
            }
        }
        // Not vacuous: both kinds of network occurred.
        #expect(
            refutedByBoth >= 10 && collapsedByRegions >= 10,
            "refuted by both \(refutedByBoth), collapsed \(collapsedByRegions)")
    }
}
