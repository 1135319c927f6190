import ExactNumbers
import Collapse

/// `--timeout` also bounds printing: the outputs of an analysis are rendered in memory under a
/// `PrintingInterrupt` for the same deadline, and only written once complete. When the deadline
/// passes while rendering (a report of huge exact numbers: hundreds of megabytes of GMP decimal
/// conversion), the rendered text is dropped and the outputs of
/// `analysis.stoppedPrinting(deadline:digits:)` are rendered instead (verdict `unknown`, exit 3,
/// the reason with the verdict reached), so nothing partial is ever written.
enum BoundedRendering {
    /// `render(analysis)`, or, when `deadline` passes during it, `render` of the stopped
    /// analysis (rendered without a deadline: it holds no W', b' or witnesses). Without a
    /// deadline, `render(analysis)` as it is.
    static func render<Output>(
        _ analysis: Analysis, deadline: Deadline?, _ render: (Analysis) throws -> Output
    ) rethrows -> Output {
        guard let deadline else { return try render(analysis) }
        let interrupt = PrintingInterrupt(deadline: deadline.instant)
        let output = try PrintingInterrupt.$current.withValue(interrupt) { try render(analysis) }
        guard interrupt.wasRaised else { return output }
        return try render(analysis.stoppedPrinting(deadline: deadline, digits: interrupt.requestedDigits))
    }
}
