#!/bin/bash
# Run fuzz targets (built by src/build/rel.mk) from their committed seeds.
#   tests/fuzz/run.sh runs N TARGET...   N executions each, seed 1 (make check-fuzz)
#   tests/fuzz/run.sh time S TARGET...   S seconds each (make fuzz, make fuzz-report)
# TARGET is elf, data, hex, asm, load, diff, or diff32 (the differential
# target built with -m32).  Seeds: tests/fuzz/corpus/TARGET (diff32 shares
# diff's).  What a target adds to its corpus goes to build/fuzz/work/TARGET
# for timed runs (kept from one to the next) and to a fresh
# build/fuzz/check/TARGET for counted ones; the log goes beside it
# (TARGET.log); a crash, leak, time-out or divergence leaves its input there
# as TARGET-crash-... and fails the run.
set -u
mode=$1 amount=$2
shift 2
fail=0 pass=0
for t in "$@"; do
  bin=build/fuzz/64/fuzz-$t seeds=tests/fuzz/corpus/$t
  if [ "$t" = diff32 ]; then bin=build/fuzz/32/fuzz-diff seeds=tests/fuzz/corpus/diff; fi
  work=build/fuzz/work/$t
  case "$mode" in
    runs) work=build/fuzz/check/$t; rm -rf "$work"; limit=(-runs="$amount") ;;
    time) limit=(-max_total_time="$amount") ;;
    *) echo "run.sh: mode is runs or time" >&2; exit 2 ;;
  esac
  mkdir -p "$work"
  rm -f "$work"-crash-* "$work"-leak-* "$work"-timeout-* "$work"-oom-*
  start=$(date +%s)
  "$bin" -seed=1 "${limit[@]}" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work-" "$work" "$seeds" > "$work.log" 2>&1
  rc=$?
  echo "elapsed_seconds: $(($(date +%s) - start))" >> "$work.log"
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work.log" | tail -n 1)
  if [ "$rc" -eq 0 ]; then
    pass=$((pass + 1))
    echo "fuzz $t: ${runs:-?} executions, no crash"
  else
    fail=$((fail + 1))
    echo "FAIL fuzz $t (exit $rc): see $work.log; the input is $(ls "$work"-* 2> /dev/null | head -n 1)"
    grep -m 20 -E 'ERROR|SUMMARY|differ|runtime error|abort' "$work.log"
  fi
done
echo "fuzz targets: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
