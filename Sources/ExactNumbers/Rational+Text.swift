internal import CGMP

extension Rational: CustomStringConvertible, LosslessStringConvertible {
    /// The canonical form: `p` for integers, `p/q` otherwise, sign on the numerator (`-3/4`).
    public var description: String {
        if big == nil {
            return smallDenominator == 1
                ? String(smallNumerator) : String(smallNumerator) + "/" + String(smallDenominator)
        }
        var bytes: [UInt8] = []
        appendDescription(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the ASCII bytes of `description` to `bytes`, with no intermediate string (for
    /// writers of megabytes of rationals).
    public func appendDescription(to bytes: inout [UInt8]) {
        withMPQ { q in
            Rational.appendDecimal(cgmp_mpq_numref_const(q)!, to: &bytes)
            let d = cgmp_mpq_denref_const(q)!
            if __gmpz_cmp_ui(d, 1) != 0 {
                bytes.append(UInt8(ascii: "/"))
                Rational.appendDecimal(d, to: &bytes)
            }
        }
    }

    /// Appends the decimal digits of `z` (`mpz_get_str` straight into the array's storage).
    private static func appendDecimal(_ z: UnsafePointer<__mpz_struct>, to bytes: inout [UInt8]) {
        if __gmpz_fits_slong_p(z) != 0 {
            var digits = String(__gmpz_get_si(z))
            digits.withUTF8 { bytes.append(contentsOf: $0) }
            return
        }
        let capacity = Int(__gmpz_sizeinbase(z, 10)) + 2
        // Under a `PrintingInterrupt` past its deadline: `0` (the caller discards the text).
        let converted = PrintingInterrupt.converting(digits: capacity) {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: capacity))
            let written = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
                let chars = UnsafeMutableRawPointer(buffer.baseAddress! + start).assumingMemoryBound(to: CChar.self)
                _ = __gmpz_get_str(chars, 10, z)
                var n = 0
                while n < capacity && chars[n] != 0 { n += 1 }
                return n
            }
            bytes.removeLast(capacity - written)
        }
        if !converted { bytes.append(UInt8(ascii: "0")) }
    }

    /// Parses a contract literal (see `parse(_:)`); nil when malformed.
    public init?(_ text: String) {
        guard let value = try? Rational.parse(text) else { return nil }
        self = value
    }

    /// The largest decimal exponent `parse` expands exactly (1e100000 has 100001 digits).
    public static let maximumDecimalExponent = 100_000

    /// Parses a literal of the contract exactly, by integer arithmetic (never through `Double`):
    /// integers of any size (`-7`), fractions with the sign on either part (`"3/-4"` is -3/4),
    /// decimals and scientific notation (`0.1` is 1/10, `-2.5e-3` is -1/400). Surrounding
    /// spaces are allowed.
    ///
    /// - Throws: `RationalParseError` with the offset of the fault: empty text, a stray
    ///   character, missing digits, a zero denominator, an exponent beyond
    ///   `maximumDecimalExponent`.
    public static func parse(_ text: String) throws(RationalParseError) -> Rational {
        let chars = Array(text.utf8)
        var lo = 0, hi = chars.count
        while lo < hi, chars[lo] == 0x20 || chars[lo] == 0x09 { lo += 1 }
        while hi > lo, chars[hi - 1] == 0x20 || chars[hi - 1] == 0x09 { hi -= 1 }
        guard lo < hi else { throw RationalParseError(.empty, at: 0) }
        var reader = LiteralReader(bytes: chars, position: lo, end: hi, text: text)
        let first = try reader.readDecimal()
        if reader.position == hi { return first.value }
        if reader.peek == UInt8(ascii: "/") {
            guard first.isInteger else { throw reader.fault(.unexpectedCharacter("/")) }
            reader.position += 1
            let slashEnd = reader.position
            let second = try reader.readDecimal()
            guard second.isInteger else {
                throw RationalParseError(
                    .unexpectedCharacter(reader.character(at: second.firstNonIntegerOffset ?? slashEnd)),
                    at: reader.offset(of: second.firstNonIntegerOffset ?? slashEnd))
            }
            guard reader.position == hi else {
                throw reader.fault(.unexpectedCharacter(reader.character(at: reader.position)))
            }
            guard !second.value.isZero else {
                throw RationalParseError(.zeroDenominator, at: reader.offset(of: slashEnd))
            }
            return first.value / second.value
        }
        throw reader.fault(.unexpectedCharacter(reader.character(at: reader.position)))
    }
}

