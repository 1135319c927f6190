#!/usr/bin/env python3
"""Mutation fuzzer for prove-collapse (issue 14): every input must get an answer.

usage: fuzz.py --binary PATH [--cases N] [--seed S] [--timeout SECONDS] [--memory-mb MB]
               [--out DIR] [--jobs J] [--verbose]

Seeds: the bundled specs (Examples/*.yaml, Proofs/*/spec.yaml), each also converted to JSON,
and any model files in the repository (*.onnx, *.nnet). Each case mutates one seed:
byte flips, insertions and deletions, token mutations (numbers, identifiers, brackets),
deep nesting, huge numbers, invalid UTF-8, NUL bytes, YAML aliases (including "billion
laughs"), large powers and deep parentheses in expressions, deep networks; model files are
truncated and bit-flipped.

Each case runs the release binary as `BINARY FILE --format json --timeout T` under
`prlimit --as` (memory) and a hard kill after 3·T + 10 s plus 10 s per MB of input (--timeout
bounds the analysis and the printing of the report; reading exact numbers of millions of
digits is GMP work before the deadline starts, about 1 s per MB of digits: a 50 MB number
takes 25-43 s; the mutated 6 MB number of seed 14's case 39 takes 9 s alone and 37 s on a
loaded machine, so the margin per MB is wide: the hard kill catches hangs, not slowness).
A case FAILS on:
- a signal or abort (exit status >= 128 or negative), or a hard timeout;
- an exit status other than 0, 1, 2, 3;
- exit 2 without a position on standard error (`FILE:LINE:COLUMN` for specs; for model files
  a node, tensor or line mention), or with anything on standard output;
- exit 0, 1 or 3 whose standard output is not one JSON object with a `verdict`.
Failing inputs are kept in --out (default /tmp/prove-collapse-fuzz) with the command line.
Exit status: 0 all cases passed, 1 some failed. Deterministic for a given --seed.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import random
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def seeds():
    specs = sorted(glob.glob(os.path.join(ROOT, "Examples", "*.yaml")) +
                   glob.glob(os.path.join(ROOT, "Examples", "*.yml")) +
                   glob.glob(os.path.join(ROOT, "Examples", "*.json")) +
                   glob.glob(os.path.join(ROOT, "Proofs", "*", "spec.yaml")))
    models = sorted(p for ext in ("onnx", "nnet")
                    for p in glob.glob(os.path.join(ROOT, "**", f"*.{ext}"), recursive=True)
                    if "/.build" not in p)
    out = []
    for path in specs:
        with open(path, "rb") as fh:
            data = fh.read()
        out.append((".yaml" if path.endswith((".yaml", ".yml")) else ".json", data))
        if path.endswith((".yaml", ".yml")):
            try:
                import yaml  # optional: a JSON twin of each YAML seed
                out.append((".json", json.dumps(yaml.safe_load(data)).encode()))
            except Exception:
                pass
    for path in models:
        with open(path, "rb") as fh:
            out.append((os.path.splitext(path)[1], fh.read()))
    return out


# ---- mutations on specs (bytes in, bytes out) ----

NUMBERS = [b"0", b"-1", b"1e999999999", b"9" * 5000, b"\"1/0\"", b"\"3/-4\"", b"0.1", b"-2.5e-3",
           b"1e-999999", b"\"" + b"7" * 3000 + b"/" + b"3" * 3000 + b"\"", b"nan", b".inf", b"-.inf",
           b"0x10", b"1_000", b"\"\"", b"null", b"true", b"[]", b"{}", b"~"]
IDENTS = [b"w", b"x1", b"relu", b"sigmoid", b"softmax", b"input", b"layers", b"dense", b"weights",
          b"bias", b"activation", b"polynomial", b"\"(a+b+c+d)^1000\"", b"\"" + b"(" * 5000 + b"a" + b")" * 5000 + b"\"",
          b"\"a^1000*b^1000\"", b"\"((a^1000)^1000)^1000\"", b"\"" + b"-" * 20000 + b"a\""]


def flip_bytes(r, d):
    d = bytearray(d)
    for _ in range(r.randint(1, 8)):
        if d:
            d[r.randrange(len(d))] ^= 1 << r.randrange(8)
    return bytes(d)


def insert_bytes(r, d):
    i = r.randint(0, len(d))
    junk = r.choice([b"\x00", b"\xff\xfe", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
                     b"\xe2\x80\xa8", b"\xc2\x85", b"\r", b"\t", b"{", b"[", b"]", b"}", b":", b"-", b",",
                     b"&a ", b"*a", b"!!int ", b"%YAML 1.1\n", b"---\n", b"...\n", b"'", b"\"", b"#", b"?"])
    return d[:i] + junk * r.randint(1, 4) + d[i:]


def delete_bytes(r, d):
    if not d:
        return d
    i = r.randrange(len(d))
    return d[:i] + d[i + r.randint(1, 16):]


def token_mutation(r, d):
    tokens = re.findall(rb"-?[0-9][0-9./eE+-]*|[A-Za-z_][A-Za-z0-9_]*|\"[^\"\n]*\"", d)
    if not tokens:
        return insert_bytes(r, d)
    t = r.choice(tokens)
    new = r.choice(NUMBERS + IDENTS)
    return d.replace(t, new, r.choice([1, 1, 1, -1]) if d.count(t) > 1 else 1)


def deep_nesting(r, d, ext):
    depth = r.choice([300, 1100, 20000, 100000])
    if ext == ".json":
        s = b"[" * depth + b"1" + b"]" * depth
        return b"{\"input\": 1, \"layers\": [{\"dense\": {\"weights\": " + s + b"}}]}"
    kind = r.randint(0, 2)
    if kind == 0:
        s = b"[" * depth + b"1" + b"]" * depth
        return b"input: 1\nlayers:\n  - dense: {weights: " + s + b"}\n"
    if kind == 1:
        return b"input: 1\nlayers:\n  - dense:\n      weights: " + b"- " * min(depth, 5000) + b"1\n"
    return b"input: 1\nlayers:\n" + b"".join(b" " * i + b"- a:\n" for i in range(0, min(depth, 3000), 2))


def huge_number(r, d):
    digits = r.choice([10_000, 200_000, 2_000_000])
    n = b"9" * digits
    forms = [n, b"\"1/" + n + b"\"", b"1e" + n[:12], b"\"" + n + b"." + n + b"\"", b"-" + n]
    return re.sub(rb"(?<![A-Za-z0-9_])[0-9]+(?![A-Za-z0-9_])", lambda m: r.choice(forms) if r.random() < 0.2 else m.group(0), d, count=50)


def invalid_utf8(r, d):
    i = r.randint(0, len(d))
    return d[:i] + r.choice([b"\xff", b"\xc0\xaf", b"\xe0\x80\x80", b"\xed\xbf\xbf", b"\xf8\x88\x80\x80\x80", b"\x80"]) + d[i:]


def nul_bytes(r, d):
    i = r.randint(0, len(d))
    return d[:i] + b"\x00" * r.randint(1, 3) + d[i:]


def aliases(r, d, ext):
    kind = r.randint(0, 3)
    if kind == 0:  # billion laughs: aliases of aliases of lists
        lines = [b"a0: &a0 [1,1,1,1,1,1,1,1,1,1]"]
        for i in range(1, r.choice([6, 9, 12])):
            lines.append(b"a%d: &a%d [" % (i, i) + b",".join([b"*a%d" % (i - 1)] * 10) + b"]")
        last = len(lines) - 1
        tail = r.choice([b"input: 1\nlayers:\n  - dense: {weights: *a%d}\n" % last,
                         b"? *a%d\n: 1\ninput: 1\nlayers: [{activation: relu}]\n" % last,
                         b"input: *a%d\nlayers: []\n" % last])
        return b"\n".join(lines) + b"\n" + tail
    if kind == 1:  # an undefined alias
        return d.replace(b"weights:", b"weights: *nowhere\n  x:", 1)
    if kind == 2:  # anchors and aliases sprinkled over values
        return re.sub(rb"weights: ", b"weights: &w ", d, count=1).replace(b"bias: [", b"bias: *w\n  ignored: [", 1)
    return b"base: &b {dense: {weights: [[1]]}, activation: relu}\ninput: 1\nlayers: [" + b", ".join([b"*b"] * r.choice([10, 3000])) + b"]\n"


def expression_bomb(r, d):
    bombs = [b"\"(a + b + c + d + e + f)^300\"", b"\"(a*b + 1)^1000 * (c + d)^1000\"",
             b"\"((((x^1000)^1000)^1000)^1000)\"", b"\"" + b"(" * 300 + b"a" + b")" * 300 + b"\"",
             b"\"" + b"+".join(b"a%d" % i for i in range(3000)) + b"\"",
             b"\"(" + b"+".join(b"a%d" % i for i in range(50)) + b")^8\""]
    return re.sub(rb"(?<=[\[, ])-?[0-9]+(?=[,\]])", lambda m: r.choice(bombs) if r.random() < 0.3 else m.group(0), d, count=20)


def deep_network(r, d, ext):
    layers = r.choice([3000, 10000])
    act = r.choice([b"relu", b"identity", b"square", b"{polynomial: [0, 0, 0, 1]}", b"sigmoid", b"abs"])
    body = b"".join(b"  - dense: {weights: [[1]], bias: [0]}\n    activation: " + act + b"\n" for _ in range(layers))
    return b"input: 1\nlayers:\n" + body


def spec_mutation(r, ext, data):
    choice = r.randrange(12)
    if choice == 0:
        return ext, flip_bytes(r, data)
    if choice == 1:
        return ext, insert_bytes(r, data)
    if choice == 2:
        return ext, delete_bytes(r, data)
    if choice in (3, 4):
        out = data
        for _ in range(r.randint(1, 3)):
            out = token_mutation(r, out)
        return ext, out
    if choice == 5:
        return ext, deep_nesting(r, data, ext)
    if choice == 6:
        return ext, huge_number(r, data)
    if choice == 7:
        return ext, invalid_utf8(r, data)
    if choice == 8:
        return ext, nul_bytes(r, data)
    if choice == 9:
        return ".yaml", aliases(r, data, ext)
    if choice == 10:
        return ext, expression_bomb(r, data)
    return ".yaml", deep_network(r, data, ext)


def model_mutation(r, ext, data):
    if r.random() < 0.5:
        return ext, data[:r.randint(0, max(len(data) - 1, 0))]
    return ext, flip_bytes(r, data)


# ---- running ----

POSITION = re.compile(r"^[^\n]*:[0-9]+:[0-9]+: ", re.M)
# A model file's error names the place, or (when the bytes are not a protobuf at all) says that
# the whole file is not a valid model: there is no node or tensor to name then.
MODEL_PLACE = re.compile(r"node|tensor|line|initializer|input|output|opset|graph|not a valid ONNX model", re.I)


def judge(ext, rc, out, err):
    if rc is None:
        return "hard timeout (killed)"
    if rc < 0 or rc >= 128:
        return f"signal or abort (exit {rc})"
    if rc not in (0, 1, 2, 3):
        return f"unexpected exit status {rc}"
    text = err.decode("utf-8", "replace")
    if "Fatal error" in text or "Stack dump" in text or "Backtrace" in text:
        return "a crash report on standard error"
    if rc == 2:
        if out.strip():
            return "exit 2 with output on standard output"
        if ext in (".onnx", ".nnet"):
            if not (POSITION.search(text) or MODEL_PLACE.search(text)):
                return "exit 2 without a node/tensor/line"
        elif not POSITION.search(text):
            return "exit 2 without FILE:LINE:COLUMN"
        return None
    try:
        report = json.loads(out)
    except Exception:
        return f"exit {rc} without a JSON report on standard output"
    if not isinstance(report, dict) or "verdict" not in report:
        return f"exit {rc}: the JSON report has no verdict"
    return None


def run_case(args, index, ext, data):
    path = os.path.join(args.work, f"case-{index}{ext}")
    with open(path, "wb") as fh:
        fh.write(data)
    cmd = ["prlimit", f"--as={args.memory_mb * 1024 * 1024}", args.binary, path, "--format", "json",
           "--timeout", str(args.timeout), "--no-progress"]
    start = time.monotonic()
    try:
        hard_limit = 3 * args.timeout + 10 + 10 * len(data) / 1e6
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=hard_limit)
        rc, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        rc, out, err = None, e.stdout or b"", e.stderr or b""
    elapsed = time.monotonic() - start
    verdict = judge(ext, rc, out, err)
    if verdict is None:
        os.unlink(path)
    return index, ext, rc, elapsed, verdict, path, err[-400:].decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "prove-collapse"))
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--timeout", type=float, default=5.0, help="--timeout given to the tool (seconds)")
    ap.add_argument("--memory-mb", type=int, default=4096)
    ap.add_argument("--out", default="/tmp/prove-collapse-fuzz")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    args.work = args.out
    pool = seeds()
    if not pool:
        print("fuzz: no seed files found", file=sys.stderr)
        return 1
    r = random.Random(args.seed)
    cases = []
    for i in range(args.cases):
        ext, data = r.choice(pool)
        ext, data = (model_mutation if ext in (".onnx", ".nnet") else spec_mutation)(r, ext, data)
        cases.append((i, ext, data))
    failures, statuses, slowest = [], {}, (0.0, None)
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        for index, ext, rc, elapsed, verdict, path, err in ex.map(lambda c: run_case(args, *c), cases):
            statuses[rc] = statuses.get(rc, 0) + 1
            if elapsed > slowest[0]:
                slowest = (elapsed, index)
            if verdict:
                failures.append((index, verdict, path, err))
                print(f"FAIL case {index} ({ext}): {verdict}\n  {path}\n  {err.strip()[-300:]}", file=sys.stderr)
            elif args.verbose:
                print(f"ok case {index} ({ext}): exit {rc} in {elapsed:.2f} s")
    total = time.monotonic() - start
    counts = ", ".join(f"exit {k}: {v}" for k, v in sorted(statuses.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)))
    print(f"fuzz: {args.cases} cases, seed {args.seed}, {len(failures)} failures, {total:.1f} s ({counts}); "
          f"slowest case {slowest[1]} took {slowest[0]:.2f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
