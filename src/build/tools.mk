# The host tools' checks (src/cli, src/host): the assembler against the
# disassembler, and clang-compiled C programs against their native twins.
# (check-conformance, check-negative and check-badinput are in the top Makefile.)

C_PROGRAMS := $(filter-out tests/c/native_main.c,$(sort $(wildcard tests/c/*.c tests/real/*.c)))
C_BPF_OBJS := $(patsubst tests/%.c,build/%.o,$(C_PROGRAMS))

build/c/%.o: tests/c/%.c
	@mkdir -p $(@D)
	clang -O2 -ffreestanding -target bpf -mcpu=v3 -c $< -o $@
build/real/%.o: tests/real/%.c
	@mkdir -p $(@D)
	clang -O2 -ffreestanding -target bpf -mcpu=v3 -c $< -o $@

.PHONY: check-asm-roundtrip check-c-programs check-plugin

check-asm-roundtrip: build/san/litbpf $(C_BPF_OBJS)
	tests/asm_roundtrip.sh build/san/litbpf $(CONFORMANCE)/tests $(C_BPF_OBJS)

check-c-programs: build/litbpf build/san/litbpf
	tests/c_programs.sh build/litbpf build/c-programs "v1 v2 v3"
	tests/c_programs.sh build/san/litbpf build/c-programs/san

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
