import Testing
import Foundation
import ExactNumbers
import Algebra
import NetworkModel
import Collapse
import Rendering

/// The analysis of a YAML spec written in a test.
private func analyze(_ yaml: String) throws -> Analysis {
    Analyzer.analyze(try SpecReader.parse(text: yaml, file: "test.yaml", format: .yaml))
}

private func latex(_ yaml: String, figures: Bool = false) throws -> String {
    LaTeXDocument.render(try analyze(yaml), options: LaTeXOptions(figures: figures))
}

/// Every `[lo, hi]` of decimals in `text` (LaTeX digit runs are not expanded).
private func intervals(_ text: String) -> [(lo: String, hi: String)] {
    let regex = try! NSRegularExpression(
        pattern: #"\[(-?[0-9][0-9.]*(?:e-?[0-9]+)?), (-?[0-9][0-9.]*(?:e-?[0-9]+)?)\]"#)
    let ns = text as NSString
    return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
        (ns.substring(with: $0.range(at: 1)), ns.substring(with: $0.range(at: 2)))
    }
}

private let sigmoid = """
    network: sigmoid
    input: [x1]
    layers:
      - dense:
          weights: [[1], [-1]]
        activation: sigmoid
      - dense:
          weights: [[1, 2]]
    """

/// tanh of a tiny multiple of the input: the witness's sides differ only far past the sixth
/// digit, while tanh's own scalar counterexample needs six.
private let tinyTanh = """
    network: tiny tanh
    input: [x1]
    layers:
      - dense:
          weights: [["1e-40"]]
        activation: tanh
    """

private let symbolic = """
    network: symbolic
    input: [x1, x2]
    layers:
      - dense:
          weights: [[w11, w12], [w21, w22]]
          bias: [b1, b2]
      - dense:
          weights: [[v1, v2]]
          bias: [c0]
    """

private let xor = """
    network: XOR
    input: [x1, x2]
    layers:
      - dense:
          weights: [[1, 1], [1, 1]]
          bias: ["-1/2", "-3/2"]
        activation: step
      - dense:
          weights: [[1, -1]]
          bias: ["-1/2"]
        activation: step
    """

