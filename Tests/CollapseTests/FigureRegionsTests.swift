import Algebra
import Collapse
import ExactNumbers
import NetworkModel
import TestSupport
import Testing

/// `FigureRegions`, the regions a `--figures` picture draws, against independent facts: each
/// region's point lies strictly inside the plot box, the network evaluated there (`Evaluator`)
/// equals the region's own affine map, and each region gets its own number.
@Suite struct FigureRegionsTests {
    @Test func regionsLieInTheBoxAndTheirMapsAreTheNetworkThere() throws {
        var regionsChecked = 0, networksChecked = 0
        for seed in 0..<30 {
            let network = RandomPiecewiseLinearNetworks.network(seed: seed, cancelling: seed % 3 == 0)
            let analysis = Analyzer.analyze(network)
            let figures = FigureRegions(network: network, analysis: analysis, limit: 4096)
            guard case .regions(let inBox, let numbers, let box, _) = figures else {
                Issue.record("seed \(seed): no picture (\(figures))")
                continue
            }
            #expect(box == PlotBox(x0: Rational(-2), x1: Rational(2), y0: Rational(-2), y1: Rational(2)))
            #expect(!inBox.isEmpty)
            #expect(numbers.count == inBox.count)
            #expect(Set(numbers).count == numbers.count)
            #expect(numbers.allSatisfy { $0 >= 1 })
            for region in inBox {
                for (i, x) in region.point.enumerated() {
                    #expect(Rational(-2) < x && x < Rational(2), "seed \(seed): coordinate \(i) outside the box")
                }
                let values = try Evaluator.evaluate(network, at: region.point)
                let expected = region.map.apply(region.point)
                #expect(values.count == expected.count)
                for (value, e) in zip(values, expected) {
                    #expect(value.provablyEquals(.exact(e)), "seed \(seed): F at the region's point")
                }
                regionsChecked += 1
            }
            networksChecked += 1
        }
        #expect(networksChecked == 30)
        #expect(regionsChecked >= 60)
    }

    @Test func picturesNeedOneOrTwoInputs() {
        let network = RandomPiecewiseLinearNetworks.network(seed: 1, cancelling: false)
        let three = Network(
            name: "three", inputNames: ["a", "b", "c"],
            layers: [
                Layer(
                    dense: .numeric(
                        AffineMap(
                            weights: Matrix(rows: 1, columns: 3, entries: [1, 1, 1].map { Rational($0) }),
                            bias: [Rational(0)])), activation: .relu)
            ])
        if case .unsupportedInputs(let n) = FigureRegions(network: three, analysis: Analyzer.analyze(three), limit: 10)
        {
            #expect(n == 3)
        } else {
            Issue.record("a 3-input network got a picture")
        }
        if case .tooManyRegions(let limit) = FigureRegions(
            network: network, analysis: Analyzer.analyze(network), limit: 0)
        {
            #expect(limit == 0)
        } else {
            Issue.record("a limit of 0 regions still drew a picture")
        }
    }
}
