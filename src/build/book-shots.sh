#!/bin/sh
# Screenshots of the woven book by a headless chromium, so that a change to the
# style can be looked at: the first page, and a chapter with code and a figure.
#
#   src/build/book-shots.sh book/litbpf.html OUTDIR
#
# BOOK_SHOT_CHAPTER names the chapter by its anchor (the-abstract-semantics);
# BOOK_SHOT_SIZE is the window, WIDTH,HEIGHT in pixels (1100,1500).
set -eu
cd "$(dirname "$0")/../.."
html=$1 out=$2
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "book-shots: chromium not found (make book-check installs it)" >&2; exit 1; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
shot() {
  # --no-sandbox: the checks run as root; a fresh profile each time.
  profile=$(mktemp -d)
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --window-size=${BOOK_SHOT_SIZE:-1100,1500} --screenshot="$out/$1.png" "$2" > /dev/null 2>&1 || true
  rm -rf "$profile"
  [ -s "$out/$1.png" ] || { echo "book-shots: no screenshot of $2" >&2; exit 1; }
  echo "book-shots: $out/$1.png"
}
shot first-page "$url"
# A chapter: headless chromium does not scroll to a #fragment before the
# screenshot, so the chapter is cut out of the book into a page of its own,
# with the book's <head> (its style is embedded there).
chapter=${BOOK_SHOT_CHAPTER:-the-abstract-semantics}
awk -v id="$chapter" '
  /<body>/ { print; body = 1; next }
  !body { print; next }
  index($0, "<section id=\"" id "\" class=\"level1") { on = 1 }
  on && /<section id="[^"]*" class="level1/ && !index($0, "<section id=\"" id "\"") { exit }
  on { print }
  END { print "</body></html>" }' "$html" > "$out/chapter.html"
grep -q "<section id=\"$chapter\"" "$out/chapter.html" || { echo "book-shots: no chapter $chapter in $html" >&2; exit 1; }
shot chapter "file://$out/chapter.html"
