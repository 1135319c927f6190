import Synchronization

/// The process-wide table of interned symbol names (internal): name → id and id → name, ids
/// 0, 1, 2, … in order of first use. Thread-safe (one `Mutex`); a name, once interned, keeps
/// its id for the life of the process, so ids can be compared and hashed in place of names.
///
/// Monomials keep their symbols sorted by id (any fixed order gives a canonical form); the
/// name order, which printing and `Monomial.<` use, is recovered from `ranks()`.
enum SymbolTable {
    struct State {
        var ids: [String: UInt32] = [:]
        var names: [String] = []
        /// rank[id] = the position of names[id] in increasing name order; stale (recomputed on
        /// demand) when its count differs from names.count.
        var ranks: [UInt32] = []
    }

    static let state = Mutex(State())

    /// The id of `name`, interning it on first use.
    static func intern(_ name: String) -> UInt32 {
        state.withLock { s in
            if let id = s.ids[name] { return id }
            precondition(s.names.count < Int(UInt32.max), "too many distinct symbols")
            let id = UInt32(s.names.count)
            s.ids[name] = id
            s.names.append(name)
            return id
        }
    }

    /// The names by id (a snapshot: ids interned later are not in it).
    static func names() -> [String] {
        state.withLock { $0.names }
    }

    /// The name of `id`.
    static func name(_ id: UInt32) -> String {
        state.withLock { $0.names[Int(id)] }
    }

    /// The name ranks by id (a snapshot): ranks[a] < ranks[b] exactly when names[a] < names[b].
    /// O(N log N) string comparisons when symbols were interned since the last call, else O(1).
    static func ranks() -> [UInt32] {
        state.withLock { s in
            if s.ranks.count != s.names.count {
                let names = s.names
                let order = names.indices.sorted { names[$0] < names[$1] }
                var ranks = [UInt32](repeating: 0, count: names.count)
                for (rank, id) in order.enumerated() { ranks[id] = UInt32(rank) }
                s.ranks = ranks
            }
            return s.ranks
        }
    }
}
