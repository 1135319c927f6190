import Foundation

/// The large float32 `raw_data` payloads of an ONNX model's initializers, taken out of the
/// protobuf bytes before they are decoded, so that swift-protobuf never copies them: the model
/// is decoded from `stripped` (the same message without those fields) and each payload is read
/// once, straight into the bit patterns of its tensor (`ONNXTensorDecoding.decode(_:payload:)`).
///
/// Only the wire structure is read (tags, varints, lengths; protobuf encoding as the ONNX
/// `.proto` fixes it: ModelProto.graph = 7, GraphProto.initializer = 5, TensorProto.data_type
/// = 2 and raw_data = 9): the payload bytes themselves are never touched here. Anything the walk
/// does not expect (a group, a truncated field) gives nil, and the caller decodes the whole
/// file as before, so messages about malformed files are unchanged.
struct ONNXPayloadSplit {
    /// A float32 raw_data payload: the initializer's index in the graph (counting every
    /// initializer of every graph field in order), and the payload's place in the bytes.
    struct Payload: Sendable, Hashable {
        var initializer: Int
        var offset: Int
        var count: Int
    }

    /// The model's bytes without the payloads.
    var stripped: [UInt8]
    /// The payloads taken out, in initializer order.
    var payloads: [Payload]

    /// Payloads shorter than this stay in the message (a small tensor costs nothing).
    static let minimumPayload = 1 << 16

    /// The split of `bytes`; nil when no payload is large enough or the structure is not the
    /// expected one.
    init?(_ bytes: UnsafeRawBufferPointer) {
        var payloads = [Payload]()
        var initializer = 0
        var failed = false
        let model = ONNXPayloadSplit.rewrite(bytes, 0..<bytes.count) { field, range in
            guard field == 7 else { return nil }
            let graph = ONNXPayloadSplit.rewrite(bytes, range) { field, range in
                guard field == 5 else { return nil }
                defer { initializer += 1 }
                switch ONNXPayloadSplit.tensor(bytes, range, initializer: initializer, into: &payloads) {
                case .keep: return nil
                case .strip(let kept): return kept
                case .malformed:
                    failed = true
                    return nil
                }
            }
            if graph == nil { failed = true }
            return graph
        }
        guard let model, !failed, !payloads.isEmpty else { return nil }
        stripped = model
        self.payloads = payloads
    }

    /// A tensor's bytes without its raw_data when it is float32 and at least `minimumPayload`
    /// bytes long (the payload recorded); nil to keep the tensor as it is.
    private enum TensorSplit {
        case keep
        case strip([UInt8])
        case malformed
    }

    private static func tensor(
        _ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, initializer: Int, into payloads: inout [Payload]
    ) -> TensorSplit {
        var isFloat = false
        var raw: Range<Int>? = nil
        let end = walk(bytes, range) { field, wireType, value, content, _ in
            if field == 2, wireType == 0 { isFloat = value == 1 }
            if field == 9, wireType == 2 { raw = content }
        }
        guard end != nil else { return .malformed }
        guard isFloat, let raw, raw.count >= minimumPayload else { return .keep }
        guard let kept = rewrite(bytes, range, { field, _ in field == 9 ? [] : nil }, dropEmpty: true) else {
            return .malformed
        }
        payloads.append(Payload(initializer: initializer, offset: raw.lowerBound, count: raw.count))
        return .strip(kept)
    }

    /// The fields of the message in `range`, with each length-delimited field whose
    /// `replacement` is not nil replaced (its length prefix re-encoded; an empty replacement
    /// drops the field when `dropEmpty`); nil when the structure is malformed.
    private static func rewrite(
        _ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, _ replacement: (Int, Range<Int>) -> [UInt8]?,
        dropEmpty: Bool = false
    ) -> [UInt8]? {
        var out = [UInt8]()
        let end = walk(bytes, range) { field, wireType, _, content, whole in
            if wireType == 2, let content, let new = replacement(field, content) {
                if new.isEmpty, dropEmpty { return }
                appendVarint(UInt64(field << 3 | 2), to: &out)
                appendVarint(UInt64(new.count), to: &out)
                out += new
            } else {
                out += bytes[whole]
            }
        }
        guard end != nil else { return nil }
        return out
    }

    /// Calls `visit(field, wireType, varintValue, lengthDelimitedContent, wholeField)` for each
    /// field of the message in `range`; the end, or nil when a field is malformed or of a group
    /// wire type.
    @discardableResult
    private static func walk(
        _ bytes: UnsafeRawBufferPointer, _ range: Range<Int>,
        _ visit: (Int, Int, UInt64, Range<Int>?, Range<Int>) -> Void
    ) -> Int? {
        var p = range.lowerBound
        while p < range.upperBound {
            let start = p
            guard let tag = varint(bytes, &p, range.upperBound), tag >> 3 > 0, tag >> 3 < 1 << 29 else { return nil }
            let field = Int(tag >> 3), wireType = Int(tag & 7)
            var value: UInt64 = 0
            var content: Range<Int>? = nil
            switch wireType {
            case 0:
                guard let v = varint(bytes, &p, range.upperBound) else { return nil }
                value = v
            case 1:
                guard range.upperBound - p >= 8 else { return nil }
                p += 8
            case 5:
                guard range.upperBound - p >= 4 else { return nil }
                p += 4
            case 2:
                guard let n = varint(bytes, &p, range.upperBound), n <= UInt64(range.upperBound - p) else {
                    return nil
                }
                content = p..<(p + Int(n))
                p += Int(n)
            default: return nil
            }
            visit(field, wireType, value, content, start..<p)
        }
        return p
    }

    /// A base-128 varint at `p` (advanced past it); nil when truncated or longer than 10 bytes.
    private static func varint(_ bytes: UnsafeRawBufferPointer, _ p: inout Int, _ end: Int) -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while p < end, shift < 64 {
            let b = bytes[p]
            p += 1
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
        return nil
    }

    private static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}

extension ONNXPayloadSplit {
    /// A payload's bit patterns (little-endian 4-byte words) copied from `data`.
    static func bits(_ data: Data, _ payload: Payload) -> [UInt32] {
        data.withUnsafeBytes { raw in
            (0..<(payload.count / 4)).map {
                UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: payload.offset + 4 * $0, as: UInt32.self))
            }
        }
    }

    /// A payload's bit patterns read from the file at `path` with `pread` (the bytes go
    /// straight into the array, never through a mapping of the file); nil when reading fails.
    static func readBits(path: String, _ payload: Payload) -> [UInt32]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let words = payload.count / 4
        var failed = false
        let bits = [UInt32](unsafeUninitializedCapacity: words) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var done = 0
            while done < words * 4 {
                let n = pread(fd, raw.baseAddress! + done, words * 4 - done, off_t(payload.offset + done))
                if n <= 0 {
                    failed = true
                    break
                }
                done += n
            }
            if failed { raw.initializeMemory(as: UInt8.self, repeating: 0) }
            for k in 0..<words { buffer[k] = UInt32(littleEndian: buffer[k]) }
            initialized = words
        }
        return failed ? nil : bits
    }
}
