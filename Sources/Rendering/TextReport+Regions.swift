public import Collapse

extension TextReport {
    /// One line when the verdict was decided (or left unknown at the limit) by enumerating
    /// the linear regions; nil otherwise.
    ///
    /// Example: `regions: decided by enumerating all 2 linear regions exactly (4 exact linear
    /// programs); every region carries the same affine map`.
    public static func regionsLine(_ analysis: Analysis) -> String? {
        guard let facts = analysis.regions, facts.decidesVerdict else { return nil }
        let lp = "\(facts.linearPrograms) exact linear program\(facts.linearPrograms == 1 ? "" : "s")"
        let lower = facts.regionsExamined - facts.fullDimensionalRegions
        let lowerText = lower > 0 ? " and \(lower) lower-dimensional region\(lower == 1 ? "" : "s") (on jumps)" : ""
        let full = "\(facts.fullDimensionalRegions) linear region\(facts.fullDimensionalRegions == 1 ? "" : "s")"
        if facts.hitLimit {
            return
                "regions: not decided after enumerating \(facts.regionsExamined) region\(facts.regionsExamined == 1 ? "" : "s") (the --max-regions limit of \(facts.maxRegions); \(lp))"
        }
        let examined =
            facts.complete
            ? "all \(full)\(lowerText)" : "\(facts.regionsExamined) region\(facts.regionsExamined == 1 ? "" : "s")"
        return "regions: decided by enumerating \(examined) exactly (\(lp)); \(EvidenceText.regionsFinding(facts))"
    }
}
