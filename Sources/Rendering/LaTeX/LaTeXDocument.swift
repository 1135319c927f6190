import ExactNumbers
import Algebra
import NetworkModel
public import Collapse
import Foundation

/// Settings of the LaTeX derivation.
public struct LaTeXOptions: Sendable, Hashable {
    /// How vectors are written: as columns, y = W x + b (the spec's out × in weights, the
    /// default), or as rows, y = x W + b (every W transposed), as many textbooks do.
    public enum Convention: String, Sendable, Hashable, CaseIterable {
        case column
        case row
    }

    /// Column or row vectors.
    public var convention: Convention
    /// Matrices and vectors with more rows or columns than this are elided: first and last
    /// rows and columns with \cdots, \vdots, \ddots.
    public var maxMatrixDimension: Int
    /// Integers (numerators, denominators) with more digits than this are shortened to their
    /// leading and trailing digits.
    public var maxDigits: Int
    /// Polynomials with more terms than this are shortened to their first and last terms.
    public var maxTerms: Int

    /// Whether to add TikZ pictures of the linear regions (`--figures`; the document then
    /// needs the `tikz` package, Debian `texlive-pictures`): the regions of a two-input
    /// network, the graph of a one-input one.
    public var figures: Bool

    /// Defaults: column vectors, elision past 6 × 6, numbers up to 30 digits, 8 terms, no pictures.

    /// Creates options.
    public init(
        convention: Convention = .column, maxMatrixDimension: Int = 6, maxDigits: Int = 30, maxTerms: Int = 8,
        figures: Bool = false
    ) {
        self.convention = convention
        self.figures = figures
        self.maxMatrixDimension = max(maxMatrixDimension, 3)
        self.maxDigits = max(maxDigits, 12)
        self.maxTerms = max(maxTerms, 3)
    }
}

/// The derivation of an analysis as a standalone LaTeX document, in the order a teacher
/// presents it: the network as equations, affine activations folded into their layers, the
/// symbolic substitution chain, the exact products W' and b', the identity checks, the rank,
/// and for networks that do not collapse the witness evaluated layer by layer (with rigorous
/// enclosures for transcendental activations).
///
/// Without `figures`, the document needs only `amsmath` and `amssymb` (in Debian's `texlive-latex-base`;
/// margins are plain lengths, not the geometry package) and compiles with `pdflatex` for
/// every analysis: names are escaped, matrices past `maxMatrixDimension` are elided, over-long numbers are shortened (the JSON
/// report keeps every exact value). A pure function: no I/O.
public enum LaTeXDocument {
    /// The document with column vectors (y = W x + b), ending with a newline.
    public static func render(_ analysis: Analysis) -> String {
        render(analysis, options: LaTeXOptions())
    }

    /// The document with the given options, ending with a newline: the derivation's values
    /// (`Derivation`) computed from the analysis, then typeset.
    public static func render(_ analysis: Analysis, options: LaTeXOptions) -> String {
        render(analysis, derivation: Derivation(analysis, figures: options.figures), options: options)
    }

    /// The document typesetting `derivation`, which must be `Derivation(analysis, figures: options.figures)`, ending
    /// with a newline. Only typesets: evaluates nothing.
    public static func render(_ analysis: Analysis, derivation: Derivation, options: LaTeXOptions) -> String {
        var builder = LaTeXBuilder(analysis: analysis, derivation: derivation, options: options)
        builder.document()
        return builder.out
    }
}

/// Accumulates the document text and what the reader must be told about it (elided
/// matrices, shortened numbers, interval notation).
struct LaTeXBuilder {
    let analysis: Analysis
    /// The values the document shows, computed in Collapse.
    let derivation: Derivation
    let options: LaTeXOptions
    /// The text so far.
    var out = ""
    /// A matrix or vector was elided since the last note.
    var elided = false
    var elisionNoted = false
    /// A number or polynomial was shortened since the last note.
    var shortened = false
    var shorteningNoted = false
    /// An enclosure [lo, hi] was printed and not yet explained; the first one printed (the
    /// explanation's example).
    var intervalNotationUsed = false
    var intervalNotationNoted = false
    var firstEnclosure: String? = nil
    /// The significant digits of every enclosure in the document (`EnclosureDigits.forReport`).
    let enclosureDigits: Int
    /// While set, polynomials are shortened past this many terms instead of `maxTerms` (a
    /// matrix too wide for the line).
    var termLimit: Int? = nil
    /// While set, matrices are elided past this many rows or columns (a matrix too wide).
    var matrixLimit: Int? = nil
    /// How a picture labels region k: $R_{k}$ when the document has a case analysis, else k.
    var figureLabel: (Int) -> String = { "\($0)" }

    /// Usable line width in em (11pt, 2.5 cm margins: about 43 em; the estimates run about 10% high).
    static let lineWidth = 39.0

    init(analysis: Analysis, derivation: Derivation, options: LaTeXOptions) {
        self.analysis = analysis
        self.derivation = derivation
        self.options = options
        self.enclosureDigits = EnclosureDigits.forReport(analysis)
    }

