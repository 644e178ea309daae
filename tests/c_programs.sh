#!/bin/bash
# C programs against the same C compiled natively: tests/c/*.c (plain
# functions) and the corpus of tests/real/*.c (programs as people write them
# for femto-containers: globals kept between runs, several functions and
# sections, the standard helpers through tests/real/helpers.h).
#
# Each program is compiled by clang to eBPF (an ELF object that litbpf
# links) for every ISA version of CPUS, and by gcc for the host with the
# native driver and the native helpers of tests/c/native_main.c.  A program
# runs by default from entry(); a line "// run: OPTIONS" in it (one or more)
# gives instead the runs to make, OPTIONS among --entry FUNCTION (the native
# twin is built with -DFUNCTION=entry) and --repeat N (globals and the
# helpers' stores kept from one run to the next).  For each program, run,
# input memory and engine, `litbpf run` must print what the native twin
# prints: r0 on stdout, and on stderr the text of bpf_printf.
#
# With --m4 M4RUN, every program, run and memory also runs on the emulated
# Cortex-M4, every engine, in one boot of the firmware (a job file): r0,
# the digest of the input memory the program leaves, and the printed text
# must be those of the native twin run once (the firmware runs each job
# from a freshly loaded program, so --repeat is not asked of it).
#
# usage: tests/c_programs.sh [--m4 M4RUN] [--mems NAMES] LITBPF BUILD-DIR "CPUS" ENGINE...
#   CPUS e.g. "v1 v2 v3"; the engines are the build's ENGINES; --mems
#   "mem5 mem7" keeps only those of the input memories below.
#   C_PROGRAMS_MEMS=N adds N pseudo-random input memories (a longer sweep).
set -u
m4run= only=
while [ $# -gt 1 ]; do
  case "$1" in
    --m4) m4run=$2 ;;
    --mems) only=$2 ;;
    *) break ;;
  esac
  shift 2
done
[ $# -ge 4 ] || { echo "usage: tests/c_programs.sh [--m4 M4RUN] [--mems NAMES] LITBPF BUILD-DIR CPUS ENGINE..." >&2; exit 2; }
tool=$1 out=$2 cpus=$3
shift 3
engines=$*
export LC_ALL=C
mkdir -p "$out"
out=$(cd "$out" && pwd) # the firmware reads the job file's paths from anywhere
[ -x "$tool" ] || { echo "c_programs.sh: $tool is not executable" >&2; exit 2; }
table=$("$tool" run --help | sed -n 's/.*available: \([a-z, ]*\)).*/\1/p' | tr -d ,)
for e in $engines; do
  case " $table " in *" $e "*) ;; *) echo "c_programs.sh: engine '$e' is not in the tool's engine table ($table)" >&2; exit 2 ;; esac
done
inc="-Igenerated/include -Isrc/host"
# fresh: FILE is newer than every one of the other files
fresh() { local f=$1; shift; for d; do [ "$f" -nt "$d" ] || return 1; done; }

