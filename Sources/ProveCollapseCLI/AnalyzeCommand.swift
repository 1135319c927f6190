import ArgumentParser
import NetworkModel
import ModelFiles
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

    func validate() throws {
        if latexOption.latex == "-" && reportFormat.format == .json {
            throw ValidationError(
                "--latex - writes the LaTeX document to standard output instead of the report, so --format json would be ignored; write the document to a file (--latex proof.tex --format json) or drop --format json"
            )
        }
        if figures && latexOption.latex == nil && pdf == nil {
            throw ValidationError(
                "--figures adds pictures to the LaTeX document; add --latex FILE.tex or --pdf FILE.pdf")
        }
        if let pdf, !pdf.lowercased().hasSuffix(".pdf") {
            throw ValidationError(
                "--pdf writes a PDF; name the file FILE.pdf (got '\(pdf)'); for the LaTeX source use --latex FILE.tex")
        }
    }

    func execute() throws -> Int32 {
        let reporter = limits.reporter()
        let network = SpecLoading.compacted(try symbolValues.apply(to: input.load(progress: reporter)))
        // Opened before the analysis: a refused or unwritable path fails at once.
        let latexFile = try latexOption.latex.map { try OutputFile.open($0) }
        let pdfFile = try pdf.map { try OutputFile.open($0) }
        let certificateFile = try certificate.map { try OutputFile.open($0) }
        var options = AnalysisOptions(maxRegions: regionLimit.maxRegions, progress: reporter.regions)
        limits.apply(to: &options)
        options.regionCertificates = regionCertificates
        options.simplifies = !noSimplify
        // Only the LaTeX derivation shows the regions that illustrate a refutation.
        options.illustrateRegions = latexFile != nil || pdfFile != nil
        options.keepsFoldedLayers = options.illustrateRegions
        reporter.begin("analysing \(network.layers.count) layer\(network.layers.count == 1 ? "" : "s")")
        let analyzed = Analyzer.analyze(network, options: options)
        reporter.end()
        // The product's freed work space back to the system before the report is rendered.
        SpecLoading.returnFreedMemory()
        // Rendered whole before anything is written; `--timeout` covers the rendering too.
        let output = BoundedRendering.render(analyzed, deadline: options.deadline) { analysis in
            AnalyzeOutput(
                analysis, certificate: certificateFile != nil, document: latexFile != nil || pdfFile != nil,
                options: LaTeXOptions(convention: convention, figures: figures),
                format: latexOption.latex == "-" ? nil : reportFormat.format,
                buffered: options.deadline != nil, replays: ModelFiles.kind(of: input.spec) != .spec)
        }
        let analysis = output.analysis
        if let certificateFile, let certificate = output.certificate {
            try certificateFile.write(certificate)
            try certificateFile.commit()
        }
        if let document = output.document {
            if let pdfFile { try PDFCompiler.compile(document, into: pdfFile, path: pdf ?? "") }
            if let latexFile {
                try latexFile.write(document)
                try latexFile.commit()
                if latexOption.latex == "-" { return analysis.verdict.exitCode }
            }
        }
        if let report = output.report {
            StandardStreams.output(report)
        } else if reportFormat.format == .json {
            JSONReport.write(analysis, floatReplay: output.replay) { StandardStreams.output(bytes: $0) }
        }
        return analysis.verdict.exitCode
    }
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
