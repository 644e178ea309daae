#!/bin/sh
# m4run: run an eBPF program on the emulated Cortex-M4 (QEMU mps2-an386).
#
#   m4run [--engine NAME] [--mem HEX | --mem-file FILE] [--budget N] [--repeat N] PROGRAM
#       Like `litbpf run': PROGRAM is raw bytecode, a .data test file, an
#       ELF object (with globals: sent to the firmware as an image) or an
#       image (litbpf pack's, or a RIOT femto-container file); the input
#       memory is HEX (hex bytes) or FILE, else the .data file's -- mem,
#       else empty; --budget N bounds the taken backward
#       jumps and calls (default as litbpf run).  Prints r0 as 0x... on the
#       first line, then `cost: N instructions', the Cortex-M4 instructions
#       of the run alone
#       (exact and the same on every machine; see lit/target.nw).  What the
#       program prints through the printf helper goes to stderr.  --repeat N
#       measures N times and fails unless every measurement agrees.  Errors and
#       exit codes are those of `litbpf run' (1 run-time error, 2 usage,
#       3 refused, 4 malformed program, 5 unreadable file), with the messages
#       prefixed `m4run' instead of `litbpf'.
#   m4run --jobs FILE
#       Boot the firmware once on a job file (the format is in lit/target.nw)
#       and print what it prints; the exit status is the firmware's.
#
# Installed by `make m4' as build/m4run; it finds the firmware
# (m4-O2/firmware.elf) and m4prep beside itself.  M4RUN_FIRMWARE overrides
# the firmware, M4RUN_TIMEOUT the limit in seconds of one boot (default 600).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
firmware=${M4RUN_FIRMWARE:-$here/m4-O2/firmware.elf}
prep=$here/m4prep

usage() {
  echo "m4run: $1" >&2
  echo "(see 'm4run --help')" >&2
  exit 2
}

# One boot.  -icount shift=3: one instruction is 8 ns of virtual time, so the
# 25 MHz SysTick ticks once every five instructions, whatever the host.
boot() {
  [ -f "$firmware" ] || { echo "m4run: no firmware at $firmware (run 'make m4')" >&2; exit 5; }
  out=$(mktemp "${TMPDIR:-/tmp}/m4run-out.XXXXXX")
  set +e
  timeout "${M4RUN_TIMEOUT:-600}" qemu-system-arm -M mps2-an386 -nographic -monitor none \
    -serial none -icount shift=3,align=off,sleep=off -chardev file,id=out,path="$out" \
    -semihosting-config enable=on,target=native,chardev=out -kernel "$firmware" -append "$1"
  status=$?
  set -e
  cat "$out"; rm -f "$out"
  return "$status"
}

if [ "${1:-}" = "--jobs" ]; then
  [ "$#" -eq 2 ] || usage "--jobs takes one job file"
  [ -r "$2" ] || { echo "m4run: $2: cannot read the job file" >&2; exit 5; }
  case "$2" in *" "*) usage "the job file's path must not contain blanks" ;; esac
  set +e; boot "$2"; status=$?; exit "$status"
fi

engine=spec mem_file="" mem_hex="" has_hex=0 budget="" repeat=1 program=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h|--help) sed -n '2,/^set -eu$/{/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;;
    --engine) [ "$#" -ge 2 ] || usage "--engine needs a value"; engine=$2; shift 2 ;;
    --engine=*) engine=${1#*=}; shift ;;
    --mem-file) [ "$#" -ge 2 ] || usage "--mem-file needs a value"; mem_file=$2; shift 2 ;;
    --mem-file=*) mem_file=${1#*=}; shift ;;
    --mem) [ "$#" -ge 2 ] || usage "--mem needs a value"; mem_hex=$2; has_hex=1; shift 2 ;;
    --mem=*) mem_hex=${1#*=}; has_hex=1; shift ;;
    --budget) [ "$#" -ge 2 ] || usage "--budget needs a value"; budget=$2; shift 2 ;;
    --budget=*) budget=${1#*=}; shift ;;
    --repeat) [ "$#" -ge 2 ] || usage "--repeat needs a value"; repeat=$2; shift 2 ;;
    --repeat=*) repeat=${1#*=}; shift ;;
    -?*) usage "unknown option '$1'" ;;
    *) [ -z "$program" ] || usage "more than one program ('$program', '$1')"; program=$1; shift ;;
  esac
