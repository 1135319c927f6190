import ArgumentParser
import Foundation
import ExactNumbers
import Algebra
import NetworkModel

/// `--set NAME=VALUE` (repeatable): values for a network's symbols, substituted before the
/// work starts (`analyze`, `eval`, `check`).
struct SymbolValuesOptions: ParsableArguments {
    @Option(
        name: .customLong("set"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp(
            "Give a symbol a value, e.g. w11=1/2 (repeatable); the symbol must occur in the spec.",
            valueName: "NAME=VALUE"))
    var assignments: [String] = []

    /// The network with the assigned symbols replaced by their values; `network` unchanged
    /// without `--set`. Faults (no `=`, a bad value, a repeated or unknown symbol) are usage
    /// errors at `--set #k:1:COLUMN`.
    func apply(to network: Network) throws(CLIError) -> Network {
        try Self.apply(assignments, to: network)
    }

    /// `apply(to:)` for the texts of the `--set` options, in the order given.
    static func apply(_ assignments: [String], to network: Network) throws(CLIError) -> Network {
        guard !assignments.isEmpty else { return network }
        let known = Set(network.symbols.map(\.name))
        var values: [Symbol: Rational] = [:]
        for (index, text) in assignments.enumerated() {
            let source = "--set #\(index + 1)"
            func fault(_ column: Int, _ message: String) -> CLIError {
                .input(SourceLocation(file: source, line: 1, column: column), message)
            }
            guard let equals = text.firstIndex(of: "=") else {
                throw fault(1, "'\(text)' has no '='; expected NAME=VALUE such as w11=1/2")
            }
            let name = text[..<equals].trimmingCharacters(in: .whitespaces)
            let valueText = String(text[text.index(after: equals)...])
            let valueColumn = text.distance(from: text.startIndex, to: equals) + 2
            guard !name.isEmpty else {
                throw fault(1, "no symbol name before '='; expected NAME=VALUE such as w11=1/2")
            }
            guard known.contains(name) else {
                let list =
                    known.isEmpty
                    ? "the network has no symbols" : "its symbols are \(known.sorted().joined(separator: ", "))"
                let suggestion =
                    Suggestions.nearest(to: name, in: known.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
                throw fault(1, "unknown symbol '\(name)'\(suggestion); expected a symbol of the network: \(list)")
            }
            let symbol = Symbol(name)
            guard values[symbol] == nil else {
                throw fault(1, "symbol '\(name)' is set twice; expected one --set per symbol")
            }
            do {
                values[symbol] = try Rational.parse(valueText.trimmingCharacters(in: .whitespaces))
            } catch {
                throw fault(valueColumn + error.offset, "\(error.description) in the value of \(name)")
            }
        }
        return network.substituting(values)
    }
}
