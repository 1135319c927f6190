import Foundation
import Testing
import ExactNumbers
import Algebra
import NetworkModel
import Collapse
@testable import Rendering
import Enclosures

@Suite struct TextReportTests {
    @Test func firstLineStatesTheVerdict() {
        let cases: [(Analysis, String)] = [
            (Fixtures.contractExample(), "verdict: affine"),
            (Fixtures.linear(rows: 2, columns: 2), "verdict: linear"),
            (Fixtures.notAffineWithEnclosures(), "verdict: not-affine"),
        ]
        for (analysis, prefix) in cases {
            let first = TextReport.render(analysis).split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.hasPrefix(prefix), "first line: \(first)")
        }
        #expect(
            TextReport.verdictLine(Fixtures.contractExample())
                == "verdict: affine — the network collapses to one affine map y = W'x + b' (not linear: b' ≠ 0)")
    }

    @Test func matrixColumnsAreRightAligned() throws {
        let text = TextReport.render(Fixtures.linear(rows: 4, columns: 3))
        let lines = text.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("W' (4×3)") })
        let rows = Array(lines[(start + 1)...(start + 4)])
        #expect(rows.allSatisfy { $0.hasPrefix("  [ ") && $0.hasSuffix(" ]") })
        #expect(Set(rows.map(\.count)).count == 1, "rows of different widths:\n\(rows.joined(separator: "\n"))")
        // Right alignment: the column separators (two spaces before a non-space) sit at the
        // same character offsets in every row, and each entry ends where the column ends.
        let ends = rows.map { row in
            Array(
                row.enumerated().filter { i, c in
                    c != " " && (i + 1 == row.count || Array(row)[i + 1] == " ")
                }.map(\.offset))
        }
        #expect(Set(ends.map { $0.description }).count == 1, "entry ends differ: \(ends)")
        // The entries are the exact values: W'[0][0] = -1100/2 = -550.
        #expect(rows[0].split(separator: " ") == ["[", "-550", "201/2", "-399", "]"])
    }

    @Test func biasAndIdentityResidualsAreShown() {
        let text = TextReport.render(Fixtures.contractExample())
        #expect(text.contains("W' (1×2) =\n  [ 7/2  -1 ]"))
        #expect(text.contains("b' (1) =\n  [ 1/2 ]"))
        #expect(text.contains("F(x+y) - F(x) - F(y) = -b' = -1/2"))
        #expect(text.contains("F(c*x) = 1/2"))
        #expect(text.contains("c*F(x) = 1"))
        #expect(text.contains("rank: 1 (full rank)"))
    }

    @Test func largeMatricesShowCornersAndPointToJSON() {
        let text = TextReport.render(Fixtures.linear(rows: 30, columns: 25))
        #expect(text.contains("W' (30×25, corners shown; the full matrix is in --format json) ="))
        #expect(text.contains("…"))
        #expect(text.contains("⋮"))
        #expect(text.split(separator: "\n").count < 60)
    }

    @Test func longEntriesAreShortenedWithANote() {
        let text = TextReport.render(Fixtures.linear(rows: 2, columns: 2, entryBits: 600))
        #expect(text.contains("exact values are in --format json"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count < 400 })
    }

    @Test func bottleneckSentence() {
        let text = TextReport.render(Fixtures.linear(rows: 3, columns: 3, bottleneck: true))
        #expect(text.contains("rank 2 < 3: the width-2 layer is a bottleneck (layer 2)"))
    }

    @Test func symbolicConditionsAndNotAffineReason() {
        let symbolic = TextReport.render(Fixtures.symbolic())
        #expect(symbolic.contains("linear exactly when all of these vanish (the entries of b'):\n  b1 = 0"))
        #expect(symbolic.contains("generic"))
        let notAffine = TextReport.render(Fixtures.notAffineWithEnclosures())
        #expect(notAffine.contains("reason: layer 1 applies tanh, which is not affine"))
        #expect(notAffine.contains("F(u+y) + F(0) = [0.760000, 0.770000]"))  // the input is called x: the point is u
        #expect(notAffine.contains("exact rational bounds are in --format json"))
        #expect(notAffine.contains("1. tanh: tanh is not affine"))
        #expect(!notAffine.contains("W' ("))
    }
}

