import Synchronization
public import ExactNumbers
public import Enclosures

/// A transcendental function of §1 whose value at an exact argument may be a named constant:
/// sigmoid, tanh, arctan, softplus, silu, gelu, and elu with alpha = 1 (elu with alpha a is
/// a·elu(t) at t <= 0, so `2*elu(-1)` is written with this atom).
public enum ConstantFunction: String, Sendable, Hashable, CaseIterable {
    case sigmoid, tanh, arctan, softplus, silu, gelu, elu

    /// The LaTeX operator: `\sigma`, `\tanh`, `\arctan`, `\operatorname{softplus}`, ...
    public var latex: String {
        switch self {
        case .sigmoid: return "\\sigma"
        case .tanh: return "\\tanh"
        case .arctan: return "\\arctan"
        default: return "\\operatorname{\(rawValue)}"
        }
    }

    /// A rigorous enclosure of f over `x` (MPFR, directed rounding; `Enclosures`).
    func enclosure(_ x: RationalInterval, precision: Int) -> RationalInterval {
        switch self {
        case .sigmoid: return Enclosure.sigmoid(x, precision: precision)
        case .tanh: return Enclosure.tanh(x, precision: precision)
        case .arctan: return Enclosure.arctan(x, precision: precision)
        case .softplus: return Enclosure.softplus(x, precision: precision)
        case .silu: return Enclosure.silu(x, precision: precision)
        case .gelu: return Enclosure.gelu(x, precision: precision)
        case .elu: return Enclosure.elu(x, alpha: .one, precision: precision)
        }
    }
}

/// A named real constant that is not (known to be) rational: an atom of `ExactConstant`.
///
/// - `function(f, argument)`: f at an exact argument (a canonical `ExactConstant`
///   expression); built only by `ExactConstant.applying`, which keeps the argument on the
///   canonical side (its leading coefficient positive for the functions with a reflection
///   identity, negative for elu) and never builds an atom whose value is rational (σ(0) = 1/2).
/// - `squareRoot(n)`: √n for an integer n >= 2 with no square factor found (`SquareFree`).
///
/// Every atom is interned as a reserved `Symbol` whose name is its plain form
/// (`sigmoid(1)`, `sigmoid(2*sigmoid(1) + 1)`, `sqrt(2)`): never an identifier, so it cannot
/// collide with a spec's symbol, and polynomials in such symbols carry the constants through
/// the existing exact algebra (`Polynomial`, `Matrix`, `AffineMap`) unchanged.
public enum ConstantAtom: Hashable, Sendable {
    case function(ConstantFunction, argument: ExactConstant)
    case squareRoot(BigInt)

    /// The plain form, also the symbol's name: `tanh(1/2)`, `sqrt(3)`.
    public var name: String {
        switch self {
        case .function(let f, let argument): return "\(f.rawValue)(\(argument.description))"
        case .squareRoot(let n): return "sqrt(\(n))"
        }
    }

    /// The LaTeX form: `\sigma(1)`, `\sqrt{2}`, `\tanh\bigl(\tfrac{1}{2}\bigr)` style operators
    /// with the argument in parentheses.
    public var latex: String {
        switch self {
        case .function(let f, let argument): return "\(f.latex)(\(argument.latex))"
        case .squareRoot(let n): return "\\sqrt{\(n)}"
        }
    }

    /// The interned symbol standing for this atom (registered on first use; later uses find
    /// the entry and leave it as it is).
    public var symbol: Symbol {
        let name = self.name
        ConstantAtom.registry.withLock { entries in
            if entries[name] == nil { entries[name] = ConstantAtomEntry(self) }
        }
        return Symbol(name)
    }

    /// The atom a symbol stands for; nil for every ordinary symbol (identifiers, inputs).
    public static func of(_ symbol: Symbol) -> ConstantAtom? {
        let name = symbol.name
        guard name.hasSuffix(")") else { return nil }
        return registry.withLock { $0[name] }?.atom
    }

    /// The registry's entry for `name`, if an atom of that name was registered.
    static func entry(named name: String) -> ConstantAtomEntry? { registry.withLock { $0[name] } }

    /// A rigorous enclosure of the atom's value at `precision` bits (the argument is enclosed
    /// first, with guard bits; the result is rounded outward to `precision` bits).
    public func enclosure(precision: Int) -> RationalInterval {
        switch self {
        case .function(let f, let argument):
            let x = argument.enclosure(precision: precision + 16)
            return Enclosure.outward(f.enclosure(x, precision: precision + 8), precision: precision)
        case .squareRoot(let n):
            return Enclosure.sqrt(Rational(n), precision: precision)
        }
    }

    /// Name → atom, for the life of the process. It stores `ConstantAtomEntry` records, not
    /// `ConstantAtom` values (see there).
    static let registry = Mutex([String: ConstantAtomEntry]())
}
