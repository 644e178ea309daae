#!/bin/sh
# The LLVM oracle of the Thumb-2 model (see tests/thumb_oracle.c):
#  1. every form, with random operands and inside random IT blocks, printed by
#     our printer, assembled by llvm-mc: LLVM's bytes must be our encoder's,
#     and our decoder must read LLVM's bytes back to the same instruction;
#  2. the same code as raw bytes, listed by thumb-disasm and reassembled by
#     llvm-mc, must give the same bytes.
# usage: thumb_llvm_oracle.sh ORACLE DISASM SEED N
set -eu
oracle=$1 disasm=$2 seed=$3 n=$4
mc="llvm-mc -triple=thumbv7em -mcpu=cortex-m4 -show-encoding"
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
"$oracle" asm "$seed" "$n" > "$out/insns.s"
$mc "$out/insns.s" > "$out/llvm.txt" 2> "$out/llvm.err" || { head -40 "$out/llvm.err"; exit 1; }
[ ! -s "$out/llvm.err" ] || { head -40 "$out/llvm.err"; exit 1; }
"$oracle" check "$seed" "$n" < "$out/llvm.txt"

# The disassembler's listing reassembles to the bytes it was given.
"$oracle" bin "$seed" "$n" > "$out/code.bin"
"$disasm" "$out/code.bin" > "$out/listing.txt"
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
