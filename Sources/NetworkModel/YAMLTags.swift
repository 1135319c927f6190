/// Explicit YAML tags (`!!int "3"`, `!!str 3`) read with the meaning the YAML 1.2 core schema
/// gives them, or rejected at their position.
///
/// A tag decides what a scalar is, whatever its quoting: `!!str 3` is the string "3" (the same
/// as `"3"`), `!!int "3"` is the integer 3 (the same as a plain `3`), `!!int "abc"` is an error,
/// not a symbol. A tag outside the core schema (`!foo`, `!!binary`, `!!timestamp`) is an error.
enum YAMLTags {
    static let prefix = "tag:yaml.org,2002:"
    static let expected =
        "expected no tag, or one of !!str, !!int, !!float, !!bool, !!null on a value and !!seq, !!map on a list or mapping"

    /// The scalar `text` (quoted or not) under `tag` (Yams' tag name: empty when there is
    /// none, `!` for the non-specific tag, else the full tag).
    static func scalar(_ text: String, quoted: Bool, tag: String, at location: SourceLocation) throws(SpecError)
        -> SpecScalar
    {
        switch tag {
        case "":
            return SpecScalar(text: text, isQuoted: quoted)
        case "!", prefix + "str":
            // The non-specific tag `!` makes a scalar a string (YAML 1.2, 6.9.1).
            return SpecScalar(text: text, isQuoted: true)
        case prefix + "int":
            guard isCoreInteger(text) else {
                throw SpecError(
                    "\(SpecError.quote(text)) is tagged !!int but is not an integer; expected digits such as 3 or -7 (or 0x1F, 0o17)",
                    at: location)
            }
            return SpecScalar(text: text, isQuoted: false)
        case prefix + "float":
            guard isCoreFloat(text) else {
                throw SpecError(
                    "\(SpecError.quote(text)) is tagged !!float but is not a number; expected a decimal such as 0.5 or -2.5e-3",
                    at: location)
            }
            return SpecScalar(text: text, isQuoted: false)
        case prefix + "bool":
            let plain = SpecScalar(text: text, isQuoted: false)
            guard plain.isBoolean else {
                throw SpecError(
                    "\(SpecError.quote(text)) is tagged !!bool but is not true or false; expected true or false",
                    at: location)
            }
            return plain
        case prefix + "null":
            guard SpecScalar(text: text, isQuoted: false).isNull else {
                throw SpecError(
                    "\(SpecError.quote(text)) is tagged !!null but is not null; expected null, ~ or nothing",
                    at: location)
            }
            return SpecScalar(text: "", isQuoted: false)
        case prefix + "seq", prefix + "map":
            throw SpecError(
                "a single value tagged \(shortName(tag)); expected \(tag.hasSuffix("seq") ? "a list" : "a mapping") after the tag",
                at: location)
        default:
            throw SpecError("unsupported YAML tag \(SpecError.quote(shortName(tag))); \(expected)", at: location)
        }
    }

    /// Checks the tag of a list (`isList`) or mapping.
    static func checkCollection(tag: String, isList: Bool, at location: SourceLocation) throws(SpecError) {
        let own = prefix + (isList ? "seq" : "map")
        if tag.isEmpty || tag == "!" || tag == own { return }
        if tag.hasPrefix(prefix),
            ["str", "int", "float", "bool", "null", "seq", "map"].contains(tag.dropFirst(prefix.count))
        {
            throw SpecError(
                "a \(isList ? "list" : "mapping") tagged \(shortName(tag)); expected \(isList ? "!!seq or no tag on a list" : "!!map or no tag on a mapping")",
                at: location)
        }
        throw SpecError("unsupported YAML tag \(SpecError.quote(shortName(tag))); \(expected)", at: location)
    }

    /// `tag:yaml.org,2002:int` as `!!int`; any other tag as written.
    static func shortName(_ tag: String) -> String {
        tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }

    /// The core schema's integers: `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
    static func isCoreInteger(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.hasPrefix("0x") { return digits.count > 2 && digits.dropFirst(2).allSatisfy(\.isHexDigit) }
        if digits.hasPrefix("0o") {
            return digits.count > 2 && digits.dropFirst(2).allSatisfy { ("0"..."7").contains($0) }
        }
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
    }

    /// The core schema's floats: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, and
    /// `.inf`, `.nan` in their spellings (which the reader then rejects as not finite).
    static func isCoreFloat(_ text: String) -> Bool {
        var rest = Substring(text)
        if [".nan", ".NaN", ".NAN"].contains(text) { return true }
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        if [".inf", ".Inf", ".INF"].contains(rest) { return true }
        let mantissaEnd = rest.firstIndex { $0 == "e" || $0 == "E" } ?? rest.endIndex
        let mantissa = rest[..<mantissaEnd]
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        let integral = parts[0], fraction = parts.count > 1 ? parts[1] : ""
        guard !integral.isEmpty || (parts.count > 1 && !fraction.isEmpty) else { return false }
        guard mantissaEnd < rest.endIndex else { return true }
        var exponent = rest[rest.index(after: mantissaEnd)...]
        if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
    }
}

fileprivate extension Character {
    /// `0`...`9` only (not other Unicode digits).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
