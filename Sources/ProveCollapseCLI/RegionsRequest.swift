import ExactNumbers
import NetworkModel
import Collapse
import Rendering

/// What `prove-collapse regions` was asked, as plain values: filled by `RegionsCommand` from
/// ArgumentParser's parse, or directly by the start-up parser
/// (`RegionsRequest+SimpleArguments.swift`); `execute` does the work either way.
struct RegionsRequest: Equatable {
    /// The spec or model file.
    var spec: String
    /// `--domain FILE`.
    var domain: String? = nil
    /// `--count`.
    var count = false
    /// `--format`.
    var format: ReportFormat = .text
    /// `--plot FILE.svg`.
    var plot: String? = nil
    /// `--box`.
    var box: String? = nil
    /// `--max-regions`.
    var maxRegions = AnalysisOptions.defaults.maxRegions

    /// Enumerates (or counts) the regions, writes the report (and the plot), and returns the
    /// exit status: 0 complete, 3 stopped at the limit.
    func execute() throws -> Int32 {
        let network = try SpecLoading.load(spec, domain: domain)
        try RegionsSupport.requireSupported(network, spec: spec)
        if plot != nil, network.inputDimension != 2, network.inputDimension != 1 {
            throw CLIError.input(
                SourceLocation(file: "--plot", line: 1, column: 1),
                "the network has \(network.inputDimension) inputs; --plot draws networks with 1 input (the graph of F) or 2 inputs (the regions)"
            )
        }
        let plotBox = try plot.map { _ throws(CLIError) in
            try RegionsSupport.parseBox(
                box ?? RegionsSupport.defaultBox(network.domain), inputs: network.inputDimension)
        }
        let plotFile = try plot.map { try OutputFile.open($0) }
        let started = ContinuousClock.now
        let progress: @Sendable (RegionProgress) -> Void = { p in
            StandardStreams.error(
                "regions: \(p.regions) regions, \(p.linearPrograms) linear programs so far"
                    + RegionsSupport.rate(p.regions, since: started))
        }
        let geometry = network.domain.flatMap { DomainGeometry($0, inputDimension: network.inputDimension) }
        let domainConstraints = geometry?.constraints ?? []
        let options = RegionEnumerationOptions(
            maxRegions: maxRegions, domain: domainConstraints, progress: progress,
            progressInterval: AnalysisOptions.defaults.progressInterval)
        if count && plot == nil {
            // Counting only: tally each region as it is visited and keep none; the programs are
            // proposed in floating point and confirmed exactly (no interior point is printed).
            guard let (tally, summary) = RegionEnumerator.count(network, options: options) else {
                return Failure.badInput
            }
            let counts = RegionsReport.Counts(
                full: tally.full, lower: tally.lower, distinctMaps: tally.distinctMaps,
                linearPrograms: summary.progress.linearPrograms, complete: summary.complete)
            switch format {
            case .text:
                StandardStreams.output(
                    RegionsReport.text(
                        network: network, regions: [], counts: counts, countOnly: true, maxRegions: maxRegions))
            case .json:
                StandardStreams.output(
                    RegionsReport.json(network: network, regions: [], counts: counts, countOnly: true))
            }
            return summary.complete ? 0 : 3
        }
        guard let (found, summary) = RegionEnumerator.regions(network, options: options) else {
            return Failure.badInput
        }
        var regions = found
        if !count && regions.count <= AnalysisOptions.defaults.listingSimplificationLimit {
            regions = regions.map { $0.withoutRedundantConstraints() }
        }
        let counts = RegionsReport.counts(regions, summary: summary)
        if let plotFile, let b = plotBox {
            let boxConstraints = RegionsPlot.boxConstraints(b, inputs: network.inputDimension)
            let boxOptions = RegionEnumerationOptions(
                maxRegions: maxRegions, domain: boxConstraints + domainConstraints, progress: progress,
                progressInterval: AnalysisOptions.defaults.progressInterval)
            guard let (inBox, _) = RegionEnumerator.regions(network, options: boxOptions) else {
                return Failure.badInput
            }
            // Number each region as the listing does (by its activation pattern).
            let numbers = RegionsPlot.numbers(listing: regions, inBox: inBox)
            let shown = inBox.filter(\.isFullDimensional).count
            if network.inputDimension == 1 {
                let title = (network.name ?? spec) + ": the graph of F, \(shown) linear piece\(shown == 1 ? "" : "s")"
                try plotFile.write(
                    RegionsPlot.graphSVG(
                        regions: inBox, numbers: numbers, interval: (b.x0, b.x1), inputName: network.inputNames[0],
                        title: title))
            } else {
                let title = (network.name ?? spec) + ": \(shown) linear region\(shown == 1 ? "" : "s") in the box"
                try plotFile.write(
                    RegionsPlot.svg(
                        regions: inBox, numbers: numbers, box: b, inputNames: network.inputNames, title: title))
            }
            try plotFile.commit()
        }
        switch format {
        case .text:
            StandardStreams.output(
                RegionsReport.text(
                    network: network, regions: regions, counts: counts, countOnly: count, maxRegions: maxRegions))
        case .json:
            StandardStreams.output(
                RegionsReport.json(network: network, regions: regions, counts: counts, countOnly: count))
        }
        return summary.complete ? 0 : 3
    }
}
