#!/bin/sh
# The LLVM oracle of the Thumb-2 model (see tests/thumb_oracle.c):
#  1. every form, with random operands and inside random IT blocks, printed by
#     our printer, assembled by llvm-mc: LLVM's bytes must be our encoder's,
#     and our decoder must read LLVM's bytes back to the same instruction;
#  2. the same code as raw bytes, listed by thumb-disasm and reassembled by
#     llvm-mc, must give the same bytes; so must random bytes (whatever the
#     decoder does not model is listed as .inst.n / .inst.w);
#  3. thumb-disasm refuses bad input with a message and a non-zero status.
# usage: thumb_llvm_oracle.sh ORACLE DISASM SEED N
set -eu
# $2 is a command that may have words, e.g. "build/litbpf thumb-disasm".
oracle=$1 disasm=$2 seed=$3 n=$4
mc="llvm-mc -triple=thumbv7em -mcpu=cortex-m4 -show-encoding"
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
"$oracle" asm "$seed" "$n" > "$out/insns.s"
$mc "$out/insns.s" > "$out/llvm.txt" 2> "$out/llvm.err" || { head -40 "$out/llvm.err"; exit 1; }
[ ! -s "$out/llvm.err" ] || { head -40 "$out/llvm.err"; exit 1; }
"$oracle" check "$seed" "$n" < "$out/llvm.txt"

# The disassembler's listing reassembles to the bytes it was given.
"$oracle" bin "$seed" "$n" > "$out/code.bin"
$disasm "$out/code.bin" > "$out/listing.txt"
cut -f3 "$out/listing.txt" | sed 's/^/\t/' > "$out/listing.s"
$mc "$out/listing.s" > "$out/re.txt" 2> "$out/re.err" || { head -40 "$out/re.err"; exit 1; }
[ ! -s "$out/re.err" ] || { head -40 "$out/re.err"; exit 1; }
sed -n 's/.*@ encoding: \[\(.*\)\].*/\1/p' "$out/re.txt" | tr ',' '\n' | sed 's/^0x//' > "$out/re.hex"
od -An -v -tx1 "$out/code.bin" | tr -s ' ' '\n' | sed '/^$/d' > "$out/code.hex"
if ! cmp -s "$out/re.hex" "$out/code.hex"; then
  echo "thumb-disasm: the listing does not reassemble to the same bytes"
  diff "$out/code.hex" "$out/re.hex" | head -20
  exit 1
fi
lines=$(wc -l < "$out/listing.txt")
echo "thumb-disasm: $lines instructions listed and reassembled to the same bytes: 1 passed, 0 failed"

# Random bytes: reassembled through an object file, since llvm-mc shows no
# encoding for .inst directives.
"$oracle" noise "$seed" "$n" > "$out/noise.bin"
$disasm "$out/noise.bin" > "$out/noise.txt"
cut -f3 "$out/noise.txt" | sed 's/^/\t/' > "$out/noise.s"
llvm-mc -triple=thumbv7em -mcpu=cortex-m4 -filetype=obj "$out/noise.s" -o "$out/noise.o" 2> "$out/noise.err" ||
  { head -40 "$out/noise.err"; exit 1; }
[ ! -s "$out/noise.err" ] || { head -40 "$out/noise.err"; exit 1; }
llvm-objcopy -O binary --only-section=.text "$out/noise.o" "$out/noise.re.bin"
cmp "$out/noise.bin" "$out/noise.re.bin" || { echo "thumb-disasm: random bytes do not reassemble"; exit 1; }
decoded=$(grep -vc '\.inst' "$out/noise.txt" || true)
echo "thumb-disasm: random code, $(wc -l < "$out/noise.txt") lines ($decoded decoded) reassembled to the same bytes: 1 passed, 0 failed"

# Bad input: a message on stderr and a non-zero status, never a crash.
bad=0
for arg in zz 123 f8d1 "0x47 70 1" "$out/does-not-exist.bin"; do
  if $disasm "$arg" > "$out/bad.out" 2> "$out/bad.err"; then
    echo "thumb-disasm: accepted bad input '$arg'"; bad=$((bad + 1))
  elif [ ! -s "$out/bad.err" ]; then
    echo "thumb-disasm: no message for bad input '$arg'"; bad=$((bad + 1))
  fi
done
$disasm "4770 f8d1 0004" > "$out/good.out"
grep -q 'bx lr' "$out/good.out" && grep -q 'ldr.w r0, \[r1, #4\]' "$out/good.out" || {
  echo "thumb-disasm: wrong listing for '4770 f8d1 0004'"; cat "$out/good.out"; bad=$((bad + 1)); }
echo "thumb-disasm: bad and hex input: $((6 - bad)) passed, $bad failed"
[ "$bad" -eq 0 ]