# Input memories: empty, one byte, a counting sequence, two header-like
# records, 200 pseudo-random bytes, a line of sensor text, an IPv6/UDP/CoAP
# request, a series of signed 16-bit readings, type-length-value records.
: > "$out/mem0"
printf '\052' > "$out/mem1"
awk 'BEGIN { for (i = 0; i < 19; i++) printf "%c", i }' > "$out/mem2"
printf '\000\001\000\040\012\000\000\001\005\100\377\377' > "$out/mem3"
printf '\000\002\000\010\300\250\000\001\003\100\000\000' > "$out/mem4"
awk 'BEGIN { srand(3); for (i = 0; i < 200; i++) printf "%c", int(rand() * 256) }' > "$out/mem5"
printf 'temp=21;hum=40;temp=22;err;lux=3' > "$out/mem6"
{
  # IPv6: version 6, flow 0x12345, 47 bytes of UDP, hop limit 64, fe80::1 to fe80::2
  printf '\x60\x01\x23\x45\x00\x2f\x11\x40\xfe\x80\0\0\0\0\0\0\0\0\0\0\0\0\0\x01'
  printf '\xfe\x80\0\0\0\0\0\0\0\0\0\0\0\0\0\x02'
  # UDP from 54321 to 5683 (CoAP), 47 bytes, its checksum
  printf '\xd4\x31\x16\x33\x00\x2f\xf1\xd8'
  # CoAP: CON GET, mid 0x1234, token beef; Uri-Path sensors, Uri-Path temp,
  # Content-Format (empty), Uri-Query of 14 bytes (extended length); payload
  printf '\x42\x01\x12\x34\xbe\xef\xb7sensors\x04temp\x10\x3d\x01unit=celsius&x\xffhi'
} > "$out/mem7"
le16() { for v; do printf '\\x%02x\\x%02x' $((v & 255)) $(((v >> 8) & 255)); done; }
# shellcheck disable=SC2059
printf "$(le16 2000 2300 2600 2700 2400 2100 1900 2550 2580 2150 -40 3000 2499 -32768 32767)" > "$out/mem8"
printf '\x01\x02\x00\x1e\x02\x02\x09\xc4\x03\x05node7\x04\x01\x0f\x09\x03\xaa\xbb\xcc\x01\x04\x00\x00\x01\x2c\x05\x09\x01\x02' > "$out/mem9"
# every program gets mem0-mem6 (and the random ones), the corpus also the
# last three; --mems keeps those it names
all_mems= corpus_mems=
for m in mem0 mem1 mem2 mem3 mem4 mem5 mem6 mem7 mem8 mem9; do
  case " ${only:-$m} " in *" $m "*) ;; *) continue ;; esac
  case $m in mem[789]) corpus_mems="$corpus_mems $out/$m" ;; *) all_mems="$all_mems $out/$m" ;; esac
done
for k in $(seq 1 "${C_PROGRAMS_MEMS:-0}"); do
  awk -v s="$k" 'BEGIN { srand(s); n = int(rand() * 300); for (i = 0; i < n; i++) printf "%c", int(rand() * 256) }' > "$out/rand$k"
  all_mems="$all_mems $out/rand$k"
done
# the native driver, compiled once
fresh "$out/native_main.o" tests/c/native_main.c generated/include/lbpf_helpers.h src/host/runner.h ||
  gcc -std=c11 -O2 -Wall -Wextra -Werror $inc -c tests/c/native_main.c -o "$out/native_main.o" || exit 2

