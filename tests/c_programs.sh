#!/bin/bash
# Ordinary C programs (tests/c/*.c, and tests/real/*.c which keep state in
# globals and split their code over sections; each defines
#   uint64_t entry(uint8_t *mem, uint64_t len))
# compiled twice: by clang to eBPF (an ELF object that litbpf links: code
# sections, local calls, globals) and by gcc for the host (with
# tests/c/native_main.c as driver).  For each program, each of a few input
# memories and every engine of the tool, `litbpf run` must print the same r0
# as the native program.
# Each program is compiled for every ISA version in CPUS (default v3).
# usage: tests/c_programs.sh LITBPF BUILD-DIR [CPUS]
set -u
tool=$1 out=$2 cpus=${3:-v3}
export LC_ALL=C
mkdir -p "$out"
[ -x "$tool" ] || { echo "c_programs.sh: $tool is not executable" >&2; exit 2; }
engines=$("$tool" run --help | sed -n 's/.*available: \([a-z, ]*\)).*/\1/p' | tr -d ,)
[ -n "$engines" ] || { echo "c_programs.sh: cannot read the engine list" >&2; exit 2; }

# input memories: empty, one byte, a counting sequence, a header-like
# record, 200 pseudo-random bytes, and a line of sensor text
: > "$out/mem0"
printf '\052' > "$out/mem1"
awk 'BEGIN { for (i = 0; i < 19; i++) printf "%c", i }' > "$out/mem2"
printf '\000\001\000\040\012\000\000\001\005\100\377\377' > "$out/mem3"
printf '\000\002\000\010\300\250\000\001\003\100\000\000' > "$out/mem4"
awk 'BEGIN { srand(3); for (i = 0; i < 200; i++) printf "%c", int(rand() * 256) }' > "$out/mem5"
printf 'temp=21;hum=40;temp=22;err;lux=3' > "$out/mem6"

pass=0 fail=0
for src in tests/c/*.c tests/real/*.c; do
  name=$(basename "$src" .c)
  [ "$name" = native_main ] && continue
  gcc -std=c11 -O2 -fno-strict-aliasing "$src" tests/c/native_main.c -o "$out/$name-native" || { echo "FAIL $name: gcc"; fail=$((fail + 1)); continue; }
  for cpu in $cpus; do
    obj="$out/$name-$cpu.o"
    clang -O2 -ffreestanding -target bpf -mcpu="$cpu" -c "$src" -o "$obj" || { echo "FAIL $name: clang -mcpu=$cpu"; fail=$((fail + 1)); continue; }
    for mem in "$out"/mem[0-9]; do
      want=$("$out/$name-native" "$mem")
      for engine in $engines; do
        got=$("$tool" run --engine "$engine" --mem-file "$mem" "$obj" 2>&1)
        if [ "$got" = "$want" ]; then
          pass=$((pass + 1))
        else
          echo "FAIL $name (-mcpu=$cpu, $engine) on $(basename "$mem"): litbpf says '$got', native says '$want'"
          fail=$((fail + 1))
        fi
      done
    done
  done
done
echo "C programs vs native ($cpus; $engines): $pass agree, $fail differ"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
