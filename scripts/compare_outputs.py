#!/usr/bin/env python3
"""Captures and compares what prove-collapse prints, for refactorings that must not change it.

    compare_outputs.py corpus BIN DIR     write the spec corpus into DIR/specs (deterministic)
    compare_outputs.py capture BIN DIR    run BIN on every spec in DIR/specs; outputs in DIR/out
    compare_outputs.py compare A B        byte-for-byte comparison of A/out and B/out

The corpus: Examples/*.yaml, Proofs/*/spec.yaml, and 240 random specs: 140 from
`prove-collapse random` (fixed seeds, every activation kind), 60 written here from a fixed
seed (mixed activations, activation-only layers, symbolic weights and parameters, polynomial
activations, single-unit softmax) and 40 with an input domain (contract §5: boxes, linear
constraints, lower-dimensional domains; piecewise-linear, polynomial, smooth and symbolic),
plus `DOMAIN_FIXED`, domain specs that reach every way of deciding on D (also run with
`--max-regions 4`). For each spec the capture keeps stdout, stderr and the exit
status of `SPEC`, `SPEC --format json`, `SPEC --latex -`, `SPEC --latex - --figures` and `regions SPEC --format json`, and, for
the examples and proofs, of `check SPEC --trials 20`.
"""
import os
import random
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Activations for `prove-collapse random --activation A` (a spec name or a YAML flow map).
RANDOM_ACTIVATIONS = [
    "identity", "linear", "none", "affine", "{affine: {slope: 2, intercept: -1}}",
    "{affine: {slope: 0, intercept: 3}}", "square", "{polynomial: [1, -2, 0, 1]}",
    "relu", "leaky_relu", "{leaky_relu: {alpha: 1/5}}", "hardtanh", "step", "sign", "abs",
    "sigmoid", "tanh", "arctan", "softplus", "silu", "gelu", "elu", "{elu: {alpha: 2}}",
    "softmax",
]

# Activations for the hand-made specs, as YAML values.
MIXED_ACTIVATIONS = [
    "identity", "relu", "abs", "leaky_relu", "hardtanh", "step", "sign", "square",
    "{affine: {slope: 3, intercept: 1/2}}", "{polynomial: [0, 1, 1]}", "sigmoid", "tanh",
    "softmax", "{leaky_relu: {alpha: -1}}", "{affine: {slope: 0, intercept: 0}}",
]
SYMBOLIC_ACTIVATIONS = [
    "identity", "{affine: {slope: a, intercept: c}}", "square", "{polynomial: [0, p, 1]}",
    "{polynomial: [q, 1]}", "relu", "tanh", "{leaky_relu: {alpha: al}}",
]


def scalar(rng, symbolic, name):
    if symbolic and rng.random() < 0.6:
        return name
    p, q = rng.randint(-4, 4), rng.randint(1, 3)
    return str(p) if q == 1 else f'"{p}/{q}"'


def spec_start(rng, title):
    """The input count n, the depth, and the spec's first lines (n drawn first, then the depth)."""
    n = rng.randint(1, 3)
    depth = rng.randint(1, 3)
    return n, depth, [f"network: {title}", f"input: {n}", "layers:"]


def hand_spec(rng, index):
    symbolic = index % 2 == 1
    n, depth, lines = spec_start(rng, f"hand-made {index}")
    width = n
    pool = SYMBOLIC_ACTIVATIONS if symbolic else MIXED_ACTIVATIONS
    for k in range(depth):
        if rng.random() < 0.15 and k > 0:
            lines.append(f"  - activation: {rng.choice(pool)}")
            continue
        out = 1 if (k == depth - 1 and rng.random() < 0.5) else rng.randint(1, 3)
        weights = [[scalar(rng, symbolic, f"w{k+1}_{i+1}{j+1}") for j in range(width)] for i in range(out)]
        bias = [scalar(rng, symbolic, f"b{k+1}_{i+1}") if rng.random() < 0.7 else "0" for i in range(out)]
        lines.append("  - dense:")
        lines.append("      weights: [" + ", ".join("[" + ", ".join(r) + "]" for r in weights) + "]")
        lines.append("      bias: [" + ", ".join(bias) + "]")
        lines.append(f"    activation: {rng.choice(pool)}")
        width = out
    return "\n".join(lines) + "\n"


