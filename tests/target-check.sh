#!/bin/sh
# The conformance suite on the emulated Cortex-M4: one boot of the firmware
# per engine runs every test file of DIR (converted on the host by m4prep
# with litbpf's loaders).  Prints the failures and, per engine, the closing
# line of `litbpf conformance': "N passed, M failed".
#   tests/target-check.sh M4RUN M4PREP DIR ENGINE...
set -eu
m4run=$1 prep=$2 dir=$3
shift 3
mkdir -p build
work=$(mktemp -d build/target-check.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
status=0
for engine in "$@"; do
  "$prep" suite "$dir" "$work" "$engine" > "$work/jobs.$engine" || status=1
  echo "== conformance on the Cortex-M4 (QEMU mps2-an386), engine $engine: $(wc -l < "$work/jobs.$engine") tests"
  set +e
  "$m4run" --jobs "$work/jobs.$engine" > "$work/out.$engine"
  rc=$?
  set -e
  if grep -q 'unknown engine' "$work/out.$engine"; then
    echo "engine $engine is not in the firmware's engine table"
    status=1
    continue
  fi
  # every job line ends in PASS or FAIL; anything else is a firmware message
  grep -v ' PASS$' "$work/out.$engine" | grep -v '^[0-9]* passed, [0-9]* failed$' || true
  tail -n 1 "$work/out.$engine"
  want=$(wc -l < "$work/jobs.$engine")
  passed=$(grep -c ' PASS$' "$work/out.$engine" || true)
  [ "$rc" -eq 0 ] && [ "$passed" -eq "$want" ] || status=1
done
exit "$status"
