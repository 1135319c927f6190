/// Limits on the size of a polynomial computation, checked BEFORE each product or power from
/// an upper bound of the result's size, so that a computation past the limits is refused
/// instead of exhausting memory (or overflowing a monomial exponent).
///
/// The bounds used (`productEstimate`, `powerEstimate`) are true upper bounds:
/// - a product p·q has at most |p|·|q| terms and total degree deg p + deg q;
/// - a power pⁿ of a k-term polynomial has at most C(n + k − 1, k − 1) terms (the number of
///   ways to pick n of the k terms with repetition) and degree n·deg p.
///
/// `maxDegree` is at most 2³¹ − 1, so a product that passes the check cannot overflow the
/// 32-bit exponent of a `Monomial` (every exponent is at most the total degree).
public struct PolynomialBudget: Sendable, Hashable {
    /// The most terms one polynomial may have.
    public var maxTerms: Int
    /// The largest total degree one polynomial may have (clamped to 2³¹ − 1).
    public var maxDegree: Int

    /// A budget; `maxDegree` is clamped to [0, 2³¹ − 1].
    public init(maxTerms: Int, maxDegree: Int = PolynomialBudget.standard.maxDegree) {
        self.maxTerms = Swift.max(maxTerms, 1)
        self.maxDegree = Swift.min(Swift.max(maxDegree, 0), Int(Int32.max))
    }

    /// One million terms, degree 2²⁰: far beyond every spec in the gallery, well inside memory.
    public static let standard = PolynomialBudget(maxTerms: 1_000_000, maxDegree: 1 << 20)

    /// Throws when a polynomial of `terms` terms and degree `degree` would exceed the budget;
    /// `what` names the operation in the message ("a product of 300 and 200 terms").
    public func check(terms: Int, degree: Int, what: @autoclosure () -> String) throws(PolynomialBudgetExceeded) {
        if terms > maxTerms {
            throw PolynomialBudgetExceeded(
                operation: what(), estimatedTerms: terms, estimatedDegree: degree, budget: self)
        }
        if degree > maxDegree {
            throw PolynomialBudgetExceeded(
                operation: what(), estimatedTerms: terms, estimatedDegree: degree, budget: self)
        }
    }

    /// Upper bounds of the terms and degree of p·q (saturating at `Int.max`).
    public static func productEstimate(_ p: Polynomial, _ q: Polynomial) -> (terms: Int, degree: Int) {
        (saturatingProduct(p.termCount, q.termCount), saturatingSum(p.totalDegree, q.totalDegree))
    }

    /// Upper bounds of the terms and degree of pⁿ (saturating at `Int.max`).
    public static func powerEstimate(_ p: Polynomial, _ n: Int) -> (terms: Int, degree: Int) {
        let k = p.termCount
        if n == 0 || k <= 1 { return (1, saturatingProduct(p.totalDegree, n)) }
        return (binomialSaturating(n + k - 1, Swift.min(k - 1, n)), saturatingProduct(p.totalDegree, n))
    }

    /// a·b, or `Int.max` on overflow.
    public static func saturatingProduct(_ a: Int, _ b: Int) -> Int {
        let (p, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : p
    }

    /// a + b, or `Int.max` on overflow.
    public static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (s, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : s
    }

    /// C(n, k), or `Int.max` when it does not fit (exact otherwise: each partial product
    /// C(n − k + i, i) is an integer).
    static func binomialSaturating(_ n: Int, _ k: Int) -> Int {
        if k < 0 || k > n { return 0 }
        var result = 1
        for i in 1...Swift.max(k, 1) where k > 0 {
            let (p, overflow) = result.multipliedReportingOverflow(by: n - k + i)
            if overflow { return Int.max }
            result = p / i
        }
        return result
    }
}

/// A polynomial computation refused before it started: the bound of its result's size exceeds
/// the budget.
public struct PolynomialBudgetExceeded: Error, Sendable, Hashable, CustomStringConvertible {
    /// The operation refused, for a person ("(5 terms)^300").
    public let operation: String
    /// The upper bound of the result's number of terms.
    public let estimatedTerms: Int
    /// The upper bound of the result's total degree.
    public let estimatedDegree: Int
    /// The budget in force.
    public let budget: PolynomialBudget

    /// A refusal of `operation`, whose result is bounded by the estimates.
    public init(operation: String, estimatedTerms: Int, estimatedDegree: Int, budget: PolynomialBudget) {
        self.operation = operation
        self.estimatedTerms = estimatedTerms
        self.estimatedDegree = estimatedDegree
        self.budget = budget
    }

    /// "(5 terms)^300 may have up to 2,000,000,000 terms, past the budget of 1,000,000 terms".
    public var description: String {
        if estimatedTerms > budget.maxTerms {
            return
                "\(operation) may have up to \(PolynomialBudgetExceeded.count(estimatedTerms)) terms, past the budget of \(budget.maxTerms) terms"
        }
        return
            "\(operation) has degree up to \(PolynomialBudgetExceeded.count(estimatedDegree)), past the degree budget of \(budget.maxDegree)"
    }

    static func count(_ n: Int) -> String { n == Int.max ? "more than 9.2e18" : String(n) }
}

extension Polynomial {
    /// self · other, refused before any work when the bound of the result's size
    /// (`PolynomialBudget.productEstimate`) exceeds `budget`.
    public func multiplied(by other: Polynomial, within budget: PolynomialBudget) throws(PolynomialBudgetExceeded)
        -> Polynomial
    {
        let (terms, degree) = PolynomialBudget.productEstimate(self, other)
        try budget.check(terms: terms, degree: degree, what: "a product of \(termCount) and \(other.termCount) terms")
        return self * other
    }

    /// selfⁿ, refused before any work when the bound of the result's size
    /// (`PolynomialBudget.powerEstimate`) exceeds `budget`. Precondition: n >= 0.
    public func power(_ n: Int, within budget: PolynomialBudget) throws(PolynomialBudgetExceeded) -> Polynomial {
        let (terms, degree) = PolynomialBudget.powerEstimate(self, n)
        try budget.check(
            terms: terms, degree: degree, what: "(\(termCount == 1 ? "1 term" : "\(termCount) terms"))^\(n)")
        return power(n)
    }
}
