#!/usr/bin/env bash
# libFuzzer on the readers (issue 14 item 4): spec YAML and JSON, domain files (YAML, JSON,
# VNN-LIB), ONNX and NNet. Builds Fuzz/SpecFuzzer with `--sanitize=fuzzer --sanitize=address` in .build-fuzz
# (the target exists only when PROVE_COLLAPSE_LIBFUZZER is set, so `swift build`, `swift
# test` and CI never build it), then fuzzes each reader for SECONDS. Seeds: Fuzz/corpus/READER
# (committed) and the repository's specs and model files; new inputs accumulate in
# .build-fuzz/corpus/READER; a crash (a trap, or an error without a position) is saved as
# .build-fuzz/artifacts/READER-crash-* and fails the run.
#   scripts/fuzz-libfuzzer.sh                 # 60 s per reader
#   scripts/fuzz-libfuzzer.sh 600 yaml onnx   # 10 minutes each on two readers
#   reproduce: PROVE_COLLAPSE_FUZZ_READER=yaml .build-fuzz/debug/spec-fuzzer ARTIFACT
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
readers=("$@")
[ ${#readers[@]} -gt 0 ] || readers=(yaml json domain-yaml domain-json vnnlib onnx nnet)
PROVE_COLLAPSE_LIBFUZZER=1 nice -n 10 swift build --sanitize=fuzzer --sanitize=address --scratch-path .build-fuzz \
  --product spec-fuzzer
binary=.build-fuzz/debug/spec-fuzzer
seed() {  # seed READER FILE...: copy existing files into the reader's seed directory
  local dir=.build-fuzz/seeds/$1; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/$(echo "$f" | tr / _)"; done
  return 0
}
shopt -s nullglob
seed yaml Examples/*.yaml Proofs/*/spec.yaml
seed json Examples/*.json Proofs/*/spec.json
# A JSON twin of each YAML seed (when PyYAML is there).
python3 - <<'PY' || true
import glob, json, os, yaml
os.makedirs(".build-fuzz/seeds/json", exist_ok=True)
for path in glob.glob("Examples/*.yaml") + glob.glob("Proofs/*/spec.yaml"):
    with open(path) as source, open(".build-fuzz/seeds/json/" + path.replace("/", "_") + ".json", "w") as out:
        json.dump(yaml.safe_load(source), out)
PY
seed onnx Tests/ModelFilesTests/Fixtures/*.onnx
seed nnet Tests/ModelFilesTests/Fixtures/*.nnet
status=0
for reader in "${readers[@]}"; do
  mkdir -p ".build-fuzz/corpus/$reader" .build-fuzz/artifacts ".build-fuzz/seeds/$reader" "Fuzz/corpus/$reader"
  echo "== $reader: ${seconds}s"
  PROVE_COLLAPSE_FUZZ_READER=$reader nice -n 10 "$binary" ".build-fuzz/corpus/$reader" ".build-fuzz/seeds/$reader" "Fuzz/corpus/$reader" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix=".build-fuzz/artifacts/$reader-" 2>&1 | grep -v '^#[0-9].*\(pulse\|REDUCE\|NEW\)' || status=1
done
exit $status
