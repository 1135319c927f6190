import ExactNumbers

extension Polynomial {
    /// The exact quotient q with q · divisor == self, or nil when divisor does not divide self
    /// in ℚ[symbols].
    ///
    /// Multivariate division by leading terms in a graded-lex monomial order (symbol ids in
    /// place of names, `Monomial.idOrderPrecedes`): when divisor
    /// divides self, the leading monomial of every remainder is divisible by the divisor's
    /// leading monomial, so the first failure proves non-divisibility. Constant divisors divide
    /// every polynomial (coefficients are rational). This is the exact division of fraction-free
    /// (Bareiss) elimination over polynomials. The remainder's leading monomial is tracked with
    /// a max-heap, so the cost is O(|q|·|divisor|·log) term operations.
    ///
    /// Precondition: divisor is not zero.
    public func dividedExactly(by divisor: Polynomial) -> Polynomial? {
        precondition(!divisor.isZero, "Polynomial division by zero")
        if let c = divisor.constantValue { return scaled(by: c.reciprocal) }
        if isZero { return .zero }
        if isConstant { return nil }  // a nonzero constant over a non-constant divisor
        guard divisor.totalDegree <= totalDegree,
            case .general = divisor.representation,
            case .general = representation
        else { return nil }
        let divisorTermsAll = divisor.terms
        var remainder = terms
        // The leading term in the id order (a monomial order, like the heap's).
        var leadMonomial = divisorTermsAll.first!.key
        for m in divisorTermsAll.keys where Monomial.idOrderPrecedes(leadMonomial, m) { leadMonomial = m }
        let leadCoefficient = divisorTermsAll[leadMonomial]!
        let divisorTerms = divisorTermsAll.filter { $0.key != leadMonomial }
        let inverseLead = leadCoefficient.reciprocal
        var heap = MonomialMaxHeap(remainder.keys)
        var quotient: [Monomial: Rational] = [:]
        while let m = heap.popMax() {
            guard let c = remainder.removeValue(forKey: m) else { continue }  // stale entry
            guard let qm = m.dividedExactly(by: leadMonomial) else { return nil }
            let qc = c * inverseLead
            quotient[qm] = qc
            // remainder -= qc·qm·(divisor − its leading term); the leading term cancelled m.
            for (dm, dc) in divisorTerms {
                let product = qm * dm
                if let index = remainder.index(forKey: product) {
                    remainder.values[index] -= qc * dc
                    if remainder.values[index].isZero { remainder.remove(at: index) }
                } else {
                    remainder[product] = -(qc * dc)
                    heap.insert(product)
                }
            }
        }
        return Polynomial(normalizing: quotient)
    }
}

/// A binary max-heap of monomials in the id graded-lex order (internal; stale entries are skipped by
/// the caller).
struct MonomialMaxHeap {
    private var items: [Monomial]

    init(_ elements: some Sequence<Monomial>) {
        items = Array(elements)
        var i = items.count / 2 - 1
        while i >= 0 { siftDown(i); i -= 1 }
    }

    mutating func insert(_ m: Monomial) {
        items.append(m)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Monomial.idOrderPrecedes(items[parent], items[child]) else { break }
            items.swapAt(parent, child)
            child = parent
        }
    }

    mutating func popMax() -> Monomial? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        if !items.isEmpty { siftDown(0) }
        return top
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let (l, r) = (2 * parent + 1, 2 * parent + 2)
            var largest = parent
            if l < items.count && Monomial.idOrderPrecedes(items[largest], items[l]) { largest = l }
            if r < items.count && Monomial.idOrderPrecedes(items[largest], items[r]) { largest = r }
            if largest == parent { return }
            items.swapAt(parent, largest)
            parent = largest
        }
    }
}
