#!/bin/bash
# Each layer's make knobs are its own: no variable is given a default (?=)
# by two files of src/build/, since the first file make reads would silently
# set it for the other (make thumb-fuzz once ran pbt.mk's 2,000 sequences
# instead of its own 100,000); and the knobs of `make pbt` and
# `make thumb-fuzz` reach their own command and no other.
#   tests/make-knobs.sh
set -u
pass=0 fail=0
check() { # LABEL COMMAND-OUTPUT EXPECTED-LINE
  if grep -qxF -- "$3" <<< "$2"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1: expected [$3] in:"; echo "$2"; fi
}
dups=$(grep -ho '^[A-Za-z_][A-Za-z0-9_]* *?=' src/build/*.mk | sed 's/ *?=//' | sort | uniq -d)
if [ -z "$dups" ]; then pass=$((pass + 1)); else
  fail=$((fail + 1)); echo "FAIL variables given a default in two src/build/*.mk files: $dups"; fi
check "thumb-fuzz default" "$(make -s -n thumb-fuzz)" "build/thumb-unicorn 1 100000"
check "pbt default" "$(make -s -n pbt)" "build/pbt --seed 1 --count 2000 --engines spec,interp --out build"
check "thumb-fuzz knobs" "$(make -s -n thumb-fuzz THUMB_SEED=7 THUMB_N=9 PBT_N=5)" "build/thumb-unicorn 7 9"
check "pbt knobs" "$(make -s -n pbt PBT_SEED=3 PBT_N=4 THUMB_N=9)" \
  "build/pbt --seed 3 --count 4 --engines spec,interp --out build"
echo "make knobs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
