#!/bin/sh
# shellcheck disable=SC2086,SC2015
# Line coverage of the literate sources.
#
#   src/build/coverage.sh run CONFORMANCE SUITE...   run the coverage flavour, write the report
#   src/build/coverage.sh check MIN [GLOB]          every file matching GLOB (default spec/*.nw)
#                                                   must have at least MIN% of its lines run
#
# "run" expects the coverage flavour to be built (build/cov/check/SUITE, and
# build/cov/litbpf when the command-line tool exists).  It clears the counters,
# runs each Check suite, the conformance suite through every engine of the
# command-line tool (or those COVERAGE_ENGINES names; the specification always) and
# the negative cases, then captures with lcov and writes an HTML report to
# build/coverage/index.html.  The tangled C carries #line directives relative
# to the repository, so gcov, lcov and genhtml attribute every line to its
# chapter: the report is about spec/*.nw and lit/*.nw, not generated/.
#
# Only the counters of the library and tool objects are captured, not those
# of the test programs: the test code tangled from the same chapters would
# otherwise count as covered lines of the chapter and flatter the figure.
set -eu
cd "$(dirname "$0")/../.."
out=build/coverage
info=$out/lcov.info
RC="--rc lcov_branch_coverage=0" # two words: used unquoted

# lcov 1.16 on Debian 12 warns that geninfo redefines its own subroutines;
# that noise goes, anything else it says is shown.
run_lcov() {
  if "$@" 2> "$out/lcov.err"; then
    grep -v "^Subroutine .* redefined at" "$out/lcov.err" >&2 || true
  else
    cat "$out/lcov.err" >&2; return 1
  fi
}

# Per-file line coverage from an lcov tracefile: "file hit found".
per_file() {
  awk -F: '
    /^SF:/ { f = substr($0, 4) }
    /^LF:/ { lf[f] += $2 }
    /^LH:/ { lh[f] += $2 }
    END { for (f in lf) print f, lh[f] + 0, lf[f] + 0 }' "$1" | LC_ALL=C sort
}

case "${1:-}" in
run)
  shift
  conformance=$1; shift
  command -v lcov >/dev/null && command -v genhtml >/dev/null ||
    { echo "coverage: lcov and genhtml are needed (make deps)" >&2; exit 1; }
  rm -rf "$out"; mkdir -p "$out"
  find build/cov -name '*.gcda' -delete 2>/dev/null || true
  status=0
  for s in "$@"; do
    echo "== coverage: unit suite $s"
    # unoptimised and counting, the suites run slower: their time limits x4
    CK_TIMEOUT_MULTIPLIER=4 build/cov/check/"$s" > "$out/suite-$s.log" 2>&1 || { cat "$out/suite-$s.log"; status=1; }
    tail -n 1 "$out/suite-$s.log"
  done
  if [ -x build/cov/litbpf ]; then
    if [ -d "$conformance/tests" ]; then
      # Every engine the tool offers (its help lists them), unless
      # COVERAGE_ENGINES names some; the specification always.
      engines=${COVERAGE_ENGINES:-$(build/cov/litbpf conformance --help 2>&1 |
        sed -n "s/.*available: \([^)]*\)).*/\1/p" | tr -d ,)}
      case " $engines " in *" spec "*) ;; *) engines="spec $engines" ;; esac
      for e in $engines; do
        echo "== coverage: conformance ($e engine)"
        build/cov/litbpf conformance --engine "$e" --cpu v4 "$conformance/tests" > "$out/conformance-$e.log" 2>&1 ||
          { cat "$out/conformance-$e.log"; status=1; }
        tail -n 1 "$out/conformance-$e.log"
      done
    else
      echo "coverage: no conformance suite at $conformance/tests" >&2; status=1
    fi
    if [ -d "$conformance/negative" ] && [ -x tests/negative.sh ]; then
      echo "== coverage: negative cases"
      tests/negative.sh build/cov/litbpf "$conformance/negative" > "$out/negative.log" 2>&1 ||
        { cat "$out/negative.log"; status=1; }
      tail -n 1 "$out/negative.log"
    fi
  else
    echo "coverage: no build/cov/litbpf (src/cli/litbpf.c absent): conformance not run" >&2
  fi
  # The counters of the test programs themselves (build/cov/check) go.
  find build/cov/check -name "*.gcda" -delete 2>/dev/null || true
  [ -n "$(find build/cov -name "*.gcda" | head -n 1)" ] || { echo "coverage: no counters were written" >&2; exit 1; }
  run_lcov lcov --quiet $RC --capture --directory build/cov --base-directory . --output-file "$out/all.info"
  # Keep the project's sources; drop system headers.
  run_lcov lcov --quiet $RC --extract "$out/all.info" "$(pwd)/*" --output-file "$info"
  run_lcov genhtml --quiet $RC --prefix "$(pwd)" --title "litbpf line coverage" \
    --output-directory "$out" "$info" > "$out/genhtml.log"
  echo "== line coverage by literate source (build/coverage/index.html)"
  per_file "$info" | awk -v root="$(pwd)/" '
    { f = $1; if (index(f, root) == 1) f = substr(f, length(root) + 1) }
    f ~ /\.nw$/ { printf "  %-28s %5d / %5d  %6.1f%%\n", f, $2, $3, $3 ? 100 * $2 / $3 : 100; h += $2; n += $3 }
    END { if (n) printf "  %-28s %5d / %5d  %6.1f%%\n", "all chapters", h, n, 100 * h / n }'
  exit $status
  ;;
check)
  min=${2:?coverage check: minimum percentage}
  glob=${3:-spec/*.nw}
  [ -s "$info" ] || { echo "coverage: no $info; run 'make coverage' first" >&2; exit 1; }
  per_file "$info" | awk -v root="$(pwd)/" -v min="$min" -v glob="$glob" '
    BEGIN {
      re = glob; gsub(/\./, "\\.", re); gsub(/\*/, "[^/]*", re); gsub(/\?/, "[^/]", re); re = "^" re "$"
    }
    { f = $1; if (index(f, root) == 1) f = substr(f, length(root) + 1) }
    f ~ re && $3 > 0 {
      pct = 100 * $2 / $3; seen++
      if (pct < min) { printf "coverage: %s: %.1f%% of %d lines, below %s%%\n", f, pct, $3, min; bad++ }
      else printf "coverage: %s: %.1f%% of %d lines\n", f, pct, $3
    }
    END {
      if (!seen) { print "coverage: no covered file matches " glob; exit 1 }
      exit bad ? 1 : 0
    }'
  ;;
*)
  echo "usage: coverage.sh run CONFORMANCE SUITE... | coverage.sh check MIN [GLOB]" >&2; exit 2 ;;
esac
