import Testing
import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse

/// Farkas certificates read off the simplex's dual solution, validated by exact arithmetic.
@Suite struct FarkasCertificateTests {
    /// Random small systems: every one is either solved by a point that satisfies it or
    /// refuted by a certificate that checks; the answer agrees with `LinearFeasibility.point`.
    @Test func everyRandomSystemGetsAPointOrAValidCertificate() {
        var rng = SplitMix64(seed: 12)
        var refuted = 0
        for trial in 0..<200 {
            let n = 1 + trial % 3
            let count = 2 + trial % 5
            var constraints = [LinearConstraint]()
            for k in 0..<count {
                let a = (0..<n).map { _ in Rational.random(numerators: -3...3, denominators: 1...2, using: &rng) }
                let b = Rational.random(numerators: -4...4, denominators: 1...3, using: &rng)
                let relation: LinearConstraint.Relation = k % 4 == 3 ? .equal : (k % 2 == 0 ? .less : .lessOrEqual)
                constraints.append(LinearConstraint(a, relation, b))
            }
            let reference = LinearFeasibility.point(satisfying: constraints, dimension: n)
            switch LinearFeasibility.pointOrCertificate(satisfying: constraints, dimension: n) {
            case .success(let p):
                #expect(reference != nil, "trial \(trial): \(constraints)")
                #expect(constraints.allSatisfy { $0.isSatisfied(by: p) }, "trial \(trial)")
            case .failure(let empty):
                refuted += 1
                #expect(reference == nil, "trial \(trial): \(constraints)")
                #expect(
                    empty.certificate.isValid, "trial \(trial): \(constraints) with \(empty.certificate.multipliers)")
            }
        }
        #expect(refuted > 20, "the random systems exercise infeasibility (\(refuted) refuted)")
    }

    @Test func theCheckRejectsWrongMultipliers() {
        // x < 0 and -x < 0: 1·(x) + 1·(−x) = 0 < 0.
        let system = [LinearConstraint([Rational(1)], .less, .zero), LinearConstraint([Rational(-1)], .less, .zero)]
        #expect(FarkasCertificate.check(system, [Rational(1), Rational(1)]))
        #expect(!FarkasCertificate.check(system, [Rational(1), Rational(2)]))
        #expect(!FarkasCertificate.check(system, [Rational(0), Rational(0)]))
        // x ≤ 0 and −x ≤ 0 is feasible (x = 0): the same multipliers prove nothing.
        let closed = system.map { LinearConstraint($0.coefficients, .lessOrEqual, $0.bound) }
        #expect(!FarkasCertificate.check(closed, [Rational(1), Rational(1)]))
    }

    @Test func regionEnumerationCertifiesEveryPrunedPattern() throws {
        for seed in UInt64(1)...4 {
            let network = RandomNetwork.make(inputs: 2, layers: 3, width: 3, activation: .relu, seed: seed)
            var options = RegionEnumerationOptions(maxRegions: 500)
            options.collectCertificates = true
            let (_, summary) = try #require(RegionEnumerator.regions(network, options: options))
            #expect(!summary.certificates.isEmpty, "seed \(seed): some pattern is empty")
            for empty in summary.certificates {
                #expect(empty.certificate.isValid, "seed \(seed), pattern \(empty.symbols)")
            }
        }
    }
}
