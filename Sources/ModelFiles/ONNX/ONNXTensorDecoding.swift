import Foundation
import ExactNumbers

/// Reading an ONNX `TensorProto` into an `ExactTensor`: every float, double and float16 entry
/// becomes the exact rational its bits are (contract §6); int64 and int32 tensors (shapes,
/// axes) are read as integers. Data come from `raw_data` (little-endian, as the ONNX
/// specification fixes) or from the typed fields (`float_data`, `double_data`, `int32_data`
/// holding float16 bit patterns, `int64_data`).
enum ONNXTensorDecoding {
    /// ONNX `TensorProto.DataType` codes this reader understands.
    enum ElementType: Int32 {
        case float = 1, int32 = 6, int64 = 7, float16 = 10, double = 11

        /// The name a person knows.
        var name: String {
            switch self {
            case .float: return "float32"
            case .int32: return "int32"
            case .int64: return "int64"
            case .float16: return "float16"
            case .double: return "float64"
            }
        }

        /// Bytes per entry in `raw_data`.
        var byteCount: Int {
            switch self {
            case .float, .int32: return 4
            case .int64, .double: return 8
            case .float16: return 2
            }
        }
    }

    /// A float32 raw_data payload kept out of the decoded message (`ONNXPayloadSplit`): its
    /// length in bytes and its bit patterns (little-endian words).
    struct Payload {
        var byteCount: Int
        var bits: [UInt32]
    }

