#!/bin/sh
# The facts the prose quotes, computed from where they live: the committed
# measurements under bench/results, the test lists and the Makefiles.  One
# "key value" line each.  The prose marks a quoted figure with the key right
# after it, as an HTML comment that neither edition shows:
#
#     the conformance suite's 313<!-- fact conformance.tests --> programs
#
# and tests/facts.sh (`make check-facts`, part of `make check`) fails when a
# marked figure differs from the value printed here.  To quote a new figure,
# add its key below (computed, never typed in) and mark the prose.
set -eu
cd "$(dirname "$0")/../.."
conformance=${CONFORMANCE:-../shared/conformance}

# 12345 -> 12,345
thousands() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }
# the value of a ':=' or '?=' variable in a Makefile fragment
mkvar() { sed -n "s/^$2[[:space:]]*[:?]=[[:space:]]*//p" "$1" | head -n 1; }
nseeds() { echo "$1" | tr ',' '\n' | grep -c .; }
# the number of '#define V_' lines in a chunk of the specification
chunkdefines() { awk -v c="<<$1>>=" '$0 == c { p = 1; next } p && /^@/ { p = 0 } p && /^#define V_/ { n++ } END { print n + 0 }' spec/semantics.nw; }

# Tests.
if [ -d "$conformance/tests" ]; then
  n=$(find "$conformance/tests" -name '*.data' | wc -l)
  echo "conformance.tests $n"
  echo "conformance.all $n/$n"
fi
echo "corpus.programs $(find tests/real -name '*.c' | wc -l)"
echo "corpus.sweep_mems $(mkvar src/build/tools.mk C_PROGRAMS_SWEEP_MEMS)"
echo "mutants.interp $(grep -cvE '^[[:space:]]*(#|$)' tests/mutants/interp.sed)"
echo "mutants.cases $(thousands "$(sed -n 's/.*pbt_mutants\.sh interp .* \([0-9][0-9]*\)$/\1/p' src/build/pbt.mk)")"
pbt=$(( $(nseeds "$(mkvar src/build/pbt.mk PBT_SEEDS)") * ($(mkvar src/build/pbt.mk PBT_COUNT) + $(mkvar src/build/pbt.mk PBT_MUTATE_COUNT)) \
      + $(nseeds "$(mkvar src/build/pbt.mk PBT_SAN_SEEDS)") * $(mkvar src/build/pbt.mk PBT_SAN_COUNT) ))
