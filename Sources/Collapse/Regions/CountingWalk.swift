import ExactNumbers
import Algebra
public import NetworkModel

/// The region walk of `regions --count`: the same regions, maps and decisions as
/// `RegionEnumerator`'s walk, reached with less exact arithmetic, for networks whose regions
/// are all full-dimensional (no breakpoint cells: no step or sign layer, no
/// `allBreakpointCells`), over the whole space or a domain without equalities.
///
/// What differs from the listing walk is only how each decision is reached, never what it is:
/// - **Signs at known points** (which piece z(p) = g·p + β is on) are decided by a `Double`
///   image of the exact form with a rigorous error bound (`FloatImage`), and exactly only when
///   the bound does not decide;
/// - **Feasibility programs** are proposed in floating point (`FloatSimplex`, rows cached as
///   `Double`s once per condition) and confirmed exactly: a proposed point is checked against
///   every condition (by the images, exactly where they do not decide), a proposed empty
///   program by exact Farkas multipliers on its tight rows (`IntegerNullSpace`); an
///   unconfirmed proposal goes to the exact program (`LinearFeasibility.deepen`);
/// - **Conditions live on one trail** (depth-first: a node's conditions are a prefix of the
///   trail plus its own), so a child copies no condition list.
///
/// Points found by the programs differ from the listing walk's (any point strictly inside
/// will do for counting), so the number of programs may too; the regions, their maps and so
/// the counts do not.
enum CountingWalk {
    /// Whether the walk applies (see the type's description).
    static func applies(to network: Network, options: RegionEnumerationOptions) -> Bool {
        RegionEnumerator.supports(network) && !options.allBreakpointCells && !options.collectCertificates
            && !network.layers.contains { $0.activation.isDiscontinuous }
            && !options.domain.contains { $0.relation == .equal }
    }

    /// Visits the affine map of every region (all full-dimensional) until `visit` returns false
    /// or `options.maxRegions` is reached; nil when the walk does not apply.
    static func run(
        _ network: Network, options: RegionEnumerationOptions, visit: (AffineMap<Rational>) -> Bool
    ) -> RegionEnumerationSummary? {
        guard applies(to: network, options: options) else { return nil }
        var walker = CountingWalker(network: network, options: options)
        return walker.run(visit: visit)
    }
}

extension RegionEnumerator {
    /// The counts of `enumerate`'s regions (full-dimensional, lower-dimensional, distinct
    /// maps) and its summary, keeping no region: by `CountingWalk` where it applies, else by
    /// the listing walk with its programs proposed in floating point and confirmed exactly
    /// (`RegionEnumerationOptions.confirmedFloatPrograms`). Nil when the network is not supported.
    public static func count(_ network: Network, options: RegionEnumerationOptions) -> (
        tally: RegionTally, summary: RegionEnumerationSummary
    )? {
        var tally = RegionTally()
        if let summary = CountingWalk.run(
            network, options: options,
            visit: {
                tally.count(map: $0, fullDimensional: true)
                return true
            })
        {
            return (tally, summary)
        }
        var confirmedOptions = options
        confirmedOptions.confirmedFloatPrograms = true
        guard
            let summary = enumerate(
                network, options: confirmedOptions,
                visit: {
                    tally.count($0)
                    return true
                })
        else { return nil }
        return (tally, summary)
    }
}

/// A condition a·x < b or a·x ≤ b (normalised) with the image of its slack b − a·x.
private struct ImagedCondition {
    let exact: LinearConstraint
    let slack: FloatImage

    init(_ exact: LinearConstraint) {
        self.exact = exact
        slack = FloatImage(exact.coefficients.map { -$0 }, exact.bound)
    }

    init(exact: LinearConstraint, slack: FloatImage) {
        self.exact = exact
        self.slack = slack
    }

    /// The opposite strict condition −a·x < −b (normalised too), its image negated.
    var opposite: ImagedCondition {
        ImagedCondition(
            exact: LinearConstraint(exact.coefficients.map { -$0 }, .less, -exact.bound), slack: slack.negated)
    }
}

/// A layer's pre-activations on a region, shared by the region's descendants in that layer,
/// with, per unit and per piece end τ, the normalised condition z < τ and its image, made
/// when first needed.
private final class PreActivations {
    let map: AffineMap<Rational>
    /// Per unit: nil until needed, then one condition z(x) < τ per end.
    var below: [[ImagedCondition]?]

