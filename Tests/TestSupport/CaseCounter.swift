public import Testing

/// Counts the cases a property actually checked (those whose premises held), so that a property
/// whose draws are all skipped fails instead of passing vacuously: count each checked case,
/// then `requireAtLeast` the number the seeds are known to give.
public struct CaseCounter {
    /// Cases checked so far.
    public private(set) var checked = 0

    /// A counter at zero.
    public init() {}

    /// Records one checked case.
    public mutating func count() { checked += 1 }

    /// Records an issue unless at least `minimum` cases were checked.
    public func requireAtLeast(
        _ minimum: Int, _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            checked >= minimum,
            "only \(checked) non-vacuous cases, expected at least \(minimum)\(comment.map { ": \($0)" } ?? "")",
            sourceLocation: sourceLocation)
    }
}
