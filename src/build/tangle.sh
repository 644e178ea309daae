#!/bin/sh
# Tangle every literate document under spec/ and lit/ into generated/.
# A root chunk whose name starts with "generated/" names the file it becomes.
# All documents are tangled together, so a chunk may be continued in any of
# them.  Paths in #line directives are relative to the repository, so the
# result is the same on every machine; clang-format restores the indentation
# that -L loses.  A root chunk named "derive generated/FILE" is a C program
# that derives FILE from what the others declare (an index of a table, say):
# it is compiled against the freshly tangled headers and run, and its output
# becomes FILE.  Files are rewritten only when they change (cpif), and files
# that no document produces any more are removed.
set -eu
cd "$(dirname "$0")/../.."
docs=$(find spec lit -name '*.nw' | LC_ALL=C sort)
[ -n "$docs" ] || { echo "tangle: no .nw documents" >&2; exit 1; }
mkdir -p build; stage=$(mktemp -d build/tangle.XXXXXX); trap 'rm -rf "$stage"' EXIT

# shellcheck disable=SC2086
noroots $docs | sed -n 's/^<<\(generated\/.*\)>>$/\1/p' | LC_ALL=C sort -u > "$stage/roots"
while IFS= read -r root; do
  mkdir -p "$stage/$(dirname "$root")"
  # shellcheck disable=SC2086
  notangle -L -R"$root" $docs > "$stage/$root.raw"
  case "$root" in
    *.c|*.h) clang-format --assume-filename="$root" < "$stage/$root.raw" > "$stage/$root" ;;
    *) cp "$stage/$root.raw" "$stage/$root" ;;
  esac
  rm -f "$stage/$root.raw"
  mkdir -p "$(dirname "$root")"
  cpif "$root" < "$stage/$root"
done < "$stage/roots"
# shellcheck disable=SC2086
noroots $docs | sed -n 's/^<<derive \(generated\/.*\)>>$/\1/p' | LC_ALL=C sort -u > "$stage/derived"
while IFS= read -r file; do
  # shellcheck disable=SC2086
  notangle -L -R"derive $file" $docs > "$stage/derive.c"
  ${CC:-cc} -std=c11 -Wall -Wextra -Werror -Igenerated/include "$stage/derive.c" -o "$stage/derive"
  "$stage/derive" > "$stage/derived.raw"
  case "$file" in
    *.c|*.h) clang-format --assume-filename="$file" < "$stage/derived.raw" > "$stage/derived.out" ;;
    *) cp "$stage/derived.raw" "$stage/derived.out" ;;
  esac
  mkdir -p "$(dirname "$file")"
  cpif "$file" < "$stage/derived.out"
  echo "$file" >> "$stage/roots"
done < "$stage/derived"
LC_ALL=C sort -o "$stage/roots" "$stage/roots"
# Remove what no document produces any more.
find generated -type f | LC_ALL=C sort > "$stage/present"
comm -23 "$stage/present" "$stage/roots" | while IFS= read -r stale; do rm -f "$stale"; done
find generated -type d -empty -delete 2>/dev/null || true
mkdir -p generated
