public import ExactNumbers
import Algebra
public import NetworkModel

/// The outcome of property-testing a verdict at random rational points.
public struct PropertyCheckSummary: Sendable {
    /// Checks that agreed.
    public var passed: Int
    /// Checks that disagreed, each described in a sentence with the point.
    public var failures: [String]
    /// Checks that could not run (e.g. enclosures too wide to compare), with the reason.
    public var skipped: [String]
    /// What the random probes of a `not-affine` or `unknown` verdict found (not pass/fail).
    public var notes: [String]

    /// Whether nothing disagreed.
    public var allPassed: Bool { failures.isEmpty }

    /// The outcome: `failed` when a check disagreed, `unknown` for an undecided verdict
    /// (probed, not checked), `incomplete` when some check could not run, else `passed`.
    public func outcome(verdict: Verdict) -> Outcome {
        if !failures.isEmpty { return .failed }
        if verdict == .unknown { return .unknown }
        if !skipped.isEmpty || passed == 0 { return .incomplete }
        return .passed
    }

    /// How a check ended; the command's exit status is `exitCode`.
    public enum Outcome: String, Sendable {
        /// Every check ran and agreed (exit 0).
        case passed
        /// Some check disagreed with the verdict (exit 1).
        case failed
        /// Some checks could not run, so the verdict is not fully checked (exit 3).
        case incomplete
        /// The verdict is `unknown`: there was no claim to check, only probes (exit 3).
        case unknown

        /// 0, 1 or 3.
        public var exitCode: Int32 {
            switch self {
            case .passed: return 0
            case .failed: return 1
            case .incomplete, .unknown: return 3
            }
        }
    }

    /// Creates a summary.
    public init(passed: Int, failures: [String], skipped: [String], notes: [String] = []) {
        self.passed = passed
        self.failures = failures
        self.skipped = skipped
        self.notes = notes
    }
}

