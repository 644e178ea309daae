#!/bin/sh
# The cost measure on the target is exact: a function of k nops and a bx lr,
# written into RAM and called like jitted code, must cost exactly k + 1
# instructions, for k = 0..40 (every phase of SysTick's five-instruction tick,
# eight times over).  One boot.
#   tests/target-cost.sh M4RUN
set -eu
m4run=$1
mkdir -p build
work=$(mktemp -d build/target-cost.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
k=0
while [ "$k" -le 40 ]; do echo "$k nops - - - 2"; k=$((k + 1)); done > "$work/jobs"
"$m4run" --jobs "$work/jobs" > "$work/out"
bad=$(awk '$2 == "nops" {
  want = "cost=" ($1 + 1); got = "no cost"
  for (i = 3; i <= NF; i++) if ($i ~ /^cost=/) got = $i
  if (got != want) print "k=" $1 ": " got ", expected " want }' "$work/out")
n=$(grep -c ' nops ok ' "$work/out" || true)
if [ -n "$bad" ] || [ "$n" -ne 41 ]; then
  echo "target cost measure: wrong counts"; echo "$bad"; cat "$work/out"; exit 1
fi
echo "target cost measure: exact for 41 of 41 known instruction counts"
