import Collapse

extension JSONReport {
    /// `collapsed.enclosures` (contract §4), present when some entry of W' or b' is an exact
    /// constant that is not rational: `{"weights": [[row, column, {"lo", "hi"}], ...],
    /// "bias": [[index, {"lo", "hi"}], ...]}`, positions 0-based, every non-rational entry
    /// listed once in row-major order, each enclosure rigorous (MPFR, directed rounding).
    static func constantEnclosures(_ map: CollapsedMap, into writer: inout JSONWriter) {
        let enclosures = map.constantEnclosures()
        writer.key("enclosures")
        writer.beginObject()
        writer.key("weights")
        writer.beginArray()
        for entry in enclosures.weights {
            writer.beginArray()
            writer.int(entry.row); writer.int(entry.column); writer.exactValue(.enclosed(entry.enclosure))
            writer.endArray()
        }
        writer.endArray()
        writer.key("bias")
        writer.beginArray()
        for entry in enclosures.bias {
            writer.beginArray()
            writer.int(entry.index); writer.exactValue(.enclosed(entry.enclosure))
            writer.endArray()
        }
        writer.endArray()
        writer.endObject()
    }
}
