public import ExactNumbers
import Algebra
public import Collapse

/// SVG pictures of the linear regions of a piecewise-linear network, for a person.
///
/// Two inputs: each region a polygon in the box, numbered as in the `regions` listing,
/// filled with one colour per distinct affine map (a fixed palette of clearly different
/// colours), its edges (the breakpoint lines) drawn dark; axes with ticks and the input names;
/// a legend of the maps (letter, colour, formula, regions). One input: the graph of F over the
/// interval, one coloured line per output, with dashed vertical lines at the breakpoints.
/// Geometry is exact (`RegionPolygons`, rational intervals); only final coordinates become
/// decimal text.
public enum RegionsPlot {
    /// Clearly distinguishable fill colours (Tableau 10 and two more), in legend order.
    static let palette = [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
        "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#86bcb6", "#d37295",
    ]

    /// The colour of the k-th distinct map (cycling through the palette, then darker shades).
    static func colour(_ k: Int) -> String { palette[k % palette.count] }

    /// The plot of a two-input network's regions in the box [x0, x1] × [y0, y1]. `numbers[i]`
    /// is region i's number in the text listing.
    public static func svg(
        regions: [LinearRegion], numbers: [Int], box: (x0: Rational, x1: Rational, y0: Rational, y1: Rational),
        inputNames: [String], title: String
    ) -> String {
        let plot = 480.0, left = 70.0, top = 50.0
        let (xs, ys) = (box.x1 - box.x0, box.y1 - box.y0)
        func px(_ x: Rational) -> Double { left + ((x - box.x0) / xs).approximation * plot }
        func py(_ y: Rational) -> Double { top + ((box.y1 - y) / ys).approximation * plot }
        let maps = distinctMaps(regions, numbers: numbers)
        let legendLines = maps.count * 2
        let height = max(top + plot + 60, top + 40 + Double(legendLines) * 16)
        var out = header(width: left + plot + 520, height: height, title: title)
        for (i, region) in regions.enumerated() {
            let polygon = RegionPolygons.polygon(of: region, box: box)
            guard !polygon.isEmpty else { continue }
            let points = polygon.map { "\(f(px($0[0]))),\(f(py($0[1])))" }.joined(separator: " ")
            let k = maps.firstIndex { $0.map == region.map } ?? 0
            out +=
                "<polygon points=\"\(points)\" fill=\"\(colour(k))\" fill-opacity=\"0.6\" stroke=\"#222\" stroke-width=\"1.2\" stroke-linejoin=\"round\"><title>region \(numbers[i]): pattern \(region.pattern); map \(letter(k))</title></polygon>\n"
        }
        // Region numbers at the vertex centroid (inside: the polygons are convex).
        for (i, region) in regions.enumerated() {
            let polygon = RegionPolygons.polygon(of: region, box: box)
            guard !polygon.isEmpty else { continue }
            let cx = polygon.map { px($0[0]) }.reduce(0, +) / Double(polygon.count)
            let cy = polygon.map { py($0[1]) }.reduce(0, +) / Double(polygon.count)
            out +=
                "<text x=\"\(f(cx))\" y=\"\(f(cy + 5))\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"#111\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">\(numbers[i])</text>\n"
        }
        out += frame(left: left, top: top, width: plot, height: plot)
        out += xAxis(lo: box.x0, hi: box.x1, left: left, width: plot, y: top + plot, label: inputNames.first ?? "x1")
        out += yAxis(
            lo: box.y0, hi: box.y1, top: top, height: plot, x: left, label: inputNames.dropFirst().first ?? "x2")
        out += legend(maps, x: left + plot + 30, y: top, names: inputNames)
        out += "</svg>\n"
        return out
    }

