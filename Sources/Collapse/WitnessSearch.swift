import ExactNumbers
import Algebra
import NetworkModel

/// Searches for exact counterexamples to the identities on a numeric network, using the
/// activations' structure: for every unit it finds where the unit's pre-activation crosses a
/// breakpoint (exactly, through the local affine map of the layers before it) and tries
/// points on both sides. Every witness returned was evaluated exactly (or by disjoint
/// enclosures) with `Evaluator`, so it is evidence, not an estimate.
struct WitnessSearch {
    let network: Network
    let precision: Int
    var rng: SplitMix64
    /// Evaluations allowed (a network evaluation counts once).
    var budget: Int
    /// F at the points evaluated so far (shared with other searches of one decision).
    let cache: EvaluationCache
    /// When set, the search stops (as if its budget were spent) once it passes.
    var deadline: Deadline? = nil
    /// Whether the deadline stopped the search.
    private(set) var timedOut = false
    /// Largest work for which breakpoint crossings are computed (`AnalysisOptions.crossingCostLimit`).
    let crossingCostLimit: Int

    init(
        network: Network, precision: Int, seed: UInt64, budget: Int, cache: EvaluationCache = EvaluationCache(),
        crossingCostLimit: Int = AnalysisOptions.defaults.crossingCostLimit
    ) {
        self.network = network
        self.precision = precision
        self.rng = SplitMix64(seed: seed)
        self.budget = budget
        self.cache = cache
        self.crossingCostLimit = crossingCostLimit
    }

    /// F(x), memoised; nil when the budget is spent or evaluation is impossible.
    mutating func value(at x: [Rational]) -> [ExactValue]? {
        if let v = cache.values[x] { return v }
        if deadline.hasPassed {
            timedOut = true
            budget = 0
        }
        guard budget > 0 else { return nil }
        budget -= 1
        guard let v = try? Evaluator.evaluate(network, at: x, precision: precision) else { return nil }
        cache.values[x] = v
        return v
    }

    var zero: [Rational] { Array(repeating: .zero, count: network.inputDimension) }

    /// The affinity witness: F(x+y) + F(0) provably differs from F(x) + F(y). The first
    /// generic witness (`WitnessGenericity`: no unit exactly on a breakpoint at any of the four
    /// points) among the candidates; when the first witness found is not generic, up to
    /// `genericLookahead` more candidates are tried for a generic one before settling for it.
    mutating func affinityWitness() -> Witness? {
        var fallback: Witness? = nil
        var remaining = Self.genericLookahead
        for (x, y) in candidatePairs() {
            if let w = check(.affinity, x: x, y: y) {
                if WitnessGenericity.isGeneric(w, in: network) { return w }
                if fallback == nil { fallback = w }
            }
            if fallback != nil { remaining -= 1 }
            if budget <= 0 || remaining <= 0 { break }
        }
        return fallback
    }

    /// Candidates tried for a generic witness after a non-generic one was found.
    static let genericLookahead = 48

    /// Evaluates one identity at (x, y) or (x, c) and returns a witness when the two sides
    /// provably differ (retrying at higher precision when enclosures overlap).
    mutating func check(_ identity: Identity, x: [Rational], y: [Rational]? = nil, c: Rational? = nil) -> Witness? {
        for bits in AnalysisOptions.precisionLadder(from: precision) {
            guard let sides = sides(identity, x: x, y: y, c: c, precision: bits) else { return nil }
            if sides.lhs.provablyDiffers(from: sides.rhs) {
                return Witness(x: x, y: y, c: c, lhs: sides.lhs, rhs: sides.rhs)
            }
            let exact = zip(sides.lhs, sides.rhs).allSatisfy { $0.provablyEquals($1) }
            if exact { return nil }
        }
        return nil
    }

    private mutating func sides(_ identity: Identity, x: [Rational], y: [Rational]?, c: Rational?, precision bits: Int)
        -> (lhs: [ExactValue], rhs: [ExactValue])?
    {
        let eval: (inout WitnessSearch, [Rational]) -> [ExactValue]? = { search, p in
            if bits == search.precision { return search.value(at: p) }
            guard search.budget > 0 else { return nil }
            search.budget -= 1
            return try? Evaluator.evaluate(search.network, at: p, precision: bits)
        }
        return identity.sides(x: x, y: y, c: c, in: .exact) { eval(&self, $0) }
    }

    /// Additivity witness given that affinity failed at (x, y): (0, 0) when F(0) ≠ 0, else
    /// the same (x, y); then the other candidates.
    mutating func additivityWitness(after affinity: Witness?) -> Witness? {
        if let w = check(.additivity, x: zero, y: zero) { return w }
        if let a = affinity, let y = a.y, let w = check(.additivity, x: a.x, y: y) { return w }
        for (x, y) in candidatePairs().prefix(64) {
            if let w = check(.additivity, x: x, y: y) { return w }
        }
        return nil
    }

