import ExactNumbers
import Algebra
import NetworkModel

/// Units whose rows (W_i, b_i) are proportional: z_i = scale_i · u with u = key · (h, 1).
struct ProportionalGroup {
    /// The row of u followed by its bias.
    var key: [Rational]
    /// (unit index in the layer, λ_i with z_i = λ_i u), in layer order.
    var members: [(unit: Int, scale: Rational)]
}

extension NormalizationState {
    /// The simplification of layer k given its consumer, the next dense part. With
    /// `allowResidual` false, only steps that leave no affine remainder M·h are taken
    /// (constants, removals, merges), so the layer keeps its shape where M cannot be carried.
    func makePlan(
        _ k: Int, f: Activation, dense: AffineMap<Rational>, consumer: AffineMap<Rational>,
        pieces: [(slope: Rational, intercept: Rational)?], ranges: [UnitRange], origins: [Int?],
        allowResidual: Bool
    ) -> LayerPlan {
        let width = dense.outputDimension, inWidth = dense.inputDimension, out = consumer.outputDimension
        var plan = LayerPlan(
            residual: Array(repeating: Array(repeating: .zero, count: inWidth), count: out),
            offset: Array(repeating: .zero, count: out))
        let layerIndex = layerOrigin[k]
        func spec(_ units: [Int]) -> [Int] { units.compactMap { origins[$0] } }
        var nonlinear = [Int](), irrelevant = [Int]()
        var columns = [[Rational]](repeating: [], count: width)
        for i in 0..<width {
            let column = (0..<out).map { consumer.weights[$0, i] }
            columns[i] = column
            if column.allSatisfy(\.isZero) { irrelevant.append(i); continue }
            if let (s, c) = pieces[i], allowResidual || s.isZero {
                Self.addAffine(
                    &plan, column: column, row: dense.weights.rowArray(i), bias: dense.bias[i], slope: s, intercept: c)
                plan.steps.append(unitStep(k, unit: i, f: f, range: ranges[i], piece: (s, c)))
                continue
            }
            nonlinear.append(i)
        }
        if !irrelevant.isEmpty {
            plan.steps.insert(
                NormalizationStep(layer: layerIndex, units: spec(irrelevant), activation: f, kind: .irrelevant), at: 0)
        }
        func keep(_ i: Int) {
            plan.kept.append(
                KeptUnit(row: dense.weights.rowArray(i), bias: dense.bias[i], column: columns[i], origin: origins[i]))
        }
        let rule = f.scalingRule
        // Merging units that stay non-affine pays off where it shrinks the region count or a
        // polynomial: piecewise-linear and polynomial activations. Smooth ones keep their units
        // (the witness search then evaluates the network as written), unless they cancel.
        let combines =
            f.isPiecewiseLinear || f.polynomialForm != nil
            || { if case .polynomial = f { return true } else { return false } }()
        for group in Self.proportionalGroups(nonlinear, dense: dense, rule: rule) {
            guard group.members.count >= 2 else { keep(group.members[0].unit); continue }
            let keyRow = Array(group.key.dropLast()), keyBias = group.key.last!
            let positive = group.members.filter { $0.scale.signum > 0 }
            let negative = group.members.filter { $0.scale.signum < 0 }
            func sum(_ side: [(unit: Int, scale: Rational)]) -> [Rational] {
                var total = Array(repeating: Rational.zero, count: out)
                for (i, scale) in side {
                    let w = rule == .homogeneous ? scale.magnitude : Rational.one
                    for r in 0..<out where !columns[i][r].isZero { total[r] += w * columns[i][r] }
                }
                return total
            }
            func origin(_ side: [(unit: Int, scale: Rational)], sign: Int) -> Int? {
                side.first { $0.scale == Rational(sign) }.flatMap { origins[$0.unit] }
            }
            let p = sum(positive), n = sum(negative)
            let scales = group.members.map(\.scale)
            let units = spec(group.members.map(\.unit))
            if !positive.isEmpty, !negative.isEmpty, let identity = f.reflectionIdentity,
                let (a, b, c) = identity.reflection
            {
                // P f(u) + N f(−u) = (P + aN) f(u) + bN·u + cN.
                let q = zip(p, n).map { $0 + a * $1 }
                let r = n.map { b * $0 }
                let constant = n.map { c * $0 }
                let residualZero = r.allSatisfy(\.isZero)
                if q.allSatisfy(\.isZero), allowResidual || residualZero {
                    Self.addAffine(&plan, column: r, row: keyRow, bias: keyBias, slope: .one, intercept: .zero)
                    for i in 0..<out { plan.offset[i] += constant[i] }
                    plan.steps.append(
                        NormalizationStep(
                            layer: layerIndex, units: units, activation: f,
                            kind: .cancel(identity: identity, scales: scales)))
                } else if !q.allSatisfy(\.isZero), residualZero, combines {
                    plan.kept.append(KeptUnit(row: keyRow, bias: keyBias, column: q, origin: origin(positive, sign: 1)))
                    for i in 0..<out { plan.offset[i] += constant[i] }
                    plan.steps.append(
                        NormalizationStep(
                            layer: layerIndex, units: units, activation: f,
                            kind: .combine(identity: identity, scales: scales)))
                } else {
                    group.members.forEach { keep($0.unit) }
                }
                continue
            }
            // One side at a time: f(λu) for λ of one sign merges by the scaling rule.
            for (side, sign, total) in [(positive, 1, p), (negative, -1, n)] where !side.isEmpty {
                let scalesHere = side.map(\.scale)
                let identity: ActivationIdentity =
                    Set(scalesHere).count == 1
                    ? .duplicate
                    : (rule == .homogeneous ? .positiveHomogeneous : .scaleInvariant)
                let unitsHere = spec(side.map(\.unit))
                if total.allSatisfy(\.isZero) {
                    plan.steps.append(
                        NormalizationStep(
                            layer: layerIndex, units: unitsHere, activation: f,
                            kind: .cancel(identity: identity, scales: scalesHere)))
                } else if side.count >= 2, combines {
                    let s = Rational(sign)
                    plan.kept.append(
                        KeptUnit(
                            row: keyRow.map { s * $0 }, bias: s * keyBias, column: total,
                            origin: origin(side, sign: sign)))
                    plan.steps.append(
                        NormalizationStep(
                            layer: layerIndex, units: unitsHere, activation: f,
                            kind: .combine(identity: identity, scales: scalesHere)))
                } else {
                    keep(side[0].unit)
                }
            }
        }
        return plan
    }

