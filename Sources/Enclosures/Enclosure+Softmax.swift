import ExactNumbers

extension Enclosure {
    /// Differences t_j − t_i above this are not exponentiated for an upper bound: there
    /// softmax_i < e^−4096 and 0 is used as its lower bound (keeps rationals small).
    static let softmaxExponentCap = Rational(4096)

    /// Encloses softmax(t)_i = e^(t_i) / Σ_j e^(t_j) for every t in the box x_1 × ... × x_n.
    ///
    /// softmax_i = 1/(1 + Σ_{j≠i} e^(t_j − t_i)) is increasing in t_i and decreasing in each
    /// other t_j, so over the box it lies between its values at two corners:
    /// (t_i = lo_i, t_j = hi_j) for the lower bound and (t_i = hi_i, t_j = lo_j) for the upper.
    /// Each corner is evaluated with outward-rounded exponentials and exact rationals.
    ///
    /// Exact cases: n = 1 gives [1, 1]; n equal exact inputs give 1/n each. The enclosures
    /// contain values summing to 1 (Σ lo_i <= 1 <= Σ hi_i). An empty input gives [].
    public static func softmax(_ x: [RationalInterval], precision: Int = defaultPrecision) -> [RationalInterval] {
        if x.count == 1 { return [RationalInterval(exactly: 1)] }
        return x.indices.map { i in
            let lowerCorner = x.indices.map { j in j == i ? x[j].lo : x[j].hi }
            let upperCorner = x.indices.map { j in j == i ? x[j].hi : x[j].lo }
            let lo = softmaxBound(lowerCorner, index: i, .down, precision: precision)
            let hi = softmaxBound(upperCorner, index: i, .up, precision: precision)
            return RationalInterval(lo: lo, hi: hi)
        }
    }

    /// A bound of softmax(t)_i at a point t, in `direction`: 1/(1 + Σ_{j≠i} e^(t_j − t_i)) with
    /// the sum bounded the opposite way. Exact when every exponential is (all t_j = t_i).
    static func softmaxBound(_ t: [Rational], index i: Int, _ direction: RoundingDirection, precision: Int) -> Rational
    {
        var denominator = Rational.one
        for j in t.indices where j != i {
            let d = t[j] - t[i]
            switch direction {
            case .down:
                // Needs an upper bound of the sum; beyond the cap, 0 bounds softmax_i below.
                if d > softmaxExponentCap { return .zero }
                denominator += exp(RationalInterval(exactly: d), precision: precision).hi
            case .up:
                // Needs a lower bound of the sum; e^min(d, cap) <= e^d is one.
                denominator += exp(RationalInterval(exactly: Swift.min(d, softmaxExponentCap)), precision: precision).lo
            }
        }
        let value = denominator.reciprocal
        // 1/n for equal inputs stays exact; anything else is rounded outward to `precision` bits.
        return denominator.isInteger ? value : roundedBound(value, direction, precision: precision)
    }
}
