internal import CGMP

/// A rows × columns matrix of finite IEEE 754 binary32 numbers kept as their 4-byte bit
/// patterns, read as the exact dyadic rationals they are: entry (i, j) is
/// (−1)^s · m · 2^(max(E, 1) − 150), with s the sign bit, E the 8-bit exponent field and m the
/// 23-bit fraction (with the hidden bit 2^23 when E > 0). No value is ever rounded.
///
/// The compact form of a large float32 layer (4 bytes an entry instead of a 24-byte
/// `Rational`): `products(_:)` computes W·x exactly by integer accumulation, and
/// `entry(_:_:)`/`rationalEntries` give the rationals to the code that needs them.
/// Negative zero is stored as +0, so equal bit arrays are exactly equal matrices.
public struct Float32Matrix: Hashable, Sendable {
    /// The number of rows (>= 0).
    public let rows: Int
    /// The number of columns (>= 0).
    public let columns: Int
    /// The bit patterns, row-major: entry (i, j) is `bits[i * columns + j]`; never an infinity
    /// or NaN, never negative zero.
    public let bits: [UInt32]

    /// The matrix of these bit patterns (negative zero becomes +0), or nil when one is an
    /// infinity or NaN; `firstNonFinite` then says which (row-major index).
    /// Precondition: `bits.count == rows * columns`.
    public init?(rows: Int, columns: Int, bits: [UInt32]) {
        precondition(rows >= 0 && columns >= 0 && bits.count == rows * columns, "Float32Matrix shape")
        guard Float32Matrix.firstNonFinite(bits) == nil else { return nil }
        var stored = bits
        for k in stored.indices where stored[k] == 0x8000_0000 { stored[k] = 0 }
        self.rows = rows
        self.columns = columns
        self.bits = stored
    }

    /// The index of the first infinity or NaN in `bits`, or nil when all are finite.
    public static func firstNonFinite(_ bits: [UInt32]) -> Int? {
        bits.firstIndex { $0 & 0x7F80_0000 == 0x7F80_0000 }
    }

    /// The exact value of a finite binary32 bit pattern.
    public static func value(bits: UInt32) -> Rational {
        let magnitude = bits & 0x7FFF_FFFF
        if magnitude == 0 { return .zero }
        let field = Int(magnitude >> 23)
        let fraction = Int(magnitude & 0x7F_FFFF)
        let m = field == 0 ? fraction : fraction | 0x80_0000
        let signed = bits & 0x8000_0000 != 0 ? -m : m
        let e = max(field, 1) - 150
        if e >= 0 {
            if e <= 38 { return Rational(signed << e) }
            return Rational(BigInt(signed).shiftedLeft(e))
        }
        if -e <= 62 { return Rational(signed, overPowerOfTwo: -e) }
        return Rational(numerator: BigInt(signed), denominator: BigInt(1).shiftedLeft(-e))
    }

    /// Entry (i, j) as its exact rational.
    public func entry(_ i: Int, _ j: Int) -> Rational {
        precondition(i >= 0 && i < rows && j >= 0 && j < columns, "Float32Matrix index out of range")
        return Float32Matrix.value(bits: bits[i * columns + j])
    }

    /// Every entry as its exact rational, row-major (what a `Matrix<Rational>` of the same
    /// values holds).
    public var rationalEntries: [Rational] { bits.map(Float32Matrix.value(bits:)) }

    /// Row i as exact rationals.
    public func rationalRow(_ i: Int) -> [Rational] {
        precondition(i >= 0 && i < rows, "Float32Matrix row out of range")
        return bits[(i * columns)..<((i + 1) * columns)].map(Float32Matrix.value(bits:))
    }

    /// W·x, exactly. With q the lcm of the denominators of x and X = q·x (integers), row i is
    /// (Σ_j ±m_ij · 2^(s_ij − s_min) · X_j) · 2^(s_min − 150) / q: the products ±m_ij·X_j are
    /// accumulated per exponent s_ij (`mpz_addmul_ui`), the accumulators then joined from the
    /// largest exponent down by shifts, and the quotient reduced once. Never rounds.
    /// Precondition: `x.count == columns`.
    public func products(_ x: [Rational]) -> [Rational] {
        precondition(x.count == columns, "Float32Matrix.products: \(x.count) values for \(columns) columns")
        let q = Rational.commonDenominator(of: x)
        var scaled = [BigInt]()
        var nonzero = [Int]()
        scaled.reserveCapacity(columns)
        for (j, v) in x.enumerated() {
            if v.isZero {
                scaled.append(BigInt())
                continue
            }
            nonzero.append(j)
            scaled.append(q.isOne ? v.numerator : v.numerator * q.dividedExactly(by: v.denominator))
        }
        // One accumulator per exponent class s = max(E, 1) in 1...254.
        let accumulators = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 256)
        for s in 0..<256 { __gmpz_init(accumulators + s) }
        let total = IntegerStorage()
        defer {
            for s in 0..<256 { __gmpz_clear(accumulators + s) }
            accumulators.deallocate()
        }
        var out = [Rational]()
        out.reserveCapacity(rows)
        withExtendedLifetime(scaled) {
            bits.withUnsafeBufferPointer { w in
                for i in 0..<rows {
                    var used: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
                    let base = i * columns
                    for j in nonzero {
                        let b = w[base + j]
                        let magnitude = b & 0x7FFF_FFFF
                        if magnitude == 0 { continue }
                        let field = Int(magnitude >> 23)
                        let fraction = UInt(magnitude & 0x7F_FFFF)
                        let m = field == 0 ? fraction : fraction | 0x80_0000
                        let s = max(field, 1)
                        let a = accumulators + s
                        if b & 0x8000_0000 != 0 {
                            __gmpz_submul_ui(a, scaled[j].storage.pointer, m)
                        } else {
                            __gmpz_addmul_ui(a, scaled[j].storage.pointer, m)
                        }
                        switch s >> 6 {
                        case 0: used.0 |= 1 << UInt64(s & 63)
                        case 1: used.1 |= 1 << UInt64(s & 63)
                        case 2: used.2 |= 1 << UInt64(s & 63)
                        default: used.3 |= 1 << UInt64(s & 63)
                        }
                    }
                    __gmpz_set_ui(total.pointer, 0)
                    var previous = -1
                    let words = [used.3, used.2, used.1, used.0]
                    for (k, word) in words.enumerated() {
                        var rest = word
                        while rest != 0 {
                            let bit = 63 - rest.leadingZeroBitCount
                            rest &= ~(1 << UInt64(bit))
                            let s = (3 - k) * 64 + bit
                            if previous >= 0 {
                                __gmpz_mul_2exp(total.pointer, total.pointer, mp_bitcnt_t(previous - s))
                            }
                            __gmpz_add(total.pointer, total.pointer, accumulators + s)
                            __gmpz_set_ui(accumulators + s, 0)
                            previous = s
                        }
                    }
                    if previous < 0 || cgmp_mpz_sgn(total.pointer) == 0 {
                        out.append(.zero)
                        continue
                    }
                    let e = previous - 150
                    let numerator = BigInt.make { __gmpz_set($0, total.pointer) }
                    out.append(
                        e >= 0
                            ? Rational(numerator: numerator.shiftedLeft(e), denominator: q)
                            : Rational(numerator: numerator, denominator: q.shiftedLeft(-e)))
                }
            }
        }
        return out
    }
}
