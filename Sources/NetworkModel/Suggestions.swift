/// "Did you mean" suggestions for misspelt keys and activation names.
public enum Suggestions {
    /// The optimal-string-alignment distance between two strings: insertions, deletions,
    /// substitutions and transpositions of adjacent characters each cost 1
    /// (`wieghts` → `weights` is 1). Complexity O(|a|·|b|).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    best = min(best, previous2[j - 2] + 1)
                }
                current[j] = best
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }

    /// The candidate nearest to `word` (case-insensitively), if it is close enough to be a
    /// likely typo: at most a third of the candidate's length, and at least 1, edits away.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        var best: (name: String, distance: Int)? = nil
        let lowered = word.lowercased()
        for candidate in candidates {
            let d = distance(lowered, candidate)
            if d <= max(1, candidate.count / 3), best == nil || d < best!.distance {
                best = (candidate, d)
            }
        }
        return best?.name
    }

    /// `'a', 'b' or 'c'` for messages.
    static func list(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }
}
