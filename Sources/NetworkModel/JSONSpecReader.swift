internal import ExactNumbers

/// A positioned JSON reader (RFC 8259) over UTF-8 bytes producing a `SpecNode` tree.
///
/// Numbers keep their literal text and never pass through `Double`; every node records its
/// 1-based line and column (columns in Unicode scalars). Lines and columns are tracked
/// incrementally, so reading is linear in the input size: a 20 MB file of weights is read
/// in one pass with no per-number searching.
///
/// Given the source (`parse(_:file:source:)`), a list whose elements are all short plain
/// numbers becomes one `SpecNode.Kind.numbers` node holding their exact values: a 512×512
/// layer costs no node and no string per entry. Anything else in the list (a nested value,
/// an escape, a long or malformed literal) rewinds to the `[` and reads the list as usual, so
/// errors and positions are the same either way.
///
/// The input must already be valid UTF-8 (see `SourceText.validateUTF8`).
struct JSONSpecReader {
    /// The reader's position state, to rewind or to re-read a list.
    struct Mark: Sendable {
        let position: Int
        let line: Int
        let lineStart: Int
        let continuationBytes: Int
    }

    /// Deepest nesting of arrays and objects accepted (specs need about 5 levels; the limit
    /// keeps hostile input from exhausting the stack).
    static let maximumDepth = 200

    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    /// Set when numeric lists may be kept as `numbers` nodes.
    private var source: SpecSourceBytes? = nil
    /// The length of the last numeric list, the likely length of the next (rows of a matrix).
    private var lastListCount = 0
    private var position = 0
    private var line = 1
    private var lineStart = 0
    /// UTF-8 continuation bytes seen on the current line before `position`.
    private var continuationBytes = 0

