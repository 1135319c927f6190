#!/usr/bin/env python3
"""Cross-checks prove-collapse's exact reading of ONNX models against onnxruntime.

For every fixture model, evaluates the model with onnxruntime in float64 (the float32 weights
cast to float64, which is exact, so onnxruntime and the exact evaluation compute the same
function up to float64 rounding) and `prove-collapse eval --format json` exactly at the same
rational points, and requires agreement within a relative tolerance of 1e-9. For a `not-affine`
model, the report's `float_replay` gaps must agree with onnxruntime's float32 and float64
evaluation at the witness's points. Then fuses each
model to ONNX with `prove-collapse fuse --output` and requires the fused model, run by
onnxruntime in float32, to agree with the original within float32 tolerance.

Usage: scripts/check-onnxruntime.py [PROVE_COLLAPSE_BINARY]   (exit 0 when all agree)
"""
import json
import os
import subprocess
import sys
import tempfile
from fractions import Fraction

import numpy as np
import onnx
import onnxruntime as ort
from onnx import numpy_helper

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "prove-collapse")
FIXTURES = os.path.join(ROOT, "Tests", "ModelFilesTests", "Fixtures")
MODELS = ["gemm-chain", "matmul-both", "relu-mlp", "leaky-alpha-one", "clip-hardsigmoid", "batchnorm",
          "quirks-float64", "typed-fields", "float16", "batchnorm-sqrt"]


def as_float64(model):
    """The same model with every float tensor and value cast to float64 (exact widening)."""
    m = onnx.ModelProto()
    m.CopyFrom(model)
    for t in m.graph.initializer:
        if t.data_type in (onnx.TensorProto.FLOAT, onnx.TensorProto.FLOAT16):
            t.CopyFrom(numpy_helper.from_array(numpy_helper.to_array(t).astype(np.float64), t.name))
    for node in m.graph.node:
        for a in node.attribute:
            if a.type == onnx.AttributeProto.TENSOR and a.t.data_type in (1, 10):
                a.t.CopyFrom(numpy_helper.from_array(numpy_helper.to_array(a.t).astype(np.float64), a.t.name))
    for v in list(m.graph.input) + list(m.graph.output) + list(m.graph.value_info):
        if v.type.tensor_type.elem_type in (1, 10):
            v.type.tensor_type.elem_type = onnx.TensorProto.DOUBLE
    return m


def exact_outputs(path, points):
    args = [BINARY, "eval", path, "--format", "json"]
    for p in points:
        args += ["--at", ", ".join(str(v) for v in p)]
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{path}: prove-collapse eval failed: {result.stderr.strip()}")
    report = json.loads(result.stdout)
    outputs = []
    for record in report["points"]:
        row = []
        for v in record["y"]:
            if isinstance(v, dict):
                row.append((Fraction(v["lo"]) + Fraction(v["hi"])) / 2)
            else:
                row.append(Fraction(v))
        outputs.append(row)
    return outputs


def float_replay_check(path, model):
    """For a `not-affine` model: the report's float_replay against onnxruntime at the witness.

    onnxruntime evaluates the model as written (the float32 model, and the float64 cast),
    at the witness's points rounded to the format; its affinity gap must agree with the
    report's float32 and float64 gaps within the format's rounding of the outputs.
    Returns the number of failures (0 when the model is not `not-affine`)."""
    result = subprocess.run([BINARY, path, "--format", "json"], capture_output=True, text=True)
    report = json.loads(result.stdout)
    if report["verdict"] != "not-affine":
        return 0
    replay = report.get("float_replay")
    if replay is None:
        print(f"FAIL {os.path.basename(path)}: not-affine report without float_replay")
        return 1
    witness = report["affinity"]["witness"]
    x = [Fraction(v) for v in witness["x"]]
    y = [Fraction(v) for v in witness["y"]]
    if replay["form"] == "midpoint":
        points = [x, y, [(a + b) / 2 for a, b in zip(x, y)]]
    else:
        points = [x, y, [a + b for a, b in zip(x, y)], [Fraction(0)] * len(x)]
    failures = 0
    for fmt, dtype, tolerance in (("float32", np.float32, 1e-5), ("float64", np.float64, 1e-12)):
        try:
            session = ort.InferenceSession((model if fmt == "float32" else as_float64(model)).SerializeToString())
        except Exception:
            print(f"skip {os.path.basename(path)}: float_replay {fmt}: no {fmt} kernel in onnxruntime")
            continue
        feed = session.get_inputs()[0]
        if "float16" in feed.type:
            print(f"skip {os.path.basename(path)}: float_replay {fmt}: the model computes in float16, not {fmt}")
            continue
        if ("double" in feed.type) != (fmt == "float64"):
            continue  # a float64 model has no float32 session to compare (and vice versa)
        outs = [session.run(None, {feed.name: np.array([[float(v) for v in p]]).astype(dtype)})[0].flatten() for p in points]
        if replay["form"] == "midpoint":
            lhs, rhs = outs[2], (outs[0] + outs[1]) / dtype(2)
        else:
            lhs, rhs = outs[2] + outs[3], outs[0] + outs[1]
        ort_gap = float(np.max(np.abs(lhs.astype(np.float64) - rhs.astype(np.float64))))
        gap = float(replay[fmt]["gap"])
        scale = max(1.0, float(np.max(np.abs(np.concatenate(outs).astype(np.float64)))))
        ok = abs(ort_gap - gap) <= tolerance * scale
        failures += not ok
        print(f"{'ok ' if ok else 'FAIL'} {os.path.basename(path)}: float_replay {fmt} gap {gap:.6g}, onnxruntime {fmt} {ort_gap:.6g}"
              f" (exact {replay['exact_gap']})")
    return failures


