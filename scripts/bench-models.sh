#!/usr/bin/env bash
# The model-file benchmark of issue 11, item 6: writes the models with scripts/bench-models.py
# (if they are not there yet), runs the release binary on each with GNU time, and prints one
# table: wall and CPU seconds, peak RSS, and each target with met/missed.
#   ACAS-Xu size (5 inputs, six ReLU layers of 50), ONNX and NNet: import and decide < 0.2 s
#   float32 MLP 784-1024-1024-1024-10 (11 MB): import and decide < 2 s, peak RSS < 3x the file
#   ten 512x512 float32 Gemm layers: fuse within 1.5x the plain exact collapse of the chain
#   (the default analysis of the same file, which collapses it)
# Usage: scripts/bench-models.sh [DIR] [BIN]   (DIR default /tmp/prove-collapse-bench; BIN
# default: the release build, built with the Makefile's flags when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-/tmp/prove-collapse-bench}
BIN=${2:-}
if [ -z "$BIN" ]; then
    swift build -c release --static-swift-stdlib --product prove-collapse >/dev/null
    BIN="$(swift build -c release --static-swift-stdlib --show-bin-path)/prove-collapse"
fi
for model in acas-size.onnx acas-size.nnet mlp-784.onnx gemm-10x512.onnx; do
    [ -f "$DIR/$model" ] || { python3 scripts/bench-models.py "$DIR" >/dev/null; break; }
done

# run NAME ARGS...: one timed run; sets WALL, CPU (user + sys) and RSS_KB.
run() {
    local log
    log=$(mktemp)
    /usr/bin/time -f "%e %U %S %M" -o "$log" "$BIN" "$@" >/dev/null 2>&1 || true
    # GNU time writes "Command exited with non-zero status N" first when the verdict is not 0.
    read -r WALL USER SYS RSS_KB < <(tail -n 1 "$log")
    CPU=$(python3 -c "print(f'{$USER + $SYS:.2f}')")
    rm -f "$log"
}

printf '| run | wall s | CPU s | peak RSS MB | target | |\n|---|--:|--:|--:|---|---|\n'
verdict() { python3 -c "print('met' if $1 else 'missed')"; }
for model in acas-size.onnx acas-size.nnet; do
    run "$DIR/$model" --format json
    printf '| %s, analyze | %s | %s | %.1f | CPU < 0.2 s | %s |\n' "$model" "$WALL" "$CPU" \
        "$(python3 -c "print($RSS_KB / 1024)")" "$(verdict "$CPU < 0.2")"
done
run "$DIR/mlp-784.onnx" --format json
FILE=$(stat -c %s "$DIR/mlp-784.onnx")
RATIO=$(python3 -c "print(f'{$RSS_KB * 1024 / $FILE:.2f}')")
printf '| mlp-784.onnx, analyze | %s | %s | %.1f (%sx the file) | CPU < 2 s, RSS < 3x | %s |\n' "$WALL" "$CPU" \
    "$(python3 -c "print($RSS_KB / 1024)")" "$RATIO" "$(verdict "$CPU < 2 and $RATIO < 3")"
run "$DIR/gemm-10x512.onnx" --format json
COLLAPSE=$CPU
printf '| gemm-10x512.onnx, analyze (the plain collapse) | %s | %s | %.1f | | |\n' "$WALL" "$CPU" \
    "$(python3 -c "print($RSS_KB / 1024)")"
run fuse "$DIR/gemm-10x512.onnx" --format json
printf '| gemm-10x512.onnx, fuse | %s | %s | %.1f | fuse / collapse %s <= 1.5 | %s |\n' "$WALL" "$CPU" \
    "$(python3 -c "print($RSS_KB / 1024)")" "$(python3 -c "print(f'{$CPU / $COLLAPSE:.2f}')")" \
    "$(verdict "$CPU <= 1.5 * $COLLAPSE")"