    /// Homogeneity witness: x = 0, c = 2 when F(0) ≠ 0; then points near breakpoints with
    /// c in {-1, 2, 1/2, -2, 3}.
    mutating func homogeneityWitness(after affinity: Witness?) -> Witness? {
        if let w = check(.homogeneity, x: zero, c: Rational(2)) { return w }
        var points = [[Rational]]()
        if let a = affinity { points.append(a.x); if let y = a.y { points.append(y) } }
        points += unitVectors()
        points += candidatePairs().prefix(16).map(\.0)
        for x in points {
            for c in [Rational(-1), Rational(2), Rational(1, 2), Rational(-2), Rational(3)] {
                if let w = check(.homogeneity, x: x, c: c) { return w }
            }
        }
        return nil
    }

    /// e_1, -e_1, e_2, -e_2, ...: the first `limit` of them (all 2n by default). Only those
    /// asked for are built: on a 784-input network, all of them are 29 MB.
    func unitVectors(limit: Int = .max) -> [[Rational]] {
        let n = network.inputDimension
        var vectors = [[Rational]]()
        for i in 0..<n where vectors.count < limit {
            var e = zero
            e[i] = .one
            vectors.append(e)
            if vectors.count < limit { vectors.append(e.map { -$0 }) }
        }
        return vectors
    }

    /// Pairs (x, y) to try: the unit square's corners (x = e_i, y = e_j, i < j: the points 0,
    /// e_i, e_j, e_i + e_j of a Boolean function's truth table, the textbook parallelogram)
    /// for the first few coordinates, then breakpoint crossings, then generic small pairs.
    ///
    /// The crossing pairs come on demand: the crossings of a base point are computed only when
    /// the pairs before them are used up, so a search that finds its witness near the first
    /// base point (the usual case) follows the network once, not six times. The random draws
    /// are made here, in the order the full list always drew them, so the pairs and the
    /// witnesses do not depend on how many are consumed.
    mutating func candidatePairs() -> CandidatePairs {
        let head = cornerPairs()
        let bases = crossingBases()
        var tail = [() -> ([Rational], [Rational])]()
        // The first 32 coordinates' unit vectors (all of them in small networks): with every
        // coordinate, a wide input spent the whole budget on (e, e) and (e, 2e) before
        // reaching the pairs (e_i, -e_i) that break a ReLU. They are built when their pair is
        // reached (e_1, -e_1, e_2, ... as `unitVectors` orders them): on a 784-input network
        // the whole list is megabytes, of which a search uses a few pairs.
        let n = network.inputDimension
        let unitCount = Swift.min(64, 2 * n)
        let unit: @Sendable (Int) -> [Rational] = { k in
            var e = [Rational](repeating: .zero, count: n)
            e[k / 2] = k % 2 == 0 ? .one : -.one
            return e
        }
        for k in 0..<unitCount {
            tail.append { (unit(k), unit(k)) }
            tail.append { (unit(k), unit(k).map { $0.isZero ? $0 : $0 * Rational(2) }) }
        }
        for k in 0..<Swift.max(unitCount - 1, 0) { tail.append { (unit(k), unit(k + 1)) } }
        for _ in 0..<8 {
            let x = zero.map { _ in Rational.random(numerators: -4...4, denominators: 1...3, using: &rng) }
            let y = zero.map { _ in Rational.random(numerators: -4...4, denominators: 1...3, using: &rng) }
            tail.append { (x, y) }
        }
        return CandidatePairs(network: network, head: head, bases: bases, tail: tail)
    }

    /// (e_i, e_j) for i < j among the first `cornerCoordinates` coordinates.
    func cornerPairs() -> [([Rational], [Rational])] {
        let n = Swift.min(network.inputDimension, Self.cornerCoordinates)
        var pairs = [([Rational], [Rational])]()
        for i in 0..<n {
            for j in (i + 1)..<Swift.max(n, i + 1) {
                var a = zero, b = zero
                a[i] = .one
                b[j] = .one
                pairs.append((a, b))
            }
        }
        return pairs
    }

    /// Coordinates whose unit-square corners are tried first (6: at most 15 pairs).
    static let cornerCoordinates = 6

    /// The base points whose breakpoint crossings give the first pairs: 0, the first unit
    /// vectors and one random point; none when following the network costs more than
    /// `crossingCostLimit`.
    private mutating func crossingBases() -> [[Rational]] {
        let n = network.inputDimension
        // Work per base point: the Jacobian products, plus a row of n per unit (its gradient and
        // its pairs), which an activation-only layer costs too (counting it as free made a
        // width-1000 `activation: relu` layer take minutes and gigabytes).
        var width = n
        let cost =
            network.layers.reduce(0) { acc, layer in
                width = layer.dense?.outputDimension ?? width
                return acc + (layer.dense.map { $0.outputDimension * $0.inputDimension } ?? 0) + width
            } * max(n, 1)
        guard cost <= crossingCostLimit else { return [] }
        var bases = [zero] + unitVectors(limit: 4)
        bases.append(zero.map { _ in Rational.random(numerators: -3...3, denominators: 1...2, using: &rng) })
        return bases
    }

