#!/bin/bash
# Whole ELF objects: litbpf links every code section, resolves local calls
# (R_BPF_64_32) and the addresses of globals (R_BPF_64_64, R_BPF_64_ABS64),
# chooses the entry by the documented rule or --entry, and refuses rather
# than guesses.  Every program here runs on every engine of the tool and
# must give the expected r0; every refusal must name what is wrong.
# usage: tests/elf_link.sh LITBPF
set -u
tool=$1
[ -x "$tool" ] || { echo "elf_link.sh: $tool is not executable" >&2; exit 2; }
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
export LC_ALL=C
engines=$("$tool" run --help | sed -n 's/.*available: \([a-z, ]*\)).*/\1/p' | tr -d ,)
[ -n "$engines" ] || { echo "elf_link.sh: cannot read the engine list" >&2; exit 2; }
ok=0 bad=0
cc() { clang -O2 -ffreestanding -target bpf -mcpu="$2" -c "$w/$1.c" -o "$w/$1-$2.o" || exit 2; }
fail() { echo "FAIL $*"; bad=$((bad + 1)); }

# runs NAME CPU WANT ARGS...: every engine prints WANT and exits 0
runs() {
  local name=$1 cpu=$2 want=$3; shift 3
  for e in $engines; do
    got=$("$tool" run --engine "$e" "$@" "$w/$name-$cpu.o" 2> "$w/err"); rc=$?
    if [ $rc -ne 0 ] || [ "$got" != "$want" ] || grep -q 'Sanitizer\|runtime error:' "$w/err"; then
      fail "$name (-mcpu=$cpu, $e, $*): exit $rc, got '$got', expected '$want': $(head -c 300 "$w/err")"
    else ok=$((ok + 1)); fi
  done
}
# refused NAME CPU EXIT PATTERN ARGS...: refused with that exit code and a message matching PATTERN
refused() {
  local name=$1 cpu=$2 want=$3 pat=$4; shift 4
  "$tool" run "$@" "$w/$name-$cpu.o" > "$w/out" 2> "$w/err"; rc=$?
  if [ $rc -ne "$want" ] || ! grep -q -- "$pat" "$w/err" || grep -q 'Sanitizer\|runtime error:' "$w/err"; then
    fail "$name (-mcpu=$cpu, $*): exit $rc (expected $want), message '$(head -c 400 "$w/err")' does not match '$pat'"
  else ok=$((ok + 1)); fi
}

# The defect this file began with: a program in its own section calling a
# static function in .text ran the callee.
cat > "$w/ownsection.c" <<'C'
#include <stdint.h>
static __attribute__((noinline)) uint64_t sq(uint64_t x) { return x * x; }
__attribute__((section("fc/main"), used)) uint64_t main_prog(uint8_t *mem, uint64_t len) { return sq(len) + 1; }
C
# A static function first in .text, the entry second: slot 0 jumps to it.
cat > "$w/second.c" <<'C'
#include <stdint.h>
static __attribute__((noinline)) uint64_t triple(uint64_t x) { return x * 3; }
uint64_t entry(uint8_t *m, uint64_t n) { return triple(n) + 1; }
C
# Three sections calling each other, global and static callees.
cat > "$w/threesec.c" <<'C'
#include <stdint.h>
__attribute__((section("lib/a"), noinline)) uint64_t twice(uint64_t x) { return 2 * x; }
static __attribute__((section("lib/b"), noinline)) uint64_t inc(uint64_t x) { return twice(x) + 1; }
static __attribute__((noinline)) uint64_t dec(uint64_t x) { return inc(x) - 3; }
__attribute__((section("prog"))) uint64_t run(uint8_t *m, uint64_t n) { return dec(n) * 10 + inc(n); }
C
# Globals: .data, .bss, .rodata, a string literal, a pointer to a string in
# .data (R_BPF_64_ABS64), state kept from one run to the next.
cat > "$w/globals.c" <<'C'
#include <stdint.h>
static const char msg[] = "hello";
static uint64_t counter;
uint64_t total = 5;
const uint32_t table[4] = {1, 2, 3, 4};
const char *greeting = "hi there";
static __attribute__((noinline)) uint64_t a(uint64_t x) { return x + table[x & 3]; }
static __attribute__((noinline)) uint64_t b(uint64_t x) { return a(x) * 2 + msg[x % 5]; }
uint64_t entry(uint8_t *mem, uint64_t len) {
  counter++;
  total += len;
  return b(len) + counter + total + greeting[(counter + 2) % 8];
}
C
# Two global functions: the loader cannot know which one is meant.
cat > "$w/twoglobals.c" <<'C'
#include <stdint.h>
uint64_t first(uint8_t *m, uint64_t n) { return n + 100; }
uint64_t second(uint8_t *m, uint64_t n) { return n + 200; }
C
# Calls and globals the object does not define.
cat > "$w/externcall.c" <<'C'
#include <stdint.h>
uint64_t elsewhere(uint64_t);
uint64_t entry(uint8_t *m, uint64_t n) { return elsewhere(n); }
C
cat > "$w/externvar.c" <<'C'
#include <stdint.h>
extern uint64_t sensor;
uint64_t entry(uint8_t *m, uint64_t n) { return sensor + n; }
C
# A write into .rodata through a cast: a memory error at run time.
cat > "$w/rodatawrite.c" <<'C'
#include <stdint.h>
const uint64_t limits[2] = {10, 20};
uint64_t entry(uint8_t *m, uint64_t n) { *(volatile uint64_t *)&limits[n & 1] = 7; return limits[0]; }
C
# The standard helpers as a program calls them: a count kept in the
# program's store, printed with a string from the input.
cat > "$w/helpers.c" <<'C'
#include <stdint.h>
static int (*bpf_printf)(const char *fmt, ...) = (void *)0x01;
static int (*bpf_store_local)(uint32_t, uint32_t) = (void *)0x10;
static int (*bpf_fetch_local)(uint32_t, uint32_t *) = (void *)0x12;
uint64_t entry(uint8_t *mem, uint64_t len) {
  uint32_t runs = 0;
  bpf_fetch_local(1, &runs);
  bpf_store_local(1, ++runs);
  return bpf_printf("run %u of %d bytes: %s\n", runs, (int)len, (char *)mem) * 100 + runs;
}
C