DOMAIN_ACTIVATIONS = [
    "relu", "abs", "leaky_relu", "hardtanh", "step", "sign", "{leaky_relu: {alpha: -1}}",
    "square", "{polynomial: [0, 1, 1]}", "sigmoid", "tanh", "identity",
]


# Domain specs that reach every way of deciding on D (DomainFindings.Method): regions that
# collapse, the whole-space pipeline, the simplification on D, a polynomial on D's affine hull,
# the region limit, a midpoint witness, symbolic weights, a lower-dimensional D (bias folded).
DOMAIN_FIXED = [
    # regions, collapse: mirrored relu pairs, kinks inside the box
    """input: 2
layers:
  - dense: {weights: [[1, -1], [-1, 1], [2, 1], [-2, -1]], bias: [0, 0, "1/2", "-1/2"]}
    activation: relu
  - dense: {weights: [[1, -1, 3, -3]], bias: [1]}
domain:
  box: [[-1, 1], [-1, 1]]
""",
    # regions, not affine, with a constraint
    """input: 2
layers:
  - dense: {weights: [[1, 1], [1, -1]], bias: [0, 0]}
    activation: relu
  - dense: {weights: [[1, 2]]}
domain:
  box: [[-1, 1], [-1, 1]]
  constraints: ["x1 + x2 <= 1"]
""",
    # whole space: affine activations; and a polynomial that cancels
    """input: 2
layers:
  - dense: {weights: [[1, 2], [3, 4]], bias: [1, 1]}
    activation: {affine: {slope: 2, intercept: -1}}
  - dense: {weights: [[1, 1]]}
domain:
  box: [[0, 1], [0, 2]]
""",
    """input: 1
layers:
  - dense: {weights: [[1], [1]], bias: [0, 1]}
    activation: square
  - dense: {weights: [[1, -1]]}
domain:
  box: [[0, 3]]
""",
    # simplified on D: |x| − |x + 5| + 5 = 0 on D (both units stable), squared
    """input: 1
layers:
  - dense: {weights: [[1], [1]], bias: [0, 5]}
    activation: abs
  - dense: {weights: [[1, -1]], bias: [5]}
    activation: square
domain:
  box: [[1, 2]]
""",
    # whole space with an exact constant: tanh(1) from a unit with zero weights
    """input: 2
layers:
  - dense: {weights: [[1, 0], [0, 0]], bias: [0, 1]}
    activation: tanh
  - dense: {weights: [[0, 2]], bias: [1]}
domain:
  box: [[0, 1], [0, 1]]
""",
    """input: 1
layers:
  - dense: {weights: [[1], [1]], bias: [2, 0]}
    activation: abs
  - dense: {weights: [[1, 0]]}
    activation: sigmoid
  - dense: {weights: [[2]]}
domain:
  box: [["-1/2", 1]]
""",
    # polynomial on D's affine hull: x1^2 - x2^2 + 2 on x1 + x2 = 1
    """input: [x1, x2]
domain:
  box: [[-3, 3], [-3, 3]]
  constraints: ["x1 + x2 <= 1", "x1 + x2 >= 1"]
layers:
  - dense: {weights: [[1, 0], [0, 1]]}
    activation: square
  - dense: {weights: [[1, -1]], bias: [2]}
""",
    # a lower-dimensional D missing the origin: the bias is folded into W'
    """input: 2
layers:
  - dense: {weights: [[1, 1]], bias: [5]}
    activation: relu
  - dense: {weights: [[2]], bias: [1]}
domain:
  box: [[1, 1], [0, 2]]
""",
    # smooth, not affine on D: the midpoint witness search
    """input: 2
layers:
  - dense: {weights: [[1, -1]], bias: [0]}
    activation: tanh
domain:
  box: [["-1/2", "1/2"], [0, 1]]
""",
    # symbolic weights on D
    """input: 1
layers:
  - dense: {weights: [[a]], bias: [b]}
    activation: relu
domain:
  box: [[0, 1]]
""",
    # the region limit on D (with --max-regions 4 in the capture, see below: 4 mirrored
    # pairs in 2 dimensions have more regions than that)
    """input: 2
layers:
  - dense: {weights: [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, -1], [1, -1], [-1, 1]], bias: ["1/3", "-1/3", "1/5", "-1/5", "1/7", "-1/7", "1/2", "-1/2"]}
    activation: relu
  - dense: {weights: [[1, -1, 2, -2, 3, -3, 1, -1]]}
domain:
  box: [[-1, 1], [-1, 1]]
""",
]


