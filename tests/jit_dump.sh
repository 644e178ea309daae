#!/bin/sh
# `litbpf jit --dump`: the listing of a program's compiled runs (and, with
# --whole, of the whole program as the engine jit compiles it).
#
#   tests/jit_dump.sh LITBPF
#
# On a program with a run entered both at its start and in its middle (by a
# jump): both entries are listed with their BPF instructions in order, each
# entry's count of Thumb-2 instructions is the number of lines listed under
# it, and every Thumb-2 line, assembled by LLVM (llvm-mc), gives the
# halfwords the listing shows.  Then the usage and file errors.
set -eu
litbpf=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/p.data" <<'PROG'
-- asm
mov %r1, 3
ja +2
add %r1, %r2
lsh %r1, 40
mul32 %r1, 7
xor %r2, %r1
add %r2, 5
mov %r0, %r2
exit
-- result
0x0
PROG
"$litbpf" jit --dump "$work/p.data" > "$work/out"
fail() { echo "jit-dump: $*" >&2; cat "$work/out" >&2; exit 1; }
# the Thumb-2 lines of listing $1 into $2 (halfwords|UAL); true if LLVM's
# encoding of each UAL line is the listed halfwords
llvm_agrees() {
  sed -n 's/^        [0-9a-f]*:  \([0-9a-f]\{4\}\)\( [0-9a-f]\{4\}\)\{0,1\} *\(.*\)$/\1\2|\3/p' "$1" > "$2"
  [ -s "$2" ] || return 1
  cut -d'|' -f2 "$2" | llvm-mc -triple=thumbv7em -mcpu=cortex-m4 -show-encoding 2>"$work/mc.err" |
    sed -n 's/.*encoding: \[\(.*\)\]/\1/p' |
    awk -F',' '{ h = ""; for (i = 1; i <= NF; i += 2) h = h (i > 1 ? " " : "") substr($(i+1), 3, 2) substr($i, 3, 2); print h }' \
    > "$work/llvm"
  cut -d'|' -f1 "$2" > "$work/ours"
  cmp -s "$work/ours" "$work/llvm" || { diff "$work/ours" "$work/llvm" >&2 || true; cat "$work/mc.err" >&2; return 1; }
}
grep -q '^run at 2: 6 slots' "$work/out" || fail "no entry at 2 covering 6 slots"
grep -q '^run at 4: 4 slots' "$work/out" || fail "no entry at the jump target 4"
[ "$(grep -c '^run at' "$work/out")" -eq 2 ] || fail "not exactly two entries"
[ "$(grep -E '^ +[0-9]+: [a-z]' "$work/out" | sed 's/^ *\([0-9]*\):.*/\1/' | tr '\n' ' ')" = \
  "2 3 4 5 6 7 4 5 6 7 " ] || fail "the BPF instructions are not listed in order"
grep -q '^ *3: lsh %r1, 40$' "$work/out" || fail "the BPF disassembly is missing"
# each entry's count equals its Thumb-2 lines
awk '/^run at/ { if (n != want) bad = 1; want = $6; n = 0; next }
     /^        [0-9a-f]{8}:/ { n++ }
     END { if (n != want) bad = 1; exit bad }' "$work/out" || fail "an entry's count differs from its lines"
llvm_agrees "$work/out" "$work/lines" || fail "LLVM encodes the listing differently"
# a 64-bit division inside a long run: listed with its routine's call
# (registers saved, operands into r0-r3, blx r12, the result placed,
# registers restored with r0 among them), which LLVM
# encodes as listed.
{ echo "-- asm"; echo "mov %r1, 100"; echo "mov %r2, 7"
  for i in 1 2 3 4 5 6; do echo "add %r1, %r2"; echo "xor %r2, 3"; done
  echo "div %r1, %r2"; echo "smod %r2, -3"
  for i in 1 2 3; do echo "add %r1, %r2"; echo "rsh %r2, 1"; done
  echo "mov %r0, %r1"; echo "exit"; echo "-- result"; echo "0x0"; } > "$work/d.data"
"$litbpf" jit --dump "$work/d.data" > "$work/dout"
grep -q '^run at 0: 23 slots' "$work/dout" || fail "the run with 64-bit divisions is not one entry"
[ "$(grep -c 'blx r12$' "$work/dout")" -eq 2 ] || fail "the two 64-bit divisions do not call a routine"
grep -A12 '^ *14: div %r1, %r2$' "$work/dout" | grep -q 'pop.w {r0, ' ||
  fail "the register file's address is not restored after the call"
llvm_agrees "$work/dout" "$work/dlines" || fail "LLVM encodes the division's listing differently"
# --whole: the whole program as the engine jit compiles it, on a program with
# an ALU run, a loop, loads and stores, a helper call and a local call: every
# BPF instruction listed once and in order, and LLVM encodes every line
# (branches included) as listed.
cat > "$work/w.data" <<'PROG'
-- asm
mov %r0, 0
mov %r3, 4
loop:
ldxb %r4, [%r1+0]
add %r0, %r4
stxb [%r1+1], %r0
sub %r3, 1
jne %r3, 0, loop
mov %r1, %r0
call 5
call local f
exit
f:
add %r0, 1
exit
-- mem
01 02
-- result
0x5
PROG
"$litbpf" jit --dump --whole "$work/w.data" > "$work/wout"
grep -q '^whole program: 13 slots' "$work/wout" || fail "no whole-program header"
[ "$(grep -E '^ +[0-9]+: [a-z]' "$work/wout" | sed 's/^ *\([0-9]*\):.*/\1/' | tr '\n' ' ')" = \
  "0 1 2 3 4 5 6 7 8 9 10 11 12 " ] || fail "--whole does not list every BPF instruction in order"
llvm_agrees "$work/wout" "$work/wlines" || fail "LLVM encodes the --whole listing differently"
# errors: usage (2), unreadable file (5)
rc=0; "$litbpf" jit > /dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "litbpf jit without arguments exits $rc, not 2"
rc=0; "$litbpf" jit --dump "$work/none.data" > /dev/null 2>&1 || rc=$?
[ "$rc" -eq 5 ] || fail "an unreadable file exits $rc, not 5"
echo "jit-dump: $(grep -c '^run at' "$work/out") entries, $(wc -l < "$work/lines") Thumb-2 instructions agree with LLVM; --whole: $(wc -l < "$work/wlines")"
