#!/bin/bash
# The demo at the end of `make`: an ordinary C program (Fletcher-32, one of
# the CAV 2024 paper's benchmarks) compiled by clang to eBPF, disassembled,
# run by the specification engine, and compared with the same C compiled
# for this machine.
set -eu
cd "$(dirname "$0")/../.."
d=build/demo
mkdir -p "$d"
src=tests/c/fletcher32.c
clang -O2 -ffreestanding -target bpf -mcpu=v3 -c "$src" -o "$d/fletcher32.o"
gcc -std=c11 -O2 -fno-strict-aliasing "$src" tests/c/native_main.c -o "$d/fletcher32-native"
printf 'litbpf runs eBPF programs safely.' > "$d/input"

echo "== $src, compiled by clang -target bpf, disassembled by litbpf:"
build/litbpf disasm "$d/fletcher32.o" | pr -2 -t -w 84 | expand | sed 's/^/  /'
echo "== run by the specification engine on the 33 bytes '$(cat "$d/input")':"
vm=$(build/litbpf run --engine spec --stats --mem-file "$d/input" "$d/fletcher32.o" 2> "$d/stats")
echo "  r0 = $vm   ($(sed 's/^litbpf: //' "$d/stats"))"
native=$("$d/fletcher32-native" "$d/input")
echo "== the same C compiled natively by gcc: r0 = $native"
if [ "$vm" = "$native" ]; then echo "== they agree"; else echo "== THEY DIFFER"; exit 1; fi