@Suite struct OtherRenderingTests {
    @Test func traceJSONParsesWithEnclosures() throws {
        let analysis = Fixtures.notAffineWithEnclosures()
        let record = EvaluationRecord(
            point: [Rational(1, 2)],
            output: [.enclosed(.init(lo: Rational(46, 100), hi: Rational(47, 100)))],
            layers: [[.exact(Rational(1, 2))], [.enclosed(.init(lo: Rational(46, 100), hi: Rational(47, 100)))]])
        let json = TraceReport.json(network: analysis.network, records: [record])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let point = try #require((object["points"] as? [[String: Any]])?.first)
        #expect(point["x"] as? [String] == ["1/2"])
        #expect(point["y"] as? [[String: String]] == [["lo": "23/50", "hi": "47/100"]])
        #expect((point["layers"] as? [Any])?.count == 2)
        let text = TraceReport.text(network: analysis.network, records: [record])
        let bounds = "[0.46000000000000000000, 0.47000000000000000000]"
        #expect(text == "x = (1/2)\n  layer 1 (dense + tanh): (\(bounds))\nF(1/2) = (\(bounds))\n")
    }

    @Test func latexStandInIsAStandaloneDocument() {
        let document = LaTeXDocument.render(Fixtures.contractExample())
        #expect(document.hasPrefix("\\documentclass"))
        #expect(document.contains("\\usepackage{amsmath,amssymb}"))
        #expect(document.contains("\\begin{bmatrix}"))
        #expect(document.hasSuffix("\\end{document}\n"))
    }
}

/// The sentences Rendering writes from typed findings and reasons (`LayerFinding.summary`,
/// `ReasonText`), on analyses the engine made.
@Suite struct ReasonTextTests {
    static func network(_ activation: Activation, weight: Int = 1, bias: Int = 0) -> Network {
        Network(
            name: nil, inputNames: ["x"],
            layers: [
                Layer(
                    dense: .numeric(AffineMap(weights: Matrix(rows: [[Rational(weight)]]), bias: [Rational(bias)])),
                    activation: activation)
            ])
    }

    @Test func reluFindingStatesTheScalarBreakAndPositiveHomogeneity() {
        let a = Analyzer.analyze(Self.network(.relu))
        let summary = a.layerFindings[0].summary
        #expect(
            summary
                == "relu is not affine: relu(1 + (-1)) = 0 but relu(1) + relu(-1) = 1; it is positively homogeneous, relu(c·t) = c·relu(t) for c >= 0, yet not additive"
        )
        #expect(
            a.reason
                == "layer 1 applies relu, which is not affine, and a unit of it is reached on both sides of a breakpoint; exact witness: F(x+y) + F(0) = \(a.affinity.witness!.lhs.map { $0.humanText() }.joined(separator: ", ")) but F(x) + F(y) = \(a.affinity.witness!.rhs.map { $0.humanText() }.joined(separator: ", "))"
        )
    }

    @Test func singleUnitSoftmaxIsReportedAsTheConstantOne() {
        let a = Analyzer.analyze(Self.network(.softmax))
        #expect(
            a.layerFindings[0].summary
                == "softmax over a single unit is the constant 1 (e^t / e^t = 1), the affine map 0·t + 1; it folds into its layer"
        )
        #expect(a.reason == nil)
    }

    @Test func symbolicReluReasonNamesTheLayer() throws {
        let w = Polynomial(Symbol("w"))
        let n = Network(
            name: nil, inputNames: ["x"],
            layers: [
                Layer(
                    dense: .symbolic(AffineMap(weights: Matrix(rows: [[w]]), bias: [Polynomial.zero])),
                    activation: .relu)
            ])
        let a = Analyzer.analyze(n)
        #expect(
            a.reason
                == "layer 1 applies relu, which is not affine, to values that depend on symbolic weights; whether the network is affine depends on the values of the symbols (give them numbers to decide)"
        )
        #expect(a.checkInvariants().isEmpty)
    }
}
