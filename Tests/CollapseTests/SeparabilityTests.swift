import Testing
import ExactNumbers
@testable import Collapse

/// Exact linear separability against an independent brute force on small integer grids.
@Suite struct SeparabilityTests {
    /// Brute force: some integer direction w with |wᵢ| ≤ 4 has every label-1 value above every
    /// label-0 value (then b = −(max₀ + min₁)/2 separates). For points of {0,1,2}², the open
    /// cone of separating directions of a separable labelling is bounded by normals of grid
    /// differences (coordinates in −2...2), so it contains the sum of two of them: a
    /// direction in this candidate set.
    static func bruteForceSeparable(_ points: [[Int]], _ labels: [Int]) -> Bool {
        // Integer points and integer directions: machine integers are exact here, and keep
        // this reference independent of the rational LP it checks.
        for a in -4...4 {
            for c in -4...4 {
                let values = points.map { a * $0[0] + c * $0[1] }
                let ones = zip(values, labels).filter { $0.1 == 1 }.map(\.0)
                let zeros = zip(values, labels).filter { $0.1 == 0 }.map(\.0)
                guard let low = ones.min(), let high = zeros.max() else { return true }
                if high < low { return true }
            }
        }
        return false
    }

    static func integerGrid(_ side: Int) -> [[Int]] {
        (0..<side).flatMap { i in (0..<side).map { j in [i, j] } }
    }

    static func grid(_ side: Int) -> [[Rational]] {
        integerGrid(side).map { $0.map { Rational($0) } }
    }

    @Test(arguments: [2, 3])
    func decisionMatchesBruteForceOnEveryLabellingOfTheGrid(side: Int) {
        let points = Self.grid(side), integerPoints = Self.integerGrid(side)
        var separable = 0
        for mask in 0..<(1 << points.count) {
            let labels = (0..<points.count).map { (mask >> $0) & 1 }
            let expected = Self.bruteForceSeparable(integerPoints, labels)
            switch Separability.decide(points: points, labels: labels) {
            case .separable(let w, let b, let margin):
                #expect(expected, "labelling \(labels): LP separates, brute force does not")
                #expect(
                    Separability.separates(weights: w, bias: b, points: points, labels: labels), "labelling \(labels)")
                #expect(margin.signum > 0)
                separable += 1
            case .notSeparable(let farkas):
                #expect(!expected, "labelling \(labels): brute force separates, LP does not")
                #expect(
                    Separability.checkFarkas(farkas, points: points, labels: labels),
                    "labelling \(labels): farkas \(farkas)")
                #expect(farkas.allSatisfy { $0.isInteger }, "multipliers are the smallest integers")
            }
        }
        // Known counts of linearly separable dichotomies: 14 of 16 for the square
        // (all but XOR and XNOR); for the 3×3 grid, 2 + 2·(number of non-trivial cuts).
        if side == 2 { #expect(separable == 14) }
    }

    @Test func xorHasTheFarkasCertificateOneOneOneOne() {
        let outcome = Separability.decide(points: Self.grid(2), labels: [0, 1, 1, 0])
        #expect(outcome == .notSeparable(farkas: [1, 1, 1, 1].map { Rational($0) }))
    }

    @Test func tamperedFarkasVectorsAreRejected() {
        let points = Self.grid(2), labels = [0, 1, 1, 0]
        #expect(!Separability.checkFarkas([1, 1, 1, 2].map { Rational($0) }, points: points, labels: labels))
        #expect(!Separability.checkFarkas([0, 0, 0, 0].map { Rational($0) }, points: points, labels: labels))
        #expect(!Separability.checkFarkas([-1, -1, -1, -1].map { Rational($0) }, points: points, labels: labels))
    }

    @Test func edgeShapes() {
        // No points, one class only, zero-dimensional points.
        if case .separable = Separability.decide(points: [], labels: []) {
        } else {
            Issue.record("no points are separable")
        }
        if case .separable = Separability.decide(points: [[Rational(1)], [Rational(2)]], labels: [1, 1]) {
        } else {
            Issue.record("one class")
        }
        #expect(
            Separability.decide(points: [[], []], labels: [0, 1]) == .notSeparable(farkas: [Rational(1), Rational(1)]))
        // The same point with both labels.
        #expect(
            Separability.decide(points: [[Rational(1, 2)], [Rational(1, 2)]], labels: [0, 1])
                == .notSeparable(farkas: [Rational(1), Rational(1)]))
    }
}
