internal import CFLINT

/// A denominator D > 0 whose prime factors are all small, with what it takes to compute
/// gcd(x, D) of many integers x without a big-integer gcd: g = ∏ p^min(v_p(x), e_p) over the
/// primes p^e_p ∥ D, where v_p(x) comes from x mod a word-size product of prime powers
/// (`fmpz_fdiv_ui`) and, for p = 2, from the trailing zero bits of x (`fmpz_val2`).
///
/// Denominators of cleared layers are lcms of the layers' denominators, so they are products
/// of small primes in practice ("p/q" with q <= 100: primes below 100; float32 weights: a
/// power of 2). `init` returns nil otherwise, and the caller uses `fmpz_gcd`.
struct SmoothDenominator {
    /// The exponent of 2 in D.
    let twos: Int
    /// Groups of odd prime powers: each modulus is ∏ pᵢ^kᵢ < 2⁶³; kᵢ = min(eᵢ, the largest
    /// power that fits), and `capped` says kᵢ < eᵢ (a valuation of kᵢ or more needs a gcd).
    let groups: [(modulus: UInt, primes: [(p: UInt, power: UInt, k: Int, e: Int, capped: Bool)])]

    /// The trial-division bound: primes below it are found.
    static let primeBound: UInt = 1 << 14

    static let smallOddPrimes: [UInt] = {
        let n = Int(primeBound)
        var composite = [Bool](repeating: false, count: n)
        var primes: [UInt] = []
        for i in 3..<n where !composite[i] && i % 2 == 1 {
            primes.append(UInt(i))
            var j = i * i
            while j < n { composite[j] = true; j += i }
        }
        return primes
    }()

    /// Factors D (positive) by trial division below `primeBound`; nil when a larger prime
    /// factor remains.
    init?(_ d: UnsafePointer<fmpz>) {
        let rest = UnsafeMutablePointer<fmpz>.allocate(capacity: 1)
        rest.initialize(to: 0)
        fmpz_set(rest, d)
        defer { fmpz_clear(rest); rest.deallocate() }
        twos = Int(fmpz_val2(rest))
        fmpz_fdiv_q_2exp(rest, rest, UInt(twos))
        var factors: [(p: UInt, e: Int)] = []
        for p in SmoothDenominator.smallOddPrimes {
            if fmpz_is_one(rest) != 0 { break }
            if fmpz_fdiv_ui(rest, p) != 0 { continue }
            var e = 0
            while fmpz_fdiv_ui(rest, p) == 0 {
                fmpz_divexact_ui(rest, rest, p)
                e += 1
            }
            factors.append((p, e))
        }
        guard fmpz_is_one(rest) != 0 else { return nil }
        var groups: [(modulus: UInt, primes: [(p: UInt, power: UInt, k: Int, e: Int, capped: Bool)])] = []
        var modulus: UInt = 1
        var members: [(p: UInt, power: UInt, k: Int, e: Int, capped: Bool)] = []
        let limit = UInt(1) << 63
        for (p, e) in factors {
            var power: UInt = 1, k = 0
            while k < e, power <= (limit - 1) / p { power *= p; k += 1 }
            if modulus > (limit - 1) / power {
                groups.append((modulus, members))
                modulus = 1
                members = []
            }
            modulus *= power
            members.append((p, power, k, e, k < e))
        }
        if !members.isEmpty { groups.append((modulus, members)) }
        self.groups = groups
    }

    /// Sets `g` to gcd(x, D) read from residues and returns true; false (g unspecified) when
    /// a capped prime power divides x (then use `fmpz_gcd`). The gcd may exceed a word (deep
    /// chains of `p/q` layers share hundreds of bits with D): word-size partial products are
    /// multiplied into `g` as they fill up. Precondition: x != 0.
    func gcd(_ x: UnsafePointer<fmpz>, into g: UnsafeMutablePointer<fmpz>) -> Bool {
        fmpz_one(g)
        var word: UInt = 1
        for group in groups {
            let r = fmpz_fdiv_ui(x, group.modulus)
            for prime in group.primes {
                var s = r % prime.power
                var v = 0
                if s == 0 {
                    if prime.capped { return false }
                    v = prime.k
                } else {
                    while s % prime.p == 0 { s /= prime.p; v += 1 }
                }
                for _ in 0..<v {
                    let (product, overflow) = word.multipliedReportingOverflow(by: prime.p)
                    if overflow {
                        fmpz_mul_ui(g, g, word)
                        word = prime.p
                    } else {
                        word = product
                    }
                }
            }
        }
        if word != 1 { fmpz_mul_ui(g, g, word) }
        if twos > 0 {
            fmpz_mul_2exp(g, g, UInt(Swift.min(Int(fmpz_val2(x)), twos)))
        }
        return true
    }
}