    /// For each unit and each breakpoint τ of its activation: the point x* where the unit's
    /// pre-activation z(x) = g·x + β (exact local affine map at a base point) equals τ, and
    /// the pairs (x* − δg, 2δg), (x* + δg, −2δg), whose parallelograms with 0 straddle it.
    static func crossingPairs(_ network: Network, at base: [Rational]) -> [([Rational], [Rational])] {
        var pairs = [([Rational], [Rational])]()
        for crossing in LocalAffine.breakpointCrossings(network, at: base) {
            let g = crossing.gradient
            let gg = g.reduce(Rational.zero) { $0 + $1 * $1 }
            guard !gg.isZero else { continue }
            let s = (crossing.breakpoint - crossing.value) / gg
            let xStar = zip(base, g).map { $0 + s * $1 }
            let gmax = g.map(\.magnitude).max()!
            for delta in [Rational(1, 2), Rational(1, 16), Rational(2)] {
                let d = g.map { delta * $0 / gmax }  // a step along g, scaled to size δ
                let twice = d.map { $0 * Rational(2) }
                pairs.append((zip(xStar, d).map { $0 - $1 }, twice))
                pairs.append((zip(xStar, d).map { $0 + $1 }, twice.map { -$0 }))
            }
        }
        return pairs
    }

    /// The candidate pairs in order: the corner pairs, each base point's crossing pairs
    /// (computed when reached), then the generic pairs.
    struct CandidatePairs: Sequence, IteratorProtocol {
        let network: Network
        let head: [([Rational], [Rational])]
        let bases: [[Rational]]
        /// The generic pairs, each made when reached.
        let tail: [() -> ([Rational], [Rational])]
        private var nextBase = 0
        private var buffer: [([Rational], [Rational])] = []
        private var position = 0
        private var tailPosition = 0
        private var headPosition = 0

        init(
            network: Network, head: [([Rational], [Rational])], bases: [[Rational]],
            tail: [() -> ([Rational], [Rational])]
        ) {
            self.network = network
            self.head = head
            self.bases = bases
            self.tail = tail
        }

        mutating func next() -> ([Rational], [Rational])? {
            if headPosition < head.count {
                headPosition += 1
                return head[headPosition - 1]
            }
            while position == buffer.count, nextBase < bases.count {
                buffer = WitnessSearch.crossingPairs(network, at: bases[nextBase])
                position = 0
                nextBase += 1
            }
            if position < buffer.count {
                position += 1
                return buffer[position - 1]
            }
            guard tailPosition < tail.count else { return nil }
            tailPosition += 1
            return tail[tailPosition - 1]()
        }
    }
}

/// The exact local affine behaviour of a piecewise-linear prefix of a network.
enum LocalAffine {
    /// A unit's pre-activation near a base point: z(x) ≈ value + gradient·(x − base), and a
    /// breakpoint τ of its activation.
    struct Crossing {
        let layer: Int
        let unit: Int
        let value: Rational
        let gradient: [Rational]
        let breakpoint: Rational
    }

    /// Propagates (value, Jacobian) exactly through the layers while activations are
    /// piecewise linear (slopes on the right-hand piece at a breakpoint), and lists each
    /// unit's breakpoint crossings. Stops at the first layer it cannot follow.
    static func breakpointCrossings(_ network: Network, at base: [Rational]) -> [Crossing] {
        let n = base.count
        var value = base
        var jacobian = Matrix<Rational>.identity(n)
        var crossings = [Crossing]()
        for (index, layer) in network.layers.enumerated() {
            if let dense = layer.dense {
                guard let m = dense.rationalMap else { return crossings }
                value = m.apply(value)
                jacobian = m.weights * jacobian
            }
            let f = layer.activation
            for unit in 0..<value.count {
                for tau in f.interestingPoints {
                    crossings.append(
                        Crossing(
                            layer: index + 1, unit: unit, value: value[unit],
                            gradient: jacobian.rowArray(unit), breakpoint: tau))
                }
            }
            guard f.isPiecewiseLinear, !f.isVectorValued else { return crossings }
            var slopes = [Rational](), outputs = [Rational]()
            for t in value {
                guard let s = f.pieceSlope(at: t, side: 1),
                    let y = ActivationEvaluation.exactScalar(f, t) ?? nil
                else { return crossings }
                slopes.append(s)
                outputs.append(y)
            }
            value = outputs
            var entries = [Rational]()
            entries.reserveCapacity(jacobian.rows * n)
            for i in 0..<jacobian.rows { entries += jacobian.rowArray(i).map { slopes[i] * $0 } }
            jacobian = Matrix(rows: jacobian.rows, columns: n, entries: entries)
        }
        return crossings
    }
}