    init(_ map: AffineMap<Rational>) {
        self.map = map
        below = Array(repeating: nil, count: map.outputDimension)
    }
}

/// The conditions of the current region and its ancestors, as a stack (depth-first walk),
/// with each condition's `Double` images made once.
private struct ConditionTrail {
    let n: Int
    var exact = [LinearConstraint]()
    /// b − a·x for each condition (positive strictly inside).
    var slackImages = [FloatImage]()
    /// a, row-major, for the floating-point programs (0 where no finite image exists).
    var rows = [Double]()
    var bounds = [Double]()
    var strict = [Bool]()
    /// Whether every condition so far has a finite image for the programs.
    var unusable = 0

    var count: Int { exact.count }

    mutating func truncate(to length: Int) {
        guard exact.count > length else { return }
        for i in length..<exact.count where !slackImages[i].usable { unusable -= 1 }
        exact.removeSubrange(length...)
        slackImages.removeSubrange(length...)
        rows.removeSubrange((length * n)...)
        bounds.removeSubrange(length...)
        strict.removeSubrange(length...)
    }

    /// Pushes a normalised condition unless an equal one is already on the trail.
    mutating func push(_ condition: ImagedCondition) {
        let c = condition.exact, image = condition.slack
        if image.usable {
            for i in 0..<exact.count
            where slackImages[i].constant == image.constant && strict[i] == (c.relation == .less) {
                var same = true
                for j in 0..<n where rows[i * n + j] != -image.coefficients[j] {
                    same = false
                    break
                }
                if same && exact[i] == c { return }
            }
        } else if exact.contains(c) {
            return
        }
        exact.append(c)
        slackImages.append(image)
        if !image.usable { unusable += 1 }
        for v in image.coefficients { rows.append(-v) }
        bounds.append(image.constant)
        strict.append(c.relation == .less)
    }
}

/// One step of the walk, resumed with the trail cut to `base` and `added` pushed.
private struct CountTask {
    enum Step {
        case enter(current: AffineMap<Rational>)
        case split(unit: Int, pre: PreActivations, chosen: [Int])
    }
    var base: Int
    var added: [ImagedCondition]
    var points: [SamplePoint]
    var layer: Int
    var step: Step
}

private struct CountingLayer {
    let dense: AffineMap<Rational>?
    let pieces: [ActivationPiece]
    /// The open pieces' indices, left to right.
    let open: [Int]
    /// The finite ends of the open pieces, left to right (each τ once).
    let ends: [Rational]
    /// Per open piece (by index into `pieces`): the indices into `ends` of its lower and upper end.
    let lowerEnd: [Int?]
    let upperEnd: [Int?]
}

private struct CountingWalker {
    let n: Int
    let layers: [CountingLayer]
    let options: RegionEnumerationOptions
    var trail: ConditionTrail
    var progress = RegionProgress(regions: 0, fullDimensional: 0, linearPrograms: 0)
    var confirmed = ConfirmedFeasibility.Tally()
    var hitLimit = false
    var timedOut = false
    var stopped = false

    init(network: Network, options: RegionEnumerationOptions) {
        n = network.inputDimension
        self.options = options
        trail = ConditionTrail(n: network.inputDimension)
        layers = network.layers.map { layer in
            let pieces = layer.activation.pieces!
            let open = pieces.indices.filter { !pieces[$0].isBreakpoint }
            var ends = [Rational]()
            for i in open {
                for end in [pieces[i].lower, pieces[i].upper].compactMap({ $0 }) where !ends.contains(end) {
                    ends.append(end)
                }
            }
            let lowerEnd = pieces.map { piece in piece.lower.flatMap { ends.firstIndex(of: $0) } }
            let upperEnd = pieces.map { piece in piece.upper.flatMap { ends.firstIndex(of: $0) } }
            return CountingLayer(
                dense: layer.dense?.rationalMap, pieces: pieces, open: open, ends: ends, lowerEnd: lowerEnd,
                upperEnd: upperEnd)
        }
    }

