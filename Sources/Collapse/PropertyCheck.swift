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
    /// `options` must be those of the analysis (its precision policy re-checks the witnesses).
    public static func run(_ network: Network, analysis: Analysis, trials: Int, seed: UInt64,
                           options: AnalysisOptions = .defaults) -> PropertyCheckSummary {
        if network.domain != nil { return DomainPropertyCheck.run(network, analysis: analysis, trials: trials, seed: seed) }
        var summary = PropertyCheckSummary(passed: 0, failures: [], skipped: [])
        guard network.isNumeric else {
            summary.skipped.append("the network has symbolic weights; random points need numbers for every symbol")
            recheckWitnesses(network, analysis, &summary, options: options)
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
        recheckWitnesses(network, analysis, &summary, options: options)
        return summary
    }

    static func record(_ summary: inout PropertyCheckSummary, _ ok: Bool, _ failure: @autoclosure () -> String) {
        if ok { summary.passed += 1 } else { summary.failures.append(failure()) }
    }

    /// Re-evaluates each reported witness independently of the search that found it, with
    /// the search's precision policy (`AnalysisOptions.precisionLadder`).
    static func recheckWitnesses(_ network: Network, _ analysis: Analysis, _ summary: inout PropertyCheckSummary,
                                 options: AnalysisOptions = .defaults) {
        for check in [analysis.additivity, analysis.homogeneity, analysis.affinity] {
            guard let w = check.witness else { continue }
            guard let result = WitnessRecheck.recheck(network, identity: check.identity, witness: w, options: options) else {
                summary.skipped.append("the \(check.identity.rawValue) witness has symbolic values")
                continue
            }
            record(&summary, result.confirmed, "the \(check.identity.rawValue) witness does not re-check: \(result.disagreement(identity: check.identity))")
        }
    }
}

/// Independent re-evaluation of a witness's two sides through the network.
public enum WitnessRecheck {
    /// What re-evaluating a witness found.
    public struct Result: Sendable {
        /// The precisions tried, in order (the last one is where it stopped).
        public let precisions: [Int]
        /// The two sides at the last precision tried.
        public let lhs: [ExactValue]
        /// The right side at the last precision tried.
        public let rhs: [ExactValue]
        /// The sides as the report gave them.
        public let reportedLHS: [ExactValue]
        /// The right side as the report gave it.
        public let reportedRHS: [ExactValue]

        /// Whether the re-evaluated sides provably differ (the witness holds).
        public var confirmed: Bool { lhs.provablyDiffers(from: rhs) }
        /// Whether the re-evaluated left side provably differs from the reported one.
        public var lhsMoved: Bool { lhs.provablyDiffers(from: reportedLHS) }
        /// Whether the re-evaluated right side provably differs from the reported one.
        public var rhsMoved: Bool { rhs.provablyDiffers(from: reportedRHS) }

        /// Which side moved, or why the re-check cannot separate the sides.
        public func disagreement(identity: Identity) -> String {
            let names = WitnessRecheck.sideNames(identity)
            let bits = precisions.map(String.init).joined(separator: " and ")
            func values(_ v: [ExactValue]) -> String { "(" + v.map(\.description).joined(separator: ", ") + ")" }
            switch (lhsMoved, rhsMoved) {
            case (true, true):
                return "both sides moved: re-evaluated at \(bits) bits, \(names.lhs) = \(values(lhs)) (reported \(values(reportedLHS))) and \(names.rhs) = \(values(rhs)) (reported \(values(reportedRHS)))"
            case (true, false):
                return "the left side \(names.lhs) moved: reported \(values(reportedLHS)), re-evaluated at \(bits) bits \(values(lhs)); the right side \(names.rhs) agrees with the report"
            case (false, true):
                return "the right side \(names.rhs) moved: reported \(values(reportedRHS)), re-evaluated at \(bits) bits \(values(rhs)); the left side \(names.lhs) agrees with the report"
            case (false, false):
                if zip(lhs, rhs).allSatisfy({ $0.provablyEquals($1) }) {
                    return "both sides re-evaluate to the same exact value \(values(lhs)) at \(bits) bits"
                }
                return "neither side moved, but at \(bits) bits their enclosures overlap: \(names.lhs) = \(values(lhs)), \(names.rhs) = \(values(rhs))"
            }
        }
    }

    /// The two sides as the contract writes them.
    public static func sideNames(_ identity: Identity) -> (lhs: String, rhs: String) {
        switch identity {
        case .additivity: return ("F(x+y)", "F(x) + F(y)")
        case .homogeneity: return ("F(c·x)", "c·F(x)")
        case .affinity: return ("F(x+y) + F(0)", "F(x) + F(y)")
        }
    }

    /// Re-evaluates the witness's two sides from scratch, climbing the precision ladder of
    /// `options` (the witness search's) until they provably differ or the ladder ends; nil
    /// for symbolic networks or when evaluation fails.
    public static func recheck(_ network: Network, identity: Identity, witness w: Witness,
                               options: AnalysisOptions = .defaults) -> Result? {
        var tried = [Int]()
        var last: (lhs: [ExactValue], rhs: [ExactValue])? = nil
        for bits in options.precisionLadder {
            guard let sides = sides(network, identity: identity, witness: w, precision: bits) else { return nil }
            tried.append(bits)
            last = sides
            if sides.lhs.provablyDiffers(from: sides.rhs) { break }
            if zip(sides.lhs, sides.rhs).allSatisfy({ $0.provablyEquals($1) }) { break }
        }
        guard let last else { return nil }
        return Result(precisions: tried, lhs: last.lhs, rhs: last.rhs, reportedLHS: w.lhs, reportedRHS: w.rhs)
    }

    /// The two sides of `identity` at the witness's points, evaluated again from scratch at
    /// `precision` bits; nil for symbolic networks.
    public static func sides(_ network: Network, identity: Identity, witness w: Witness,
                             precision: Int = AnalysisOptions.defaults.precision) -> (lhs: [ExactValue], rhs: [ExactValue])? {
        sides(network, identity: identity, x: w.x, y: w.y, c: w.c, precision: precision)
    }

    /// The two sides of `identity` at x and y (additivity, affinity) or x and c
    /// (homogeneity), evaluated from scratch at `precision` bits; nil for symbolic networks.
    public static func sides(_ network: Network, identity: Identity, x: [Rational], y: [Rational]?, c: Rational?,
                             precision: Int) -> (lhs: [ExactValue], rhs: [ExactValue])? {
        guard network.isNumeric else { return nil }
        let eval: ([Rational]) -> [ExactValue]? = { try? Evaluator.evaluate(network, at: $0, precision: precision) }
        if identity == .affinity, network.domain != nil {
            // On a domain: midpoint affinity, F((x+y)/2) against (F(x) + F(y))/2.
            let half = Rational(1, 2)
            guard let y, let fm = eval(zip(x, y).map { half * ($0 + $1) }), let fx = eval(x), let fy = eval(y) else { return nil }
            return (fm, scaleVector(addVectors(fx, fy), by: half))
        }
        return identity.sides(x: x, y: y, c: c, in: .exact, eval)
    }
}

extension Array where Element == ExactValue {
    /// Whether every coordinate is provably equal (exact and equal).
    public func provablyEqualsAll(_ other: [ExactValue]) -> Bool {
        count == other.count && zip(self, other).allSatisfy { $0.provablyEquals($1) }
    }
}
