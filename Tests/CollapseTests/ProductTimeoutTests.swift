import ExactNumbers
import Algebra
import NetworkModel
@testable import Collapse
import Foundation
import Testing

/// Issue 14: `--timeout` is honoured INSIDE one large symbolic product (the kernel asks the
/// deadline every `ComputationInterrupt.checkInterval` term products), not only between layers.
@Suite struct ProductTimeoutTests {
    /// `layers` dense n×n layers whose every weight and bias is a symbol (identity activations).
    static func symbolicChain(n: Int, layers: Int) throws -> Network {
        let dense = (1...layers).map { l in
            let w = (0..<n).map { i in "[" + (0..<n).map { j in "\"w\(l)_\(i)_\(j)\"" }.joined(separator: ", ") + "]" }
            let b = (0..<n).map { i in "\"b\(l)_\(i)\"" }
            return
                "{\"dense\": {\"weights\": [\(w.joined(separator: ", "))], \"bias\": [\(b.joined(separator: ", "))]}}"
        }
        return try SpecReader.parse(
            text: "{\"input\": \(n), \"layers\": [\(dense.joined(separator: ", "))]}", file: "chain.json", format: .json
        )
    }

    @Test func aDeadlineStopsTheSymbolicChainInsideAProduct() throws {
        // 10×10, 6 layers: seconds of products even optimised (8×8 composes in about half a
        // second); 0.2 s must stop it well before its end.
        let network = try Self.symbolicChain(n: 10, layers: 6)
        var options = AnalysisOptions()
        options.deadline = Deadline(seconds: 0.2)
        let start = Date()
        let analysis = Analyzer.analyze(network, options: options)
        let elapsed = Date().timeIntervalSince(start)
        #expect(analysis.verdict == .unknown)
        guard case .undecided(.resourceLimit(.timedOut(let seconds, .composition(let layersDone)))) = analysis.outcome
        else {
            Issue.record("expected the deadline to stop the composition: \(analysis.outcome)")
            return
        }
        #expect(seconds == 0.2)
        #expect(layersDone < 6)
        #expect(elapsed < 30, "a loaded machine may be slow, but not this slow: \(elapsed) s")
    }

    @Test func withoutADeadlineTheSameProductsComplete() throws {
        let network = try Self.symbolicChain(n: 3, layers: 3)
        let folded = Composition.foldedSymbolic(network)!
        guard
            case .success(let map) = Composition.composeChainChecked(
                folded, budget: .standard, deadline: Deadline(seconds: 3600))
        else {
            Issue.record("a generous deadline stopped a small chain")
            return
        }
        // Entry (i, j) of W3·W2·W1 has 3·3 = 9 terms of degree 3; the bias 9 + 3 + 1 terms.
        #expect(map.weights.entries.allSatisfy { $0.termCount == 9 && $0.totalDegree == 3 })
        #expect(map.bias.allSatisfy { $0.termCount == 13 })
        #expect(map == AffineMap.composeChain(folded))
    }
}