done
[ -n "$program" ] || usage "no program given"
case "$repeat" in ''|*[!0-9]*|0) usage "invalid repeat count '$repeat'" ;; esac
[ "$has_hex" -eq 0 ] || [ -z "$mem_file" ] || usage "--mem and --mem-file exclude each other"
# a budget is decimal digits and at most 2^64 - 1, as litbpf run reads it
case "$budget" in
  "") ;;
  *[!0-9]*) usage "invalid budget '$budget'" ;;
  *) digits=$(printf '%s' "$budget" | sed 's/^0*//')
     if [ "${#digits}" -gt 20 ] || { [ "${#digits}" -eq 20 ] && [ "$digits" \> 18446744073709551615 ]; }; then
       usage "invalid budget '$budget'"
     fi
     budget=${digits:-0} ;;
esac
# the firmware links the engine table the host tools use: ask it on the host
msg=$("$prep" engine "$engine" 2>&1) || usage "$msg"

work=$(mktemp -d "${TMPDIR:-/tmp}/m4run.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
# The loaders of litbpf turn PROGRAM into raw code (and .data memory).
set +e
kind=$("$prep" program "$program" "$work/code.bin" "$work/mem.bin" 2> "$work/err")
rc=$?
set -e
if [ "$rc" -ne 0 ]; then sed 's/^litbpf:/m4run:/' "$work/err" >&2; exit "$rc"; fi
if [ "$has_hex" -eq 1 ]; then
  set +e
  "$prep" hex "$mem_hex" "$work/mem.bin" 2> "$work/err"
  rc=$?
  set -e
  if [ "$rc" -ne 0 ]; then sed 's/^litbpf:/m4run:/' "$work/err" >&2; exit "$rc"; fi
elif [ -n "$mem_file" ]; then
  if ! cat -- "$mem_file" > "$work/mem.bin" 2> /dev/null || [ -d "$mem_file" ]; then
    echo "m4run: --mem-file: $mem_file: cannot read" >&2
    exit 5
  fi
elif [ "$kind" = nomem ]; then
  : > "$work/mem.bin"
fi
echo "run $engine $work/code.bin $work/mem.bin - $repeat $budget" > "$work/jobs"

set +e
boot "$work/jobs" > "$work/out" 2> "$work/qemu-err"
rc=$?
set -e
# The firmware's line: run ENGINE ok R0 insns=I cost=C | error S pc=P cost=C | refused S pc=P
line=$(grep '^run ' "$work/out" || true)
if [ -z "$line" ]; then
  if grep -q 'unknown engine' "$work/out"; then usage "unknown engine '$engine'"; fi
  echo "m4run: the firmware did not run the program (exit status $rc):" >&2
  cat "$work/out" "$work/qemu-err" >&2
  exit 5
fi
# what the program printed through the printf helper, as litbpf run shows it
sed -n 's/^print //p' "$work/out" >&2
set -- $line
cost=""
for f in "$@"; do case "$f" in cost=*) cost=${f#cost=} ;; esac; done
case "$3" in
  ok) echo "$4"; echo "cost: $cost instructions" ;;
  error) echo "m4run: run-time error at pc ${5#pc=}: $(echo "$4" | tr _ ' ')" >&2; echo "cost: $cost instructions"; exit 1 ;;
  refused) echo "m4run: $program: program refused at pc ${5#pc=}: $(echo "$4" | tr _ ' ')" >&2; exit 3 ;;
  *) echo "m4run: unexpected firmware output: $line" >&2; exit 5 ;;
esac
