#!/bin/bash
# The benchmark suite on the emulated Cortex-M4 (`make bench-target'): every
# program of bench/programs/ with its input, through each engine and as the
# same C compiled natively into the firmware (arm-none-eabi-gcc -O2), all
# timed alike by the firmware's exact instruction count (lit/target.nw).
# One QEMU boot runs everything.  Writes bench/results/target.csv,
# bench/results/target.md and bench/results/target.png.
#
# Usage: bench/target.sh M4RUN M4PREP "PAPER PROGRAMS" NAME...
#   (from the repository root, after `make m4 bench-programs')
# M4_BENCH_ENGINES="spec interp" chooses the engines (default: spec interp havm jit).
# Each program is also compiled by the hybrid VM's JIT, timed alone (the
# firmware's pseudo-engine jit-alu): bench/results/jit.csv; and by the
# whole-program JIT (pseudo-engine jit-compile): bench/results/jitprog.csv,
# with its compile cost against program size (programs of bench/jit_sizes.c
# from 16 slots up to the most the firmware's RAM holds):
# bench/results/jitprog-sizes.csv and bench/results/jitprog-compile.png.
# The firmware's ELF is M4RUN_FIRMWARE's, or build/m4-O2/firmware.elf.
set -eo pipefail
m4run=$1 prep=$2 paper=$3
shift 3
sizes_tool=build/bench/jit_sizes
firmware=${M4RUN_FIRMWARE:-build/m4-O2/firmware.elf}
engines=${M4_BENCH_ENGINES:-spec interp havm jit}
results=bench/results
mkdir -p "$results" build
work=$(mktemp -d build/bench-target.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The job file: per program, each engine, then native; each measured once
# (five timed runs).  The code comes from the ELF object through litbpf's
# loader, as `litbpf run' would read it.
for name in "$@"; do
  "$prep" program "build/bench/bpf/$name.o" "$work/$name.bin" "$work/unused.mem" > /dev/null
  cp "bench/programs/$name.mem" "$work/$name.mem"
  expected=$(tr -d ' \n' < "bench/programs/$name.expected")
  for e in $engines; do echo "$name $e $work/$name.bin $work/$name.mem $expected 1"; done
  echo "$name native - $work/$name.mem $expected 1"
  echo "$name jit-alu $work/$name.bin - - 1"
  echo "$name jit-compile $work/$name.bin - - 1"
done > "$work/jobs"
# The size curve: 16, 32, ... slots, and the largest multiple of 512 whose
# code and work memory fit the firmware's arena with 64 KiB to spare (the
# job file and the job's own allocations live there too).
symbol() { arm-none-eabi-nm "$firmware" | awk -v n="$1" '$3 == n { print $1 }'; }
arena=$(( 0x$(symbol __arena_end) - 0x$(symbol __arena_start) ))
work_of() { "$sizes_tool" work "$1" | cut -d' ' -f1; }
tables_of() { "$sizes_tool" work "$1" | cut -d' ' -f3; }
fits() { [ $(( $(work_of "$1") + 8 * $1 + 65536 )) -le "$arena" ]; }
sizes="" n=16
while [ $n -le 65536 ] && fits $n; do sizes="$sizes $n"; n=$((n * 2)); done
top=$(( n / 2 ))
while [ $((top + 512)) -le 65536 ] && fits $((top + 512)); do top=$((top + 512)); done
[ "$top" -gt "$((n / 2))" ] && sizes="$sizes $top"
max_held=${sizes##* }
for kind in straight branchy; do
  for n in $sizes; do
    "$sizes_tool" program "$kind" "$n" "$work/$kind-$n.bin"
    echo "$kind-$n jit-compile $work/$kind-$n.bin - - 1"
  done
done >> "$work/jobs"
"$m4run" --jobs "$work/jobs" > "$work/out" || { cat "$work/out" >&2; echo "bench-target: a run failed" >&2; exit 1; }

# name engine ok r0 insns=I cost=C PASS  ->  the table
awk -v engines="$engines" -v order="$*" '
  BEGIN { ne = split(engines, E, " "); np = split(order, P, " ") }
  $3 == "ok" && $NF == "PASS" {
    sub(/^insns=/, "", $5); sub(/^cost=/, "", $6)
    cost[$1, $2] = $6
    # BPF instructions executed: as the specification counts them (the first engine;
    # the whole-program JIT counts only the budget, and reports 0)
    if ($2 == E[1]) insns[$1] = $5
  }
  END {
    h = "program,bpf_insns,native"
    for (i = 1; i <= ne; i++) h = h "," E[i] "," E[i] "_per_bpf_insn," E[i] "_vs_native"
    print h
    for (p = 1; p <= np; p++) {
      n = P[p]; line = n "," insns[n] "," cost[n, "native"]
      for (i = 1; i <= ne; i++) {
        c = cost[n, E[i]]
        line = line "," c "," sprintf("%.1f", c / insns[n]) "," sprintf("%.1f", c / cost[n, "native"])
      }
      print line
    }
  }' "$work/out" > "$work/target.csv"
cp "$work/target.csv" "$results/target.csv"
cat "$results/target.csv"

# The JIT's compile: name jit ok CODE_BYTES insns=JITTED_SLOTS cost=C mem=D
for name in "$@"; do echo "$name $(( $(stat -c %s "$work/$name.bin") / 8 ))"; done > "$work/slots"
awk '
  function hex(s,   v, i, c) { v = 0; s = tolower(substr(s, 3))
    for (i = 1; i <= length(s); i++) { c = index("0123456789abcdef", substr(s, i, 1)) - 1; v = v * 16 + c }
    return v }
  FNR == NR { slots[$1] = $2; order[++n] = $1; next }
  $2 == "jit-alu" && $3 == "ok" { sub(/^insns=/, "", $5); sub(/^cost=/, "", $6); bytes[$1] = hex($4); jitted[$1] = $5; cost[$1] = $6 }
  END {
    print "program,slots,jitted_slots,code_bytes,compile_cost,compile_per_slot,bytes_per_jitted_slot"
    for (i = 1; i <= n; i++) { p = order[i]
      printf "%s,%d,%d,%d,%d,%.1f,%s\n", p, slots[p], jitted[p], bytes[p], cost[p], cost[p] / slots[p],
        (jitted[p] > 0 ? sprintf("%.1f", bytes[p] / jitted[p]) : "n/a") }
  }' "$work/slots" "$work/out" > "$results/jit.csv"
cat "$results/jit.csv"

# The whole-program JIT's compile: name jit-compile ok CODE_BYTES insns=SLOTS cost=C
# (its cost without the verifier's), and the work memory the load needs: the
# tables (lbpf_jit_prog_tables_size) and the code, rounded up to 8.
jitprog_csv() { # FILE: "name tables_bytes" lines, the rows in that order
  awk '
    function hex(s,   v, i, c) { v = 0; s = tolower(substr(s, 3))
      for (i = 1; i <= length(s); i++) { c = index("0123456789abcdef", substr(s, i, 1)) - 1; v = v * 16 + c }
      return v }
    FNR == NR { order[++n] = $1; work[$1] = $2; next }
    $2 == "jit-compile" && $3 == "ok" { sub(/^insns=/, "", $5); sub(/^cost=/, "", $6); bytes[$1] = hex($4); slots[$1] = $5; cost[$1] = $6
      work[$1] += int((bytes[$1] + 7) / 8) * 8 }
    END {
      print "program,slots,code_bytes,bytes_per_slot,compile_cost,compile_per_slot,work_bytes,work_per_slot"
      for (i = 1; i <= n; i++) { p = order[i]
        printf "%s,%d,%d,%.1f,%d,%.1f,%d,%.1f\n", p, slots[p], bytes[p], bytes[p] / slots[p], cost[p],
          cost[p] / slots[p], work[p], work[p] / slots[p] }
    }' "$1" "$work/out"
}
for name in "$@"; do echo "$name $(tables_of $(( $(stat -c %s "$work/$name.bin") / 8 )))"; done > "$work/jitprog.names"
jitprog_csv "$work/jitprog.names" > "$results/jitprog.csv"
cat "$results/jitprog.csv"
for kind in straight branchy; do
  for n in $sizes; do echo "$kind-$n $(tables_of "$n")"; done
done > "$work/sizes.names"
jitprog_csv "$work/sizes.names" | sed '1s/^program,/kind-slots,/' > "$results/jitprog-sizes.csv"
cat "$results/jitprog-sizes.csv"

# Beyond what the firmware holds, on this host: callgrind's count of the
# load (lbpf_jit_prog_load) minus the verifier's (lbpf_verify), x86-64
# instructions, from 16 slots up to the largest program (a multiple of 256)
# the JIT compiles: past it a conditional branch to the out-of-line code
# would be out of range, and the JIT refuses the program.
host_count() { # FUNCTION KIND N
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" --toggle-collect="$1" \
    "$sizes_tool" compile "$2" "$3" > "$work/cg.stdout" 2> /dev/null
  awk '/^totals:/ { print $2 }' "$work/cg.out"
}
compiles() { "$sizes_tool" compile "$1" "$2" > /dev/null 2>&1; }
{
  echo "kind-slots,slots,code_bytes,bytes_per_slot,compile_ir,compile_ir_per_slot"
  for kind in straight branchy; do
    lo=16 hi=65536
    compiles "$kind" "$hi" && lo=$hi
    while [ $((hi - lo)) -gt 256 ]; do
      mid=$(( (lo + hi) / 2 / 256 * 256 ))
      if compiles "$kind" "$mid"; then lo=$mid; else hi=$mid; fi
    done
    host_sizes="" n=16
    while [ $n -lt "$lo" ]; do host_sizes="$host_sizes $n"; n=$((n * 2)); done
    for n in $host_sizes $lo; do
      load=$(host_count lbpf_jit_prog_load "$kind" "$n")
      bytes=$(cat "$work/cg.stdout")
      verify=$(host_count lbpf_verify "$kind" "$n")
      echo "$kind-$n,$n,$bytes,$(awk -v b="$bytes" -v n="$n" 'BEGIN { printf "%.1f", b / n }'),$((load - verify)),$(awk -v c="$((load - verify))" -v n="$n" 'BEGIN { printf "%.1f", c / n }')"
    done
  done
} > "$results/jitprog-sizes-host.csv"
cat "$results/jitprog-sizes-host.csv"
host_max() { awk -F, -v k="$1" 'NR > 1 && index($1, k "-") == 1 && $2 > m { m = $2 } END { print m }' "$results/jitprog-sizes-host.csv"; }
{
  echo
  echo "Beyond the board's RAM, on the host (\`bench/results/jitprog-sizes-host.csv\`, the figure's"
  echo "right panel; callgrind's x86-64 instructions of the load minus the verifier's, $(valgrind --version)):"
  awk -F, '
    NR == 1 { next }
    { split($1, k, "-"); if ($2 > top[k[1]]) { top[k[1]] = $2; per[k[1]] = $6 } if ($2 == 1024) mid[k[1]] = $6 }
    END {
      printf "- per slot, %.0f at 1024 slots and %.0f at %d (straight-line code), %.0f and %.0f at %d (branchy code):",
        mid["straight"], per["straight"], top["straight"], mid["branchy"], per["branchy"], top["branchy"]
      printf " linear up to the largest program the JIT compiles.\n"
    }' "$results/jitprog-sizes-host.csv"
  echo "- the largest programs the JIT compiles: $(host_max straight) slots of straight-line code, $(host_max branchy)"
  echo "  of branchy code (multiples of 256, up to the verifier's limit of 65536 slots); below"
  echo "  that limit, 256 slots more would put a conditional branch to the out-of-line code"
  echo "  out of its range, and the JIT would refuse the program."
} > "$work/host.md"
# The interpreter's target: at most 20 Cortex-M4 instructions per executed
# BPF instruction, averaged over the paper's eight programs.
avg() { # ENGINE: mean over the paper's programs of ENGINE's instructions per BPF instruction
  # (from the exact counts, not the rounded column, and shown to two decimals)
  awk -F, -v e="$1" -v paper="$paper" '
    BEGIN { n = split(paper, P, " "); for (i = 1; i <= n; i++) want[P[i]] = 1 }
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == e) col = i; next }
    want[$1] && col && $2 > 0 { s += $col / $2; k++ }
    END { if (k) printf "%.2f", s / k; else printf "n/a" }' "$results/target.csv"
}
agg() { # ENGINE: total target instructions / total BPF instructions, paper's programs
  awk -F, -v e="$1" -v paper="$paper" '
    BEGIN { n = split(paper, P, " "); for (i = 1; i <= n; i++) want[P[i]] = 1 }
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == e) col = i; next }
    want[$1] && col { s += $col; k += $2 }
    END { if (k) printf "%.1f", s / k; else printf "n/a" }' "$results/target.csv"
}
own_flash() { # COMPONENT: its own flash at -Os in footprint.md, or nothing
  awk -F'|' -v c="$1" '$2 ~ "^ " c " $" && $3 ~ /-Os/ { gsub(/ /, "", $4); print $4 }' "$results/footprint.md" 2>/dev/null || true
}
flash_os=$(own_flash interp)
flash_havm=$(own_flash havm)
flash_jit=$(own_flash jit)
# The hybrid VM's targets (issue 9), from the exact counts of target.csv.
havm_targets() {
  awk -F, '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { n++; h = $col["havm"]; t = $col["interp"]; sh += h; si += t
      if ((h + 0) > (t + 0)) over = over sprintf(" %s (%d > %d)", $1, h, t)
      r = h / t; if (worst == "" || r > worst) { worst = r; wp = $1 } }
    END {
      printf "- havm never more than interp on any program: **%s**", (over == "" ? "met" : "not met")
      printf " (highest ratio %.3f, %s)%s\n", worst, wp, over == "" ? "." : ";"
      if (over != "") printf "  above interp:%s.\n", over
      printf "- havm at most 0.75x interp summed over all %d programs: %d / %d = **%.3f** — **%s**.\n",
        n, sh, si, sh / si, (sh / si <= 0.75 ? "met" : "not met")
    }' "$results/target.csv"
  awk -F, '
    NR == 1 { next }
    { n++; s += $2; c += $5; b += $4; j += $3; r = $5 / $2; if (worst == "" || r > worst) { worst = r; wp = $1 } }
    END {
      printf "- JIT compile at most 150 Cortex-M4 instructions per BPF instruction: worst %.1f (%s),", worst, wp
      printf " all programs together %.1f — **%s**.\n", c / s, (worst <= 150 ? "met" : "not met")
      printf "- Thumb bytes per jitted BPF instruction, all programs together: %.1f (%d bytes for %d slots).\n", b / j, b, j
    }' "$results/jit.csv"
  if [ -n "$flash_havm" ] && [ -n "$flash_jit" ]; then
    local sum=$((flash_havm + flash_jit))
    echo "- JIT + havm at most 8 KiB of flash at -Os (own code and constants, footprint.md):"
    echo "  jit $flash_jit + havm $flash_havm = **$sum bytes** — **$(awk -v f="$sum" 'BEGIN { print (f <= 8192) ? "met" : "not met" }')**."
  fi
}

