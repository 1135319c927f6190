@testable import Algebra
@testable import ExactNumbers
import Testing
import TestSupport

/// The interning registry of constant atoms (`ConstantAtom.registry`): one entry per name, kept
/// from the first registration, and the atom read back equal to the atom built.
@Suite struct ConstantAtomRegistryTests {
    /// Square-free radicands no other test uses (products of two primes above 10^6).
    static let radicands: [BigInt] = [1_000_003 * 1_000_033, 1_000_037 * 1_000_039, 1_000_081 * 1_000_099].map {
        BigInt($0)
    }

    @Test func rebuildingAnAtomKeepsItsFirstEntry() throws {
        let atoms = Self.radicands.map { ConstantAtom.squareRoot($0) }
        let first = atoms.map { $0.symbol }
        let stored = try atoms.map { atom in
            try #require(ConstantAtom.entry(named: atom.name)?.radicand?.storage)
        }
        for _ in 0..<50 {
            for (n, atom) in zip(Self.radicands, atoms) {
                // Built anew each time (a fresh GMP integer), through both public routes.
                let again = ConstantAtom.squareRoot(n + BigInt(0))
                #expect(again.symbol == first[atoms.firstIndex(of: atom)!])
                #expect(ExactConstant.sqrt(Rational(n)) == ExactConstant(atom))
            }
        }
        for (atom, storage) in zip(atoms, stored) {
            // The entry is the first one: the same GMP integer object, not a later copy.
            #expect(ConstantAtom.entry(named: atom.name)?.radicand?.storage === storage)
        }
    }

    @Test func entriesReadBackTheAtomBuilt() throws {
        var rng = SplitMix64(seed: 1414)
        for _ in 0..<100 {
            let t = Rational(
                numerator: BigInt(Int(rng.next() % 2001) - 1000), denominator: BigInt(Int(rng.next() % 97) + 1))
            let f = ConstantFunction.allCases[Int(rng.next() % UInt64(ConstantFunction.allCases.count))]
            let n = Rational(Int(rng.next() % 100_000) + 2)
            // Atoms from the public constructors: f at t (when not rational) and √n's atom.
            var atoms: [ConstantAtom] = ExactConstant.sqrt(n).polynomial.symbols.compactMap { ConstantAtom.of($0) }
            if let value = ExactConstant.applying(f, to: ExactConstant(t)) {
                atoms += value.polynomial.symbols.compactMap { ConstantAtom.of($0) }
            }
            for atom in atoms {
                #expect(ConstantAtomEntry(atom).atom == atom)
                #expect(ConstantAtom.of(atom.symbol) == atom, "\(atom.name)")
                #expect(ConstantAtom.of(Symbol(atom.name))?.name == atom.name)
            }
        }
        #expect(ConstantAtom.of(Symbol("x")) == nil)
    }
}
