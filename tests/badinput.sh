#!/bin/bash
# Bad input never crashes: every malformed, truncated, hostile, huge or
# missing input to litbpf and litbpf-plugin gives a message on stderr and a
# non-zero exit status below 124 (no crash, no hang, no sanitizer report).
# The hostile ELF files are made here from a real clang-compiled object:
# truncated at many offsets, with corrupted headers and section headers.
# usage: tests/badinput.sh LITBPF LITBPF-PLUGIN
set -u
tool=$1 plugin=$2
for t in "$tool" "$plugin"; do
  [ -x "$t" ] || { echo "badinput.sh: $t is not executable" >&2; exit 2; }
done
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
export LC_ALL=C
ok=0 bad=0

# expect WANT DESCRIPTION STDIN-FILE COMMAND...: WANT is an exit code or
# "nz" (any failure); the command must print something on stderr.
expect() {
  local want=$1 desc=$2 in=$3; shift 3
  timeout 20 "$@" < "$in" > "$w/out" 2> "$w/err"; local rc=$?
  local why=""
  if [ $rc -ge 124 ]; then why="crashed or hung (exit $rc)"
  elif grep -q 'Sanitizer\|runtime error:' "$w/err"; then why="sanitizer report"
  elif [ "$want" = nz ] && [ $rc -eq 0 ]; then why="exit 0, expected failure"
  elif [ "$want" != nz ] && [ $rc -ne "$want" ]; then why="exit $rc, expected $want"
  elif [ ! -s "$w/err" ] && [ ! -s "$w/out" ]; then why="no message"
  fi
  if [ -n "$why" ]; then
    echo "FAIL $desc: $why"; head -c 600 "$w/err"; bad=$((bad + 1))
  else
    ok=$((ok + 1))
  fi
}
run() { expect "$1" "$2" /dev/null "$tool" run "${@:3}"; }

# --- a real object, and what the tool says about it ---
cat > "$w/prog.c" <<'C'
#include <stdint.h>
uint64_t entry(uint8_t *mem, uint64_t len) {
  uint64_t s = 0;
  for (uint64_t i = 0; i < len; i++) s = s * 31 + mem[i];
  return s;
}
C
clang -O2 -ffreestanding -target bpf -mcpu=v3 -c "$w/prog.c" -o "$w/prog.o" || exit 2
if ! "$tool" run --mem "01 02" "$w/prog.o" > "$w/out" 2>&1 || [ "$(cat "$w/out")" != 0x21 ]; then
  echo "FAIL: the intact object does not run: $(cat "$w/out")"; exit 1
fi
size=$(stat -c %s "$w/prog.o")

# patch FILE OFFSET HEXBYTES: overwrite bytes in place
patch() { printf "$(echo "$3" | sed 's/\(..\)/\\x\1/g')" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none; }
rd() { od -An -t"u$3" -j "$2" -N "$3" "$1" | tr -d ' '; } # FILE OFFSET WIDTH

# truncations at every offset (the object is under a kilobyte)
for ((n = 1; n < size; n++)); do
  head -c $n "$w/prog.o" > "$w/t.o"
  run nz "ELF truncated to $n bytes" "$w/t.o"
done

# wrong class, byte order, type, machine, header sizes
for spec in "4 01 class32" "4 00 classnone" "5 02 bigendian" "5 00 datanone" "16 0200 exec" \
            "18 3e00 x86-64" "58 0000 shentsize0" "58 4000ffff shnum65535-shentsize64" \
            "60 0000 shnum0" "62 ffff shstrndx" "40 ffffffffffffffff shoff-max" \
            "40 f0ffffffffffff7f shoff-huge" "40 0000000001000000 shoff-past-end"; do
  set -- $spec
  cp "$w/prog.o" "$w/h.o"; patch "$w/h.o" "$1" "$2"
  run nz "ELF header patched: $3" "$w/h.o"
done

