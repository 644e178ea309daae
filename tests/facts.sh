#!/bin/sh
# Prose that cannot drift: every figure the README, the chapters, the proof
# notes and the book's front matter mark with <!-- fact KEY --> must equal the
# value src/build/facts.sh computes for KEY from the measurements and the
# tests.  The figure is the run of digits (with , . / and the en dash) that
# ends right before the marker.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
src/build/facts.sh > "$work/facts"
files=$( { ls README.md bench/README.md book/*.md 2>/dev/null; find spec lit -name '*.nw'; find proofs-notes -name '*.md'; } | LC_ALL=C sort -u)
# shellcheck disable=SC2086
LC_ALL=C awk -v facts="$work/facts" '
  BEGIN { while ((getline l < facts) > 0) { k = l; sub(/ .*/, "", k); v = l; sub(/^[^ ]* /, "", v); val[k] = v } }
  {
    s = $0
    while (match(s, /<!-- fact [^ ]+ -->/)) {
      key = substr(s, RSTART + 10, RLENGTH - 14)
      pre = substr(s, 1, RSTART - 1)
      s = substr(s, RSTART + RLENGTH)
      n++
      if (match(pre, /[0-9]([0-9,.\/]|\xe2\x80\x93)*$/)) fig = substr(pre, RSTART); else fig = ""
      if (!(key in val)) { printf "check-facts: %s:%d: unknown fact %s\n", FILENAME, FNR, key; bad++ }
      else if (fig != val[key]) { printf "check-facts: %s:%d: says %s for %s, which is now %s\n", FILENAME, FNR, (fig == "" ? "nothing" : fig), key, val[key]; bad++ }
    }
  }
  END {
    if (bad) exit 1
    if (n == 0) { print "check-facts: no marked figure found"; exit 1 }
    printf "check-facts: %d quoted figures equal the measurements and the tests\n", n
  }' $files
