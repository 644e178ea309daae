# The per-form proof of the JIT (lit/jit-proof.nw, driver tests/jit_proof_main.c).
#
#   make check-jit-proof   every ALU form, the register and immediate subset of
#                          the chapter, and the planted bugs of tests/mutants/jit.sed
#                          (part of make check)
#   make proof-all         every register pair and every (immediate, destination)

build/jit-proof: tests/jit_proof_main.c build/liblitbpf-host.a build/liblitbpf.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(HOST_CFLAGS) $^ $(HOST_LIBS) -o $@

.PHONY: check-jit-proof proof-all
check-jit-proof: build/jit-proof
	build/jit-proof
	tests/pbt_mutants.sh jit-proof generated/jit/jit_alu.c tests/mutants/jit.sed

proof-all: build/jit-proof
	build/jit-proof --all

CHECK_TARGETS += check-jit-proof
