import Testing
import ExactNumbers
import Algebra
import NetworkModel
import Collapse
import Rendering
import Foundation
import FoundationEssentials

/// The document for a YAML spec written in a test.
private func latex(_ yaml: String, convention: LaTeXOptions.Convention = .column) throws -> String {
    let network = try SpecReader.parse(text: yaml, file: "test.yaml", format: .yaml)
    return LaTeXDocument.render(Analyzer.analyze(network), options: LaTeXOptions(convention: convention))
}

/// Braces that open and close groups (escaped `\{`, `\}` excluded) balance, never dipping
/// below zero.
private func bracesBalance(_ tex: String) -> Bool {
    var depth = 0
    var escaped = false
    for c in tex {
        if escaped { escaped = false; continue }
        switch c {
        case "\\": escaped = true
        case "{": depth += 1
        case "}":
            depth -= 1
            if depth < 0 { return false }
        default: break
        }
    }
    return depth == 0
}

private let twoLayer = """
    network: two stacked linear layers
    input: [x1, x2]
    layers:
      - dense:
          weights: [[1, 2], ["1/2", -1]]
          bias: [1, 0]
      - dense:
          weights: [[3, -2]]
          bias: ["-1/2"]
    """

@Suite("LaTeX document")
struct LaTeXDocumentTests {
    @Test func documentIsStandaloneWithOnlyAmsmathAndAmssymb() throws {
        let tex = try latex(twoLayer)
        #expect(tex.hasPrefix("\\documentclass[11pt]{article}\n"))
        #expect(tex.contains("\\begin{document}\n"))
        #expect(tex.hasSuffix("\\end{document}\n"))
        #expect(tex.components(separatedBy: "\\begin{document}").count == 2)
        let packages = tex.split(separator: "\n").filter { $0.hasPrefix("\\usepackage") }
        // The contract: "only amsmath/amssymb needed" (no geometry; margins are plain lengths).
        #expect(packages == ["\\usepackage{amsmath,amssymb}"])
        #expect(!tex.contains("geometry}"))
        #expect(bracesBalance(tex))
    }

