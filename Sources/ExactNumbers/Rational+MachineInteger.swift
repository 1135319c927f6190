extension Rational {
    /// The value as a machine integer when it is an integer that fits an `Int` and is stored
    /// inline, else nil (a GMP-backed integer also answers nil: callers fall back to exact
    /// rational arithmetic). O(1), no allocation: the test of polynomial kernels that keep
    /// small integer coefficients in machine words.
    public var inlineInteger: Int? {
        big == nil && smallDenominator == 1 ? smallNumerator : nil
    }
}