@Suite("Handout details")
struct HandoutDetailsTests {
    /// One precision per report: the digits that the hardest comparison needs are used for
    /// every enclosure, including tanh's scalar counterexample in the layer notes (before, it
    /// was printed with 6 digits next to a witness with about 80).
    @Test func oneEnclosurePrecisionThroughoutTheTextReport() throws {
        let analysis = try analyze(tinyTanh)
        let digits = EnclosureDigits.forReport(analysis)
        #expect(digits > 60)
        let text = TextReport.render(analysis)
        let layerLine = try #require(text.split(separator: "\n").first { $0.contains("tanh(1 + 1)") })
        let bounds = intervals(String(layerLine))
        #expect(!bounds.isEmpty)
        #expect(
            bounds.allSatisfy { $0.lo.count > 60 },
            "tanh's own counterexample printed with the report's \(digits) digits")
        // Explained once, with an example that the report itself prints.
        let legends = text.split(separator: "\n").filter { $0.hasPrefix("enclosures:") }
        #expect(legends.count == 1)
        #expect(legends.first?.contains("\(digits) significant digits throughout") == true)
        let example = try #require(intervals(String(legends[0])).first)
        let before = text.components(separatedBy: "enclosures:")[0]
        #expect(before.contains("[\(example.lo), \(example.hi)]"))
    }

    /// LaTeX: enclosures as [lo, hi] (no subscript/superscript digits), one precision, one
    /// note whose example is the first interval of the document.
    @Test func enclosuresInLaTeXAreIntervalsWithOneNote() throws {
        let tex = try latex(sigmoid)
        #expect(
            tex.range(of: #"[0-9]_\{[0-9]+\}\^\{[0-9]+\}"#, options: .regularExpression) == nil,
            "no compact 0.731_{0}^{1} notation")
        #expect(tex.contains("[0.731058, 0.731059]"), "sigmoid(1) in the witness table")
        let all = intervals(tex)
        #expect(all.count >= 4)
        // 6 significant digits in every bound (values between 0.1 and 10 here).
        for (lo, hi) in all {
            for bound in [lo, hi] {
                let digits = bound.filter(\.isNumber).drop { $0 == "0" }
                #expect(digits.count == 6, "\(bound)")
            }
        }
        #expect(tex.components(separatedBy: "rigorous enclosure of it").count == 2, "explained once")
        let note = try #require(tex.components(separatedBy: "rigorous enclosure of it").last)
        let example = try #require(intervals(note).first)
        #expect(tex.components(separatedBy: "rigorous enclosure of it")[0].contains("[\(example.lo), \(example.hi)]"))
        #expect(note.contains("6 significant digits throughout this document"))
    }

    /// Symbolic residuals are factored in the scalar: (1 − s)·(b1 v1 + b2 v2 + c0), not the
    /// expansion, in text and LaTeX.
    @Test func symbolicResidualsAreFactored() throws {
        let analysis = try analyze(symbolic)
        let text = TextReport.render(analysis)
        #expect(text.contains("F(s*x) - s*F(x) = (1 - s)*b' = (1 - s)*(b1*v1 + b2*v2 + c0)"))
        #expect(!text.contains("s*b1*v1"), "not the expansion")
        let tex = LaTeXDocument.render(analysis)
        #expect(tex.contains("= (1 - s)\\,(b_{1} v_{1} + b_{2} v_{2} + c_{0})"))
    }

    /// XOR's document has its truth table, evaluated exactly; a network whose corners are
    /// not all 0 or 1 has none.
    @Test func xorDocumentHasItsTruthTable() throws {
        let tex = try latex(xor)
        #expect(tex.contains("\\paragraph{Truth table.}"))
        for row in ["0 & 0 & 0", "0 & 1 & 1", "1 & 0 & 1", "1 & 1 & 0"] {
            #expect(tex.contains("  \(row) \\\\\n"), "row \(row)")
        }
        #expect(!(try latex(sigmoid)).contains("Truth table"))
    }

    /// A bottleneck with a bias maps into an affine plane; without, into a subspace.
    @Test func affineBottleneckMapsIntoAnAffinePlane() throws {
        let layers = """
            input: [x1, x2, x3]
            layers:
              - dense:
                  weights: [[1, 0, 1], [0, 1, -1]]
                  bias: [BIAS]
              - dense:
                  weights: [[1, 0], [0, 1], [1, 1]]
            """
        let affine = try latex(layers.replacingOccurrences(of: "BIAS", with: "1, 0"))
        #expect(affine.contains("into an affine plane (a translate of a subspace) of dimension at most 2"))
        let linear = try latex(layers.replacingOccurrences(of: "BIAS", with: "0, 0"))
        #expect(linear.contains("into a subspace of dimension at most 2"))
    }

    /// --figures: TikZ pictures with the regions labelled as in the case analysis, the
    /// legend of the maps and the axes; without it, only amsmath and amssymb.
    @Test func figuresDrawTheRegionsWithTikZ() throws {
        let plain = try latex(xor)
        #expect(!plain.contains("tikz"))
        let tex = try latex(xor, figures: true)
        let packages = tex.split(separator: "\n").filter { $0.hasPrefix("\\usepackage") }
        #expect(packages == ["\\usepackage{amsmath,amssymb}", "\\usepackage{tikz}"])
        #expect(tex.components(separatedBy: "\\begin{tikzpicture}").count == 2)
        // The full-dimensional regions of the case analysis are the labelled polygons.
        let analysis = try analyze(xor)
        let facts = try #require(analysis.regions)
        let full = facts.regions.indices.filter { facts.regions[$0].isFullDimensional }.map { $0 + 1 }
        let picture = tex.components(separatedBy: "\\begin{tikzpicture}")[1].components(
            separatedBy: "\\end{tikzpicture}")[0]
        #expect(picture.components(separatedBy: "\\filldraw").count - 1 == full.count)
        for k in full { #expect(picture.contains("{$R_{\(k)}$};"), "region R_\(k) labelled") }
        // Axes: ticks -2..2 on both sides and the input names.
        #expect(picture.contains("node[below, font=\\footnotesize] {$-2$}"))
        #expect(picture.contains("{$x_{1}$}") && picture.contains("{$x_{2}$}"))
        // The legend: y = 0 on R_1 and R_5, y = 1 on R_3.
        #expect(tex.contains("\\textbf{A}: $y = 0$ on $R_{1}$ and $R_{5}$."))
        #expect(tex.contains("\\textbf{B}: $y = 1$ on $R_{3}$."))
    }

    /// One input: the graph of F with its breakpoints dashed; three inputs: a sentence.
    @Test func figuresOfOneAndThreeInputs() throws {
        let abs = """
            input: [t]
            layers:
              - dense:
                  weights: [[1], [-1]]
                activation: relu
              - dense:
                  weights: [[1, 1]]
            """
        let tex = try latex(abs, figures: true)
        #expect(tex.contains("dashed lines mark its breakpoint $t = 0$"))
        #expect(
            tex.contains("\\draw[black!55, dashed] (4.9,0) -- (4.9,5.6);"),
            "the breakpoint t = 0 in the middle of [-2, 2]")
        #expect(tex.components(separatedBy: "line width=1.8pt, line cap=round").count - 1 == 2, "two linear pieces")
        let three = try latex(
            "input: 3\nlayers:\n  - dense: {weights: [[1, 1, 1]]}\n    activation: relu\n", figures: true)
        #expect(three.contains("No picture is drawn: the network has 3 inputs"))
        #expect(!three.contains("\\begin{tikzpicture}"))
    }
}