/// Property-tests an analysis against independent exact evaluation: the collapsed map W'x + b'
/// against layer-by-layer evaluation, the identities the verdict claims at random x, y, c,
/// and every reported witness re-evaluated.
///
/// Every trial draws fresh random rational points; a network with symbols also draws random
/// rational values for its symbols, substitutes them, and checks the verdict (which holds for
/// all values) on that numeric network, with W', b' and the witness's sides evaluated at the
/// same values. For `not-affine` each trial probes affinity at a random pair (a pair that also
/// breaks it is an independent confirmation, recorded in `notes`); for `unknown` the trials
/// are probes only, and a pair that breaks affinity is reported as such.
public enum PropertyCheck {
    /// Runs `trials` random trials (seeded, reproducible).
    /// `options` must be those of the analysis (its precision policy re-checks the witnesses).
    public static func run(
        _ network: Network, analysis: Analysis, trials: Int, seed: UInt64,
        options: AnalysisOptions = .defaults
    ) -> PropertyCheckSummary {
        if network.domain != nil {
            return DomainPropertyCheck.run(network, analysis: analysis, trials: trials, seed: seed)
        }
        var summary = PropertyCheckSummary(passed: 0, failures: [], skipped: [])
        var rng = SplitMix64(seed: seed)
        let n = network.inputDimension
        // Exact constants (σ(1), √2) are numbers, not symbols to draw values for.
        let symbols = network.symbols.filter { ConstantAtom.of($0) == nil }
        func point() -> [Rational] {
            (0..<n).map { _ in Rational.random(numerators: -9...9, denominators: 1...7, using: &rng) }
        }
        var undecidable = 0, confirmations = 0
        var probeWitness: String?
        var witnessValues: [Symbol: Rational]? = nil
        for _ in 0..<trials {
            var values: [Symbol: Rational] = [:]
            for symbol in symbols {
                values[symbol] = Rational.random(numerators: -9...9, denominators: 1...5, using: &rng)
            }
            if witnessValues == nil { witnessValues = values }
            let numeric = network.substituting(values)
            let at =
                symbols.isEmpty
                ? "" : " (symbols " + symbols.map { "\($0.name) = \(values[$0]!)" }.joined(separator: ", ") + ")"
            let x = point(), y = point()
            let c = Rational.random(numerators: -5...5, denominators: 1...3, using: &rng)
            guard numeric.isNumeric || numeric.hasOnlyConstantSymbols,
                let fx = try? Evaluator.evaluate(numeric, at: x),
                let fy = try? Evaluator.evaluate(numeric, at: y),
                let fxy = try? Evaluator.evaluate(numeric, at: zip(x, y).map { $0 + $1 }),
                let fcx = try? Evaluator.evaluate(numeric, at: x.map { c * $0 }),
                let f0 = try? Evaluator.evaluate(numeric, at: Array(repeating: .zero, count: n))
            else {
                summary.failures.append("evaluation failed at x = \(x)\(at)")
                continue
            }
            if analysis.verdict.collapses, let collapsed = analysis.collapsed {
                let map = collapsed.symbolicMap
                let image: [ExactValue]
                if collapsed.hasConstantEntries {
                    // W' and b' hold exact constants: W'x + b' enclosed (MPFR), compared by overlap.
                    let bound = AffineMap(
                        weights: map.weights.map { $0.partiallyEvaluated(at: values) },
                        bias: map.bias.map { $0.partiallyEvaluated(at: values) })
                    image =
                        Evaluator.applyConstantDense(bound, to: x.map { .exact($0) }, precision: options.checkPrecision)
                        ?? []
                } else {
                    let weights = map.weights.map { $0.evaluated(at: values) }
                    let bias = map.bias.map { $0.evaluated(at: values) }
                    image = AffineMap(weights: weights, bias: bias).apply(x).map { ExactValue.exact($0) }
                }
                compare(
                    &summary, &undecidable, image, fx,
                    "collapsed map W'x + b' = \(image) but layer-by-layer F(x) = \(fx) at x = \(x)\(at)")
            }
            let sumSides = addVectors(fxy, f0), splitSides = addVectors(fx, fy)
            switch analysis.verdict {
            case .linear:
                compare(
                    &summary, &undecidable, fxy, splitSides,
                    "verdict linear but F(x+y) ≠ F(x) + F(y) at x = \(x), y = \(y)\(at)")
                compare(
                    &summary, &undecidable, fcx, scaleVector(fx, by: c),
                    "verdict linear but F(c·x) ≠ c·F(x) at x = \(x), c = \(c)\(at)")
            case .affine:
                compare(
                    &summary, &undecidable, sumSides, splitSides,
                    "verdict affine but F(x+y) + F(0) ≠ F(x) + F(y) at x = \(x), y = \(y)\(at)")
            case .notAffine, .unknown:
                if sumSides.provablyDiffers(from: splitSides) {
                    confirmations += 1
                    if probeWitness == nil { probeWitness = "x = \(x), y = \(y)\(at)" }
                }
            }
        }
        if undecidable > 0 {
            summary.skipped.append(
                "\(undecidable) comparison\(undecidable == 1 ? "" : "s") could not be decided: the enclosures of the two sides overlap"
            )
        }
        switch analysis.verdict {
        case .notAffine:
            summary.notes.append(
                "\(confirmations) of \(trials) random pairs also break affinity, F(x+y) + F(0) ≠ F(x) + F(y) (independent confirmations; pairs on one linear piece cannot)"
            )
        case .unknown:
            if let probeWitness {
                summary.notes.append(
                    "probe: \(confirmations) of \(trials) random pairs break affinity, first at \(probeWitness): the network is not affine there, although the analysis left the verdict unknown"
                )
            } else {
                summary.notes.append(
                    "probe: none of \(trials) random pairs breaks affinity; this is evidence, not a proof, so the verdict stays unknown"
                )
            }
        case .linear, .affine:
            break
        }
        recheckWitnesses(network, analysis, values: witnessValues ?? [:], &summary, options: options)
        return summary
    }

    /// Records a comparison that must hold: passed when provably equal, a failure when
    /// provably different, undecided (counted) otherwise.
    static func compare(
        _ summary: inout PropertyCheckSummary, _ undecidable: inout Int, _ a: [ExactValue], _ b: [ExactValue],
        _ failure: @autoclosure () -> String
    ) {
        if a.provablyEqualsAll(b) {
            summary.passed += 1
        } else if a.provablyDiffers(from: b) {
            summary.failures.append(failure())
        } else {
            undecidable += 1
        }
    }

    static func record(_ summary: inout PropertyCheckSummary, _ ok: Bool, _ failure: @autoclosure () -> String) {
        if ok { summary.passed += 1 } else { summary.failures.append(failure()) }
    }