echo "pbt.check_cases $(thousands "$pbt")"
echo "m4diff.cases $(thousands "$(mkvar src/build/target.mk M4DIFF_N)")"
echo "pbt.seed_cases $(thousands "$(mkvar src/build/pbt.mk PBT_COUNT)")"
echo "pbt.plain_cases $(thousands $(( $(nseeds "$(mkvar src/build/pbt.mk PBT_SEEDS)") * $(mkvar src/build/pbt.mk PBT_COUNT) )))"
echo "pbt.mutated_cases $(thousands $(( $(nseeds "$(mkvar src/build/pbt.mk PBT_SEEDS)") * $(mkvar src/build/pbt.mk PBT_MUTATE_COUNT) )))"
echo "pbt.san_cases $(thousands "$(mkvar src/build/pbt.mk PBT_SAN_COUNT)")"
echo "pbt.san_total $(thousands $(( $(nseeds "$(mkvar src/build/pbt.mk PBT_SAN_SEEDS)") * $(mkvar src/build/pbt.mk PBT_SAN_COUNT) )))"
echo "thumb.unicorn_programs $(thousands $(( 2 * $(mkvar src/build/thumb.mk THUMB_UC_COUNT) )))"
echo "thumb.unicorn_san_programs $(thousands "$(sed -n 's/^[[:space:]]*build\/san\/thumb-unicorn [0-9]* \([0-9][0-9]*\)$/\1/p' src/build/thumb.mk)")"
echo "thumb.llvm_per_form $(mkvar src/build/thumb.mk THUMB_LLVM_N)"
echo "thumb.llvm_noise_halfwords $(thousands $(( $(sed -n 's/.*k < \([0-9][0-9]*\) \* n;.*/\1/p' tests/thumb_oracle.c) * $(mkvar src/build/thumb.mk THUMB_LLVM_N) )))"
echo "thumb.fuzz_default $(thousands "$(mkvar src/build/thumb.mk THUMB_N)")"
# testloop CHAPTER TEST: the bound of the first loop of a unit test that
# counts a variable k or t from 0 to a literal (its random instances)
testloop() { awk -v t="START_TEST($2)" 'index($0, t) == 1 { p = 1 } p && match($0, /[kt] = 0; [kt] < [0-9]+;/) { v = substr($0, RSTART + 11, RLENGTH - 12); print v; exit }' "$1"; }
echo "thumb.isa_per_form $(thousands "$(testloop lit/thumb-isa.nw decode_inverts_encode)")"
echo "thumb.isa_wide_pairs $(thousands "$(testloop lit/thumb-isa.nw encode_inverts_decode)")"
echo "jit_alu.random_runs $(thousands "$(testloop lit/jit-alu.nw random_runs)")"
echo "jit_alu.unicorn_runs $(thousands "$(testloop lit/jit-alu.nw unicorn_runs)")"
echo "jit_alu.compile_programs $(thousands "$(testloop lit/jit-emit.nw compile_programs)")"
echo "jit.agree_programs $(thousands "$(testloop lit/jit.nw j_and_e_agree)")"
# jitted programs on unicorn in make check: seeds times cases per seed
echo "jit.unicorn_programs $(thousands $(( $(mkvar src/build/jitprog.mk JIT_UC_SEEDS | wc -w) * $(mkvar src/build/jitprog.mk JIT_UC_COUNT) )))"
echo "jit.unicorn_san_programs $(thousands "$(mkvar src/build/jitprog.mk JIT_UC_SAN_COUNT)")"
# the mutants of the whole-program JIT: cases per seed of the checker's run
echo "jit.mutant_seeds $(nseeds "$(sed -n 's/.*build\/pbt --quiet --seed \([0-9,]*\) --count [0-9]* --engines spec,jit.*/\1/p' src/build/jitprog.mk)")"
echo "jit.mutant_seed_cases $(sed -n 's/.*build\/pbt --quiet --seed [0-9,]* --count \([0-9][0-9]*\) --engines spec,jit.*/\1/p' src/build/jitprog.mk)"
# the havm cases of check-pbt: long arithmetic runs, plain and sanitized
echo "pbt.havm_seed_cases $(thousands "$(mkvar src/build/pbt.mk PBT_HAVM_COUNT)")"
echo "pbt.havm_cases $(thousands $(( $(nseeds "$(mkvar src/build/pbt.mk PBT_HAVM_SEEDS)") * $(mkvar src/build/pbt.mk PBT_HAVM_COUNT) )))"
echo "pbt.havm_san_cases $(thousands $(( $(nseeds "$(mkvar src/build/pbt.mk PBT_HAVM_SEEDS)") * $(mkvar src/build/pbt.mk PBT_HAVM_SAN_COUNT) )))"
# the plain cases of check-pbt-jit
echo "pbt.jit_cases $(thousands $(( $(nseeds "$(mkvar src/build/jitprog.mk PBT_JIT_SEEDS)") * $(mkvar src/build/jitprog.mk PBT_JIT_COUNT) )))"
# check-m4diff runs every engine but the specification on each case
m4engines=$(( $(sed -n 's/^ENGINES[[:space:]]*:=//p' src/build/engines.mk | wc -w) - 1 + $(cat src/build/*.mk | grep -c '^ENGINES[[:space:]]*+=') ))
echo "m4diff.runs $(thousands $(( m4engines * $(mkvar src/build/target.mk M4DIFF_N) )))"
echo "fuzz.check_runs $(thousands "$(mkvar src/build/rel.mk FUZZ_CHECK_RUNS)")"

# The code.
echo "spec.value_ops $(chunkdefines 'the concrete value interface')"

echo "runner.trace_limit $(thousands "$(sed -n 's/^#define LBPF_TRACE_LIMIT \([0-9][0-9]*\).*/\1/p' src/host/runner.h)")"

n=$(sed -n 's/^#define NSAMPLES \([0-9][0-9]*\).*/\1/p' spec/symbolic.nw)
echo "symbolic.sample_pairs $(thousands $(( n * n )))"

# Measurements.
# range CSV COLUMN MIN MAX: the rounded least and greatest value of COLUMN over
# the benchmarks that execute at least MIN and at most MAX BPF instructions.
range() {
  [ -f "$1" ] || return 0
  awk -F, -v c="$2" -v lo_n="$3" -v hi_n="$4" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $col["bpf_insns"] >= lo_n + 0 && $col["bpf_insns"] <= hi_n + 0 {
      v = $col[c]; if (n++ == 0 || v < lo) lo = v; if (v > hi) hi = v }
    END { if (n) printf "%d\xe2\x80\x93%d\n", lo + 0.5, hi + 0.5 }' "$1"
}
# Cortex-M4 (QEMU) and host (callgrind) instructions of the interpreter: per
# executed BPF instruction, over the programs that run more than a few dozen
# and a few hundred BPF instructions; per run, for the paper's
# three-instruction programs.
echo "target.interp_per_insn $(range bench/results/target.csv interp_per_bpf_insn 20 1e12)"
echo "target.interp_per_insn_long $(range bench/results/target.csv interp_per_bpf_insn 200 1e12)"
echo "host.interp_per_insn_long $(range bench/results/host.csv interp_ir_per_insn 200 1e12)"
# ratio CSV NUM DEN MIN: the rounded least and greatest NUM/DEN over the
# benchmarks that execute at least MIN BPF instructions.
ratio() {
  [ -f "$1" ] || return 0
  awk -F, -v a="$2" -v b="$3" -v lo_n="$4" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $col["bpf_insns"] >= lo_n + 0 && $col[b] > 0 {
      v = $col[a] / $col[b]; if (n++ == 0 || v < lo) lo = v; if (v > hi) hi = v }
    END { if (n) printf "%d\xe2\x80\x93%d\n", lo + 0.5, hi + 0.5 }' "$1"
}
# How many times the specification's cost the interpreter's is, on the same
# long-running programs.
echo "target.spec_over_interp_long $(ratio bench/results/target.csv spec interp 200)"
echo "host.spec_over_interp_long $(ratio bench/results/host.csv spec_ir interp_ir 200)"
echo "target.interp_tiny_run $(range bench/results/target.csv interp 0 3)"
echo "host.interp_tiny_run $(range bench/results/host.csv interp_ir 0 3)"
# The whole-program JIT's compile cost (Cortex-M4 instructions, jit.csv) per
# slot, to the nearest ten: over all the benchmarks, and for the costliest.
if [ -f bench/results/jit.csv ]; then
  echo "jit.compile_per_slot $(thousands "$(awk -F, 'NR > 1 { s += $2; c += $5 } END { printf "%d", int(c / s / 10 + 0.5) * 10 }' bench/results/jit.csv)")"
  echo "jit.compile_per_slot_max $(thousands "$(awk -F, 'NR > 1 && $6 > m { m = $6 } END { printf "%d", int(m / 10 + 0.5) * 10 }' bench/results/jit.csv)")"
fi
# The last fuzzing record: seconds per target, executions of each target (in
# millions, two significant digits; the differential ones exactly).
if [ -f bench/results/reliability.md ]; then
  echo "fuzz.seconds $(sed -n 's/.*each target ran for \([0-9][0-9]*\) seconds.*/\1/p' bench/results/reliability.md)"
  for t in elf data hex asm load; do
    echo "fuzz.$t.mexecs $(awk -F'|' -v t="$t" '{ gsub(/ /, "", $2) } $2 == t { printf "%.2g\n", $4 / 1e6 }' bench/results/reliability.md)"
  done
  for t in diff diff32; do
    echo "fuzz.$t.execs $(thousands "$(awk -F'|' -v t="$t" '{ gsub(/ /, "", $2); gsub(/ /, "", $4) } $2 == t { print $4 }' bench/results/reliability.md)")"
  done
fi
# The hybrid VM's Cortex-M4 instructions over the interpreter's, summed over
# the benchmarks, to two decimals.
if [ -f bench/results/target.csv ]; then
  echo "target.havm_over_interp_sum $(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { h += $col["havm"]; n += $col["interp"] } END { if (n) printf "%.2f\n", h / n }' bench/results/target.csv)"
fi
# The whole-program JIT's compile on the Cortex-M4 (jitprog.csv), over all
# the benchmarks: instructions per BPF instruction to the nearest ten, bytes
# of Thumb-2 per BPF instruction to one decimal; its work memory per BPF
# instruction at the largest size of jitprog-sizes.csv.
if [ -f bench/results/jitprog.csv ]; then
  echo "jitprog.compile_per_slot $(thousands "$(awk -F, 'NR > 1 { s += $2; c += $5 } END { printf "%d", int(c / s / 10 + 0.5) * 10 }' bench/results/jitprog.csv)")"
  echo "jitprog.bytes_per_slot $(awk -F, 'NR > 1 { s += $2; b += $3 } END { printf "%.1f\n", b / s }' bench/results/jitprog.csv)"
fi
if [ -f bench/results/jitprog-sizes.csv ]; then
  echo "jitprog.max_slots $(thousands "$(awk -F, 'NR > 1 && $2 > m { m = $2 } END { print m }' bench/results/jitprog-sizes.csv)")"
  echo "jitprog.work_per_slot $(awk -F, 'NR > 1 && $2 > m { m = $2; w = $8 } END { printf "%d\n", w + 0.5 }' bench/results/jitprog-sizes.csv)"
  for k in straight branchy; do
    echo "jitprog.${k}_per_slot_top $(thousands "$(awk -F, -v k="$k" 'NR > 1 && index($1, k "-") == 1 && $2 > m { m = $2; v = $6 } END { printf "%d", int(v / 10 + 0.5) * 10 }' bench/results/jitprog-sizes.csv)")"
  done
fi
# The largest programs the whole-program JIT compiles (jitprog-sizes-host.csv).
if [ -f bench/results/jitprog-sizes-host.csv ]; then
  for k in straight branchy; do
    echo "jitprog.host_max_$k $(thousands "$(awk -F, -v k="$k" 'NR > 1 && index($1, k "-") == 1 && $2 > m { m = $2 } END { print m }' bench/results/jitprog-sizes-host.csv)")"
  done
fi
# The profile of the whole-program JIT's code (jit-profile.md): the row of
# all programs.
if [ -f bench/results/jit-profile.md ]; then
  prof() { awk -F'|' -v c="$1" '$2 ~ /all programs/ { gsub(/ /, "", $c); print $c }' bench/results/jit-profile.md; }
  echo "jitprof.per_insn $(prof 6)"
  echo "jitprof.alu_share $(prof 7)"
  echo "jitprof.mem_share $(prof 8)"
  echo "jitprof.jump_share $(prof 9)"
  echo "jitprof.per_mem $(prof 14)"
  echo "jitprof.per_jump $(prof 15)"
fi
# Own flash of a component at -Os, in KiB to one decimal.
if [ -f bench/results/footprint.md ]; then
  for c in jit havm; do
    echo "footprint.${c}_os_kib $(awk -F'|' -v c="$c" '{ gsub(/ /, "", $2); gsub(/ /, "", $3) } $2 == c && $3 == "-Os" { printf "%.1f\n", $4 / 1024; exit }' bench/results/footprint.md)"
  done
fi
# Flash of the interpreter's own code at -Os, in bytes.
if [ -f bench/results/footprint.md ]; then
  v=$(awk -F'|' '{ gsub(/ /, "", $2); gsub(/ /, "", $3) } $2 == "interp" && $3 == "-Os" { gsub(/ /, "", $4); print $4; exit }' bench/results/footprint.md)
  [ -n "$v" ] && echo "footprint.interp_os_flash $(thousands "$v")"
fi
