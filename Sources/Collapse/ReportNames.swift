public import NetworkModel
import Algebra

/// The letters a report uses for its own quantities (the two witness points and the scalar
/// of homogeneity), chosen so that they never coincide with a name of the network.
///
/// A letter L clashes with an input name N when N = L (inputs `x1`, `x2` are the components of
/// the vector x, not a clash), and with a symbol N when N = L or N is L followed by a digit or
/// `_` (a symbol `c1` or `c_2` reads as c with a subscript).
/// Each quantity takes the first free candidate: the first point x, then u, p; the second
/// point y, then v, q; the scalar c, then s, k; after those, `x_1`, `x_2`, … (also checked).
/// Text, JSON (`names`) and LaTeX all use the same letters; a renamed letter is listed in
/// `renamed` so reports can say so.
public struct ReportNames: Sendable, Hashable {
    /// The first witness point (default `x`).
    public let x: String
    /// The second witness point (default `y`).
    public let y: String
    /// The scalar of homogeneity (default `c`).
    public let c: String

    /// The network's input names.
    public let inputNames: [String]
    /// The network's symbols (weights and parameters), by name.
    public let symbolNames: [String]

    /// The user's names: input names, then symbols.
    public var taken: [String] { inputNames + symbolNames }

    /// The names chosen for the network's inputs and symbols.
    public init(_ network: Network) {
        self.init(inputNames: network.inputNames, symbolNames: network.symbols.map(\.name))
    }

    /// The names avoiding `inputNames` and `symbolNames`.
    public init(inputNames: [String], symbolNames: [String]) {
        self.inputNames = inputNames
        self.symbolNames = symbolNames
        var chosen: [String] = []
        func pick(_ candidates: [String]) -> String {
            let name = ReportNames.fresh(candidates, inputNames: inputNames + chosen, symbolNames: symbolNames)
            chosen.append(name)
            return name
        }
        x = pick(["x", "u", "p"])
        y = pick(["y", "v", "q"])
        c = pick(["c", "s", "k"])
    }

    /// The first of `candidates` free of the network's names and of `also` (compared exactly).
    public func fresh(_ candidates: [String], also: [String] = []) -> String {
        ReportNames.fresh(candidates, inputNames: inputNames + also, symbolNames: symbolNames)
    }

    /// The renamed quantities, `[(default, chosen)]`, in the order x, y, c (empty when every
    /// default was free).
    public var renamed: [(default: String, chosen: String)] {
        [("x", x), ("y", y), ("c", c)].filter { $0.0 != $0.1 }
    }

    /// Whether `letter` clashes with `name`: equal, or `name` is `letter` followed by a digit
    /// or `_`.
    public static func clashes(_ letter: String, with name: String) -> Bool {
        if name == letter { return true }
        guard name.hasPrefix(letter), let next = name.dropFirst(letter.count).first else { return false }
        return next.isNumber || next == "_"
    }

    /// The first candidate equal to none of `inputNames` and clashing with none of
    /// `symbolNames`; past the candidates, `first_1`, `first_2`, ….
    public static func fresh(_ candidates: [String], inputNames: [String], symbolNames: [String]) -> String {
        func free(_ name: String) -> Bool {
            !inputNames.contains(name) && !symbolNames.contains(where: { clashes(name, with: $0) })
        }
        if let candidate = candidates.first(where: free) { return candidate }
        let base = candidates.first ?? "t"
        var k = 1
        while !free("\(base)_\(k)") { k += 1 }
        return "\(base)_\(k)"
    }
}
