import ExactNumbers
import Algebra
import NetworkModel
import Collapse

/// The pictures of `--figures`: the content of the SVG region plot (`RegionsPlot`) drawn with
/// TikZ. Two inputs: one filled polygon per linear region in the box, one colour per distinct
/// affine map, the region edges (the breakpoint lines) drawn dark, each region numbered as
/// the document's case analysis numbers it ($R_k$; as `prove-collapse regions` lists them when
/// the document has no case analysis), axes with ticks and the input names, and a legend of
/// the maps. One input: the graph of F with dashed vertical lines at its breakpoints. The
/// geometry is exact (rational polygons and breakpoints); only the final coordinates in
/// centimetres become decimals.
extension LaTeXBuilder {
    /// Side of the square plot area, in cm.
    static let figureSize = 7.0
    /// The picture section (only with `options.figures`): typesets `derivation.figures`.
    mutating func figureSection() {
        guard options.figures, let figures = derivation.figures else { return }
        let inBox: [LinearRegion], numbers: [Int], box: PlotBox, caseAnalysis: Bool
        switch figures {
        case .unsupportedInputs(let n):
            noPicture(
                "the network has \(n) inputs, and pictures are drawn for networks with one input (the graph of $F$) or two (the regions)"
            )
            return
        case .notPiecewiseLinear:
            noPicture("the pictures show linear regions, which need numeric weights and piecewise-linear activations")
            return
        case .tooManyRegions(let limit):
            noPicture("the box holds more than \(limit) regions")
            return
        case .regions(let regions, let regionNumbers, let plotBox, let fromCaseAnalysis):
            (inBox, numbers, box, caseAnalysis) = (regions, regionNumbers, plotBox, fromCaseAnalysis)
        }
        let numbering =
            caseAnalysis
            ? "The regions are labelled $R_{k}$ as in the case analysis"
            : "The regions are numbered as \\texttt{prove-collapse regions SPEC} lists them"
        figureLabel = { caseAnalysis ? "$R_{\($0)}$" : "\($0)" }
        if network.inputDimension == 2 {
            regionPicture(inBox, numbers: numbers, box: (box.x0, box.x1, box.y0, box.y1), numbering: numbering)
        } else {
            graphPicture(inBox, numbers: numbers, interval: (box.x0, box.x1), numbering: numbering)
        }
    }

    /// The paragraph saying why no picture is drawn.
    mutating func noPicture(_ why: String) {
        line("\\paragraph{Picture.} No picture is drawn: \(why).")
        line("")
    }

    /// `\definecolor` lines for the palette (`pcmapA`, `pcmapB`, ...), in the preamble.
    mutating func defineColours() {
        for k in RegionsPlot.palette.indices {
            line("\\definecolor{\(colourName(k))}{HTML}{\(RegionsPlot.palette[k].dropFirst().uppercased())}")
        }
    }

    func colourName(_ k: Int) -> String { "pcmap" + String(UnicodeScalar(UInt8(65 + k % RegionsPlot.palette.count))) }

