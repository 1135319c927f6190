public import ExactNumbers
internal import Foundation

/// Labelled points for `separable` (contract §8): `points: [[0, 0], [0, 1], ...]` and
/// `labels: [0, 1, ...]` in YAML or JSON, numbers exact as in a spec.
public struct LabelledPoints: Hashable, Sendable {
    /// The points, all of one dimension.
    public var points: [[Rational]]
    /// One label per point, 0 or 1.
    public var labels: [Int]
    /// Where each point starts in its file.
    public var locations: [SourceLocation]

    /// Creates a set of labelled points (no checks: the reader checks files).
    public init(points: [[Rational]], labels: [Int], locations: [SourceLocation]? = nil) {
        self.points = points
        self.labels = labels
        self.locations = locations ?? points.map { _ in .unspecified }
    }

    /// The dimension of the points (0 when there are none).
    public var dimension: Int { points.first?.count ?? 0 }

    /// Reads a points file: `.json` as JSON, anything else as YAML. Every fault is one
    /// `SpecError` at its file, line and column: a missing or unknown key, a point whose
    /// length differs from the first one's, a label other than 0 or 1, as many labels as
    /// points.
    public static func read(path: String) throws(SpecError) -> LabelledPoints {
        let bytes = try SpecReader.contents(ofFile: path)
        let (root, _) = try SpecReader.document(bytes: bytes, file: path, format: SpecFormat(path: path))
        return try parse(root, file: path)
    }

    /// The labelled points of a parsed document.
    public static func parse(_ root: SpecNode, file: String) throws(SpecError) -> LabelledPoints {
        guard let entries = root.entries else {
            throw SpecError(
                "the document is \(root.shapeDescription); expected a mapping with keys 'points' and 'labels'",
                at: root.location)
        }
        var pointsNode: SpecNode? = nil, labelsNode: SpecNode? = nil
        for entry in entries {
            switch entry.key {
            case "points": pointsNode = entry.value
            case "labels": labelsNode = entry.value
            default:
                throw SpecError("unknown key '\(entry.key)'; expected 'points' and 'labels'", at: entry.keyLocation)
            }
        }
        guard let pointsNode else {
            throw SpecError(
                "missing key 'points'; expected a list of points such as [[0, 0], [0, 1]]", at: root.location)
        }
        guard let labelsNode else {
            throw SpecError("missing key 'labels'; expected a list of labels 0 or 1, one per point", at: root.location)
        }
        guard let pointNodes = pointsNode.elements else {
            throw SpecError(
                "'points' is \(pointsNode.shapeDescription); expected a list of points such as [[0, 0], [0, 1]]",
                at: pointsNode.location)
        }
        var points = [[Rational]](), locations = [SourceLocation]()
        for (k, node) in pointNodes.enumerated() {
            guard let coordinates = node.elements else {
                throw SpecError(
                    "point \(k + 1) is \(node.shapeDescription); expected a list of numbers such as [0, 1]",
                    at: node.location)
            }
            if let first = points.first, coordinates.count != first.count {
                throw SpecError(
                    "point \(k + 1) has \(coordinates.count) coordinate\(coordinates.count == 1 ? "" : "s"); expected \(first.count), as point 1 has",
                    at: node.location)
            }
            var point = [Rational]()
            for c in coordinates { point.append(try number(c, what: "a coordinate of point \(k + 1)")) }
            points.append(point)
            locations.append(node.location)
        }
        guard let labelNodes = labelsNode.elements else {
            throw SpecError(
                "'labels' is \(labelsNode.shapeDescription); expected a list of labels 0 or 1, one per point",
                at: labelsNode.location)
        }
        var labels = [Int]()
        for (k, node) in labelNodes.enumerated() {
            let value = try number(node, what: "label \(k + 1)")
            guard value.isZero || value.isOne else {
                throw SpecError("label \(k + 1) is \(value); expected 0 or 1", at: node.location)
            }
            labels.append(value.isOne ? 1 : 0)
        }
        guard labels.count == points.count else {
            throw SpecError(
                "there \(labels.count == 1 ? "is" : "are") \(labels.count) label\(labels.count == 1 ? "" : "s") for \(points.count) point\(points.count == 1 ? "" : "s"); expected one label per point",
                at: labelsNode.location)
        }
        return LabelledPoints(points: points, labels: labels, locations: locations)
    }

    /// An exact number (integer, fraction, decimal) from a scalar node.
    static func number(_ node: SpecNode, what: String) throws(SpecError) -> Rational {
        guard let scalar = node.scalar, !scalar.isNull, !scalar.isBoolean else {
            throw SpecError(
                "\(what) is \(node.shapeDescription); expected a number such as 1, -2, \"3/4\" or 0.5",
                at: node.location)
        }
        do {
            return try Rational.parse(scalar.text.trimmingCharacters(in: .whitespaces))
        } catch {
            throw SpecError(
                "\(what) '\(scalar.text)' is not a number: \(error.description); expected a number such as 1, -2, \"3/4\" or 0.5",
                at: node.location)
        }
    }
}
