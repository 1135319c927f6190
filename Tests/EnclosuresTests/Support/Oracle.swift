import ExactNumbers

/// Independent reference values: rigorous bounds from power series in exact rational
/// arithmetic with explicit remainder bounds, rounded outward to multiples of 2^−400.
///
/// Shares no code with the module under test (no MPFR, no `RationalInterval` arithmetic):
/// exp by its Taylor series, log by atanh((m−1)/(m+1)), arctan by its alternating series with
/// Machin's formula for π, erf by its alternating Taylor series, √ by integer Newton.
enum Oracle {
    /// Bounds lo <= value <= hi.
    struct Bounds: CustomStringConvertible {
        var lo: Rational
        var hi: Rational
        var description: String { "[\(lo), \(hi)]" }
        var negated: Bounds { Bounds(lo: -hi, hi: -lo) }
    }

    static let bits = 400
    static let scale = Rational(BigInt.one.shiftedLeft(bits))
    static let epsilon = scale.reciprocal

    /// The largest multiple of 2^−bits that is <= x.
    static func down(_ x: Rational) -> Rational { Rational((x * scale).floor) / scale }
    /// The smallest multiple of 2^−bits that is >= x.
    static func up(_ x: Rational) -> Rational { Rational((x * scale).ceiling) / scale }

    // MARK: exp

    /// e^t: for t >= 0, Σ t^k/k! with terms bounded by rounding the recurrence
    /// term_{k+1} = term_k·t/(k+1) down and up; once k + 1 >= 2t the tail is <= 2·term_k.
    /// For t < 0, e^t = 1/e^−t.
    static func exp(_ t: Rational) -> Bounds {
        if t.isZero { return Bounds(lo: 1, hi: 1) }
        if t.signum < 0 {
            let b = exp(-t)
            return Bounds(lo: down(b.hi.reciprocal), hi: up(b.lo.reciprocal))
        }
        var termLo = Rational.one, termHi = Rational.one
        var sumLo = Rational.zero, sumHi = Rational.zero
        var k = 0
        while Rational(k + 1) < 2 * t || termHi > epsilon {
            sumLo += termLo
            sumHi += termHi
            k += 1
            termLo = down(termLo * t / Rational(k))
            termHi = up(termHi * t / Rational(k))
        }
        return Bounds(lo: sumLo, hi: sumHi + 2 * termHi)
    }

    // MARK: log

    /// atanh z = Σ z^(2j+1)/(2j+1) for 0 <= z <= 1/3; tail after N terms <= z^(2N+1)·9/8.
    static func atanh(_ z: Rational) -> Bounds {
        let z2 = z * z
        var powerLo = z, powerHi = z
        var sumLo = Rational.zero, sumHi = Rational.zero
        var j = 0
        while powerHi > epsilon {
            sumLo += down(powerLo / Rational(2 * j + 1))
            sumHi += up(powerHi / Rational(2 * j + 1))
            j += 1
            powerLo = down(powerLo * z2)
            powerHi = up(powerHi * z2)
        }
        return Bounds(lo: sumLo, hi: sumHi + powerHi * Rational(9, 8) + epsilon)
    }

    /// log 2 = 2·atanh(1/3).
    static let log2: Bounds = {
        let a = atanh(Rational(1, 3))
        return Bounds(lo: 2 * a.lo, hi: 2 * a.hi)
    }()

    /// log y for y > 0: y = 2^k·m with 1 <= m < 2, log y = k·log 2 + 2·atanh((m−1)/(m+1)).
    static func log(_ y: Rational) -> Bounds {
        precondition(y.signum > 0)
        if y < 1 { return log(y.reciprocal).negated }
        let k = y.floor.bitWidth - 1
        let m = y / Rational(BigInt.one.shiftedLeft(k))
        let a = atanh((m - 1) / (m + 1))
        let kk = Rational(k)
        return Bounds(lo: kk * log2.lo + 2 * a.lo, hi: kk * log2.hi + 2 * a.hi)
    }

    // MARK: arctan and π

    /// arctan u = Σ (−1)^j u^(2j+1)/(2j+1) for 0 <= u <= 1/2; the alternating tail after the
    /// last term is at most the next power in magnitude.
    static func arctanSeries(_ u: Rational) -> Bounds {
        let u2 = u * u
        var powerLo = u, powerHi = u
        var sumLo = Rational.zero, sumHi = Rational.zero
        var j = 0
        while powerHi > epsilon {
            let termLo = down(powerLo / Rational(2 * j + 1)), termHi = up(powerHi / Rational(2 * j + 1))
            if j % 2 == 0 { sumLo += termLo; sumHi += termHi } else { sumLo -= termHi; sumHi -= termLo }
            j += 1
            powerLo = down(powerLo * u2)
            powerHi = up(powerHi * u2)
        }
        return Bounds(lo: sumLo - powerHi - epsilon, hi: sumHi + powerHi + epsilon)
    }

    /// π = 16·arctan(1/5) − 4·arctan(1/239) (Machin).
    static let pi: Bounds = {
        let a = arctanSeries(Rational(1, 5)), b = arctanSeries(Rational(1, 239))
        return Bounds(lo: 16 * a.lo - 4 * b.hi, hi: 16 * a.hi - 4 * b.lo)
    }()

    /// arctan t: odd; π/2 − arctan(1/t) for t > 2; π/4 + arctan((t−1)/(t+1)) for 1/2 <= t <= 2.
    static func arctan(_ t: Rational) -> Bounds {
        if t.signum < 0 { return arctan(-t).negated }
        if t.isZero { return Bounds(lo: 0, hi: 0) }
        if t > 2 {
            let a = arctanSeries(t.reciprocal)
            return Bounds(lo: pi.lo / 2 - a.hi, hi: pi.hi / 2 - a.lo)
        }
        if t >= Rational(1, 2) {
            let u = (t - 1) / (t + 1)
            let a = u.signum < 0 ? arctanSeries(-u).negated : arctanSeries(u)
            return Bounds(lo: pi.lo / 4 + a.lo, hi: pi.hi / 4 + a.hi)
        }
        return arctanSeries(t)
    }

