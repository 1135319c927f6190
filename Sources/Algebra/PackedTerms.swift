import ExactNumbers

/// The terms of a non-constant polynomial, packed (internal): every monomial is a fixed-stride
/// vector of machine words in one flat array, sorted, with the coefficients in a parallel array.
///
/// A monomial's KEY is `stride` words: the total degree, then one word per symbol in
/// increasing id order, `(~id) << 32 | exponent` (the id complemented), then zero words up to
/// the stride. With this encoding the plain lexicographic order of keys as unsigned words is
/// the graded lexicographic order by symbol id (`Monomial.idOrderPrecedes`): at the first
/// differing symbol word, the same id means the larger exponent is greater; a different id
/// means the side with the smaller id (the larger complement) has a positive exponent where
/// the other has 0, so it is greater; a zero pad word is below every symbol word.
///
/// Canonical form (`checkInvariants`): keys strictly DECREASING (leading term first, as in
/// FLINT's mpoly), coefficients nonzero, at least one term of positive degree, and `stride` is
/// exactly 1 + the largest number of symbols in one term. Equal polynomials therefore have
/// equal arrays, so the synthesised `==` and `hash` are those of the polynomial.
///
/// Memory: `8·stride + 24` bytes a term (a small rational coefficient is stored inline), with
/// no allocation per term, against a dictionary entry holding a heap-allocated `Monomial`.
struct PackedTerms: Sendable, Hashable {
    /// Words per key: one degree word, then `stride − 1` symbol words.
    let stride: Int
    /// `count · stride` words; term t's key is `words[t·stride ..< (t+1)·stride]`.
    let words: [UInt64]
    /// The nonzero coefficients, aligned with the keys.
    let coefficients: [Rational]

    /// Trusted: the caller guarantees the canonical form.
    init(stride: Int, words: [UInt64], coefficients: [Rational]) {
        self.stride = stride
        self.words = words
        self.coefficients = coefficients
    }

    var count: Int { coefficients.count }

    /// The mask turning a `Monomial` word `id << 32 | e` into a key word `(~id) << 32 | e`
    /// (and back: the map is an involution).
    static let idMask: UInt64 = 0xFFFF_FFFF_0000_0000

    /// The id of a (nonzero) key word.
    @inline(__always) static func id(ofKeyWord w: UInt64) -> UInt32 { ~UInt32(truncatingIfNeeded: w >> 32) }

    /// The total degree of the leading term: the largest total degree.
    var totalDegree: Int { Int(words[0]) }

    /// The monomial of term `t`.
    func monomial(at t: Int) -> Monomial {
        let base = t * stride
        var packed: [UInt64] = []
        var k = 1
        while k < stride, words[base + k] != 0 {
            packed.append(words[base + k] ^ PackedTerms.idMask)
            k += 1
        }
        return Monomial(uncheckedPacked: packed, totalDegree: Int(words[base]))
    }

    /// The key of `m` at `stride` (>= 1 + m's symbol count), appended to `out`.
    static func appendKey(of m: Monomial, stride: Int, to out: inout [UInt64]) {
        out.append(UInt64(m.totalDegree))
        for w in m.packed { out.append(w ^ idMask) }
        for _ in m.packed.count + 1..<stride { out.append(0) }
    }

    /// Calls `body` with every term, in the stored (decreasing id graded-lex) order.
    func forEach(_ body: (Monomial, Rational) -> Void) {
        for t in 0..<count { body(monomial(at: t), coefficients[t]) }
    }

