internal import ExactNumbers

extension SpecWriter {
    /// The `domain:` block of a spec (contract §5), in YAML or JSON (`indent` before each
    /// JSON line), ending with a newline; the box as a list in input order with `null` for an
    /// unbounded end, the constraints as the text the user wrote.
    static func domainBlock(_ domain: InputDomain, yaml: Bool) -> String {
        let number: (Rational?) -> String = { value in
            guard let value else { return "null" }
            return value.isInteger ? value.description : "\"" + value.description + "\""
        }
        let box =
            "[" + domain.box.map { "[" + number($0.lo) + ", " + number($0.hi) + "]" }.joined(separator: ", ") + "]"
        let constraints = "[" + domain.constraints.map { jsonString($0.text) }.joined(separator: ", ") + "]"
        if yaml {
            var out = "domain:\n  box: \(box)\n"
            if !domain.constraints.isEmpty { out += "  constraints: \(constraints)\n" }
            return out
        }
        var out = "  \"domain\": {\"box\": \(box)"
        if !domain.constraints.isEmpty { out += ", \"constraints\": \(constraints)" }
        return out + "}"
    }
}