def main():
    failures = 0
    rng = np.random.default_rng(5)
    for name in MODELS:
        path = os.path.join(FIXTURES, name + ".onnx")
        model = onnx.load(path)
        n = model.graph.input[0].type.tensor_type.shape.dim[-1].dim_value
        points = [[Fraction(int(k), 8) for k in rng.integers(-16, 17, n)] for _ in range(5)]
        # float64, except where onnxruntime has no float64 kernel (LeakyRelu, HardSigmoid, ...):
        # then the model as it is, with a float32 tolerance.
        precision, tolerance = "float64", 1e-9
        try:
            session = ort.InferenceSession(as_float64(model).SerializeToString())
        except Exception:
            session, precision, tolerance = ort.InferenceSession(path), "float32 (no float64 kernel)", 1e-5
        feed = session.get_inputs()[0]
        in_type = np.float64 if "double" in feed.type else (np.float16 if "float16" in feed.type else np.float32)
        if in_type == np.float16:
            tolerance = 1e-2
        x = np.array([[float(v) for v in p] for p in points], dtype=np.float64)
        runtime = [session.run(None, {feed.name: x[i:i + 1].astype(in_type)})[0].flatten() for i in range(len(points))]
        exact = exact_outputs(path, points)
        worst = 0.0
        for r, e in zip(runtime, exact):
            for a, b in zip(r, e):
                worst = max(worst, abs(float(a) - float(b)) / max(1.0, abs(float(b))))
        ok = worst <= tolerance
        failures += not ok
        print(f"{'ok ' if ok else 'FAIL'} {name}: onnxruntime {precision} vs exact, largest relative difference {worst:.3g}")
        failures += float_replay_check(path, model)
        # The fused model, written by prove-collapse, against the original in its own precision.
        with tempfile.TemporaryDirectory() as tmp:
            fused = os.path.join(tmp, "fused.onnx")
            result = subprocess.run([BINARY, "fuse", path, "--output", fused], capture_output=True, text=True)
            if result.returncode != 0:
                if "has no operator in the ONNX subset" in result.stderr or "float16" in name:
                    print(f"skip {name}: fuse --output: {result.stderr.strip()}")
                    continue
                print(f"FAIL {name}: fuse --output failed: {result.stderr.strip()}")
                failures += 1
                continue
            onnx.checker.check_model(onnx.load(fused))
            original = ort.InferenceSession(path)
            dtype = np.float64 if "double" in original.get_inputs()[0].type else (np.float16 if "float16" in original.get_inputs()[0].type else np.float32)
            rewritten = ort.InferenceSession(fused)
            xs = x.astype(dtype)
            a = np.stack([original.run(None, {original.get_inputs()[0].name: xs[i:i + 1]})[0].flatten() for i in range(len(xs))])
            b = np.stack([rewritten.run(None, {rewritten.get_inputs()[0].name: xs[i:i + 1].astype(np.float64 if dtype == np.float64 else np.float32)})[0].flatten()
                          for i in range(len(xs))])
            diff = float(np.max(np.abs(a.astype(np.float64) - b.astype(np.float64)) / np.maximum(1.0, np.abs(a.astype(np.float64)))))
            ok = diff <= {np.float64: 1e-12, np.float32: 1e-5}.get(dtype, 1e-2)
            failures += not ok
            print(f"{'ok ' if ok else 'FAIL'} {name}: fused model vs original in onnxruntime, largest relative difference {diff:.3g}")
    if failures:
        raise SystemExit(f"{failures} check(s) failed")
    print("onnxruntime agrees with the exact evaluation on every fixture")


if __name__ == "__main__":
    main()
