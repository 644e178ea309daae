#!/bin/sh
# build/m4run agrees with build/litbpf run: the same r0 (or the same error
# message and exit code) for every benchmark program with its input, for the
# C test programs of tests/c and tests/real (globals: sent as images) on a
# fixed input, and for a
# program the loader refuses, one that fails at run time, the input given in
# hex, a budget that suffices and one that does not, and bad options; its cost
# figure is the same on every run; and every benchmark program leaves the
# input memory on the Cortex-M4, run by each engine and natively, as it does
# on the host (the firmware's and the host harness's digests agree); and a
# program calling the standard helpers prints the same text through both.
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
  # on an error m4run still prints the cost of the run on stdout: compare r0 only
  h=$([ "$hrc" -ne 0 ] || head -n 1 "$work/h.out"; sed -n '1s/^litbpf[^:]*://p' "$work/h.err")
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
    for src in tests/c/*.c tests/real/*.c; do
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
