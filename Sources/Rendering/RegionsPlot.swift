import ExactNumbers
import Algebra
import Collapse

/// An SVG picture of the linear regions of a two-input network: each region a polygon filled
/// with a colour determined by its affine map (regions with the same map share a colour), its
/// edges (the breakpoint lines) drawn in dark grey. Polygons are computed exactly
/// (`RegionPolygons`); only the final vertex coordinates become decimal text.
public enum RegionsPlot {
    /// The SVG document for the regions in the box [x0, x1] × [y0, y1].
    public static func svg(regions: [LinearRegion], box: (x0: Rational, x1: Rational, y0: Rational, y1: Rational),
                           inputNames: [String], title: String) -> String {
        let size = Rational(560), margin = Rational(40)
        let width = box.x1 - box.x0, height = box.y1 - box.y0
        let scale = size / Rational.max(width, height)
        let w = width * scale, h = height * scale
        func px(_ x: Rational) -> String { (margin + (x - box.x0) * scale).decimalText(digits: 2, roundingUp: false) }
        func py(_ y: Rational) -> String { (margin + (box.y1 - y) * scale).decimalText(digits: 2, roundingUp: false) }
        func text(_ r: Rational) -> String { (margin * 2 + r).decimalText(digits: 0, roundingUp: false) }
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(text(w))" height="\(text(h))" viewBox="0 0 \(text(w)) \(text(h))" font-family="sans-serif" font-size="12">
        <title>\(escape(title))</title>

        """
        for (k, region) in regions.enumerated() {
            let polygon = RegionPolygons.polygon(of: region, box: box)
            guard !polygon.isEmpty else { continue }
            let points = polygon.map { "\(px($0[0])),\(py($0[1]))" }.joined(separator: " ")
            let tip = "region \(k + 1): pattern \(region.pattern); " + mapSummary(region.map)
            out += "<polygon points=\"\(points)\" fill=\"\(colour(region.map))\" stroke=\"#333\" stroke-width=\"1\"><title>\(escape(tip))</title></polygon>\n"
        }
        let x = inputNames.first ?? "x1", y = inputNames.dropFirst().first ?? "x2"
        out += "<rect x=\"\(px(box.x0))\" y=\"\(py(box.y1))\" width=\"\(w.decimalText(digits: 2, roundingUp: false))\" height=\"\(h.decimalText(digits: 2, roundingUp: false))\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\"/>\n"
        out += "<text x=\"\(px(box.x0))\" y=\"\(text(h - margin + 16))\">\(escape(x)) from \(box.x0) to \(box.x1)</text>\n"
        out += "<text x=\"12\" y=\"\(py(box.y1))\" transform=\"rotate(-90 12 \(py(box.y1)))\" text-anchor=\"end\">\(escape(y)) from \(box.y0) to \(box.y1)</text>\n"
        out += "<text x=\"\(px(box.x0))\" y=\"24\">\(escape(title))</text>\n"
        out += "</svg>\n"
        return out
    }

    /// `y = [[1, 0]] x + [1/2]`.
    static func mapSummary(_ map: AffineMap<Rational>) -> String {
        "F(x) = \(map.weights) x + [\(map.bias.map(\.description).joined(separator: ", "))]"
    }

    /// A pastel colour from a stable hash (FNV-1a) of the map's exact text.
    static func colour(_ map: AffineMap<Rational>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in mapSummary(map).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hue = hash % 360, saturation = 45 + (hash >> 16) % 30, lightness = 62 + (hash >> 32) % 20
        return "hsl(\(hue), \(saturation)%, \(lightness)%)"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }
}
