import Testing
import ExactNumbers
import Algebra
@testable import Collapse
import NetworkModel

@Suite struct RegionsPolygons {
    /// Twice the signed area (shoelace), exactly.
    func doubleArea(_ p: [[Rational]]) -> Rational {
        var s = Rational.zero
        for i in p.indices {
            let a = p[i], b = p[(i + 1) % p.count]
            s += a[0] * b[1] - a[1] * b[0]
        }
        return s
    }

    @Test(arguments: 1...6)
    func polygonsTileTheBoxExactly(seed: Int) throws {
        let n = RandomNetwork.make(
            inputs: 2, layers: 1 + seed % 2, width: 4, outputs: 1, activation: .relu, seed: UInt64(500 + seed))
        let box = (x0: Rational(-2), x1: Rational(2), y0: Rational(-1), y1: Rational(3))
        let domain = [
            LinearConstraint([1, 0], .less, box.x1), LinearConstraint([-1, 0], .less, -box.x0),
            LinearConstraint([0, 1], .less, box.y1), LinearConstraint([0, -1], .less, -box.y0),
        ]
        let (regions, _) = try #require(RegionEnumerator.regions(n, options: RegionEnumerationOptions(domain: domain)))
        let polygons = regions.map { RegionPolygons.polygon(of: $0, box: box) }
        #expect(polygons.allSatisfy { !$0.isEmpty }, "every region meets the box")
        #expect(polygons.allSatisfy { doubleArea($0).signum > 0 }, "counter-clockwise, non-degenerate")
        #expect(
            polygons.reduce(Rational.zero) { $0 + doubleArea($1) } == Rational(32), "the areas add up to the box's 16")
    }
}
