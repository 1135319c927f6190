extension Enclosure {
    /// Recomputes `compute(p)` at p = `initialPrecision`, 2p, 4p, ... until `accept` holds or the
    /// precision would pass `maximumPrecision`; returns the first accepted result, or nil.
    ///
    /// Enclosure widths shrink roughly as 2^−p, so doubling p squares the relative accuracy.
    public static func refine<T>(
        from initialPrecision: Int = 64, upTo maximumPrecision: Int = 4096,
        _ compute: (Int) throws -> T, until accept: (T) -> Bool
    ) rethrows -> T? {
        precondition(initialPrecision >= 2, "Enclosure.refine needs a precision of at least 2 bits")
        var precision = initialPrecision
        while precision <= maximumPrecision {
            let result = try compute(precision)
            if accept(result) { return result }
            precision *= 2
        }
        return nil
    }

    /// Enclosures of two values, refined until they are disjoint (which proves the values
    /// differ); nil when they still overlap at `maximumPrecision` (the values may be equal:
    /// no finite precision separates equal values).
    ///
    /// Example: `separate({ Enclosure.sigmoid(1/3, precision: $0) }, { Enclosure.sigmoid(x, precision: $0) })`.
    public static func separate(
        from initialPrecision: Int = 64, upTo maximumPrecision: Int = 4096,
        _ a: (Int) -> RationalInterval,
        _ b: (Int) -> RationalInterval
    ) -> (RationalInterval, RationalInterval)? {
        refine(
            from: initialPrecision, upTo: maximumPrecision, { (a($0), b($0)) },
            until: { !$0.0.overlaps($0.1) })
    }
}
