#!/bin/bash
# The negative conformance files, through the litbpf tool (normally the
# ASan+UBSan build):
#   - every unused-*.data program is refused by the loader: `litbpf run`
#     exits 3 (refused) naming the status "unused field", and the
#     conformance runner reports it as passing (it expects an error);
#   - every other file (malformed tests, wrong expectations) is reported
#     FAIL with a message, never PASS;
#   - nothing crashes: exit codes stay below 128, no sanitizer report.
# usage: tests/negative.sh LITBPF NEGATIVE-DIR
set -u
tool=$1 dir=$2
[ -x "$tool" ] || { echo "negative.sh: $tool is not executable" >&2; exit 2; }
[ -d "$dir" ] || { echo "negative.sh: $dir is not a directory" >&2; exit 2; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
ok=0 bad=0
complain() { echo "FAIL $1: $2"; bad=$((bad + 1)); }
for f in "$dir"/*.data; do
  name=$(basename "$f")
  timeout 20 "$tool" conformance "$f" > "$out/conf" 2> "$out/conf.err"; crc=$?
  if [ $crc -ge 124 ] || grep -q 'Sanitizer\|runtime error' "$out/conf.err"; then
    complain "$name" "conformance runner crashed or hung (exit $crc)"; cat "$out/conf.err"; continue
  fi
  case "$name" in
  unused-*)
    timeout 20 "$tool" run "$f" > "$out/run" 2> "$out/run.err"; rc=$?
    if [ $rc -ne 3 ]; then complain "$name" "litbpf run exited $rc, expected 3 (refused)"; continue; fi
    if ! grep -q 'refused at pc [0-9]*: .*unused field' "$out/run.err"; then
      complain "$name" "refusal does not name the unused field: $(cat "$out/run.err")"; continue
    fi
    if [ $crc -ne 0 ] || ! grep -q "^PASS " "$out/conf"; then
      complain "$name" "conformance runner did not pass the expected refusal: $(head -1 "$out/conf")"; continue
    fi ;;
  *)
    if [ $crc -ne 1 ] || ! grep -q "^FAIL .*: ." "$out/conf" || grep -q "^PASS " "$out/conf"; then
      complain "$name" "expected a FAIL with a message, got exit $crc: $(head -1 "$out/conf")"; continue
    fi
    # the tool's other entry points must refuse cleanly too
    for cmd in run disasm; do
      timeout 20 "$tool" $cmd "$f" > /dev/null 2> "$out/cmd.err"; rc=$?
      if [ $rc -ge 124 ] || grep -q 'Sanitizer\|runtime error' "$out/cmd.err"; then
        complain "$name" "litbpf $cmd crashed or hung (exit $rc)"; cat "$out/cmd.err"; continue 2
      fi
    done ;;
  esac
  ok=$((ok + 1))
done
echo "negative: $ok files behaved, $bad misbehaved"
[ $bad -eq 0 ]
