#!/bin/sh
# Check the woven book: tests/book.sh book/litbpf.html
# - every chapter (.nw) and proof note (.md) has its title in the book;
# - the table of contents is there;
# - every in-page link (href="#X") has its target (id="X"), and there are
#   chunk links among them;
# - the index of identifiers exists and lists the specification's entry points;
# - code is escaped: no chunk contains a raw '<' that is not markup;
# - every identifier link goes to a chunk that defines that name; in code, it
#   is not a struct member (after '.' or '->'), and, when the definition is
#   local to some files, it comes from a chunk of one of them;
# - every figure a chapter, note or the front matter names exists and is
#   embedded in the book.
set -eu
cd "$(dirname "$0")/.."
html=${1:-book/litbpf.html}
[ -s "$html" ] || { echo "check-book: $html missing or empty" >&2; exit 1; }
fail=0
bad() { echo "check-book: $*" >&2; fail=1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# Chapter titles: the first '# ' line of each file, as pandoc writes it.
nchap=0
for f in $(find spec lit proofs-notes -name '*.nw' -o -name '*.md' 2>/dev/null | LC_ALL=C sort); do
  case "$f" in spec/*.md|lit/*.md) continue ;; esac
  title=$(sed -n 's/^# \(.*\)$/\1/p' "$f" | head -n 1 | sed -e 's/[[:space:]]*{[^}]*}[[:space:]]*$//' \
    -e 's/`//g' -e 's/\*//g' -e 's/\[\[//g' -e 's/\]\]//g' -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g')
  [ -n "$title" ] || { bad "$f has no '# title' line"; continue; }
  nchap=$((nchap + 1))
  grep -qF "$title" "$html" || bad "chapter title of $f missing: $title"
done

grep -q '<nav id="TOC"' "$html" || bad "no table of contents"

# In-page links and their targets.
grep -o 'href="#[^"]*"' "$html" | sed 's/^href="#//; s/"$//' | LC_ALL=C sort -u > "$work/hrefs"
grep -o ' id="[^"]*"' "$html" | sed 's/^ id="//; s/"$//' | LC_ALL=C sort -u > "$work/ids"
missing=$(LC_ALL=C comm -23 "$work/hrefs" "$work/ids")
[ -z "$missing" ] || bad "links without a target: $(echo "$missing" | head -n 5 | tr '\n' ' ')"
nchunklinks=$(grep -c '^NW' "$work/hrefs" || true)
[ "$nchunklinks" -gt 0 ] || bad "no chunk links"
nchunks=$(grep -o '<div class="chunk" id="' "$html" | wc -l)
[ "$nchunks" -gt 0 ] || bad "no code chunks"

# The identifier index.
grep -q 'id="identifier-index"' "$html" || bad "no index of identifiers"
for ident in lbpf_verify lbpf_spec_run; do
  if grep -q "\b$ident\b" spec/*.nw 2>/dev/null; then
    sed -n '/id="identifier-index"/,/<\/ul>/p' "$html" | grep -q "<code>$ident</code>" ||
      bad "identifier index lacks $ident"
  fi
done

# Escaping: inside <pre class="chunk-code">, every '<' starts a tag we write.
awk '/<pre class="chunk-code">/ { p = 1 } p { print } /<\/pre>/ { p = 0 }' "$html" |
  sed -e 's/<\/\{0,1\}\(pre\|code\|span\|a\)\([ >][^>]*\)\{0,1\}>//g' > "$work/code"
if grep -q '<' "$work/code"; then bad "unescaped '<' in code: $(grep '<' "$work/code" | head -n 1)"; fi

# A C shift written @<< in a chunk reads << in the book.
if [ -n "$(find spec lit -name '*.nw' -exec grep -lF '@<<' {} + 2>/dev/null)" ]; then
  grep -qF "&lt;&lt;" "$html" || bad "no << in the woven code although chapters write @<<"
fi

# Identifier links.  The chunk divs carry data-files (the files that use the
# chunk); a definition local to a file carries data-scope.
grep -o -e '<div class="chunk" id="[^"]*" data-files="[^"]*"' -e '<code class="def"[^>]*>[^<]*</code>' \
  -e '\(\.\|-&gt;\)\{0,1\} *<a class="id" href="#[^"]*"[^>]*>[^<]*</a>' \
  -e '<a href="#[^"]*" title="defined in chunk [^"]*"><code>[^<]*</code></a>' "$html" > "$work/idtokens"
awk '
  function attr(s, a,    t) { t = s; if (!sub(".*" a "=\"", "", t)) return ""; sub(/".*/, "", t); return t }
  function text(s,    t) { t = s; sub(/<\/(code|a)>$/, "", t); sub(/.*>/, "", t); return t }
  NR == FNR && /^<div class="chunk"/ { cur = attr($0, "id"); next }
  NR == FNR && /^<code class="def"/ { def[cur, text($0)] = 1; scope[cur, text($0)] = attr($0, "data-scope"); next }
  # (data-scope lists the files, separated by ", ")
  NR == FNR { next }
  /^<div class="chunk"/ { cur = attr($0, "id"); curfiles = " " attr($0, "data-files") " "; next }
  # prose: `name` or `name()` linked to its chunk
  /^<a href="#[^"]*" title="defined in chunk/ {
    n++; name = $0; sub(/<\/code><\/a>$/, "", name); sub(/.*<code>/, "", name); sub(/\(\)$/, "", name); target = attr($0, "href"); sub(/^#/, "", target)
    if (!((target SUBSEP name) in def)) { print "check-book: prose links " name " to " target ", which does not define it"; bad++ }
    next
  }
  /<a class="id"/ {
    n++; name = text($0); target = attr($0, "href"); sub(/^#/, "", target)
    if (!((target SUBSEP name) in def)) { print "check-book: in chunk " cur ", " name " links to " target ", which does not define it"; bad++; next }
    if ($0 ~ /^(\.|-&gt;)/) { print "check-book: in chunk " cur ", the member " name " links to a definition"; bad++; next }
    s = scope[target, name]; seen = (s == "")
    m = split(s, fs, /, /)
    for (k = 1; k <= m; k++) if (index(curfiles, " " fs[k] " ")) seen = 1
    if (!seen) { print "check-book: in chunk " cur ", " name " links to the definition local to " s; bad++ }
  }
  END { if (bad) exit 1; if (n == 0) { print "check-book: no identifier links"; exit 1 } print n > "/dev/stderr" }
' "$work/idtokens" "$work/idtokens" 2> "$work/nidlinks" || fail=1
nidlinks=$(cat "$work/nidlinks")

# Figures: every ![...](path) of the sources names a file that exists, and
# the HTML embeds every image it shows.
nfig=0
for f in book/intro.md $(find spec lit proofs-notes -name '*.nw' -o -name '*.md' 2>/dev/null | LC_ALL=C sort); do
  for path in $(grep -o '!\[[^]]*\]([^)]*)' "$f" | sed 's/.*(\(.*\))$/\1/'); do
    nfig=$((nfig + 1))
    [ -f "$path" ] || bad "$f names the figure $path, which does not exist"
  done
done
nimg=$(grep -o '<img [^>]*' "$html" | grep -c . || true)
nembedded=$(grep -o '<img src="data:' "$html" | grep -c . || true)
[ "$nimg" = "$nembedded" ] || bad "$((nimg - nembedded)) of $nimg images are not embedded (a missing file?)"
[ "$nimg" -ge "$nfig" ] || bad "the sources name $nfig figures, the book shows $nimg"

[ "$fail" = 0 ] || exit 1
echo "check-book: $nchap chapters and notes, $nchunks chunks, $(wc -l < "$work/hrefs") link targets resolved, $nidlinks identifier links in scope, $nimg figures"