jobs=$out/jobs expected=$out/expected
: > "$jobs"
: > "$expected"
# native OUT NATIVE ARGS...: the twin's lines (what it printed, r0, perhaps
# the digest) into the array lines
native() { "${@:2}" > "$1" 2>&1; mapfile -t lines < "$1"; }
pass=0 fail=0
for src in tests/c/*.c tests/real/*.c; do
  name=$(basename "$src" .c)
  [ "$name" = native_main ] && continue
  mems=$all_mems
  case $src in tests/real/*) mems="$mems $corpus_mems" ;; esac
  for cpu in $cpus; do
    obj=$out/$name-$cpu.o
    fresh "$obj" "$src" tests/real/helpers.h generated/include/lbpf_helpers.h ||
      clang -O2 -ffreestanding -target bpf -mcpu="$cpu" -Wall -Wextra -Werror $inc -c "$src" -o "$obj" ||
      { echo "FAIL $name: clang -mcpu=$cpu"; fail=$((fail + 1)); rm -f "$obj"; }
  done
  runs=$(sed -n 's|^// run: *||p' "$src")
  k=0
  while IFS= read -r options <&3; do
    k=$((k + 1))
    [ "$options" != - ] || options=
    # shellcheck disable=SC2086
    set -- $options
    entry=entry repeat=1
    while [ $# -gt 0 ]; do
      case "$1" in
        --entry) entry=$2 ;;
        --repeat) repeat=$2 ;;
        *) echo "FAIL $name: unknown run option '$1' in '// run: $options'"; fail=$((fail + 1)); continue 2 ;;
      esac
      shift 2
    done
    # the twin: the function run is renamed entry() for the driver
    twin=$out/$name-native-$entry rename=
    [ "$entry" = entry ] || rename=-D$entry=entry
    fresh "$twin" "$src" tests/real/helpers.h generated/include/lbpf_helpers.h "$out/native_main.o" ||
      gcc -std=c11 -O2 -Wall -Wextra -Werror -fno-strict-aliasing $inc $rename \
        "$src" "$out/native_main.o" -o "$twin" ||
      { echo "FAIL $name: gcc"; fail=$((fail + 1)); continue; }
    # what the native twin says for each memory: on the host (--repeat),
    # and for the Cortex-M4 (one run, its printed lines, r0, the digest)
    declare -A want=() once=()
    for mem in $mems; do
      native "$out/native.out" "$twin" "$mem" --repeat "$repeat"
      ifs=$IFS IFS=$'\n'
      want[$mem]="${lines[*]}"
      IFS=$ifs
      if [ -n "$m4run" ]; then
        [ "$repeat" = 1 ] || native "$out/native.out" "$twin" "$mem"
        native "$out/native.out" "$twin" "$mem" --digest
        n=${#lines[@]}
        [ "$n" -ge 2 ] || { echo "FAIL $name: the native twin fails on $mem"; fail=$((fail + 1)); n=2 lines=(- -); }
        once[$mem]="ok ${lines[n - 2]} ${lines[n - 1]}"
        [ "$n" -le 2 ] || once[$mem]+=$'\n'$(printf 'print %s\n' "${lines[@]:0:n-2}")
      fi
    done
    for cpu in $cpus; do
      obj=$out/$name-$cpu.o
      [ -f "$obj" ] || continue
      if [ -n "$m4run" ]; then
        prep=$out/$name-$cpu-$k
        mkdir -p "$prep"
        # shellcheck disable=SC2086
        "$(dirname "$m4run")/m4prep" run "$prep" run $options "$obj" > /dev/null ||
          { echo "FAIL $name (-mcpu=$cpu, $options): m4prep"; fail=$((fail + 1)); }
      fi
      for mem in $mems; do
        for engine in $engines; do
          # shellcheck disable=SC2086
          got=$("$tool" run --engine "$engine" $options --mem-file "$mem" "$obj" 2>&1)
          if [ "$got" = "${want[$mem]}" ]; then
            pass=$((pass + 1))
          else
            echo "FAIL $name (-mcpu=$cpu, $engine${options:+, $options}) on $(basename "$mem"):" \
              "litbpf says '$got', native says '${want[$mem]}'"
            fail=$((fail + 1))
          fi
          if [ -n "$m4run" ]; then
            job=$name-$cpu-$k-$(basename "$mem")
            r0=${once[$mem]#ok }
            echo "$job $engine $prep/code.bin $mem ${r0%% *} 0" >> "$jobs"
            echo "$job $engine ${once[$mem]}" >> "$expected"
          fi
        done
      done
    done
  done 3<<< "${runs:--}"
done
echo "C programs vs native ($cpus; $engines): $pass agree, $fail differ"

if [ -n "$m4run" ]; then
  # one boot; each job's line reduced to name, engine, outcome, r0 and
  # digest, followed by what the program printed
  "$m4run" --jobs "$jobs" > "$out/m4.out"
  sed -e '/^[0-9]* passed, [0-9]* failed$/d' \
    -e 's/^\([^ ]*\) \([^ ]*\) ok \([^ ]*\) insns=[0-9]* mem=\([^ ]*\) budget=[0-9]* [A-Z]*$/\1 \2 ok \3 mem=\4/' \
    "$out/m4.out" > "$out/m4.got"
  njobs=$(wc -l < "$jobs")
  if diff "$expected" "$out/m4.got" > "$out/m4.diff"; then
    echo "C programs on the Cortex-M4 vs native ($cpus; $engines): $njobs jobs agree"
  else
    echo "FAIL on the Cortex-M4 (expected < > the firmware):"
    head -n 40 "$out/m4.diff"
    fail=$((fail + 1))
  fi
fi
[ $fail -eq 0 ] && [ $pass -gt 0 ]