# every field of every section header set to hostile values, in the simple
# object and in one with data sections, relocations and two code sections
cat > "$w/rich.c" <<'C'
#include <stdint.h>
static const char msg[] = "hello";
static uint64_t counter;
uint64_t total = 5;
const char *greeting = "hi";
static __attribute__((noinline)) uint64_t pick(uint64_t x) { return msg[x % 5] + greeting[x & 1]; }
__attribute__((section("fc/main"))) uint64_t entry(uint8_t *mem, uint64_t len) {
  counter++;
  total += len;
  return pick(len) + counter + total;
}
C
clang -O2 -ffreestanding -target bpf -mcpu=v3 -c "$w/rich.c" -o "$w/rich.o" || exit 2
rich_want=$("$tool" run --mem "01 02" "$w/rich.o" 2>&1)
[ "$rich_want" = 0xdc ] || { echo "FAIL: the object with data does not run: $rich_want"; exit 1; }
hostile_sections() { # OBJECT EXPECTED-R0
  local obj=$1 want=$2 shoff shnum base
  shoff=$(rd "$obj" 40 8); shnum=$(rd "$obj" 60 2)
  for ((i = 0; i < shnum; i++)); do
    base=$((shoff + 64 * i))
    for field in "0 ffffffff name" "4 ffffffff type" \
                 "8 0000000000000000 flags-none" "8 0700000000000000 flags-wax" \
                 "24 ffffffffffffffff offset" "24 f8ffffffffffffff offset-near-max" \
                 "32 ffffffffffffffff size" "32 0000000000000080 size-2^63" \
                 "32 0000010000000000 size-huge" "32 0700000000000000 size-7" \
                 "40 ffffffff link" "44 ffffffff info" "44 00000000 info-0" \
                 "48 0300000000000000 align-3"; do
      set -- $field
      cp "$obj" "$w/s.o"; patch "$w/s.o" $((base + $1)) "$2"
      timeout 20 "$tool" run --mem "01 02" "$w/s.o" > "$w/out" 2> "$w/err"; rc=$?
      # Some fields are not needed (a type of an unused section, say): then the
      # object may still load, and must give the intact object's answer.
      if [ $rc -eq 0 ] && [ "$(cat "$w/out")" = "$want" ] && ! grep -q 'Sanitizer\|runtime error:' "$w/err"; then
        ok=$((ok + 1))
      else
        run nz "$(basename "$obj") section header $i field $3" --mem "01 02" "$w/s.o"
      fi
    done
  done
}
hostile_sections "$w/prog.o" 0x21
hostile_sections "$w/rich.o" "$rich_want"
# the object with data truncated every 5 bytes, its relocations and symbols
# corrupted entry by entry
rsize=$(stat -c %s "$w/rich.o")
for ((n = 1; n < rsize; n += 5)); do
  head -c $n "$w/rich.o" > "$w/t.o"
  run nz "object with data truncated to $n bytes" "$w/t.o"
done
rshoff=$(rd "$w/rich.o" 40 8); rshnum=$(rd "$w/rich.o" 60 2)
for ((i = 0; i < rshnum; i++)); do
  base=$((rshoff + 64 * i)); type=$(rd "$w/rich.o" $((base + 4)) 4)
  off=$(rd "$w/rich.o" $((base + 24)) 8); sz=$(rd "$w/rich.o" $((base + 32)) 8)
  case $type in
    9) step=16 fields="0 ffffffffffffffff r_offset|0 0300000000000000 r_offset-3|8 ffffffff type|8 03000000 type-abs32|12 ffffffff symbol|12 00000000 symbol-0" ;;
    2) step=24 fields="0 ffffffff name|6 ffff shndx|6 f1ff shndx-abs|6 0000 shndx-undef|8 ffffffffffffffff value|8 0300000000000000 value-3|4 12 func-global" ;;
    *) continue ;;
  esac
  for ((k = 0; k < sz / step; k++)); do
    IFS='|'; for field in $fields; do
      IFS=' '; set -- $field
      cp "$w/rich.o" "$w/r.o"; patch "$w/r.o" $((off + k * step + $1)) "$2"
      timeout 20 "$tool" run --mem "01 02" "$w/r.o" > "$w/out" 2> "$w/err"; rc=$?
      if [ $rc -eq 0 ] && ! grep -q 'Sanitizer\|runtime error:' "$w/err"; then
        ok=$((ok + 1)) # an unused entry: the object still loads
      else
        run nz "section $i entry $k field $3" --mem "01 02" "$w/r.o"
      fi
    done; IFS=' '
  done
