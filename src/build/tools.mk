# The host tools' checks (src/cli, src/host): the assembler against the
# disassembler, and clang-compiled C programs against their native twins.
# (check-conformance, check-negative and check-badinput are in the top Makefile.)

C_PROGRAMS := $(filter-out tests/c/native_main.c,$(sort $(wildcard tests/c/*.c)))
C_BPF_OBJS := $(patsubst tests/c/%.c,build/c/%.o,$(C_PROGRAMS))

build/c/%.o: tests/c/%.c
	@mkdir -p $(@D)
	clang -O2 -ffreestanding -target bpf -mcpu=v3 -c $< -o $@

.PHONY: check-asm-roundtrip check-c-programs

check-asm-roundtrip: build/san/litbpf $(C_BPF_OBJS)
	tests/asm_roundtrip.sh build/san/litbpf $(CONFORMANCE)/tests $(C_BPF_OBJS)

check-c-programs: build/litbpf build/san/litbpf
	tests/c_programs.sh build/litbpf build/c
	tests/c_programs.sh build/san/litbpf build/c/san

CHECK_TARGETS += check-asm-roundtrip check-c-programs
