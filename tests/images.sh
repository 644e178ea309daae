#!/bin/bash
# Images for the device (lit/image.nw): `litbpf pack` writes one from an ELF
# object; it runs as the object does on every engine, on the host and on the
# Cortex-M4 firmware, and so does the same program as a RIOT femto-container
# ("rBPF") file made from it here; hostile images are refused with a clear
# message by litbpf (under the sanitizers) and by the firmware.
# usage: tests/images.sh LITBPF M4RUN
set -u
tool=$1 m4run=$2
for t in "$tool" "$m4run"; do [ -x "$t" ] || { echo "images.sh: $t is not executable" >&2; exit 2; }; done
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
export LC_ALL=C
engines=$("$tool" run --help | sed -n 's/.*available: \([a-z, ]*\)).*/\1/p' | tr -d ,)
ok=0 bad=0
fail() { echo "FAIL $*"; bad=$((bad + 1)); }
rd() { od -An -t"u$3" -j "$2" -N "$3" "$1" | tr -d ' '; } # FILE OFFSET WIDTH
le32() { printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $(($1 & 255)) $(($1 >> 8 & 255)) $(($1 >> 16 & 255)) $(($1 >> 24 & 255)))"; }
patch() { printf "$(echo "$3" | sed 's/\(..\)/\\x\1/g')" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none; }

# rbpf IMAGE OUT: the same program as a femto-container file.  The text must
# start at a multiple of 8, so the read-only data gets 4 more zero bytes.
rbpf() {
  local d r t pd pr
  d=$(rd "$1" 12 4) r=$(rd "$1" 16 4) t=$(rd "$1" 20 4)
  pd=$(((d + 7) / 8 * 8)) pr=$(((r + 7) / 8 * 8))
  { printf 'FPBr'; le32 3; le32 0; le32 $pd; le32 $((pr + 4)); le32 $t; le32 1
    tail -c +33 "$1" | head -c $((pd + pr)); printf '\0\0\0\0'
    tail -c +$((33 + pd + pr)) "$1" | head -c "$t"
    # the entry's record: its name (after the program's rodata), flags, offset 0
    name=$(rd "$1" $((32 + pd + pr + t)) 4)
    printf "$(printf '\\%03o\\%03o' $((name & 255)) $((name >> 8)))\0\0\0\0"; } > "$2"
}

cat > "$w/counter.c" <<'C'
#include <stdint.h>
static int (*bpf_printf)(const char *fmt, ...) = (void *)0x01;
static const uint16_t limits[3] = {10, 100, 1000};
static uint32_t above[4];
static uint64_t runs = 3;
uint64_t entry(uint8_t *mem, uint64_t len) {
  runs++;
  for (uint64_t i = 0; i + 1 < len; i += 2) {
    uint32_t v = mem[i] | mem[i + 1] << 8, l = 0;
    while (l < 3 && v >= limits[l]) l++;
    above[l]++;
  }
  bpf_printf("%u %u %u %u\n", above[0], above[1], above[2], above[3]);
  return runs << 32 | above[3] << 16 | above[1];
}
C
printf '\005\000\200\000\377\377\017\001\050\000' > "$w/in.mem"
for cpu in v1 v2 v3; do
  clang -O2 -ffreestanding -target bpf -mcpu=$cpu -c "$w/counter.c" -o "$w/c.o" || exit 2
  for src in tests/real/sensors.c; do
    clang -O2 -ffreestanding -target bpf -mcpu=$cpu -c "$src" -o "$w/s.o" || exit 2
  done
  for o in c s; do
    "$tool" pack "$w/$o.o" -o "$w/$o.lbpf" || { fail "pack $o -mcpu=$cpu"; continue; }
    rbpf "$w/$o.lbpf" "$w/$o.rbpf"
    want=$("$tool" run --mem-file "$w/in.mem" --repeat 2 "$w/$o.o" 2>&1)
    for e in $engines; do
      for f in lbpf rbpf; do
        got=$("$tool" run --engine "$e" --mem-file "$w/in.mem" --repeat 2 "$w/$o.$f" 2>&1)
        [ "$got" = "$want" ] && ok=$((ok + 1)) || fail "$o.$f (-mcpu=$cpu, $e): '$got', object: '$want'"
      done
      # the firmware runs each image from its initial data: one run's answer
      want1=$("$tool" run --engine "$e" --mem-file "$w/in.mem" "$w/$o.o" 2>&1)
      for f in o lbpf rbpf; do
        got=$("$m4run" --engine "$e" --mem-file "$w/in.mem" "$w/$o.$f" 2>&1 | grep -v '^cost: ')
        [ "$got" = "$want1" ] && ok=$((ok + 1)) || fail "m4run $o.$f (-mcpu=$cpu, $e): '$got', litbpf: '$want1'"
      done
    done
  done
