import Algebra
import ExactNumbers
import Foundation
import NetworkModel
import Testing

/// Parses YAML text named `net.yaml`.
func yaml(_ text: String) throws(SpecError) -> Network {
    try SpecReader.parse(text: text, file: "net.yaml", format: .yaml)
}

/// Parses JSON text named `net.json`.
func json(_ text: String) throws(SpecError) -> Network {
    try SpecReader.parse(text: text, file: "net.json", format: .json)
}

/// The error parsing `text` throws (nil, recorded as a failure, when it parses).
func specError(_ text: String, _ format: SpecFormat, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> SpecError?
{
    let file = format == .yaml ? "net.yaml" : "net.json"
    do {
        _ = try SpecReader.parse(text: text, file: file, format: format)
        Issue.record("expected a SpecError", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// Asserts that `text` fails at `line:column` with a one-line message containing every
/// fragment, in the `FILE:LINE:COLUMN: what; expected` form.
func expectError(
    _ text: String, _ format: SpecFormat = .yaml, line: Int, column: Int, _ fragments: String...,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    guard let error = specError(text, format, sourceLocation: sourceLocation) else { return }
    let file = format == .yaml ? "net.yaml" : "net.json"
    #expect(
        error.location == NetworkModel.SourceLocation(file: file, line: line, column: column), "\(error)",
        sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
    }
    #expect(error.description == "\(file):\(line):\(column): \(error.message)", sourceLocation: sourceLocation)
    #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
    #expect(error.message.contains("; "), "message lacks '; expected': \(error)", sourceLocation: sourceLocation)
}

/// Rationals from integer pairs.
func q(_ n: Int, _ d: Int = 1) -> Rational { Rational(n, d) }

/// A constant polynomial.
func p(_ n: Int, _ d: Int = 1) -> Polynomial { Polynomial(Rational(n, d)) }

/// A polynomial from text (test input is well-formed).
func poly(_ text: String) -> Polynomial { try! Polynomial.parse(text) }

/// A numeric dense part from rows and bias.
func numeric(_ rows: [[Rational]], _ bias: [Rational]) -> LayerWeights {
    .numeric(AffineMap(weights: Matrix(rows: rows), bias: bias))
}

/// A symbolic dense part from rows and bias.
func symbolic(_ rows: [[Polynomial]], _ bias: [Polynomial]) -> LayerWeights {
    .symbolic(AffineMap(weights: Matrix(rows: rows), bias: bias))
}

/// The numeric map of a layer (nil when symbolic or activation-only).
func numericMap(_ layer: Layer) -> AffineMap<Rational>? {
    if case .numeric(let map)? = layer.dense { return map }
    return nil
}

/// The symbolic map of a layer.
func symbolicMap(_ layer: Layer) -> AffineMap<Polynomial>? {
    if case .symbolic(let map)? = layer.dense { return map }
    return nil
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("networkmodel-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
