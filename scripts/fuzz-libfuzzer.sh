#!/usr/bin/env bash
# libFuzzer on the readers (issue 14 item 4): spec YAML and JSON, domain files (YAML, JSON,
# VNN-LIB), ONNX and NNet. Builds Fuzz/SpecFuzzer with libFuzzer's coverage and AddressSanitizer
# on every module, C and Swift, in .build-fuzz (the target exists only when
# PROVE_COLLAPSE_LIBFUZZER is set, so `swift build`, `swift test` and CI never build it), checks
# that the readers' modules really carry both instrumentations, then fuzzes each reader for
# SECONDS and prints one summary line per reader (inputs run, cov, ft, corpus, crashes). Seeds: Fuzz/corpus/READER
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
# SwiftPM turns `--sanitize=fuzzer --sanitize=address` into two `-sanitize=` options for swiftc,
# and swiftc keeps only the last one: the Swift modules got coverage but no AddressSanitizer
# (only libyaml's C code had both). One combined `-sanitize=address,fuzzer` written after them
# gives the Swift modules both; the `--sanitize` options still choose the C flags and the link.
PROVE_COLLAPSE_LIBFUZZER=1 nice -n 10 swift build --sanitize=fuzzer --sanitize=address \
  -Xswiftc -sanitize=address,fuzzer --scratch-path .build-fuzz --product spec-fuzzer
binary=.build-fuzz/debug/spec-fuzzer
# The readers' modules must carry libFuzzer's counters (`__sancov_cntrs`) and ASan's checks.
for module in NetworkModel ModelFiles Yams CYaml; do
  objects=$(find ".build-fuzz/debug/$module.build" -name '*.o')
  counters=0
  for object in $objects; do
    counters=$((counters + $(size -A "$object" | awk '/__sancov_cntrs/ { n += $2 } END { print n + 0 }')))
  done
  checks=$(for object in $objects; do nm -u "$object"; done | grep -c '__asan_' || true)
  echo "fuzz-libfuzzer: $module: $counters coverage counters, $checks AddressSanitizer references"
  if [ "$counters" -eq 0 ] || [ "$checks" -eq 0 ]; then
    echo "fuzz-libfuzzer: $module is not instrumented for coverage and AddressSanitizer" >&2
    exit 1
  fi
done
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
summary=()
mkdir -p .build-fuzz/logs
for reader in "${readers[@]}"; do
  mkdir -p ".build-fuzz/corpus/$reader" .build-fuzz/artifacts ".build-fuzz/seeds/$reader" "Fuzz/corpus/$reader"
  log=".build-fuzz/logs/$reader.log"
  echo "== $reader: ${seconds}s (log: $log)"
  result=0
  # -timeout=30: under coverage and ASan a debug build is up to 50x slower; a BatchNormalization
  # with a variance of 1.1e21 (an exact square-free part) took 10-12 s here and 0.2 s unsanitized.
  PROVE_COLLAPSE_FUZZ_READER=$reader nice -n 10 "$binary" ".build-fuzz/corpus/$reader" ".build-fuzz/seeds/$reader" "Fuzz/corpus/$reader" \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix=".build-fuzz/artifacts/$reader-" >"$log" 2>&1 || result=$?
  grep -v '^#[0-9].*\(pulse\|REDUCE\|NEW\)' "$log" | grep -v '^\s*NEW_FUNC' | tail -25 || true
  # libFuzzer's last status line (`#N DONE cov: C ft: F corp: K/...`) and its final stats.
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  inputs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  added=$(sed -n 's/^stat::new_units_added: *//p' "$log")
  cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
  ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
  corpus=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\)\/.*/\1/p')
  verdict="no crash"
  [ "$result" -eq 0 ] || { verdict="FAILED (exit $result; artifacts: .build-fuzz/artifacts/$reader-*)"; status=1; }
  summary+=("$reader: ${inputs:-?} inputs, cov ${cov:-?}, ft ${ft:-?}, corpus ${corpus:-?} (${added:-?} new), $verdict")
done
echo "== summary (${seconds}s per reader)"
printf '%s\n' "${summary[@]}"
exit $status
