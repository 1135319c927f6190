#!/usr/bin/env bash
# Compiles LaTeX derivations with pdflatex -halt-on-error: every Proofs/*/derivation.tex,
# and derivations of random networks from `prove-collapse random` (collapsing and not,
# numeric and symbolic, small and elided sizes, column and row vectors) plus a few
# hostile specs (odd names, huge numbers), and documents with --figures (TikZ pictures). Any
# LaTeX error fails the script, and so does an overfull box wider than 10pt.
#
# Needs pdflatex (Debian: texlive-latex-base; texlive-pictures for --figures). Usage: scripts/check-latex.sh [--no-build]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
command -v pdflatex >/dev/null || { echo "check-latex: pdflatex not found (apt-get install texlive-latex-base)" >&2; exit 1; }
if [[ "${1:-}" != "--no-build" ]]; then
    swift build --product prove-collapse >/dev/null
fi
bin="$(swift build --show-bin-path)/prove-collapse"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
count=0

# Widest overfull line tolerated, in pt: a box sticking out further into the margin is a
# layout bug (a matrix or formula too wide for the page) and fails the check.
max_overfull=10
# 1: an overfull box fails the script; 0: it is reported (while the documents that trip it
# are being fixed).
overfull_fails=1
overfull=0

# compile NAME FILE.tex: pdflatex in $work; prints the error context on failure, and fails
# on an overfull \hbox wider than $max_overfull pt (pdflatex's log: "Overfull \hbox (NN.NNpt too wide)").
compile() {
    local name="$1" tex="$2"
    count=$((count + 1))
    cp "$tex" "$work/$name.tex"
    if ! (cd "$work" && pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" >/dev/null 2>&1); then
        echo "FAIL $name ($tex)" >&2
        grep -A4 '^!' "$work/$name.log" >&2 || tail -20 "$work/$name.log" >&2
        failures=$((failures + 1))
        return
    fi
    local wide
    if ! wide="$(scripts/latex-overfull.sh "$work/$name.log" "$max_overfull")"; then
        if [[ "$overfull_fails" == 1 ]]; then
            echo "FAIL $name ($tex): overfull box wider than ${max_overfull}pt:" >&2
            failures=$((failures + 1))
        else
            echo "WARN $name ($tex): overfull box wider than ${max_overfull}pt:" >&2
            overfull=$((overfull + 1))
        fi
        echo "$wide" >&2
    fi
}

# derive NAME SPEC [OPTIONS...]: writes the derivation (any verdict) and compiles it.
derive() {
    local name="$1" spec="$2"
    shift 2
    local status=0
    "$bin" "$spec" --latex "$work/$name.tex.src" "$@" >/dev/null 2>"$work/$name.err" || status=$?
    if [[ $status -eq 2 ]]; then
        echo "FAIL $name: prove-collapse rejected $spec:" >&2
        cat "$work/$name.err" >&2
        failures=$((failures + 1))
        return
    fi
    compile "$name" "$work/$name.tex.src"
}

# The gallery, as committed.
for tex in Proofs/*/derivation.tex; do
    compile "gallery-$(basename "$(dirname "$tex")")" "$tex"
done
compile "gallery-xor-hidden-layer" Proofs/xor-not-linearly-separable/hidden-layer.tex

# Random networks: activation, layers, width, seed.
random_cases=(
    "identity 2 3 1" "identity 3 2 2" "identity 5 3 3" "identity 2 9 4" "identity 3 9 5"
    "{affine: {slope: 2, intercept: -1}} 3 3 6" "{polynomial: [1, 3]} 2 2 7"
    "relu 2 3 8" "relu 3 9 9" "leaky_relu 2 3 10" "hardtanh 2 2 11" "step 2 3 12" "sign 2 2 13"
    "abs 2 2 14" "sigmoid 2 3 15" "tanh 2 3 16" "arctan 2 2 17" "softplus 2 2 18" "silu 2 2 19"
    "gelu 2 2 20" "elu 2 2 21" "softmax 2 3 22" "square 2 2 23" "square 3 2 24" "tanh 2 9 25"
    "identity 1 1 26" "relu 1 1 27"
)
for case in "${random_cases[@]}"; do
    read -r -a words <<< "$case"
    n=${#words[@]}
    seed=${words[n-1]}; width=${words[n-2]}; layers=${words[n-3]}
    activation="${words[*]:0:n-3}"
    spec="$work/random-$seed.yaml"
    "$bin" random --layers "$layers" --width "$width" --activation "$activation" --seed "$seed" --output "$spec"
    derive "random-$seed" "$spec"
    derive "random-$seed-row" "$spec" --convention row
    # Symbolic variant: the first weight of every row and the first bias become symbols.
    sed -E -e 's/^(        - \[)[^],]*/\1w_'"$seed"'/' -e 's/^(      bias: \[)[^],]*/\1beta1/' "$spec" > "$work/symbolic-$seed.yaml"
    derive "symbolic-$seed" "$work/symbolic-$seed.yaml"
done

# Hostile names and numbers.
cat > "$work/odd.yaml" <<'SPEC'
network: "50% of x_1 & {y} #1 $ ~ ^ \\ <>| σ→ξ"
input: [x_1, alpha, Gamma2, in_put__3]
layers:
  - dense:
      weights: [[w11, "2*alpha_1 + 1/3", w_a_b, 1], [0, "123456789012345678901234567890123456789/7", 2, "a*b - c^2"]]
      bias: [b_2, "-98765432109876543210987654321098765/123456789012345678901234567890123"]
    activation: {affine: {slope: lambda, intercept: "1/2"}}
  - dense:
      weights: [[z1, z2]]
SPEC
derive odd "$work/odd.yaml"
derive odd-row "$work/odd.yaml" --convention row
cat > "$work/huge.yaml" <<'SPEC'
network: huge numbers
input: 2
layers:
  - dense:
      weights: [["123456789012345678901234567890123456789012345678901234567890/7", 1], [2, "1e-45"]]
      bias: ["-1/3", "99999999999999999999999999999999999999999999"]
    activation: relu
  - dense:
      weights: [[1, -1]]
SPEC
derive huge "$work/huge.yaml"
cat > "$work/symbolic-square.yaml" <<'SPEC'
input: [x1, x2]
layers:
  - dense:
      weights: [[a, b], [c, d]]
    activation: square
  - dense:
      weights: [[e, f]]
SPEC
derive symbolic-square "$work/symbolic-square.yaml"

# --figures: the regions of two-input networks, the graph of F for one input, and the
# sentence saying why there is no picture (three inputs; a smooth activation).
derive figures-xor Proofs/xor-step-network/spec.yaml --figures
derive figures-relu-additivity Proofs/relu-breaks-additivity/spec.yaml --figures
derive figures-abs Proofs/abs-is-not-affine/spec.yaml --figures
derive figures-kinks-cancel Proofs/relu-kinks-cancel/spec.yaml --figures
derive figures-linear Proofs/two-stacked-linear-layers/spec.yaml --figures
derive figures-sigmoid Proofs/sigmoid-counterexample/spec.yaml --figures
cat > "$work/figures-wide.yaml" <<'SPEC'
network: three outputs over a bounded box
input: [x1, x2]
domain:
  box: {x1: [-1, 3], x2: ["-1/2", 2]}
layers:
  - dense:
      weights: [[1, -1], [2, 1], [-1, 3], [1, 1]]
      bias: [0, -1, "1/2", -2]
    activation: relu
  - dense:
      weights: [[1, 2, -1, 1], [0, 1, 1, -3], [2, -1, 0, 1]]
SPEC
derive figures-wide "$work/figures-wide.yaml" --figures
"$bin" random --layers 2 --width 3 --activation relu --seed 31 --output "$work/figures-random.yaml"
derive figures-random "$work/figures-random.yaml" --figures

if [[ $failures -gt 0 ]]; then
    echo "check-latex: $failures of $count documents failed to compile" >&2
    exit 1
fi
if [[ $overfull -gt 0 ]]; then
    echo "check-latex: all $count documents compile ($overfull with an overfull box wider than ${max_overfull}pt)"
else
    echo "check-latex: all $count documents compile, none with an overfull box wider than ${max_overfull}pt"
fi
