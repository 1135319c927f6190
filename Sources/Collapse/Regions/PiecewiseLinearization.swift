public import ExactNumbers
public import Algebra
public import NetworkModel

extension ActivationPiece {
    /// z = g·x + β above the piece's left end τ: −g·x < β − τ (nil when the piece starts at −∞).
    func lowerHalfSpace(_ g: [Rational], _ beta: Rational) -> LinearConstraint? {
        lower.map { LinearConstraint(g.map { -$0 }, .less, beta - $0) }
    }

    /// z = g·x + β below the piece's right end τ: g·x < τ − β (nil when the piece ends at +∞).
    func upperHalfSpace(_ g: [Rational], _ beta: Rational) -> LinearConstraint? {
        upper.map { LinearConstraint(g, .less, $0 - beta) }
    }

    /// z = g·x + β on a breakpoint piece's τ: g·x = τ − β.
    func breakpointHyperplane(_ g: [Rational], _ beta: Rational) -> LinearConstraint {
        LinearConstraint(g, .equal, lower! - beta)
    }

    /// Where z = g·x + β lies on the piece: the hyperplane of a breakpoint, or the half-spaces
    /// of an open interval's finite ends; normalised.
    func halfSpaces(_ g: [Rational], _ beta: Rational) -> [LinearConstraint] {
        if isBreakpoint { return [breakpointHyperplane(g, beta).normalized()] }
        return [lowerHalfSpace(g, beta), upperHalfSpace(g, beta)].compactMap { $0?.normalized() }
    }
}

extension AffineMap where Scalar == Rational {
    /// The layer's output map when unit u is on piece `pieces[u]`: row u becomes
    /// slope·(row u) + intercept. The linearisation of one piecewise-linear layer.
    func throughPieces(_ pieces: [ActivationPiece]) -> AffineMap<Rational> {
        var entries = [Rational]()
        entries.reserveCapacity(outputDimension * inputDimension)
        var bias = [Rational]()
        for (u, piece) in pieces.enumerated() {
            let row = weights.rowArray(u)
            if piece.slope.isOne {
                entries += row; bias.append(self.bias[u] + piece.intercept)
            } else if piece.slope.isZero {
                entries += row.map { _ in Rational.zero }; bias.append(piece.intercept)
            } else {
                entries += row.map { piece.slope * $0 }; bias.append(piece.slope * self.bias[u] + piece.intercept)
            }
        }
        return AffineMap(weights: Matrix(rows: outputDimension, columns: inputDimension, entries: entries), bias: bias)
    }
}

extension ActivationPattern {
    /// The linearisation of a numeric piecewise-linear network at this pattern: for every
    /// layer, the affine map from the input to that layer's output when each unit is on its
    /// pattern's piece (a layer without a split, or an affine one, on its single piece).
    /// Nil when a layer has symbolic weights or an activation without pieces.
    public func layerMaps(_ network: Network) -> [AffineMap<Rational>]? {
        var current = AffineMap<Rational>.identity(network.inputDimension)
        var result = [AffineMap<Rational>]()
        for (k, layer) in network.layers.enumerated() {
            if let dense = layer.dense {
                guard let m = dense.rationalMap else { return nil }
                current = m.composed(after: current)
            }
            guard let pieces = layer.activation.pieces else { return nil }
            let indices = k < self.pieces.count ? self.pieces[k] : []
            current = current.throughPieces(
                (0..<current.outputDimension).map { pieces[indices.isEmpty ? 0 : indices[$0]] })
            result.append(current)
        }
        return result
    }
}