    /// The exact tensor stored in `tensor` (with its raw_data from `payload` when the message
    /// was decoded without it).
    ///
    /// - Throws: `ModelFileError` at the tensor for external data, an unsupported element
    ///   type, a negative dimension, a data length that does not match the dimensions
    ///   (truncated or corrupt data), or an infinite or NaN entry.
    static func decode(
        _ tensor: Onnx_TensorProto, file: String, name: String? = nil, payload: Payload? = nil
    ) throws(ModelFileError) -> ExactTensor {
        let label = name ?? tensor.name
        func fail(_ message: String) -> ModelFileError { ModelFileError(file: file, place: .tensor(label), message) }
        if tensor.dataLocation == .external {
            throw fail(
                "its data are in an external file; expected the data inside the model (save with onnx.save(model, path, save_as_external_data=False))"
            )
        }
        guard let type = ElementType(rawValue: tensor.dataType) else {
            throw fail(
                "element type \(typeName(tensor.dataType)); expected float32, float64 or float16 (weights) or int64 (shapes and axes)"
            )
        }
        var shape: [Int] = []
        for d in tensor.dims {
            guard d >= 0, d <= Int64(Int32.max) else { throw fail("dimension \(d); expected a non-negative size") }
            shape.append(Int(d))
        }
        guard let count = ExactTensor.checkedCount(shape) else {
            throw fail("shape \(shape) holds more than 2^31 entries; expected a weight tensor")
        }
        if type == .float {
            // float32: kept as bit patterns (4 bytes an entry), made rationals only on demand.
            let bits: [UInt32]
            if let payload {
                let expected = count * type.byteCount
                guard payload.byteCount == expected else {
                    throw fail(
                        "raw_data has \(payload.byteCount) bytes; expected \(expected) (\(count) \(type.name) entries for shape \(shape)): the file is truncated or corrupt"
                    )
                }
                bits = payload.bits
            } else if tensor.hasRawData {
                let expected = count * type.byteCount
                guard tensor.rawData.count == expected else {
                    throw fail(
                        "raw_data has \(tensor.rawData.count) bytes; expected \(expected) (\(count) \(type.name) entries for shape \(shape)): the file is truncated or corrupt"
                    )
                }
                bits = tensor.rawData.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                    (0..<count).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)) }
                }
            } else {
                guard tensor.floatData.count == count else {
                    throw fail("float_data has \(tensor.floatData.count) entries; expected \(count) for shape \(shape)")
                }
                bits = tensor.floatData.map(\.bitPattern)
            }
            if let bad = Float32Matrix.firstNonFinite(bits) {
                throw fail("entry \(bad) is infinite or NaN; expected finite weights")
            }
            return ExactTensor(shape: shape, float32Bits: bits)
        }
        let values: [Rational]
        if tensor.hasRawData {
            let expected = count * type.byteCount
            guard tensor.rawData.count == expected else {
                throw fail(
                    "raw_data has \(tensor.rawData.count) bytes; expected \(expected) (\(count) \(type.name) entries for shape \(shape)): the file is truncated or corrupt"
                )
            }
            values = try fromRaw(tensor.rawData, type: type, count: count, fail: fail)
        } else {
            values = try fromTyped(tensor, type: type, count: count, shape: shape, fail: fail)
        }
        return ExactTensor(shape: shape, values: values)
    }

    private static func fromRaw(_ data: Data, type: ElementType, count: Int, fail: (String) -> ModelFileError)
        throws(ModelFileError) -> [Rational]
    {
        var out: [Rational] = []
        out.reserveCapacity(count)
        var bad: Int?
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            for i in 0..<count {
                let value: Rational?
                switch type {
                case .float:
                    value = BinaryFloat.single(
                        bits: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                case .double:
                    value = BinaryFloat.double(
                        bits: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))
                case .float16:
                    value = BinaryFloat.half(
                        bits: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
                case .int32:
                    value = Rational(Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self))))
                case .int64:
                    value = Rational(Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self))))
                }
                guard let value else {
                    bad = i
                    return
                }
                out.append(value)
            }
        }
        if let bad { throw fail("entry \(bad) is infinite or NaN; expected finite weights") }
        return out
    }

    private static func fromTyped(
        _ tensor: Onnx_TensorProto, type: ElementType, count: Int, shape: [Int],
        fail: (String) -> ModelFileError
    ) throws(ModelFileError) -> [Rational] {
        var out: [Rational] = []
        out.reserveCapacity(count)
        func check(_ n: Int, _ field: String) throws(ModelFileError) {
            guard n == count else {
                throw fail("\(field) has \(n) entries; expected \(count) for shape \(shape)")
            }
        }
        switch type {
        case .float:
            try check(tensor.floatData.count, "float_data")
            for (i, f) in tensor.floatData.enumerated() {
                guard let v = BinaryFloat.single(bits: f.bitPattern) else {
                    throw fail("entry \(i) is infinite or NaN; expected finite weights")
                }
                out.append(v)
            }
        case .double:
            try check(tensor.doubleData.count, "double_data")
            for (i, f) in tensor.doubleData.enumerated() {
                guard let v = BinaryFloat.double(bits: f.bitPattern) else {
                    throw fail("entry \(i) is infinite or NaN; expected finite weights")
                }
                out.append(v)
            }
        case .float16:
            // float16 entries are stored one per int32_data element, in its low 16 bits.
            try check(tensor.int32Data.count, "int32_data")
            for (i, w) in tensor.int32Data.enumerated() {
                guard let v = BinaryFloat.half(bits: UInt16(truncatingIfNeeded: w)) else {
                    throw fail("entry \(i) is infinite or NaN; expected finite weights")
                }
                out.append(v)
            }
        case .int32:
            try check(tensor.int32Data.count, "int32_data")
            for w in tensor.int32Data { out.append(Rational(Int(w))) }
        case .int64:
            try check(tensor.int64Data.count, "int64_data")
            for w in tensor.int64Data { out.append(Rational(Int(w))) }
        }
        return out
    }

    /// The ONNX name of a data type code.
    static func typeName(_ code: Int32) -> String {
        let names: [Int32: String] = [
            0: "UNDEFINED", 1: "FLOAT", 2: "UINT8", 3: "INT8", 4: "UINT16", 5: "INT16", 6: "INT32",
            7: "INT64", 8: "STRING", 9: "BOOL", 10: "FLOAT16", 11: "DOUBLE", 12: "UINT32",
            13: "UINT64", 14: "COMPLEX64", 15: "COMPLEX128", 16: "BFLOAT16",
        ]
        return names[code] ?? "code \(code)"
    }
}
