import Testing
import ExactNumbers
import Algebra
@testable import Collapse

/// Fourier–Motzkin elimination: an independent, exact decision of feasibility for small
/// systems (strictness carried through: a combination is strict when either part is).
func fourierMotzkinFeasible(_ constraints: [LinearConstraint], dimension n: Int) -> Bool {
    var rows: [(a: [Rational], b: Rational, strict: Bool)] = []
    for c in constraints {
        switch c.relation {
        case .lessOrEqual: rows.append((c.coefficients, c.bound, false))
        case .less: rows.append((c.coefficients, c.bound, true))
        case .equal:
            rows.append((c.coefficients, c.bound, false))
            rows.append((c.coefficients.map { -$0 }, -c.bound, false))
        }
    }
    for k in 0..<n {
        let positive = rows.filter { $0.a[k].signum > 0 }
        let negative = rows.filter { $0.a[k].signum < 0 }
        var next = rows.filter { $0.a[k].isZero }
        for p in positive {
            for q in negative {
                let fp = -q.a[k], fq = p.a[k]  // both positive
                let a = zip(p.a, q.a).map { fp * $0 + fq * $1 }
                next.append((a, fp * p.b + fq * q.b, p.strict || q.strict))
            }
        }
        rows = next
    }
    return rows.allSatisfy { $0.strict ? $0.b.signum > 0 : $0.b.signum >= 0 }
}

@Suite struct RegionsLinearProgram {
    @Test func feasibilityAgreesWithFourierMotzkinOnRandomSystems() {
        var rng = SplitMix64(seed: 606)
        var feasibleCount = 0
        for trial in 0..<400 {
            let n = Int.random(in: 1...3, using: &rng)
            let m = Int.random(in: 1...6, using: &rng)
            let constraints = (0..<m).map { _ -> LinearConstraint in
                let a = (0..<n).map { _ in Rational(Int.random(in: -3...3, using: &rng)) }
                let b = Rational.random(numerators: -4...4, denominators: 1...2, using: &rng)
                let kind = Int.random(in: 0..<10, using: &rng)
                let relation: LinearConstraint.Relation = kind < 4 ? .lessOrEqual : (kind < 9 ? .less : .equal)
                return LinearConstraint(a, relation, b)
            }
            let expected = fourierMotzkinFeasible(constraints, dimension: n)
            let point = LinearFeasibility.point(satisfying: constraints, dimension: n)
            #expect((point != nil) == expected, "trial \(trial) (seed 606): \(constraints)")
            if let point {
                feasibleCount += 1
                #expect(
                    constraints.allSatisfy { $0.isSatisfied(by: point) },
                    "trial \(trial): \(point) violates \(constraints)")
            }
        }
        #expect(
            feasibleCount > 50 && feasibleCount < 390,
            "the random systems exercise both answers (\(feasibleCount) feasible)")
    }

    @Test func interiorPointExistsExactlyForFullDimensionalPolyhedra() {
        let x = [Rational.one, .zero], y = [Rational.zero, .one]
        // The unit square: interior (1/2, 1/2)-like point.
        let square = [
            LinearConstraint(x, .lessOrEqual, 1), LinearConstraint(x.map { -$0 }, .lessOrEqual, 0),
            LinearConstraint(y, .lessOrEqual, 1), LinearConstraint(y.map { -$0 }, .lessOrEqual, 0),
        ]
        let p = LinearFeasibility.interiorPoint(of: square, dimension: 2)
        #expect(p.map { $0.allSatisfy { $0 > 0 && $0 < 1 } } == true)
        // A segment (x1 = 0 with 0 <= x2 <= 1) has no interior point but is feasible.
        let segment = [LinearConstraint(x, .lessOrEqual, 0)] + square
        #expect(LinearFeasibility.interiorPoint(of: segment, dimension: 2) == nil)
        #expect(LinearFeasibility.point(satisfying: segment, dimension: 2) != nil)
        // Relative interior within an equality: x1 + x2 = 1 inside the square.
        let diagonal = square + [LinearConstraint([1, 1], .equal, 1)]
        let d = LinearFeasibility.interiorPoint(of: diagonal, dimension: 2)
        #expect(d.map { $0[0] + $0[1] == 1 && $0[0] > 0 && $0[0] < 1 } == true)
    }

    @Test func strictAndNonStrictDifferOnATouchingPair() {
        // x <= 0 and x >= 0 is the point 0; x < 0 and x >= 0 is empty.
        let closed = [LinearConstraint([1], .lessOrEqual, 0), LinearConstraint([-1], .lessOrEqual, 0)]
        #expect(LinearFeasibility.point(satisfying: closed, dimension: 1) == [0])
        let open = [LinearConstraint([1], .less, 0), LinearConstraint([-1], .lessOrEqual, 0)]
        #expect(LinearFeasibility.point(satisfying: open, dimension: 1) == nil)
    }

    @Test func irredundantDropsImpliedConditions() {
        // x < 1 is implied by x < 0.
        let c = [LinearConstraint([1], .less, 1), LinearConstraint([1], .less, 0), LinearConstraint([-1], .less, 5)]
        #expect(LinearFeasibility.irredundant(c, point: [-1]) == [c[1], c[2]])
    }

    @Test func normalizedClearsDenominatorsAndCommonFactors() {
        let c = LinearConstraint([q("1/2"), q("-1/3")], .less, q("1/6")).normalized()
        #expect(c == LinearConstraint([3, -2], .less, 1))
        #expect(LinearConstraint([4, 6], .equal, 2).normalized() == LinearConstraint([2, 3], .equal, 1))
    }
}
