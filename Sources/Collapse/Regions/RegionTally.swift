public import ExactNumbers
public import Algebra

/// The counts of a region enumeration, kept without the regions (`regions --count`): the
/// full-dimensional and lower-dimensional regions and the distinct affine maps.
///
/// A map is remembered exactly, as one compact canonical byte string (each rational's
/// numerator and denominator as zig-zag varints when they fit a word, else their decimal
/// digits), so two maps share a key exactly when they are equal and the distinct count is
/// exact. About 100 bytes per distinct map of a few outputs; nothing else is kept per region.
public struct RegionTally: Sendable {
    /// Full-dimensional regions visited.
    public private(set) var full = 0
    /// Lower-dimensional regions visited.
    public private(set) var lower = 0
    private var maps = Set<[UInt8]>()

    /// No region yet.
    public init() {}

    /// Distinct affine maps among the regions counted.
    public var distinctMaps: Int { maps.count }

    /// Counts one region.
    public mutating func count(_ region: LinearRegion) {
        count(map: region.map, fullDimensional: region.isFullDimensional)
    }

    /// Counts one region with affine map `map`.
    public mutating func count(map: AffineMap<Rational>, fullDimensional: Bool) {
        if fullDimensional { full += 1 } else { lower += 1 }
        maps.insert(Self.key(map))
    }

    /// The canonical bytes of a map: its shape, then W row by row, then b.
    static func key(_ map: AffineMap<Rational>) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(2 * (map.outputDimension * (map.inputDimension + 1)) + 4)
        append(UInt64(map.outputDimension), to: &bytes)
        append(UInt64(map.inputDimension), to: &bytes)
        for value in map.weights.entries { append(value, to: &bytes) }
        for value in map.bias { append(value, to: &bytes) }
        return bytes
    }

    private static func append(_ value: Rational, to bytes: inout [UInt8]) {
        if let (p, q) = value.wordParts {
            bytes.append(0)
            append(UInt64(bitPattern: Int64((p << 1) ^ (p >> 63))), to: &bytes)
            append(UInt64(q), to: &bytes)
        } else {
            // A marker, the length, then the digits: unambiguous.
            let text = Array(value.description.utf8)
            bytes.append(1)
            append(UInt64(text.count), to: &bytes)
            bytes += text
        }
    }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7f) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
}
