#!/bin/sh
# build/m4run agrees with build/litbpf run: the same r0 (or the same error
# message and exit code) for every benchmark program with its input, for the
# C test programs of tests/c on a fixed input (the corpus of tests/real runs
# on the Cortex-M4 in tests/c_programs.sh, one boot for all), and for a
# program the loader refuses, one that fails at run time, the input given in
# hex, a budget that suffices and one that does not, and bad options; its cost
# figure is the same on every run; and every benchmark program leaves the
# input memory on the Cortex-M4, run by each engine and natively, as it does
# on the host (the firmware's and the host harness's digests agree); a
# program calling the standard helpers prints the same text through both.
# m4run takes and refuses what litbpf run does (an endless input, a repeat
# count above 2^64, --stats, --region), and reports its own failures with a
# message and its documented exit code: an input too large for the target's
# RAM (5), the time limit or a missing firmware (6), never silently.  Extra
# regions work on the Cortex-M4: read through, refused for writing, no
# address at or above 2^32 aliases one, and one that wraps past 2^32 is
# refused at load.
# Of the error messages the first line is compared, after the tool's name.
#   tests/check-m4run.sh M4RUN LITBPF [ENGINE...]   (default engines: spec interp)
set -eu
m4run=$1 litbpf=$2
shift 2
[ "$#" -gt 0 ] || set -- spec interp
mkdir -p build
work=$(mktemp -d build/check-m4run.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
pass=0 fail=0

# compare LABEL ENGINE ARGS...: stdout's first line, the message after the
# tool's name on stderr, and the exit code.
compare() {
  label=$1 engine=$2
  shift 2
  set +e
  "$litbpf" run --engine "$engine" "$@" > "$work/h.out" 2> "$work/h.err"; hrc=$?
  "$m4run" --engine "$engine" "$@" > "$work/t.out" 2> "$work/t.err"; trc=$?
  set -e
  # on an error m4run still prints the cost of the run on stdout: compare r0 only.
  # A run-time error is compared on its pc and status: litbpf adds the
  # instruction and advice from the host's own run (the faulting address,
  # the budget to ask for) after them, in parentheses and after a colon.
  h=$([ "$hrc" -ne 0 ] || head -n 1 "$work/h.out"
      sed -n '1{/^litbpf[^:]*:/!d; s/^litbpf[^:]*://; /^ run-time error at pc /s/ (.*$//; p}' "$work/h.err")
  t=$([ "$trc" -ne 0 ] || head -n 1 "$work/t.out"; sed -n '1s/^m4run[^:]*://p' "$work/t.err")
  if [ "$h" = "$t" ] && [ "$hrc" = "$trc" ] && { [ "$trc" -ne 0 ] || grep -q '^cost: [0-9]* instructions$' "$work/t.out"; }; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $label ($engine): litbpf run gives [$h] exit $hrc, m4run gives [$t] exit $trc"
  fi
}

for engine in "$@"; do
  for src in bench/programs/*.c; do
    name=$(basename "$src" .c)
    compare "$name" "$engine" --mem-file "bench/programs/$name.mem" "build/bench/bpf/$name.o"
  done
  if [ -d tests/c ]; then
    head -c 256 bench/programs/crc32.mem > "$work/input.mem"
    for src in tests/c/*.c; do
      name=$(basename "$src" .c)
      [ "$name" != native_main ] || continue
      [ -f "$work/$name.o" ] || clang -O2 -ffreestanding -target bpf -mcpu=v3 -c "$src" -o "$work/$name.o"
      compare "tests/c/$name" "$engine" --mem-file "$work/input.mem" "$work/$name.o"
    done
  fi
  # the standard helpers: printf (its format in the input), the local store,
  # memcpy; the whole of stderr must agree
  if [ ! -f "$work/helpers.o" ]; then
    cat > "$work/helpers.c" <<'C'
#include <stdint.h>
static int (*bpf_printf)(const char *fmt, ...) = (void *)0x01;
static void *(*bpf_memcpy)(void *, const void *, uint32_t) = (void *)0x02;
static int (*bpf_store_local)(uint32_t, uint32_t) = (void *)0x10;
static int (*bpf_fetch_local)(uint32_t, uint32_t *) = (void *)0x12;
uint64_t entry(uint8_t *mem, uint64_t len) {
  uint32_t v = 0;
  char copy[24];
  int stored = bpf_store_local(7, (uint32_t)len);
  int fetched = bpf_fetch_local(7, &v);
  int copied = bpf_memcpy(copy, mem, sizeof copy) == copy;
  int n = bpf_printf(copy, v, stored, fetched, copied);
  return (uint64_t)n * 1000 + v;
}
C
    clang -O2 -ffreestanding -target bpf -mcpu=v3 -c "$work/helpers.c" -o "$work/helpers.o"
    printf 'len=%%u %%d %%d %%d!\n\000........' > "$work/helpers.mem"
  fi
  compare helpers "$engine" --mem-file "$work/helpers.mem" "$work/helpers.o"
  set +e
  "$litbpf" run --engine "$engine" --mem-file "$work/helpers.mem" "$work/helpers.o" > /dev/null 2> "$work/h.err"
  "$m4run" --engine "$engine" --mem-file "$work/helpers.mem" "$work/helpers.o" > /dev/null 2> "$work/t.err"
  set -e
  if cmp -s "$work/h.err" "$work/t.err" && [ "$(cat "$work/t.err")" = "len=26 0 0 1!" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL helper output ($engine): litbpf run printed [$(cat "$work/h.err")], m4run [$(cat "$work/t.err")]"
  fi
  # refused at load time: an unknown opcode
  printf '\377\000\000\000\000\000\000\000\225\000\000\000\000\000\000\000' > "$work/refused.bin"
  compare refused "$engine" "$work/refused.bin"
  # a run-time error: a load far outside the (empty) input memory
  printf '\171\020\000\020\000\000\000\000\225\000\000\000\000\000\000\000' > "$work/memerr.bin"
  compare memory-error "$engine" "$work/memerr.bin"
  # the input as hex bytes
  compare mem-hex "$engine" --mem 9c000000 build/bench/bpf/incr.o
  # a loop of 99 taken backward jumps: enough budget, and one too few
  # (r0 = 0; loop: r0 += 1; if r0 < 100 goto loop; exit)
  printf '\267\000\000\000\000\000\000\000\007\000\000\000\001\000\000\000\245\000\376\377\144\000\000\000\225\000\000\000\000\000\000\000' > "$work/loop.bin"
  compare budget-enough "$engine" --budget 99 "$work/loop.bin"
  compare budget-short "$engine" --budget 98 "$work/loop.bin"
done

# bad input: an unknown engine, a missing file, a malformed test file
compare unknown-engine nosuch "$work/refused.bin"
compare missing-file spec "$work/no-such-file.o"
printf -- '-- asm\nmov %%r0, 1\nfrobnicate %%r1\nexit\n-- result\n0x1\n' > "$work/bad.data"
compare malformed spec "$work/bad.data"
# bad options: hex that is not, budgets that are not numbers or too large, two inputs
compare bad-hex spec --mem 9z "$work/refused.bin"
compare bad-budget spec --budget 12x "$work/refused.bin"
compare huge-budget spec --budget 18446744073709551616 "$work/refused.bin"
compare two-inputs spec --mem 00 --mem-file bench/programs/incr.mem "$work/refused.bin"
compare endless-mem-file spec --mem-file /dev/zero "$work/refused.bin"
compare directory-mem-file spec --mem-file "$work" build/bench/bpf/incr.o
compare huge-repeat spec --repeat 99999999999999999999 build/bench/bpf/incr.o
compare zero-repeat spec --repeat 0 build/bench/bpf/incr.o
compare missing-value spec build/bench/bpf/incr.o --budget
compare bad-region spec --region 0x10 build/bench/bpf/incr.o
compare bad-region-perm spec --region 0:16:x build/bench/bpf/incr.o
compare five-regions spec --region 0:1 --region 0:1 --region 0:1 --region 0:1 --region 0:1 build/bench/bpf/incr.o
compare top-region spec --region 0xffffff00:0x100:r build/bench/bpf/incr.o
for engine in "$@"; do
  compare stats "$engine" --stats --mem-file bench/programs/fib.mem build/bench/bpf/fib.o
  compare stats-error "$engine" --stats "$work/memerr.bin"
done

# expect_m4 LABEL CODE MESSAGE-PATTERN ARGS...: m4run alone, where the two
# machines differ (their memory, their address width) or m4run fails itself.
expect_m4() {
  label=$1 want=$2 pattern=$3
  shift 3
  set +e
  timeout 120 "$m4run" "$@" > "$work/t.out" 2> "$work/t.err"; trc=$?
  set -e
  if [ "$trc" = "$want" ] && grep -q -- "$pattern" "$work/t.err" "$work/t.out"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $label: m4run exit $trc (want $want), output: $(head -c 300 "$work/t.out" "$work/t.err")"
  fi
}
head -c 3000000 /dev/zero > "$work/big.mem"
expect_m4 input-too-large 5 "^m4run: the input memory (3000000 bytes) does not fit" \
  --mem-file "$work/big.mem" build/bench/bpf/incr.o
printf '\005\000\377\377\000\000\000\000\225\000\000\000\000\000\000\000' > "$work/forever.bin"
M4RUN_TIMEOUT=2 expect_m4 time-limit 6 "^m4run: the emulated Cortex-M4 did not finish within 2 s" \
  --budget 18446744073709551615 "$work/forever.bin"
M4RUN_FIRMWARE=$work/none.elf expect_m4 no-firmware 6 "^m4run: no firmware at" build/bench/bpf/incr.o
M4RUN_TIMEOUT=x expect_m4 bad-timeout 2 "^m4run: M4RUN_TIMEOUT" build/bench/bpf/incr.o
expect_m4 help 0 "^Exit codes" --help
# Regions of the Cortex-M4: the flash at 0 holds the initial stack pointer,
# the top of RAM (0x20400000).  Read it; writing is refused; the address
# 2^32 (which a 32-bit pointer would truncate to 0) is outside every region;
# a region of 0x101 bytes at 0xffffff00 wraps past 2^32 and is refused at
# load (on a 64-bit host it does not wrap: litbpf runs it).
for engine in "$@"; do
  printf -- '-- asm\nlddw %%r1, 0x0\nldxw %%r0, [%%r1+0]\nexit\n-- result\n0x20400000\n' > "$work/flash.data"
  expect_m4 "region read ($engine)" 0 "^0x20400000\$" --engine "$engine" --region 0:0x100:r "$work/flash.data"
  printf -- '-- asm\nlddw %%r1, 0x0\nstw [%%r1+0], 1\nmov %%r0, 0\nexit\n-- result\n0x0\n' > "$work/flashw.data"
  expect_m4 "region not writable ($engine)" 1 "^m4run: run-time error at pc 2: memory access violation" \
    --engine "$engine" --region 0:0x100:r "$work/flashw.data"
  printf -- '-- asm\nlddw %%r1, 0x100000000\nldxw %%r0, [%%r1+0]\nexit\n-- result\n0x0\n' > "$work/high.data"
  expect_m4 "address 2^32 ($engine)" 1 "^m4run: run-time error at pc 2: memory access violation" \
    --engine "$engine" --region 0:0x100:r "$work/high.data"
  expect_m4 "region wraps past 2^32 ($engine)" 3 "program refused at pc 0: bad argument" \
    --engine "$engine" --region 0xffffff00:0x101:r build/bench/bpf/incr.o
done
expect_m4 "region above 2^32" 2 "^m4run: invalid region '0x100000000:1'" --region 0x100000000:1 build/bench/bpf/incr.o
set +e
"$litbpf" run --region 0xffffffffffffff00:0x101 build/bench/bpf/incr.o > /dev/null 2> "$work/h.err"; hrc=$?
set -e
if [ "$hrc" = 3 ] && grep -q "program refused at pc 0: bad argument" "$work/h.err"; then pass=$((pass + 1)); else
  fail=$((fail + 1)); echo "FAIL litbpf: a region wrapping past 2^64 gives exit $hrc: $(cat "$work/h.err")"; fi

# the same figure every time, and --repeat agrees
a=$("$m4run" --engine interp --mem-file bench/programs/fletcher32.mem build/bench/bpf/fletcher32.o)
b=$("$m4run" --engine interp --repeat 3 --mem-file bench/programs/fletcher32.mem build/bench/bpf/fletcher32.o)
if [ "$a" = "$b" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL repeat: [$a] vs [$b]"; fi

# What the benchmark programs leave in their input memory, on both machines.
jobs=$PWD/$work/digest.jobs
: > "$jobs"
prep=$(dirname "$m4run")/m4prep
for src in bench/programs/*.c; do
  name=$(basename "$src" .c)
  "$prep" program "build/bench/bpf/$name.o" "$PWD/$work/$name.bin" "$PWD/$work/$name.unused" > /dev/null
  for engine in "$@" native; do
    program=$PWD/$work/$name.bin
    [ "$engine" != native ] || program=-
    echo "$name $engine $program $PWD/bench/programs/$name.mem - 0" >> "$jobs"
  done
done
"$m4run" --jobs "$jobs" > "$work/digest.out" || true
while read -r name engine status r0 rest; do
  case "$status" in ok) ;; *) continue ;; esac
  target=$(echo "$rest" | sed -n 's/.*mem=\(0x[0-9a-f]*\).*/\1/p')
  if [ "$engine" = native ]; then
    host=$(build/bench/native/run-"$name" "bench/programs/$name.mem" --digest | sed -n 's/^mem=//p')
  else
    host=$(build/bench/bench_host "$engine" "build/bench/bpf/$name.o" "bench/programs/$name.mem" |
      sed -n 's/.* mem=\(0x[0-9a-f]*\).*/\1/p')
  fi
  if [ -n "$target" ] && [ "$target" = "$host" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL memory of $name ($engine): Cortex-M4 digest [$target], host [$host]"
  fi
done < "$work/digest.out"
njobs=$(wc -l < "$jobs")
nok=$(grep -c ' ok ' "$work/digest.out" || true)
if [ "$nok" -ne "$njobs" ]; then
  fail=$((fail + 1))
  echo "FAIL memory digests: $nok of $njobs jobs ran to the end on the Cortex-M4"
fi

echo "m4run agrees with litbpf run: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