/// A cursor over the UTF-8 bytes of a literal; reports faults as character offsets.
private struct LiteralReader {
    let bytes: [UInt8]
    var position: Int
    let end: Int
    let text: String

    var peek: UInt8? { position < end ? bytes[position] : nil }

    func character(at byteIndex: Int) -> Character {
        let idx = text.utf8.index(text.utf8.startIndex, offsetBy: byteIndex)
        return text[idx...].first ?? " "
    }

    /// Character offset of a byte index (literals are ASCII, but stray text may not be).
    func offset(of byteIndex: Int) -> Int {
        let idx = text.utf8.index(text.utf8.startIndex, offsetBy: byteIndex)
        return text.distance(from: text.startIndex, to: idx)
    }

    func fault(_ reason: RationalParseError.Reason) -> RationalParseError {
        RationalParseError(reason, at: offset(of: position))
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Reads `[+-]? digits [. digits] [e [+-] digits]` (or `.digits`), exactly.
    mutating func readDecimal() throws(RationalParseError) -> (
        value: Rational, isInteger: Bool, firstNonIntegerOffset: Int?
    ) {
        var negative = false
        if let c = peek, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
            negative = c == UInt8(ascii: "-")
            position += 1
        }
        let intStart = position
        while let c = peek, LiteralReader.isDigit(c) { position += 1 }
        let intDigits = bytes[intStart..<position]
        var fracDigits: ArraySlice<UInt8> = []
        var nonInteger: Int? = nil
        if peek == UInt8(ascii: ".") {
            nonInteger = position
            position += 1
            let fracStart = position
            while let c = peek, LiteralReader.isDigit(c) { position += 1 }
            fracDigits = bytes[fracStart..<position]
        }
        if intDigits.isEmpty && fracDigits.isEmpty {
            if let c = peek, !(c == UInt8(ascii: "e") || c == UInt8(ascii: "E") || c == UInt8(ascii: "/")) {
                throw fault(.unexpectedCharacter(character(at: position)))
            }
            throw fault(.missingDigits)
        }
        var exponent = 0
        if let c = peek, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            if nonInteger == nil { nonInteger = position }
            position += 1
            var expNegative = false
            if let s = peek, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
                expNegative = s == UInt8(ascii: "-")
                position += 1
            }
            let expStart = position
            while let d = peek, LiteralReader.isDigit(d) {
                // Saturate far above any fraction-digit count a string can hold: a cap near
                // maximumDecimalExponent could be cancelled by a long fraction and yield a wrong,
                // small power of ten instead of `exponentTooLarge`.
                let cap = Int.max / 4
                exponent = exponent >= cap / 10 ? cap : exponent * 10 + Int(d - 0x30)
                position += 1
            }
            guard position > expStart else { throw fault(.missingDigits) }
            if expNegative { exponent = -exponent }
        }
        // mantissa = intDigits.fracDigits as an integer, scaled by 10^(exponent - fracDigits.count)
        let scale = exponent - fracDigits.count
        guard abs(scale) <= Rational.maximumDecimalExponent else {
            throw RationalParseError(.exponentTooLarge, at: offset(of: intStart))
        }
        var digits = Array(intDigits)
        digits.append(contentsOf: fracDigits)
        if digits.isEmpty { digits = [0x30] }
        let mantissa = BigInt(decimalDigits: digits[...], negative: negative)
        let value: Rational
        if scale >= 0 {
            value = Rational(mantissa * BigInt(10).power(scale))
        } else {
            value = Rational(numerator: mantissa, denominator: BigInt(10).power(-scale))
        }
        return (value, nonInteger == nil, nonInteger)
    }
}