    /// The index of `m`'s term (binary search over the decreasing keys), nil when absent.
    func index(of m: Monomial) -> Int? {
        if m.packed.count + 1 > stride { return nil }
        var key: [UInt64] = []
        key.reserveCapacity(stride)
        PackedTerms.appendKey(of: m, stride: stride, to: &key)
        return words.withUnsafeBufferPointer { w in
            key.withUnsafeBufferPointer { k in
                var lo = 0, hi = count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    let c = PackedTerms.compare(w.baseAddress! + mid * stride, k.baseAddress!, stride)
                    if c == 0 { return mid }
                    if c > 0 { lo = mid + 1 } else { hi = mid }  // keys decrease along the array
                }
                return nil
            }
        }
    }

    /// −1, 0 or 1 as key a is below, equal to or above key b (both of `stride` words).
    @inline(__always) static func compare(_ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, _ stride: Int) -> Int
    {
        var k = 0
        while k < stride {
            let (x, y) = (a[k], b[k])
            if x != y { return x < y ? -1 : 1 }
            k += 1
        }
        return 0
    }

    /// The symbol ids that occur, each once, increasing (a bitmap over the ids: no hashing).
    var ids: [UInt32] {
        var bitmap: [UInt64] = []
        for t in 0..<count {
            var k = 1
            while k < stride, words[t * stride + k] != 0 {
                let id = Int(PackedTerms.id(ofKeyWord: words[t * stride + k]))
                if id >> 6 >= bitmap.count {
                    bitmap.append(contentsOf: repeatElement(0, count: (id >> 6) + 1 - bitmap.count))
                }
                bitmap[id >> 6] |= 1 << UInt64(id & 63)
                k += 1
            }
        }
        var out: [UInt32] = []
        for (i, word) in bitmap.enumerated() where word != 0 {
            var w = word
            while w != 0 {
                out.append(UInt32(i << 6 + w.trailingZeroBitCount))
                w &= w - 1
            }
        }
        return out
    }

    /// The largest exponent of the symbol `id` (0 when absent).
    func degree(inId id: UInt32) -> Int {
        var best = 0
        for t in 0..<count {
            var k = 1
            while k < stride, words[t * stride + k] != 0 {
                let w = words[t * stride + k]
                if PackedTerms.id(ofKeyWord: w) == id { best = Swift.max(best, Int(w & 0xFFFF_FFFF)) }
                k += 1
            }
        }
        return best
    }

    /// self with the coefficients replaced (same keys). Precondition: none is zero.
    func withCoefficients(_ c: [Rational]) -> PackedTerms {
        PackedTerms(stride: stride, words: words, coefficients: c)
    }

    /// The keys re-packed at a larger stride (zero words appended to each).
    func keys(atStride wider: Int) -> [UInt64] {
        if wider == stride { return words }
        var out = [UInt64](repeating: 0, count: count * wider)
        for t in 0..<count {
            for k in 0..<stride { out[t * wider + k] = words[t * stride + k] }
        }
        return out
    }

    /// Whether the canonical form holds (see the type's documentation).
    func checkInvariants() -> Bool {
        guard stride >= 2, words.count == count * stride, count > 0, words[0] > 0 else { return false }
        var widest = 0
        for t in 0..<count {
            let base = t * stride
            if coefficients[t].isZero || !coefficients[t].checkInvariants() { return false }
            var degree = 0, k = 1, previousId: UInt32? = nil
            while k < stride, words[base + k] != 0 {
                let w = words[base + k]
                let e = Int(w & 0xFFFF_FFFF), id = PackedTerms.id(ofKeyWord: w)
                if e == 0 { return false }
                if let p = previousId, p >= id { return false }
                previousId = id
                degree += e
                k += 1
            }
            widest = Swift.max(widest, k - 1)
            while k < stride { if words[base + k] != 0 { return false }; k += 1 }
            if UInt64(degree) != words[base] { return false }
            if t > 0 {
                let ordered = words.withUnsafeBufferPointer { w in
                    PackedTerms.compare(w.baseAddress! + (t - 1) * stride, w.baseAddress! + base, stride) > 0
                }
                if !ordered { return false }
            }
        }
        return widest + 1 == stride
    }
}

/// Builds a polynomial from keys appended in strictly decreasing order (internal): the output
/// side of every merge and product. Keys may be appended at a stride wider than needed; the
/// result is re-packed at the canonical stride.
struct PackedTermsBuilder {
    let stride: Int
    var words: [UInt64] = []
    var coefficients: [Rational] = []
    /// The largest symbol count seen.
    var widest = 0

    init(stride: Int, capacity: Int) {
        self.stride = stride
        words.reserveCapacity(capacity * stride)
        coefficients.reserveCapacity(capacity)
    }

    /// Appends a term (key of `stride` words, strictly below the last one; c nonzero).
    @inline(__always) mutating func append(_ key: UnsafePointer<UInt64>, _ c: Rational) {
        var k = 1
        while k < stride, key[k] != 0 { k += 1 }
        if k - 1 > widest { widest = k - 1 }
        words.append(contentsOf: UnsafeBufferPointer(start: key, count: stride))
        coefficients.append(c)
    }

    /// The polynomial: zero, a constant, or packed terms at the canonical stride (arrays
    /// copied to their exact size when much capacity would be wasted).
    func polynomial() -> Polynomial {
        let n = coefficients.count
        if n == 0 { return .zero }
        if n == 1 && words[0] == 0 { return Polynomial(coefficients[0]) }
        let canonical = widest + 1
        var w = words, c = coefficients
        if canonical < stride {
            var narrow = [UInt64](repeating: 0, count: n * canonical)
            words.withUnsafeBufferPointer { src in
                narrow.withUnsafeMutableBufferPointer { dst in
                    for t in 0..<n {
                        for k in 0..<canonical { dst[t * canonical + k] = src[t * stride + k] }
                    }
                }
            }
            w = narrow
        } else if w.capacity > w.count + w.count / 4 + 64 {
            w = Array(w)
        }
        if c.capacity > c.count + c.count / 4 + 16 { c = Array(c) }
        return Polynomial(representation: .general(PackedTerms(stride: canonical, words: w, coefficients: c)))
    }
}

