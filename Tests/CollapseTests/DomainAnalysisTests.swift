import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

/// A random numeric network: `widths` units per hidden layer with `activation`, then a dense
/// output layer; weights p/q with |p| ≤ 5, q ≤ 4 (seeded).
private func randomNetwork(inputs: Int, widths: [Int], outputs: Int, activation: Activation, seed: UInt64) -> Network {
    var rng = SplitMix64(seed: seed)
    var layers = [Layer]()
    var previous = inputs
    for (k, width) in (widths + [outputs]).enumerated() {
        let entries = (0..<(width * previous)).map { _ in
            Rational.random(numerators: -5...5, denominators: 1...4, using: &rng)
        }
        let bias = (0..<width).map { _ in Rational.random(numerators: -5...5, denominators: 1...4, using: &rng) }
        layers.append(
            Layer(
                dense: .numeric(
                    AffineMap(weights: Matrix(rows: width, columns: previous, entries: entries), bias: bias)),
                activation: k < widths.count ? activation : .identity))
        previous = width
    }
    return Network(inputNames: (1...inputs).map { "x\($0)" }, layers: layers)
}

/// The box center ± radius in every input.
private func box(around center: [Rational], radius: Rational) -> InputDomain {
    InputDomain(box: center.map { InputDomain.Interval(lo: $0 - radius, hi: $0 + radius) })
}

/// Every pre-activation of the network at x (the value each layer's activation is applied to).
private func preActivations(_ network: Network, at x: [Rational]) throws -> [[Rational]] {
    let trace = try Evaluator.trace(network, at: x)
    return try network.layers.enumerated().map { k, layer in
        let input = try trace[k].map { v -> Rational in
            guard let r = v.exactValue else { throw TestFailure.notExact(v.description) }
            return r
        }
        if case .numeric(let m)? = layer.dense { return m.apply(input) }
        return input
    }
}

/// The 2^n vertices of a bounded box.
private func vertices(_ domain: InputDomain) -> [[Rational]] {
    domain.box.reduce([[]]) { partial, interval in
        partial.flatMap { p in [p + [interval.lo!], p + [interval.hi!]] }
    }
}

/// Whether every point of a witness lies in D.
private func witnessInDomain(_ check: IdentityCheck, _ domain: InputDomain) -> Bool {
    guard let w = check.witness else { return true }
    var points = [w.x]
    if let y = w.y { points.append(y) }
    if check.identity == .additivity, let y = w.y { points.append(zip(w.x, y).map { $0 + $1 }) }
    if let c = w.c { points.append(w.x.map { c * $0 }) }
    return points.allSatisfy(domain.contains)
}