flash_jitprog=$(own_flash jitprog)
# The whole-program JIT's targets (issue 10), from target.csv and footprint.md.
jit_targets() {
  awk -F, '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { n++; r = $col["jit"] / $col["native"]; lg += log(r)
      if (worst == "" || r > worst) { worst = r; wp = $1 } }
    END {
      g = exp(lg / n)
      printf "- jit at most 1.5x native, geometric mean over all %d programs: **%.2f** — **%s**.\n",
        n, g, (g <= 1.5 ? "met" : "not met")
      printf "- no program above 3x native: worst **%.1f** (%s) — **%s**.\n", worst, wp,
        (worst <= 3 ? "met" : "not met")
    }' "$results/target.csv"
  if [ -n "$flash_jitprog" ]; then
    echo "- the whole-program JIT at most 12 KiB of flash at -Os (own code and constants,"
    echo "  footprint.md, component jitprog; it also calls the ALU-run generator, component jit):"
    echo "  **$flash_jitprog bytes** — **$(awk -v f="$flash_jitprog" 'BEGIN { print (f <= 12288) ? "met" : "not met" }')**."
  fi
  awk -F, '
    NR == 1 { next }
    { n++; s += $2; c += $5; b += $3; r = $5 / $2; if (worst == "" || r > worst) { worst = r; wp = $1 }
      if (best == "" || r < best) { best = r; bp = $1 }
      q = $3 / $2; if (wb == "" || q > wb) { wb = q; wbp = $1 } }
    END {
      printf "- compile at most 150 Cortex-M4 instructions per BPF instruction (jitprog.csv):"
      printf " all %d programs together **%.0f** (from %.0f, %s, to %.0f, %s) — **%s**", n, c / s, best, bp,
        worst, wp, (worst <= 150 ? "met" : "not met")
      if (worst > 150) printf ", %.0f times the target", (c / s) / 150
      printf ".\n"
      printf "- Thumb-2 code at most 6 bytes per BPF instruction on average: all programs together"
      printf " **%.1f** (%d bytes for %d slots; the most, %.1f, %s) — **%s**", b / s, b, s, wb, wbp,
        (b / s <= 6 ? "met" : "not met")
      if (b / s > 6) printf ", %.1f times the target", (b / s) / 6
      printf ".\n"
    }' "$results/jitprog.csv"
  awk -F, -v top="$max_held" -v prev="$(echo $sizes | awk '{ print $(NF - 1) }')" '
    NR == 1 { next }
    { split($1, k, "-"); cost[k[1], k[2]] = $5; per[k[1], k[2]] = $6 }
    END {
      printf "- compile cost linear in the program'"'"'s size (jitprog-sizes.csv, the figure below): **%s**;", \
        (per["straight", top] <= 1.05 * per["straight", 512] && per["branchy", top] <= 1.05 * per["branchy", 512] ? "met" : "not met")
      printf " per slot, %.0f at 512 slots and %.0f at %d (straight-line code), %.0f and %.0f (branchy code);",
        per["straight", 512], per["straight", top], top, per["branchy", 512], per["branchy", top]
      printf " each slot from %d to %d costs %.0f and %.0f. Below 512 slots the cost per slot is lower:", prev, top,
        (cost["straight", top] - cost["straight", prev]) / (top - prev), (cost["branchy", top] - cost["branchy", prev]) / (top - prev)
      printf " the programs'"'"' fixed set-up of seven moves weighs more there.\n"
    }' "$results/jitprog-sizes.csv"
}

