import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse
import Enclosures

/// Normalisation never changes F: the simplified network against the original, by exact
/// evaluation (rigorous enclosures for transcendental activations, which must overlap) at
/// random rational points and at points exactly on the units' breakpoints.
@Suite struct NormalizationProperties {
    static let activations: [Activation] = [
        .relu, .leakyRelu(alpha: Polynomial(Rational(1, 5))), .leakyRelu(alpha: Polynomial(Rational(-2))), .hardtanh,
        .step, .sign, .abs, .sigmoid, .tanh, .arctan, .softplus, .silu, .gelu, .elu(alpha: Polynomial(Rational(1))),
        .polynomial([Polynomial(0), Polynomial(0), Polynomial(1)]),
        .polynomial([Polynomial(0), Polynomial(1), Polynomial(0), Polynomial(1)]),
    ]

    /// A 2-input network whose first layer has planted structure: proportional rows (scales
    /// ±1, 2, −1/2), a constant row, a zero outgoing column, and next-layer columns chosen so
    /// that some groups cancel by the activation's identity and others do not.
    static func planted(_ f: Activation, seed: UInt64) -> (Network, breakpoints: [[Rational]]) {
        var rng = SplitMix64(seed: seed)
        func small() -> Rational { Rational.random(numerators: -3...3, denominators: 1...2, using: &rng) }
        func nonzero() -> Rational { var r = small(); while r.isZero { r = small() }; return r }
        var rows = [[Rational]](), bias = [Rational](), columns = [[Rational]]()
        var points = [[Rational]]()
        let reflection = f.reflectionIdentity?.reflection
        for _ in 0..<3 {
            let base = [nonzero(), small()], b = small()
            // Points on the breakpoint base·x + b = 0 (and on ±1 for hardtanh).
            let x1 = small()
            for level in [Rational.zero, .one, Rational(-1)] {
                points.append([(level - b - base[1] * x1) / base[0], x1])
            }
            let scales: [Rational] = Bool.random(using: &rng) ? [1, -1] : [1, -1, 2, Rational(-1, 2)]
            let c1 = nonzero()
            for (position, s) in scales.enumerated() {
                rows.append(base.map { s * $0 }); bias.append(s * b)
                var c = small()
                if position == 1, let (a, _, _) = reflection, Bool.random(using: &rng) { c = -a * c1 }
                if position == 0 { c = c1 }
                columns.append([c, small()])
            }
        }
        rows.append([0, 0]); bias.append(small()); columns.append([nonzero(), small()])  // constant unit
        rows.append([nonzero(), nonzero()]); bias.append(small()); columns.append([0, 0])  // irrelevant unit
        let width = rows.count
        let w1 = AffineMap(weights: Matrix(rows: rows), bias: bias)
        let w2 = AffineMap(
            weights: Matrix(rows: (0..<2).map { r in (0..<width).map { columns[$0][r] } }), bias: [small(), small()])
        let w3 = AffineMap(weights: Matrix(rows: [[nonzero(), small()]]), bias: [small()])
        let n = Network(
            inputNames: ["x1", "x2"],
            layers: [
                Layer(dense: .numeric(w1), activation: f),
                Layer(dense: .numeric(w2), activation: Bool.random(using: &rng) ? f : .relu),
                Layer(dense: .numeric(w3)),
            ])
        return (n, points)
    }

    static func agree(_ a: [ExactValue], _ b: [ExactValue]) -> Bool {
        a.count == b.count
            && zip(a, b).allSatisfy { x, y in
                if let p = x.exactValue, let q = y.exactValue { return p == q }
                guard let i = x.interval, let j = y.interval else { return false }
                return i.overlaps(j)
            }
    }

    @Test(arguments: Array(activations.indices))
    func simplificationNeverChangesF(activationIndex: Int) throws {
        let f = Self.activations[activationIndex]
        var simplifiedCount = 0
        for seed in UInt64(1)...6 {
            let (n, breakpoints) = Self.planted(f, seed: seed &* 7919 &+ UInt64(activationIndex))
            let result = SemanticNormalization.normalize(n)
            if result.changed { simplifiedCount += 1 }
            var rng = SplitMix64(seed: seed)
            let random = (0..<8).map { _ in
                [
                    Rational.random(numerators: -9...9, denominators: 1...4, using: &rng),
                    Rational.random(numerators: -9...9, denominators: 1...4, using: &rng),
                ]
            }
            for p in random + breakpoints + [[0, 0]] {
                let original = try Evaluator.evaluate(n, at: p, precision: 96)
                let simplified = try Evaluator.evaluate(result.simplified, at: p, precision: 96)
                #expect(
                    Self.agree(original, simplified),
                    "seed \(seed), \(f.name), point \(p): \(original) vs \(simplified); steps \(result.steps)")
            }
        }
        // Every planted network has at least the constant and the irrelevant unit.
        #expect(simplifiedCount == 6)
    }
}
