import ExactNumbers
import Algebra
import NetworkModel

/// Builds an exact affinity witness F(x+y) + F(0) ≠ F(x) + F(y) from two regions whose
/// affine maps differ.
///
/// 1. A line ℓ(s) = p₀ + s·(p₁ − p₀) with p₀, p₁ in the two regions along which F is not
///    affine: near s = 0 and s = 1 the restriction g(s) = F(ℓ(s)) follows the two maps, which
///    differ as functions of s unless their difference Δ vanishes at both points; then one
///    point moves inside its region along a direction where Δ changes.
/// 2. The breakpoints of g, exactly, by enumerating the regions of the one-input network
///    s ↦ F(ℓ(s)). At some breakpoint τ, g is not affine on the five points τ − δ, τ − δ/2, τ,
///    τ + δ/2, τ + δ (δ below the gaps to the neighbouring breakpoints): a second difference
///    g(c − h) + g(c + h) − 2·g(c) ≠ 0 there.
/// 3. A parallelogram a, a+u, a+v, a+u+v with F(a+u+v) + F(a) ≠ F(a+u) + F(a+v) gives a
///    witness at (x, y) = (a+u, v) or (a, v), since
///    F(a+u+v) + F(a) − F(a+u) − F(a+v) = D(a+u, v) − D(a, v) with D(x, y) = F(x+y) + F(0) − F(x) − F(y).
///
/// Every witness returned was evaluated exactly with `Evaluator`.
enum WitnessConstruction {
    static func affinityWitness(_ network: Network, a: LinearRegion, b: LinearRegion) -> Witness? {
        for (p0, p1) in lines(a, b) {
            if let w = alongLine(network, from: p0, to: p1) { return w }
        }
        return nil
    }

    /// Tries lines between full-dimensional kept regions with different maps.
    static func fromKept(_ network: Network, _ regions: [LinearRegion]) -> Witness? {
        let full = regions.filter(\.isFullDimensional)
        for (i, a) in full.enumerated() {
            for b in full[(i + 1)...].prefix(8) where a.map != b.map {
                if let w = affinityWitness(network, a: a, b: b) { return w }
            }
        }
        return nil
    }

    /// Candidate lines: the two points, then one of them moved inside its region.
    static func lines(_ a: LinearRegion, _ b: LinearRegion) -> [([Rational], [Rational])] {
        var result = [(a.point, b.point)]
        let gap = { (p: [Rational]) in zip(a.map.apply(p), b.map.apply(p)).contains { $0 != $1 } }
        if gap(a.point) || gap(b.point) { return result }
        for (moving, other) in [(b, a), (a, b)] {
            for v in directions(in: moving) {
                guard a.map.weights.applied(to: v) != b.map.weights.applied(to: v) else { continue }
                let e = step(in: moving, along: v)
                result.append((zip(moving.point, v).map { $0 + e * $1 }, other.point))
            }
        }
        return result
    }

    /// Directions within the region's affine hull.
    static func directions(in r: LinearRegion) -> [[Rational]] {
        let equalities = r.constraints.filter { $0.relation == .equal }.map(\.coefficients)
        if equalities.isEmpty { return Matrix<Rational>.identity(r.point.count).rowArrays }
        return Matrix<Rational>(rows: equalities).nullSpaceBasis()
    }

    /// A step ε in (0, 1] with point + ε·v still inside the region (half the distance to the
    /// nearest boundary along v).
    static func step(in r: LinearRegion, along v: [Rational]) -> Rational {
        var e = Rational.one
        for c in r.constraints where c.relation != .equal {
            let rate = dot(c.coefficients, v)
            guard rate.signum > 0 else { continue }
            e = Rational.min(e, (c.bound - c.value(at: r.point)) / (rate * Rational(2)))
        }
        return e
    }

    /// A witness from the breakpoints of F along the line through p0 and p1, or nil when F
    /// is affine on the line.
    static func alongLine(_ network: Network, from p0: [Rational], to p1: [Rational]) -> Witness? {
        let d = zip(p1, p0).map { $0 - $1 }
        guard d.contains(where: { !$0.isZero }) else { return nil }
        let taus = breakpoints(network, from: p0, direction: d)
        let at = { (s: Rational) in zip(p0, d).map { $0 + s * $1 } }
        for (k, tau) in taus.enumerated() {
            var delta = Rational.one
            if k > 0 { delta = Rational.min(delta, (tau - taus[k - 1]) / Rational(2)) }
            if k + 1 < taus.count { delta = Rational.min(delta, (taus[k + 1] - tau) / Rational(2)) }
            let h = delta / Rational(2)
            let s = (-2...2).map { tau + Rational($0) * h }
            guard let values = try? s.map({ try Evaluator.evaluate(network, at: at($0)) }) else { continue }
            for c in 1...3 {
                let outer = addVectors(values[c - 1], values[c + 1])
                let inner = addVectors(values[c], values[c])
                guard outer.provablyDiffers(from: inner) else { continue }
                // Parallelogram a = ℓ(s[c-1]), u = v = h·d.
                let a = at(s[c - 1]), u = d.map { h * $0 }
                let aPlusU = zip(a, u).map { $0 + $1 }
                if let w = check(network, x: aPlusU, y: u) ?? check(network, x: a, y: u) { return w }
            }
        }
        return nil
    }

    /// The parameters s, in increasing order, where some unit of F(p0 + s·d) sits on a
    /// breakpoint (exactly, by enumerating the regions of the one-input network s ↦ F(p0 + s·d)).
    /// With `segment`, only s in [0, 1] is examined, and `stablePieces` (units known stable on
    /// the segment, per layer of `network`) are not split.
    static func breakpoints(
        _ network: Network, from p0: [Rational], direction d: [Rational],
        segment: Bool = false, stablePieces: [[Int?]] = []
    ) -> [Rational] {
        let line = AffineMap(weights: Matrix(rows: d.count, columns: 1, entries: d), bias: p0)
        let restricted = Network(
            name: nil, inputNames: ["s"], layers: [Layer(dense: .numeric(line), activation: .identity)] + network.layers
        )
        var breakpoints = Set<Rational>()
        var options = RegionEnumerationOptions(
            maxRegions: AnalysisOptions.defaults.breakpointRegionLimit, allBreakpointCells: true)
        if segment {
            options.domain = [
                LinearConstraint([Rational(-1)], .lessOrEqual, .zero),
                LinearConstraint([Rational.one], .lessOrEqual, .one),
            ]
            options.stablePieces = stablePieces.isEmpty ? [] : [[]] + stablePieces
        }
        RegionEnumerator.enumerate(restricted, options: options) { region in
            if region.dimension == 0 { breakpoints.insert(region.point[0]) }
            return true
        }
        return breakpoints.sorted()
    }

    /// The affinity witness at (x, y) when F(x+y) + F(0) provably differs from F(x) + F(y).
    static func check(_ network: Network, x: [Rational], y: [Rational]) -> Witness? {
        guard
            let (lhs, rhs) = Identity.affinity.sides(
                x: x, y: y, c: nil, in: .exact, { try? Evaluator.evaluate(network, at: $0) })
        else {
            return nil
        }
        return lhs.provablyDiffers(from: rhs) ? Witness(x: x, y: y, c: nil, lhs: lhs, rhs: rhs) : nil
    }
}
