import ArgumentParser
import Collapse
import Rendering
import Certificates

/// `prove-collapse SPEC [--format text|json] [--latex FILE]`: the verdict and its evidence.
struct AnalyzeCommand: ExitStatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Prove whether the network collapses to one affine map (the default subcommand).",
        discussion: """
            Exit status: 0 linear or affine, 1 not-affine, 2 bad input or usage, 3 unknown.
            `--latex -` writes the LaTeX document to standard output instead of the report.
            """)

    @OptionGroup var input: NetworkInput

    @OptionGroup var reportFormat: ReportFormatOption

    @OptionGroup var latexOption: LaTeXOption

    @OptionGroup var regionLimit: RegionLimitOption

    @Option(
        help:
            "Vectors in the report and the LaTeX derivation: column (y = W x + b, the default) or row (y = x W + b, every W transposed)."
    )
    var convention: LaTeXOptions.Convention = .column

    @OptionGroup var limits: LimitOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also compile the LaTeX document with pdflatex (twice, in a temporary folder) and write the PDF.",
            valueName: "FILE.pdf"))
    var pdf: String?

    @Flag(
        help:
            "Add pictures to the LaTeX document, drawn with TikZ (needs texlive-pictures): the linear regions of a two-input network, the graph of F for one input (piecewise-linear networks with numeric weights)."
    )
    var figures = false

    @OptionGroup var symbolValues: SymbolValuesOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write an SMT-LIB 2.6 certificate of the verdict: every (check-sat) in it answers unsat in z3 and cvc5 exactly when the verdict is right (an unknown verdict gives a script with comments only).",
            valueName: "FILE.smt2"))
    var certificate: String?

    @Flag(
        name: .long,
        help:
            "In the JSON report, add a Farkas certificate for every activation pattern the region enumeration proved empty (regions.certificates)."
    )
    var regionCertificates = false

    @Flag(
        name: .long,
        help:
            "Decide without the exact simplification of constant, stable and cancelling units (contract §4), to inspect the later stages (region enumeration, witness search)."
    )
    var noSimplify = false

    /// The options as plain values: what `execute` runs, and what the start-up parser fills
    /// directly (`AnalyzeRequest.init?(simpleArguments:)`).
    var request: AnalyzeRequest {
        AnalyzeRequest(
            spec: input.spec, domain: input.domain, format: reportFormat.format, latex: latexOption.latex,
            maxRegions: regionLimit.maxRegions, convention: convention, limits: limits.values, pdf: pdf,
            figures: figures, assignments: symbolValues.assignments, certificate: certificate,
            regionCertificates: regionCertificates, noSimplify: noSimplify)
    }

    func validate() throws {
        if let problem = request.combinationProblem { throw ValidationError(problem) }
    }

    func execute() throws -> Int32 { try request.execute() }
}

/// What `analyze` writes, rendered in memory first (`BoundedRendering`): the SMT certificate,
/// the LaTeX document, and the report (nil: none, or the JSON report, streamed when written so
/// that a report of tens of megabytes is never held whole; it is buffered under `--timeout`).
struct AnalyzeOutput {
    let analysis: Analysis
    /// Model files: how the witness looks in float32 and float64 (a reporting aid computed
    /// after the verdict, never evidence).
    let replay: FloatReplay?
    let certificate: String?
    let document: String?
    let report: String?

    init(
        _ analysis: Analysis, certificate: Bool, document: Bool, options: LaTeXOptions, format: ReportFormat?,
        buffered: Bool, replays: Bool
    ) {
        self.analysis = analysis
        replay = replays ? FloatReplay.replay(analysis) : nil
        self.certificate = certificate ? SMTCertificate.render(analysis) : nil
        self.document = document ? LaTeXDocument.render(analysis, options: options) : nil
        switch format {
        case .text:
            report =
                TextReport.render(analysis, rowVectors: options.convention == .row)
                + (replay.map { FloatReplayText.render($0) } ?? "")
        case .json: report = buffered ? JSONReport.render(analysis, floatReplay: replay) : nil
        case nil: report = nil
        }
    }
}
