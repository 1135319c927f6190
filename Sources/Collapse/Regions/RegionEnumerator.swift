import ExactNumbers
import Algebra
public import NetworkModel

/// Exact enumeration of the linear regions of a numeric piecewise-linear network.
///
/// Layer by layer, every region is split by every unit's pieces (relu: z < 0, z > 0;
/// hardtanh: three pieces; step and sign also z = 0, where they jump), keeping only the
/// non-empty parts, and each part carries the exact affine map x ↦ (values so far). A part is
/// known non-empty when one of the region's sample points lies in it; otherwise an exact
/// linear program (`LinearFeasibility.deepen`) either finds a point strictly inside it or
/// proves it empty, in which case the unit is stable on the region (always on or always off)
/// and the region is not split. A breakpoint piece z = τ of a non-constant unit is non-empty
/// exactly when the region has points on both sides of τ (the region is convex and relatively
/// open), and a point of it lies on the segment between two such points, so it needs no
/// program.
///
/// Lower-dimensional pieces are visited only where they can matter: for the units of jumping
/// activations and for every unit before the last layer with one (elsewhere the network is
/// continuous and the open regions decide), or everywhere with `allBreakpointCells`.
///
/// Regions are visited depth-first (an explicit stack, no recursion), so memory stays
/// proportional to the depth; the visitor
/// can stop the walk (as the affinity decision does at the first two different maps).
public enum RegionEnumerator {
    /// Whether the network can be enumerated: numeric, with every activation piecewise
    /// linear (or affine) with rational breakpoints.
    public static func supports(_ network: Network) -> Bool {
        network.isNumeric && network.layers.allSatisfy { $0.activation.pieces != nil }
    }

    /// Visits every region (see the type's description) until `visit` returns false or
    /// `maxRegions` is reached; nil when the network is not supported.
    @discardableResult
    public static func enumerate(
        _ network: Network, options: RegionEnumerationOptions = RegionEnumerationOptions(),
        visit: (LinearRegion) -> Bool
    ) -> RegionEnumerationSummary? {
        guard supports(network) else { return nil }
        var walker = Walker(network: network, options: options)
        return walker.run(visit: visit)
    }

    /// Every region, in the order visited, with the summary; nil when not supported.
    public static func regions(_ network: Network, options: RegionEnumerationOptions = RegionEnumerationOptions()) -> (
        regions: [LinearRegion], summary: RegionEnumerationSummary
    )? {
        var found = [LinearRegion]()
        guard
            let summary = enumerate(
                network, options: options,
                visit: {
                    found.append($0); return true
                })
        else { return nil }
        return (found, summary)
    }
}

/// A region being refined: its conditions, the normals of its equalities, known points in
/// its relative interior, and the pattern of the layers done.
private struct Cell {
    var constraints: [LinearConstraint]
    var equalities: [[Rational]]
    var points: [[Rational]]
    var pattern: [[Int]]

    static let pointLimit = 8
}

/// One step of the walk: enter layer `layer` with the values so far, or split the region by
/// unit `unit` of layer `layer` (pre-activations `pre`, pieces chosen for the units before).
private enum WalkTask {
    case enter(Cell, layer: Int, current: AffineMap<Rational>)
    case split(Cell, layer: Int, unit: Int, pre: AffineMap<Rational>, chosen: [Int])
}

private struct PreparedLayer {
    let dense: AffineMap<Rational>?
    let pieces: [ActivationPiece]
    let breakpointCells: Bool
}

private struct Walker {
    let n: Int
    let layers: [PreparedLayer]
    let options: RegionEnumerationOptions
    var progress = RegionProgress(regions: 0, fullDimensional: 0, linearPrograms: 0)
    var hitLimit = false
    var timedOut = false
    var stopped = false
    var certificates = [EmptyPatternCertificate]()
    var confirmed = ConfirmedFeasibility.Tally()

    init(network: Network, options: RegionEnumerationOptions) {
        n = network.inputDimension
        self.options = options
        let lastJump = network.layers.lastIndex { $0.activation.isDiscontinuous } ?? -1
        layers = network.layers.enumerated().map { index, layer in
            var dense: AffineMap<Rational>? = nil
            dense = layer.dense?.rationalMap
            let pieces = layer.activation.pieces!
            let cells = options.allBreakpointCells || index < lastJump || layer.activation.isDiscontinuous
            return PreparedLayer(dense: dense, pieces: pieces, breakpointCells: cells)
        }
    }

