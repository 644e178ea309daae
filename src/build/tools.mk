# The host tools' checks (src/cli, src/host): the assembler against the
# disassembler, and clang-compiled C programs (tests/c, and the corpus of
# tests/real) against their native twins, on the host and on the Cortex-M4.
# (check-conformance, check-negative and check-badinput are in the top Makefile.)

C_PROGRAMS := $(filter-out tests/c/native_main.c,$(sort $(wildcard tests/c/*.c tests/real/*.c)))
C_BPF_OBJS := $(patsubst tests/%.c,build/%.o,$(C_PROGRAMS))
# The corpus includes tests/real/helpers.h, which takes the helpers' numbers
# from lbpf_helpers.h.
C_PROGRAMS_CFLAGS := -O2 -ffreestanding -target bpf -Igenerated/include

build/c/%.o: tests/c/%.c
	@mkdir -p $(@D)
	clang $(C_PROGRAMS_CFLAGS) -mcpu=v3 -c $< -o $@
build/real/%.o: tests/real/%.c tests/real/helpers.h
	@mkdir -p $(@D)
	clang $(C_PROGRAMS_CFLAGS) -mcpu=v3 -c $< -o $@

.PHONY: check-asm-roundtrip check-c-programs check-plugin

# An object of several programs is disassembled once for each entry its
# "// run: --entry NAME" lines name: OBJECT:NAME.
c_entries = $(shell sed -n 's|^// run: .*--entry  *\([^ ]*\).*|\1|p' $(1) | sort -u)
C_ROUNDTRIP := $(foreach p,$(C_PROGRAMS),$(or $(addprefix $(patsubst tests/%.c,build/%.o,$(p)):,$(call \
                 c_entries,$(p))),$(patsubst tests/%.c,build/%.o,$(p))))

check-asm-roundtrip: build/san/litbpf $(C_BPF_OBJS)
	tests/asm_roundtrip.sh build/san/litbpf $(CONFORMANCE)/tests $(C_ROUNDTRIP)

# Every program at -mcpu=v1, v2 and v3, every engine of ENGINES, on the host
# and (one boot) on the Cortex-M4; again under the sanitizers at v3 on five
# of the inputs (the objects and native twins of the first pass reused).
check-c-programs: build/litbpf build/san/litbpf build/m4-O2/firmware.elf build/m4run build/m4prep
	tests/c_programs.sh --m4 build/m4run build/litbpf build/c-programs "v1 v2 v3" $(ENGINES)
	tests/c_programs.sh --mems "mem5 mem6 mem7 mem8 mem9" build/san/litbpf build/c-programs v3 $(ENGINES)

# The longer sweep, not part of make check: C_PROGRAMS_SWEEP_MEMS more
# pseudo-random input memories, and at v3 through the sanitized tool and the
# -Os firmware too.
C_PROGRAMS_SWEEP_MEMS ?= 40
.PHONY: check-c-programs-sweep
check-c-programs-sweep: build/litbpf build/san/litbpf build/m4-O2/firmware.elf build/m4-Os/firmware.elf \
                        build/m4run build/m4prep
	C_PROGRAMS_MEMS=$(C_PROGRAMS_SWEEP_MEMS) \
	  tests/c_programs.sh --m4 build/m4run build/litbpf build/c-programs/sweep "v1 v2 v3" $(ENGINES)
	M4RUN_FIRMWARE=$(CURDIR)/build/m4-Os/firmware.elf C_PROGRAMS_MEMS=$(C_PROGRAMS_SWEEP_MEMS) \
	  tests/c_programs.sh --m4 build/m4run build/san/litbpf build/c-programs/sweep v3 $(ENGINES)

# The plugin, driven as the bpf_conformance runner drives it, over the whole suite.
check-plugin: build/litbpf build/litbpf-plugin
	tests/plugin_conformance.sh build/litbpf build/litbpf-plugin $(CONFORMANCE)/tests

# Whole ELF objects: linking, the entry rule, refusals (tests/elf_link.sh).
.PHONY: check-elf-link
check-elf-link: build/san/litbpf
	tests/elf_link.sh build/san/litbpf

CHECK_TARGETS += check-asm-roundtrip check-c-programs check-plugin check-elf-link

# Unit checks of the tools' building blocks (packing, assembler messages,
# ISA versions, hex), plain and under ASan+UBSan.
build/tools-unit: tests/tools_unit.c build/liblitbpf-host.a build/liblitbpf.a
	$(CC) $(CPPFLAGS) $(HOST_CFLAGS) $^ $(HOST_LIBS) -o $@
build/san/tools-unit: tests/tools_unit.c build/san/liblitbpf-host.a build/san/liblitbpf.a
	$(CC) $(CPPFLAGS) $(HOST_CFLAGS) $(SAN_FLAGS) $^ $(HOST_LIBS) -o $@

.PHONY: check-tools-unit
check-tools-unit: build/tools-unit build/san/tools-unit
	build/tools-unit
	build/san/tools-unit

CHECK_TARGETS += check-tools-unit
