import Testing
import ExactNumbers
import Algebra
import NetworkModel
import TestSupport
@testable import Collapse

/// The derivation's values (`Derivation`) against independent computations: the chain's
/// running products against a product taken in the test, the traced witness against
/// `Evaluator` on the whole network, the truth table and the case analysis against direct
/// evaluation and the regions' own maps.
@Suite struct DerivationTests {
    /// A product of matrices taken entry by entry here, independently of `Matrix.*`.
    static func product(_ a: Matrix<Rational>, _ b: Matrix<Rational>) -> Matrix<Rational> {
        var entries = [Rational]()
        for i in 0..<a.rows {
            for j in 0..<b.columns {
                var sum = Rational.zero
                for k in 0..<a.columns { sum = sum + a[i, k] * b[k, j] }
                entries.append(sum)
            }
        }
        return Matrix(rows: a.rows, columns: b.columns, entries: entries)
    }

    @Test func chainProductsAreTheLayerByLayerProducts() throws {
        var counter = CaseCounter()
        for seed in UInt64(1)...12 {
            let activation: Activation =
                seed % 3 == 0
                ? .identity
                : .affine(slope: Polynomial(Rational(Int(seed % 5) + 1, 2)), intercept: Polynomial(Rational(-1, 3)))
            let network = RandomNetwork.make(
                inputs: 2 + Int(seed % 2), layers: 2 + Int(seed % 3), width: 3, outputs: 2, activation: activation,
                seed: seed)
            let analysis = analyzed(network)
            #expect(analysis.verdict.collapses)
            guard case .numeric(let chain)? = Derivation(analysis).chain else {
                Issue.record("seed \(seed): no numeric chain")
                continue
            }
            let folded = analysis.foldedLayers.map { layer -> AffineMap<Rational> in
                guard case .numeric(let m) = layer else { fatalError("numeric network") }
                return m
            }
            #expect(chain.steps.map(\.layer) == Array(1...network.layers.count))
            var a = folded[0].weights
            var c = folded[0].bias
            #expect(chain.steps[0].product == a && chain.steps[0].offset == c)
            for k in 1..<folded.count {
                a = Self.product(folded[k].weights, a)
                c = Self.product(folded[k].weights, Matrix(column: c)).columnArray(0).enumerated().map {
                    $0.element + folded[k].bias[$0.offset]
                }
                #expect(chain.steps[k].map == folded[k])
                #expect(chain.steps[k].product == a, "seed \(seed), step \(k + 1)")
                #expect(chain.steps[k].offset == c, "seed \(seed), step \(k + 1)")
            }
            // The last step is the map the network computes: F(p) = A p + c at random points.
            guard case .numeric(let collapsed)? = analysis.collapsed, let last = chain.steps.last else {
                Issue.record("seed \(seed): no numeric collapsed map")
                continue
            }
            #expect(last.product == collapsed.weights && last.offset == collapsed.bias)
            for p in [[Rational(1), Rational(-2), Rational(3, 7)], [Rational(5, 2), .zero, Rational(-1)]] {
                let x = Array(p.prefix(network.inputDimension))
                let value = try exactly(network, x)
                let mapped = Self.product(last.product, Matrix(column: x)).columnArray(0)
                #expect(value == zip(mapped, last.offset).map { $0 + $1 })
            }
            counter.count()
        }
        counter.requireAtLeast(12)
    }

    @Test func identityLayersAreLeftOutOfTheChain() throws {
        let network = try spec(
            """
            input: [x1, x2]
            layers:
              - dense: {weights: [[1, 2], [3, 4]], bias: [1, 0]}
              - activation: identity
              - dense: {weights: [[1, -1]]}
            """)
        let analysis = analyzed(network)
        guard case .numeric(let chain)? = Derivation(analysis).chain else {
            Issue.record("no numeric chain")
            return
        }
        #expect(chain.steps.map(\.layer) == [1, 3])
        #expect(chain.steps[1].product == Matrix(rows: [[Rational(-2), Rational(-2)]]))
        #expect(chain.steps[1].offset == [Rational(1)])
    }

