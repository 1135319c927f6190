/// A small exact JSON reader for reports: numbers keep their text (never a `Double`), every
/// value knows its line and column, and every fault is one `ReportJSONError` at its position.
indirect enum ReportJSON {
    case object([(key: String, value: ReportJSON)], line: Int, column: Int)
    case array([ReportJSON], line: Int, column: Int)
    case string(String, line: Int, column: Int)
    case number(String, line: Int, column: Int)
    case bool(Bool, line: Int, column: Int)
    case null(line: Int, column: Int)

    /// The member `key` of an object (nil when absent or not an object).
    subscript(key: String) -> ReportJSON? {
        if case .object(let members, _, _) = self { return members.first { $0.key == key }?.value }
        return nil
    }

    /// The elements of an array.
    var array: [ReportJSON]? {
        if case .array(let elements, _, _) = self { return elements }
        return nil
    }

    /// A string's text, or a number's literal text.
    var text: String? {
        switch self {
        case .string(let s, _, _), .number(let s, _, _): return s
        default: return nil
        }
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    var bool: Bool? {
        if case .bool(let b, _, _) = self { return b }
        return nil
    }

    /// `line:column` of the value.
    var position: (line: Int, column: Int) {
        switch self {
        case .object(_, let l, let c), .array(_, let l, let c), .string(_, let l, let c), .number(_, let l, let c),
            .bool(_, let l, let c):
            return (l, c)
        case .null(let l, let c): return (l, c)
        }
    }

    /// Parses one JSON document (RFC 8259) from UTF-8 bytes.
    static func parse(_ bytes: [UInt8]) throws(ReportJSONError) -> ReportJSON {
        var parser = Parser(bytes: bytes)
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.index == bytes.count else {
            throw parser.error("unexpected text after the JSON value; expected the end of the file")
        }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var lineStart = 0

        var column: Int { index - lineStart + 1 }

        func error(_ message: String) -> ReportJSONError {
            ReportJSONError(line: line, column: column, message: message)
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
                case UInt8(ascii: "\n"): index += 1; line += 1; lineStart = index
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(ReportJSONError) -> ReportJSON {
            guard depth < 512 else { throw error("nesting deeper than 512 levels") }
            guard index < bytes.count else { throw error("unexpected end of the file; expected a JSON value") }
            let (l, c) = (line, column)
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members = [(key: String, value: ReportJSON)]()
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1; return .object(members, line: l, column: c)
                }
                while true {
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                        throw error("expected a quoted key")
                    }
                    let key = try string()
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                        throw error("expected ':' after the key")
                    }
                    index += 1
                    skipSpace()
                    members.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    guard index < bytes.count else { throw error("unexpected end of the file; expected ',' or '}'") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members, line: l, column: c) }
                    throw error("expected ',' or '}'")
                }
            case UInt8(ascii: "["):
                index += 1
                var elements = [ReportJSON]()
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1; return .array(elements, line: l, column: c)
                }
                while true {
                    skipSpace()
                    elements.append(try value(depth: depth + 1))
                    skipSpace()
                    guard index < bytes.count else { throw error("unexpected end of the file; expected ',' or ']'") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements, line: l, column: c) }
                    throw error("expected ',' or ']'")
                }
            case UInt8(ascii: "\""):
                return .string(try string(), line: l, column: c)
            case UInt8(ascii: "t"): try literal("true"); return .bool(true, line: l, column: c)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false, line: l, column: c)
            case UInt8(ascii: "n"): try literal("null"); return .null(line: l, column: c)
            default:
                let start = index
                while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
                guard index > start else { throw error("unexpected character; expected a JSON value") }
                return .number(String(decoding: bytes[start..<index], as: UTF8.self), line: l, column: c)
            }
        }

        mutating func literal(_ word: String) throws(ReportJSONError) {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count, Array(bytes[index..<(index + w.count)]) == w else {
                throw error("expected '\(word)'")
            }
            index += w.count
        }

        mutating func string() throws(ReportJSONError) -> String {
            index += 1  // the opening quote
            var out = [UInt8]()
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") { index += 1; return String(decoding: out, as: UTF8.self) }
                if b < 0x20 { throw error("control character in a string") }
                if b == UInt8(ascii: "\\") {
                    index += 1
                    guard index < bytes.count else { break }
                    switch bytes[index] {
                    case UInt8(ascii: "n"): out.append(10)
                    case UInt8(ascii: "t"): out.append(9)
                    case UInt8(ascii: "r"): out.append(13)
                    case UInt8(ascii: "b"): out.append(8)
                    case UInt8(ascii: "f"): out.append(12)
                    case UInt8(ascii: "u"):
                        guard index + 4 < bytes.count,
                            let code = UInt32(
                                String(decoding: bytes[(index + 1)...(index + 4)], as: UTF8.self), radix: 16)
                        else {
                            throw error("bad \\u escape")
                        }
                        out += Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
                        index += 4
                    default: out.append(bytes[index])
                    }
                    index += 1
                    continue
                }
                out.append(b)
                index += 1
            }
            throw error("unterminated string")
        }
    }
}

/// A fault in the report's JSON text.
struct ReportJSONError: Error {
    let line: Int
    let column: Int
    let message: String
}
