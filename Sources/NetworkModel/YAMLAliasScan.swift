internal import CYaml

/// A pass over libyaml's event stream, before composing, that bounds what aliases expand to
/// (the "billion laughs" shape: aliases of lists of aliases).
///
/// An alias stands for a copy of its anchored node, so the expanded document can be
/// exponentially larger than the text, and composing it (or hashing an alias used as a
/// mapping key) would exhaust memory or time. The scan counts, for every anchor, the nodes
/// its expansion holds, and adds that count at each alias: O(events), no expansion. The
/// document is refused, at the alias where the total passes the limit, when the expanded
/// node count exceeds `limit(forNodes:)` of the text's own node count.
enum YAMLAliasScan {
    /// The most nodes an expanded document may hold: twice the written nodes, plus a million.
    static func limit(forNodes written: Int) -> Int { 1_000_000 + 2 * written }

    /// Throws a positioned `SpecError` when alias expansion passes the limit; returns quietly
    /// otherwise, and on malformed YAML (the composer reports that with its own position).
    static func check(_ text: String, file: String) throws(SpecError) {
        // Without both an anchor and an alias indicator there is nothing to expand.
        var hasStar = false, hasAmpersand = false
        for b in text.utf8 {
            if b == UInt8(ascii: "*") { hasStar = true } else if b == UInt8(ascii: "&") { hasAmpersand = true }
            if hasStar && hasAmpersand { break }
        }
        guard hasStar && hasAmpersand else { return }
        var utf8 = Array(text.utf8)
        if let failure = utf8.withUnsafeMutableBufferPointer({ scan($0) }) {
            throw SpecError(
                "YAML aliases expand to more than \(failure.limit) nodes (\(failure.expanded) and counting, from \(failure.written) written); expected a document whose aliases (*name) repeat less (no aliases of aliases of large lists)",
                at: SourceLocation(file: file, line: failure.line + 1, column: failure.column + 1))
        }
    }

    private struct Failure {
        let line: Int, column: Int, expanded: Int, written: Int, limit: Int
    }

    private struct Frame {
        var anchor: String?
        var nodes: Int
    }

    /// The first alias at which the expanded count passes the limit for the final written
    /// count; nil when within it or when libyaml stops on an error.
    private static func scan(_ bytes: UnsafeMutableBufferPointer<UInt8>) -> Failure? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var anchors: [String: Int] = [:]
        var stack: [Frame] = [Frame(anchor: nil, nodes: 0)]
        var written = 0, expanded = 0
        var aliasMarks: [(line: Int, column: Int, expandedAfter: Int)] = []
        func add(_ count: Int) {
            let (sum, overflow) = stack[stack.count - 1].nodes.addingReportingOverflow(count)
            stack[stack.count - 1].nodes = overflow ? Int.max : sum
        }
        func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                let limit = limit(forNodes: written)
                guard expanded > limit, let at = aliasMarks.first(where: { $0.expandedAfter > limit }) else {
                    return nil
                }
                return Failure(line: at.line, column: at.column, expanded: expanded, written: written, limit: limit)
            case YAML_SCALAR_EVENT:
                written += 1
                expanded = expanded == Int.max ? expanded : expanded + 1
                if let anchor = string(event.data.scalar.anchor) { anchors[anchor] = 1 }
                add(1)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                written += 1
                expanded = expanded == Int.max ? expanded : expanded + 1
                let anchor =
                    event.type == YAML_SEQUENCE_START_EVENT
                    ? string(event.data.sequence_start.anchor) : string(event.data.mapping_start.anchor)
                stack.append(Frame(anchor: anchor, nodes: 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                if let anchor = frame.anchor { anchors[anchor] = frame.nodes }
                add(frame.nodes)
            case YAML_ALIAS_EVENT:
                written += 1
                let size = string(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
                let (sum, overflow) = expanded.addingReportingOverflow(size)
                expanded = overflow ? Int.max : sum
                add(size)
                if aliasMarks.count < 4096 || expanded > limit(forNodes: written) {
                    aliasMarks.append((Int(event.start_mark.line), Int(event.start_mark.column), expanded))
                }
                // Far past any limit the final count could allow: stop now.
                if expanded > limit(forNodes: bytes.count) {
                    return Failure(
                        line: Int(event.start_mark.line), column: Int(event.start_mark.column),
                        expanded: expanded, written: written, limit: limit(forNodes: written))
                }
            default:
                break
            }
        }
    }
}
