#!/usr/bin/env bash
# Regenerates Sources/ModelFiles/Generated/onnx-subset.pb.swift from Proto/onnx-subset.proto.
# Needs protoc (Debian protobuf-compiler) and protoc-gen-swift from apple/swift-protobuf at the
# version Package.swift uses (1.39.0), built OUTSIDE this repository, for example:
#   git clone https://github.com/apple/swift-protobuf /tmp/spb && cd /tmp/spb \
#     && git checkout 1.39.0 && swift build -c release --product protoc-gen-swift
# CI never runs this: the generated file is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
PLUGIN="${PROTOC_GEN_SWIFT:-/tmp/spb/.build/release/protoc-gen-swift}"
protoc --plugin=protoc-gen-swift="$PLUGIN" \
  --swift_opt=Visibility=Package \
  --swift_opt=UseAccessLevelOnImports=true \
  --swift_out=Sources/ModelFiles/Generated \
  --proto_path=Proto Proto/onnx-subset.proto
