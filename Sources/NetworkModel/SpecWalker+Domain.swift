internal import Algebra
internal import ExactNumbers
import Foundation

/// Reading a `domain:` block (contract §5):
///
/// ```yaml
/// domain:
///   box: {x1: [0, 1], x2: ["-1/2", 2]}       # by input name; or a list in input order
///   constraints: ["x1 + x2 <= 1", "x1 - 2*x2 >= -3"]
/// ```
///
/// Every interval is `[lo, hi]` with exact numbers; `null` for an end means that side is
/// unbounded. Inputs missing from a box given by name are unbounded. A constraint is one
/// linear inequality `<=` or `>=` between two linear expressions in the input names with
/// rational coefficients. Faults are `SpecError`s at the offending node: an unknown input
/// name, lo > hi, a list of the wrong length, a non-linear or malformed constraint.
/// (Infeasible constraints need a linear program: the analysis checks those.)
extension SpecWalker {
    static let domainKeys = ["box", "constraints"]

    /// The domain of a `domain:` value for a network whose inputs are `names`; nil for `domain: null`.
    func domain(_ node: SpecNode, keyLocation: SourceLocation, inputNames names: [String]) throws(SpecError)
        -> InputDomain?
    {
        if let scalar = node.scalar, scalar.isNull { return nil }
        guard let entries = node.entries else {
            throw SpecError(
                "'domain' is \(node.shapeDescription); expected a mapping with 'box' and optional 'constraints'",
                at: node.location)
        }
        try checkKeys(entries, known: SpecWalker.domainKeys, in: "the domain")
        var box = [InputDomain.Interval](repeating: InputDomain.Interval(lo: nil, hi: nil), count: names.count)
        if let boxEntry = entries.first(where: { $0.key == "box" }) {
            box = try self.box(boxEntry.value, inputNames: names)
        }
        var constraints = [InputDomain.Constraint]()
        if let entry = entries.first(where: { $0.key == "constraints" }), !(entry.value.scalar?.isNull ?? false) {
            guard let elements = entry.value.elements else {
                throw SpecError(
                    "'constraints' is \(entry.value.shapeDescription); expected a list of linear inequalities such as [\"x1 + x2 <= 1\"]",
                    at: entry.value.location)
            }
            for element in elements {
                constraints.append(try constraint(element, inputNames: names))
            }
        }
        return InputDomain(box: box, constraints: constraints, location: keyLocation)
    }

    /// The box: a mapping by input name or a list in input order.
    private func box(_ node: SpecNode, inputNames names: [String]) throws(SpecError) -> [InputDomain.Interval] {
        var box = [InputDomain.Interval](repeating: InputDomain.Interval(lo: nil, hi: nil), count: names.count)
        if let scalar = node.scalar, scalar.isNull { return box }
        if let entries = node.entries {
            var seen = Set<String>()
            for entry in entries {
                guard let index = names.firstIndex(of: entry.key) else {
                    let hint =
                        Suggestions.nearest(to: entry.key, in: names).map { "did you mean '\($0)'?" }
                        ?? "expected one of the input names \(Suggestions.list(names))"
                    throw SpecError(
                        "unknown input name \(SpecError.quote(entry.key)) in the domain box; \(hint)",
                        at: entry.keyLocation)
                }
                guard seen.insert(entry.key).inserted else {
                    throw SpecError(
                        "input \(SpecError.quote(entry.key)) appears twice in the domain box; expected one interval per input",
                        at: entry.keyLocation)
                }
                box[index] = try interval(entry.value, input: entry.key)
            }
            return box
        }
        guard let elements = node.elements else {
            throw SpecError(
                "the domain box is \(node.shapeDescription); expected intervals by input name ({x1: [0, 1]}) or a list of [lo, hi] in input order",
                at: node.location)
        }
        guard elements.count == names.count else {
            throw SpecError(
                "the domain box lists \(elements.count) interval\(elements.count == 1 ? "" : "s") but the network has \(names.count) input\(names.count == 1 ? "" : "s"); expected one [lo, hi] per input, in input order",
                at: node.location)
        }
        for (index, element) in elements.enumerated() {
            box[index] = try interval(element, input: names[index])
        }
        return box
    }

    /// `[lo, hi]` with lo ≤ hi; `null` ends are unbounded.
    private func interval(_ node: SpecNode, input: String) throws(SpecError) -> InputDomain.Interval {
        guard let ends = node.elements, ends.count == 2 else {
            throw SpecError(
                "the domain interval of \(SpecError.quote(input)) is \(node.shapeDescription); expected [lo, hi] (two numbers; null for an unbounded side)",
                at: node.location)
        }
        var values = [Rational?]()
        for (k, end) in ends.enumerated() {
            if let scalar = end.scalar, scalar.isNull { values.append(nil); continue }
            let what = "the \(k == 0 ? "lower" : "upper") bound of \(SpecError.quote(input)) in the domain"
            switch try scalarValue(end, what: what) {
            case .number(let value): values.append(value)
            case .expression:
                throw SpecError(
                    "\(what) is an expression in symbols; expected a number (3, -7, 0.1, \"2/3\") or null for unbounded",
                    at: end.location)
            }
        }
        if let lo = values[0], let hi = values[1], lo > hi {
            throw SpecError(
                "empty domain: the interval of \(SpecError.quote(input)) has lower bound \(lo) > upper bound \(hi); expected lo <= hi",
                at: node.location)
        }
        return InputDomain.Interval(lo: values[0], hi: values[1])
    }

