#!/bin/bash
# Run fuzz targets (built by src/build/rel.mk) from their committed seeds.
#   tests/fuzz/run.sh runs N TARGET...   N executions each, seed 1 (make check-fuzz)
#   tests/fuzz/run.sh time S TARGET...   S seconds each (make fuzz, make fuzz-report)
# With FUZZ_JOBS=J in the environment (default 1), up to J targets run at
# once; each still runs for its own S seconds or N executions.
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
jobs=${FUZZ_JOBS:-1}
case "$jobs" in ''|*[!0-9]*|0) echo "run.sh: FUZZ_JOBS must be a positive integer" >&2; exit 2 ;; esac
case "$mode" in runs|time) ;; *) echo "run.sh: mode is runs or time" >&2; exit 2 ;; esac
# one target: run it, then print one line (and the log's errors on failure);
# the exit status says whether it passed
run_one() {
  local t=$1 bin seeds work rc start runs limit
  bin=build/fuzz/64/fuzz-$t seeds=tests/fuzz/corpus/$t
  if [ "$t" = diff32 ]; then bin=build/fuzz/32/fuzz-diff seeds=tests/fuzz/corpus/diff; fi
  work=build/fuzz/work/$t
  case "$mode" in
    runs) work=build/fuzz/check/$t; rm -rf "$work"; limit=(-runs="$amount") ;;
    time) limit=(-max_total_time="$amount") ;;
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
    echo "fuzz $t: ${runs:-?} executions, no crash"
  else
    echo "FAIL fuzz $t (exit $rc): see $work.log; the input is $(ls "$work"-* 2> /dev/null | head -n 1)"
    grep -m 20 -E 'ERROR|SUMMARY|differ|runtime error|abort' "$work.log"
  fi
  return "$rc"
}
fail=0 pass=0
outs=()
pids=()
# reap the oldest running target, counting its result and printing its lines
reap() {
  if wait "${pids[0]}"; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
  cat "${outs[0]}"; rm -f "${outs[0]}"
  pids=("${pids[@]:1}"); outs=("${outs[@]:1}")
}
for t in "$@"; do
  out=$(mktemp)
  run_one "$t" > "$out" 2>&1 &
  pids+=($!); outs+=("$out")
  if [ "${#pids[@]}" -ge "$jobs" ]; then reap; fi
done
while [ "${#pids[@]}" -gt 0 ]; do reap; done
echo "fuzz targets: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
