#!/bin/sh
# Check the PDF book: tests/book-pdf.sh book/litbpf.pdf
# - no chunk reference is left raw (<<name>>): each prints its number and page;
# - no reference is unresolved (LaTeX prints ?? for a \pageref it cannot find);
# - every chapter and note title is there.
set -eu
cd "$(dirname "$0")/.."
pdf=${1:-book/litbpf.pdf}
[ -s "$pdf" ] || { echo "check-book-pdf: $pdf missing or empty" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "check-book-pdf: pdftotext not found (poppler-utils; make deps)" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fail=0
bad() { echo "check-book-pdf: $*" >&2; fail=1; }
pdftotext "$pdf" "$work/text"
# A raw reference: << then a name (not a space, as a C shift's operand is
# written) then >>.
if grep -nE '<<[^ <>=][^<>]*>>' "$work/text" > "$work/raw"; then bad "raw chunk references: $(head -n 3 "$work/raw" | tr '\n' ' ')"; fi
if grep -nF '??' "$work/text" > "$work/unres"; then bad "unresolved references: $(head -n 3 "$work/unres" | tr '\n' ' ')"; fi
nrefs=$(grep -cE '⟨[^⟩]* [0-9]+, p\. ?[0-9]+⟩' "$work/text" || true)
[ "$nrefs" -gt 0 ] || bad "no chunk reference with a number and a page"
tr -s ' \n' '  ' < "$work/text" > "$work/flat"
for f in $(find spec lit proofs-notes -name '*.nw' -o -name '*.md' 2>/dev/null | LC_ALL=C sort); do
  title=$(sed -n 's/^# \(.*\)$/\1/p' "$f" | head -n 1 | sed -e 's/[[:space:]]*{[^}]*}[[:space:]]*$//' -e 's/`//g' -e 's/\*//g' -e 's/\[\[//g' -e 's/\]\]//g')
  [ -n "$title" ] || continue
  grep -qF "$title" "$work/flat" || bad "chapter title of $f missing: $title"
done
[ "$fail" = 0 ] || exit 1
echo "check-book-pdf: $(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p') pages, $nrefs chunk references with number and page, none raw or unresolved"