    private init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Reads one JSON document (a UTF-8 byte order mark is skipped).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, source: SpecSourceBytes? = nil)
        throws(SpecError) -> SpecNode
    {
        var reader = JSONSpecReader(bytes: bytes, file: file)
        reader.source = source
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            reader.position = 3
            reader.lineStart = 3
        }
        reader.skipWhitespace()
        guard reader.position < bytes.count else {
            throw SpecError("empty JSON document; expected an object with 'input' and 'layers'", at: reader.location)
        }
        let root = try reader.readValue(depth: 0)
        reader.skipWhitespace()
        if reader.position < bytes.count {
            throw reader.unexpected("end of the document after the top-level value")
        }
        return root
    }

    /// The element nodes of the list whose `[` is at `mark` (a list read before, so this
    /// cannot fail).
    static func elements(of bytes: UnsafeBufferPointer<UInt8>, file: String, at mark: Mark) -> [SpecNode] {
        var reader = JSONSpecReader(bytes: bytes, file: file)
        reader.rewind(to: mark)
        return (try? reader.readArray(depth: 1))?.elements ?? []
    }

    private var mark: Mark {
        Mark(position: position, line: line, lineStart: lineStart, continuationBytes: continuationBytes)
    }

    private mutating func rewind(to mark: Mark) {
        position = mark.position
        line = mark.line
        lineStart = mark.lineStart
        continuationBytes = mark.continuationBytes
    }

    // MARK: Positions

    private var location: SourceLocation {
        SourceLocation(file: file, line: line, column: position - lineStart - continuationBytes + 1)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09:
                position += 1
            case 0x0D where position + 1 < bytes.count && bytes[position + 1] == 0x0A:
                position += 1  // the CR of a CRLF: the LF ends the line
            case 0x0A, 0x0D:
                position += 1
                line += 1
                lineStart = position
                continuationBytes = 0
            default:
                return
            }
        }
    }

    /// The character at `position` for a message.
    private func currentCharacterDescription() -> String {
        guard position < bytes.count else { return "end of input" }
        let b = bytes[position]
        if b >= 0x21 && b < 0x7F { return "'" + String(UnicodeScalar(b)) + "'" }
        if b == 0x20 { return "space" }
        if b < 0x20 || b == 0x7F { return "control character 0x" + String(b, radix: 16, uppercase: true) }
        var end = position + 1
        while end < bytes.count, end < position + 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'" + String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self) + "'"
    }

    private func unexpected(_ expected: String) -> SpecError {
        let found = currentCharacterDescription()
        let what = found == "end of input" ? "unexpected end of input" : "unexpected " + found
        return SpecError("malformed JSON: \(what); expected \(expected)", at: location)
    }

    // MARK: Values

    private mutating func readValue(depth: Int) throws(SpecError) -> SpecNode {
        guard position < bytes.count else { throw unexpected("a value") }
        let start = location
        switch bytes[position] {
        case UInt8(ascii: "{"):
            return try readObject(depth: depth + 1)
        case UInt8(ascii: "["):
            return try readArray(depth: depth + 1)
        case UInt8(ascii: "\""):
            let text = try readString()
            return SpecNode(.scalar(SpecScalar(text: text, isQuoted: true)), at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let text = try readNumber()
            return SpecNode(.scalar(SpecScalar(text: text, isQuoted: false)), at: start)
        case UInt8(ascii: "t"):
            try readKeyword("true")
            return SpecNode(.scalar(SpecScalar(text: "true", isQuoted: false)), at: start)
        case UInt8(ascii: "f"):
            try readKeyword("false")
            return SpecNode(.scalar(SpecScalar(text: "false", isQuoted: false)), at: start)
        case UInt8(ascii: "n"):
            try readKeyword("null")
            return SpecNode(.scalar(SpecScalar(text: "null", isQuoted: false)), at: start)
        case let b where JSONSpecReader.isWordByte(b):
            throw bareWord()
        default:
            throw unexpected("a value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func readKeyword(_ word: StaticString) throws(SpecError) {
        let count = word.utf8CodeUnitCount
        var matches = position + count <= bytes.count
        if matches {
            let p = word.utf8Start
            for i in 0..<count where bytes[position + i] != p[i] {
                matches = false
                break
            }
        }
        if matches, position + count < bytes.count, JSONSpecReader.isWordByte(bytes[position + count]) {
            matches = false
        }
        guard matches else { throw bareWord() }
        position += count
    }

    /// The error for a bare word at `position` (`x1` instead of `"x1"`).
    private func bareWord() -> SpecError {
        var end = position
        while end < bytes.count, end < position + 20, JSONSpecReader.isWordByte(bytes[end]) { end += 1 }
        let word = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[position..<max(end, position + 1)]), as: UTF8.self)
        return SpecError(
            "malformed JSON: unexpected \(SpecError.quote(word)); expected a value (strings in double quotes, or true, false, null)",
            at: location)
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b >= 0x80
    }

    private mutating func readObject(depth: Int) throws(SpecError) -> SpecNode {
        let start = location
        guard depth <= JSONSpecReader.maximumDepth else {
            throw SpecError(
                "nesting too deep; expected at most \(JSONSpecReader.maximumDepth) nested arrays and objects", at: start
            )
        }
        position += 1
        var entries: [SpecEntry] = []
        var seen = Set<String>()
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return SpecNode(.mapping(entries), at: start)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw unexpected("a key in double quotes")
            }
            let keyLocation = location
            let key = try readString()
            guard seen.insert(key).inserted else {
                throw SpecError(
                    "duplicate key \(SpecError.quote(key)); expected each key once in a mapping", at: keyLocation)
            }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw unexpected("':' after the key")
            }
            position += 1
            skipWhitespace()
            let value = try readValue(depth: depth)
            entries.append(SpecEntry(key: key, keyLocation: keyLocation, value: value))
            skipWhitespace()
            guard position < bytes.count else { throw unexpected("',' or '}'") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return SpecNode(.mapping(entries), at: start)
            }
            throw unexpected("',' or '}'")
        }
    }

    fileprivate mutating func readArray(depth: Int) throws(SpecError) -> SpecNode {
        let start = location
        guard depth <= JSONSpecReader.maximumDepth else {
            throw SpecError(
                "nesting too deep; expected at most \(JSONSpecReader.maximumDepth) nested arrays and objects", at: start
            )
        }
        if let source {
            let start = mark
            var values: [Rational] = []
            values.reserveCapacity(lastListCount)
            if readNumberList(into: &values) {
                lastListCount = values.count
                let block = SpecNumberBlock(values)
                return SpecNode(
                    .numbers(SpecNumberList(block: block, range: 0..<values.count, source: source, start: start)),
                    at: start.location(file))
            }
            rewind(to: start)
            if depth < JSONSpecReader.maximumDepth, let rows = readNumberRows(source: source) {
                return SpecNode(.sequence(rows), at: start.location(file))
            }
            rewind(to: start)
        }
        position += 1
        var elements: [SpecNode] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return SpecNode(.sequence(elements), at: start)
        }
        while true {
            skipWhitespace()
            elements.append(try readValue(depth: depth))
            skipWhitespace()
            guard position < bytes.count else { throw unexpected("',' or ']'") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return SpecNode(.sequence(elements), at: start)
            }
            throw unexpected("',' or ']'")
        }
    }

    /// Reads a non-empty list of lists of short plain numbers at `position` (on the outer `[`):
    /// a matrix. Every row's values go into one array shared by the rows' `numbers` nodes (a
    /// `SpecNumberBlock`), so a layer's weights can become the network's matrix without a copy
    /// (`SpecWalker` takes the block whole). The nodes are those `readArray` builds row by
    /// row; nil, with the position somewhere inside, when any element is not such a list.
    private mutating func readNumberRows(source: SpecSourceBytes) -> [SpecNode]? {
        guard let rowCount = countRows() else { return nil }
        position += 1
        var values: [Rational] = []
        var rows: [(start: Mark, range: Range<Int>)] = []
        rows.reserveCapacity(rowCount)
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "[") else { return nil }
            let start = mark
            let first = values.count
            guard readNumberList(into: &values) else { return nil }
            if rows.isEmpty { values.reserveCapacity(rowCount * values.count) }
            rows.append((start, first..<values.count))
            skipWhitespace()
            guard position < bytes.count else { return nil }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard bytes[position] == UInt8(ascii: "]") else { return nil }
            position += 1
            lastListCount = rows[rows.count - 1].range.count
            let block = SpecNumberBlock(values)
            return rows.map { row in
                SpecNode(
                    .numbers(SpecNumberList(block: block, range: row.range, source: source, start: row.start)),
                    at: row.start.location(file))
            }
        }
    }

    /// The number of elements of the list at `position` (on its `[`) when they are all lists
    /// (the rows of a matrix), by a scan that only balances brackets outside strings; nil
    /// otherwise. Leaves the position unchanged (an estimate to reserve space; the rows are
    /// checked as they are read).
    private func countRows() -> Int? {
        var p = position + 1, depth = 0, count = 0, inString = false
        while p < bytes.count {
            let b = bytes[p]
            if inString {
                if b == UInt8(ascii: "\\") {
                    p += 1
                } else if b == UInt8(ascii: "\"") {
                    inString = false
                }
            } else {
                switch b {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "["):
                    if depth == 0 { count += 1 }
                    depth += 1
                case UInt8(ascii: "]"):
                    if depth == 0 { return count > 0 ? count : nil }
                    depth -= 1
                case UInt8(ascii: "{"): return nil
                default: if depth == 0 && b > 0x20 && b != UInt8(ascii: ",") { return nil }
                }
            }
            p += 1
        }
        return nil
    }

    /// Reads a non-empty list of short plain numbers at `position` (on the `[`), appending
    /// their values to `values`; false, with the position somewhere inside, for any other list
    /// (`values` then holds some of its entries).
    private mutating func readNumberList(into values: inout [Rational]) -> Bool {
        position += 1
        while true {
            skipWhitespace()
            guard position < bytes.count else { return false }
            let start: Int, end: Int
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                start = position
                while position < bytes.count {
                    let b = bytes[position]
                    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 || b >= 0x80 { break }
                    position += 1
                }
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return false }
                end = position
                position += 1
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                start = position
                guard scanNumber() else { return false }
                end = position
            default:
                return false
            }
            guard let value = FastLiteral.rational(UnsafeBufferPointer(rebasing: bytes[start..<end])) else {
                return false
            }
            values.append(value)
            skipWhitespace()
            guard position < bytes.count else { return false }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return true
            }
            return false
        }
    }

    /// Scans a well-formed JSON number (the grammar of `readNumber`) without building text;
    /// false for anything `readNumber` would reject.
    private mutating func scanNumber() -> Bool {
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, JSONSpecReader.isDigit(bytes[position]) else { return false }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, JSONSpecReader.isDigit(bytes[position]) { return false }
        } else {
            while position < bytes.count, JSONSpecReader.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, JSONSpecReader.isDigit(bytes[position]) else { return false }
            while position < bytes.count, JSONSpecReader.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, JSONSpecReader.isDigit(bytes[position]) else { return false }
            while position < bytes.count, JSONSpecReader.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "/") { return false }
        return true
    }

    // MARK: Scalars

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned verbatim.
    private mutating func readNumber() throws(SpecError) -> String {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, JSONSpecReader.isDigit(bytes[position]) else {
            throw unexpected("a digit in the number")
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, JSONSpecReader.isDigit(bytes[position]) {
                throw SpecError(
                    "malformed JSON number: leading zero; expected no leading zeros (write fractions as strings, \"2/3\")",
                    at: location)
            }
        } else {
            while position < bytes.count, JSONSpecReader.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, JSONSpecReader.isDigit(bytes[position]) else {
                throw unexpected("a digit after the decimal point")
            }
            while position < bytes.count, JSONSpecReader.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, JSONSpecReader.isDigit(bytes[position]) else {
                throw unexpected("a digit in the exponent")
            }
            while position < bytes.count, JSONSpecReader.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "/") {
            throw SpecError(
                "malformed JSON: unexpected '/' after a number; expected fractions as strings, \"2/3\"", at: location)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Reads a string at `position` (on the opening quote) and resolves its escapes.
    private mutating func readString() throws(SpecError) -> String {
        position += 1
        let contentStart = position
        // Fast path: no escapes.
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                let text = String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw controlCharacterInString() }
            if b & 0xC0 == 0x80 { continuationBytes += 1 }
            position += 1
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(
            contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<position]), as: UTF8.self)
                .unicodeScalars)
        var runStart = position
        func flush(_ reader: JSONSpecReader, _ scalars: inout String.UnicodeScalarView, _ runStart: Int) {
            if runStart < reader.position {
                scalars.append(
                    contentsOf: String(
                        decoding: UnsafeBufferPointer(rebasing: reader.bytes[runStart..<reader.position]), as: UTF8.self
                    ).unicodeScalars)
            }
        }
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                flush(self, &scalars, runStart)
                position += 1
                return String(scalars)
            }
            if b < 0x20 { throw controlCharacterInString() }
            if b == UInt8(ascii: "\\") {
                flush(self, &scalars, runStart)
                scalars.append(try readEscape())
                runStart = position
                continue
            }
            if b & 0xC0 == 0x80 { continuationBytes += 1 }
            position += 1
        }
        throw unexpected("'\"' to close the string")
    }

    private func controlCharacterInString() -> SpecError {
        if bytes[position] == 0x0A {
            return SpecError(
                "malformed JSON: line break inside a string; expected '\"' to close the string on the same line (or \\n)",
                at: location)
        }
        return unexpected("no control characters inside a string (escape them)")
    }

    /// Reads `\x` or `\uXXXX` (with surrogate pairs) at `position`.
    private mutating func readEscape() throws(SpecError) -> UnicodeScalar {
        let escapeLocation = location
        position += 1
        guard position < bytes.count else { throw unexpected("an escape character after '\\'") }
        let c = bytes[position]
        position += 1
        switch c {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try readHex4()
            if (0xD800..<0xDC00).contains(high) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else {
                    throw SpecError(
                        "malformed JSON: unpaired surrogate \\u\(String(high, radix: 16, uppercase: true)); expected a low surrogate \\uDC00-\\uDFFF after it",
                        at: escapeLocation)
                }
                position += 2
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low) else {
                    throw SpecError(
                        "malformed JSON: unpaired surrogate \\u\(String(high, radix: 16, uppercase: true)); expected a low surrogate \\uDC00-\\uDFFF after it",
                        at: escapeLocation)
                }
                let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                return UnicodeScalar(value)!
            }
            guard let scalar = UnicodeScalar(high) else {
                throw SpecError(
                    "malformed JSON: unpaired surrogate \\u\(String(high, radix: 16, uppercase: true)); expected a Unicode scalar value",
                    at: escapeLocation)
            }
            return scalar
        default:
            position -= 1
            throw unexpected("an escape \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX")
        }
    }

    private mutating func readHex4() throws(SpecError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw unexpected("four hexadecimal digits after \\u") }
            let b = bytes[position]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw unexpected("four hexadecimal digits after \\u")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }
}

extension JSONSpecReader.Mark {
    /// The location of the marked position.
    func location(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: position - lineStart - continuationBytes + 1)
    }
}