extension PackedTerms {
    /// Packs terms given in any order (internal: from a dictionary). Zero coefficients are
    /// dropped; repeated monomials are not allowed.
    static func polynomial(from terms: some Collection<(key: Monomial, value: Rational)>) -> Polynomial {
        var widest = 0
        var n = 0
        for (m, c) in terms where !c.isZero {
            widest = Swift.max(widest, m.packed.count)
            n += 1
        }
        let stride = widest + 1
        var keys: [UInt64] = []
        keys.reserveCapacity(n * stride)
        var values: [Rational] = []
        values.reserveCapacity(n)
        for (m, c) in terms where !c.isZero {
            appendKey(of: m, stride: stride, to: &keys)
            values.append(c)
        }
        var order = Array(0..<n)
        keys.withUnsafeBufferPointer { k in
            order.sort { compare(k.baseAddress! + $0 * stride, k.baseAddress! + $1 * stride, stride) > 0 }
        }
        var builder = PackedTermsBuilder(stride: stride, capacity: n)
        keys.withUnsafeBufferPointer { k in
            for t in order { builder.append(k.baseAddress! + t * stride, values[t]) }
        }
        return builder.polynomial()
    }

    /// a + sign·b by a sorted merge (either may be nil for zero; `constantA`/`constantB` are
    /// their constant terms when they are constants). O(|a| + |b|) coefficient operations.
    static func sum(_ a: PackedTerms, _ b: PackedTerms, negatingB: Bool) -> Polynomial {
        let stride = Swift.max(a.stride, b.stride)
        let ka = a.keys(atStride: stride), kb = b.keys(atStride: stride)
        var builder = PackedTermsBuilder(stride: stride, capacity: a.count + b.count)
        ka.withUnsafeBufferPointer { pa in
            kb.withUnsafeBufferPointer { pb in
                let (x, y) = (pa.baseAddress!, pb.baseAddress!)
                var i = 0, j = 0
                while i < a.count || j < b.count {
                    let c: Int
                    if i == a.count {
                        c = -1
                    } else if j == b.count {
                        c = 1
                    } else {
                        c = compare(x + i * stride, y + j * stride, stride)
                    }
                    if c > 0 {
                        builder.append(x + i * stride, a.coefficients[i]); i += 1
                    } else if c < 0 {
                        builder.append(y + j * stride, negatingB ? -b.coefficients[j] : b.coefficients[j]); j += 1
                    } else {
                        let s =
                            negatingB ? a.coefficients[i] - b.coefficients[j] : a.coefficients[i] + b.coefficients[j]
                        if !s.isZero { builder.append(x + i * stride, s) }
                        i += 1; j += 1
                    }
                }
            }
        }
        return builder.polynomial()
    }

    /// self + c for a nonzero constant c (the constant term is the last key, all zero words).
    func adding(constant c: Rational) -> Polynomial {
        let last = (count - 1) * stride
        if words[last] == 0 {
            var coefficients = self.coefficients
            let s = coefficients[count - 1] + c
            if s.isZero {
                coefficients.removeLast()
                return Polynomial(
                    representation: .general(
                        PackedTerms(stride: stride, words: Array(words[..<last]), coefficients: coefficients)))
            }
            coefficients[count - 1] = s
            return Polynomial(representation: .general(withCoefficients(coefficients)))
        }
        var words = self.words
        words.append(contentsOf: repeatElement(0, count: stride))
        return Polynomial(
            representation: .general(PackedTerms(stride: stride, words: words, coefficients: coefficients + [c])))
    }
}

extension PackedTerms {
    /// The term indices in decreasing graded-lex order BY NAME (the printing order of
    /// `Polynomial.sortedTerms`; `Monomial.<`). When the names of the symbols that occur
    /// increase with their ids, that is the stored order; otherwise the keys are rebuilt with
    /// name ranks in place of ids (same encoding) and sorted. With `limit: 1`, only the
    /// greatest (a linear scan).
    func nameOrder(limit: Int? = nil) -> [Int] {
        let present = ids
        let ranks = SymbolTable.ranks()
        if zip(present, present.dropFirst()).allSatisfy({ ranks[Int($0)] < ranks[Int($1)] }) {
            return limit == nil ? Array(0..<count) : [0]
        }
        var keys = [UInt64](repeating: 0, count: count * stride)
        var row = [UInt64](repeating: 0, count: stride)
        for t in 0..<count {
            let base = t * stride
            var k = 1
            while k < stride, words[base + k] != 0 {
                let w = words[base + k]
                let rank = ranks[Int(PackedTerms.id(ofKeyWord: w))]
                row[k - 1] = UInt64(~rank) << 32 | (w & 0xFFFF_FFFF)
                k += 1
            }
            row[0..<k - 1].sort(by: >)
            keys[base] = words[base]
            for i in 1..<k { keys[base + i] = row[i - 1] }
        }
        return keys.withUnsafeBufferPointer { kp in
            let base = kp.baseAddress!
            if limit != nil {
                var best = 0
                for t in 1..<count where PackedTerms.compare(base + t * stride, base + best * stride, stride) > 0 {
                    best = t
                }
                return [best]
            }
            return (0..<count).sorted { PackedTerms.compare(base + $0 * stride, base + $1 * stride, stride) > 0 }
        }
    }
}
