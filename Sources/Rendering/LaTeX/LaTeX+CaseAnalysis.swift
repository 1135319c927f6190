import Collapse

extension LaTeXBuilder {
    /// The hook for a case analysis over the linear regions of a piecewise-linear network
    /// (issue 6): called for networks that do not collapse, after the witness and before the
    /// verdict. It writes nothing yet.
    ///
    /// To fill it in: when the analysis carries a region decomposition, write a
    /// `\paragraph{Case analysis.}` with one affine map per region (use `matrix`, `vector`,
    /// `polynomial` and `notes()` of this builder so elision and escaping stay consistent),
    /// and end with `line("")`.
    mutating func caseAnalysisSection() {}
}
