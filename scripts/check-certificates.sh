#!/usr/bin/env bash
# Checks the SMT-LIB certificates (contract §8) with two independent solvers, z3 and cvc5
# (and each JSON report with `prove-collapse verify`, which must find every claim true):
# for every gallery proof (Proofs/*/spec.*) and for random networks (affine, piecewise-linear
# collapsing by cancellation, not-affine, polynomial), every (check-sat) must answer unsat in
# both, and each script with its final (negated-claim) assertion removed must answer sat in
# both (the certificate is not vacuous: the definitions of F are satisfiable). Scripts with
# no check-sat (transcendental collapses, unknown verdicts) are listed, not failed.
# Usage: scripts/check-certificates.sh [WORKDIR]   (builds prove-collapse in debug first)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v z3 >/dev/null || { echo "check-certificates: z3 is not installed" >&2; exit 2; }
command -v cvc5 >/dev/null || { echo "check-certificates: cvc5 is not installed" >&2; exit 2; }
swift build --product prove-collapse >/dev/null
bin=$(swift build --show-bin-path)/prove-collapse
work=${1:-$(mktemp -d)}
mkdir -p "$work"
timeout=${SOLVER_TIMEOUT:-60}
failures=0
checked=0

solve() {  # solver file -> answer
  case $1 in
    z3) timeout "$timeout" z3 "$2" 2>&1 | tr '\n' ' ' | sed 's/ *$//' ;;
    cvc5) timeout "$timeout" cvc5 --lang smt2 "$2" 2>&1 | tr '\n' ' ' | sed 's/ *$//' ;;
  esac
}

check() {  # spec [extra analyze options...]
  local spec=$1; shift
  local name; name=$(echo "$spec" | tr '/' '_')
  local cert="$work/$name.smt2"
  local status=0
  "$bin" "$spec" --certificate "$cert" "$@" >/dev/null || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ] && [ "$status" -ne 3 ]; then
    echo "FAIL $spec: analyze exited $status"; failures=$((failures + 1)); return
  fi
  # verify re-checks the JSON report by its own code paths: every claim must hold.
  local vstatus=0
  "$bin" "$spec" --format json --region-certificates "$@" > "$work/$name.json" 2>/dev/null || true
  "$bin" verify "$spec" "$work/$name.json" > "$work/$name.verify.txt" || vstatus=$?
  if [ "$vstatus" -ne 0 ]; then
    echo "FAIL $spec: verify exited $vstatus: $(grep -v '^verified' "$work/$name.verify.txt" | head -2 | tr '\n' ' ')"; failures=$((failures + 1))
  fi
  if ! grep -q '^(check-sat)' "$cert"; then
    echo "note $spec: no check-sat ($(grep -m1 'not certifiable\|nothing to certify' "$cert" | cut -c1-100))"
    return
  fi
  # The script without its last assertion (the negated claim) must be satisfiable.
  local vac="$work/$name.vacuity.smt2"
  local last; last=$(grep -n '^(assert ' "$cert" | tail -1 | cut -d: -f1)
  sed "${last}d" "$cert" > "$vac"
  for solver in z3 cvc5; do
    local t0=$SECONDS
    local answer; answer=$(solve $solver "$cert")
    local expected; expected=$(grep -c '^(check-sat)' "$cert" | xargs -I{} sh -c 'for i in $(seq {}); do printf "unsat "; done' | sed 's/ *$//')
    if [ "$answer" != "$expected" ]; then
      echo "FAIL $spec: $solver answered '$answer' (expected '$expected') on $cert"; failures=$((failures + 1))
    fi
    local vanswer; vanswer=$(solve $solver "$vac")
    if [ "$vanswer" != "sat" ]; then
      echo "FAIL $spec: $solver answered '$vanswer' without the negated claim (expected sat: the certificate would be vacuous) on $vac"
      failures=$((failures + 1))
    fi
  done
  checked=$((checked + 1))
}