    /// The two-input picture: the regions in the box, numbered, with axes and the legend.
    mutating func regionPicture(
        _ regions: [LinearRegion], numbers: [Int], box: (x0: Rational, x1: Rational, y0: Rational, y1: Rational),
        numbering: String
    ) {
        let size = Self.figureSize
        func px(_ x: Rational) -> Double { ((x - box.x0) / (box.x1 - box.x0)).approximation * size }
        func py(_ y: Rational) -> Double { ((y - box.y0) / (box.y1 - box.y0)).approximation * size }
        let maps = RegionsPlot.distinctMaps(regions, numbers: numbers)
        let shown = regions.filter(\.isFullDimensional).count
        line(
            "\\paragraph{Picture.} The \(Self.count(shown)) linear region\(shown == 1 ? "" : "s") of $F$ in the box $[\(number(box.x0)), \(number(box.x1))] \\times [\(number(box.y0)), \(number(box.y1))]$, one colour per affine map; the dark edges are the breakpoint lines, where a unit changes piece. \(numbering)."
        )
        line("\\begin{center}")
        line("\\begin{tikzpicture}")
        var labels = [String]()
        for (i, region) in regions.enumerated() {
            let polygon = RegionPolygons.polygon(of: region, box: box)
            guard !polygon.isEmpty else { continue }
            let path = polygon.map { "(\(cm(px($0[0]))),\(cm(py($0[1]))))" }.joined(separator: " -- ") + " -- cycle"
            let k = maps.firstIndex { $0.map == region.map } ?? 0
            line(
                "  \\filldraw[fill=\(colourName(k)), fill opacity=0.6, draw=black!85, line width=0.6pt, line join=round] \(path);"
            )
            let cx = polygon.map { px($0[0]) }.reduce(0, +) / Double(polygon.count)
            let cy = polygon.map { py($0[1]) }.reduce(0, +) / Double(polygon.count)
            labels.append(
                "  \\node[font=\\small\\bfseries, fill=white, fill opacity=0.75, text opacity=1, inner sep=1.5pt, rounded corners=1pt] at (\(cm(cx)),\(cm(cy))) {\(figureLabel(numbers[i]))};"
            )
        }
        labels.forEach { line($0) }
        line("  \\draw[line width=0.8pt] (0,0) rectangle (\(cm(size)),\(cm(size)));")
        axisTicks(lo: box.x0, hi: box.x1, horizontal: true)
        axisTicks(lo: box.y0, hi: box.y1, horizontal: false)
        let names = network.inputNames.map(LaTeXEscaping.name)
        line("  \\node[below=6mm] at (\(cm(size / 2)),0) {$\(names.first ?? "x_{1}")$};")
        line("  \\node[rotate=90, above=8mm] at (0,\(cm(size / 2))) {$\(names.dropFirst().first ?? "x_{2}")$};")
        line("\\end{tikzpicture}")
        line("\\end{center}")
        mapLegend(maps)
        line("")
        notes()
    }

    /// Ticks with labels along the bottom (`horizontal`) or the left side of the plot.
    mutating func axisTicks(lo: Rational, hi: Rational, horizontal: Bool, length: Double = figureSize) {
        for t in RegionsPlot.ticks(lo, hi) {
            let p = cm(((t - lo) / (hi - lo)).approximation * length)
            if horizontal {
                line("  \\draw (\(p),0) -- (\(p),-0.12) node[below, font=\\footnotesize] {$\(number(t))$};")
            } else {
                line("  \\draw (0,\(p)) -- (-0.12,\(p)) node[left, font=\\footnotesize] {$\(number(t))$};")
            }
        }
    }

    /// The legend of the maps: colour, letter, the map, its regions.
    mutating func mapLegend(_ maps: [(map: AffineMap<Rational>, regions: [Int])]) {
        guard !maps.isEmpty else { return }
        line("\\begin{itemize}")
        for (k, entry) in maps.enumerated() {
            let swatch =
                "\\tikz[baseline=-0.6ex]\\filldraw[fill=\(colourName(k)), fill opacity=0.6, draw=black!85] (0,-0.15) rectangle (0.3,0.15);"
            let labels = entry.regions.prefix(12).map(figureLabel)
            let list = joinedList(labels) + (entry.regions.count > 12 ? " and \(entry.regions.count - 12) more" : "")
            let noun = labels.first?.hasPrefix("$") == true ? "" : (entry.regions.count == 1 ? "region " : "regions ")
            line(
                "  \\item[{\(swatch)}] \\textbf{\(RegionsPlot.letter(k))}: \(regionMapText(entry.map)) on \(noun)\(list)."
            )
        }
        line("\\end{itemize}")
    }

