import Testing
import ExactNumbers
import Algebra
import NetworkModel
import Collapse
import Rendering

/// A network whose float32 layers are kept compact (`Network.compactFloat32Layers`) and
/// decided without keeping its folded layers (`AnalysisOptions.keepsFoldedLayers = false`, as
/// `analyze` does without a LaTeX document) gives the same reports as the network as read,
/// decided with the defaults: every byte of the JSON and text reports.
@Suite struct CompactNetworkReportTests {
    /// A dyadic weight p/2^k (a float32 number) or, with probability 1/8 when allowed, p/3.
    static func weight(_ rng: inout SplitMix64, thirds: Bool) -> Rational {
        let p = Int(rng.next() % 81) - 40
        if thirds && rng.next() % 8 == 0 { return Rational(p, 3) }
        return Rational(p, overPowerOfTwo: Int(rng.next() % 7))
    }

    static let activations: [Activation] = [
        .identity, .affine(slope: Polynomial(Rational(2)), intercept: Polynomial(Rational(-1))),
        .affine(slope: Polynomial(Rational(1, 2)), intercept: Polynomial(Rational(0))), .relu,
        .leakyRelu(alpha: Polynomial(Rational(1, 5))), .abs, .hardtanh, .step,
        .polynomial([Polynomial(Rational(0)), Polynomial(Rational(1)), Polynomial(Rational(1))]), .tanh, .softmax,
    ]

    /// Random networks from a fixed seed: 1-3 inputs, 1-3 layers of width 1-4 (some without a
    /// dense part), activations drawn from `activations` (all affine for a third of them).
    static func networks() -> [Network] {
        var rng = SplitMix64(seed: 1515)
        return (0..<24).map { index in
            let inputs = Int(rng.next() % 3) + 1
            let depth = Int(rng.next() % 3) + 1
            let affineOnly = index % 3 == 0
            var width = inputs
            var layers = [Layer]()
            for k in 0..<depth {
                let pool = affineOnly ? Array(activations.prefix(3)) : activations
                let activation = pool[Int(rng.next() % UInt64(pool.count))]
                if k > 0 && rng.next() % 6 == 0 {
                    layers.append(Layer(dense: nil, activation: activation))
                    continue
                }
                let out = Int(rng.next() % 4) + 1
                let thirds = k == 1
                let entries = (0..<(out * width)).map { _ in weight(&rng, thirds: thirds) }
                let bias = (0..<out).map { _ in weight(&rng, thirds: thirds) }
                let map = AffineMap(weights: Matrix(rows: out, columns: width, entries: entries), bias: bias)
                layers.append(Layer(dense: .numeric(map), activation: activation))
                width = out
            }
            return Network(
                name: "compact \(index)", inputNames: (1...inputs).map { "x\($0)" }, layers: layers)
        }
    }

    @Test func compactNetworksGiveTheSameReports() {
        var compactLayers = 0, collapses = 0
        for network in Self.networks() {
            var compact = network
            compact.compactFloat32Layers(minimumWeights: 1)
            #expect(compact == network)
            compactLayers += compact.layers.filter { if case .float32? = $0.dense { true } else { false } }.count
            var options = AnalysisOptions()
            options.keepsFoldedLayers = false
            let plain = Analyzer.analyze(network)
            let consumed = Analyzer.analyze(compact, options: options)
            let name = network.name ?? ""
            #expect(consumed.verdict == plain.verdict, "\(name)")
            #expect(JSONReport.render(consumed) == JSONReport.render(plain), "\(name)")
            #expect(TextReport.render(consumed) == TextReport.render(plain), "\(name)")
            if plain.verdict.collapses {
                collapses += 1
                #expect(consumed.collapsed == plain.collapsed, "\(name)")
            }
        }
        // Both paths are exercised: compact layers and collapses by folding without kept layers.
        #expect(compactLayers >= 20)
        #expect(collapses >= 6)
    }

    /// With a LaTeX document the folded layers are kept (the default options): the document of
    /// the compact network is the network's, byte for byte.
    @Test func compactNetworksGiveTheSameDocument() {
        for network in Self.networks() {
            var compact = network
            compact.compactFloat32Layers(minimumWeights: 1)
            #expect(
                LaTeXDocument.render(Analyzer.analyze(compact)) == LaTeXDocument.render(Analyzer.analyze(network)),
                "\(network.name ?? "")")
        }
    }

    @Test func theFoldedLayersAreKeptByDefault() {
        for network in Self.networks() where Composition.foldedNumeric(network) != nil && !network.layers.isEmpty {
            var compact = network
            compact.compactFloat32Layers(minimumWeights: 1)
            var options = AnalysisOptions()
            let kept = Analyzer.analyze(compact, options: options)
            options.keepsFoldedLayers = false
            let dropped = Analyzer.analyze(compact, options: options)
            #expect(kept.foldedLayers.count == network.layers.count)
            #expect(dropped.foldedLayers.isEmpty)
            #expect(kept.collapsed == dropped.collapsed)
        }
    }
}