def domain_block(rng, n):
    """A `domain:` block for n inputs: a box (some sides a single point), maybe constraints."""
    box = []
    for i in range(n):
        lo = rng.randint(-3, 2)
        kind = rng.random()
        if kind < 0.15:
            hi = lo  # a lower-dimensional domain
        else:
            hi = lo + rng.randint(1, 3)
        box.append(f'["{lo}", "{hi}"]' if rng.random() < 0.5 else f"[{lo}, {hi}]")
    lines = ["domain:", "  box: [" + ", ".join(box) + "]"]
    if n >= 2 and rng.random() < 0.4:
        a, b = rng.randint(-2, 2) or 1, rng.randint(-2, 2)
        c = rng.randint(-1, 3)
        rows = [f'"{a}*x1 + {b}*x2 <= {c}"' if b >= 0 else f'"{a}*x1 - {-b}*x2 <= {c}"']
        if rng.random() < 0.3:  # a hyperplane: the domain is lower-dimensional
            rows.append(rows[0].replace("<=", ">="))
        lines.append("  constraints: [" + ", ".join(rows) + "]")
    return lines


def domain_spec(rng, index):
    symbolic = index % 8 == 7
    n, depth, lines = spec_start(rng, f"domain {index}")
    width = n
    for k in range(depth):
        out = 1 if k == depth - 1 else rng.randint(1, 3)
        weights = [[scalar(rng, symbolic and k == 0, f"w{k+1}_{i+1}{j+1}") for j in range(width)]
                   for i in range(out)]
        bias = [scalar(rng, False, "") for _ in range(out)]
        lines.append("  - dense:")
        lines.append("      weights: [" + ", ".join("[" + ", ".join(r) + "]" for r in weights) + "]")
        lines.append("      bias: [" + ", ".join(bias) + "]")
        if k < depth - 1 or rng.random() < 0.3:
            lines.append(f"    activation: {DOMAIN_ACTIVATIONS[(index + k) % len(DOMAIN_ACTIVATIONS)]}")
        width = out
    return "\n".join(lines + domain_block(rng, n)) + "\n"


def make_corpus(binary, directory):
    specs = os.path.join(directory, "specs")
    os.makedirs(specs, exist_ok=True)
    for name in sorted(os.listdir(os.path.join(ROOT, "Examples"))):
        if name.endswith((".yaml", ".yml", ".json")):
            shutil.copy(os.path.join(ROOT, "Examples", name), os.path.join(specs, "example-" + name))
    for name in sorted(os.listdir(os.path.join(ROOT, "Proofs"))):
        path = os.path.join(ROOT, "Proofs", name, "spec.yaml")
        if os.path.exists(path):
            shutil.copy(path, os.path.join(specs, f"proof-{name}.yaml"))
    count = 0
    for seed in range(1, 1000):
        if count == 140:
            break
        activation = RANDOM_ACTIVATIONS[count % len(RANDOM_ACTIVATIONS)]
        rng = random.Random(seed)
        layers, width, inputs = rng.randint(1, 3), rng.randint(1, 3), rng.randint(1, 3)
        extension = "json" if seed % 3 == 0 else "yaml"
        out = os.path.join(specs, f"random-{count:03d}.{extension}")
        subprocess.run([binary, "random", "--layers", str(layers), "--width", str(width),
                        "--inputs", str(inputs), "--activation", activation, "--seed", str(seed),
                        "--output", out], check=True)
        count += 1
    rng = random.Random(20261125)
    for index in range(60):
        with open(os.path.join(specs, f"hand-{index:03d}.yaml"), "w") as f:
            f.write(hand_spec(rng, index))
    rng = random.Random(20261126)
    for index in range(40):
        with open(os.path.join(specs, f"domain-{index:03d}.yaml"), "w") as f:
            f.write(domain_spec(rng, index))
    for index, text in enumerate(DOMAIN_FIXED):
        with open(os.path.join(specs, f"domain-fixed-{index:02d}.yaml"), "w") as f:
            f.write(text)