    mutating func run(visit: (AffineMap<Rational>) -> Bool) -> RegionEnumerationSummary {
        var start = [Rational](repeating: .zero, count: n)
        let domain = options.domain.map { $0.normalized() }
        if !domain.isEmpty {
            guard let p = LinearFeasibility.point(satisfying: domain, dimension: n, lpCount: &progress.linearPrograms)
            else {
                return RegionEnumerationSummary(progress: progress, complete: true, hitLimit: false)
            }
            start = p
        }
        var tasks = [
            CountTask(
                base: 0, added: domain.map(ImagedCondition.init), points: [SamplePoint(start)], layer: 0,
                step: .enter(current: .identity(n)))
        ]
        while let task = tasks.popLast(), !stopped {
            if options.deadline.hasPassed {
                timedOut = true
                stopped = true
                break
            }
            trail.truncate(to: task.base)
            for c in task.added { trail.push(c) }
            let l = task.layer
            switch task.step {
            case .enter(let current):
                if l == layers.count {
                    emit(current, visit: visit)
                    continue
                }
                let layer = layers[l]
                let pre = layer.dense.map { $0.composed(after: current) } ?? current
                if layer.pieces.count == 1 {
                    tasks.append(
                        CountTask(
                            base: trail.count, added: [], points: task.points, layer: l + 1,
                            step: .enter(
                                current: pre.throughPieces(
                                    Array(repeating: layer.pieces[0], count: pre.outputDimension)))))
                } else {
                    tasks.append(
                        CountTask(
                            base: trail.count, added: [], points: task.points, layer: l,
                            step: .split(unit: 0, pre: PreActivations(pre), chosen: [])))
                }
            case .split(let u, let pre, let chosen):
                let layer = layers[l]
                if u == pre.map.outputDimension {
                    tasks.append(
                        CountTask(
                            base: trail.count, added: [], points: task.points, layer: l + 1,
                            step: .enter(current: pre.map.throughPieces(chosen.map { layer.pieces[$0] }))))
                    continue
                }
                if l < options.stablePieces.count, u < options.stablePieces[l].count, let k = options.stablePieces[l][u]
                {
                    tasks.append(
                        CountTask(
                            base: trail.count, added: [], points: task.points, layer: l,
                            step: .split(unit: u + 1, pre: pre, chosen: chosen + [k])))
                    continue
                }
                for (added, points, piece) in children(points: task.points, unit: u, pre: pre, layer: layer).reversed()
                {
                    tasks.append(
                        CountTask(
                            base: trail.count, added: added, points: points, layer: l,
                            step: .split(unit: u + 1, pre: pre, chosen: chosen + [piece])))
                }
            }
        }
        return RegionEnumerationSummary(
            progress: progress, complete: !stopped, hitLimit: hitLimit, timedOut: timedOut, confirmed: confirmed)
    }

    /// The non-empty open pieces of unit `u` on the current region (the trail): for each, the
    /// conditions a child adds and its known points.
    mutating func children(points: [SamplePoint], unit u: Int, pre: PreActivations, layer: CountingLayer)
        -> [([ImagedCondition], [SamplePoint], Int)]
    {
        let pieces = layer.pieces
        if pre.below[u] == nil {
            let g = pre.map.weights.rowArray(u)
            let beta = pre.map.bias[u]
            if g.allSatisfy(\.isZero) {
                return [([], points, pieces.firstIndex { $0.contains(beta) }!)]
            }
            pre.below[u] = layer.ends.map { ImagedCondition(LinearConstraint(g, .less, $0 - beta).normalized()) }
        }
        let below = pre.below[u]!
        // Each known point's side of every end: sign of z(p) − τ, the opposite of the slack's.
        var samples = [[SamplePoint]](repeating: [], count: pieces.count)
        for p in points {
            var signs = [Int]()
            signs.reserveCapacity(below.count)
            for condition in below {
                if let f = p.float, let s = condition.slack.sign(at: f) {
                    signs.append(-s)
                } else {
                    let c = condition.exact
                    signs.append(-(c.bound - dot(c.coefficients, p.exact)).signum)
                }
            }
            for i in layer.open {
                if let lo = layer.lowerEnd[i], signs[lo] <= 0 { continue }
                if let hi = layer.upperEnd[i], signs[hi] >= 0 { continue }
                samples[i].append(p)
                break
            }
        }
        func conditions(of i: Int, below lower: Bool, above upper: Bool) -> [ImagedCondition] {
            var result = [ImagedCondition]()
            if lower, let lo = layer.lowerEnd[i] { result.append(below[lo].opposite) }
            if upper, let hi = layer.upperEnd[i] { result.append(below[hi]) }
            return result
        }
        for i in layer.open where samples[i].isEmpty {
            if let p = pointInside(conditions(of: i, below: true, above: true), start: points[0]) { samples[i] = [p] }
        }
        let open = layer.open.filter { !samples[$0].isEmpty }
        if open.count == 1 { return [([], points, open[0])] }
        var result = [([ImagedCondition], [SamplePoint], Int)]()
        for i in open {
            let added = conditions(
                of: i, below: open.contains(where: { $0 < i }), above: open.contains(where: { $0 > i }))
            result.append((added, Array(samples[i].prefix(8)), i))
        }
        return result
    }

