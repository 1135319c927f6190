#!/usr/bin/env python3
"""Symbolic chains: prove-collapse (collapse-bench --spec) vs SymPy Matrix + expand and
python-flint fmpq_mpoly, on the same fully symbolic networks.

usage: bench_symbolic.py COLLAPSE_BENCH WORKDIR [--reps 3]

For n in 2..6 and L in 2..4, writes WORKDIR/symbolic-nN-LL.json: L dense n x n layers, every
weight w{l}_{i}_{j} and bias b{l}_{i} a symbol, identity activations. Each tool composes
M = W_l M, c = W_l c + b_l (left to right) and expands every entry; medians of --reps, in
seconds, collapse only (parsing not timed). SymPy's cache is cleared before each pass
(untimed), so repeated passes do not reuse the previous pass's expansions. Prints a Markdown table and the geometric means.
"""
import json
import math
import os
import statistics
import subprocess
import sys
import time


def names(n, L):
    W = [[[f"w{l}_{i}_{j}" for j in range(n)] for i in range(n)] for l in range(1, L + 1)]
    b = [[f"b{l}_{i}" for i in range(n)] for l in range(1, L + 1)]
    return W, b


def write_spec(path, n, L):
    W, b = names(n, L)
    spec = {"network": os.path.basename(path)[:-5], "input": n,
            "layers": [{"dense": {"weights": W[l], "bias": b[l]}} for l in range(L)]}
    with open(path, "w") as fh:
        json.dump(spec, fh)


def median_time(f, reps, before=None):
    out = []
    for _ in range(reps):
        if before:
            before()  # not timed
        t = time.perf_counter()
        f()
        out.append(time.perf_counter() - t)
    return statistics.median(out)


def sympy_chain(n, L):
    import sympy
    W, b = names(n, L)
    Ws = [sympy.Matrix([[sympy.Symbol(s) for s in row] for row in Wl]) for Wl in W]
    bs = [sympy.Matrix([sympy.Symbol(s) for s in bl]) for bl in b]

    def run():
        M, c = Ws[0], bs[0]
        for Wl, bl in zip(Ws[1:], bs[1:]):
            M = (Wl * M).applyfunc(sympy.expand)
            c = (Wl * c + bl).applyfunc(sympy.expand)
        return M, c
    return run


def flint_chain(n, L):
    import flint
    W, b = names(n, L)
    allnames = tuple(s for Wl in W for row in Wl for s in row) + tuple(s for bl in b for s in bl)
    ctx = flint.fmpq_mpoly_ctx.get(allnames, "lex")
    g = dict(zip(allnames, ctx.gens()))
    Ws = [[[g[s] for s in row] for row in Wl] for Wl in W]
    bs = [[g[s] for s in bl] for bl in b]

    def run():
        M, c = Ws[0], bs[0]
        for Wl, bl in zip(Ws[1:], bs[1:]):
            M = [[sum((Wl[i][k] * M[k][j] for k in range(n)), ctx.from_dict({})) for j in range(n)] for i in range(n)]
            c = [sum((Wl[i][k] * c[k] for k in range(n)), bl[i]) for i in range(n)]
        return M, c
    return run


def ours(bench, path, reps):
    out = subprocess.run([bench, "--spec", path, "--reps", str(reps)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])["collapse_s_median"]


def main():
    bench, work = sys.argv[1], sys.argv[2]
    reps = int(sys.argv[sys.argv.index("--reps") + 1]) if "--reps" in sys.argv else 3
    os.makedirs(work, exist_ok=True)
    rows, r_sympy, r_flint = [], [], []
    print("| workload (n L) | ours | SymPy Matrix+expand | ratio ours/SymPy | python-flint fmpq_mpoly | ratio ours/flint |")
    print("|---|--:|--:|--:|--:|--:|")
    for n in range(2, 7):
        for L in range(2, 5):
            path = os.path.join(work, f"symbolic-n{n}-L{L}.json")
            write_spec(path, n, L)
            t_ours = ours(bench, path, reps)
            from sympy.core.cache import clear_cache  # a fresh run: no results cached from the last pass
            t_sympy = median_time(sympy_chain(n, L), reps, before=clear_cache)
            t_flint = median_time(flint_chain(n, L), reps)
            r_sympy.append(t_ours / t_sympy)
            r_flint.append(t_ours / t_flint)
            print(f"| symbolic {n} {L} | {t_ours:.4g} | {t_sympy:.4g} | {t_ours / t_sympy:.3f} | {t_flint:.4g} | {t_ours / t_flint:.2f} |")
    gm = lambda xs: math.exp(sum(map(math.log, xs)) / len(xs))
    print(f"\ngeometric mean ratio ours/SymPy: {gm(r_sympy):.3f} (worst {max(r_sympy):.3f}; target <= 0.1); "
          f"ours/fmpq_mpoly: {gm(r_flint):.2f} (worst {max(r_flint):.2f})")


if __name__ == "__main__":
    main()
