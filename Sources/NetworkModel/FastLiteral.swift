internal import ExactNumbers

/// Exact reading of short number literals with machine integers, for the numeric fast path
/// of large layers (a 512×512 layer has 262,144 entries).
///
/// Handles `[+-]digits[.digits][e[+-]digits]` and `[+-]digits/[+-]digits` whose values fit
/// in `Int` after scaling (mantissa and power of ten each at most 18 digits); returns nil
/// for anything else, which then goes to `Rational.parse`. The result always equals
/// `Rational.parse(text)` where this returns non-nil (checked by tests on random literals).
enum FastLiteral {
    /// Powers of ten that fit in `Int` (10^0 ... 10^18).
    private static let powersOfTen: [Int] = {
        var result = [1]
        for _ in 1...18 { result.append(result.last! * 10) }
        return result
    }()

    /// The exact value of `text`, or nil when it is not a short plain literal.
    static func rational(_ text: String) -> Rational? {
        var text = text
        return text.withUTF8 { bytes in rational(bytes) }
    }

    static func rational(_ bytes: UnsafeBufferPointer<UInt8>) -> Rational? {
        let n = bytes.count
        guard n > 0, n <= 40 else { return nil }
        var i = 0
        // Reads [+-]? digits into (value, digit count); nil on overflow of 18 digits.
        func integer(_ i: inout Int) -> (value: Int, digits: Int, negative: Bool)? {
            var negative = false
            if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                negative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var value = 0, digits = 0
            while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                guard digits < 18 else { return nil }
                value = value * 10 + Int(bytes[i] - 0x30)
                digits += 1
                i += 1
            }
            return (value, digits, negative)
        }
        guard let whole = integer(&i), whole.digits > 0 || (i < n && bytes[i] == UInt8(ascii: ".")) else { return nil }
        var mantissa = whole.value
        var significant = whole.digits
        if i == n { return Rational(whole.negative ? -mantissa : mantissa) }
        if bytes[i] == UInt8(ascii: "/") {
            i += 1
            guard whole.digits > 0, let denominator = integer(&i), denominator.digits > 0, i == n,
                denominator.value != 0
            else { return nil }
            let p = whole.negative ? -whole.value : whole.value
            let q = denominator.negative ? -denominator.value : denominator.value
            return Rational(p, q)
        }
        var fractionDigits = 0
        if bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                guard significant < 18 else { return nil }
                mantissa = mantissa * 10 + Int(bytes[i] - 0x30)
                significant += 1
                fractionDigits += 1
                i += 1
            }
            guard whole.digits + fractionDigits > 0 else { return nil }
        }
        var exponent = 0
        if i < n, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            guard let e = integer(&i), e.digits > 0, e.digits <= 3 else { return nil }
            exponent = e.negative ? -e.value : e.value
        }
        guard i == n else { return nil }
        if whole.negative { mantissa = -mantissa }
        let scale = exponent - fractionDigits
        if scale >= 0 {
            guard scale <= 18 else { return nil }
            let (product, overflow) = mantissa.multipliedReportingOverflow(by: powersOfTen[scale])
            return overflow ? nil : Rational(product)
        }
        guard -scale <= 18 else { return nil }
        return Rational(mantissa, powersOfTen[-scale])
    }
}
