import ExactNumbers
import Algebra
import NetworkModel

/// `PropertyCheck` on an input domain D: random points are drawn inside D (seeded), and the
/// verdict's claims are tested only where they are made — the collapsed map against
/// layer-by-layer evaluation at x ∈ D, midpoint affinity at x, y ∈ D, additivity where
/// x + y ∈ D and homogeneity where c·x ∈ D (verdict linear); every witness is re-evaluated
/// and must lie in D.
enum DomainPropertyCheck {
    static func run(_ network: Network, analysis: Analysis, trials: Int, seed: UInt64) -> PropertyCheckSummary {
        var summary = PropertyCheckSummary(passed: 0, failures: [], skipped: [])
        guard let domain = network.domain, let geometry = DomainGeometry(domain, inputDimension: network.inputDimension)
        else {
            summary.skipped.append("the input domain is empty")
            return summary
        }
        for check in [analysis.additivity, analysis.homogeneity, analysis.affinity] {
            guard let w = check.witness else { continue }
            var points = [w.x]
            if let y = w.y { points.append(y) }
            if check.identity == .additivity, let y = w.y { points.append(zip(w.x, y).map { $0 + $1 }) }
            if let c = w.c { points.append(w.x.map { c * $0 }) }
            PropertyCheck.record(
                &summary, points.allSatisfy(geometry.contains),
                "the \(check.identity.rawValue) witness has a point outside the domain")
        }
        guard network.isNumeric else {
            summary.skipped.append("the network has symbolic weights; random points need numbers for every symbol")
            PropertyCheck.recheckWitnesses(network, analysis, &summary)
            return summary
        }
        var rng = SplitMix64(seed: seed)
        let points = geometry.samples(trials + 1, rng: &rng)
        let eval = { (x: [Rational]) in try? Evaluator.evaluate(network, at: x) }
        let half = Rational(1, 2)
        for k in 0..<min(trials, points.count - 1) {
            let x = points[k + 1], y = points[k]
            guard let fx = eval(x), let fy = eval(y), let fm = eval(zip(x, y).map { half * ($0 + $1) }) else {
                summary.failures.append("evaluation failed at x = \(x)")
                continue
            }
            if case .numeric(let map)? = analysis.collapsed {
                let collapsed = map.apply(x).map { ExactValue.exact($0) }
                PropertyCheck.record(
                    &summary, collapsed.provablyEqualsAll(fx),
                    "collapsed map W'x + b' = \(collapsed) but layer-by-layer F(x) = \(fx) at x = \(x) in the domain")
            }
            guard analysis.verdict.collapses else { continue }
            PropertyCheck.record(
                &summary, fm.provablyEqualsAll(scaleVector(addVectors(fx, fy), by: half)),
                "verdict \(analysis.verdict.rawValue) on the domain but F((x+y)/2) ≠ (F(x) + F(y))/2 at x = \(x), y = \(y)"
            )
            guard analysis.verdict == .linear else { continue }
            let sum = zip(x, y).map { $0 + $1 }
            if geometry.contains(sum), let fs = eval(sum) {
                PropertyCheck.record(
                    &summary, fs.provablyEqualsAll(addVectors(fx, fy)),
                    "verdict linear on the domain but F(x+y) ≠ F(x) + F(y) at x = \(x), y = \(y)")
            }
            for c in [Rational(2), Rational(1, 2), Rational(-1)] where geometry.contains(x.map { c * $0 }) {
                if let fcx = eval(x.map { c * $0 }) {
                    PropertyCheck.record(
                        &summary, fcx.provablyEqualsAll(scaleVector(fx, by: c)),
                        "verdict linear on the domain but F(c·x) ≠ c·F(x) at x = \(x), c = \(c)")
                }
            }
        }
        PropertyCheck.recheckWitnesses(network, analysis, &summary)
        return summary
    }
}

extension LinearRegion {
    /// The region intersected with the domain D (D's conditions added, those implied by the
    /// others dropped); the point must lie in D.
    public func restricted(to geometry: DomainGeometry) -> LinearRegion {
        let all = constraints + geometry.constraints.map { $0.normalized() }
        var unique = [LinearConstraint]()
        for c in all where !unique.contains(c) { unique.append(c) }
        let equalities = unique.filter { $0.relation == .equal }.map(\.coefficients)
        let rank = equalities.isEmpty ? 0 : Matrix<Rational>(rows: equalities).rank()
        return LinearRegion(
            pattern: pattern, constraints: LinearFeasibility.irredundant(unique, point: point), point: point, map: map,
            dimension: point.count - rank)
    }
}