done

# an object with a relocation, whose relocation section is then corrupted
printf 'int counter;\nint entry(void) { return counter++; }\n' > "$w/rel.c"
clang -O2 -ffreestanding -target bpf -mcpu=v3 -c "$w/rel.c" -o "$w/rel.o" || exit 2

# a relocation section whose sh_info names no section: refused, not ignored
# (the program would run with an unrelocated lddw)
shoff=$(rd "$w/rel.o" 40 8); shnum=$(rd "$w/rel.o" 60 2)
for ((i = 1; i < shnum; i++)); do
  [ "$(rd "$w/rel.o" $((shoff + 64 * i + 4)) 4)" = 9 ] || continue
  for info in ffffffff 00000000 "$(printf '%02x000000' "$shnum")"; do
    cp "$w/rel.o" "$w/relinfo.o"; patch "$w/relinfo.o" $((shoff + 64 * i + 44)) "$info"
    run 4 "relocation section with sh_info $info" "$w/relinfo.o"
    grep -q "relocation section $i .* applies to section [0-9]*, which does not exist" "$w/err" ||
      { echo "FAIL sh_info $info message: $(cat "$w/err")"; bad=$((bad + 1)); }
  done
done

# garbage: deterministic pseudo-random bytes, as raw code and behind an ELF magic
awk 'BEGIN { srand(7); for (i = 0; i < 4099; i++) printf "%c", int(rand() * 256) }' > "$w/garbage.bin"
run nz "garbage bytes" "$w/garbage.bin"
{ printf '\177ELF\002\001\001'; cat "$w/garbage.bin"; } > "$w/garbage.o"
run nz "garbage behind an ELF magic" "$w/garbage.o"
for ((seed = 1; seed <= 40; seed++)); do
  # the real object with a few random bytes flipped
  cp "$w/prog.o" "$w/f.o"
  awk -v s=$seed -v n=$size 'BEGIN { srand(s); for (k = 0; k < 4; k++) printf "%d %02x\n", int(rand() * n), int(rand() * 256) }' |
    while read -r off byte; do patch "$w/f.o" "$off" "$byte"; done
  timeout 20 "$tool" run --mem "01 02" "$w/f.o" > "$w/out" 2> "$w/err"; rc=$?
  if [ $rc -ge 124 ] || grep -q 'Sanitizer\|runtime error:' "$w/err" || { [ $rc -ne 0 ] && [ ! -s "$w/err" ]; }; then
    echo "FAIL object with random bytes (seed $seed): exit $rc"; head -c 600 "$w/err"; bad=$((bad + 1))
  else ok=$((ok + 1)); fi
done

# files: empty, missing, a directory, huge, odd raw sizes
: > "$w/empty.bin"
run 3 "empty file" "$w/empty.bin"
run 5 "missing file" "$w/does-not-exist.bin"
run 5 "directory as program" "$w"
truncate -s 17M "$w/huge.bin"
run 5 "17 MiB file" "$w/huge.bin"
run 5 "17 MiB memory file" --mem-file "$w/huge.bin" "$w/prog.o"
printf '\225\000\000\000\000\000\000' > "$w/odd.bin"
run 3 "raw code of 7 bytes" "$w/odd.bin"