    mutating func run(visit: (LinearRegion) -> Bool) -> RegionEnumerationSummary {
        var start = [Rational](repeating: .zero, count: n)
        let domain = options.domain.map { $0.normalized() }
        if !domain.isEmpty {
            guard let p = LinearFeasibility.point(satisfying: domain, dimension: n, lpCount: &progress.linearPrograms)
            else {
                if options.collectCertificates,
                    case .failure(let empty) = LinearFeasibility.pointOrCertificate(
                        satisfying: domain, dimension: n, lpCount: &progress.linearPrograms)
                {
                    certificates.append(
                        EmptyPatternCertificate(pieces: [], symbols: [], certificate: empty.certificate))
                }
                return RegionEnumerationSummary(
                    progress: progress, complete: true, hitLimit: false, certificates: certificates)
            }
            start = p
        }
        let cell = Cell(
            constraints: domain, equalities: domain.filter { $0.relation == .equal }.map(\.coefficients),
            points: [start], pattern: [])
        // Depth-first with an explicit stack (no recursion: networks of any depth): a task
        // either enters a layer or splits the region by one unit; children are pushed in
        // reverse so they are visited in order.
        var tasks: [WalkTask] = [.enter(cell, layer: 0, current: .identity(n))]
        while let task = tasks.popLast(), !stopped {
            if options.deadline.hasPassed {
                timedOut = true
                stopped = true
                break
            }
            switch task {
            case .enter(let cell, let l, let current):
                if l == layers.count {
                    emit(cell, map: current, visit: visit)
                    continue
                }
                let layer = layers[l]
                let pre = layer.dense.map { $0.composed(after: current) } ?? current
                if layer.pieces.count == 1 {
                    var next = cell
                    next.pattern.append([])
                    tasks.append(
                        .enter(
                            next, layer: l + 1,
                            current: pre.throughPieces(Array(repeating: layer.pieces[0], count: pre.outputDimension))))
                } else {
                    tasks.append(.split(cell, layer: l, unit: 0, pre: pre, chosen: []))
                }
            case .split(let cell, let l, let u, let pre, let chosen):
                let layer = layers[l]
                if u == pre.outputDimension {
                    var next = cell
                    next.pattern.append(chosen)
                    tasks.append(
                        .enter(next, layer: l + 1, current: pre.throughPieces(chosen.map { layer.pieces[$0] })))
                    continue
                }
                if l < options.stablePieces.count, u < options.stablePieces[l].count, let k = options.stablePieces[l][u]
                {
                    // Known stable on the whole domain (bound propagation): no split, no linear program.
                    tasks.append(.split(cell, layer: l, unit: u + 1, pre: pre, chosen: chosen + [k]))
                    continue
                }
                for (child, piece) in children(
                    of: cell, g: pre.weights.rowArray(u), beta: pre.bias[u], layer: layer,
                    prefix: cell.pattern + [chosen]
                ).reversed() {
                    tasks.append(.split(child, layer: l, unit: u + 1, pre: pre, chosen: chosen + [piece]))
                }
            }
        }
        return RegionEnumerationSummary(
            progress: progress, complete: !stopped, hitLimit: hitLimit, timedOut: timedOut, certificates: certificates,
            confirmed: confirmed)
    }

