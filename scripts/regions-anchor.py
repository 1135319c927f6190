#!/usr/bin/env python3
"""The anchor of `prove-collapse regions SPEC --count`: the same linear regions, found with
cddlib's exact (GMP rational) simplex through pycddlib (`pip install pycddlib pyyaml`; pycddlib
builds against Debian's libcdd-dev and libgmp-dev).

Counting semantics (the same as prove-collapse's, see docs/SPEC.md `regions`): a linear
region is a non-empty open set of inputs on which every relu unit is strictly on one side of
its breakpoint (the full-dimensional activation regions); a unit whose side is the same on the
whole parent region does not split it. Regions are found depth-first, unit by unit and layer
by layer: the parent region {a.x < b, ...} and the unit's pre-activation z(x) = g.x + beta
give the parts {z < 0} and {z > 0}; a part is non-empty when one of the parent's known
interior points lies in it, and otherwise exactly when cddlib's LP
    maximise t subject to a.x + t <= b (every condition), -sigma.(g.x + beta) + t <= 0, t <= 1
has an optimum t* > 0 (its optimal x is then a new interior point). Every number is an exact
rational (Python Fraction and cddlib's GMP arithmetic). Supports relu hidden layers and
identity/affine layers over the whole input space (no `domain:`), which is what the standard
region set (scripts/region-set.py) holds.

Prints one line per spec: `SPEC REGIONS DISTINCT_MAPS LPS SECONDS`.

    python3 scripts/regions-anchor.py SPEC...
"""
import sys
import time
from fractions import Fraction

import cdd
import cdd.gmp
import yaml


def rational(v):
    return Fraction(str(v))


def load(path):
    with open(path) as f:
        doc = yaml.safe_load(f)
    if doc.get("domain"):
        sys.exit(f"{path}: the anchor enumerates the whole input space; domains are not supported")
    n = len(doc["input"])
    layers = []
    for layer in doc["layers"]:
        dense = layer.get("dense")
        act = layer.get("activation", "identity")
        if act not in ("relu", "identity"):
            sys.exit(f"{path}: activation {act} is not supported by the anchor (relu or identity)")
        w = [[rational(x) for x in row] for row in dense["weights"]] if dense else None
        b = [rational(x) for x in dense.get("bias", [0] * len(w))] if dense else None
        layers.append((w, b, act == "relu"))
    return n, layers


class Anchor:
    def __init__(self, n, layers):
        self.n = n
        self.layers = layers
        self.lps = 0
        self.regions = 0
        self.maps = set()

    def lp_point(self, conditions):
        """An x with a.x < b for every (a, b), or None; one cddlib LP."""
        self.lps += 1
        rows = [[b] + [-c for c in a] + [Fraction(-1)] for a, b in conditions]
        rows.append([Fraction(1)] + [Fraction(0)] * self.n + [Fraction(-1)])
        m = cdd.gmp.matrix_from_array(rows, rep_type=cdd.RepType.INEQUALITY, obj_type=cdd.LPObjType.MAX,
                                      obj_func=[Fraction(0)] * (self.n + 1) + [Fraction(1)])
        lp = cdd.gmp.linprog_from_matrix(m)
        cdd.gmp.linprog_solve(lp)
        if lp.status != cdd.LPStatusType.OPTIMAL or lp.obj_value <= 0:
            return None
        return list(lp.primal_solution[:self.n])

    def run(self):
        identity = ([[Fraction(int(i == j)) for j in range(self.n)] for i in range(self.n)], [Fraction(0)] * self.n)
        self.enter([], [[Fraction(0)] * self.n], 0, identity)
        return self.regions, len(self.maps), self.lps

    def enter(self, conditions, points, l, current):
        if l == len(self.layers):
            self.regions += 1
            w, b = current
            self.maps.add((tuple(map(tuple, w)), tuple(b)))
            return
        lw, lb, relu = self.layers[l]
        cw, cb = current
        if lw is not None:
            pw = [[sum((lw[i][k] * cw[k][j] for k in range(len(cw))), Fraction(0)) for j in range(self.n)] for i in range(len(lw))]
            pb = [sum((lw[i][k] * cb[k] for k in range(len(cb))), Fraction(0)) + lb[i] for i in range(len(lw))]
        else:
            pw, pb = cw, cb
        if not relu:
            self.enter(conditions, points, l + 1, (pw, pb))
            return
        self.split(conditions, points, l, 0, (pw, pb), [])

    def split(self, conditions, points, l, u, pre, on):
        pw, pb = pre
        if u == len(pw):
            w = [row if s else [Fraction(0)] * self.n for row, s in zip(pw, on)]
            b = [v if s else Fraction(0) for v, s in zip(pb, on)]
            self.enter(conditions, points, l + 1, (w, b))
            return
        g, beta = pw[u], pb[u]
        if all(c == 0 for c in g):
            self.split(conditions, points, l, u + 1, pre, on + [beta > 0])
            return
        values = [sum((gi * xi for gi, xi in zip(g, p)), Fraction(0)) + beta for p in points]
        parts = []
        for sigma in (-1, 1):  # z < 0, then z > 0
            side = [p for p, v in zip(points, values) if sigma * v > 0]
            # sigma.z > 0: -sigma.g.x < sigma.beta (z < 0: g.x < -beta; z > 0: -g.x < beta).
            half = ([-sigma * c for c in g], sigma * beta)
            if not side:
                p = self.lp_point(conditions + [half])
                if p is None:
                    continue
                side = [p]
            parts.append((sigma, half, side))
        if len(parts) == 1:
            self.split(conditions, points, l, u + 1, pre, on + [parts[0][0] > 0])
            return
        for sigma, half, side in parts:
            self.split(conditions + [half], side[:8], l, u + 1, pre, on + [sigma > 0])


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for path in sys.argv[1:]:
        start = time.perf_counter()
        n, layers = load(path)
        regions, maps, lps = Anchor(n, layers).run()
        print(f"{path} {regions} {maps} {lps} {time.perf_counter() - start:.3f}", flush=True)


if __name__ == "__main__":
    main()