    @Test func witnessTraceRowsAreTheEvaluatorsValues() throws {
        var counter = CaseCounter()
        for seed in UInt64(20)...35 {
            let activation: Activation = [.relu, .abs, .tanh, .step][Int(seed % 4)]
            let network = RandomNetwork.make(
                inputs: 2, layers: 2 + Int(seed % 2), width: 3, outputs: 1, activation: activation, seed: seed)
            let analysis = analyzed(network)
            guard !analysis.verdict.collapses, let w = analysis.affinity.witness, let y = w.y else { continue }
            guard case .success(let trace)? = Derivation(analysis).witnessTrace else {
                Issue.record("seed \(seed): no witness trace")
                continue
            }
            let points = [w.x, y, zip(w.x, y).map { $0 + $1 }, w.x.map { _ in Rational.zero }]
            #expect(trace.points == points)
            #expect(trace.steps.first == .input)
            // One dense row and one activation row per layer.
            #expect(trace.steps.count == 1 + 2 * network.layers.count)
            let layerTrace = try points.map { try Evaluator.trace(network, at: $0) }
            for (p, values) in trace.values.enumerated() {
                #expect(values.count == trace.steps.count)
                #expect(values[0] == points[p].map { .exact($0) })
                // The last row is F at the point, as the whole network traced layer by layer gives it.
                #expect(values.last == layerTrace[p].last, "seed \(seed), point \(p)")
                #expect(values.last == (try Evaluator.evaluate(network, at: points[p])))
            }
            counter.count()
        }
        counter.requireAtLeast(10)
    }

    @Test func xorTruthTableIsTheNetworkOnTheCorners() throws {
        let network = try spec(
            """
            input: [x1, x2]
            layers:
              - dense: {weights: [[1, 1], [1, 1]], bias: ["-1/2", "-3/2"]}
                activation: step
              - dense: {weights: [[1, -1]], bias: ["-1/2"]}
                activation: step
            """)
        let analysis = analyzed(network)
        let table = try #require(Derivation(analysis).truthTable)
        #expect(table.rows.map(\.input) == [[0, 0], [0, 1], [1, 0], [1, 1]].map { $0.map { Rational($0) } })
        for row in table.rows {
            #expect(row.output == (try exactly(network, row.input)))
            // XOR: 1 exactly when one input is 1.
            #expect(row.output == [Rational(row.input.filter(\.isOne).count == 1 ? 1 : 0)])
        }
        // Not Boolean at the corners: no table.
        let doubled = try spec(
            """
            input: [x1, x2]
            layers:
              - dense: {weights: [[2, 1]]}
                activation: relu
            """)
        #expect(try exactly(doubled, [1, 0].map { Rational($0) }) == [Rational(2)])
        #expect(TruthTable(network: doubled) == nil)
    }

    @Test func caseAnalysisAgreesWithTheRegions() throws {
        var counter = CaseCounter()
        for seed in UInt64(40)...49 {
            let network = RandomNetwork.make(inputs: 2, layers: 2, width: 3, outputs: 1, activation: .relu, seed: seed)
            let analysis = analyzed(network)
            guard let facts = analysis.regions, let cases = Derivation(analysis).caseAnalysis else { continue }
            #expect(cases.cases.count == Set(facts.regions + facts.differing).count)
            for c in cases.cases {
                // The linearisation's last map is the region's own map (found by the enumerator).
                #expect(c.layerMaps?.last == c.region.map, "seed \(seed)")
                #expect((c.jacobian != nil) == c.region.isFullDimensional)
                // Each region's interior point lies in it.
                #expect(c.region.constraints.allSatisfy { $0.isSatisfied(by: c.region.point) })
                for (i, p) in cases.witnessPoints.enumerated() {
                    let inside = c.region.constraints.allSatisfy { $0.isSatisfied(by: p) }
                    #expect(c.holdsWitnessPoint[i] == inside)
                    // A point in the region is mapped by the region's map.
                    if inside, c.region.isFullDimensional {
                        let value = try exactly(network, p)
                        #expect(value == c.region.map.apply(p))
                    }
                }
            }
            counter.count()
        }
        counter.requireAtLeast(5)
    }

    @Test func scalarBreakValuesAreTheActivationsValues() throws {
        for activation in [Activation.relu, .abs, .step, .hardtanh, .sigmoid, .tanh] {
            let values = try #require(ScalarBreakValues(activation))
            let brk = values.counterexample
            let one = Network(inputNames: ["t"], layers: [Layer(dense: nil, activation: activation)])
            #expect(values.atS == (try Evaluator.evaluate(one, at: [brk.s])).first)
            #expect(values.atT == (try Evaluator.evaluate(one, at: [brk.t])).first)
            #expect(values.atSum == (try Evaluator.evaluate(one, at: [brk.s + brk.t])).first)
            #expect(values.atZero == (try Evaluator.evaluate(one, at: [.zero])).first)
            #expect(brk.fixesZero == (values.atZero?.provablyEquals(.exact(.zero)) == true))
        }
        #expect(ScalarBreakValues(.identity) == nil)
    }
}