    /// The non-empty parts of the region on the pieces of a unit z(x) = g·x + β.
    mutating func children(of cell: Cell, g: [Rational], beta: Rational, layer: PreparedLayer, prefix: [[Int]]) -> [(
        Cell, Int
    )] {
        let pieces = layer.pieces
        let z: ([Rational]) -> Rational = { dot(g, $0) + beta }
        if isConstant(g, on: cell) {
            let value = z(cell.points[0])
            return [(cell, pieces.firstIndex { $0.contains(value) }!)]
        }
        // Open pieces: a known point, or a linear program.
        var samples = [Int: [[Rational]]]()
        // z at the known points, once (also used below to share them with the children).
        let values = cell.points.map(z)
        for (p, v) in zip(cell.points, values) {
            if let i = pieces.firstIndex(where: { !$0.isBreakpoint && $0.contains(v) }) {
                samples[i, default: []].append(p)
            }
        }
        for (i, piece) in pieces.enumerated() where !piece.isBreakpoint && samples[i] == nil {
            let extra = [piece.lowerHalfSpace(g, beta), piece.upperHalfSpace(g, beta)].compactMap { $0 }
            if options.collectCertificates {
                switch LinearFeasibility.deepenOrCertificate(
                    cell.constraints + extra, dimension: n, start: cell.points[0], lpCount: &progress.linearPrograms)
                {
                case .success(let p): samples[i] = [p]
                case .failure(let empty):
                    var pattern = prefix
                    pattern[pattern.count - 1].append(i)
                    certificates.append(
                        EmptyPatternCertificate(
                            pieces: pattern, symbols: symbols(pattern), certificate: empty.certificate))
                }
            } else if options.confirmedFloatPrograms {
                if let p = ConfirmedFeasibility.deepen(
                    cell.constraints + extra, dimension: n, start: cell.points[0], lpCount: &progress.linearPrograms,
                    tally: &confirmed)
                {
                    samples[i] = [p]
                }
            } else if let p = LinearFeasibility.deepen(
                cell.constraints + extra, dimension: n, start: cell.points[0], lpCount: &progress.linearPrograms)
            {
                samples[i] = [p]
            }
        }
        let open = samples.keys.sorted()
        if open.count == 1 { return [(cell, open[0])] }
        var result = [(Cell, Int)]()
        for (i, piece) in pieces.enumerated() {
            if piece.isBreakpoint {
                guard layer.breakpointCells,
                    let left = open.last(where: { $0 < i }), let right = open.first(where: { $0 > i })
                else { continue }
                let p = samples[left]![0], q = samples[right]![0]
                let tau = piece.lower!
                let lambda = (tau - z(p)) / (z(q) - z(p))
                let r = zip(p, q).map { $0 + lambda * ($1 - $0) }
                var child = cell
                child.constraints.append(piece.breakpointHyperplane(g, beta).normalized())
                child.equalities.append(g)
                child.points =
                    [r] + zip(cell.points, values).filter { $0.1 == tau }.map(\.0).prefix(Cell.pointLimit - 1)
                result.append((child, i))
                continue
            }
            guard let points = samples[i] else { continue }
            var child = cell
            // A condition already present (deep chains repeat them) is not added again, so the
            // linear programs stay the size of the distinct conditions.
            if open.contains(where: { $0 < i }), let below = piece.lowerHalfSpace(g, beta) {
                child.constraints.appendIfAbsent(below.normalized())
            }
            if open.contains(where: { $0 > i }), let above = piece.upperHalfSpace(g, beta) {
                child.constraints.appendIfAbsent(above.normalized())
            }
            var kept = points
            for (p, v) in zip(cell.points, values)
            where kept.count < Cell.pointLimit && piece.contains(v) && !kept.contains(p) { kept.append(p) }
            child.points = kept
            result.append((child, i))
        }
        return result
    }

    /// Whether g·x is constant on the region's affine hull (g is a combination of the
    /// equalities' normals; g = 0 for a full-dimensional region).
    func isConstant(_ g: [Rational], on cell: Cell) -> Bool {
        if g.allSatisfy(\.isZero) { return true }
        if cell.equalities.isEmpty { return false }
        let base = Matrix<Rational>(rows: cell.equalities)
        return Matrix<Rational>(rows: cell.equalities + [g]).rank() == base.rank()
    }

    /// The one-character labels of a (possibly partial) pattern.
    func symbols(_ pattern: [[Int]]) -> [String] {
        zip(pattern, layers).map { chosen, layer in String(chosen.map { layer.pieces[$0].symbol }) }
    }

    mutating func emit(_ cell: Cell, map: AffineMap<Rational>, visit: (LinearRegion) -> Bool) {
        if progress.regions >= options.maxRegions {
            hitLimit = true
            stopped = true
            return
        }
        let region = LinearRegion(
            pattern: ActivationPattern(pieces: cell.pattern, symbols: symbols(cell.pattern)),
            constraints: cell.constraints, point: cell.points[0], map: map,
            dimension: n - cell.equalities.count)
        progress.regions += 1
        if region.dimension == n { progress.fullDimensional += 1 }
        if let report = options.progress, progress.regions % max(options.progressInterval, 1) == 0 { report(progress) }
        if !visit(region) { stopped = true }
    }
}

extension Array where Element == LinearConstraint {
    /// Appends `c` unless an equal condition is already there.
    fileprivate mutating func appendIfAbsent(_ c: LinearConstraint) {
        if !contains(c) { append(c) }
    }
}