@Suite struct DomainAnalysisTests {
    @Test func boundPropagationContainsEveryPreActivationAtVerticesAndRandomPoints() throws {
        var checked = 0, stableSeen = 0, unstableSeen = 0
        for seed in UInt64(1)...12 {
            let activation: Activation = [.relu, .leakyRelu(alpha: Polynomial(Rational(1, 5))), .hardtanh, .abs][
                Int(seed) % 4]
            let network = randomNetwork(inputs: 3, widths: [4, 4], outputs: 2, activation: activation, seed: seed)
            var rng = SplitMix64(seed: seed &* 7919)
            let center = (0..<3).map { _ in Rational.random(numerators: -9...9, denominators: 1...5, using: &rng) }
            var domain = box(around: center, radius: Rational(1, Int(seed % 3) * 20 + 1))
            if seed % 2 == 0 {
                domain.constraints = [
                    InputDomain.Constraint(
                        coefficients: [Rational(1), Rational(1), Rational(0)], relation: .lessOrEqual,
                        bound: center[0] + center[1], text: "x1 + x2 <= c")
                ]
            }
            let geometry = try #require(DomainGeometry(domain, inputDimension: 3))
            let result = try #require(BoundPropagation.propagate(network, geometry: geometry))
            #expect(BoundPropagation.preActivationBounds(network, domain: domain)?.count == network.layers.count)
            var points = vertices(domain).filter(domain.contains)
            points += geometry.samples(20, rng: &rng)
            for x in points {
                for (k, values) in try preActivations(network, at: x).enumerated() {
                    for (u, z) in values.enumerated() {
                        let b = result.bounds[k][u]
                        #expect(
                            b.lo.map { $0 <= z } ?? true,
                            "seed \(seed) layer \(k + 1) unit \(u + 1): \(z) below \(b.lo!)")
                        #expect(
                            b.hi.map { z <= $0 } ?? true,
                            "seed \(seed) layer \(k + 1) unit \(u + 1): \(z) above \(b.hi!)")
                        // A stable unit computes its piece's formula at every point of D.
                        if let pieces = network.layers[k].activation.pieces, pieces.count > 1,
                            let piece = result.stablePieces[k][u]
                        {
                            let exact = try #require(
                                ActivationEvaluation.exactScalar(network.layers[k].activation, z) ?? nil)
                            #expect(
                                exact == pieces[piece].slope * z + pieces[piece].intercept,
                                "seed \(seed): unit \(u + 1) of layer \(k + 1) is not on its stable piece at \(x)")
                        }
                        checked += 1
                    }
                }
            }
            stableSeen += result.stableCount
            unstableSeen += result.unstableCount
        }
        #expect(checked > 1000 && stableSeen > 0 && unstableSeen > 0)
    }

    @Test func reluNetworksOnTinyBoxesAreAffineWithTheLocalMap() throws {
        var allStable = 0
        for seed in UInt64(100)..<112 {
            let network = randomNetwork(inputs: 3, widths: [6, 6, 6], outputs: 2, activation: .relu, seed: seed)
            var rng = SplitMix64(seed: seed)
            let center = (0..<3).map { _ in Rational.random(numerators: -9...9, denominators: 1...7, using: &rng) }
            var withDomain = network
            withDomain.domain = box(around: center, radius: Rational(1, 1_000_000))
            let geometry = try #require(DomainGeometry(withDomain.domain!, inputDimension: 3))
            let propagation = try #require(BoundPropagation.propagate(network, geometry: geometry))
            let analysis = analyzed(withDomain)
            #expect(analysis.verdict.collapses, "seed \(seed): \(analysis.verdict)")
            guard propagation.unstableCount == 0 else { continue }
            allStable += 1
            let local = try #require(LocalRegion.at(network, point: center))
            #expect(analysis.collapsed == .numeric(local.map), "seed \(seed)")
            #expect(analysis.domainFindings?.method == .stableUnits)
            #expect(analysis.affinity.holds == true)
        }
        #expect(allStable >= 8)
    }

    @Test func witnessesLieInTheDomainAndRecheckAsMidpointAffinity() throws {
        let specs = [
            // relu: bends inside the box
            "input: [x1, x2]\nlayers: [{dense: {weights: [[1, -1], [1, 1]], bias: [0, \"1/2\"]}, activation: relu}, {dense: {weights: [[1, 2]]}}]\ndomain: {box: {x1: [-1, 2], x2: [0, \"1/2\"]}, constraints: [\"x1 + x2 <= 2\"]}\n",
            // sigmoid: not affine on any box with an interior
            "input: [x1]\nlayers: [{dense: {weights: [[1]]}, activation: sigmoid}]\ndomain: {box: [[1, 2]]}\n",
            // square: a polynomial that is not affine
            "input: [x1, x2]\nlayers: [{dense: {weights: [[1, 1]]}, activation: square}]\ndomain: {box: [[\"1/2\", 1], [2, 3]]}\n",
            // step: jumps inside the box
            "input: [x1]\nlayers: [{dense: {weights: [[1]], bias: [\"-1/3\"]}, activation: step}]\ndomain: {box: [[0, 1]]}\n",
            // sign: symmetric jump (a midpoint across the jump alone does not show it)
            "input: [x1]\nlayers: [{dense: {weights: [[1]]}, activation: sign}]\ndomain: {box: [[-1, 1]]}\n",
        ]
        for text in specs {
            let network = try spec(text)
            let domain = try #require(network.domain)
            let analysis = analyzed(network)
            #expect(analysis.verdict == .notAffine, "\(text)")
            for check in [analysis.additivity, analysis.homogeneity, analysis.affinity] {
                #expect(witnessInDomain(check, domain), "\(check.identity) witness outside D: \(text)")
                if check.witness != nil { #expect(witnessRechecks(network, check), "\(check.identity): \(text)") }
            }
            let w = try #require(analysis.affinity.witness)
            let y = try #require(w.y)
            let half = Rational(1, 2)
            if network.layers[0].activation != .sigmoid {
                let mid = try exactly(network, zip(w.x, y).map { half * ($0 + $1) })
                let average = zip(try exactly(network, w.x), try exactly(network, y)).map { half * ($0 + $1) }
                #expect(mid != average)
                #expect(w.lhs.map(\.exactValue) == mid.map { $0 })
            }
        }
    }

    @Test func identitiesOnADomainQuantifyOnlyOverPointsInIt() throws {
        // F(x) = x1 + 2 x2 + 1 on [1, 3/2] x [1, 3/2]: no x, y with x + y in D; homogeneity pairs
        // exist (x = (3/2, 3/2), c = 2/3).
        let affine = "input: [x1, x2]\nlayers: [{dense: {weights: [[1, 2]], bias: [1]}}]\n"
        let a = analyzed(try spec(affine + "domain: {box: [[1, \"3/2\"], [1, \"3/2\"]]}\n"))
        #expect(a.verdict == .affine)
        #expect(a.additivity.holds == nil && a.additivity.witness == nil)
        #expect(a.homogeneity.holds == false)
        #expect(witnessInDomain(a.homogeneity, a.network.domain!))
        #expect(a.affinity.holds == true)
        // A box containing 0: both identities are tested and fail with witnesses in D.
        let b = analyzed(try spec(affine + "domain: {box: [[-1, 1], [-1, 1]]}\n"))
        #expect(b.additivity.holds == false && b.homogeneity.holds == false)
        #expect(witnessInDomain(b.additivity, b.network.domain!) && witnessInDomain(b.homogeneity, b.network.domain!))
        // Linear F on a box without 0: holds where pairs exist, null where none do.
        let c = analyzed(try spec("input: [x1]\nlayers: [{dense: {weights: [[3]]}}]\ndomain: {box: [[1, \"3/2\"]]}\n"))
        #expect(c.verdict == .linear)
        #expect(c.additivity.holds == nil)
        #expect(c.homogeneity.holds == true)
        // A ray from 0 meets a segment D = {x1 + x2 = 1, x ≥ 0} once: no homogeneity pairs; the
        // affine hull misses 0, so the affine F is linear on D (bias folded into W').
        let d = analyzed(
            try spec(
                affine + "domain: {box: [[0, null], [0, null]], constraints: [\"x1 + x2 <= 1\", \"x1 + x2 >= 1\"]}\n"))
        #expect(d.verdict == .linear)
        #expect(d.homogeneity.holds == nil && d.additivity.holds == nil)
        #expect(
            d.domainFindings?.dimension == 1 && d.domainFindings?.biasFolded == true
                && d.domainFindings?.mapIsUnique == false)
        guard case .numeric(let map)? = d.collapsed else { Issue.record("expected a numeric map"); return }
        for x in [qs("0", "1"), qs("1/3", "2/3"), qs("1", "0")] {
            #expect(map.apply(x) == [x[0] + 2 * x[1] + 1])
        }
    }

    @Test func regionsOnTheDomainDecideWhereUnitsAreUnstable() throws {
        // |x1 - 1/2| = relu(t) + relu(-t): affine on [1, 2] (one region there), not on [0, 1].
        let network =
            "input: [x1, x2]\nlayers: [{dense: {weights: [[1, 0], [-1, 0]], bias: [\"-1/2\", \"1/2\"]}, activation: relu}, {dense: {weights: [[1, 1]]}}]\n"
        let inside = analyzed(try spec(network + "domain: {box: [[1, 2], [-5, 5]]}\n"))
        #expect(inside.verdict == .affine)
        #expect(
            inside.collapsed
                == .numeric(AffineMap(weights: Matrix(rows: [[Rational(1), Rational(0)]]), bias: [Rational(-1, 2)])))
        let across = analyzed(try spec(network + "domain: {box: [[0, 1], [-5, 5]], constraints: [\"x2 >= x1\"]}\n"))
        #expect(across.verdict == .notAffine)
        #expect(across.domainFindings?.method == .regions)
        #expect(witnessInDomain(across.affinity, across.network.domain!))
        // The enumeration is restricted to D: with a unit stable on D only one region remains.
        let stable =
            "input: [x1, x2]\nlayers: [{dense: {weights: [[1, 0], [0, 1]]}, activation: relu}, {dense: {weights: [[1, 1]]}}]\n"
        let half = analyzed(try spec(stable + "domain: {box: [[1, 2], [-1, 1]]}\n"))
        #expect(half.verdict == .notAffine)
        #expect(half.domainFindings?.stableUnits == 1 && half.domainFindings?.unstableUnits == 1)
    }

    @Test func checkOnADomainSamplesOnlyTheDomain() throws {
        let network = try spec(
            "input: [x1, x2]\nlayers: [{dense: {weights: [[1, -1], [1, 1]], bias: [0, \"1/2\"]}, activation: relu}, {dense: {weights: [[1, 2]]}}]\ndomain: {box: {x1: [1, 2], x2: [0, \"1/2\"]}}\n"
        )
        let analysis = analyzed(network)
        #expect(analysis.verdict == .affine)
        let summary = PropertyCheck.run(network, analysis: analysis, trials: 30, seed: 3)
        #expect(summary.allPassed && summary.passed >= 30)
    }
}
