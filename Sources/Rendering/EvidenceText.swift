public import Collapse

/// What the evidence of a verdict is, in words that cannot contradict it: which kind of
/// proof the outcome carries (`kind`, the JSON report's `evidence`) and what the region
/// enumeration found (`regionsFinding`).
public enum EvidenceText {
    /// A short tag for the evidence behind the verdict:
    /// `affine-fold`, `polynomial-cancellation`, `regions-agree` (a collapse);
    /// `witness-search`, `polynomial-witness-search`, `region-pair` (two full-dimensional
    /// regions with different maps), `lower-dimensional-region` (a region where a unit sits
    /// on a jump carries another map), `symbolic-polynomial` (a refutation; on a domain
    /// `domain-witness-search`, `domain-region-pair`, `domain-lower-dimensional-region`);
    /// `undecided` otherwise.
    public static func kind(_ analysis: Analysis) -> String {
        switch analysis.outcome {
        case .collapses(_, _, let provenance):
            return collapseKind(provenance)
        case .refuted(_, let provenance):
            switch provenance {
            case .witnessSearch: return "witness-search"
            case .polynomialWitnessSearch: return "polynomial-witness-search"
            case .regionWitness(let a, let b, _):
                return a.dimension != b.dimension ? "lower-dimensional-region" : "region-pair"
            case .symbolicPolynomial: return "symbolic-polynomial"
            case .domainRegionWitness(let a, let b, _):
                return a.dimension != b.dimension ? "domain-lower-dimensional-region" : "domain-region-pair"
            case .domainWitnessSearch: return "domain-witness-search"
            case .symbolicHinges: return "symbolic-hinges"
            }
        case .undecided: return "undecided"
        }
    }

    /// The tag of a collapse's proof (a collapse on a domain: `domain-` and the proof of the
    /// map before its bias was folded; `stable-units`: every unit stays on one piece there).
    static func collapseKind(_ provenance: CollapseProvenance) -> String {
        switch provenance {
        case .affineFold: return "affine-fold"
        case .polynomialCancellation: return "polynomial-cancellation"
        case .regionDecision: return "regions-agree"
        case .stableUnits: return "stable-units"
        case .hingesCancel: return "hinges-cancel"
        case .biasFoldedOnDomain(_, let inner): return "domain-" + collapseKind(inner)
        }
    }

    /// What the enumerated regions show: one map on every region, two full-dimensional
    /// regions with different maps, or full-dimensional regions that agree while a
    /// lower-dimensional one (a unit on a jump) carries another map.
    public static func regionsFinding(_ facts: RegionAnalysis) -> String {
        if facts.commonMap != nil { return "every region carries the same affine map" }
        guard facts.differing.count == 2 else {
            return "no two regions examined carry different affine maps"
        }
        let a = facts.differing[0], b = facts.differing[1]
        if a.dimension == b.dimension {
            return "two full-dimensional regions carry different affine maps (patterns \(a.pattern) and \(b.pattern))"
        }
        let (full, lower) = a.dimension > b.dimension ? (a, b) : (b, a)
        let agree = facts.complete ? "all carry the same affine map" : "carry the same affine map as far as examined"
        return
            "the full-dimensional regions \(agree), but the \(lower.dimension)-dimensional region with pattern \(lower.pattern), where a unit sits on a jump, carries another (full-dimensional pattern \(full.pattern))"
    }
}
