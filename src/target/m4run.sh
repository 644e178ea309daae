#!/bin/bash
# m4run: run an eBPF program on the emulated Cortex-M4 (QEMU mps2-an386).
#
#   m4run [--engine NAME] [--mem HEX | --mem-file FILE] [--budget N] [--repeat N]
#         [--region ADDR:LEN[:PERM]]... [--stats] [--entry NAME] PROGRAM
#       The command line of `litbpf run', read by litbpf's own parser and
#       loaders (through m4prep), so that m4run takes and refuses exactly what
#       `litbpf run' does, with the same messages (prefixed `m4run') and exit
#       codes.  PROGRAM is raw bytecode, a .data test file, an ELF object
#       (with globals: sent to the firmware as an image) or an image (litbpf
#       pack's, or a RIOT femto-container file); the input memory is HEX or
#       FILE, else the .data file's -- mem, else empty; --budget N is the
#       run's budget (default as litbpf run); --region declares memory of the
#       Cortex-M4 (ADDR and LEN below 2^32).  Prints r0 as 0x... on the first
#       line, then `cost: N instructions', the Cortex-M4 instructions of the
#       run alone (exact and the same on every machine; see lit/target.nw).
#       What the program prints through the printf helper goes to stderr.
#       --repeat N measures N times and fails unless every measurement
#       agrees.  --stats prints the instructions executed and the budget used
#       on stderr, as litbpf does.  litbpf run's --trace and --json are the
#       host's: m4run refuses them (usage error).
#   m4run --jobs FILE
#       Boot the firmware once on a job file or a run stream (the formats are
#       in lit/target.nw) and print what it prints; the exit status is the
#       firmware's (0 all passed, 1 a job failed, 2 unusable job file or
#       stream), or 6.
#
# Exit codes (those of `litbpf run', and 6):
#   0  success
#   1  the program stopped with a run-time error
#   2  usage error
#   3  the program was refused by the loader (verifier)
#   4  the input is not a well-formed program (.data file, assembly, ELF, hex)
#   5  a file could not be read (missing, unreadable, larger than 16 MiB), or
#      the input memory does not fit in the Cortex-M4's free RAM
#   6  the emulated Cortex-M4 failed: QEMU missing or crashed, no firmware, the
#      time limit (M4RUN_TIMEOUT) reached, or no result from the firmware
#
# Installed by `make m4' as build/m4run; it finds the firmware
# (m4-O2/firmware.elf) and m4prep beside itself.  M4RUN_FIRMWARE overrides
# the firmware, M4RUN_TIMEOUT the limit in seconds of one boot (default 600).
set -u
here=$(cd "$(dirname "$0")" && pwd)
firmware=${M4RUN_FIRMWARE:-$here/m4-O2/firmware.elf}
prep=$here/m4prep
timeout_s=${M4RUN_TIMEOUT:-600}

fail() { # CODE MESSAGE...
  local code=$1
  shift
  printf 'm4run: %s\n' "$@" >&2
  exit "$code"
}

# One boot: boot JOBFILE OUT.  -icount shift=3: one instruction is 8 ns of
# virtual time, so the 25 MHz SysTick ticks once every five instructions,
# whatever the host.  Returns QEMU's status; a failure of QEMU itself (not
# found, killed, out of time) ends m4run with exit 6 and QEMU's own words.
boot() {
  [ -f "$firmware" ] || fail 6 "no firmware at $firmware (run 'make m4')"
  command -v qemu-system-arm > /dev/null || fail 6 "qemu-system-arm not found"
  case "$timeout_s" in '' | *[!0-9]* | 0) fail 2 "M4RUN_TIMEOUT must be a positive number of seconds" ;; esac
  local err status=0
  err=$(mktemp "${TMPDIR:-/tmp}/m4run-err.XXXXXX")
  : > "$2"
  timeout "$timeout_s" qemu-system-arm -M mps2-an386 -nographic -monitor none \
    -serial none -icount shift=3,align=off,sleep=off -chardev file,id=out,path="$2" \
    -semihosting-config enable=on,target=native,chardev=out -kernel "$firmware" -append "$1" \
    2> "$err" || status=$?
  if [ "$status" -eq 124 ]; then
    rm -f "$err"
    fail 6 "the emulated Cortex-M4 did not finish within $timeout_s s (M4RUN_TIMEOUT)"
  fi
  if [ "$status" -gt 2 ]; then
    cat "$2" "$err" >&2
    rm -f "$err"
    fail 6 "QEMU failed (exit status $status)"
  fi
  rm -f "$err"
  return "$status"
}

if [ "${1:-}" = "--jobs" ]; then
  [ "$#" -eq 2 ] || fail 2 "--jobs takes one job file" "(see 'm4run --help')"
  [ -r "$2" ] && [ -f "$2" ] || fail 5 "$2: cannot read the job file"
  case "$2" in *[[:space:]]*) fail 2 "the job file's path must not contain blanks" ;; esac
  out=$(mktemp "${TMPDIR:-/tmp}/m4run-out.XXXXXX")
  status=0
  boot "$2" "$out" || status=$?
  cat "$out"
  rm -f "$out"
  exit "$status"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/m4run.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
case "$work" in *[[:space:]]*) fail 2 "the temporary directory's path must not contain blanks" ;; esac
# litbpf's parser and loaders: the options, the program, the input memory.
status=0
"$prep" run "$work" run "$@" > "$work/prep" || status=$?
[ "$status" -eq 0 ] || exit "$status"
line=$(sed -n 1p "$work/prep") program_name=$(sed -n 2p "$work/prep")
set -- $line
[ "$1" != help ] || { sed -n '2,/^set -u$/{/^#/s/^# \{0,1\}//p}' "$0"; exit 0; }
engine=$1 budget=$2 repeat=$3 stats=$4
shift 4
echo "run $engine $work/code.bin $work/mem.bin - $repeat $budget $*" > "$work/jobs"

status=0
boot "$work/jobs" "$work/out" || status=$?
# The firmware's line: run ENGINE ok R0 insns=I cost=C mem=D budget=B
#                    | run ENGINE error S pc=P cost=C mem=D budget=B | run ENGINE refused S pc=P
line=$(grep '^run ' "$work/out" || true)
if [ -z "$line" ]; then
  if grep -q '^run: the input memory does not fit' "$work/out"; then
    fail 5 "the input memory ($(stat -c %s "$work/mem.bin") bytes) does not fit in the Cortex-M4's free RAM"
  fi
  cat "$work/out" >&2
  fail 6 "the firmware did not run the program (exit status $status)"
fi
# what the program printed through the printf helper, as litbpf run shows it
sed -n 's/^print //p' "$work/out" >&2
set -- $line
cost="" insns="" used=""
for f in "$@"; do
  case "$f" in cost=*) cost=${f#cost=} ;; insns=*) insns=${f#insns=} ;; budget=*) used=${f#budget=} ;; esac
done
print_stats() {
  [ "$stats" = 1 ] || return 0
  echo "m4run: ${insns:-0} instructions executed, budget used $used of $budget" >&2
}
case "$3" in
  ok) echo "$4"; echo "cost: $cost instructions"; print_stats ;;
  error)
    echo "m4run: run-time error at pc ${5#pc=}: $(echo "$4" | tr _ ' ')" >&2
    echo "cost: $cost instructions"
    print_stats
    exit 1 ;;
  refused) echo "m4run: $program_name: program refused at pc ${5#pc=}: $(echo "$4" | tr _ ' ')" >&2; exit 3 ;;
  *) fail 6 "unexpected firmware output: $line" ;;
esac
