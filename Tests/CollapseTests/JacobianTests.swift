import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

/// The Jacobian ∂F/∂x (issue 10 item 6) against exact finite differences
/// (F(x + h e_i) − F(x))/h, computed by layer-by-layer evaluation.
struct JacobianTests {
    /// Column i of ∂F/∂x by an exact forward difference with step h.
    func difference(_ network: Network, at x: [Rational], input i: Int, step h: Rational) throws -> [Rational] {
        var moved = x
        moved[i] += h
        return try zip(exactly(network, moved), exactly(network, x)).map { ($0 - $1) / h }
    }

    @Test func regionJacobiansEqualFiniteDifferencesInsideTheRegion() throws {
        var rng = SplitMix64(seed: 606)
        var checked = 0
        for (trial, activation) in [Activation.relu, .abs, .hardtanh, .leakyRelu(alpha: Polynomial(Rational(1, 3)))]
            .enumerated()
        {
            for k in 0..<3 {
                let network = RandomNetwork.make(
                    inputs: 2, layers: 2, width: 3, outputs: 2, activation: activation, seed: UInt64(100 * trial + k))
                let (regions, _) = try #require(RegionEnumerator.regions(network))
                for region in regions where region.isFullDimensional {
                    let jacobian = try #require(Jacobian.on(region))
                    // A random point of the region: the region's point, nudged while it stays inside.
                    var x = region.point
                    for i in x.indices {
                        var nudged = x
                        nudged[i] += Rational(Int(rng.next() % 7) - 3, 64)
                        if region.constraints.allSatisfy({ $0.isSatisfied(by: nudged) }) { x = nudged }
                    }
                    for i in 0..<network.inputDimension {
                        // A small rational step that stays in the region (the region is open there).
                        var h = Rational(1, Int(rng.next() % 5) + 2)
                        var moved = x
                        moved[i] += h
                        while !region.constraints.allSatisfy({ $0.isSatisfied(by: moved) }) {
                            h /= Rational(2)
                            moved = x
                            moved[i] += h
                        }
                        #expect(
                            try difference(network, at: x, input: i, step: h) == jacobian.columnArray(i),
                            "trial \(trial).\(k), column \(i)")
                        checked += 1
                    }
                }
                // `local` at the point agrees: its region's Jacobian is the same matrix.
                for region in regions where region.isFullDimensional {
                    #expect(LocalRegion.at(network, point: region.point).flatMap(Jacobian.on) == Jacobian.on(region))
                }
                // Lower-dimensional regions have none.
                for region in regions where !region.isFullDimensional { #expect(Jacobian.on(region) == nil) }
            }
        }
        #expect(checked >= 50, "only \(checked) differences checked")
    }

    @Test func aCollapsingNetworkHasJacobianWPrimeEverywhere() throws {
        var rng = SplitMix64(seed: 607)
        for seed in 0..<8 {
            let activation: Activation =
                seed % 2 == 0
                ? .identity : .affine(slope: Polynomial(Rational(2, 3)), intercept: Polynomial(Rational(-1)))
            let network = RandomNetwork.make(
                inputs: 3, layers: 3, width: 4, outputs: 2, activation: activation, seed: UInt64(seed))
            let a = analyzed(network)
            guard case .numeric(let map)? = Jacobian.of(a) else {
                Issue.record("seed \(seed): no numeric Jacobian for \(a.verdict)")
                continue
            }
            #expect(a.collapsed == .numeric(map))
            for _ in 0..<3 {
                let x = (0..<3).map { _ in Rational(Int(rng.next() % 21) - 10, Int(rng.next() % 4) + 1) }
                for i in 0..<3 {
                    let h = Rational(Int(rng.next() % 9) + 1, Int(rng.next() % 50) + 1)
                    #expect(try difference(network, at: x, input: i, step: h) == map.weights.columnArray(i))
                }
            }
        }
    }

    @Test func relusThatCancelHaveJacobianWPrime() throws {
        // relu(t) − relu(−t) = t: regions agree, the Jacobian is W' on both sides of the kink.
        let network = try spec(
            """
            input: [x1, x2]
            layers:
              - dense: {weights: [[1, 2], [-1, -2]]}
                activation: relu
              - dense: {weights: [[3, -3]], bias: [1]}
            """)
        let a = analyzed(network)
        guard case .numeric(let map)? = Jacobian.of(a) else {
            Issue.record("no Jacobian: \(a.verdict)")
            return
        }
        #expect(map.weights.rowArray(0) == [Rational(3), Rational(6)])
        for x in [qs("1", "1"), qs("-1", "-1"), qs("2", "-1")] {  // the last one is on the kink
            #expect(try difference(network, at: x, input: 0, step: q("1/7")) == [Rational(3)])
            #expect(try difference(network, at: x, input: 1, step: q("-1/5")) == [Rational(6)])
        }
    }

    @Test func noJacobianOnALowerDimensionalDomain() throws {
        let network = try spec(
            """
            input: [x1, x2]
            domain:
              box: [[0, 1], [0, 1]]
              constraints: ["x1 + x2 <= 1", "x1 + x2 >= 1"]
            layers:
              - dense: {weights: [[1, -2]], bias: [3]}
                activation: relu
            """)
        let a = analyzed(network)
        #expect(a.verdict.collapses)
        #expect(a.domainFindings?.dimension == 1)
        #expect(Jacobian.of(a) == nil)
    }
}
