#!/bin/bash
# The demo at the end of `make`: an ordinary C program (Fletcher-32, one of
# the CAV 2024 paper's benchmarks) compiled by clang to eBPF, disassembled,
# run by the specification engine and by the interpreter, on this machine and
# on an emulated Cortex-M4, and compared with the same C compiled natively.
set -eu
cd "$(dirname "$0")/../.."
d=build/demo
mkdir -p "$d"
src=tests/c/fletcher32.c
clang -O2 -ffreestanding -target bpf -mcpu=v3 -c "$src" -o "$d/fletcher32.o"
gcc -std=c11 -O2 -fno-strict-aliasing -Igenerated/include -Isrc/host "$src" tests/c/native_main.c -o "$d/fletcher32-native"
printf 'litbpf runs eBPF programs safely.' > "$d/input"

echo "== $src, compiled by clang -target bpf, disassembled by litbpf:"
build/litbpf disasm "$d/fletcher32.o" | pr -2 -t -w 84 | expand | sed 's/^/  /'
echo "== run by the specification engine on the 33 bytes '$(cat "$d/input")':"
vm=$(build/litbpf run --engine spec --stats --mem-file "$d/input" "$d/fletcher32.o" 2> "$d/stats")
echo "  r0 = $vm   ($(sed 's/^litbpf: //' "$d/stats"))"
interp=$(build/litbpf run --engine interp --mem-file "$d/input" "$d/fletcher32.o")
echo "== run by the interpreter: r0 = $interp"
m4=$(build/m4run --engine interp --mem-file "$d/input" "$d/fletcher32.o")
echo "== run by the interpreter on an emulated Cortex-M4 (QEMU mps2-an386): r0 = $(echo "$m4" | head -n 1), $(echo "$m4" | sed -n 2p)"
native=$("$d/fletcher32-native" "$d/input")
echo "== the same C compiled natively by gcc: r0 = $native"
if [ "$vm" = "$native" ] && [ "$interp" = "$native" ] && [ "$(echo "$m4" | head -n 1)" = "$native" ]; then
  echo "== they agree"
else
  echo "== THEY DIFFER"; exit 1
fi
