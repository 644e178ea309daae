#!/bin/sh
# Weave the book: every literate chapter (spec/*.nw, lit/*.nw) and every proof
# note (proofs-notes/*.md), behind the front matter book/intro.md, into one
# standalone HTML file (or, with "pdf", a PDF through LaTeX).
#
#   src/build/book.sh html|pdf
#
# Reading order: the files book/chapters.txt lists, in its order; then, so
# that nothing is silently dropped, every other chapter and note, sorted.  The
# literate chapters go through noweb together (chunks may be continued across
# chapters, as in the tangle):
#   markup | cdefs.awk | finduses | scope.awk | noidx | weave.awk  ->  Markdown  ->  pandoc
# cdefs.awk finds the C definitions, finduses marks their uses, scope.awk
# keeps the uses C's scope rules allow, noidx adds the cross references and
# the indexes, weave.awk writes pandoc Markdown.
set -eu
cd "$(dirname "$0")/../.."
format=${1:-html}
case "$format" in html|pdf) ;; *) echo "book.sh: unknown format '$format' (html or pdf)" >&2; exit 2 ;; esac
LIB=${NOWEB_LIB:-/usr/lib/noweb}
for tool in "$LIB/markup" "$LIB/finduses" "$LIB/noidx"; do
  [ -x "$tool" ] || { echo "book.sh: $tool not found (is noweb installed?)" >&2; exit 1; }
done
command -v pandoc >/dev/null || { echo "book.sh: pandoc not found" >&2; exit 1; }
command -v dot >/dev/null || { echo "book.sh: dot not found (is graphviz installed? make deps)" >&2; exit 1; }

# One work directory per edition, so that `make -j' can weave both at once.
work=build/book/$format
mkdir -p "$work" book

# The reading order.
listed() { [ -f book/chapters.txt ] && sed -e 's/#.*//' -e 's/[ \t]*$//' -e '/^$/d' book/chapters.txt || true; }
listed | awk '!seen[$0]++' > "$work/listed"
# A listed file that does not exist (yet: chapters are written in parallel) is
# reported and skipped; a file that exists but is not listed is still woven.
: > "$work/present"
while IFS= read -r f; do
  if [ -f "$f" ]; then echo "$f" >> "$work/present"
  else echo "book: book/chapters.txt lists $f, which does not exist: skipped" >&2; fi
done < "$work/listed"
mv "$work/present" "$work/listed"
all_nw=$( { find spec lit -name '*.nw' 2>/dev/null || true; } | LC_ALL=C sort)
all_md=$( { find proofs-notes -name '*.md' 2>/dev/null || true; } | LC_ALL=C sort)
: > "$work/chapters"; : > "$work/notes"
grep '\.nw$' "$work/listed" >> "$work/chapters" || true
for f in $all_nw; do grep -qxF "$f" "$work/listed" || echo "$f" >> "$work/chapters"; done
grep '\.md$' "$work/listed" >> "$work/notes" || true
for f in $all_md; do grep -qxF "$f" "$work/listed" || echo "$f" >> "$work/notes"; done
[ -s "$work/chapters" ] || { echo "book.sh: no literate chapters under spec/ or lit/" >&2; exit 1; }

# noweb: all chapters in one stream.
# shellcheck disable=SC2046
"$LIB/markup" $(cat "$work/chapters") | awk -f src/build/cdefs.awk | "$LIB/finduses" > "$work/uses"
awk -f src/build/scope.awk "$work/uses" "$work/uses" | "$LIB/noidx" > "$work/stream"

case "$format" in
  html) fmt=html ;;
  pdf) fmt=latex ;;
esac
rm -f "$work/idents.txt"
awk -v fmt="$fmt" -v indexfile="$work/index-$fmt.md" -v identfile="$work/idents.txt" -f src/build/weave.awk \
  "$work/stream" "$work/stream" > "$work/chapters-$fmt.md"
[ -s "$work/index-$fmt.md" ] || : > "$work/index-$fmt.md"

common="--from=markdown --wrap=none --toc --toc-depth=2 --number-sections --metadata-file=book/metadata.yaml"
if [ "$format" = html ]; then
  # pandoc 2.19 renamed --self-contained to --embed-resources --standalone.
  if pandoc --help | grep -q -- '--embed-resources'; then embed="--embed-resources --standalone"
  else embed="--self-contained"; fi
  touch "$work/idents.txt"
  # shellcheck disable=SC2086,SC2046
  LITBPF_IDENTS="$work/idents.txt" pandoc $common -s $embed --mathml --css=book/litbpf.css --section-divs \
    --lua-filter=src/build/figures.lua --lua-filter=src/build/identlinks.lua \
    -o book/litbpf.html book/intro.md "$work/chapters-html.md" $(cat "$work/notes") "$work/index-html.md"
  echo "book: book/litbpf.html ($(wc -l < "$work/chapters") chapters, $(wc -l < "$work/notes") notes)"
else
  # --no-highlight: pandoc's highlighter draws what it cannot lex as an error
  # (in red); the chunks are highlighted by weave.awk, and a code block of the
  # prose is set plain.
  # shellcheck disable=SC2086,SC2046
  pandoc $common -s --no-highlight --pdf-engine=lualatex --include-in-header=book/pdf-header.tex --lua-filter=src/build/figures.lua \
    -V mainfont="DejaVu Serif" -V sansfont="DejaVu Sans" -V monofont="DejaVu Sans Mono" \
    -V documentclass=report -V papersize=a4 -V geometry:margin=2.2cm -V fontsize=10pt -V colorlinks=true \
    -o book/litbpf.pdf book/intro.md "$work/chapters-latex.md" $(cat "$work/notes") "$work/index-latex.md"
  echo "book: book/litbpf.pdf ($(wc -l < "$work/chapters") chapters, $(wc -l < "$work/notes") notes)"
fi
