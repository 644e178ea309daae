#!/bin/bash
# litbpf-plugin speaks the bpf_conformance plugin protocol: for every test
# of the suite, the program's bytes as hex on stdin and the memory's bytes
# as hex in the first argument must give the expected r0 (hex, no 0x) on
# stdout; a test that expects an error must make the plugin fail.
# usage: tests/plugin_conformance.sh LITBPF LITBPF-PLUGIN CONFORMANCE-TESTS-DIR
set -u
tool=$1 plugin=$2 dir=$3
export LC_ALL=C
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
pass=0 fail=0
for f in "$dir"/*.data; do
  name=$(basename "$f")
  "$tool" asm "$f" "$w/p.bin" 2> "$w/err" || { echo "FAIL $name: asm: $(cat "$w/err")"; fail=$((fail + 1)); continue; }
  prog=$(od -An -tx1 -v "$w/p.bin" | tr -s ' \n' '  ')
  mem=$(awk '/^-- /{ s = ($2 == "mem") ; next } s { sub(/#.*/, ""); printf "%s ", $0 }' "$f" | tr -s ' ')
  want=$(awk '/^-- /{ s = ($2 == "result") ; next } s && NF && !/^#/ { print tolower($1) }' "$f" | sed 's/^0x//; s/^0*\(.\)/\1/')
  if [ -n "$mem" ]; then
    got=$(echo "$prog" | timeout 20 "$plugin" "$mem" 2> "$w/err"); rc=$?
  else
    got=$(echo "$prog" | timeout 20 "$plugin" 2> "$w/err"); rc=$?
  fi
  if [ -z "$want" ]; then
    # an expected error: the plugin must fail with a message
    if [ $rc -ne 0 ] && [ $rc -lt 124 ] && [ -s "$w/err" ]; then pass=$((pass + 1)); else
      echo "FAIL $name: expected an error, got exit $rc, '$got'"; fail=$((fail + 1)); fi
  elif [ $rc -eq 0 ] && [ "$got" = "$want" ]; then
    pass=$((pass + 1))
  else
    echo "FAIL $name: expected $want, got exit $rc, '$got' $(cat "$w/err")"; fail=$((fail + 1))
  fi
done
echo "plugin protocol over the conformance suite: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
