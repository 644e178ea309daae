#!/bin/bash
# The assembler and the disassembler against each other:
#   - every conformance program: disasm(asm(file)) reassembles to the same
#     bytes, and its disassembly needs no .raw escape (every instruction of
#     the suite has a text form);
#   - pseudo-random bytes: the disassembly (with .raw where needed)
#     reassembles to the same bytes;
#   - clang-compiled objects: the disassembly of the ELF object reassembles
#     to the bytes of its .text section (llvm-objcopy extracts them); an
#     object that litbpf links (relocations, or code outside .text) has no
#     such independent copy of its code: its disassembly must reassemble to
#     bytes that disassemble and reassemble to themselves; OBJECT:NAME
#     disassembles the program of OBJECT whose entry is NAME.
# usage: tests/asm_roundtrip.sh LITBPF CONFORMANCE-TESTS-DIR [OBJECT[:NAME]...]
set -u
tool=$1 dir=$2; shift 2
export LC_ALL=C
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
pass=0 fail=0
check() { # NAME PROGRAM EXPECTED-BYTES-FILE [no-raw]
  if ! "$tool" disasm "$2" > "$w/d.s" 2> "$w/err"; then
    echo "FAIL $1: disasm: $(cat "$w/err")"; fail=$((fail + 1)); return
  fi
  if [ "${4-}" = no-raw ] && grep -q '\.raw' "$w/d.s"; then
    echo "FAIL $1: disassembly needs .raw: $(grep -m1 '\.raw' "$w/d.s")"; fail=$((fail + 1)); return
  fi
  if ! "$tool" asm "$w/d.s" "$w/again.bin" 2> "$w/err"; then
    echo "FAIL $1: reassembly: $(cat "$w/err")"; fail=$((fail + 1)); return
  fi
  if ! cmp -s "$3" "$w/again.bin"; then
    echo "FAIL $1: reassembled bytes differ"; fail=$((fail + 1)); return
  fi
  pass=$((pass + 1))
}
for f in "$dir"/*.data; do
  if ! "$tool" asm "$f" "$w/a.bin" 2> "$w/err"; then
    echo "FAIL $(basename "$f"): asm: $(cat "$w/err")"; fail=$((fail + 1)); continue
  fi
  check "$(basename "$f")" "$w/a.bin" "$w/a.bin" no-raw
done
for seed in 1 2 3 4 5 6 7 8; do
  awk -v s=$seed 'BEGIN { srand(s); for (i = 0; i < 8 * 512; i++) printf "%c", int(rand() * 256) }' > "$w/r.bin"
  check "random bytes (seed $seed)" "$w/r.bin" "$w/r.bin"
done
for item in "$@"; do
  o=${item%%:*} entry=()
  [ "$o" = "$item" ] || entry=(--entry "${item#*:}")
  if llvm-readelf -S "$o" | awk '/ REL / { r = 1 } / AX / && $2 != ".text" { r = 1 } END { exit !r }'; then
    if "$tool" disasm "${entry[@]}" "$o" > "$w/o.s" 2> "$w/err" && "$tool" asm "$w/o.s" "$w/linked.bin" 2>> "$w/err"; then
      check "$(basename "$item") (linked)" "$w/linked.bin" "$w/linked.bin" no-raw
    else
      echo "FAIL $(basename "$o"): $(cat "$w/err")"; fail=$((fail + 1))
    fi
  else
    llvm-objcopy -O binary --only-section=.text "$o" "$w/text.bin"
    check "$(basename "$o")" "$o" "$w/text.bin" no-raw
  fi
done
echo "asm/disasm round trip: $pass programs, $fail failures"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
