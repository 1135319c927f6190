import Testing
import ExactNumbers
import Algebra
import NetworkModel
import Collapse
import Rendering
import Foundation
import FoundationEssentials

/// The case analysis over the linear regions (issue 6 item 5) in the LaTeX derivation, and
/// the regions count in the text and JSON reports.
@Suite("Case analysis over linear regions")
struct CaseAnalysisTests {
    static let kinks = """
        network: kinks cancel
        input: [t]
        layers:
          - dense:
              weights: [[1], [-1]]
            activation: relu
          - dense:
              weights: [[1, -1]]
        """
    static let abs = """
        network: absolute value
        input: [t]
        layers:
          - dense:
              weights: [[1], [-1]]
            activation: relu
          - dense:
              weights: [[1, 1]]
        """
    /// Σ_k relu(t − k) − relu(k − t) = Σ_k (t − k) = 7t − 21 for k = 0…6: seven
    /// breakpoints, eight regions, one affine map.
    static let manyKinks: String = {
        let ks = 0...6
        let first = ks.map { _ in "[1], [-1]" }.joined(separator: ", ")
        let bias = ks.map { "\(-$0), \($0)" }.joined(separator: ", ")
        let second = ks.map { _ in "1, -1" }.joined(separator: ", ")
        return """
            input: [t]
            layers:
              - dense:
                  weights: [\(first)]
                  bias: [\(bias)]
                activation: relu
              - dense:
                  weights: [[\(second)]]
            """
    }()

    static func analysis(_ yaml: String) throws -> Analysis {
        // The region machinery itself: no normalisation (it would cancel the kinks first).
        Analyzer.analyze(try SpecReader.parse(text: yaml, file: "test.yaml", format: .yaml), options: regionsOnly())
    }

    @Test func kinksCancelWritesTheRegionsAndTheirCommonMap() throws {
        let a = try Self.analysis(Self.kinks)
        #expect(a.verdict == .linear)
        let tex = LaTeXDocument.render(a)
        #expect(tex.contains("\\paragraph{Case analysis over the linear regions.}"))
        #expect(tex.contains("the input space splits into two linear regions"))
        #expect(
            tex.contains(
                "pattern \\texttt{-+}, where $t < 0$ (for example $t = -1$): $h_{1} = (0, -t)$ and $y = 0 - (-t) = t$, so there $\\partial F/\\partial x = 1$."
            ))
        #expect(
            tex.contains(
                "pattern \\texttt{+-}, where $t > 0$ (for example $t = 1$): $h_{1} = (t, 0)$ and $y = t - 0 = t$, so there $\\partial F/\\partial x = 1$."
            ))
        #expect(tex.contains("\\paragraph{Why the regions agree.} Both regions carry the same affine map."))
        #expect(tex.contains("The kinks cancel"))
        // Not the polynomial expansion, and no claim of a layer-by-layer symbolic check.
        #expect(!tex.contains("Every activation is a polynomial"))
        #expect(!tex.contains("pushed through the layers"))
        #expect(tex.contains("W' = \\begin{bmatrix} 1 \\end{bmatrix}"))
    }

    @Test func absWritesTheTwoRegionsWithDifferentMaps() throws {
        let a = try Self.analysis(Self.abs)
        #expect(a.verdict == .notAffine)
        #expect(a.regions?.decidesVerdict == false)
        let tex = LaTeXDocument.render(a)
        #expect(tex.contains("\\paragraph{Case analysis over the linear regions.}"))
        #expect(tex.contains("$y = 0 + (-t) = -t$"))
        #expect(tex.contains("$y = t + 0 = t$"))
        #expect(
            tex.contains(
                "\\paragraph{Why the regions disagree.} Regions $R_{1}$ and $R_{2}$ carry different maps, $y = -t$ on $R_{1}$ and $y = t$ on $R_{2}$."
            ))
        #expect(
            tex.contains(
                "In the witness, $x$ lies in $R_{1}$, $z$ and $x + z$ in $R_{2}$ and $0$ on a boundary between regions")
        )
        // The case analysis comes after the witness and before the verdict.
        let witness = try #require(tex.range(of: "A witness, layer by layer"))
        let cases = try #require(tex.range(of: "Case analysis over the linear regions"))
        let verdict = try #require(tex.range(of: "\\paragraph{Verdict.}"))
        #expect(witness.lowerBound < cases.lowerBound && cases.lowerBound < verdict.lowerBound)
    }

    @Test func manyRegionsAreElidedWithTheExactCount() throws {
        let a = try Self.analysis(Self.manyKinks)
        #expect(a.verdict == .affine)
        #expect(a.regions?.regionsExamined == 8)
        let tex = LaTeXDocument.render(a)
        #expect(tex.components(separatedBy: "\\item[$R_{").count - 1 == 6)
        #expect(tex.contains("the input space splits into eight linear regions"))
        #expect(
            tex.contains(
                "Only six of the 8 regions are shown; \\texttt{prove-collapse regions SPEC} lists every region"))
        #expect(tex.contains("All eight regions carry the same affine map."))
        #expect(tex.contains("y = 7 t - 21."))
    }

    @Test func networksWithoutRegionsHaveNoCaseAnalysis() throws {
        let tex = LaTeXDocument.render(
            try Self.analysis(
                """
                input: 2
                layers:
                  - dense:
                      weights: [[1, 2], [3, 4]]
                    activation: sigmoid
                  - dense:
                      weights: [[1, 1]]
                """))
        #expect(!tex.contains("Case analysis"))
    }

    @Test func textReportSaysHowManyRegionsDecided() throws {
        let text = TextReport.render(try Self.analysis(Self.kinks))
        #expect(
            text.contains(
                "\nregions: decided by enumerating all 2 linear regions exactly (4 exact linear programs); every region carries the same affine map\n"
            ))
        let many = TextReport.render(try Self.analysis(Self.manyKinks))
        #expect(many.contains("regions: decided by enumerating all 8 linear regions exactly"))
        // Decided by the witness search: the regions only illustrate, no line.
        #expect(!TextReport.render(try Self.analysis(Self.abs)).contains("regions:"))
    }

    @Test func jsonReportHasTheRegionsExtension() throws {
        let json = JSONReport.render(try Self.analysis(Self.kinks))
        #expect(
            json.contains("\"regions\":{\"count\":2,\"full_dimensional\":2,\"complete\":true,\"linear_programs\":4}"))
        // The contract's keys are unchanged and come first.
        #expect(
            json.hasPrefix(
                "{\"network\":\"kinks cancel\",\"input_dim\":1,\"output_dim\":1,\"verdict\":\"linear\",\"collapsed\":"))
        #expect(!JSONReport.render(try Self.analysis(Self.abs)).contains("\"regions\""))
        let limited = Analyzer.analyze(
            try SpecReader.parse(text: Self.manyKinks, file: "t.yaml", format: .yaml),
            options: regionsOnly(maxRegions: 3))
        #expect(limited.verdict == .unknown)
        let limitedJSON = JSONReport.render(limited)
        #expect(limitedJSON.contains("\"complete\":false"))
        #expect(TextReport.render(limited).contains("regions: not decided after enumerating"))
    }
}

/// Options that skip the normalisation, so the linear-region stage decides on its own.
func regionsOnly(maxRegions: Int = 4096) -> AnalysisOptions {
    var options = AnalysisOptions(maxRegions: maxRegions)
    options.simplifies = false
    return options
}