    /// The one-input picture: the graph of F over the interval, breakpoints dashed, the
    /// pieces numbered along the bottom.
    mutating func graphPicture(
        _ regions: [LinearRegion], numbers: [Int], interval: (lo: Rational, hi: Rational), numbering: String
    ) {
        var pieces: [(a: Rational, b: Rational, region: Int)] = []
        for (i, region) in regions.enumerated() {
            guard let (a, b) = RegionsPlot.interval1D(region, lo: interval.lo, hi: interval.hi) else { continue }
            pieces.append((a, b, i))
        }
        let outputs = regions.first?.map.outputDimension ?? 1
        var values: [Rational] = []
        for piece in pieces {
            let map = regions[piece.region].map
            values += map.apply([piece.a]) + map.apply([piece.b])
        }
        var yLo = values.min() ?? Rational(-1), yHi = values.max() ?? Rational(1)
        if yLo == yHi { yLo -= 1; yHi += 1 }
        let pad = (yHi - yLo) / Rational(10)
        yLo -= pad; yHi += pad
        let width = Self.figureSize * 1.4, height = Self.figureSize * 0.8
        func px(_ x: Rational) -> Double { ((x - interval.lo) / (interval.hi - interval.lo)).approximation * width }
        func py(_ y: Rational) -> Double { ((y - yLo) / (yHi - yLo)).approximation * height }
        let breakpoints = Set(pieces.flatMap { [$0.a, $0.b] }).filter { $0 > interval.lo && $0 < interval.hi }.sorted()
        let shown = pieces.filter { $0.a != $0.b }.count
        let input = LaTeXEscaping.name(network.inputNames[0])
        let breaks =
            breakpoints.isEmpty
            ? "it has no breakpoint there"
            : "dashed lines mark its breakpoint\(breakpoints.count == 1 ? "" : "s") "
                + joinedList(breakpoints.map { "$\(input) = \(number($0))$" })
        line(
            "\\paragraph{Picture.} The graph of $F$ on $[\(number(interval.lo)), \(number(interval.hi))]$: \(Self.count(shown)) linear piece\(shown == 1 ? "" : "s"); \(breaks). \(numbering)\(pieces.contains { $0.a == $0.b } ? "; a dot marks the value at a jump" : "")."
        )
        line("\\begin{center}")
        line("\\begin{tikzpicture}")
        line("  \\draw[line width=0.8pt] (0,0) rectangle (\(cm(width)),\(cm(height)));")
        if yLo < 0 && yHi > 0 { line("  \\draw[black!30] (0,\(cm(py(.zero)))) -- (\(cm(width)),\(cm(py(.zero))));") }
        for t in breakpoints {
            line("  \\draw[black!55, dashed] (\(cm(px(t))),0) -- (\(cm(px(t))),\(cm(height)));")
        }
        for piece in pieces {
            let map = regions[piece.region].map
            let fa = map.apply([piece.a]), fb = map.apply([piece.b])
            for o in 0..<outputs {
                if piece.a == piece.b {
                    line(
                        "  \\filldraw[fill=\(colourName(o)), draw=black] (\(cm(px(piece.a))),\(cm(py(fa[o])))) circle (2pt);"
                    )
                } else {
                    line(
                        "  \\draw[\(colourName(o)), line width=1.8pt, line cap=round] (\(cm(px(piece.a))),\(cm(py(fa[o])))) -- (\(cm(px(piece.b))),\(cm(py(fb[o]))));"
                    )
                }
            }
            if piece.a != piece.b {
                line(
                    "  \\node[font=\\small\\bfseries, above] at (\(cm((px(piece.a) + px(piece.b)) / 2)),0.05) {\(figureLabel(numbers[piece.region]))};"
                )
            }
        }
        axisTicks(lo: interval.lo, hi: interval.hi, horizontal: true, length: width)
        axisTicks(lo: yLo, hi: yHi, horizontal: false, length: height)
        line("  \\node[below=6mm] at (\(cm(width / 2)),0) {$\(input)$};")
        line("  \\node[rotate=90, above=8mm] at (0,\(cm(height / 2))) {$F(\(input))$};")
        if outputs > 1 {
            for o in 0..<outputs {
                let y = height - 0.4 - Double(o) * 0.5
                line(
                    "  \\draw[\(colourName(o)), line width=1.8pt] (\(cm(width + 0.4)),\(cm(y))) -- (\(cm(width + 1.0)),\(cm(y))) node[right, black] {$y_{\(o + 1)}$};"
                )
            }
        }
        line("\\end{tikzpicture}")
        line("\\end{center}")
        line("")
        notes()
    }

    /// A coordinate in cm with two decimals.
    func cm(_ x: Double) -> String { RegionsPlot.f(x) }
}
