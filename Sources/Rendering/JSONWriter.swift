import ExactNumbers

/// A minimal JSON emitter that appends UTF-8 bytes to one growing buffer.
///
/// Every report is built into a single `[UInt8]` with reserved capacity and turned into a
/// `String` once at the end, so a 512×512 matrix of 600-bit rationals (tens of megabytes)
/// costs one allocation per entry's text and no quadratic concatenation. Strings are escaped
/// per RFC 8259: `"` and `\` are backslash-escaped, control characters below U+0020 become
/// `\n`, `\t`, ... or `\u00XX`; everything else is copied as UTF-8.
///
/// The writer does not check nesting; callers emit well-formed structure and use
/// `separator()` between members (it writes a comma unless the container is fresh).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the innermost open container has no member yet, one flag per nesting level.
    private var fresh: [Bool] = []
    /// Where full chunks go when streaming (`init(chunkSize:sink:)`); nil when building one
    /// buffer.
    private let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    private let chunkSize: Int

    init(reservingCapacity capacity: Int = 4096) {
        sink = nil
        chunkSize = .max
        bytes.reserveCapacity(capacity)
    }

    /// A writer that hands its bytes to `sink` in chunks of about `chunkSize` bytes (between
    /// values), so the whole document is never held in memory; `finishStream()` hands over the rest.
    init(chunkSize: Int, sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.sink = sink
        self.chunkSize = chunkSize
        bytes.reserveCapacity(chunkSize + 4096)
    }

    /// Hands the buffer to the sink when it holds a full chunk.
    @inline(__always)
    private mutating func flushIfFull() {
        if bytes.count >= chunkSize { flush() }
    }

    private mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { sink($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Ends a streamed document with a newline and hands over the remaining bytes.
    mutating func finishStream() {
        bytes.append(UInt8(ascii: "\n"))
        flush()
    }

    // MARK: structure

    mutating func beginObject() { item(); bytes.append(UInt8(ascii: "{")); fresh.append(true) }
    mutating func endObject() { fresh.removeLast(); bytes.append(UInt8(ascii: "}")) }
    mutating func beginArray() { item(); bytes.append(UInt8(ascii: "[")); fresh.append(true) }
    mutating func endArray() { fresh.removeLast(); bytes.append(UInt8(ascii: "]")) }

    /// Writes `"key":` inside an object; the value follows with one of the value methods.
    mutating func key(_ name: String) {
        item()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        pendingValueAfterKey = true
    }

    // MARK: values

    mutating func string(_ value: String) { item(); appendQuoted(value) }
    mutating func int(_ value: Int) { item(); appendRaw(String(value)) }
    mutating func uint64(_ value: UInt64) { item(); appendRaw(String(value)) }
    mutating func bool(_ value: Bool) { item(); appendRaw(value ? "true" : "false") }
    mutating func null() { item(); appendRaw("null") }
    mutating func optionalBool(_ value: Bool?) { if let value { bool(value) } else { null() } }
    mutating func optionalString(_ value: String?) { if let value { string(value) } else { null() } }
    mutating func optionalInt(_ value: Int?) { if let value { int(value) } else { null() } }

    /// A canonical rational as a JSON string (`"-3/4"`), its digits written straight into the
    /// buffer (no escaping is needed).
    mutating func rational(_ value: Rational) {
        item()
        bytes.append(UInt8(ascii: "\""))
        value.appendDescription(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// An array of strings.
    mutating func strings<S: Sequence>(_ values: S) where S.Element == String {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Appends bytes that the caller guarantees are valid JSON (numbers, literals); no
    /// separator is written, so this is only for the value methods above.
    private mutating func appendRaw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// The document with a final newline.
    mutating func finish() -> String {
        bytes.append(UInt8(ascii: "\n"))
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: internals

    private var pendingValueAfterKey = false

    /// Emits the comma before a member when the container already has one.
    private mutating func item() {
        flushIfFull()
        if pendingValueAfterKey { pendingValueAfterKey = false; return }
        guard let last = fresh.last else { return }
        if last { fresh[fresh.count - 1] = false } else { bytes.append(UInt8(ascii: ",")) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendQuoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Fast path: copy runs of bytes that need no escape in one go.
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                runStart = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    bytes.append(contentsOf: [
                        UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                        JSONWriter.hexDigits[Int(byte >> 4)], JSONWriter.hexDigits[Int(byte & 0xF)],
                    ])
                }
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
