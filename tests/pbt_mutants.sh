#!/bin/sh
# How sharp is the property-based checker?  Plant, one at a time, each small
# bug of a list into a copy of an engine's tangled source, rebuild the checker
# against the copy, and count the generated cases that expose the bug.  A
# mutant that no case exposes ("SURVIVED") is a blind spot of the generator;
# one whose pattern no longer matches the source ("STALE") needs updating.
#
#   tests/pbt_mutants.sh ENGINE SOURCE MUTANTS [COUNT]
#
# MUTANTS has one sed substitution per line ('#' starts a comment).  The
# environment variable PBT_IGNORE passes --ignore to the checker, to look past
# a known, unrelated difference.  A mutant can make a program loop for ever
# (one that stops spending budget): a checker run longer than
# PBT_MUTANT_TIMEOUT seconds (default 300) counts as the mutant exposed.
#
# The checker need not be the property-based one: with MUTANT_TARGET (a make
# target) and MUTANT_RUN (a command) set, each mutant rebuilds MUTANT_TARGET
# in the copy and runs MUTANT_RUN there; a failing run exposes the mutant
# (the JIT's mutants are checked so by its unit suite).  A line "#> TEXT"
# before a mutant hands TEXT to that mutant's MUTANT_RUN as MUTANT_PIECES
# (the proofs' lists name so the pieces that must refute each bug; empty
# for a mutant without one).  MUTANT_WORK names the scratch copy (default
# build/mutants).
# Run from the repository root.
set -eu
[ "$#" -ge 3 ] || { echo "usage: $0 ENGINE SOURCE MUTANTS [COUNT]" >&2; exit 2; }
engine=$1 source=$2 list=$3 count=${4:-5000}
[ -f "$source" ] || { echo "pbt-mutants: no file $source" >&2; exit 2; }
[ -f "$list" ] || { echo "pbt-mutants: no file $list" >&2; exit 2; }
work=${MUTANT_WORK:-build/mutants}
rm -rf "$work"
mkdir -p "$work"
cp -r Makefile src generated tests "$work"/
mkdir -p "$work/spec" "$work/lit"
ignore=""
[ -z "${PBT_IGNORE:-}" ] || ignore="--ignore $PBT_IGNORE"
n=0 killed=0 survived=0 stale=0 pieces=""
while IFS= read -r m; do
  case "$m" in '#> '*) pieces=${m#'#> '}; continue ;; '#'*|'') continue ;; esac
  n=$((n + 1))
  MUTANT_PIECES=$pieces
  export MUTANT_PIECES
  pieces=""
  cp "$source" "$work/$source"
  sed -i "$m" "$work/$source"
  if cmp -s "$source" "$work/$source"; then
    echo "M$n STALE     $m"
    stale=$((stale + 1))
    continue
  fi
  target=${MUTANT_TARGET:-build/pbt}
  if ! (cd "$work" && rm -f "$target" build/liblitbpf.a && make "$target" >/dev/null 2>&1); then
    echo "M$n NO BUILD  $m"
    stale=$((stale + 1))
    continue
  fi
  if [ -n "${MUTANT_RUN:-}" ]; then
    rc=0
    (cd "$work" && timeout "${PBT_MUTANT_TIMEOUT:-300}" sh -c "$MUTANT_RUN") > "$work/pbt.out" 2>&1 || rc=$?
    if [ "$rc" -ne 0 ]; then
      echo "M$n killed: $(grep -m1 -E ':F:|:E:|^FAILED' "$work/pbt.out" | sed 's/.*:[FE]:[^:]*:[^:]*:[0-9]*: //' | cut -c1-100)   $m"
      killed=$((killed + 1))
    else
      echo "M$n SURVIVED  $m"
      survived=$((survived + 1))
    fi
    continue
  fi
  # shellcheck disable=SC2086
  rc=0
  timeout "${PBT_MUTANT_TIMEOUT:-300}" "$work/build/pbt" --seed 1,2,3,4 --count "$count" \
    --engines "spec,$engine" --show 0 --quiet $ignore > "$work/pbt.out" 2>&1 || rc=$?
  failed=$(tail -1 "$work/pbt.out" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
  if [ "$rc" -eq 124 ]; then
    echo "M$n killed: the checker ran for ever   $m"
    killed=$((killed + 1))
  elif [ "${failed:-0}" -gt 0 ]; then
    echo "M$n killed by $failed cases   $m"
    killed=$((killed + 1))
  elif [ "$rc" -ne 0 ] && [ -z "$failed" ]; then
    # the checker stopped before its summary: an engine aborted (the
    # whole-program JIT's isolation witness does, on a model fault)
    echo "M$n killed: the checker stopped (exit $rc): $(grep -m1 'isolation witness' "$work/pbt.out" | cut -c1-80)   $m"
    killed=$((killed + 1))
  else
    echo "M$n SURVIVED  $m"
    survived=$((survived + 1))
  fi
done < "$list"
cp "$source" "$work/$source"
echo "mutants ($engine): $n mutants, $killed killed, $survived survived, $stale stale"
[ "$survived" -eq 0 ] && [ "$stale" -eq 0 ]