# hex: odd length, bad characters
run 4 "odd-length --mem" --mem "abc" "$w/prog.o"
run 4 "bad character in --mem" --mem "0g" "$w/prog.o"
run 4 "lonely 0x in --mem" --mem "0x" "$w/prog.o"

# malformed .data files
mkdata() { printf -- "$2" > "$w/$1.data"; }
mkdata noexpect '-- asm\nexit\n'
mkdata noprog '-- result\n0x1\n'
mkdata both '-- asm\nexit\n-- result\n0x0\n-- error\n'
mkdata oddmem '-- asm\nexit\n-- mem\n0 11\n-- result\n0x0\n'
mkdata badmem '-- asm\nexit\n-- mem\nzz\n-- result\n0x0\n'
mkdata badresult '-- asm\nexit\n-- result\n0xZZ\n'
mkdata tworesults '-- asm\nexit\n-- result\n0x1 0x2\n'
mkdata longresult '-- asm\nexit\n-- result\n0x11112222333344445\n'
mkdata emptyresult '-- asm\nexit\n-- result\n'
mkdata badraw '-- raw\n0xnothex\n-- result\n0x0\n'
mkdata longraw '-- raw\n0x11112222333344445\n-- result\n0x0\n'
mkdata rawmismatch '-- asm\nexit\n-- raw\n0x0000000000000000\n-- result\n0x0\n'
mkdata twoasm '-- asm\nexit\n-- asm\nexit\n-- result\n0x0\n'
mkdata unknownsection '-- asm\nexit\n-- bogus\n-- result\n0x0\n'
mkdata prelude 'hello\n-- asm\nexit\n-- result\n0x0\n'
mkdata duplabel '-- asm\nl:\nl:\nexit\n-- result\n0x0\n'
mkdata farlabel '-- asm\nja far\n-- result\n0x0\n'
mkdata nul '-- asm\nexit\000\n-- result\n0x0\n'
awk 'BEGIN { printf "-- asm\nmov %%r0, "; for (i = 0; i < 3000; i++) printf "1"; printf "\nexit\n-- result\n0x0\n" }' > "$w/longline.data"
for f in "$w"/*.data; do
  run 4 "malformed $(basename "$f")" "$f"
  expect 1 "conformance on malformed $(basename "$f")" /dev/null "$tool" conformance "$f"
  grep -q "^FAIL .*malformed test file: ." "$w/out" || { echo "FAIL $(basename "$f"): no FAIL line: $(cat "$w/out")"; bad=$((bad + 1)); }
done

# a long but valid program of many labels assembles quickly (no quadratic blow-up)
awk 'BEGIN { print "-- asm"; for (i = 0; i < 20000; i++) printf "l%d:\nja l%d\n", i, (i * 7919) % 20000; print "exit\n-- result\n0x0" }' > "$w/labels.dat"
timeout 20 "$tool" disasm "$w/labels.dat" > /dev/null 2> "$w/err" || { echo "FAIL many labels: $(cat "$w/err")"; bad=$((bad + 1)); }

# asm and disasm
printf 'mov %%r0, 1\nbogus %%r1\n' > "$w/bad.s"
expect 4 "asm with an invalid mnemonic" /dev/null "$tool" asm "$w/bad.s" "$w/bad.bin"
grep -q 'line 2' "$w/err" || { echo "FAIL asm error does not name line 2: $(cat "$w/err")"; bad=$((bad + 1)); }
printf 'exit\n' > "$w/ok.s"
expect 5 "asm to an unwritable path" /dev/null "$tool" asm "$w/ok.s" "$w/no/such/dir/out.bin"
expect 5 "asm of a missing file" /dev/null "$tool" asm "$w/missing.s" "$w/out.bin"
expect 4 "asm of an ELF file" /dev/null "$tool" asm "$w/prog.o" "$w/out.bin"
expect 4 "disasm of 7 bytes" /dev/null "$tool" disasm "$w/odd.bin"
expect 5 "disasm of a directory" /dev/null "$tool" disasm "$w"

# usage errors exit 2
expect 2 "no command" /dev/null "$tool"
expect 2 "unknown command" /dev/null "$tool" frobnicate
expect 2 "run without program" /dev/null "$tool" run
expect 2 "unknown option" /dev/null "$tool" run --frob "$w/prog.o"
expect 2 "unknown engine" /dev/null "$tool" run --engine nosuch "$w/prog.o"
grep -q 'available engines: .*spec' "$w/err" || { echo "FAIL unknown engine does not list engines"; bad=$((bad + 1)); }
expect 2 "bad budget" /dev/null "$tool" run --budget 12x "$w/prog.o"
expect 2 "zero repeat" /dev/null "$tool" run --repeat 0 "$w/prog.o"
expect 2 "missing option value" /dev/null "$tool" run "$w/prog.o" --mem
expect 2 "both --mem and --mem-file" /dev/null "$tool" run --mem 00 --mem-file "$w/odd.bin" "$w/prog.o"
expect 2 "bad cpu" /dev/null "$tool" conformance --cpu v9 "$w"
expect 2 "conformance without paths" /dev/null "$tool" conformance
expect 2 "asm with one argument" /dev/null "$tool" asm "$w/ok.s"
expect 5 "conformance of a missing file" /dev/null "$tool" conformance "$w/missing.data"
expect 5 "conformance of a missing directory" /dev/null "$tool" conformance /nonexistent
mkdir "$w/nodata"
expect 1 "conformance of a directory without .data files" /dev/null "$tool" conformance "$w/nodata"

# thumb-disasm: its help, the README's example, and bad input with litbpf's codes
expect 0 "thumb-disasm --help" /dev/null "$tool" thumb-disasm --help
grep -q '^usage: litbpf thumb-disasm' "$w/out" || { echo "FAIL thumb-disasm --help: $(cat "$w/out")"; bad=$((bad + 1)); }
example=$(sed -n 's/^ *build\/litbpf thumb-disasm \("[^"]*"\) *#.*/\1/p' README.md)
if [ -z "$example" ]; then echo "FAIL the README has no thumb-disasm example"; bad=$((bad + 1)); else
  expect 0 "the README's thumb-disasm example" /dev/null "$tool" thumb-disasm "$(eval echo "$example")"
  want=$(sed -n 's/^ *build\/litbpf thumb-disasm "[^"]*" *# .*: \(.*\)$/\1/p' README.md)
  grep -q "	$want\$" "$w/out" || { echo "FAIL README example lists [$(cat "$w/out")], README says [$want]"; bad=$((bad + 1)); }
