#!/bin/sh
# The VM core must compile for a Cortex-M4 as freestanding C: no hosted headers.
set -eu
[ "$#" -gt 0 ] || { echo "freestanding: no core sources" >&2; exit 1; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
bad=$(grep -l '^[[:space:]]*#[[:space:]]*include[[:space:]]*<' "$@" | while read -r f; do
  grep -o '#[[:space:]]*include[[:space:]]*<[^>]*>' "$f" | grep -v -e '<stdint.h>' -e '<stddef.h>' -e '<string.h>' -e '<stdbool.h>' | sed "s|^|$f: |"
done)
[ -z "$bad" ] || { echo "freestanding: hosted headers in the core:"; echo "$bad"; exit 1; }
for f in "$@"; do
  arm-none-eabi-gcc -std=c11 -Wall -Wextra -Werror -mcpu=cortex-m4 -mthumb -Os -ffreestanding \
    -Igenerated/include -c "$f" -o "$out/$(basename "$f" .c).o"
done
echo "freestanding: $# core sources build for cortex-m4 (-Os)"