done

# disasm of an image: its header as a comment, then the code as the file
# holds it, each LDDWD or LDDWR as a .raw pair with its meaning; one for
# each lddw of a global in the object, and the text reassembles to as many
# slots as the header says
for f in lbpf rbpf; do
  "$tool" disasm "$w/c.$f" > "$w/dis.s" 2> "$w/err" || fail "disasm c.$f: $(cat "$w/err")"
  slots=$(sed -n 's/^# .* image: .* \([0-9]*\) slots of code, 1 function$/\1/p' "$w/dis.s")
  nimg=$(grep -c '^    \.raw 0x[0-9a-f]* *# LDDW[DR] %r[0-9]*, \(data\|rodata\)+0x[0-9a-f]*$' "$w/dis.s")
  nobj=$("$tool" disasm "$w/c.o" | grep -c '# R_BPF_64_64 ')
  if [ -n "$slots" ] && [ "$nimg" -gt 0 ] && [ "$nimg" = "$nobj" ] && "$tool" asm "$w/dis.s" "$w/dis.bin" &&
     [ "$(stat -c %s "$w/dis.bin")" -eq $((slots * 8)) ]; then ok=$((ok + 1))
  else fail "disasm c.$f: $slots slots, $nimg LDDWD/LDDWR, $nobj lddw of a global: $(head -5 "$w/dis.s")"; fi
done

# hostile images: every truncation, every header word, a flipped byte
img=$w/c.lbpf size=$(stat -c %s "$img")
check_refused() { # DESCRIPTION FILE
  timeout 20 "$tool" run "$2" > "$w/out" 2> "$w/err"; local rc=$?
  if [ $rc -ne 4 ] || ! grep -q 'image refused: ' "$w/err" || grep -q 'Sanitizer\|runtime error:' "$w/err"; then
    fail "$1: exit $rc: $(head -c 300 "$w/err")"
  else ok=$((ok + 1)); fi
}
for ((n = 4; n < size; n += 3)); do
  head -c $n "$img" > "$w/t.lbpf"; check_refused "image truncated to $n bytes" "$w/t.lbpf"
  head -c $n "$w/c.rbpf" > "$w/t.rbpf"; check_refused "rBPF file truncated to $n bytes" "$w/t.rbpf"
done
for word in 1 2 3 4 5 6 7; do
  for v in 00000000 01000000 ffffffff 00000080 07000000; do
    cp "$img" "$w/h.lbpf"; patch "$w/h.lbpf" $((4 * word)) $v
    cmp -s "$img" "$w/h.lbpf" && continue
    check_refused "image header word $word = $v" "$w/h.lbpf"
    # disasm reads the image with the same checks: refused (4) with the
    # reason, never a crash or a sanitizer report
    timeout 20 "$tool" disasm "$w/h.lbpf" > "$w/out" 2> "$w/err"; rc=$?
    [ $rc -eq 4 ] && grep -q 'image refused: ' "$w/err" && ! grep -q 'Sanitizer\|runtime error:' "$w/err" &&
      ok=$((ok + 1)) || fail "disasm of image header word $word = $v: exit $rc: $(head -c 300 "$w/err")"
  done
done
for ((k = 32; k < size; k += 7)); do
  cp "$img" "$w/f.lbpf"; patch "$w/f.lbpf" $k "$(printf '%02x' $(( ($(rd "$img" $k 1) + 1) % 256 )))"
  check_refused "image with byte $k changed" "$w/f.lbpf"
done
cp "$w/c.rbpf" "$w/x.rbpf"; patch "$w/x.rbpf" 8 01000000; check_refused "compressed rBPF" "$w/x.rbpf"
cp "$w/c.rbpf" "$w/y.rbpf"; patch "$w/y.rbpf" 16 05000000; check_refused "rBPF with misaligned text" "$w/y.rbpf"
# the firmware refuses them itself (its job file names the image directly)
: > "$w/empty.mem"
for f in t.lbpf h.lbpf f.lbpf x.rbpf y.rbpf; do echo "$f interp $w/$f $w/empty.mem - 0" ; done > "$w/jobs"
"$m4run" --jobs "$w/jobs" > "$w/m4out" 2>&1
n=$(grep -c ': image refused: ' "$w/m4out")
[ "$n" -eq 5 ] && grep -q '^0 passed, 5 failed' "$w/m4out" && ok=$((ok + 1)) ||
  fail "firmware on hostile images: $(cat "$w/m4out")"
echo "images: $ok passed, $bad failed"
[ $bad -eq 0 ]
