/// Helpers that turn byte and character offsets of a spec's text into 1-based lines and
/// columns, and that check the text is UTF-8 before any parser sees it.
enum SourceText {
    /// Checks that `bytes` are UTF-8 text; throws at the first invalid byte or NUL byte.
    ///
    /// Complexity: O(n), with an ASCII fast path.
    static func validateUTF8(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(SpecError) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 {
                    throw SpecError(
                        "binary data (a NUL byte); expected a YAML or JSON text file",
                        at: location(ofByte: i, in: bytes, file: file))
                }
                i += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            var value: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; value = UInt32(b & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; value = UInt32(b & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; value = UInt32(b & 0x07); minimum = 0x10000
            default: throw invalid(at: i, bytes, file)
            }
            guard i + length <= n else { throw invalid(at: i, bytes, file) }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { throw invalid(at: i, bytes, file) }
                value = value << 6 | UInt32(c & 0x3F)
            }
            guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else {
                throw invalid(at: i, bytes, file)
            }
            i += length
        }
    }

    private static func invalid(at index: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ file: String) -> SpecError {
        let hex = String(bytes[index], radix: 16, uppercase: true)
        return SpecError(
            "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); expected a YAML or JSON text file in UTF-8",
            at: location(ofByte: index, in: bytes, file: file))
    }

    /// Whether a character ends a line: LF, CR or CRLF, the line breaks of YAML 1.2 (5.4) and
    /// of JSON. NEL, U+2028 and U+2029 are not (YAML 1.1 counted them; see
    /// `YAMLLineBreaks`). Every position in a message counts lines by this rule.
    static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }

    /// The lines of `text`, split at every line break (`isLineBreak`).
    static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: isLineBreak)
    }

    /// The line and column of a byte offset (columns count Unicode scalars, i.e. UTF-8 lead
    /// bytes and any invalid bytes; lines end at LF, CR and CRLF).
    static func location(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if b == 0x0D {
                // The CR of a CRLF: the LF that follows ends the line.
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The line and column of a character offset into `text` (for Yams reader errors).
    static func location(ofCharacter offset: Int, in text: String, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        var count = 0
        for character in text {
            if count >= offset { break }
            if isLineBreak(character) {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
            count += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The text of a 1-based line (without its line break), or nil past the end.
    static func line(_ number: Int, of text: String) -> Substring? {
        var current = 1
        var start = text.startIndex
        if number > 1 {
            var index = text.startIndex
            while index < text.endIndex {
                if isLineBreak(text[index]) {
                    current += 1
                    if current == number {
                        start = text.index(after: index)
                        break
                    }
                }
                index = text.index(after: index)
            }
            guard current == number else { return nil }
        }
        let end = text[start...].firstIndex(where: isLineBreak) ?? text.endIndex
        return text[start..<end]
    }

    /// Where character `offset` of a scalar's text lies in the file, when the scalar appears
    /// verbatim on its line (no escapes, no folding): the opening quote, if any, is skipped.
    /// Falls back to the scalar's own location.
    static func location(
        ofOffset offset: Int, inScalar scalar: SpecScalar, at location: SourceLocation, source: String?
    ) -> SourceLocation {
        guard let source, location.line >= 1, let lineText = line(location.line, of: source) else { return location }
        let scalars = lineText.unicodeScalars
        guard let start = scalars.index(scalars.startIndex, offsetBy: location.column - 1, limitedBy: scalars.endIndex)
        else {
            return location
        }
        var rest = Substring(scalars[start...])
        var skip = 0
        if scalar.isQuoted, let first = rest.first, first == "\"" || first == "'" {
            rest = rest.dropFirst()
            skip = 1
        }
        guard rest.hasPrefix(scalar.text) else { return location }
        let prefix = scalar.text.prefix(offset)
        return location.advanced(byColumns: skip + prefix.unicodeScalars.count)
    }
}