fi
expect 2 "thumb-disasm without argument" /dev/null "$tool" thumb-disasm
expect 4 "thumb-disasm of non-hex" /dev/null "$tool" thumb-disasm "f04z"
expect 4 "thumb-disasm of an odd byte count" /dev/null "$tool" thumb-disasm "f0 4f 00"
expect 4 "thumb-disasm of a truncated 32-bit instruction" /dev/null "$tool" thumb-disasm "f04f"
expect 5 "thumb-disasm of a directory" /dev/null "$tool" thumb-disasm "$w"

# run-time errors exit 1 and name the error and the pc
printf 'mov %%r0, 0\nldxdw %%r0, [%%r0]\nexit\n' > "$w/memerr.s"
"$tool" asm "$w/memerr.s" "$w/memerr.bin"
run 1 "out-of-bounds load" "$w/memerr.bin"
grep -q 'run-time error at pc 1: ' "$w/err" || { echo "FAIL run-time error message: $(cat "$w/err")"; bad=$((bad + 1)); }
printf 'l:\nja l\nexit\n' > "$w/loop.s"
"$tool" asm "$w/loop.s" "$w/loop.bin"
run 1 "infinite loop stops at the budget" --budget 1000 "$w/loop.bin"

# what the messages name: a memory violation's address, size and direction
# (through the spec engine, the default), with advice; the instruction
run 1 "out-of-bounds load" "$w/memerr.bin"
grep -q 'memory access violation (ldxdw %r0, \[%r0\]): read of 8 bytes at 0x0; the program may use: input 0x[0-9a-f]*+0 (rw), stack 0x[0-9a-f]*+4096 (rw) (an address this small is a null pointer plus an offset)' "$w/err" ||
  { echo "FAIL memory violation message: $(cat "$w/err")"; bad=$((bad + 1)); }
