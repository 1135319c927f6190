public import ExactNumbers

extension ExactConstant {
    /// f(c) exactly, canonical: a rational where f(c) is one (σ(0) = 1/2, tanh(0) = arctan(0) =
    /// silu(0) = gelu(0) = elu(0) = 0, elu(c) = c for c > 0), otherwise an expression in atoms.
    ///
    /// The argument is moved to the side of its reflection where its leading coefficient is
    /// positive, by identities exact for every real t: σ(−t) = 1 − σ(t), tanh and arctan odd,
    /// softplus(−t) = softplus(t) − t, silu(−t) = silu(t) − t, gelu(−t) = gelu(t) − t. So σ(−1)
    /// is `1 - sigmoid(1)` and σ(1) + σ(−1) − 1 is 0 in canonical form.
    ///
    /// elu needs the sign of c: decided exactly for a rational, by enclosures otherwise
    /// (`sign(upTo:)`); nil when undecided.
    public static func applying(_ f: ConstantFunction, to c: ExactConstant) -> ExactConstant? {
        if c.isZero {
            switch f {
            case .sigmoid: return ExactConstant(Rational(1, 2))
            case .softplus: return ExactConstant(.function(.softplus, argument: c))
            default: return .zero
            }
        }
        if f == .elu {
            guard let s = c.sign() else { return nil }
            return s > 0 ? c : ExactConstant(.function(.elu, argument: c))
        }
        let negative = (c.polynomial.leadingTerm?.coefficient.signum ?? 0) < 0
        guard negative else { return ExactConstant(.function(f, argument: c)) }
        let reflected = ExactConstant(.function(f, argument: -c))
        switch f {
        case .sigmoid: return ExactConstant(.one) - reflected
        case .tanh, .arctan: return -reflected
        case .softplus, .silu, .gelu: return reflected + c
        case .elu: return nil  // handled above
        }
    }
}
