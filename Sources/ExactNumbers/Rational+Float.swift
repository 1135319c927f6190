internal import CGMP

extension Rational {
    /// The exact value of a finite `Double`: a dyadic rational m·2^e (`mpq_set_d` is exact).
    /// Nil for NaN and infinities. For importing trained weights only: literals in specs are
    /// parsed by `parse(_:)`, never through floating point.
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        self = Rational.make { __gmpq_set_d($0, value) }
    }

    /// The exact value of a finite `Float` (widening to `Double` is exact). Nil for NaN and
    /// infinities.
    public init?(exactly value: Float) {
        self.init(exactly: Double(value))
    }
}