printf 'stw [%%r1+6], 1\nexit\n' > "$w/past.s"; "$tool" asm "$w/past.s" "$w/past.bin"
run 1 "store past the input" --mem 0102030405 "$w/past.bin"
grep -q 'write of 4 bytes at 0x[0-9a-f]*; .*(the access runs past the end of the input' "$w/err" ||
  { echo "FAIL store past the input: $(cat "$w/err")"; bad=$((bad + 1)); }
printf 'const int t[2] = {1, 2};\nint entry(int *m, long n) { *(volatile int *)&t[n & 1] = 5; return t[0]; }\n' > "$w/ro.c"
clang -O2 -ffreestanding -target bpf -mcpu=v3 -c "$w/ro.c" -o "$w/ro.o" || exit 2
run 1 "store into .rodata" --mem 00 "$w/ro.o"
grep -q 'write of 4 bytes at .*(r).*(the address is in a read-only region' "$w/err" ||
  { echo "FAIL store into .rodata: $(cat "$w/err")"; bad=$((bad + 1)); }
run 1 "memory violation through the interpreter" --engine interp "$w/memerr.bin"
grep -q 'run-time error at pc 1: memory access violation (ldxdw %r0, \[%r0\]): the address: run it with --engine spec' "$w/err" ||
  { echo "FAIL memory violation, interp: $(cat "$w/err")"; bad=$((bad + 1)); }
grep -q 'budget was 1000; a longer run needs --budget N' <("$tool" run --budget 1000 "$w/loop.bin" 2>&1) ||
  { echo "FAIL budget advice"; bad=$((bad + 1)); }
# an unknown helper: its id and the registered ones
printf 'call 77\nexit\n' > "$w/helper.s"; "$tool" asm "$w/helper.s" "$w/helper.bin"
run 3 "unknown helper" "$w/helper.bin"
grep -q 'refused at pc 0: unknown helper: helper id 77 (0x4d) is not registered; registered ids: 5 6 8 ' "$w/err" ||
  { echo "FAIL unknown helper message: $(cat "$w/err")"; bad=$((bad + 1)); }
# the assembler quotes at most 40 characters of a long label
awk 'BEGIN { printf "ja 1"; for (i = 0; i < 900; i++) printf "x"; printf "\nexit\n" }' > "$w/longlabel.s"
expect 4 "asm of a long bad label" /dev/null "$tool" asm "$w/longlabel.s" "$w/ll.bin"
[ "$(wc -c < "$w/err")" -lt 200 ] && grep -q "invalid jump target '1x*\.\.\.'" "$w/err" ||
  { echo "FAIL long label echoed: $(head -c 300 "$w/err")"; bad=$((bad + 1)); }

# litbpf verify: 0 accepted, 3 refused with the reason, the pc and the code around it
expect 0 "verify of a good program" /dev/null "$tool" verify "$w/prog.o"
grep -q '^ok: [0-9]* slots$' "$w/out" || { echo "FAIL verify ok: $(cat "$w/out")"; bad=$((bad + 1)); }
printf 'mov %%r0, 0\nmov %%r1, 1\nmov %%r2, 2\nmov %%r3, 3\nmov %%r4, 4\nja +20\nmov %%r5, 5\nexit\nexit\nexit\n' > "$w/jump.s"
"$tool" asm "$w/jump.s" "$w/jump.bin"
expect 3 "verify of a bad jump" /dev/null "$tool" verify "$w/jump.bin"
grep -q 'jump.bin: program refused at pc 5: bad jump target$' "$w/err" || { echo "FAIL verify message: $(cat "$w/err")"; bad=$((bad + 1)); }
[ "$(sed -n 's/^\(..\) *\([0-9]*\) .*/\1\2/p' "$w/out" | tr '\n' ' ')" = "  1   2   3   4 =>5   6   7   8 " ] ||
  { echo "FAIL verify context: $(cat "$w/out")"; bad=$((bad + 1)); }
