import Foundation
import Testing
import NetworkModel
import Collapse
import Rendering

/// The LaTeX document of a verdict on a domain says "on D" and states D; it makes no claim
/// about the whole space (issue 10, domains).
struct DomainLaTeXTests {
    static let network = """
        input: [x1, x2]
        domain:
          box: {x1: [0, 1], x2: ["-1/2", 2]}
          constraints: ["x1 + x2 <= 1", "x1 - 2*x2 >= -3"]
        layers:
          - dense: {weights: [[1, 1], [-1, 1]], bias: [2, 3]}
            activation: relu
          - dense: {weights: [[1, 2]]}
        """

    @Test(arguments: [
        Self.network,
        Self.network.replacingOccurrences(of: "bias: [2, 3]", with: "bias: [0, 0]"),
        Self.network.replacingOccurrences(of: "activation: relu", with: "activation: square"),
    ])
    func aVerdictOnADomainIsStatedOnD(_ yaml: String) throws {
        let network = try SpecReader.parse(text: yaml, file: "d.yaml", format: .yaml)
        let analysis = Analyzer.analyze(network)
        let tex = LaTeXDocument.render(analysis)
        #expect(tex.contains("\\subsection*{The input domain}"))
        #expect(tex.contains("x_{1} + x_{2} \\le 1"))
        let claim = try #require(
            tex.components(separatedBy: "\\textbf{Claim.}").last?.components(separatedBy: "\n").first)
        let verdict = try #require(
            tex.components(separatedBy: "\\paragraph{Verdict.}").last?.components(separatedBy: "\n").first)
        #expect(claim.contains("$D$"), "\(claim)")
        if analysis.verdict != .unknown { #expect(verdict.contains("$D$"), "\(verdict)") }
        for wholeSpace in [
            "So the whole network", "For all inputs", "Stacking the layers added no expressive power",
            "\\paragraph{Is it linear?}", "for all $x$, $z$",
            "Every activation is a polynomial, so $F$ is a polynomial map",
        ] {
            #expect(!tex.contains(wholeSpace), "\(analysis.verdict): '\(wholeSpace)' in a document about D")
        }
    }
}
