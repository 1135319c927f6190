import Foundation
import NetworkModel
import Collapse
import Rendering
import Testing

/// Reports that cannot contradict the verdict (issue 16, item 3): every kind of evidence is
/// rendered as text, JSON and LaTeX, and the sentences are checked against the verdict; a
/// not-affine report refutes all three identities with witnesses.
@Suite struct EvidenceConsistencyTests {
    /// A spec, the evidence kind its analysis must carry, and the analysis options.
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let spec: String
        let evidence: String
        var budget: Int? = nil
        /// false: decide without the semantic normalisation (the region stage alone).
        var simplifies = true
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "linear", spec: "input: 2\nlayers:\n  - dense: {weights: [[1, 2]]}\n", evidence: "affine-fold"),
        Case(
            name: "polynomial cancels",
            spec:
                "input: 1\nlayers:\n  - dense: {weights: [[1], [1]], bias: [1, 0]}\n    activation: square\n  - dense: {weights: [[1, -1]]}\n",
            evidence: "polynomial-cancellation"),
        Case(
            name: "relu kinks cancel",
            spec:
                "input: 1\nlayers:\n  - dense: {weights: [[1], [-1]]}\n    activation: relu\n  - dense: {weights: [[1, -1]]}\n",
            evidence: "regions-agree", simplifies: false),
        Case(
            name: "relu kinks cancel by the identity",
            spec:
                "input: 1\nlayers:\n  - dense: {weights: [[1], [-1]]}\n    activation: relu\n  - dense: {weights: [[1, -1]]}\n",
            evidence: "affine-fold"),
        Case(
            name: "relu", spec: "input: 1\nlayers:\n  - dense: {weights: [[1]]}\n    activation: relu\n",
            evidence: "witness-search"),
        Case(
            name: "tanh", spec: "input: 1\nlayers:\n  - dense: {weights: [[1]], bias: [1]}\n    activation: tanh\n",
            evidence: "witness-search"),
        Case(
            name: "square", spec: "input: 1\nlayers:\n  - dense: {weights: [[1]]}\n    activation: square\n",
            evidence: "polynomial-witness-search"),
        Case(
            name: "relu pair of regions",
            spec: "input: 1\nlayers:\n  - dense: {weights: [[1]], bias: [\"-1/3\"]}\n    activation: relu\n",
            evidence: "region-pair", budget: 1),
        // F(x) = 0 for x ≠ 1/5 and F(1/5) = 1: only a point where the step units jump differs.
        Case(
            name: "step jump at 1/5",
            spec:
                "input: 1\nlayers:\n  - dense: {weights: [[5], [-5]], bias: [-1, 1]}\n    activation: step\n  - dense: {weights: [[-1, -1]], bias: [1]}\n",
            evidence: "lower-dimensional-region"),
        Case(
            name: "symbolic square",
            spec: "input: 1\nlayers:\n  - dense: {weights: [[1]], bias: [a]}\n    activation: square\n",
            evidence: "symbolic-polynomial"),
        Case(
            name: "symbolic relu", spec: "input: 1\nlayers:\n  - dense: {weights: [[w]]}\n    activation: relu\n",
            evidence: "undecided"),
    ]

    /// Sentences that only a collapse may say, and sentences that only a refutation may say.
    static let collapseOnly = ["every region carries the same affine map", "collapses to one", "Why the regions agree"]
    static let refutationOnly = [
        "different affine maps", "carries another", "Why the regions disagree", "no affine map equals",
    ]

    @Test(arguments: cases)
    func everyRenderingAgreesWithTheVerdict(_ c: Case) throws {
        let network = try SpecReader.parse(text: c.spec, file: "net.yaml", format: .yaml)
        var options = AnalysisOptions(evaluationBudget: c.budget)
        options.simplifies = c.simplifies
        let analysis = Analyzer.analyze(network, options: options)
        #expect(EvidenceText.kind(analysis) == c.evidence, "\(c.name): \(analysis.verdict)")
        let text = TextReport.render(analysis)
        let latex = LaTeXDocument.render(analysis)
        let jsonText = JSONReport.render(analysis)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [String: Any])
        #expect(json["evidence"] as? String == c.evidence)
        let forbidden: [String]
        switch analysis.verdict {
        case .linear, .affine: forbidden = Self.refutationOnly
        case .notAffine: forbidden = Self.collapseOnly
        case .unknown: forbidden = Self.collapseOnly + Self.refutationOnly
        }
        for phrase in forbidden {
            #expect(!text.contains(phrase), "\(c.name) (\(analysis.verdict)): the text report says '\(phrase)'")
            #expect(!latex.contains(phrase), "\(c.name) (\(analysis.verdict)): the LaTeX says '\(phrase)'")
            #expect(!jsonText.contains(phrase), "\(c.name) (\(analysis.verdict)): the JSON says '\(phrase)'")
        }
        if analysis.verdict == .notAffine {
            // Not affine: neither additive nor homogeneous here, each with a witness.
            for key in ["additivity", "homogeneity", "affinity"] {
                let check = try #require(json[key] as? [String: Any])
                #expect(
                    check["holds"] as? Bool == false, "\(c.name): \(key) holds is \(String(describing: check["holds"]))"
                )
                #expect(check["witness"] as? [String: Any] != nil, "\(c.name): \(key) has no witness")
            }
            #expect(
                text.components(separatedBy: "\n      witness: ").count - 1 == 3,
                "\(c.name): the text report lacks a witness")
        }
    }

    @Test func lowerDimensionalEvidenceIsNamedInTheRegionsLine() throws {
        let c = Self.cases.first { $0.evidence == "lower-dimensional-region" }!
        let analysis = Analyzer.analyze(try SpecReader.parse(text: c.spec, file: "net.yaml", format: .yaml))
        let line = try #require(TextReport.regionsLine(analysis))
        #expect(
            line.contains(
                "the full-dimensional regions all carry the same affine map, but the 0-dimensional region with pattern 00, where a unit sits on a jump, carries another"
            ), "\(line)")
    }
}