def run(binary, directory, arguments, target):
    # Deterministic hashing: some outputs (the order of affine_if) follow dictionary order.
    env = dict(os.environ, SWIFT_BACKTRACE="enable=no", SWIFT_DETERMINISTIC_HASHING="1")
    try:
        # From the capture's directory, with relative spec paths: messages naming the file
        # read the same in every capture.
        p = subprocess.run([binary] + arguments, capture_output=True, env=env, timeout=300, cwd=directory)
        stdout, stderr, status = p.stdout, p.stderr, str(p.returncode)
    except subprocess.TimeoutExpired:
        stdout, stderr, status = b"", b"", "timeout"
    with open(target + ".out", "wb") as f:
        f.write(stdout)
    with open(target + ".err", "wb") as f:
        f.write(stderr)
    with open(target + ".status", "w") as f:
        f.write(status + "\n")


def capture(binary, directory, jobs):
    directory = os.path.abspath(directory)
    specs = os.path.join(directory, "specs")
    out = os.path.join(directory, "out")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    tasks = []
    for name in sorted(os.listdir(specs)):
        spec = os.path.join("specs", name)
        base = os.path.join(out, name)
        tasks.append((spec, [spec], base + ".text"))
        tasks.append((spec, [spec, "--format", "json"], base + ".json"))
        tasks.append((spec, [spec, "--latex", "-"], base + ".latex"))
        tasks.append((spec, [spec, "--latex", "-", "--figures"], base + ".figures"))
        tasks.append((spec, ["regions", spec, "--format", "json", "--max-regions", "200"], base + ".regions"))
        if name.startswith("domain-fixed-"):
            tasks.append((spec, [spec, "--format", "json", "--max-regions", "4"], base + ".limited"))
        if name.startswith(("example-", "proof-")):
            tasks.append((spec, ["check", spec, "--trials", "20"], base + ".check"))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(lambda t: run(binary, directory, *t[1:]), tasks))
    print(f"captured {len(tasks)} runs of {len(os.listdir(specs))} specs into {out}")


def compare(a, b):
    a, b = os.path.join(a, "out"), os.path.join(b, "out")
    names = sorted(set(os.listdir(a)) | set(os.listdir(b)))
    differing = []
    for name in names:
        pa, pb = os.path.join(a, name), os.path.join(b, name)
        if not (os.path.exists(pa) and os.path.exists(pb)):
            differing.append(name + " (missing on one side)")
            continue
        with open(pa, "rb") as fa, open(pb, "rb") as fb:
            if fa.read() != fb.read():
                differing.append(name)
    for name in differing:
        print("differs:", name)
    print(f"{len(names)} files compared, {len(differing)} differ")
    return 1 if differing else 0


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("corpus", "capture", "compare"):
        print(__doc__, file=sys.stderr)
        return 2
    command = sys.argv[1]
    if command == "corpus":
        make_corpus(os.path.abspath(sys.argv[2]), sys.argv[3])
    elif command == "capture":
        capture(os.path.abspath(sys.argv[2]), sys.argv[3], int(os.environ.get("JOBS", "2")))
    else:
        return compare(sys.argv[2], sys.argv[3])
    return 0


if __name__ == "__main__":
    sys.exit(main())
