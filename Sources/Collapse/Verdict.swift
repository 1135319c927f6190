import ExactNumbers
import Algebra

/// What prove-collapse concluded about a network F, as in the contract's §3.
///
/// - `linear`: F(x) = W'x for every x (additivity and homogeneity hold for all x, y, c);
/// - `affine`: F(x) = W'x + b' with b' ≠ 0 (both identities fail, affinity holds);
/// - `notAffine`: no affine map equals F, proved by an exact witness;
/// - `unknown`: not decided, with a reason.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
    case linear
    case affine
    case notAffine = "not-affine"
    case unknown

    /// The contract's exit status: 0 collapses, 1 provably does not, 3 undecided.
    public var exitCode: Int32 {
        switch self {
        case .linear, .affine: return 0
        case .notAffine: return 1
        case .unknown: return 3
        }
    }

    /// Whether the network collapses to one affine map.
    public var collapses: Bool { self == .linear || self == .affine }
}
