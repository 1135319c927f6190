#!/usr/bin/env python3
"""Builds the ONNX and NNet test fixtures of Tests/ModelFilesTests/Fixtures with the `onnx`
Python package (pip install onnx). Deterministic: fixed seeds, fixed opsets, so rerunning it
rewrites the same bytes. Usage: scripts/make-onnx-fixtures.py [OUTPUT_DIR]
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "ModelFilesTests", "Fixtures")
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(20261125)


def weights(*shape, dtype=np.float32):
    # Values like trained weights: not short decimals, so their exact binary values matter.
    return (rng.standard_normal(shape) * 0.5).astype(dtype)


def tensor(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def save(name, nodes, inputs, outputs, initializers, opset=13, value_info=(), ir_version=8, elem=TensorProto.FLOAT):
    graph = helper.make_graph(nodes, name.replace(".onnx", ""), inputs, outputs, initializers, value_info=list(value_info))
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], producer_name="make-onnx-fixtures")
    model.ir_version = ir_version
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(OUT, name))


def vector(name, n, batch="N", elem=TensorProto.FLOAT):
    return helper.make_tensor_value_info(name, elem, [batch, n])


# 1. Gemm chain with transB = 1 (PyTorch nn.Linear export), alpha/beta, no activation between.
save("gemm-chain.onnx",
     [helper.make_node("Gemm", ["x", "W1", "b1"], ["h1"], name="fc1", transB=1),
      helper.make_node("Gemm", ["h1", "W2", "b2"], ["h2"], name="fc2", transB=1, alpha=0.5, beta=2.0),
      helper.make_node("Gemm", ["h2", "W3", "b3"], ["y"], name="fc3", transB=0)],
     [vector("x", 3)], [vector("y", 2)],
     [tensor("W1", weights(4, 3)), tensor("b1", weights(4)), tensor("W2", weights(4, 4)), tensor("b2", weights(4)),
      tensor("W3", weights(4, 2)), tensor("b3", weights(2))])

# 2. MatMul in both orientations with Add biases: x·W (row vector) and W·x (column vector).
save("matmul-both.onnx",
     [helper.make_node("MatMul", ["x", "A"], ["h"], name="xA"),
      helper.make_node("Add", ["h", "c"], ["h1"], name="bias1"),
      helper.make_node("Reshape", ["h1", "col"], ["hc"], name="to_column"),
      helper.make_node("MatMul", ["B", "hc"], ["z"], name="Bx"),
      helper.make_node("Flatten", ["z"], ["y"], name="flat", axis=0)],
     [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3])], [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 2])],
     [tensor("A", weights(3, 4)), tensor("c", weights(4)), tensor("col", np.array([4, 1], dtype=np.int64)),
      tensor("B", weights(2, 4))])

# 3. A ReLU MLP with input normalisation as constant Sub/Div nodes, Dropout and Identity.
save("relu-mlp.onnx",
     [helper.make_node("Sub", ["x", "mean"], ["xc"], name="center"),
      helper.make_node("Div", ["xc", "std"], ["xn"], name="scale"),
      helper.make_node("Gemm", ["xn", "W1", "b1"], ["h1"], name="fc1", transB=1),
      helper.make_node("Relu", ["h1"], ["r1"], name="relu1"),
      helper.make_node("Dropout", ["r1"], ["d1"], name="drop"),
      helper.make_node("Identity", ["d1"], ["i1"], name="same"),
      helper.make_node("Gemm", ["i1", "W2", "b2"], ["h2"], name="fc2", transB=1),
      helper.make_node("Relu", ["h2"], ["r2"], name="relu2"),
      helper.make_node("Gemm", ["r2", "W3", "b3"], ["y"], name="fc3", transB=1)],
     [vector("x", 2)], [vector("y", 2)],
     [tensor("mean", np.array([0.5, -0.25], dtype=np.float32)), tensor("std", np.array([2.0, 0.5], dtype=np.float32)),
      tensor("W1", weights(5, 2)), tensor("b1", weights(5)), tensor("W2", weights(4, 5)), tensor("b2", weights(4)),
      tensor("W3", weights(2, 4)), tensor("b3", weights(2))])

# 4. LeakyRelu with alpha 1 between Gemms (affine: the whole network collapses).
save("leaky-alpha-one.onnx",
     [helper.make_node("Gemm", ["x", "W1", "b1"], ["h"], name="fc1", transB=1),
      helper.make_node("LeakyRelu", ["h"], ["a"], name="lrelu", alpha=1.0),
      helper.make_node("Gemm", ["a", "W2", "b2"], ["y"], name="fc2", transB=1)],
     [vector("x", 3)], [vector("y", 2)],
     [tensor("W1", weights(3, 3)), tensor("b1", weights(3)), tensor("W2", weights(2, 3)), tensor("b2", weights(2))])

# 5. Clip (opset 13: bounds as inputs) and HardSigmoid, Softmax last.
save("clip-hardsigmoid.onnx",
     [helper.make_node("Gemm", ["x", "W1", "b1"], ["h"], name="fc1", transB=1),
      helper.make_node("Clip", ["h", "lo", "hi"], ["c"], name="clip"),
      helper.make_node("Gemm", ["c", "W2", "b2"], ["h2"], name="fc2", transB=1),
      helper.make_node("HardSigmoid", ["h2"], ["y"], name="hsig", alpha=0.25, beta=0.5)],
     [vector("x", 2)], [vector("y", 2)],
     [tensor("W1", weights(3, 2)), tensor("b1", weights(3)), tensor("lo", np.array(-1.0, dtype=np.float32)),
      tensor("hi", np.array(2.0, dtype=np.float32)), tensor("W2", weights(2, 3)), tensor("b2", weights(2))])

# 6. BatchNormalization whose var + epsilon are perfect squares (exact), then Flatten, Softmax.
save("batchnorm.onnx",
     [helper.make_node("Gemm", ["x", "W1", "b1"], ["h"], name="fc1", transB=1),
      helper.make_node("BatchNormalization", ["h", "gamma", "beta", "mu", "var"], ["bn"], name="bn", epsilon=0.0),
      helper.make_node("Flatten", ["bn"], ["f"], name="flatten"),
      helper.make_node("Softmax", ["f"], ["y"], name="softmax", axis=-1)],
     [vector("x", 2)], [vector("y", 3)],
     [tensor("W1", weights(3, 2)), tensor("b1", weights(3)), tensor("gamma", np.array([1.0, 2.0, 0.5], dtype=np.float32)),
      tensor("beta", np.array([0.0, 0.25, -1.0], dtype=np.float32)), tensor("mu", np.array([0.5, -0.5, 1.0], dtype=np.float32)),
      tensor("var", np.array([4.0, 0.25, 1.0], dtype=np.float32))])

# 7. Quirks: float64 weights, initializers listed as graph inputs (IR 3 style), a value_info
#    that contradicts the weights, a symbolic batch dimension, a Constant node feeding
#    constant arithmetic (W = Wc * 2).
w1 = weights(3, 2, dtype=np.float64)
save("quirks-float64.onnx",
     [helper.make_node("Constant", [], ["two"], name="two", value=tensor("two_value", np.array(2.0, dtype=np.float64))),
      helper.make_node("Mul", ["Wc", "two"], ["W1"], name="double_weights"),
      helper.make_node("Gemm", ["x", "W1", "b1"], ["h"], name="fc1", transB=1),
      helper.make_node("Tanh", ["h"], ["y"], name="tanh")],
     [helper.make_tensor_value_info("x", TensorProto.DOUBLE, ["batch", 2]),
      helper.make_tensor_value_info("Wc", TensorProto.DOUBLE, [3, 2]), helper.make_tensor_value_info("b1", TensorProto.DOUBLE, [3])],
     [helper.make_tensor_value_info("y", TensorProto.DOUBLE, ["batch", 3])],
     [tensor("Wc", w1), tensor("b1", weights(3, dtype=np.float64))],
     value_info=[helper.make_tensor_value_info("h", TensorProto.DOUBLE, ["batch", 7])], ir_version=3, opset=13)

# 8. float16 weights (raw_data) and the typed int32_data storage of float16.
w16 = weights(2, 2, dtype=np.float16)
typed16 = helper.make_tensor("W2", TensorProto.FLOAT16, [2, 2], w16.view(np.uint16).astype(np.int32).flatten().tolist())
save("float16.onnx",
     [helper.make_node("Gemm", ["x", "W1", "b1"], ["h"], name="fc1", transB=1),
      helper.make_node("Sigmoid", ["h"], ["s"], name="sigmoid"),
      helper.make_node("Gemm", ["s", "W2"], ["y"], name="fc2", transB=1)],
     [vector("x", 2, elem=TensorProto.FLOAT16)], [vector("y", 2, elem=TensorProto.FLOAT16)],
     [tensor("W1", weights(2, 2, dtype=np.float16)), tensor("b1", weights(2, dtype=np.float16)), typed16])

# 9. float_data (typed field) instead of raw_data, Elu, Softplus, Abs, Sign.
typed32 = helper.make_tensor("W1", TensorProto.FLOAT, [2, 2], weights(2, 2).flatten().tolist())
save("typed-fields.onnx",
     [helper.make_node("Gemm", ["x", "W1"], ["h"], name="fc1", transB=1),
      helper.make_node("Sign", ["h"], ["g"], name="sign"),
      helper.make_node("Elu", ["g"], ["e"], name="elu", alpha=0.5),
      helper.make_node("Softplus", ["e"], ["s"], name="softplus"),
      helper.make_node("Abs", ["s"], ["y"], name="abs")],
     [vector("x", 2)], [vector("y", 2)], [typed32])

# 10. An unsupported operator (Conv) as the second node.
save("unsupported-conv.onnx",
     [helper.make_node("Reshape", ["x", "shape"], ["img"], name="to_image"),
      helper.make_node("Conv", ["img", "K"], ["y"], name="conv1", kernel_shape=[1, 1])],
     [vector("x", 4, batch=1)], [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 1, 2, 2])],
     [tensor("shape", np.array([1, 1, 2, 2], dtype=np.int64)), tensor("K", weights(1, 1, 1, 1))])

# 11. A residual connection (not a chain).
save("residual.onnx",
     [helper.make_node("Gemm", ["x", "W1"], ["h"], name="fc1", transB=1),
      helper.make_node("Add", ["h", "x"], ["y"], name="skip")],
     [vector("x", 2)], [vector("y", 2)], [tensor("W1", weights(2, 2))])

# 12. A truncated file: the gemm chain cut in the middle of its weights.
with open(os.path.join(OUT, "gemm-chain.onnx"), "rb") as f:
    data = f.read()
with open(os.path.join(OUT, "truncated.onnx"), "wb") as f:
    f.write(data[: len(data) * 2 // 3])

# NNet: a small ACAS-Xu-format network (3 inputs, two ReLU layers of 4, 2 outputs).
def nnet_text(sizes, seed):
    r = np.random.default_rng(seed)
    lines = ["// A small network in the ACAS Xu NNet format (generated by scripts/make-onnx-fixtures.py)",
             "// Neural Network File Format by Kyle Julian, Stanford 2016"]
    n = sizes[0]
    lines.append(f"{len(sizes) - 1},{n},{sizes[-1]},{max(sizes)},")
    lines.append(",".join(str(s) for s in sizes) + ",")
    lines.append("0,")
    lines.append(",".join(["-1.0"] * n) + ",")
    lines.append(",".join(["1.0"] * n) + ",")
    lines.append(",".join(["0.25"] * n + ["7.5"]) + ",")
    lines.append(",".join(["2.0"] * n + ["3.0"]) + ",")
    for k in range(len(sizes) - 1):
        for _ in range(sizes[k + 1]):
            lines.append(",".join(f"{v:.6f}" for v in r.standard_normal(sizes[k]) * 0.5) + ",")
        for _ in range(sizes[k + 1]):
            lines.append(f"{r.standard_normal() * 0.1:.6f},")
    return "\n".join(lines) + "\n"


with open(os.path.join(OUT, "small.nnet"), "w") as f:
    f.write(nnet_text([3, 4, 4, 2], 7))
with open(os.path.join(OUT, "small.nnet")) as f:
    full = f.read().splitlines()
with open(os.path.join(OUT, "truncated.nnet"), "w") as f:
    f.write("\n".join(full[:-3]) + "\n")
print("fixtures written to", os.path.normpath(OUT))


# Reference outputs: an independent exact evaluation in Python (numpy decodes the weights,
# fractions.Fraction takes each binary value exactly) of the piecewise-linear fixtures at a few
# rational points, written to NAME.reference.json for the Swift tests.
import json
from fractions import Fraction


def exact(array):
    return np.vectorize(lambda v: Fraction(float(v)), otypes=[object])(np.asarray(array))


def attr(node, name, default):
    for a in node.attribute:
        if a.name == name:
            return Fraction(float(np.float32(a.f))) if a.type == onnx.AttributeProto.FLOAT else a.i
    return default


def reference(model, x):
    values = {t.name: exact(numpy_helper.to_array(t)) for t in model.graph.initializer}
    values[model.graph.input[0].name] = np.array([x], dtype=object)
    for node in model.graph.node:
        ins = [values.get(i) for i in node.input]
        op = node.op_type
        if op == "Gemm":
            a, b = ins[0], ins[1]
            b = b.T if attr(node, "transB", 0) else b
            y = attr(node, "alpha", Fraction(1)) * a.dot(b)
            if len(ins) > 2:
                y = y + attr(node, "beta", Fraction(1)) * ins[2]
        elif op == "MatMul":
            y = ins[0].dot(ins[1]) if ins[0].ndim >= ins[1].ndim or ins[0].shape[-1] == ins[1].shape[0] else None
            y = np.matmul(ins[0], ins[1])
        elif op == "Add": y = ins[0] + ins[1]
        elif op == "Sub": y = ins[0] - ins[1]
        elif op == "Mul": y = ins[0] * ins[1]
        elif op == "Div": y = ins[0] / ins[1]
        elif op == "Relu": y = np.vectorize(lambda t: max(t, 0), otypes=[object])(ins[0])
        elif op == "LeakyRelu":
            a = attr(node, "alpha", Fraction(float(np.float32(0.01))))
            y = np.vectorize(lambda t: t if t > 0 else a * t, otypes=[object])(ins[0])
        elif op == "Clip":
            lo, hi = ins[1].item(), ins[2].item()
            y = np.vectorize(lambda t: min(hi, max(lo, t)), otypes=[object])(ins[0])
        elif op == "HardSigmoid":
            a, b = attr(node, "alpha", Fraction(float(np.float32(0.2)))), attr(node, "beta", Fraction(float(np.float32(0.5))))
            y = np.vectorize(lambda t: max(0, min(1, a * t + b)), otypes=[object])(ins[0])
        elif op in ("Identity", "Dropout"): y = ins[0]
        elif op == "Reshape": y = ins[0].reshape([int(v) for v in ins[1]])
        elif op == "Flatten": y = ins[0].reshape(1, -1)
        else: raise ValueError(op)
        values[node.output[0]] = y
    return [str(v) for v in np.asarray(values[model.graph.output[0].name]).flatten()]


def points(n, count=4):
    r = np.random.default_rng(n)
    return [[Fraction(int(k), 4) for k in r.integers(-8, 9, n)] for _ in range(count)]


for name in ["gemm-chain", "matmul-both", "relu-mlp", "leaky-alpha-one", "clip-hardsigmoid"]:
    model = onnx.load(os.path.join(OUT, name + ".onnx"))
    dims = model.graph.input[0].type.tensor_type.shape.dim
    n = dims[-1].dim_value
    ps = points(n)
    with open(os.path.join(OUT, name + ".reference.json"), "w") as f:
        json.dump({"points": [[str(v) for v in p] for p in ps], "outputs": [reference(model, p) for p in ps]}, f, indent=1)


def nnet_reference(path, x):
    rows = [l for l in open(path).read().splitlines() if l.strip() and not l.startswith("//")]
    nums = [[Fraction(v) for v in l.split(",") if v.strip()] for l in rows]
    layers, n = int(nums[0][0]), int(nums[0][1])
    sizes = [int(v) for v in nums[1]]
    means, ranges = nums[5], nums[6]
    h = [(x[i] - means[i]) / ranges[i] for i in range(n)]
    k = 7
    for l in range(layers):
        W = nums[k:k + sizes[l + 1]]; k += sizes[l + 1]
        b = [r[0] for r in nums[k:k + sizes[l + 1]]]; k += sizes[l + 1]
        h = [sum(w * v for w, v in zip(row, h)) + bi for row, bi in zip(W, b)]
        if l + 1 < layers:
            h = [max(v, 0) for v in h]
    return [str(v * ranges[n] + means[n]) for v in h]


ps = points(3)
with open(os.path.join(OUT, "small.nnet.reference.json"), "w") as f:
    json.dump({"points": [[str(v) for v in p] for p in ps],
               "outputs": [nnet_reference(os.path.join(OUT, "small.nnet"), p) for p in ps]}, f, indent=1)
# 13. BatchNormalization whose var + epsilon are NOT squares (1/sqrt irrational: exact sqrt
#     constants), between two Gemms: the chain is affine with sqrt entries in W' and b'.
#     Fixed arrays (no rng draw), so the fixtures above keep their bytes.
save("batchnorm-sqrt.onnx",
     [helper.make_node("Gemm", ["x", "W1", "b1"], ["h"], name="fc1", transB=1),
      helper.make_node("BatchNormalization", ["h", "gamma", "beta", "mu", "var"], ["bn"], name="bn", epsilon=1e-5),
      helper.make_node("Gemm", ["bn", "W2", "b2"], ["y"], name="fc2", transB=1)],
     [vector("x", 2)], [vector("y", 2)],
     [tensor("W1", np.array([[0.5, -1.25], [1.5, 0.75], [-0.375, 2.0]], dtype=np.float32)),
      tensor("b1", np.array([0.125, -0.5, 1.0], dtype=np.float32)),
      tensor("gamma", np.array([1.0, 0.8, -1.5], dtype=np.float32)),
      tensor("beta", np.array([0.1, 0.0, -0.25], dtype=np.float32)),
      tensor("mu", np.array([0.3, -0.7, 0.05], dtype=np.float32)),
      tensor("var", np.array([2.0, 0.5, 3.3], dtype=np.float32)),
      tensor("W2", np.array([[1.0, -0.5, 0.25], [0.75, 1.25, -2.0]], dtype=np.float32)),
      tensor("b2", np.array([0.0, 0.5], dtype=np.float32))])
# 14. Sizes past the limits, each a positioned error, never an allocation abort (issue 14):
#     an input of 2,000,000,000 entries; an activation alone on 4096 units (its map would be a
#     4096x4096 identity); constants [1100, 1] + [1, 1000] broadcasting to 1.1 M entries, past
#     the larger operand and 2^20. Fixed arrays (no rng draw).
save("huge-input.onnx",
     [helper.make_node("Relu", ["x"], ["y"], name="relu")],
     [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2000000000])],
     [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 2000000000])], [])
save("wide-activation.onnx",
     [helper.make_node("Relu", ["x"], ["y"], name="relu")],
     [vector("x", 4096)], [vector("y", 4096)], [])
save("broadcast-blowup.onnx",
     [helper.make_node("Add", ["A", "B"], ["C"], name="fold"),
      helper.make_node("Add", ["x", "C"], ["y"], name="use")],
     [vector("x", 4)], [vector("y", 4)],
     [tensor("A", np.zeros((1100, 1), dtype=np.float16)), tensor("B", np.zeros((1, 1000), dtype=np.float16))])
print("reference outputs written")
