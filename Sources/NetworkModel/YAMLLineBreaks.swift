/// NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029) in a YAML spec.
///
/// YAML 1.2 breaks lines only at LF, CR and CRLF (5.4): the three are ordinary characters,
/// and editors do not start a line at them. libyaml follows YAML 1.1, where they are line
/// breaks: it would end a comment there (the rest of the comment becomes YAML) and count
/// every later line one too far. So before libyaml sees the text, each of them inside a
/// comment becomes a space (same length: columns are unchanged), and one anywhere else is an
/// error at its position (counted by `SourceText.isLineBreak`), since libyaml cannot read it
/// as YAML 1.2 means it.
enum YAMLLineBreaks {
    /// `text` with NEL, LS and PS in comments replaced by spaces; throws at one outside a
    /// comment. Returns `text` itself (no copy) when it has none of them.
    static func withoutNonASCIIBreaks(_ text: String, file: String) throws(SpecError) -> String {
        // NEL is C2 85 in UTF-8, LS and PS are E2 80 A8 and E2 80 A9.
        guard text.utf8.contains(where: { $0 == 0xC2 || $0 == 0xE2 }) else { return text }
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: isNonASCIIBreak) else { return text }
        var result = String.UnicodeScalarView()
        result.reserveCapacity(scalars.count)
        var line = 1, column = 1
        var quote: Unicode.Scalar? = nil
        var inComment = false
        var previous: Unicode.Scalar = "\n"
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            var out = c
            if isNonASCIIBreak(c) {
                guard inComment else {
                    let at = SourceLocation(file: file, line: line, column: column)
                    throw SpecError(
                        "\(name(of: c)) outside a comment; expected a line feed (YAML 1.2 does not break lines there), or the escape \(escape(of: c)) in a double-quoted string",
                        at: at)
                }
                out = " "
            } else if inComment {
                if c == "\n" || c == "\r" { inComment = false }
            } else if let q = quote {
                if c == "\\" && q == "\"", i + 1 < scalars.count {
                    // An escape: the next character cannot close the string.
                    result.append(c)
                    column += 1
                    i += 1
                    previous = c
                    continue
                }
                if c == q {
                    if q == "'", i + 1 < scalars.count, scalars[i + 1] == "'" {
                        result.append(c)
                        column += 1
                        i += 1
                    } else {
                        quote = nil
                    }
                }
            } else if c == "#", [" ", "\t", "\n", "\r"].contains(previous) {
                inComment = true
            } else if c == "\"" || c == "'", [" ", "\t", "\n", "\r", "[", "{", ",", ":", "-", "?"].contains(previous) {
                quote = c
            }
            result.append(out)
            let crlf = c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n"
            if c == "\n" || (c == "\r" && !crlf) {
                line += 1
                column = 1
            } else if !crlf {
                column += 1
            }
            previous = c
            i += 1
        }
        return String(result)
    }

    static func isNonASCIIBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
    }

    private static func name(of c: Unicode.Scalar) -> String {
        switch c {
        case "\u{85}": return "a next-line character (U+0085, NEL)"
        case "\u{2028}": return "a line separator (U+2028)"
        default: return "a paragraph separator (U+2029)"
        }
    }

    private static func escape(of c: Unicode.Scalar) -> String {
        switch c {
        case "\u{85}": return "\\N"
        case "\u{2028}": return "\\L"
        default: return "\\P"
        }
    }
}