expect 3 "verify of an unknown helper" /dev/null "$tool" verify "$w/helper.bin"
grep -q '^=> *0  call 77$' "$w/out" && grep -q 'helper id 77' "$w/err" ||
  { echo "FAIL verify unknown helper: $(cat "$w/out" "$w/err")"; bad=$((bad + 1)); }
expect 4 "verify of garbage behind an ELF magic" /dev/null "$tool" verify "$w/garbage.o"
expect 5 "verify of a missing file" /dev/null "$tool" verify "$w/missing.o"
expect 2 "verify without a program" /dev/null "$tool" verify
expect 2 "verify with an unknown option" /dev/null "$tool" verify --frob "$w/prog.o"

# run --trace: each instruction with the registers it set, bounded
expect 1 "trace of a failing load" /dev/null "$tool" run --trace "$w/memerr.bin"
[ "$(sed -n 's/^ *\([0-9]*\)  \([a-z]*\).*/\1 \2/p' "$w/out" | tr '\n' ' ')" = "0 mov 1 ldxdw " ] &&
  grep -q '^ *1  ldxdw %r0, \[%r0\] *\[read 8 @ 0x0\]  !! memory access violation$' "$w/out" ||
  { echo "FAIL trace: $(cat "$w/out")"; bad=$((bad + 1)); }
expect 0 "trace of a run" /dev/null "$tool" run --trace --mem "01 02" "$w/prog.o"
tail -1 "$w/out" | grep -qx 0x21 && grep -q ' r0=0x21$\| r0=0x21 ' "$w/out" ||
  { echo "FAIL trace of prog.o: $(cat "$w/out")"; bad=$((bad + 1)); }
expect 1 "trace limit" /dev/null "$tool" run --trace-limit 5 --budget 100 "$w/loop.bin"
[ "$(grep -c '^ *0  ja' "$w/out")" -eq 6 ] && grep -q 'trace limit of 5 instructions was reached' "$w/out" &&
  grep -q '!!' "$w/out" && grep -q '101 instructions executed, 6 shown' "$w/out" ||
  { echo "FAIL trace limit: $(cat "$w/out")"; bad=$((bad + 1)); }
expect 2 "trace through another engine" /dev/null "$tool" run --trace --engine interp "$w/prog.o"
expect 2 "bad trace limit" /dev/null "$tool" run --trace-limit x "$w/prog.o"

