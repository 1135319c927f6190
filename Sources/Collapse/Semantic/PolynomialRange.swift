import ExactNumbers
import Algebra

/// What is proved, on the whole input space, of the values of a polynomial pre-activation.
///
/// - constant: the value itself;
/// - degree 1: nothing (an affine function that is not constant takes every real value);
/// - one input: for each breakpoint β of the activation, whether p − β or β − p is positive
///   or non-negative everywhere (`UnivariateSign`, exact Sturm counts);
/// - several inputs: lower bounds of p and of −p from an exact Gram-matrix sum of squares
///   (`SumOfSquares`), a sufficient test: what it cannot prove stays unknown.
enum PolynomialRange {
    static func range(of p: Polynomial, breakpoints: [Rational]) -> UnitRange {
        if let c = p.constantValue { return UnitRange(lo: c, hi: c) }
        guard p.totalDegree >= 2 else { return .unbounded }
        let symbols = p.symbols
        if symbols.count == 1 {
            var coefficients = Array(repeating: Rational.zero, count: p.totalDegree + 1)
            for (m, c) in p.terms { coefficients[m.totalDegree] = c }
            var range = UnitRange.unbounded
            for beta in breakpoints {
                var shifted = coefficients
                shifted[0] -= beta
                let negated = shifted.map { -$0 }
                if UnivariateSign.isPositive(shifted) {
                    range = range.intersected(with: UnitRange(lower: RangeBound(beta, strict: true)))
                } else if UnivariateSign.isNonNegative(shifted) {
                    range = range.intersected(with: UnitRange(lower: RangeBound(beta)))
                }
                if UnivariateSign.isPositive(negated) {
                    range = range.intersected(with: UnitRange(upper: RangeBound(beta, strict: true)))
                } else if UnivariateSign.isNonNegative(negated) {
                    range = range.intersected(with: UnitRange(upper: RangeBound(beta)))
                }
            }
            return range
        }
        let lower = SumOfSquares.lowerBound(p).map { RangeBound($0) }
        let upper = SumOfSquares.lowerBound(-p).map { RangeBound(-$0) }
        return UnitRange(lower: lower, upper: upper)
    }
}