# The whole-program JIT's RAM, from lbpf_jit_prog_work_size, lbpf_jit_prog_tables_size
# and the code of jitprog.csv.
jit_ram() {
  local w1 w2 b1 b2 t1 t2
  read -r w1 b1 t1 < <("$sizes_tool" work 1000)
  read -r w2 b2 t2 < <("$sizes_tool" work 2000)
  local per=$(( (w2 - w1) / 1000 )) fixed=$(( 2 * w1 - w2 )) bound=$(( (b2 - b1) / 1000 ))
  local tper=$(( (t2 - t1) / 1000 ))
  echo "- work memory a program needs (the labels and fix-ups, \`lbpf_jit_prog_tables_size\`, and"
  echo "  its code, which a firmware lends to the load and of which it keeps the code while the"
  echo "  program runs): the tables take **$tper bytes per BPF instruction** + $(( 2 * t1 - t2 ));"
  awk -F, -v tper="$tper" '
    NR == 1 { next }
    { s += $2; b += $3; w += $7; if ($4 > m) { m = $4; mp = $1 } }
    END {
      printf "  with the code, **%.1f bytes per BPF instruction** over all the programs.\n", w / s
      printf "- code: %.1f bytes per BPF instruction over all the programs, at most %.1f (%s).\n", b / s, m, mp }' \
    "$results/jitprog.csv"
  echo "- the size that always suffices (\`lbpf_jit_prog_work_size\`, for a firmware that must know"
  echo "  before compiling): $per bytes per BPF instruction + $fixed, of which the code's bound"
  echo "  is $bound bytes per BPF instruction + $(( b1 - 1000 * bound ))."
  echo "- the firmware holds programs up to $max_held slots (its arena, $((arena / 1024)) KiB of RAM,"
  echo "  holds their bytecode and work memory); the verifier accepts up to 65536 slots, whose work"
  echo "  memory is $(( $(work_of 65536) / 1048576 )) MiB, above the board's 4 MiB of RAM: the Cortex-M4's curve"
  echo "  stops at $max_held, the host's goes on (below)."
}

