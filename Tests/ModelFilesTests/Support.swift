import Foundation
import ExactNumbers
import NetworkModel
import ModelFiles
import Collapse
import Algebra

/// The committed fixtures (written by scripts/make-onnx-fixtures.py), read by path.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A fixture model read through the public entry point.
    static func network(_ name: String) throws -> Network {
        guard let network = try ModelFiles.read(path: path(name)) else { throw FixtureFailure.notAModel(name) }
        return network
    }

    /// The independent reference outputs (exact, computed in Python with fractions).
    static func reference(_ name: String) throws -> (points: [[Rational]], outputs: [[Rational]]) {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".reference.json"))
        let object = try JSONSerialization.jsonObject(with: data) as! [String: [[String]]]
        let parse: ([[String]]) throws -> [[Rational]] = { try $0.map { try $0.map { try Rational.parse($0) } } }
        return (try parse(object["points"]!), try parse(object["outputs"]!))
    }
}

enum FixtureFailure: Error { case notAModel(String), notExact(String) }

/// F(p) by exact layer-by-layer evaluation; throws on an enclosure.
func exactly(_ network: Network, _ p: [Rational]) throws -> [Rational] {
    try Evaluator.evaluate(network, at: p).map { v in
        guard let r = v.exactValue else { throw FixtureFailure.notExact(v.description) }
        return r
    }
}

/// The seeded generator of property tests (Algebra's SplitMix64).
typealias SeededRandom = SplitMix64
