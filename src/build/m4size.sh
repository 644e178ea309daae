#!/bin/sh
# The footprint of each component of the core on the Cortex-M4, at each
# optimisation level: flash (text + rodata) and static RAM (data + bss).
# A component is a directory generated/<component>/ (spec, interp, and the
# JIT and hybrid VM when they come); its objects are build/m4-<opt>/generated/
# <component>/*.o (tests excluded).  Two figures per component:
#   own     the sections of its objects (every function, even unused ones)
#   linked  what a firmware that calls the component's public functions pulls
#           in: its code plus what it uses from other components (the
#           verifier, say), libgcc (64-bit division) and the C library
#           (memcpy, memset), after the linker drops unused sections.
#   src/build/m4size.sh SIZE OUT.md OPT...
set -eu
size=$1 out=$2
shift 2
cc=arm-none-eabi-gcc
nm=arm-none-eabi-nm
arch="-mcpu=cortex-m4 -mthumb -mfloat-abi=soft"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# flash ram of the given objects or images (sum of their sections)
sections() {
  "$size" -A -d "$@" | awk '
    $1 ~ /^\.text/ || $1 ~ /^\.rodata/ || $1 == ".ARM.exidx" { flash += $2 }
    $1 ~ /^\.data/ { ram += $2; flash += $2 }
    $1 ~ /^\.bss/ || $1 == "COMMON" { ram += $2 }
    END { printf "%d %d\n", flash, ram }'
}
# flash ram, own sections only (data counted as RAM, its initial values are
# reported with flash by the linked figure)
own() {
  "$size" -A -d "$@" | awk '
    $1 ~ /^\.text/ || $1 ~ /^\.rodata/ { flash += $2 }
    $1 ~ /^\.data/ { ram += $2 }
    $1 ~ /^\.bss/ || $1 == "COMMON" { ram += $2 }
    END { printf "%d %d\n", flash, ram }'
}

components=$(find generated -mindepth 1 -maxdepth 1 -type d | sed 's|generated/||' |
             grep -v -x -e include -e host -e target | LC_ALL=C sort)
{
  echo "# Footprint on the Cortex-M4"
  echo
  echo "Written by \`make size\` (src/build/m4size.sh) from the objects of"
  echo "\`arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb\`; sizes in bytes. *Flash* is"
  echo "text + rodata (+ the initial values of data, in the linked figure),"
  echo "*RAM* is static data + bss; neither counts the caller-provided stack"
  echo "(512 bytes per frame) nor an engine's per-program state."
  echo
  echo "- *own*: the sections of the component's objects, every function of it;"
  echo "- *linked*: a firmware calling every public function of the component,"
  echo "  after \`--gc-sections\`: its code plus what it takes from other"
  echo "  components (the interpreter uses the specification's verifier),"
  echo "  from libgcc (64-bit division) and from the C library (memcpy, memset)."
  echo
  echo "| component | opt | own flash | own RAM | linked flash | linked RAM |"
  echo "| --- | --- | ---: | ---: | ---: | ---: |"
  for c in $components; do
    for opt in "$@"; do
      objs=$(find "build/m4-$opt/generated/$c" -name '*.o' ! -name '*_test.o' | LC_ALL=C sort)
      [ -n "$objs" ] || continue
      read -r of or <<EOF2
$(own $objs)
EOF2
      # every core object is offered; the linker keeps what the entries need
      core=$(find "build/m4-$opt/generated" -name '*.o' ! -name '*_test.o' ! -path '*/target/*' | LC_ALL=C sort)
      entries=$($nm -g --defined-only $objs | awk '$2 == "T" { printf " -Wl,-u,%s", $3 }')
      first=$($nm -g --defined-only $objs | awk '$2 == "T" { print $3; exit }')
      # shellcheck disable=SC2086
      $cc $arch -nostartfiles --specs=nano.specs -Wl,--gc-sections -Wl,-e,"$first" $entries \
        $core -lgcc -o "$tmp/$c-$opt.elf"
      read -r lf lr <<EOF2
$(sections "$tmp/$c-$opt.elf")
EOF2
      echo "| $c | -$opt | $of | $or | $lf | $lr |"
    done
  done
  echo
  echo "The whole firmwares (start-up, semihosting, the job runner, every engine"
  echo "and the native benchmarks):"
  echo
  echo "| firmware | flash | RAM |"
  echo "| --- | ---: | ---: |"
  for opt in "$@"; do
    read -r ff fr <<EOF2
$(sections "build/m4-$opt/firmware.elf")
EOF2
    echo "| build/m4-$opt/firmware.elf | $ff | $fr |"
  done
} > "$tmp/footprint.md"
mkdir -p "$(dirname "$out")"
cp "$tmp/footprint.md" "$out"
cat "$out"
