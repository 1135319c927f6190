import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

/// Pre-activations of every layer at x (the dense part applied to the previous output).
func preActivations(_ network: Network, _ x: [Rational]) throws -> [[Rational]] {
    let values = try Evaluator.trace(network, at: x)
    return try network.layers.enumerated().map { k, layer in
        let input = try values[k].map { v in
            guard let r = v.exactValue else { throw TestFailure.notExact(v.description) }
            return r
        }
        guard case .numeric(let m)? = layer.dense else { return input }
        return m.apply(input)
    }
}

/// The activation pattern at x, computed from the pre-activations (piece containing z).
func patternAt(_ network: Network, _ x: [Rational]) throws -> [[Int]] {
    try zip(network.layers, preActivations(network, x)).map { layer, z in
        let pieces = layer.activation.pieces!
        if pieces.count == 1 { return [] }
        return z.map { t in pieces.firstIndex { $0.contains(t) }! }
    }
}

@Suite struct RegionsEnumeration {
    @Test(arguments: 1...12)
    func regionMapsAgreeWithExactEvaluation(seed: Int) throws {
        let inputs = 1 + seed % 3
        let n = RandomNetwork.make(
            inputs: inputs, layers: 1 + seed % 2, width: 3 + seed % 3, outputs: 2,
            activation: seed % 4 == 0 ? .hardtanh : .relu, seed: UInt64(seed))
        let (regions, summary) = try #require(RegionEnumerator.regions(n))
        #expect(summary.complete)
        var rng = SplitMix64(seed: UInt64(seed) &* 77)
        for region in regions {
            #expect(
                region.constraints.allSatisfy { $0.isSatisfied(by: region.point) },
                "seed \(seed): point outside its region")
            #expect(
                try patternAt(n, region.point) == region.pattern.pieces, "seed \(seed): pattern at the interior point")
            var checked = 0
            for _ in 0..<40 where checked < 5 {
                let offset = (0..<inputs).map { _ in
                    Rational.random(numerators: -8...8, denominators: 1...16, using: &rng)
                }
                let x = zip(region.point, offset).map { $0 + $1 }
                guard region.constraints.allSatisfy({ $0.isSatisfied(by: x) }) else { continue }
                #expect(
                    try exactly(n, x) == region.map.apply(x), "seed \(seed): map at \(x) in region \(region.pattern)")
                checked += 1
            }
            #expect(try exactly(n, region.point) == region.map.apply(region.point))
        }
        #expect(Set(regions.map(\.pattern)).count == regions.count, "every pattern appears once")
    }

    /// Exact breakpoints of a one-input network, layer by layer: each pre-activation is affine
    /// between consecutive breakpoints found so far, so its zero crossings (and hardtanh's ±1
    /// crossings) there are found by interpolation.
    func breakpoints1D(_ n: Network) throws -> [Rational] {
        var points = [Rational]()
        for (k, layer) in n.layers.enumerated() {
            let taus = layer.activation.pieces!.filter(\.isBreakpoint).map { $0.lower! }
            let sorted = points.sorted()
            var edges = [Rational?]([nil]) + sorted.map { Optional($0) } + [nil]
            edges = Array(edges)
            var found = [Rational]()
            for i in 0..<(edges.count - 1) {
                let lo = edges[i], hi = edges[i + 1]
                let a = lo ?? ((hi ?? 0) - 10), b = hi ?? ((lo ?? 0) + 10)
                let za = try preActivations(n, [a])[k], zb = try preActivations(n, [b])[k]
                for u in za.indices where za[u] != zb[u] {
                    for tau in taus {
                        let s = a + (tau - za[u]) * (b - a) / (zb[u] - za[u])
                        if (lo == nil || s > lo!) && (hi == nil || s < hi!) { found.append(s) }
                    }
                }
            }
            points = Array(Set(points + found))
        }
        return points.sorted()
    }

    @Test(arguments: 1...10)
    func oneInputRegionCountMatchesIndependentBreakpoints(seed: Int) throws {
        let n = RandomNetwork.make(
            inputs: 1, layers: 1 + seed % 3, width: 3 + seed % 2, outputs: 1,
            activation: seed % 5 == 0 ? .hardtanh : .relu, seed: UInt64(100 + seed))
        let taus = try breakpoints1D(n)
        var samples = [Rational]()
        if let first = taus.first { samples.append(first - 1) } else { samples.append(0) }
        for (a, b) in zip(taus, taus.dropFirst()) { samples.append((a + b) / 2) }
        if let last = taus.last { samples.append(last + 1) }
        let patterns = Set(try samples.map { try patternAt(n, [$0]) })
        let (regions, _) = try #require(RegionEnumerator.regions(n))
        #expect(regions.count == patterns.count, "seed \(100 + seed): breakpoints \(taus)")
        #expect(Set(regions.map(\.pattern.pieces)) == patterns)
    }

    /// Regions of an arrangement of distinct lines: 1 + L + Σ over crossing points (lines through it − 1).
    func arrangementRegions(_ lines: [[Rational]]) -> Int {
        var distinct = [LinearConstraint]()
        for l in lines where !(l[0].isZero && l[1].isZero) {
            var c = LinearConstraint([l[0], l[1]], .equal, -l[2]).normalized()
            if c.coefficients.first(where: { !$0.isZero })!.signum < 0 {
                c = LinearConstraint(c.coefficients.map { -$0 }, .equal, -c.bound)
            }
            if !distinct.contains(c) { distinct.append(c) }
        }
        var through = [[Rational]: Set<Int>]()
        for i in distinct.indices {
            for j in distinct.indices where j > i {
                let (a, b) = (distinct[i], distinct[j])
                let det = a.coefficients[0] * b.coefficients[1] - a.coefficients[1] * b.coefficients[0]
                guard !det.isZero else { continue }
                let x = (a.bound * b.coefficients[1] - a.coefficients[1] * b.bound) / det
                let y = (a.coefficients[0] * b.bound - a.bound * b.coefficients[0]) / det
                through[[x, y], default: []].formUnion([i, j])
            }
        }
        return 1 + distinct.count + through.values.reduce(0) { $0 + $1.count - 1 }
    }

    @Test(arguments: 1...10)
    func twoInputOneLayerCountMatchesTheLineArrangement(seed: Int) throws {
        let n = RandomNetwork.make(
            inputs: 2, layers: 1, width: 3 + seed % 5, outputs: 3 + seed % 5, activation: .relu,
            seed: UInt64(200 + seed))
        let dense = try #require(n.layers[0].dense)
        guard case .numeric(let m) = dense else { Issue.record("RandomNetwork gave a symbolic layer"); return }
        let lines = (0..<m.outputDimension).map { m.weights.rowArray($0) + [m.bias[$0]] }
        let (regions, _) = try #require(RegionEnumerator.regions(n))
        #expect(regions.count == arrangementRegions(lines), "seed \(200 + seed)")
    }

    @Test func concurrentLinesAreCountedOnce() throws {
        // Three lines through the origin and a duplicate: 6 regions, as the formula says.
        let n = try spec(
            """
            input: 2
            layers:
              - dense: {weights: [[1, 0], [0, 1], [1, 1], [2, 2]]}
                activation: relu
            """)
        let (regions, _) = try #require(RegionEnumerator.regions(n))
        #expect(regions.count == 6)
        #expect(arrangementRegions([[1, 0, 0], [0, 1, 0], [1, 1, 0], [2, 2, 0]]) == 6)
    }

    @Test(arguments: 1...6)
    func twoInputGridPatternsAreAllEnumerated(seed: Int) throws {
        let n = RandomNetwork.make(
            inputs: 2, layers: 2, width: 4, outputs: 1, activation: .relu, seed: UInt64(300 + seed))
        let (regions, _) = try #require(RegionEnumerator.regions(n))
        let enumerated = Set(regions.map(\.pattern.pieces))
        var seen = Set<[[Int]]>()
        for i in -12...12 {
            for j in -12...12 {
                let x = [Rational(i, 2), Rational(j, 2)]
                let p = try patternAt(n, x)
                if p.joined().contains(1) { continue }  // on a breakpoint
                seen.insert(p)
                #expect(enumerated.contains(p), "seed \(300 + seed): grid point \(x) has pattern \(p) not enumerated")
            }
        }
        #expect(seen.count <= enumerated.count)
        #expect(seen.count >= 2, "the grid crosses some breakpoint")
    }

    @Test(arguments: 1...16)
    func everyNotAffineWitnessRechecks(seed: Int) throws {
        let n = RandomNetwork.make(
            inputs: 1 + seed % 3, layers: 1 + seed % 2, width: 3, outputs: 1, activation: .relu,
            seed: UInt64(400 + seed))
        let a = try #require(RegionDecision.analysis(n, options: AnalysisOptions()))
        if a.verdict == .notAffine {
            #expect(witnessRechecks(n, a.affinity), "seed \(400 + seed)")
            if a.additivity.witness != nil { #expect(witnessRechecks(n, a.additivity)) }
            if a.homogeneity.witness != nil { #expect(witnessRechecks(n, a.homogeneity)) }
        } else {
            #expect(a.verdict.collapses, "seed \(400 + seed): \(a.outcome)")
            let check = PropertyCheck.run(n, analysis: a, trials: 20, seed: 9)
            #expect(check.allPassed, "\(check.failures)")
        }
    }

    @Test func domainRestrictsTheRegionsToABox() throws {
        let n = try spec(
            """
            input: 2
            layers:
              - dense: {weights: [[1, 0], [0, 1]], bias: [-5, 0]}
                activation: relu
            """)
        let box = [
            LinearConstraint([1, 0], .less, 2), LinearConstraint([-1, 0], .less, 2),
            LinearConstraint([0, 1], .less, 2), LinearConstraint([0, -1], .less, 2),
        ]
        let (inBox, _) = try #require(RegionEnumerator.regions(n, options: RegionEnumerationOptions(domain: box)))
        #expect(inBox.count == 2)  // x1 = 5 lies outside the box
        let (all, _) = try #require(RegionEnumerator.regions(n))
        #expect(all.count == 4)
    }
}
