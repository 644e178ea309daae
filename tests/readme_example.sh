#!/bin/bash
# The README's embedding example is a complete program: extract it (the C
# block after "<!-- example: embed.c -->"), compile it against the core
# library as a firmware would (the VM core and lbpf_helpers.h, nothing of the
# host tools), run it and check what it prints.  The JIT example (the C block
# after "<!-- example: jit.c -->") is firmware code: it is compiled for the
# Cortex-M4 and linked, with a main that calls it, against the core's
# objects as the -Os firmware compiles them.
# usage: tests/readme_example.sh LIBLITBPF.A [M4-CORE-OBJECT...]
set -eu
lib=$1
shift
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
example() { # NAME: the C block after <!-- example: NAME --> into $w/NAME
  awk -v mark="<!-- example: $1 -->" '$0 == mark { want = 1; next }
       want && /^```c$/ { inside = 1; next }
       inside && /^```$/ { exit }
       inside { print }' README.md > "$w/$1"
  [ -s "$w/$1" ] || { echo "readme_example.sh: no example $1 in README.md" >&2; exit 1; }
}
example embed.c
for cc in gcc clang; do
  $cc -std=c11 -Wall -Wextra -Werror -Igenerated/include "$w/embed.c" "$lib" -o "$w/embed"
  "$w/embed" > "$w/out"
  printf 'run 1, sensor 300\nrun 2, sensor 300\nrun 3, sensor 300\nr0 = 3\n' | diff - "$w/out" ||
    { echo "FAIL: the README's example (built with $cc) printed the above"; exit 1; }
done
echo "README example: compiles with gcc and clang, runs, prints what the README says"

[ "$#" -gt 0 ] || exit 0
example jit.c
cat >> "$w/jit.c" <<'MAIN'
/* added by tests/readme_example.sh: mov r0, 42; exit */
int main(void) {
  static const uint8_t program[] = {0xb7, 0, 0, 0, 42, 0, 0, 0, 0x95, 0, 0, 0, 0, 0, 0, 0};
  uint8_t input[1] = {0};
  return run_jitted(program, sizeof program, input, sizeof input) == 42 ? 0 : 1;
}
MAIN
arm-none-eabi-gcc -std=c11 -Wall -Wextra -Werror -mcpu=cortex-m4 -mthumb -Os -Igenerated/include \
  --specs=nosys.specs -Wl,--gc-sections "$w/jit.c" "$@" -lgcc -o "$w/jit.elf"
echo "README JIT example: compiles and links for the Cortex-M4"
