#!/usr/bin/env python3
"""Writes the model-file benchmark inputs into a folder (default /tmp/prove-collapse-bench),
never into the repository: an ACAS-Xu-size NNet and ONNX (5 inputs, six ReLU layers of 50,
5 outputs), a float32 MLP 784-1024-1024-1024-10 (about 2.9 million weights, 11 MB), and ten
512x512 float32 Gemm layers with no activation between them (its default analysis is the
plain exact collapse that `fuse` is compared with). scripts/bench-models.sh writes and times them.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/prove-collapse-bench"
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(11)


def mlp(name, sizes, activation="Relu", scale=None):
    nodes, inits = [], []
    current = "x"
    for k in range(len(sizes) - 1):
        s = scale or 1 / np.sqrt(sizes[k])
        inits += [numpy_helper.from_array((rng.standard_normal((sizes[k + 1], sizes[k])) * s).astype(np.float32), f"W{k}"),
                  numpy_helper.from_array((rng.standard_normal(sizes[k + 1]) * 0.1).astype(np.float32), f"b{k}")]
        nodes.append(helper.make_node("Gemm", [current, f"W{k}", f"b{k}"], [f"h{k}"], name=f"fc{k}", transB=1))
        current = f"h{k}"
        if activation and k + 2 < len(sizes):
            nodes.append(helper.make_node(activation, [current], [f"a{k}"], name=f"act{k}"))
            current = f"a{k}"
    nodes[-1].output[0] = "y"
    graph = helper.make_graph(nodes, name, [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", sizes[0]])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", sizes[-1]])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    onnx.save(model, os.path.join(OUT, name + ".onnx"))


mlp("acas-size", [5, 50, 50, 50, 50, 50, 50, 5])
mlp("mlp-784", [784, 1024, 1024, 1024, 10])
mlp("gemm-10x512", [512] * 11, activation=None)

# The ACAS-Xu-size network as NNet text.
sizes = [5, 50, 50, 50, 50, 50, 50, 5]
lines = ["// benchmark network", f"{len(sizes) - 1},5,5,50,", ",".join(map(str, sizes)) + ",", "0,",
         "-1,-1,-1,-1,-1,", "1,1,1,1,1,", "0,0,0,0,0,0,", "1,1,1,1,1,1,"]
for k in range(len(sizes) - 1):
    for _ in range(sizes[k + 1]):
        lines.append(",".join(f"{v:.8f}" for v in rng.standard_normal(sizes[k]) / np.sqrt(sizes[k])) + ",")
    for _ in range(sizes[k + 1]):
        lines.append(f"{rng.standard_normal() * 0.1:.8f},")
open(os.path.join(OUT, "acas-size.nnet"), "w").write("\n".join(lines) + "\n")
print("benchmark models in", OUT)
