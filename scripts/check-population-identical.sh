#!/usr/bin/env bash
# `npm run check:population -- <git-ref> [options]`
#
# Derives one population of generated patients with the engine of <git-ref> and with the engine of the working tree
# (uncommitted changes included) and compares the two outputs byte for byte. A change that is meant to move code
# without changing what the engine concludes (a rename, a split, a constant given a name) must print "identical".
#
# The input is generated once, by the working tree's generator, with a fixed seed and a fixed day, and both engines
# derive it as of that same day, so nothing but the engines differs between the two runs.
#
# Options:
#   --patients N        how many generated patients (default 10000, the typical synthetic record of `npm run generate`)
#   --seed N            the generator's seed (default 1)
#   --realistic         EHR-export-shaped patients instead of the typical record (`npm run generate -- --realistic`)
#   --population DIR    derive this Bulk Data NDJSON folder instead of generating one (e.g. a population made earlier)
#   --as-of YYYY-MM-DD  the day the patients are generated for and derived as of (default 2026-06-15)
#   --workers N         worker threads of `npm run derive` (default: its own default, the machine's cores)
#   --keep DIR          keep both outputs in DIR (ref.json, tree.json) to look at a difference
#
# Exit status: 0 identical, 1 different, 2 usage or setup error.
set -euo pipefail

usage() {
  echo "usage: npm run check:population -- <git-ref> [--patients N] [--seed N] [--realistic] [--population DIR] [--as-of YYYY-MM-DD] [--workers N] [--keep DIR]" >&2
  exit 2
}

ref=""
patients=10000
seed=1
realistic=""
population=""
as_of="2026-06-15"
workers=""
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --patients) patients="${2:?--patients needs a number}"; shift 2 ;;
    --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
    --realistic) realistic="--realistic"; shift ;;
    --population) population="${2:?--population needs a folder}"; shift 2 ;;
    --as-of) as_of="${2:?--as-of needs a date}"; shift 2 ;;
    --workers) workers="${2:?--workers needs a number}"; shift 2 ;;
    --keep) keep="${2:?--keep needs a folder}"; shift 2 ;;
    -h|--help) usage ;;
    -*) echo "check-population: unknown option $1" >&2; usage ;;
    *) [ -z "$ref" ] || usage; ref="$1"; shift ;;
  esac
done
[ -n "$ref" ] || usage
[[ "$as_of" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || { echo "check-population: --as-of must be YYYY-MM-DD" >&2; exit 2; }

root="$(git rev-parse --show-toplevel)"
commit="$(git -C "$root" rev-parse --verify --quiet "$ref^{commit}")" || { echo "check-population: $ref is not a commit" >&2; exit 2; }
[ -d "$root/node_modules" ] || { echo "check-population: run npm ci first (no node_modules in $root)" >&2; exit 2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/check-population.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# The ref's files as committed, sharing the working tree's node_modules (the engine has no dependency of its own
# that a ref could change without changing package-lock.json; a ref whose lock differs is reported below).
mkdir "$tmp/ref"
git -C "$root" archive "$commit" | tar -x -C "$tmp/ref"
ln -s "$root/node_modules" "$tmp/ref/node_modules"
if ! git -C "$root" diff --quiet "$commit" -- package-lock.json; then
  echo "check-population: note: package-lock.json differs between $ref and the working tree; both run with the working tree's node_modules" >&2
fi

if [ -z "$population" ]; then
  population="$tmp/population"
  echo "check-population: generating $patients patients (seed $seed${realistic:+, realistic}) for $as_of" >&2
  (cd "$root" && node --import tsx scripts/generate-patient.ts $realistic --patients "$patients" --seed "$seed" --today "$as_of" --ndjson "$population")
fi
[ -d "$population" ] || { echo "check-population: $population is not a folder" >&2; exit 2; }

derive() { # <checkout> <output file>
  local args=("$population" --as-of "$as_of")
  [ -z "$workers" ] || args+=(--workers "$workers")
  # The command's entry file: scripts/population/cli.ts, or scripts/derive.ts in a ref from before the split.
  local entry=scripts/population/cli.ts
  [ -f "$1/$entry" ] || entry=scripts/derive.ts
  (cd "$1" && node --max-semi-space-size=32 --import tsx "$entry" "${args[@]}") > "$2"
}

short="$(git -C "$root" rev-parse --short "$commit")"
echo "check-population: deriving with $ref ($short)" >&2
derive "$tmp/ref" "$tmp/ref.json"
echo "check-population: deriving with the working tree" >&2
derive "$root" "$tmp/tree.json"

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  cp "$tmp/ref.json" "$tmp/tree.json" "$keep/"
fi

ref_sum="$(sha256sum < "$tmp/ref.json" | cut -d' ' -f1)"
tree_sum="$(sha256sum < "$tmp/tree.json" | cut -d' ' -f1)"
bytes="$(wc -c < "$tmp/tree.json")"
if cmp -s "$tmp/ref.json" "$tmp/tree.json"; then
  echo "identical: $ref ($short) and the working tree derive the same $bytes bytes (sha256 $tree_sum)"
  exit 0
fi
echo "DIFFERENT: $ref ($short) sha256 $ref_sum, working tree sha256 $tree_sum"
# One patient's document per line: name the first patient whose derivation moved.
line="$(cmp "$tmp/ref.json" "$tmp/tree.json" | sed -n 's/.* line \([0-9]*\)$/\1/p')" || true
if [ -n "$line" ]; then
  patient="$(sed -n "${line}p" "$tmp/tree.json" | grep -o '"patient":"[^"]*"' | head -1)" || true
  echo "first difference on line $line${patient:+ ($patient)}; --keep DIR keeps both outputs"
fi
exit 1