    /// A point strictly inside the trail's conditions and `extra` (normalised, strict), or nil
    /// when there is none; decided exactly (see the type's description).
    mutating func pointInside(_ extra: [ImagedCondition], start: SamplePoint) -> SamplePoint? {
        progress.linearPrograms += 1
        if trail.unusable == 0, extra.allSatisfy(\.slack.usable) {
            var rows = trail.rows, bounds = trail.bounds, strict = trail.strict
            for condition in extra {
                for v in condition.slack.coefficients { rows.append(-v) }
                bounds.append(condition.slack.constant)
                strict.append(true)
            }
            let x0 = start.float ?? start.exact.map { FloatImage.image($0) ?? 0 }
            switch FloatSimplex.propose(flatRows: rows, bounds: bounds, strict: strict, start: x0) {
            case .point(let x)?:
                if let p = confirmedPoint(near: x, extra: extra) {
                    confirmed.confirmedPoints += 1
                    return p
                }
            case .empty(let tight)?:
                let all = trail.exact + extra.map(\.exact)
                if ConfirmedFeasibility.isEmptyByFarkas(all, rows: tight.map { ($0, false) }, dimension: n) {
                    confirmed.confirmedEmpty += 1
                    return nil
                }
            case nil:
                break
            }
        }
        confirmed.exactFallbacks += 1
        var count = 0
        let found = LinearFeasibility.deepen(
            trail.exact + extra.map(\.exact), dimension: n, start: start.exact, lpCount: &count)
        return found.map { SamplePoint($0) }
    }

    /// The simplest of a few dyadic roundings of x (2⁻⁶, 2⁻¹⁴, 2⁻²⁴), or x itself, that
    /// satisfies every condition strictly, checked exactly; nil when none does.
    func confirmedPoint(near x: [Double], extra: [ImagedCondition]) -> SamplePoint? {
        var candidates = [[Double]]()
        for bits in [6, 14, 24] {
            let unit = Double(1 << bits)
            let rounded = x.map { ($0 * unit).rounded() / unit }
            if rounded.allSatisfy({ $0.isFinite && ($0 * unit).magnitude < 0x1p52 }) { candidates.append(rounded) }
        }
        if x.allSatisfy(\.isFinite) { candidates.append(x) }
        for candidate in candidates {
            let point = SamplePoint(floats: candidate)
            if isStrictlyInside(point, extra: extra) { return point }
        }
        return nil
    }

    /// Whether the point satisfies every condition of the trail and `extra` (strict ones
    /// strictly), by the images where they decide and exactly elsewhere.
    func isStrictlyInside(_ point: SamplePoint, extra: [ImagedCondition]) -> Bool {
        func holds(_ c: LinearConstraint, _ image: FloatImage) -> Bool {
            if let f = point.float, let s = image.sign(at: f) { return s > 0 }
            return c.isSatisfied(by: point.exact)
        }
        for i in 0..<trail.count where !holds(trail.exact[i], trail.slackImages[i]) { return false }
        for c in extra where !holds(c.exact, c.slack) { return false }
        return true
    }

    mutating func emit(_ map: AffineMap<Rational>, visit: (AffineMap<Rational>) -> Bool) {
        if progress.regions >= options.maxRegions {
            hitLimit = true
            stopped = true
            return
        }
        progress.regions += 1
        progress.fullDimensional += 1
        if let report = options.progress, progress.regions % max(options.progressInterval, 1) == 0 { report(progress) }
        if !visit(map) { stopped = true }
    }
}
