internal import CGMP

extension BigInt: CustomStringConvertible, LosslessStringConvertible {
    /// Decimal digits with a leading `-` when negative (`mpz_get_str` into an owned buffer).
    public var description: String {
        let p = storage.pointer
        let capacity = Int(__gmpz_sizeinbase(p, 10)) + 2
        var text = "0"  // what a `PrintingInterrupt` past its deadline leaves (discarded by its installer)
        _ = PrintingInterrupt.converting(digits: capacity) {
            text = String(unsafeUninitializedCapacity: capacity) { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    _ = __gmpz_get_str(chars.baseAddress, 10, p)
                    var n = 0
                    while n < capacity && chars[n] != 0 { n += 1 }
                    return n
                }
            }
        }
        return text
    }

    /// Parses an optional sign followed by decimal digits, nothing else; nil otherwise.
    public init?(_ text: String) {
        let utf8 = Array(text.utf8)
        var negative = false
        var start = 0
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            start = 1
        }
        guard start < utf8.count,
            utf8[start...].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        self.init(decimalDigits: utf8[start...], negative: negative)
    }

    /// Builds from ASCII decimal digits already validated by the caller (`mpz_set_str`).
    init(decimalDigits digits: ArraySlice<UInt8>, negative: Bool) {
        self.init()
        var buffer = [CChar]()
        buffer.reserveCapacity(digits.count + 1)
        for d in digits { buffer.append(CChar(bitPattern: d)) }
        buffer.append(0)
        let p = storage.pointer
        let status = buffer.withUnsafeBufferPointer { __gmpz_set_str(p, $0.baseAddress, 10) }
        precondition(status == 0, "internal: digits were validated before mpz_set_str")
        if negative { __gmpz_neg(p, p) }
    }
}