    /// Re-evaluates each reported witness independently of the search that found it, with
    /// the search's precision policy (`AnalysisOptions.precisionLadder`). For a network with
    /// symbols, at the symbol values `values`: the witness's sides (polynomials in the
    /// symbols) evaluated there must equal the sides recomputed through the network with those
    /// values substituted.
    static func recheckWitnesses(
        _ network: Network, _ analysis: Analysis, values: [Symbol: Rational] = [:],
        _ summary: inout PropertyCheckSummary,
        options: AnalysisOptions = .defaults
    ) {
        let numeric = network.substituting(values)
        for check in [analysis.additivity, analysis.homogeneity, analysis.affinity] {
            guard let w = check.witness else { continue }
            if network.isNumeric || network.hasOnlyConstantSymbols {
                guard
                    let result = WitnessRecheck.recheck(network, identity: check.identity, witness: w, options: options)
                else {
                    summary.skipped.append("the \(check.identity.rawValue) witness could not be re-evaluated")
                    continue
                }
                record(
                    &summary, result.confirmed,
                    "the \(check.identity.rawValue) witness does not re-check: \(result.disagreement(identity: check.identity))"
                )
                continue
            }
            guard let sides = WitnessRecheck.sides(numeric, identity: check.identity, witness: w) else {
                summary.skipped.append(
                    "the \(check.identity.rawValue) witness could not be re-evaluated at values of the symbols")
                continue
            }
            let at = " at " + values.keys.sorted().map { "\($0.name) = \(values[$0]!)" }.joined(separator: ", ")
            let claimedLHS = w.lhs.map { $0.evaluated(at: values) }, claimedRHS = w.rhs.map { $0.evaluated(at: values) }
            record(
                &summary, claimedLHS.provablyEqualsAll(sides.lhs) && claimedRHS.provablyEqualsAll(sides.rhs),
                "the \(check.identity.rawValue) witness's sides \(w.lhs), \(w.rhs) do not match the network\(at)")
        }
    }
}

extension ExactValue {
    /// The value with `values` substituted for the symbols of a `.symbolic` value (an exact
    /// rational when every symbol gets a value); other values unchanged.
    func evaluated(at values: [Symbol: Rational]) -> ExactValue {
        guard case .symbolic(let p) = self else { return self }
        let q = p.partiallyEvaluated(at: values)
        return q.constantValue.map { .exact($0) } ?? .symbolic(q)
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
                return
                    "both sides moved: re-evaluated at \(bits) bits, \(names.lhs) = \(values(lhs)) (reported \(values(reportedLHS))) and \(names.rhs) = \(values(rhs)) (reported \(values(reportedRHS)))"
            case (true, false):
                return
                    "the left side \(names.lhs) moved: reported \(values(reportedLHS)), re-evaluated at \(bits) bits \(values(lhs)); the right side \(names.rhs) agrees with the report"
            case (false, true):
                return
                    "the right side \(names.rhs) moved: reported \(values(reportedRHS)), re-evaluated at \(bits) bits \(values(rhs)); the left side \(names.lhs) agrees with the report"
            case (false, false):
                if zip(lhs, rhs).allSatisfy({ $0.provablyEquals($1) }) {
                    return "both sides re-evaluate to the same exact value \(values(lhs)) at \(bits) bits"
                }
                return
                    "neither side moved, but at \(bits) bits their enclosures overlap: \(names.lhs) = \(values(lhs)), \(names.rhs) = \(values(rhs))"
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
    public static func recheck(
        _ network: Network, identity: Identity, witness w: Witness,
        options: AnalysisOptions = .defaults
    ) -> Result? {
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
    public static func sides(
        _ network: Network, identity: Identity, witness w: Witness,
        precision: Int = AnalysisOptions.defaults.precision
    ) -> (lhs: [ExactValue], rhs: [ExactValue])? {
        sides(network, identity: identity, x: w.x, y: w.y, c: w.c, precision: precision)
    }

    /// The two sides of `identity` at x and y (additivity, affinity) or x and c
    /// (homogeneity), evaluated from scratch at `precision` bits; nil for symbolic networks.
    public static func sides(
        _ network: Network, identity: Identity, x: [Rational], y: [Rational]?, c: Rational?,
        precision: Int
    ) -> (lhs: [ExactValue], rhs: [ExactValue])? {
        guard network.isNumeric || network.hasOnlyConstantSymbols else { return nil }
        let eval: ([Rational]) -> [ExactValue]? = { try? Evaluator.evaluate(network, at: $0, precision: precision) }
        if identity == .affinity, network.domain != nil {
            // On a domain: midpoint affinity, F((x+y)/2) against (F(x) + F(y))/2.
            let half = Rational(1, 2)
            guard let y, let fm = eval(zip(x, y).map { half * ($0 + $1) }), let fx = eval(x), let fy = eval(y) else {
                return nil
            }
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
