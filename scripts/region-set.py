#!/usr/bin/env python3
"""The standard region set: random ReLU networks for the region-enumeration benchmark.

Writes one spec per network into DIR (default: scripts/region-set/), named
`n{inputs}-w{width}-l{hidden layers}.yaml`: 2-4 inputs, hidden widths 4-16, 1-3 hidden relu
layers, one linear output. Weights and biases are p/q with p in -5..5 and q in 1..4 (as
collapse-bench's RandomNetwork), drawn from Python's `random.Random(seed)` with a fixed
seed per network, so the set is reproducible byte for byte. Also `acas-shape.yaml`: ACAS Xu's
shape (5 inputs, six 50-unit relu layers, 5 outputs) for a region-limited rate measurement.

    python3 scripts/region-set.py [DIR]
"""
import os
import random
import sys
from fractions import Fraction

# (inputs, width, hidden layers): chosen so that the set spans 2-4 inputs, widths 4-16 and
# 1-3 layers while the anchor finishes the whole set in a few minutes.
SHAPES = [
    (2, 8, 1), (2, 16, 1), (2, 8, 2), (2, 6, 3), (2, 8, 3),
    (3, 8, 1), (3, 16, 1), (3, 8, 2), (3, 6, 3),
    (4, 8, 1), (4, 12, 1), (4, 6, 2), (4, 8, 2), (4, 4, 3),
]


def rational(rng):
    return Fraction(rng.randint(-5, 5), rng.randint(1, 4))


def text(r):
    return str(r.numerator) if r.denominator == 1 else f'"{r.numerator}/{r.denominator}"'


def spec(n, width, depth, seed):
    rng = random.Random(seed)
    lines = [f"network: random relu {n}-{width}x{depth}-1 (seed {seed})",
             "input: [" + ", ".join(f"x{i + 1}" for i in range(n)) + "]", "layers:"]
    previous = n
    for k in range(depth + 1):
        out = width if k < depth else 1
        weights = [[rational(rng) for _ in range(previous)] for _ in range(out)]
        bias = [rational(rng) for _ in range(out)]
        lines.append("  - dense:")
        lines.append("      weights: [" + ", ".join("[" + ", ".join(map(text, row)) + "]" for row in weights) + "]")
        lines.append("      bias: [" + ", ".join(map(text, bias)) + "]")
        if k < depth:
            lines.append("    activation: relu")
        previous = out
    return "\n".join(lines) + "\n"


def acas_shape(seed=45050):
    """ACAS Xu's shape: 5 inputs, six hidden relu layers of 50, 5 outputs; weights p/16 with
    p in -8..8 and biases p/16 with p in -4..4 (dyadic, like a quantised trained network)."""
    rng = random.Random(seed)
    lines = [f"network: random relu 5-50x6-5, ACAS Xu's shape (seed {seed})",
             "input: [x1, x2, x3, x4, x5]", "layers:"]
    previous = 5
    for k in range(7):
        out = 50 if k < 6 else 5
        weights = [[Fraction(rng.randint(-8, 8), 16) for _ in range(previous)] for _ in range(out)]
        bias = [Fraction(rng.randint(-4, 4), 16) for _ in range(out)]
        lines.append("  - dense:")
        lines.append("      weights: [" + ", ".join("[" + ", ".join(map(text, row)) + "]" for row in weights) + "]")
        lines.append("      bias: [" + ", ".join(map(text, bias)) + "]")
        if k < 6:
            lines.append("    activation: relu")
        previous = out
    return "\n".join(lines) + "\n"


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "region-set")
    os.makedirs(out, exist_ok=True)
    for n, width, depth in SHAPES:
        seed = 1000 * n + 10 * width + depth
        with open(os.path.join(out, f"n{n}-w{width}-l{depth}.yaml"), "w") as f:
            f.write(spec(n, width, depth, seed))
    with open(os.path.join(out, "acas-shape.yaml"), "w") as f:
        f.write(acas_shape())


if __name__ == "__main__":
    main()