# --json: one valid object, on success and on every failure but a usage error
json() { # DESCRIPTION EXIT PATTERN COMMAND...: exit code, valid JSON matching PATTERN
  local desc=$1 want=$2 pat=$3; shift 3
  expect "$want" "$desc" /dev/null "$tool" "$@"
  if ! python3 -m json.tool "$w/out" > "$w/pretty" 2>&1 || ! grep -q -- "$pat" "$w/pretty" ||
     ! grep -q "\"exit\": $want" "$w/pretty"; then
    echo "FAIL $desc: not the JSON expected ($pat): $(head -c 600 "$w/out")"; bad=$((bad + 1))
  fi
}
json "run --json" 0 '"r0": "0x21"' run --json --mem "01 02" "$w/prog.o"
json "run --json, a memory violation" 1 '"size": 8' run --json "$w/memerr.bin"
json "run --json --trace" 1 '"insn": "ldxdw %r0, \[%r0\]"' run --json --trace "$w/memerr.bin"
json "run --json, refused" 3 '"helper": 77' run --json "$w/helper.bin"
json "run --json, malformed" 4 '"outcome": "malformed"' run --json "$w/garbage.o"
json "run --json, unreadable" 5 '"outcome": "unreadable"' run --json "$w/missing.o"
json "run --json, bad --mem" 4 '"message": "--mem: ' run --json --mem zz "$w/prog.o"
json "verify --json" 0 '"outcome": "accepted"' verify --json "$w/prog.o"
json "verify --json, refused" 3 '"pc": 5' verify --json "$w/jump.bin"
printf -- '-- asm\nmov %%r0, 1\nexit\n-- result\n0x1\n' > "$w/good.data"
json "conformance --json" 1 '"passed": 1' conformance --json "$w/good.data" "$w/noexpect.data" "$w/nodata"
grep -q '"failed": 2' "$w/pretty" || { echo "FAIL conformance --json counts: $(cat "$w/out")"; bad=$((bad + 1)); }
awk 'BEGIN { printf "-- asm\nja l\"\\\001"; for (i = 0; i < 100; i++) printf "x"; printf "\nexit\n-- result\n0x0\n" }' > "$w/quote.data"
json "conformance --json of a message with quotes and control bytes" 1 '"outcome": "fail"' conformance --json "$w/quote.data"

# --help on every command, and litbpf help COMMAND
for c in $("$tool" help | sed -n 's/^  \([a-z-]*\)  .*/\1/p' | tr '\n' ' '); do
  expect 0 "$c --help" /dev/null "$tool" "$c" --help
  grep -q "^usage: litbpf" "$w/out" || { echo "FAIL $c --help: $(head -3 "$w/out")"; bad=$((bad + 1)); }
  expect 0 "help $c" /dev/null "$tool" help "$c"
done
[ "$("$tool" help | grep -c '^  [a-z]')" -ge 9 ] || { echo "FAIL litbpf help lists too few commands"; bad=$((bad + 1)); }
expect 2 "help of an unknown command" /dev/null "$tool" help frob

# the plugin
"$tool" asm "$w/ok.s" "$w/ok.bin"
od -An -tx1 -v "$w/ok.bin" > "$w/ok.hex"
if [ "$(timeout 20 "$plugin" < "$w/ok.hex")" != 0 ]; then echo "FAIL plugin on a valid program"; bad=$((bad + 1)); fi
printf 'this is not hex\n' > "$w/p1"; expect 1 "plugin: garbage stdin" "$w/p1" "$plugin"
printf 'b70\n' > "$w/p2"; expect 1 "plugin: odd hex" "$w/p2" "$plugin"
expect 1 "plugin: empty stdin" /dev/null "$plugin"
expect 1 "plugin: random bytes on stdin" "$w/garbage.bin" "$plugin"
expect 1 "plugin: bad memory hex" "$w/ok.hex" "$plugin" "zz"
expect 1 "plugin: refused program" "$w/p1" "$plugin" --program "95 01 00 00 00 00 00 00"
expect 1 "plugin: run-time error" /dev/null "$plugin" --program "$(od -An -tx1 -v "$w/memerr.bin" | tr '\n' ' ')"
expect 2 "plugin: unknown engine" "$w/ok.hex" "$plugin" --engine nosuch
expect 2 "plugin: bad argument" "$w/ok.hex" "$plugin" 00 --frob
od -An -tx1 -v "$w/t.o" > "$w/elf.hex"
expect 1 "plugin: truncated ELF" "$w/elf.hex" "$plugin" --elf
timeout 20 "$plugin" < "$w/huge.bin" > /dev/null 2> "$w/err"; rc=$?
if [ $rc -eq 0 ] || [ $rc -ge 124 ] || [ ! -s "$w/err" ]; then echo "FAIL plugin: huge stdin: exit $rc"; bad=$((bad + 1)); else ok=$((ok + 1)); fi

echo "badinput: $ok cases handled cleanly, $bad not"
[ $bad -eq 0 ]
