#!/bin/bash
# The README's embedding example is a complete program: extract it (the C
# block after "<!-- example: embed.c -->"), compile it against the core
# library as a firmware would (the VM core and lbpf_helpers.h, nothing of the
# host tools), run it and check what it prints.
# usage: tests/readme_example.sh LIBLITBPF.A
set -eu
lib=$1
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
awk '/<!-- example: embed.c -->/ { want = 1; next }
     want && /^```c$/ { inside = 1; next }
     inside && /^```$/ { exit }
     inside { print }' README.md > "$w/embed.c"
[ -s "$w/embed.c" ] || { echo "readme_example.sh: no example in README.md" >&2; exit 1; }
for cc in gcc clang; do
  $cc -std=c11 -Wall -Wextra -Werror -Igenerated/include "$w/embed.c" "$lib" -o "$w/embed"
  "$w/embed" > "$w/out"
  printf 'run 1, sensor 300\nrun 2, sensor 300\nrun 3, sensor 300\nr0 = 3\n' | diff - "$w/out" ||
    { echo "FAIL: the README's example (built with $cc) printed the above"; exit 1; }
done
echo "README example: compiles with gcc and clang, runs, prints what the README says"