    // MARK: square roots and erf

    /// ⌊√n⌋ by Newton's iteration on integers, n >= 0.
    static func integerSquareRoot(_ n: BigInt) -> BigInt {
        if n.isZero { return n }
        var x = BigInt.one.shiftedLeft((n.bitWidth + 1) / 2)
        while true {
            let y = (x + n.quotientAndRemainder(dividingBy: x).quotient).quotientAndRemainder(dividingBy: 2).quotient
            if y >= x { return x }
            x = y
        }
    }

    /// √r for r >= 0, to 2^−bits.
    static func squareRoot(_ r: Rational) -> Bounds {
        let n = (r * scale * scale).floor
        let s = integerSquareRoot(n)
        let nUp = (r * scale * scale).ceiling
        let sUp = integerSquareRoot(nUp) + 1
        return Bounds(lo: Rational(s) / scale, hi: Rational(sUp) / scale)
    }

    /// erf x = (2/√π)·Σ (−1)^n x^(2n+1)/(n!(2n+1)), x >= 0, odd. The magnitudes decrease from
    /// n >= x² on, so the alternating tail is at most the next x^(2n+1)/n!.
    static func erf(_ x: Rational) -> Bounds {
        if x.signum < 0 { return erf(-x).negated }
        if x.isZero { return Bounds(lo: 0, hi: 0) }
        let x2 = x * x
        var cLo = x, cHi = x  // x^(2n+1)/n!
        var sumLo = Rational.zero, sumHi = Rational.zero
        var n = 0
        while Rational(n) < x2 + 1 || cHi > epsilon {
            let termLo = down(cLo / Rational(2 * n + 1)), termHi = up(cHi / Rational(2 * n + 1))
            if n % 2 == 0 { sumLo += termLo; sumHi += termHi } else { sumLo -= termHi; sumHi -= termLo }
            n += 1
            cLo = down(cLo * x2 / Rational(n))
            cHi = up(cHi * x2 / Rational(n))
        }
        sumLo -= cHi + epsilon
        sumHi += cHi + epsilon
        let rootPi = Bounds(lo: squareRoot(pi.lo).lo, hi: squareRoot(pi.hi).hi)
        precondition(sumLo.signum > 0)
        return Bounds(lo: down(2 * sumLo / rootPi.hi), hi: up(2 * sumHi / rootPi.lo))
    }

    // MARK: activations

    /// σ(t) = 1/(1 + e^−t), decreasing in e^−t.
    static func sigmoid(_ t: Rational) -> Bounds {
        let e = exp(-t)
        return Bounds(lo: down((1 + e.hi).reciprocal), hi: up((1 + e.lo).reciprocal))
    }

    /// tanh t = (1 − e^−2t)/(1 + e^−2t) for t >= 0 (decreasing in e^−2t); odd.
    static func tanh(_ t: Rational) -> Bounds {
        if t.signum < 0 { return tanh(-t).negated }
        let e = exp(-2 * t)
        return Bounds(lo: down((1 - e.hi) / (1 + e.hi)), hi: up((1 - e.lo) / (1 + e.lo)))
    }

    /// softplus t = log(1 + e^t), increasing in e^t.
    static func softplus(_ t: Rational) -> Bounds {
        let e = exp(t)
        return Bounds(lo: log(1 + e.lo).lo, hi: log(1 + e.hi).hi)
    }

    /// t·b for exact t.
    static func scaled(_ b: Bounds, by t: Rational) -> Bounds {
        t.signum >= 0 ? Bounds(lo: t * b.lo, hi: t * b.hi) : Bounds(lo: t * b.hi, hi: t * b.lo)
    }

    /// silu t = t·σ(t).
    static func silu(_ t: Rational) -> Bounds { scaled(sigmoid(t), by: t) }

    /// gelu t = t·(1 + erf(t/√2))/2, with t/√2 = t·√(1/2) enclosed and erf increasing.
    static func gelu(_ t: Rational) -> Bounds {
        if t.isZero { return Bounds(lo: 0, hi: 0) }
        let r = squareRoot(Rational(1, 2))
        let u = scaled(r, by: t)
        let e = Bounds(lo: erf(down(u.lo)).lo, hi: erf(up(u.hi)).hi)
        return scaled(Bounds(lo: (1 + e.lo) / 2, hi: (1 + e.hi) / 2), by: t)
    }

    /// elu t = t for t > 0, alpha·(e^t − 1) otherwise.
    static func elu(_ t: Rational, alpha: Rational) -> Bounds {
        if t.signum > 0 { return Bounds(lo: t, hi: t) }
        let e = exp(t)
        return scaled(Bounds(lo: e.lo - 1, hi: e.hi - 1), by: alpha)
    }

    /// softmax_i = e^(t_i)/Σ_j e^(t_j): increasing in e^(t_i), decreasing in the others.
    static func softmax(_ t: [Rational]) -> [Bounds] {
        let e = t.map(exp)
        return t.indices.map { i in
            let othersLo = t.indices.filter { $0 != i }.reduce(Rational.zero) { $0 + e[$1].lo }
            let othersHi = t.indices.filter { $0 != i }.reduce(Rational.zero) { $0 + e[$1].hi }
            return Bounds(lo: down(e[i].lo / (e[i].lo + othersHi)), hi: up(e[i].hi / (e[i].hi + othersLo)))
        }
    }
}
