import Algebra

/// Random argument lists for the start-up parsers' tests: a SPEC (mostly), then up to
/// `maxUnits` options with a value (sometimes missing) or bare words, shuffled, after `prefix`.
enum RandomArgumentLists {
    static func make(
        count: Int, seed: UInt64, prefix: [String] = [], values: [String: [String]], words: [String], maxUnits: Int
    ) -> [[String]] {
        let options = values.keys.sorted()
        var generator = SplitMix64(seed: seed)
        var lists = [[String]]()
        for _ in 0..<count {
            var units: [[String]] = Int.random(in: 0..<8, using: &generator) > 0 ? [["net.yaml"]] : []
            for _ in 0..<Int.random(in: 0...maxUnits, using: &generator) {
                if Int.random(in: 0..<4, using: &generator) == 0 {
                    units.append([words.randomElement(using: &generator)!])
                } else {
                    let option = options.randomElement(using: &generator)!
                    let value = values[option]!.randomElement(using: &generator)!
                    units.append(Int.random(in: 0..<12, using: &generator) > 0 ? [option, value] : [option])
                }
            }
            units.shuffle(using: &generator)
            lists.append(prefix + Array(units.joined()))
        }
        return lists
    }
}