    /// One linear inequality over the input names.
    private func constraint(_ node: SpecNode, inputNames names: [String]) throws(SpecError) -> InputDomain.Constraint {
        guard let scalar = node.scalar, !scalar.isNull, !scalar.isBoolean else {
            throw SpecError(
                "a domain constraint is \(node.shapeDescription); expected a linear inequality in quotes such as \"x1 + x2 <= 1\"",
                at: node.location)
        }
        do {
            return try DomainConstraintParser.parse(scalar.text, inputNames: names)
        } catch {
            throw SpecError(error.message, at: location(ofOffset: error.offset, in: scalar, at: node.location))
        }
    }
}

/// A fault in a constraint's text, at a character offset.
struct DomainConstraintError: Error {
    var message: String
    var offset: Int
}

/// Parses `a·x <= b` / `a·x >= b` over input names (both sides linear, exact rationals).
enum DomainConstraintParser {
    static let expected = "expected a linear inequality over the input names with <= or >=, such as \"x1 + 2*x2 <= 1\""

    static func parse(_ text: String, inputNames names: [String]) throws(DomainConstraintError)
        -> InputDomain.Constraint
    {
        let characters = Array(text)
        var found: [(offset: Int, relation: InputDomain.Constraint.Relation)] = []
        var i = 0
        while i < characters.count {
            let c = characters[i]
            let next: Character? = i + 1 < characters.count ? characters[i + 1] : nil
            if (c == "<" || c == ">" || c == "=" || c == "!" || c == "≤" || c == "≥") {
                if c == "<", next == "=" { found.append((i, .lessOrEqual)); i += 2; continue }
                if c == ">", next == "=" { found.append((i, .greaterOrEqual)); i += 2; continue }
                throw DomainConstraintError(
                    message:
                        "constraint \(SpecError.quote(text)) uses an unsupported comparison at '\(c)'; \(expected)",
                    offset: i)
            }
            i += 1
        }
        guard let relation = found.first else {
            throw DomainConstraintError(
                message: "constraint \(SpecError.quote(text)) has no <= or >=; \(expected)", offset: 0)
        }
        guard found.count == 1 else {
            throw DomainConstraintError(
                message: "constraint \(SpecError.quote(text)) has more than one comparison; \(expected)",
                offset: found[1].offset)
        }
        let lhsText = String(characters[..<relation.offset])
        let rhsText = String(characters[(relation.offset + 2)...])
        let lhs = try side(lhsText, offset: 0, whole: text, inputNames: names)
        let rhs = try side(rhsText, offset: relation.offset + 2, whole: text, inputNames: names)
        let difference = lhs - rhs
        var coefficients = [Rational](repeating: .zero, count: names.count)
        var constant = Rational.zero
        for (monomial, coefficient) in difference.terms {
            switch monomial.totalDegree {
            case 0: constant += coefficient
            case 1: coefficients[names.firstIndex(of: monomial.symbols[0].name)!] += coefficient
            default:
                throw DomainConstraintError(
                    message:
                        "constraint \(SpecError.quote(text)) is not linear (it has the term \(Polynomial(terms: [monomial: coefficient]))); \(expected)",
                    offset: 0)
            }
        }
        return InputDomain.Constraint(
            coefficients: coefficients, relation: relation.relation, bound: -constant, text: text.trimmingSpaces)
    }

    /// One side: a polynomial whose symbols are input names.
    private static func side(_ text: String, offset: Int, whole: String, inputNames names: [String])
        throws(DomainConstraintError) -> Polynomial
    {
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw DomainConstraintError(
                message: "constraint \(SpecError.quote(whole)) has an empty side; \(expected)", offset: offset)
        }
        if let (at, problem) = SpecWalker.excessiveNesting(text) {
            throw DomainConstraintError(
                message:
                    "constraint \(SpecError.quote(whole)) is \(problem); expected at most \(SpecWalker.maximumExpressionNesting) levels",
                offset: offset + at)
        }
        let polynomial: Polynomial
        do {
            polynomial = try Polynomial.parse(text)
        } catch {
            throw DomainConstraintError(
                message: "constraint \(SpecError.quote(whole)) is malformed: \(error.message); \(expected)",
                offset: offset + error.offset)
        }
        for symbol in polynomial.symbols where !names.contains(symbol.name) {
            let at = text.range(of: symbol.name).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? 0
            let hint =
                Suggestions.nearest(to: symbol.name, in: names).map { "did you mean '\($0)'?" }
                ?? "expected one of the input names \(Suggestions.list(names))"
            throw DomainConstraintError(
                message:
                    "unknown input name \(SpecError.quote(symbol.name)) in constraint \(SpecError.quote(whole)); \(hint)",
                offset: offset + at)
        }
        return polynomial
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
