import ExactNumbers

extension PackedTerms {
    /// The plain form of `Polynomial.description`, written straight from the keys (internal):
    /// terms in decreasing graded-lex order by name, each monomial's symbols in increasing name
    /// order, `name^e` for e > 1, `*` between factors, a coefficient other than ±1 written
    /// before its monomial, signs as ` + ` / ` - ` (a leading `-`). Byte-identical to the
    /// generic renderer over `sortedTerms`, without building a `Monomial` or a `String` per
    /// term: a symbolic chain's report prints millions of terms.
    func plainText() -> String {
        let order = nameOrder()
        let present = ids
        let names = SymbolTable.names(), ranks = SymbolTable.ranks()
        let nameBytes = present.map { Array(names[Int($0)].utf8) }
        let presentRanks = present.map { ranks[Int($0)] }
        /// The index of `id` in `present` (binary search).
        func slot(_ id: UInt32) -> Int {
            var lo = 0, hi = present.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if present[mid] < id { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        var out: [UInt8] = []
        out.reserveCapacity(count * (stride - 1) * 8)
        var factors: [(rank: UInt32, slot: Int, exponent: UInt64)] = []
        factors.reserveCapacity(stride)
        func appendDecimal(_ v: UInt64) {
            if v >= 10 { appendDecimal(v / 10) }
            out.append(UInt8(ascii: "0") + UInt8(v % 10))
        }
        // Under a `PrintingInterrupt` past its deadline the text stops early (its installer
        // discards it); the clock is consulted every 64 terms.
        let interrupt = PrintingInterrupt.current
        var reported = 0
        for (index, t) in order.enumerated() {
            if let interrupt, index & 63 == 63 {
                if interrupt.stopsText(afterWriting: out.count - reported) { break }
                reported = out.count
            }
            let c = coefficients[t]
            let negative = c.signum < 0
            if index == 0 {
                if negative { out.append(UInt8(ascii: "-")) }
            } else {
                out.append(contentsOf: negative ? [32, 45, 32] : [32, 43, 32])  // " - " / " + "
            }
            let base = t * stride
            let magnitude = c.magnitude
            if words[base] == 0 {  // the constant term
                out.append(contentsOf: magnitude.description.utf8)
                continue
            }
            if !magnitude.isOne {
                if let v = magnitude.inlineInteger {
                    appendDecimal(UInt64(v))
                } else {
                    out.append(contentsOf: magnitude.description.utf8)
                }
                out.append(UInt8(ascii: "*"))
            }
            factors.removeAll(keepingCapacity: true)
            var k = 1
            while k < stride, words[base + k] != 0 {
                let w = words[base + k]
                let i = slot(PackedTerms.id(ofKeyWord: w))
                factors.append((presentRanks[i], i, w & 0xFFFF_FFFF))
                k += 1
            }
            if factors.count > 1 { factors.sort { $0.rank < $1.rank } }
            for (n, f) in factors.enumerated() {
                if n > 0 { out.append(UInt8(ascii: "*")) }
                out.append(contentsOf: nameBytes[f.slot])
                if f.exponent > 1 {
                    out.append(UInt8(ascii: "^"))
                    appendDecimal(f.exponent)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
