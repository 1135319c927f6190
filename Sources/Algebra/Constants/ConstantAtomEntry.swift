import ExactNumbers

/// The interning registry's record of one `ConstantAtom`: its parts in separate optional
/// fields, so `atom` rebuilds exactly the atom that was stored (`ConstantAtomEntry(a).atom == a`).
///
/// Why not the enum value itself: Swift stores a multi-payload enum whose payloads are single
/// heap pointers (an `indirect` enum's boxes, or `squareRoot`'s `BigInt` storage) with the case
/// tag in the pointer's spare bits, so the second case's value is the address with bit 63 set
/// (measured: `0x8000_7b46_653e_0670` for a box at `0x7b46_653e_0670`). LeakSanitizer's
/// reachability scan does not recognise such a word as a pointer, so every `sqrt(n)` atom
/// alive in the process-long registry was reported as a direct leak at exit (24-byte boxes
/// from `ExactConstant.sqrt`, 248 over the test suite) although nothing was lost: overwritten
/// entries were released, and the live ones were still reachable through the tagged word. An
/// optional of a pointer uses the null value for `nil`, never spare bits, so every object an
/// entry holds is referenced by its plain address.
struct ConstantAtomEntry: Sendable {
    /// The function and its argument of a `.function` atom; nil for a square root.
    let function: ConstantFunction?
    let argument: ExactConstant?
    /// n of a `.squareRoot(n)` atom; nil for a function atom.
    let radicand: BigInt?

    init(_ atom: ConstantAtom) {
        switch atom {
        case .function(let f, let argument):
            (function, self.argument, radicand) = (f, argument, nil)
        case .squareRoot(let n):
            (function, argument, radicand) = (nil, nil, n)
        }
    }

    /// The atom recorded.
    var atom: ConstantAtom {
        if let function, let argument { return .function(function, argument: argument) }
        guard let radicand else { preconditionFailure("a ConstantAtomEntry holds one of the two cases") }
        return .squareRoot(radicand)
    }
}