    @Test func sectionsComeInTheTeachingOrder() throws {
        let tex = try latex(twoLayer)
        let order = [
            "\\paragraph{The network.}", "\\paragraph{Substitution.}", "\\paragraph{The products, exactly.}",
            "\\paragraph{Is it linear?}", "\\paragraph{Rank.}", "\\paragraph{Verdict.}",
        ]
        let positions = order.map { tex.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func collapsedMapEntriesAreExactFractions() throws {
        let tex = try latex(
            """
            input: [x1]
            layers:
              - dense: {weights: [["1/3"]], bias: ["1/7"]}
              - dense: {weights: [["2/5"]]}
            """)
        // W' = 2/15 and b' = 2/35, exactly.
        #expect(tex.contains("\\begin{bmatrix} \\tfrac{2}{15} \\end{bmatrix}"))
        #expect(tex.contains("\\tfrac{2}{35}"))
        #expect(!tex.contains("0.13"))
    }

    @Test func theTwoLayerProductIsWorkedOutEntryByEntry() throws {
        let tex = try latex(twoLayer)
        #expect(tex.contains("y &= W_{2} (W_{1} x + b_{1}) + b_{2}"))
        #expect(tex.contains("3\\cdot 1 + (-2)\\cdot \\tfrac{1}{2}"))
        #expect(tex.contains("\\begin{bmatrix} 2 & 8 \\end{bmatrix}"))
        #expect(tex.contains("y = 2 x_{1} + 8 x_{2} + \\tfrac{5}{2}"))
        #expect(tex.contains("F(0) = \\tfrac{5}{2}$ but $F(0) + F(0) = 5"))
        #expect(tex.contains("affine, not linear"))
    }

    @Test func longChainsAreStatedAsAnInduction() throws {
        let layer = "  - dense: {weights: [[1, 1], [0, 1]], bias: [1, 0]}\n"
        let tex = try latex("input: 2\nlayers:\n" + String(repeating: layer, count: 5))
        #expect(tex.contains("\\paragraph{Substitution, by induction.}"))
        #expect(tex.contains("A_{k+1} = W_{k+1} A_{k}"))
        #expect(tex.contains("A_{5} = W_{5} A_{4}"))
    }

    @Test func matricesPastSixBySixAreElidedWithTheJSONSentence() throws {
        let row = "[" + (1...9).map(String.init).joined(separator: ", ") + "]"
        let weights = "[" + Array(repeating: row, count: 9).joined(separator: ", ") + "]"
        let tex = try latex("input: 9\nlayers:\n  - dense: {weights: \(weights)}\n")
        #expect(tex.contains("\\cdots"))
        #expect(tex.contains("\\vdots"))
        #expect(tex.contains("\\ddots"))
        #expect(tex.contains("the full matrices are in the JSON report"))
        // The hidden middle entries are not typeset: column 5 holds the only 5s.
        #expect(!tex.contains("& 5 &"))
    }

    @Test func sixBySixIsShownInFull() throws {
        let row = "[" + (1...6).map(String.init).joined(separator: ", ") + "]"
        let weights = "[" + Array(repeating: row, count: 6).joined(separator: ", ") + "]"
        let tex = try latex("input: 6\nlayers:\n  - dense: {weights: \(weights)}\n")
        #expect(!tex.contains("\\ddots"))
        #expect(!tex.contains("JSON report"))
        #expect(tex.contains("1 & 2 & 3 & 4 & 5 & 6"))
    }

    @Test func longNumbersAreShortenedWithANote() throws {
        let tex = try latex(
            """
            input: 1
            layers:
              - dense: {weights: [["1234567890123456789012345678901234567890/7"]]}
            """)
        #expect(!tex.contains("1234567890123456789012345678901234567890"))
        #expect(tex.contains("\\ldots{}"))
        #expect(tex.contains("Numbers longer than 30 digits are shortened"))
    }

    @Test func oddNamesAreEscaped() throws {
        let tex = try latex(
            """
            network: "50% of x_1 & {y} #1 $ ~ ^ \\\\ <a|b> σ ξ"
            input: [x_1, alpha]
            layers:
              - dense: {weights: [[w11, beta_2]]}
            """)
        #expect(
            tex.contains(
                "\\section*{50\\% of x\\_1 \\& \\{y\\} \\#1 \\$ \\~{} \\^{} \\textbackslash{} \\textless{}a\\textbar{}b\\textgreater{} \\ensuremath{\\sigma} (U+3BE)}"
            ))
        #expect(tex.contains("x = (x_{1}, \\alpha)^{\\top}"))
        #expect(tex.contains("w_{11}"))
        #expect(tex.contains("\\beta_{2}"))
        #expect(bracesBalance(tex))
    }

    @Test func doubleHyphensStayHyphens() throws {
        let tex = try latex(
            """
            network: "see --max-regions and a---b"
            input: 1
            layers:
              - dense: {weights: [[1]]}
            """)
        #expect(tex.contains("-{}-max-regions and a-{}-{}-b"))
    }

    @Test func namesThatAreNotIdentifiersAreSetAsText() {
        let network = Network(
            name: nil, inputNames: ["a b%", "c^d"],
            layers: [
                Layer(
                    dense: .numeric(
                        AffineMap(weights: Matrix<Rational>(rows: [[Rational(1), Rational(2)]]), bias: [Rational(0)])))
            ])
        let tex = LaTeXDocument.render(Analyzer.analyze(network))
        #expect(tex.contains("\\text{a b\\%}"))
        #expect(tex.contains("\\text{c\\^{}d}"))
        #expect(bracesBalance(tex))
    }

    @Test func rowConventionShowsTransposedProducts() throws {
        let column = try latex(twoLayer)
        let row = try latex(twoLayer, convention: .row)
        #expect(column.contains("W' = W_{2} W_{1}"))
        #expect(row.contains("W' = W_{1} W_{2}"))
        #expect(row.contains("h_{1} &= x W_{1} + b_{1}"))
        #expect(row.contains("y &= (x W_{1} + b_{1}) W_{2} + b_{2}"))
        #expect(row.contains("x\\,(W_{1} W_{2}) + (b_{1} W_{2} + b_{2})"))
        // W_2 is 1 x 2 in the spec: a column of two entries with row vectors.
        #expect(row.contains("W_{2} &= \\begin{bmatrix} 3 \\\\ -2 \\end{bmatrix}"))
        #expect(column.contains("W_{2} &= \\begin{bmatrix} 3 & -2 \\end{bmatrix}"))
        #expect(row.contains("F(x) = x W' + b'"))
    }

    @Test func affineActivationsAreFolded() throws {
        let tex = try latex(
            """
            input: [x1]
            layers:
              - dense: {weights: [[1]], bias: [1]}
                activation: {affine: {slope: 2, intercept: -1}}
            """)
        #expect(tex.contains("\\paragraph{Folding the affine activations.}"))
        #expect(tex.contains("\\widetilde{W}_{1} &= 2 W_{1}"))
        #expect(tex.contains("2 b_{1} - \\mathbf{1}"))
    }

    @Test func reluWitnessIsEvaluatedStepByStep() throws {
        let tex = try latex(
            """
            input: [x1, x2]
            layers:
              - dense: {weights: [[1, -1], [1, 1]]}
                activation: relu
              - dense: {weights: [[1, 1]]}
            """)
        #expect(tex.contains("\\operatorname{relu}(1 + (-1)) = \\operatorname{relu}(0) = 0"))
        #expect(tex.contains("\\operatorname{relu}(1) + \\operatorname{relu}(-1) = 1 + 0 = 1"))
        #expect(tex.contains("positively homogeneous"))
        #expect(tex.contains("\\begin{array}{r|cccc}"))
        #expect(tex.contains("F(x + z) + F(0) ="))
    }

    @Test func sigmoidCounterexampleShowsRigorousEnclosures() throws {
        let tex = try latex(
            """
            input: [x1]
            layers:
              - dense: {weights: [[1], [-1]]}
                activation: sigmoid
              - dense: {weights: [[1, 2]]}
            """)
        #expect(tex.contains("rigorous enclosure"))
        #expect(tex.contains("\\in ["))
        #expect(tex.contains("directed"))
    }

    @Test func symbolicWeightsGiveTheLinearCondition() throws {
        let tex = try latex(
            """
            input: [x1]
            layers:
              - dense: {weights: [[w11]], bias: [b_1]}
              - dense: {weights: [[alpha]]}
            """)
        #expect(tex.contains("\\alpha w_{11}"))
        #expect(tex.contains("linear exactly when $b' = 0$, that is when $\\alpha b_{1} = 0$"))
        #expect(tex.contains("for generic values of the symbols"))
    }

    @Test func unknownVerdictGivesTheReason() throws {
        let tex = try latex(
            """
            input: [x1]
            layers:
              - dense: {weights: [[w]]}
                activation: relu
            """)
        #expect(tex.contains("\\paragraph{Not decided.}"))
        #expect(tex.contains("depends on the values of the symbols"))
    }

    @Test func quadraticLayersDoubleTheDegree() throws {
        let tex = try latex(
            """
            input: [x1, x2]
            layers:
              - dense: {weights: [[1, 1], [1, -1]]}
                activation: square
              - dense: {weights: [[1, 1]], bias: [1]}
                activation: square
            """)
        #expect(tex.contains("2^{2} = 4"))
        #expect(tex.contains("has degree 4 in $x$"))
    }

    @Test func activationOnlyIdentityLayerIsTheIdentityMap() throws {
        let tex = try latex("input: 2\nlayers:\n  - activation: identity\n")
        #expect(tex.contains("Every layer is the identity, so $y = x$"))
        #expect(tex.hasSuffix("\\end{document}\n"))
        #expect(bracesBalance(tex))
    }
}
