internal import CGMP

extension Rational {
    /// The numerator p and denominator q > 0 (lowest terms) as machine words when both fit,
    /// else nil. Never allocates: inline values are read directly, GMP values with
    /// `mpz_fits_slong_p`/`mpz_get_si`. Word-size fast paths (fraction-free integer kernels)
    /// start from it and fall back to `numerator`/`denominator` when it is nil.
    public var wordParts: (numerator: Int, denominator: Int)? {
        guard let big else { return (smallNumerator, smallDenominator) }
        return withExtendedLifetime(big) {
            let p = big.pointer
            let num = cgmp_mpq_numref_const(UnsafePointer(p)), den = cgmp_mpq_denref_const(UnsafePointer(p))
            guard __gmpz_fits_slong_p(num) != 0, __gmpz_fits_slong_p(den) != 0 else { return nil }
            return (__gmpz_get_si(num), __gmpz_get_si(den))
        }
    }
}
