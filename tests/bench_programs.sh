#!/bin/bash
# Checks the benchmark programs (run from the repository root by
# `make check-bench-programs', after `make bench-programs'):
#   - each eBPF object has exactly one function in .text and no relocations;
#   - gen_inputs reproduces the committed inputs byte for byte;
#   - the native build returns the committed expected r0;
#   - the specification engine returns the same r0, both through the
#     command-line tool and through the benchmark harness, and so does every
#     other engine of the engine table (through the harness);
#   - every engine leaves the input memory as the native build does (the
#     programs that write into it: memcpy, bubblesort, sock_buffer, ...).
# Usage: tests/bench_programs.sh NAME...
set -u
fail=0
bad() { echo "FAIL $1: $2"; fail=1; this=1; }

inputs=$(mktemp -d)
trap 'rm -rf "$inputs"' EXIT
build/bench/gen_inputs "$inputs" || { echo "FAIL gen_inputs"; exit 1; }
engines=$(build/bench/bench_host --engines)

for name in "$@"; do
  this=0
  obj=build/bench/bpf/$name.o
  mem=bench/programs/$name.mem
  expected=$(tr -d ' \n' < bench/programs/$name.expected)

  nfuncs=$(llvm-readelf -s "$obj" | awk '$4 == "FUNC"' | wc -l)
  [ "$nfuncs" = 1 ] || bad "$name" "$nfuncs function symbols in the object, want 1"
  nlabels=$(llvm-objdump -d --section=.text "$obj" | grep '^[0-9a-f]* <' | grep -vc '<LBB')
  [ "$nlabels" = 1 ] || bad "$name" "$nlabels functions in .text, want 1"
  if llvm-readelf -r "$obj" | grep -q "Relocation section"; then bad "$name" "object has relocations"; fi

  cmp -s "$inputs/$name.mem" "$mem" || bad "$name" "gen_inputs does not reproduce $mem"

  native=$(build/bench/native/run-$name "$mem") || bad "$name" "native run failed"
  [ "$native" = "$expected" ] || bad "$name" "native r0 $native, expected $expected"
  native_mem=$(build/bench/native/run-$name "$mem" --digest | sed -n 's/^mem=//p')

  for engine in $engines; do
    out=$(build/bench/bench_host "$engine" "$obj" "$mem") || bad "$name" "harness, $engine: $out"
    r0=$(sed -n 's/.* r0=\(0x[0-9a-f]*\).*/\1/p' <<< "$out")
    [ "$r0" = "$expected" ] || bad "$name" "$engine (harness) r0 $r0, expected $expected"
    digest=$(sed -n 's/.* mem=\(0x[0-9a-f]*\).*/\1/p' <<< "$out")
    [ -n "$native_mem" ] && [ "$digest" = "$native_mem" ] ||
      bad "$name" "$engine (harness) leaves the input memory with digest $digest, native $native_mem"
  done

  # litbpf prints r0 as 0x and as many hex digits as it needs.
  out=$(build/litbpf run --engine spec --mem-file "$mem" "$obj") || bad "$name" "litbpf run: $out"
  if ! [[ $out =~ ^0x[0-9a-f]+$ ]] || [ "$(printf '0x%016x' "$out")" != "$expected" ]; then
    bad "$name" "litbpf run --engine spec: '$out', expected $expected"
  fi

  [ $this = 0 ] && echo "ok   $name r0=$expected"
done
[ $fail = 0 ] && echo "check-bench-programs: $# programs agree (native, expected, litbpf run, engines:" $engines")"
exit $fail