{
  echo "# Benchmarks on the Cortex-M4 (QEMU mps2-an386)"
  echo
  echo "Generated by \`make bench-target\` (bench/target.sh). Do not edit by hand."
  echo
  echo "- target: QEMU $(qemu-system-arm --version | head -1 | sed 's/.*version //'), \`-M mps2-an386\` (Cortex-M4),"
  echo "  \`-icount shift=3,align=off,sleep=off\`"
  echo "- engines and firmware: $(arm-none-eabi-gcc --version | head -1), \`-mcpu=cortex-m4 -mthumb -O2\`"
  echo "- native programs: the same compiler, \`-O2\`, linked into the same firmware"
  echo "- eBPF programs: $(clang --version | head -1), \`-O2 -target bpf -mcpu=v3\`"
  echo "- measure: Cortex-M4 instructions executed by one run (the engine's \`run\` or the"
  echo "  native function, from its first instruction to its return), counted exactly"
  echo "  through SysTick under icount; loading and verifying are not counted. These are"
  echo "  instruction counts, not cycles: no wait states, no pipeline effects."
  echo
  echo "Columns: *BPF insns* = BPF instructions the engine executes for the run;"
  echo "*native* = target instructions of the native C; for each engine, target"
  echo "instructions per run, per executed BPF instruction (*/insn*), and relative to native"
  echo "(*x native*). The first eight rows are the CAV 2024 paper's benchmarks with its inputs."
  echo
  h="| program | BPF insns | native"
  s="| --- | ---: | ---:"
  for e in $engines; do h="$h | $e | $e /insn | $e x native"; s="$s | ---: | ---: | ---:"; done
  echo "$h |"
  echo "$s |"
  tail -n +2 "$results/target.csv" | awk -F, '{ line = "|"; for (i = 1; i <= NF; i++) line = line " " $i " |"; print line }'
  echo
  echo "## Targets"
  echo
  interp_avg=$(avg interp)
  verdict=$(awk -v a="$interp_avg" 'BEGIN { print (a + 0 <= 20 && a != "n/a") ? "**met**" : "**not met**" }')
  echo "- interp, target instructions per executed BPF instruction, mean over the paper's"
  echo "  eight programs: **$interp_avg** (target: at most 20) — $verdict."
  for e in $engines; do
    [ "$e" = interp ] || echo "  (Same mean for $e: $(avg "$e").)"
  done
  echo "  The mean of the ratios weighs each program alike, so the fixed cost of a run"
  echo "  (entering the engine, setting up its state and frame, returning) dominates the"
  echo "  two programs of three BPF instructions, incr and square. Total target instructions"
  echo "  over total BPF instructions of the eight programs:"
  for e in $engines; do echo "  $e $(agg "$e")."; done
  if [ -n "$flash_os" ]; then
    verdict=$(awk -v f="$flash_os" 'BEGIN { print (f <= 4096) ? "**met**" : "**not met**" }')
    echo "- interp flash at -Os (own code and constants, bench/results/footprint.md):"
    echo "  **$flash_os bytes** (target: at most 4096) — $verdict."
  else
    echo "- interp flash at -Os: run \`make size\` first (bench/results/footprint.md)."
  fi
  if grep -q '^program.*,havm,' "$results/target.csv"; then
    echo
    echo "### The hybrid VM (issue 9)"
    echo
    havm_targets
    echo
    echo "The JIT's compile of each program (\`bench/results/jit.csv\`): *slots* of the program,"
    echo "*jitted* slots covered by runs, *bytes* of Thumb-2 code, *cost* = Cortex-M4"
    echo "instructions of one \`lbpf_jit_alu_compile\` (the firmware's pseudo-engine \`jit-alu\`)."
    echo
    echo "| program | slots | jitted | bytes | compile cost | cost / slot | bytes / jitted slot |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    tail -n +2 "$results/jit.csv" | awk -F, '{ line = "|"; for (i = 1; i <= NF; i++) line = line " " $i " |"; print line }'
  fi
  if grep -q '^program.*,jit,' "$results/target.csv"; then
    echo
    echo "### The whole-program JIT (issue 10)"
    echo
    jit_targets
    echo
    echo "Its RAM:"
    echo
    jit_ram
    echo
    echo "The whole-program JIT's compile of each program (\`bench/results/jitprog.csv\`): *slots*"
    echo "of the program, *bytes* of Thumb-2 code (prologue, every instruction, out-of-line stubs"
    echo "and epilogue), *cost* = Cortex-M4 instructions of one \`lbpf_jit_prog_load\` minus those"
    echo "of the verifier alone (the firmware's pseudo-engine \`jit-compile\`), *work* = bytes of"
    echo "work memory the load needs: the tables (\`lbpf_jit_prog_tables_size\`) and the code."
    echo
    echo "| program | slots | bytes | bytes / slot | compile cost | cost / slot | work | work / slot |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    tail -n +2 "$results/jitprog.csv" | awk -F, '{ line = "|"; for (i = 1; i <= NF; i++) line = line " " $i " |"; print line }'
    echo
    cat "$work/host.md"
    echo
    echo "![The whole-program JIT's compile cost against program size](jitprog-compile.png)"
  fi
  echo
  echo "## Published figures (DESIGN.md §6)"
  echo
  echo "Measured the same way (QEMU mps2-an386, \`-icount\`, engines at -O2, the paper's eight"
  echo "programs with its inputs), as quoted in DESIGN.md:"
  echo
  echo "| engine | Cortex-M4 instructions per executed BPF instruction |"
  echo "| --- | --- |"
  echo "| RIOT's vanilla rBPF interpreter | 49–86 |"
  echo "| CertrBPF (verified interpreter) | 49–57 |"
  echo "| the paper's hybrid VM (ALU runs jitted) | 20–41; native C is 22–75 times faster |"
  echo
  echo "Flash at -Os: vanilla interpreter 2.2 KB, CertrBPF 1.4 KB, the paper's JIT 11.4 KB."
  echo
  echo "![Cortex-M4 instructions per run, log scale](target.png)"
} > "$results/target.md"