    /// Adds column · (slope·(row·h + bias) + intercept) to the plan's affine remainder.
    static func addAffine(
        _ plan: inout LayerPlan, column: [Rational], row: [Rational], bias: Rational, slope: Rational,
        intercept: Rational
    ) {
        for r in column.indices where !column[r].isZero {
            let scaled = column[r] * slope
            if !scaled.isZero {
                for j in row.indices where !row[j].isZero { plan.residual[r][j] += scaled * row[j] }
            }
            plan.offset[r] += scaled * bias + column[r] * intercept
        }
    }

    /// A cheap bucket for a row: the position of its first nonzero entry, how many entries are
    /// nonzero, and the ratio of the second nonzero entry to the first.
    struct RowSignature: Hashable {
        let first: Int
        let count: Int
        let ratio: Rational
    }

    /// The units grouped by proportional rows (bias included), in order of first appearance.
    /// With no scaling rule only equal or opposite rows are grouped (scale ±1).
    static func proportionalGroups(_ units: [Int], dense: AffineMap<Rational>, rule: ScalingRule) -> [ProportionalGroup]
    {
        let inWidth = dense.inputDimension
        func entry(_ i: Int, _ j: Int) -> Rational { j < inWidth ? dense.weights[i, j] : dense.bias[i] }
        var buckets = [RowSignature: [Int]]()
        var order = [RowSignature]()
        var singles = [Int: Bool]()
        for i in units {
            var first = -1, second = -1, count = 0
            for j in 0...inWidth where !entry(i, j).isZero {
                if first < 0 { first = j } else if second < 0 { second = j }
                count += 1
            }
            guard first >= 0 else { singles[i] = true; continue }
            let ratio = second >= 0 ? entry(i, second) / entry(i, first) : .zero
            let signature = RowSignature(first: first, count: count, ratio: ratio)
            if buckets[signature] == nil { order.append(signature) }
            buckets[signature, default: []].append(i)
        }
        var groups = [ProportionalGroup]()
        for signature in order {
            let members = buckets[signature]!
            if members.count == 1 {
                let i = members[0]
                groups.append(ProportionalGroup(key: (0...inWidth).map { entry(i, $0) }, members: [(i, .one)]))
                continue
            }
            var byKey = [[Rational]: Int]()
            for i in members {
                let lead = entry(i, signature.first)
                let scale = rule == .none ? Rational(lead.signum) : lead
                let key = (0...inWidth).map { entry(i, $0) / scale }
                if let g = byKey[key] {
                    groups[g].members.append((i, scale))
                } else {
                    byKey[key] = groups.count
                    groups.append(ProportionalGroup(key: key, members: [(i, scale)]))
                }
            }
        }
        for i in units where singles[i] == true {
            groups.append(ProportionalGroup(key: Array(repeating: .zero, count: inWidth + 1), members: [(i, .one)]))
        }
        // Keep the layer order of the first members.
        return groups.sorted { $0.members[0].unit < $1.members[0].unit }
    }

    /// What is proved of each unit's pre-activation: constants (zero rows), the exact range
    /// of a polynomial pre-activation when the layers before are polynomial, and ranges the
    /// caller supplied.
    func unitRanges(_ k: Int, dense: AffineMap<Rational>) -> [UnitRange] {
        let width = dense.outputDimension
        var result = (0..<width).map { i -> UnitRange in
            dense.weights.rowArray(i).allSatisfy(\.isZero)
                ? UnitRange(lo: dense.bias[i], hi: dense.bias[i]) : .unbounded
        }
        let prefix = network.layers[0..<k]
        if k > 0, prefix.allSatisfy({ $0.activation.polynomialForm != nil }),
            width * max(network.inputDimension, 1) <= 100_000
        {
            let inputs = Composition.inputSymbols(network)
            let sub = Network(
                inputNames: network.inputNames,
                layers: Array(prefix) + [Layer(dense: .numeric(dense), activation: .identity)])
            if let expressions = Composition.polynomialOutputs(
                sub, inputs: inputs.map { Polynomial($0) }, termLimit: termLimit)
            {
                let breakpoints = network.layers[k].activation.pieceBreakpoints
                for i in 0..<width where result[i].constant == nil {
                    result[i] = result[i].intersected(
                        with: PolynomialRange.range(of: expressions[i], breakpoints: breakpoints))
                }
            }
        }
        if let ranges, layerOrigin[k] - 1 < ranges.count {
            let supplied = ranges[layerOrigin[k] - 1]
            for i in 0..<width {
                if let o = unitOrigin[k][i], o - 1 < supplied.count, let r = supplied[o - 1] {
                    result[i] = result[i].intersected(with: r)
                }
            }
        }
        return result
    }
}
