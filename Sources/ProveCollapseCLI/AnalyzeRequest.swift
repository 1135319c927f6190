import NetworkModel
import ModelFiles
import Collapse
import Rendering
import Certificates

/// Every option of `analyze` as plain values, and the analysis they ask for.
///
/// Filled by `AnalyzeCommand` from its ArgumentParser properties, or directly by the start-up
/// parser (`AnalyzeRequest.init?(simpleArguments:)`) for the common argument lists, so both
/// run the same work on equal values. The defaults are the options' defaults.
struct AnalyzeRequest: Equatable {
    /// SPEC: a spec (YAML/JSON) or a model file.
    var spec: String
    /// `--domain FILE`: the input domain that replaces the spec's.
    var domain: String? = nil
    /// `--format text|json`.
    var format: ReportFormat = .text
    /// `--latex FILE|-`.
    var latex: String? = nil
    /// `--max-regions N`.
    var maxRegions: Int = AnalysisOptions.defaults.maxRegions
    /// `--convention column|row`.
    var convention: LaTeXOptions.Convention = .column
    /// `--timeout`, `--max-terms`, `--progress`/`--no-progress`.
    var limits = Limits()
    /// `--pdf FILE.pdf`.
    var pdf: String? = nil
    /// `--figures`.
    var figures = false
    /// `--set NAME=VALUE`, in the order given.
    var assignments: [String] = []
    /// `--certificate FILE.smt2`.
    var certificate: String? = nil
    /// `--region-certificates`.
    var regionCertificates = false
    /// `--no-simplify`.
    var noSimplify = false

    /// The usage error these values make together (the message ArgumentParser shows after
    /// `Error: `), or nil when they are valid; each option's own range is checked by
    /// `Limits.problem` and `positivityProblem`.
    var combinationProblem: String? {
        if latex == "-" && format == .json {
            return
                "--latex - writes the LaTeX document to standard output instead of the report, so --format json would be ignored; write the document to a file (--latex proof.tex --format json) or drop --format json"
        }
        if figures && latex == nil && pdf == nil {
            return "--figures adds pictures to the LaTeX document; add --latex FILE.tex or --pdf FILE.pdf"
        }
        if let pdf, !pdf.lowercased().hasSuffix(".pdf") {
            return
                "--pdf writes a PDF; name the file FILE.pdf (got '\(pdf)'); for the LaTeX source use --latex FILE.tex"
        }
        return nil
    }

    /// Does the analysis, writes the outputs, and returns the exit status (contract: 0, 1, 3).
    func execute() throws -> Int32 {
        let reporter = limits.reporter()
        let network = SpecLoading.compacted(
            try SymbolValuesOptions.apply(assignments, to: SpecLoading.load(spec, domain: domain, progress: reporter)))
        // Opened before the analysis: a refused or unwritable path fails at once.
        let latexFile = try latex.map { try OutputFile.open($0) }
        let pdfFile = try pdf.map { try OutputFile.open($0) }
        let certificateFile = try certificate.map { try OutputFile.open($0) }
        var options = AnalysisOptions(maxRegions: maxRegions, progress: reporter.regions)
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
                format: latex == "-" ? nil : format,
                buffered: options.deadline != nil, replays: ModelFiles.kind(of: spec) != .spec)
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
                if latex == "-" { return analysis.verdict.exitCode }
            }
        }
        if let report = output.report {
            StandardStreams.output(report)
        } else if format == .json {
            JSONReport.write(analysis, floatReplay: output.replay) { StandardStreams.output(bytes: $0) }
        }
        return analysis.verdict.exitCode
    }
}