# The plot: instructions per run, per program, one bar per engine and native.
{
  echo "program native $engines"
  tail -n +2 "$results/target.csv" | awk -F, -v ne="$(echo $engines | wc -w)" '{
    line = $1 " " $3
    for (i = 0; i < ne; i++) line = line " " $(4 + 3 * i)
    print line }'
} > "$work/plot.dat"
ncol=$(( $(echo $engines | wc -w) + 2 ))
gnuplot <<EOF
set terminal pngcairo size 1400,650 font "sans,11"
set output "$results/target.png"
set title "Cortex-M4 instructions per run (QEMU mps2-an386, exact count; lower is better)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set logscale y
set format y "10^{%L}"
set yrange [1:*]
set grid ytics
set ylabel "target instructions per run (log scale)"
set xtics rotate by -35 nomirror noenhanced
set arrow from 7.5, graph 0 to 7.5, graph 1 nohead dashtype 2 linecolor rgb "gray40"
set label "the paper's eight" at 3.5, graph 0.97 center
set label "other kernels" at 12, graph 0.97 center
set key top left at graph 0.01, graph 0.93
plot for [c=2:$ncol] "$work/plot.dat" using c:xtic(1) title columnheader(c)
EOF

# The whole-program JIT's compile cost against program size, both kinds,
# with the target's 150 instructions per slot: the Cortex-M4 (left), the host (right).
for kind in straight branchy; do
  awk -F, -v k="$kind" 'NR > 1 { split($1, p, "-"); if (p[1] == k) print p[2], $5, $6 }' \
    "$results/jitprog-sizes.csv" > "$work/$kind.dat"
  awk -F, -v k="$kind" 'NR > 1 { split($1, p, "-"); if (p[1] == k) print p[2], $5, $6 }' \
    "$results/jitprog-sizes-host.csv" > "$work/$kind-host.dat"
