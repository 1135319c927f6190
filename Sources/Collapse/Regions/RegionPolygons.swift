public import ExactNumbers

/// Exact polygons of two-input regions, for pictures.
public enum RegionPolygons {
    /// The closure of a full-dimensional two-input region clipped to the box
    /// [x0, x1] × [y0, y1], as its vertices in counter-clockwise order (Sutherland–Hodgman
    /// clipping of the box by every condition, with exact rationals). Empty when the region
    /// misses the box or is lower-dimensional.
    public static func polygon(of region: LinearRegion, box: (x0: Rational, x1: Rational, y0: Rational, y1: Rational))
        -> [[Rational]]
    {
        guard region.point.count == 2, region.isFullDimensional else { return [] }
        var vertices = [[box.x0, box.y0], [box.x1, box.y0], [box.x1, box.y1], [box.x0, box.y1]]
        for c in region.constraints {
            vertices = clip(vertices, c.coefficients, c.bound)
            if vertices.isEmpty { break }
        }
        return vertices
    }

    /// The part of the polygon where a·p ≤ b.
    static func clip(_ polygon: [[Rational]], _ a: [Rational], _ b: Rational) -> [[Rational]] {
        var out = [[Rational]]()
        let value = { (p: [Rational]) in a[0] * p[0] + a[1] * p[1] - b }
        for (i, p) in polygon.enumerated() {
            let q = polygon[(i + 1) % polygon.count]
            let vp = value(p), vq = value(q)
            if vp.signum <= 0 { out.append(p) }
            if (vp.signum < 0 && vq.signum > 0) || (vp.signum > 0 && vq.signum < 0) {
                let t = vp / (vp - vq)
                out.append([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])])
            }
        }
        var cleaned = [[Rational]]()
        for p in out where cleaned.last != p { cleaned.append(p) }
        if cleaned.count > 1, cleaned.first == cleaned.last { cleaned.removeLast() }
        return cleaned.count >= 3 ? cleaned : []
    }
}