for spec in Proofs/*/spec.*; do check "$spec"; done

# Random networks: affine, not-affine (relu, abs, step), polynomial.
for seed in 1 2 3; do
  "$bin" random --layers 3 --width 4 --inputs 3 --activation identity --seed $seed --output "$work/affine-$seed.yaml"
  "$bin" random --layers 2 --width 3 --inputs 2 --activation relu --seed $seed --output "$work/relu-$seed.yaml"
  "$bin" random --layers 2 --width 3 --inputs 2 --activation abs --seed $seed --output "$work/abs-$seed.yaml"
  "$bin" random --layers 2 --width 2 --inputs 2 --activation '{polynomial: [0, 1, 1]}' --seed $seed --output "$work/poly-$seed.yaml"
  "$bin" random --layers 2 --width 3 --inputs 2 --activation '{affine: {slope: 2, intercept: -1}}' --seed $seed --output "$work/affact-$seed.yaml"
done
# Piecewise-linear networks that collapse by cancellation: relu(Ax) - relu(-Ax) = Ax, then B,
# with a hardtanh layer whose inputs never leave [-1, 1] in front, for good measure.
python3 - "$work" <<'PY'
import random, sys
work = sys.argv[1]
for seed in range(1, 4):
    rng = random.Random(seed)
    n, k, m = 2 + seed % 2, 3, 2
    r = lambda: f'"{rng.randint(-5, 5)}/{rng.randint(1, 4)}"'
    A = [[r() for _ in range(n)] for _ in range(k)]
    B = [[r() for _ in range(k)] for _ in range(m)]
    b = [r() for _ in range(k)]
    negate = lambda e: ('"-' + e.strip('"') + '"').replace('"--', '"')
    first = A + [[negate(e) for e in row] for row in A]
    lines = [f"network: cancellation {seed}", f"input: {n}", "layers:",
             "  - dense:", f"      weights: [{', '.join('[' + ', '.join(row) + ']' for row in first)}]",
             "    activation: relu",
             "  - dense:", f"      weights: [{', '.join('[' + ', '.join(['1' if j == i else '0' for j in range(k)] + ['-1' if j == i else '0' for j in range(k)]) + ']' for i in range(k))}]",
             f"      bias: [{', '.join(b)}]",
             "  - dense:", f"      weights: [{', '.join('[' + ', '.join(row) + ']' for row in B)}]"]
    open(f"{work}/cancel-{seed}.yaml", "w").write("\n".join(lines) + "\n")
    # Polynomial units whose squares cancel: (a.x + c)^2 - (a.x + c)^2 + (x1 + x2) is affine (QF_NRA).
    poly = [f"network: squares cancel {seed}", f"input: {n}", "layers:",
            "  - dense:", f"      weights: [{', '.join('[' + ', '.join(row) + ']' for row in A + A)}]",
            f"      bias: [{', '.join(b + b)}]",
            "    activation: {polynomial: [1, 2, 3]}",
            "  - dense:", f"      weights: [{', '.join('[' + ', '.join(['1' if j == i else '0' for j in range(k)] + ['-1' if j == i else '0' for j in range(k)]) + ']' for i in range(k))}]",
            f"      bias: [{', '.join(b)}]"]
    open(f"{work}/polycancel-{seed}.yaml", "w").write("\n".join(poly) + "\n")
PY
# On input domains (contract §5): a collapse on a box and a midpoint-affinity witness.
cat > "$work/domain-collapse.yaml" <<'YAML'
input: [x1, x2]
domain: {box: {x1: [1, 2], x2: [0, 3]}, constraints: ["x1 + x2 <= 4"]}
layers:
  - dense: {weights: [[1, 0], [1, 1]], bias: [0, -1]}
    activation: relu
  - dense: {weights: [[2, -1]], bias: ["1/2"]}
YAML
cat > "$work/domain-witness.yaml" <<'YAML'
input: [x1, x2]
domain: {box: {x1: [0, 1], x2: ["-1/2", 2]}, constraints: ["x1 + x2 <= 1"]}
layers:
  - dense: {weights: [[1, 1], [1, -1]], bias: [1, 0]}
    activation: relu
  - dense: {weights: [[1, 2]]}
YAML
for spec in "$work"/domain-*.yaml "$work"/affine-*.yaml "$work"/relu-*.yaml "$work"/abs-*.yaml "$work"/poly-*.yaml "$work"/affact-*.yaml "$work"/cancel-*.yaml "$work"/polycancel-*.yaml; do
  check "$spec"
done

echo "check-certificates: $checked certificates checked by z3 and cvc5, $failures failures (scripts in $work)"
[ "$failures" -eq 0 ]