    var isRow: Bool { options.convention == .row }
    /// While true, `network` is the network as written (the claim and the first section);
    /// afterwards it is the simplified network the derivation is about (the same function).
    var showsOriginal = true
    var network: Network { showsOriginal ? analysis.network : (analysis.normalization?.simplified ?? analysis.network) }

    mutating func line(_ text: String) { out += text + "\n" }

    /// The whole document, section by section.
    mutating func document() {
        preamble()
        claim()
        domainSection()
        networkSection()
        showsOriginal = false
        simplificationSection()
        if analysis.network.domain != nil && analysis.verdict.collapses {
            domainCollapseSections()
        } else if collapsesByRegions {
            caseAnalysisSection()
            gradientSection()
            identitySection()
            rankSection()
        } else if analysis.verdict.collapses, let collapsed = analysis.collapsed {
            foldingSection()
            chainSections(collapsed: collapsed)
            gradientSection()
            identitySection()
            rankSection()
        } else {
            activationSection()
            polynomialSection()
            truthTableSection()
            witnessSection()
            caseAnalysisSection()
            undecidedSection()
        }
        figureSection()
        verdictSection()
        line("\\end{document}")
    }

    mutating func preamble() {
        line("\\documentclass[11pt]{article}")
        line("% Generated by prove-collapse: an exact derivation (rational arithmetic, no floating point).")
        if options.figures {
            line(
                "% Compile with: pdflatex FILE.tex  (needs amsmath, amssymb and, for the pictures, tikz: Debian texlive-pictures)."
            )
            line("\\usepackage{amsmath,amssymb}")
            line("\\usepackage{tikz}")
            defineColours()
        } else {
            line("% Compile with: pdflatex FILE.tex  (needs only amsmath and amssymb).")
            line("\\usepackage{amsmath,amssymb}")
        }
        // 2.5 cm margins without the geometry package (the contract allows only amsmath and
        // amssymb): the lengths geometry's `margin=2.5cm` sets, and the PDF page size.
        line("\\setlength{\\textwidth}{\\paperwidth}\\addtolength{\\textwidth}{-5cm}")
        line("\\setlength{\\textheight}{\\paperheight}\\addtolength{\\textheight}{-5cm}")
        line("\\setlength{\\oddsidemargin}{2.5cm}\\addtolength{\\oddsidemargin}{-1in}")
        line("\\setlength{\\evensidemargin}{\\oddsidemargin}")
        line("\\setlength{\\topmargin}{2.5cm}\\addtolength{\\topmargin}{-1in}")
        line("\\addtolength{\\topmargin}{-\\headheight}\\addtolength{\\topmargin}{-\\headsep}")
        line(
            "\\ifdefined\\pdfpagewidth\\setlength{\\pdfpagewidth}{\\paperwidth}\\setlength{\\pdfpageheight}{\\paperheight}\\fi"
        )
        line("\\allowdisplaybreaks")
        // A third line-breaking pass with extra stretch before a line sticks into the margin
        // (long inline formulas with enclosures have few break points).
        line("\\setlength{\\emergencystretch}{3em}")
        line("\\begin{document}")
        line("\\section*{\(title)}")
        line("")
    }

    /// The network's name, escaped and otherwise as the user wrote it (no automatic
    /// capitalisation), or a generic title.
    var title: String {
        guard let name = network.name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            return "What the network computes"
        }
        let text = name
        return LaTeXEscaping.text(LaTeXEscaping.shortenDigitRuns(text, maxDigits: options.maxDigits))
    }

    /// Adds the notes the reader needs for what was just displayed: elision, shortening,
    /// interval notation. Each is said once, right after its first use.
    mutating func notes() {
        var sentences = [String]()
        if elided && !elisionNoted {
            elisionNoted = true
            sentences.append(
                "Matrices and vectors with more than \(options.maxMatrixDimension) rows or columns are shown by their first and last rows and columns ($\\cdots$, $\\vdots$ and $\\ddots$ mark the entries left out); the full matrices are in the JSON report (\\texttt{prove-collapse SPEC --format json})."
            )
        }
        if shortened && !shorteningNoted {
            shorteningNoted = true
            sentences.append(
                "Numbers longer than \(options.maxDigits) digits are shortened to their leading and trailing digits around $\\ldots$, and polynomials longer than \(options.maxTerms) terms to their first and last terms; every exact value is in the JSON report."
            )
        }
        if intervalNotationUsed && !intervalNotationNoted {
            intervalNotationNoted = true
            let example = firstEnclosure ?? "[\\mathit{lo}, \\mathit{hi}]"
            sentences.append(
                "An interval $[\\mathit{lo}, \\mathit{hi}]$ in place of a value is a rigorous enclosure of it, computed with directed (outward) rounding and printed with \(enclosureDigits) significant digits throughout this document, the lower bound rounded down and the upper bound rounded up: the exact value is inside. For example, the first one above, $\(example)$, says that the exact value lies between its two bounds."
            )
        }
        if !sentences.isEmpty {
            line("{\\small\\noindent\\emph{Note.} " + sentences.joined(separator: " ") + "\\par}")
            line("")
        }
    }
}
