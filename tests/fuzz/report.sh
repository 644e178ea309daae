#!/bin/bash
# Write the reliability record from the logs of a timed `tests/fuzz/run.sh
# time SECONDS TARGET...' (make fuzz-report): per target, the executions,
# the time, the corpus size, the crashes, the divergences (engines that
# disagree: the differential targets), the engines compared, the date and
# the commit.  A TARGET m4-Os or m4-O2 is the Cortex-M4 differential check
# (make check-m4diff, tests/m4diff.c) through that firmware, read from its log
# build/m4diff-Os.log or build/m4diff-O2.log.
#   tests/fuzz/report.sh SECONDS OUT TARGET...
set -u
seconds=$1 out=$2
shift 2
engines=$(build/litbpf run --help | sed -n 's/.*available: \(.*\))$/\1/p')
commit=$(git rev-parse --short HEAD 2> /dev/null || echo unknown)
dirty=$(git status --porcelain -- . ':!bench/results' 2> /dev/null | head -n 1)
{
  echo "# Reliability record"
  echo
  echo "Written by \`make fuzz-report\` (tests/fuzz/report.sh). Do not edit by hand."
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $commit${dirty:+ (with uncommitted changes)}"
  jobs=${FUZZ_JOBS:-1}
  if [ "$jobs" -gt 1 ]; then how="up to $jobs at once (\`FUZZ_JOBS=$jobs\`),"
  else how="one after the other,"; fi
  niceness=$(nice)
  if [ "$niceness" -gt 0 ]; then
    where="a machine of $(nproc) cores, at niceness $niceness (other work on the machine came first)"
  else
    where="a machine of $(nproc) cores"
  fi
  echo "- each target ran for $seconds seconds (\`make fuzz-report FUZZ_SECONDS=$seconds\`),"
  echo "  $how from its committed seeds and the corpus earlier runs kept"
  echo "  (build/fuzz/work/), on $where; libFuzzer with ASan and UBSan"
  echo "  ($(clang --version | head -n 1))"
  echo "- engines of the table: $engines; the differential targets compare every"
  echo "  engine after the first with the first (the specification)"
  echo
  echo "| target | what it checks | executions | seconds | corpus | crashes | divergences | engines compared |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"
  for t in "$@"; do
    log=build/fuzz/work/$t.log
    case "$t" in m4-*) log=build/m4diff-${t#m4-}.log ;; esac
    secs=$(sed -n 's/^elapsed_seconds: *//p' "$log" | tail -n 1)
    div=0 compared="-"
    case "$t" in
      m4-*)
        runs=$(sed -n 's/^stream: [0-9]* cases, \([0-9]*\) runs$/\1/p' "$log")
        corpus="-"
        crashes=$(grep -c 'did not run the stream\|unexpected exception\|malformed or unwritable' "$log")
        div=$(awk '/agrees with spec on the host on/ { for (i = 2; i < NF; i++) if ($i == "of") d += $(i + 1) - $(i - 1) } END { print d + 0 }' "$log")
        compared=$(sed -n 's/^m4diff: \([^ ]*\) on the Cortex-M4 agrees.*/\1/p' "$log" | paste -sd, - | sed 's/,/, /g')
        ;;
      *)
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
        corpus=$(find "build/fuzz/work/$t" -type f | wc -l)
        crashes=$(ls build/fuzz/work/"$t"-* 2> /dev/null | wc -l)
        ;;
    esac
    case "$t" in
      elf) what="ELF reader (lbpf_elf_code)" ;;
      data) what=".data reader (lbpf_testfile_parse)" ;;
      hex) what="hex reader (lbpf_hex_decode)" ;;
      asm) what="assembler, then disassembler" ;;
      load) what="verifier and every engine's load; a refused load never runs" compared=$engines ;;
      diff) what="generated programs, every engine against spec (64-bit)" compared=$engines ;;
      diff32) what="the same, built with -m32 (32-bit addresses and counters)" compared=$engines ;;
      m4-*) what="generated programs on the Cortex-M4 (-${t#m4-} firmware), each engine against spec on the host; extra regions, accesses past 2^32" ;;
      *) what="?" ;;
    esac
    case "$t" in diff*) div=$(grep -c 'the engines differ' "$log") ;; esac
    echo "| $t | $what | ${runs:-?} | ${secs:-?} | $corpus | $crashes | $div | $compared |"
  done
  echo
  echo "A crash is any sanitizer report, abort, leak or time-out (20 s per input);"
  echo "a divergence is a case on which two engines' outcomes differ (load"
  echo "refusal, status, pc, r0, budget used, instructions, any byte of memory) or"
  echo "a run above the budget's bound of ninsns + budget instructions."
  echo "The m4 rows are \`make check-m4diff\` (tests/m4diff.c): its executions are runs"
  echo "(cases times engines) in one boot of the emulated Cortex-M4, its divergences"
  echo "runs whose whole outcome differs from the specification's on the host."
} > "$out"
echo "fuzz-report: wrote $out"
