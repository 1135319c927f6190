import ExactNumbers
import Enclosures

/// The one place Collapse calls the Enclosures module: rigorous rational enclosures of the
/// transcendental activations over an interval of inputs.
enum TranscendentalEnclosures {
    static func sigmoid(_ i: RationalInterval, precision: Int) -> RationalInterval {
        Enclosure.sigmoid(i, precision: precision)
    }
    static func tanh(_ i: RationalInterval, precision: Int) -> RationalInterval {
        Enclosure.tanh(i, precision: precision)
    }
    static func arctan(_ i: RationalInterval, precision: Int) -> RationalInterval {
        Enclosure.arctan(i, precision: precision)
    }
    static func softplus(_ i: RationalInterval, precision: Int) -> RationalInterval {
        Enclosure.softplus(i, precision: precision)
    }
    static func silu(_ i: RationalInterval, precision: Int) -> RationalInterval {
        Enclosure.silu(i, precision: precision)
    }
    static func gelu(_ i: RationalInterval, precision: Int) -> RationalInterval {
        Enclosure.gelu(i, precision: precision)
    }
    static func elu(_ i: RationalInterval, alpha: Rational, precision: Int) -> RationalInterval {
        Enclosure.elu(i, alpha: alpha, precision: precision)
    }
    static func softmax(_ v: [RationalInterval], precision: Int) -> [RationalInterval] {
        Enclosure.softmax(v, precision: precision)
    }
}