for cpu in v1 v2 v3; do
  for p in ownsection second threesec globals twoglobals externcall externvar rodatawrite helpers; do cc $p $cpu; done
  # three runs: the store counts them; the text is 22 characters
  runs helpers $cpu 0x89b --mem 41424300 --repeat 3
  for e in $engines; do
    "$tool" run --engine "$e" --mem 41424300 --repeat 2 "$w/helpers-$cpu.o" > /dev/null 2> "$w/err"
    printf 'run 1 of 4 bytes: ABC\nrun 2 of 4 bytes: ABC\n' | cmp -s - "$w/err" && ok=$((ok + 1)) ||
      fail "helpers (-mcpu=$cpu, $e): printed '$(cat "$w/err")'"
  done
  # without a NUL in the input the string is refused: printf fails (-1),
  # prints nothing; -1 * 100 + 1 as C's unsigned int
  runs helpers $cpu 0xffffff9d --mem 414243
  runs ownsection $cpu 0x2 --mem 00
  runs ownsection $cpu 0x2 --mem 00 --entry main_prog
  runs ownsection $cpu 0x2 --mem 00 --entry fc/main
  runs second $cpu 0x7 --mem 0000
  # dec(n) = 2n + 1 - 3, inc(n) = 2n + 1: n = 4 gives 60 + 9
  runs threesec $cpu 0x45 --mem 00000000 --entry run
  runs threesec $cpu 0x45 --mem 00000000 --entry prog
  refused threesec $cpu 4 "2 global functions: 'twice' (section lib/a), 'run' (section prog); choose one with --entry NAME"
  # counter 1, total 6 for len 1: b(1) = (1 + 2) * 2 + 'e' = 107; greeting[3] = 't'
  runs globals $cpu 0xe6 --mem 00
  # three runs of one loaded program: counter 3, total 11 for len 2:
  # b(2) = (2 + 3) * 2 + 'l' = 118; greeting[5] = 'e'
  runs globals $cpu 0xe9 --mem 0000 --repeat 3
  refused twoglobals $cpu 4 "which function is the program?  2 global functions: 'first' (section .text), 'second' (section .text, offset 0x18); choose one with --entry NAME"
  runs twoglobals $cpu 0x65 --mem 00 --entry first
  runs twoglobals $cpu 0xc9 --mem 00 --entry second
  refused twoglobals $cpu 4 "entry 'third' names no function and no code section; the candidates are: 'first'" --entry third
  refused externcall $cpu 4 "R_BPF_64_32 relocation at offset 0x.* calls 'elsewhere', which the object does not define" --mem 00
  refused externvar $cpu 4 "R_BPF_64_64 relocation at offset 0x.* refers to 'sensor', which the object does not define" --mem 00
  refused rodatawrite $cpu 1 "memory access violation" --mem 00
  refused rodatawrite $cpu 1 "write of 8 bytes at 0x.*(the address is in a read-only region" --mem 00
  # disasm shows every relocation the linker applied, with its symbol and
  # what it now points to, and the text still reassembles
  "$tool" disasm "$w/globals-$cpu.o" > "$w/dis.s" 2> "$w/err" || fail "disasm globals -mcpu=$cpu: $(cat "$w/err")"
  grep -q "^    lddw %r[0-9], 0x0 *# R_BPF_64_64 '[^']*'[+-][0-9]* -> rodata+0x[0-9a-f]*$" "$w/dis.s" &&
    grep -q "^    lddw %r[0-9], 0x0 *# R_BPF_64_64 '[^']*'[+-][0-9]* -> data+0x[0-9a-f]*$" "$w/dis.s" &&
    grep -q "^# data+0x[0-9a-f]*: R_BPF_64_ABS64 '[^']*'+[0-9]* -> rodata+0x[0-9a-f]*$" "$w/dis.s" &&
    "$tool" asm "$w/dis.s" "$w/dis.bin" 2> "$w/err" && ok=$((ok + 1)) ||
    fail "disasm of globals -mcpu=$cpu does not show its relocations: $(cat "$w/dis.s" "$w/err")"
  "$tool" disasm --entry run "$w/threesec-$cpu.o" > "$w/dis.s" &&
    [ "$(grep -c "^    call local \(L[0-9]*\) *# R_BPF_64_32 '[^']*'[+-][0-9]* -> \1$" "$w/dis.s")" -eq 4 ] &&
    ok=$((ok + 1)) ||
    fail "disasm of threesec -mcpu=$cpu: $(cat "$w/dis.s")"
done

echo "ELF linking: $ok passed, $bad failed"
[ $bad -eq 0 ]