done
gnuplot <<EOF
set terminal pngcairo size 1500,600 font "sans,11"
set output "$results/jitprog-compile.png"
set multiplot layout 1,2 title "Whole-program JIT: instructions to compile a program of n BPF instructions"
set logscale xy
set format y "10^{%L}"
set grid xtics ytics
set xlabel "BPF instructions (slots) of the program (log scale)"
set key top left
set title "Cortex-M4 (QEMU mps2-an386, exact count), up to what its RAM holds"
set ylabel "Cortex-M4 instructions of the compile (log scale)"
set xrange [12:$((max_held * 4 / 3))]
plot "$work/straight.dat" using 1:2 with linespoints pt 7 title "straight-line code", \\
     "$work/branchy.dat" using 1:2 with linespoints pt 5 title "branchy code", \\
     150 * x with lines dashtype 2 linecolor rgb "gray30" title "target: 150 per BPF instruction"
set title "host (callgrind, x86-64), up to the largest program the JIT compiles"
set ylabel "x86-64 instructions of the compile (log scale)"
set xrange [12:120000]
set arrow from 65536, graph 0 to 65536, graph 1 nohead dashtype 3 linecolor rgb "gray30"
set label "the verifier's limit, 65536" at 65536, graph 0.35 rotate by 90 offset -1,0
plot "$work/straight-host.dat" using 1:2 with linespoints pt 7 title "straight-line code", \\
     "$work/branchy-host.dat" using 1:2 with linespoints pt 5 title "branchy code"
unset multiplot
EOF
echo "bench-target: wrote $results/target.csv, $results/target.md, $results/target.png,"
echo "  $results/jit.csv, $results/jitprog.csv, $results/jitprog-sizes.csv, $results/jitprog-sizes-host.csv,"
echo "  $results/jitprog-compile.png"
