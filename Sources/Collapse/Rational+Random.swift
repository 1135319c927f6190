public import ExactNumbers
public import Algebra

extension Rational {
    /// A random rational p/q with p in `numerators` and q in `denominators` (q > 0).
    public static func random(numerators: ClosedRange<Int>, denominators: ClosedRange<Int>, using rng: inout SplitMix64)
        -> Rational
    {
        Rational(Int.random(in: numerators, using: &rng), Int.random(in: denominators, using: &rng))
    }
}
