extension Analysis {
    /// The analysis to report when the deadline passed while printing this one (`--timeout`
    /// also bounds the report): verdict `unknown`, the reason
    /// `.resourceLimit(.timedOut(seconds, during: .reportPrinting(verdict, digits)))` with the
    /// verdict this analysis reached and the digits its numbers hold, and none of its
    /// evidence (no W', b' or witnesses: they are what could not be printed in time). The
    /// network and the per-layer findings are kept.
    public func stoppedPrinting(deadline: Deadline, digits: Int) -> Analysis {
        let stopped = Analysis.undecided(
            network, findings: layerFindings,
            reason: .resourceLimit(
                .timedOut(seconds: deadline.seconds, during: .reportPrinting(verdict: verdict, digits: digits))))
        return stopped
    }
}
