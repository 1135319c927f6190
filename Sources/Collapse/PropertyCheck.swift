import ExactNumbers
import Algebra
import NetworkModel

/// The outcome of property-testing a verdict at random rational points.
public struct PropertyCheckSummary: Sendable {
    /// Checks that agreed.
    public var passed: Int
    /// Checks that disagreed, each described in a sentence with the point.
    public var failures: [String]
    /// Checks not run (e.g. the network has symbolic weights), with the reason.
    public var skipped: [String]

    /// Whether nothing disagreed.
    public var allPassed: Bool { failures.isEmpty }

    /// Creates a summary.
    public init(passed: Int, failures: [String], skipped: [String]) {
        self.passed = passed
        self.failures = failures
        self.skipped = skipped
    }
}

/// Property-tests an analysis against independent exact evaluation: the collapsed map W'x + b'
/// against layer-by-layer evaluation, the identities the verdict claims at random x, y, c,
/// and every reported witness re-evaluated.
public enum PropertyCheck {
    /// Runs `trials` random trials (seeded, reproducible).
    public static func run(_ network: Network, analysis: Analysis, trials: Int, seed: UInt64) -> PropertyCheckSummary {
        if network.domain != nil { return DomainPropertyCheck.run(network, analysis: analysis, trials: trials, seed: seed) }
        var summary = PropertyCheckSummary(passed: 0, failures: [], skipped: [])
        guard network.isNumeric else {
            summary.skipped.append("the network has symbolic weights; random points need numbers for every symbol")
            recheckWitnesses(network, analysis, &summary)
            return summary
        }
        var rng = SplitMix64(seed: seed)
        let n = network.inputDimension
        func point() -> [Rational] { (0..<n).map { _ in Rational.random(numerators: -9...9, denominators: 1...7, using: &rng) } }
        for _ in 0..<trials {
            let x = point(), y = point()
            let c = Rational.random(numerators: -5...5, denominators: 1...3, using: &rng)
            guard let fx = try? Evaluator.evaluate(network, at: x),
                  let fy = try? Evaluator.evaluate(network, at: y),
                  let fxy = try? Evaluator.evaluate(network, at: zip(x, y).map { $0 + $1 }),
                  let fcx = try? Evaluator.evaluate(network, at: x.map { c * $0 }),
                  let f0 = try? Evaluator.evaluate(network, at: Array(repeating: .zero, count: n)) else {
                summary.failures.append("evaluation failed at x = \(x)")
                continue
            }
            if case .numeric(let map)? = analysis.collapsed {
                let collapsed = map.apply(x).map { ExactValue.exact($0) }
                record(&summary, collapsed.provablyEqualsAll(fx), "collapsed map W'x + b' = \(collapsed) but layer-by-layer F(x) = \(fx) at x = \(x)")
            }
            let additive = fxy.provablyEqualsAll(addVectors(fx, fy))
            let homogeneous = fcx.provablyEqualsAll(scaleVector(fx, by: c))
            let affine = addVectors(fxy, f0).provablyEqualsAll(addVectors(fx, fy))
            switch analysis.verdict {
            case .linear:
                record(&summary, additive, "verdict linear but F(x+y) ≠ F(x) + F(y) at x = \(x), y = \(y)")
                record(&summary, homogeneous, "verdict linear but F(c·x) ≠ c·F(x) at x = \(x), c = \(c)")
            case .affine:
                record(&summary, affine, "verdict affine but F(x+y) + F(0) ≠ F(x) + F(y) at x = \(x), y = \(y)")
            case .notAffine, .unknown:
                break
            }
        }
        recheckWitnesses(network, analysis, &summary)
        return summary
    }

    static func record(_ summary: inout PropertyCheckSummary, _ ok: Bool, _ failure: @autoclosure () -> String) {
        if ok { summary.passed += 1 } else { summary.failures.append(failure()) }
    }

    /// Re-evaluates each reported witness independently of the search that found it.
    static func recheckWitnesses(_ network: Network, _ analysis: Analysis, _ summary: inout PropertyCheckSummary) {
        for check in [analysis.additivity, analysis.homogeneity, analysis.affinity] {
            guard let w = check.witness else { continue }
            guard let sides = WitnessRecheck.sides(network, identity: check.identity, witness: w) else {
                summary.skipped.append("the \(check.identity.rawValue) witness has symbolic values")
                continue
            }
            record(&summary, sides.lhs.provablyDiffers(from: sides.rhs),
                   "the \(check.identity.rawValue) witness does not re-check: both sides agree")
        }
    }
}

/// Independent re-evaluation of a witness's two sides through the network.
public enum WitnessRecheck {
    /// The two sides of `identity` at the witness's points, evaluated again from scratch;
    /// nil for symbolic networks.
    public static func sides(_ network: Network, identity: Identity, witness w: Witness, precision: Int = 256) -> (lhs: [ExactValue], rhs: [ExactValue])? {
        guard network.isNumeric else { return nil }
        let eval: ([Rational]) -> [ExactValue]? = { try? Evaluator.evaluate(network, at: $0, precision: precision) }
        switch identity {
        case .affinity where network.domain != nil:
            // On a domain: midpoint affinity, F((x+y)/2) against (F(x) + F(y))/2.
            let half = Rational(1, 2)
            guard let y = w.y, let fm = eval(zip(w.x, y).map { half * ($0 + $1) }), let fx = eval(w.x), let fy = eval(y) else { return nil }
            return (fm, scaleVector(addVectors(fx, fy), by: half))
        case .additivity, .affinity:
            guard let y = w.y, let fxy = eval(zip(w.x, y).map { $0 + $1 }), let fx = eval(w.x), let fy = eval(y) else { return nil }
            if identity == .additivity { return (fxy, addVectors(fx, fy)) }
            guard let f0 = eval(Array(repeating: .zero, count: w.x.count)) else { return nil }
            return (addVectors(fxy, f0), addVectors(fx, fy))
        case .homogeneity:
            guard let c = w.c, let fcx = eval(w.x.map { c * $0 }), let fx = eval(w.x) else { return nil }
            return (fcx, scaleVector(fx, by: c))
        }
    }
}

extension Array where Element == ExactValue {
    /// Whether every coordinate is provably equal (exact and equal).
    public func provablyEqualsAll(_ other: [ExactValue]) -> Bool {
        count == other.count && zip(self, other).allSatisfy { $0.provablyEquals($1) }
    }
}
