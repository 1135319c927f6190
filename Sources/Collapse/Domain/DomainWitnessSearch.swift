import ExactNumbers
import Algebra
import NetworkModel

/// Exact counterexamples to the identities read on a domain D (contract §5): midpoint
/// affinity F((x+y)/2) = (F(x) + F(y))/2 with x, y in D; additivity with x, y, x+y in D;
/// homogeneity with x, c·x in D. Every candidate point is checked to lie in D, and every
/// witness returned was evaluated exactly (or by disjoint enclosures) with `Evaluator`.
struct DomainWitnessSearch {
    let network: Network
    let geometry: DomainGeometry
    let precision: Int
    var rng: SplitMix64
    /// Evaluations left.
    var budget: Int
    private var cache: [[Rational]: [ExactValue]] = [:]
    /// Per layer, per unit: pieces known stable on D (bound propagation), for segment enumerations.
    var stablePieces: [[Int?]] = []

    init(network: Network, geometry: DomainGeometry, precision: Int, seed: UInt64, budget: Int) {
        self.network = network
        self.geometry = geometry
        self.precision = precision
        rng = SplitMix64(seed: seed)
        self.budget = budget
    }

    /// F(x) at `bits` of precision, memoised at the working precision.
    mutating func value(_ x: [Rational], bits: Int) -> [ExactValue]? {
        if bits == precision, let v = cache[x] { return v }
        guard budget > 0 else { return nil }
        budget -= 1
        guard let v = try? Evaluator.evaluate(network, at: x, precision: bits) else { return nil }
        if bits == precision { cache[x] = v }
        return v
    }

    /// The two sides of an identity on D, or nil when a point leaves D or evaluation fails.
    mutating func sides(_ identity: Identity, x: [Rational], y: [Rational]?, c: Rational?, bits: Int) -> (
        lhs: [ExactValue], rhs: [ExactValue]
    )? {
        let half = Rational(1, 2)
        switch identity {
        case .affinity:
            guard let y else { return nil }
            let mid = zip(x, y).map { half * ($0 + $1) }
            guard geometry.contains(x), geometry.contains(y),
                let fm = value(mid, bits: bits), let fx = value(x, bits: bits), let fy = value(y, bits: bits)
            else { return nil }
            return (fm, scaleVector(addVectors(fx, fy), by: half))
        case .additivity:
            guard let y else { return nil }
            let sum = zip(x, y).map { $0 + $1 }
            guard geometry.contains(x), geometry.contains(y), geometry.contains(sum),
                let fs = value(sum, bits: bits), let fx = value(x, bits: bits), let fy = value(y, bits: bits)
            else { return nil }
            return (fs, addVectors(fx, fy))
        case .homogeneity:
            guard let c else { return nil }
            let cx = x.map { c * $0 }
            guard geometry.contains(x), geometry.contains(cx),
                let fcx = value(cx, bits: bits), let fx = value(x, bits: bits)
            else { return nil }
            return (fcx, scaleVector(fx, by: c))
        }
    }

    /// A witness at the given points when the two sides provably differ (retrying at four
    /// times the precision when enclosures overlap).
    mutating func check(_ identity: Identity, x: [Rational], y: [Rational]? = nil, c: Rational? = nil) -> Witness? {
        for bits in [precision, precision * 4] {
            guard let s = sides(identity, x: x, y: y, c: c, bits: bits) else { return nil }
            if s.lhs.provablyDiffers(from: s.rhs) { return Witness(x: x, y: y, c: c, lhs: s.lhs, rhs: s.rhs) }
            if zip(s.lhs, s.rhs).allSatisfy({ $0.provablyEquals($1) }) { return nil }
        }
        return nil
    }

    /// A midpoint-affinity witness from pairs of sample points of D.
    mutating func affinityWitness() -> Witness? {
        let points = geometry.samples(24, rng: &rng)
        for i in points.indices {
            for j in points.indices where j > i && (j - i <= 3 || j == points.count - 1 - i) {
                if let w = check(.affinity, x: points[i], y: points[j]) { return w }
                if budget <= 0 { return nil }
            }
        }
        return nil
    }

    /// A midpoint-affinity witness on the segment [p, q] ⊂ D of a piecewise-linear network:
    /// at each breakpoint τ of s ↦ F(p + s·(q − p)) inside (0, 1), the five points
    /// τ + k·h (k = −2...2, h below a quarter of the gaps to τ's neighbours and to the ends)
    /// contain a pair whose midpoint test fails whenever F bends or jumps at τ (otherwise the
    /// five values would be in arithmetic progression).
    mutating func affinityWitness(from p: [Rational], to q: [Rational]) -> Witness? {
        let d = zip(q, p).map { $0 - $1 }
        guard d.contains(where: { !$0.isZero }) else { return nil }
        let taus =
            [Rational.zero]
            + WitnessConstruction.breakpoints(network, from: p, direction: d, segment: true, stablePieces: stablePieces)
            .filter { $0.signum > 0 && $0 < .one } + [Rational.one]
        for k in 1..<max(taus.count - 1, 1) where taus.count > 2 {
            let tau = taus[k]
            let h = Rational.min(tau - taus[k - 1], taus[k + 1] - tau) / Rational(4)
            let s = (-2...2).map { tau + Rational($0) * h }
            let at = { (t: Rational) in zip(p, d).map { $0 + t * $1 } }
            for i in 0..<5 {
                for j in stride(from: i + 2, to: 5, by: 2) {
                    if let w = check(.affinity, x: at(s[i]), y: at(s[j])) { return w }
                }
            }
        }
        return nil
    }

    /// An additivity witness on D (x, y, x+y in D), from the given candidate pairs and sample pairs.
    mutating func additivityWitness(candidates: [([Rational], [Rational])]) -> Witness? {
        var pairs = candidates
        let points = geometry.samples(12, rng: &rng)
        for (i, x) in points.enumerated() { for y in points[i...] { pairs.append((x, y)) } }
        for (x, y) in pairs where geometry.contains(zip(x, y).map { $0 + $1 }) {
            if let w = check(.additivity, x: x, y: y) { return w }
            if budget <= 0 { break }
        }
        return nil
    }

    /// A homogeneity witness on D (x, c·x in D), from the given candidates and sample points
    /// with c in {0, 2, 1/2, −1, 3/2, 2/3}.
    mutating func homogeneityWitness(candidates: [([Rational], Rational)]) -> Witness? {
        var pairs = candidates
        let scalars = [Rational.zero, Rational(2), Rational(1, 2), Rational(-1), Rational(3, 2), Rational(2, 3)]
        for x in geometry.samples(12, rng: &rng) { for c in scalars { pairs.append((x, c)) } }
        for (x, c) in pairs where geometry.contains(x.map { c * $0 }) {
            if let w = check(.homogeneity, x: x, c: c) { return w }
            if budget <= 0 { break }
        }
        return nil
    }
}