    /// The graph of a one-input network over [lo, hi]: each output a line, breakpoints
    /// dashed, region numbers (as in the listing) along the bottom.
    public static func graphSVG(
        regions: [LinearRegion], numbers: [Int], interval: (lo: Rational, hi: Rational),
        inputName: String, title: String
    ) -> String {
        let width = 560.0, height = 360.0, left = 70.0, top = 50.0
        // The pieces inside the interval: [a, b] with the map, or a single point (a jump).
        var pieces: [(a: Rational, b: Rational, region: Int)] = []
        for (i, region) in regions.enumerated() {
            guard let (a, b) = interval1D(region, lo: interval.lo, hi: interval.hi) else { continue }
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
        let xs = interval.hi - interval.lo, ys = yHi - yLo
        func px(_ x: Rational) -> Double { left + ((x - interval.lo) / xs).approximation * width }
        func py(_ y: Rational) -> Double { top + ((yHi - y) / ys).approximation * height }
        var out = header(width: left + width + 220, height: top + height + 60, title: title)
        out += frame(left: left, top: top, width: width, height: height)
        // Breakpoints: the ends of pieces strictly inside the interval.
        let breakpoints = Set(pieces.flatMap { [$0.a, $0.b] }).filter { $0 > interval.lo && $0 < interval.hi }.sorted()
        for t in breakpoints {
            out +=
                "<line x1=\"\(f(px(t)))\" y1=\"\(f(top))\" x2=\"\(f(px(t)))\" y2=\"\(f(top + height))\" stroke=\"#888\" stroke-dasharray=\"5,4\"/>\n"
            out +=
                "<text x=\"\(f(px(t)))\" y=\"\(f(top - 6))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">\(escape(inputName)) = \(t)</text>\n"
        }
        if yLo < 0 && yHi > 0 {
            out +=
                "<line x1=\"\(f(left))\" y1=\"\(f(py(.zero)))\" x2=\"\(f(left + width))\" y2=\"\(f(py(.zero)))\" stroke=\"#bbb\"/>\n"
        }
        for piece in pieces {
            let map = regions[piece.region].map
            let fa = map.apply([piece.a]), fb = map.apply([piece.b])
            for o in 0..<outputs {
                if piece.a == piece.b {
                    out +=
                        "<circle cx=\"\(f(px(piece.a)))\" cy=\"\(f(py(fa[o])))\" r=\"4\" fill=\"\(colour(o))\" stroke=\"#222\"/>\n"
                } else {
                    out +=
                        "<line x1=\"\(f(px(piece.a)))\" y1=\"\(f(py(fa[o])))\" x2=\"\(f(px(piece.b)))\" y2=\"\(f(py(fb[o])))\" stroke=\"\(colour(o))\" stroke-width=\"3\" stroke-linecap=\"round\"/>\n"
                }
            }
            if piece.a != piece.b {
                let mid = (px(piece.a) + px(piece.b)) / 2
                out +=
                    "<text x=\"\(f(mid))\" y=\"\(f(top + height - 8))\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" fill=\"#111\">\(numbers[piece.region])</text>\n"
            }
        }
        out += xAxis(lo: interval.lo, hi: interval.hi, left: left, width: width, y: top + height, label: inputName)
        out += yAxis(lo: yLo, hi: yHi, top: top, height: height, x: left, label: "F(\(inputName))")
        var y = top + 10
        out += "<text x=\"\(f(left + width + 30))\" y=\"\(f(y))\" font-weight=\"bold\">outputs</text>\n"
        for o in 0..<outputs {
            y += 20
            out +=
                "<line x1=\"\(f(left + width + 30))\" y1=\"\(f(y - 4))\" x2=\"\(f(left + width + 60))\" y2=\"\(f(y - 4))\" stroke=\"\(colour(o))\" stroke-width=\"3\"/>\n"
            out += "<text x=\"\(f(left + width + 68))\" y=\"\(f(y))\">\(outputs == 1 ? "y" : "y\(o + 1)")</text>\n"
        }
        y += 30
        out += "<text x=\"\(f(left + width + 30))\" y=\"\(f(y))\" fill=\"#555\">dashed: breakpoints</text>\n"
        out += "<text x=\"\(f(left + width + 30))\" y=\"\(f(y + 18))\" fill=\"#555\">bold numbers: regions</text>\n"
        out += "</svg>\n"
        return out
    }

    /// The number of each region of `inBox` (regions enumerated inside the plot's box) as in
    /// `listing` (the listing's order, matched by activation pattern), and numbers after the
    /// listing's for regions it does not contain.
    public static func numbers(listing: [LinearRegion], inBox: [LinearRegion]) -> [Int] {
        FigureRegions.numbers(listing: listing, inBox: inBox)
    }

    /// The box constraints of a plot: x0 < x < x1 (and y0 < y < y1 with two inputs).
    public static func boxConstraints(_ b: (x0: Rational, x1: Rational, y0: Rational, y1: Rational), inputs: Int)
        -> [LinearConstraint]
    {
        PlotBox(x0: b.x0, x1: b.x1, y0: b.y0, y1: b.y1).constraints(inputs: inputs)
    }

    /// The interval [a, b] of a one-input region inside [lo, hi], or nil when they do not
    /// meet in more than... a point that is not the region itself.
    static func interval1D(_ region: LinearRegion, lo: Rational, hi: Rational) -> (Rational, Rational)? {
        var a = lo, b = hi
        for c in region.constraints {
            let k = c.coefficients[0]
            guard !k.isZero else { continue }
            let t = c.bound / k
            switch c.relation {
            case .equal: a = Rational.max(a, t); b = Rational.min(b, t)
            case .less, .lessOrEqual: if k.signum > 0 { b = Rational.min(b, t) } else { a = Rational.max(a, t) }
            }
        }
        guard a <= b else { return nil }
        if a == b && region.isFullDimensional { return nil }
        return (a, b)
    }

    /// The distinct maps in order of first appearance by region number, with their regions.
    static func distinctMaps(_ regions: [LinearRegion], numbers: [Int]) -> [(map: AffineMap<Rational>, regions: [Int])]
    {
        var result: [(map: AffineMap<Rational>, regions: [Int])] = []
        for i in regions.indices.sorted(by: { numbers[$0] < numbers[$1] }) where regions[i].isFullDimensional {
            if let k = result.firstIndex(where: { $0.map == regions[i].map }) {
                result[k].regions.append(numbers[i])
            } else {
                result.append((regions[i].map, [numbers[i]]))
            }
        }
        return result
    }

    /// A, B, …, Z, then A2, B2, ….
    static func letter(_ k: Int) -> String {
        let base = String(UnicodeScalar(UInt8(65 + k % 26)))
        return k < 26 ? base : base + "\(k / 26 + 1)"
    }

    static func legend(_ maps: [(map: AffineMap<Rational>, regions: [Int])], x: Double, y: Double, names: [String])
        -> String
    {
        var out = "<text x=\"\(f(x))\" y=\"\(f(y + 4))\" font-weight=\"bold\">affine maps (one colour each)</text>\n"
        var line = y + 26
        for (k, entry) in maps.enumerated() {
            out +=
                "<rect x=\"\(f(x))\" y=\"\(f(line - 12))\" width=\"16\" height=\"16\" fill=\"\(colour(k))\" fill-opacity=\"0.6\" stroke=\"#222\"/>\n"
            let formula = RegionsReport.mapLines(entry.map, names: names).joined(separator: ", ")
            let shown = formula.count > 64 ? String(formula.prefix(63)) + "…" : formula
            out += "<text x=\"\(f(x + 24))\" y=\"\(f(line + 1))\">\(letter(k)): \(escape(shown))</text>\n"
            let list =
                entry.regions.count > 12
                ? entry.regions.prefix(12).map(String.init).joined(separator: ", ") + ", …"
                : entry.regions.map(String.init).joined(separator: ", ")
            out +=
                "<text x=\"\(f(x + 24))\" y=\"\(f(line + 16))\" font-size=\"11\" fill=\"#555\">region\(entry.regions.count == 1 ? "" : "s") \(list)</text>\n"
            line += 38
        }
        return out
    }

    static func header(width: Double, height: Double, title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="13">
        <title>\(escape(title))</title>
        <rect width="100%" height="100%" fill="#fff"/>
        <text x="20" y="26" font-size="15" font-weight="bold">\(escape(title))</text>

        """
    }

    static func frame(left: Double, top: Double, width: Double, height: Double) -> String {
        "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\"/>\n"
    }

    static func xAxis(lo: Rational, hi: Rational, left: Double, width: Double, y: Double, label: String) -> String {
        var out = ""
        for t in ticks(lo, hi) {
            let x = left + ((t - lo) / (hi - lo)).approximation * width
            out += "<line x1=\"\(f(x))\" y1=\"\(f(y))\" x2=\"\(f(x))\" y2=\"\(f(y + 6))\" stroke=\"#000\"/>\n"
            out +=
                "<text x=\"\(f(x))\" y=\"\(f(y + 20))\" text-anchor=\"middle\" font-size=\"12\">\(tickText(t))</text>\n"
        }
        out +=
            "<text x=\"\(f(left + width / 2))\" y=\"\(f(y + 42))\" text-anchor=\"middle\" font-style=\"italic\">\(escape(label))</text>\n"
        return out
    }

    static func yAxis(lo: Rational, hi: Rational, top: Double, height: Double, x: Double, label: String) -> String {
        var out = ""
        for t in ticks(lo, hi) {
            let y = top + ((hi - t) / (hi - lo)).approximation * height
            out += "<line x1=\"\(f(x - 6))\" y1=\"\(f(y))\" x2=\"\(f(x))\" y2=\"\(f(y))\" stroke=\"#000\"/>\n"
            out +=
                "<text x=\"\(f(x - 9))\" y=\"\(f(y + 4))\" text-anchor=\"end\" font-size=\"12\">\(tickText(t))</text>\n"
        }
        let cy = top + height / 2
        out +=
            "<text x=\"\(f(x - 50))\" y=\"\(f(cy))\" text-anchor=\"middle\" font-style=\"italic\" transform=\"rotate(-90 \(f(x - 50)) \(f(cy)))\">\(escape(label))</text>\n"
        return out
    }

    /// Tick values k·step in [lo, hi], step 1, 2 or 5 times a power of ten, at most ~8 ticks.
    static func ticks(_ lo: Rational, _ hi: Rational) -> [Rational] {
        let range = hi - lo
        var step = Rational(1)
        while range / step > 8 { step = step * 10 }
        while range / step < 4 { step = step / 10 }
        for factor in [Rational(1), Rational(2), Rational(5), Rational(10)] where range / (step * factor) <= 8 {
            step = step * factor
            break
        }
        var t = Rational((lo / step).ceiling) * step
        var result: [Rational] = []
        while t <= hi { result.append(t); t += step }
        return result
    }

    /// A tick label: the exact value as a short decimal when it has one, else p/q.
    static func tickText(_ t: Rational) -> String {
        if t.isInteger { return t.description }
        for digits in 1...4 {
            let text = t.decimalText(digits: digits, roundingUp: false)
            if Rational.parseOrNil(text) == t { return text }
        }
        return t.description
    }

    /// A coordinate with two decimals.
    static func f(_ x: Double) -> String {
        let scaled = (x * 100).rounded() / 100
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}

extension Rational {
    /// A double near the value, for plot coordinates only (never on the proof path).
    var approximation: Double {
        let scaled = (self * Rational(1 << 20)).floor
        guard let n = scaled.exactInt else { return signum < 0 ? -1e9 : 1e9 }
        return Double(n) / Double(1 << 20)
    }

    /// `parse`, nil on failure.
    static func parseOrNil(_ text: String) -> Rational? { try? Rational.parse(text) }
}
