#!/bin/bash
# The tools fed each other's inputs: litbpf, litbpf-plugin and m4run each
# get the files the other two take (a job file, the plugin's hex text, an
# ELF object, a .data file, raw code) and garbage, and must answer with a
# message and a documented exit code — litbpf and m4run: 1 run-time error,
# 2 usage, 3 refused, 4 malformed, 5 unreadable (m4run: 6 the emulated
# machine failed); the plugin: 1 any failure, 2 usage — never a crash, a
# hang, a sanitizer report or a silent failure.  Where litbpf and m4run take
# the same input, they must agree on the exit code.
#   tests/tools-robust.sh LITBPF PLUGIN M4RUN
set -u
litbpf=$1 plugin=$2 m4run=$3
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
pass=0 fail=0

# try LABEL ALLOWED-CODES STDIN COMMAND...: exit code among ALLOWED-CODES
# (space-separated), a message when it is not 0, no crash or sanitizer report.
try() {
  local label=$1 allowed=$2 in=$3
  shift 3
  timeout 120 "$@" < "$in" > "$w/out" 2> "$w/err"
  local rc=$? why=""
  if [ "$rc" -ge 124 ]; then why="crashed or hung (exit $rc)"
  elif grep -q 'Sanitizer\|runtime error:' "$w/err"; then why="sanitizer report"
  elif ! grep -qw -- "$rc" <<< "$allowed"; then why="exit $rc, allowed: $allowed"
  elif [ "$rc" -ne 0 ] && [ ! -s "$w/err" ] && [ ! -s "$w/out" ]; then why="failed without a message"
  fi
  if [ -n "$why" ]; then fail=$((fail + 1)); echo "FAIL $label: $why"; head -c 400 "$w/err"
  else pass=$((pass + 1)); fi
  last_rc=$rc
}

# the inputs of each tool
printf 'b7 00 00 00 2a 00 00 00 95 00 00 00 00 00 00 00\n' > "$w/plugin.hex"
printf 'run spec /nonexistent.bin - - 1\n' > "$w/job.txt"
printf -- '-- asm\nmov %%r0, 42\nexit\n-- result\n0x2a\n' > "$w/test.data"
printf '\267\000\000\000\052\000\000\000\225\000\000\000\000\000\000\000' > "$w/raw.bin"
printf 'int entry(void) { return 42; }\n' > "$w/p.c"
clang -O2 -ffreestanding -target bpf -mcpu=v3 -c "$w/p.c" -o "$w/elf.o" || exit 2
head -c 3000 /dev/urandom > "$w/garbage"
: > "$w/empty"

# litbpf and m4run take the same files: the same code from both
for f in plugin.hex job.txt test.data raw.bin elf.o garbage empty; do
  try "litbpf run $f" "0 1 3 4" /dev/null "$litbpf" run "$w/$f"
  h=$last_rc
  try "m4run $f" "0 1 3 4" /dev/null "$m4run" "$w/$f"
  if [ "$h" != "$last_rc" ]; then fail=$((fail + 1)); echo "FAIL $f: litbpf exits $h, m4run $last_rc"; fi
  try "litbpf run --mem-file $f" "0 1" /dev/null "$litbpf" run --mem-file "$w/$f" "$w/raw.bin"
  try "litbpf disasm $f" "0 4" /dev/null "$litbpf" disasm "$w/$f"
  try "litbpf verify $f" "0 3 4" /dev/null "$litbpf" verify "$w/$f"
  # --json: one valid object whatever the input, with the exit code in it
  for c in run verify; do
    try "litbpf $c --json $f" "0 1 3 4" /dev/null "$litbpf" $c --json "$w/$f"
    python3 -c 'import json, sys; o = json.load(open(sys.argv[1])); sys.exit(o["exit"] != int(sys.argv[2]))' \
      "$w/out" "$last_rc" 2> /dev/null ||
      { fail=$((fail + 1)); echo "FAIL litbpf $c --json $f: not one JSON object with exit $last_rc: $(head -c 300 "$w/out")"; }
  done
  try "litbpf conformance $f" "0 1" /dev/null "$litbpf" conformance "$w/$f"
  try "litbpf thumb-disasm $f" "0 4" /dev/null "$litbpf" thumb-disasm "$w/$f"
  # the plugin reads hex on stdin: every other file is malformed for it
  if [ "$f" = plugin.hex ]; then ok="0"; else ok="1"; fi
  try "plugin < $f" "$ok" "$w/$f" "$plugin"
  try "plugin --elf < $f" "1" "$w/$f" "$plugin" --elf
  # m4run --jobs: the firmware refuses what is no job file, and says so
  # (an empty job file is a batch of no jobs: "0 passed, 0 failed")
  if [ "$f" = empty ]; then ok="0"; else ok="1 2 5"; fi
  try "m4run --jobs $f" "$ok" /dev/null "$m4run" --jobs "$w/$f"
done
# the documented usage and failure codes
try "m4run without a program" "2" /dev/null "$m4run"
try "m4run --trace (litbpf run's only)" "2" /dev/null "$m4run" --trace "$w/raw.bin"
try "m4run --json (litbpf run's only)" "2" /dev/null "$m4run" --json "$w/raw.bin"
try "m4run --jobs of a missing file" "5" /dev/null "$m4run" --jobs "$w/missing"
# random bytes as firmware may crash QEMU or spin forever: either way m4run
# must answer 6, the spin within its own time limit (short here, well inside
# try's 120 s)
M4RUN_FIRMWARE=$w/garbage M4RUN_TIMEOUT=20 try "m4run on a garbage firmware" "6" /dev/null "$m4run" "$w/raw.bin"
try "plugin with a bad option" "2" "$w/plugin.hex" "$plugin" --frob
try "litbpf without a command" "2" /dev/null "$litbpf"
echo "tools robust: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
