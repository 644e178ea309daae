# The per-form proof of the JIT (lit/jit-proof.nw, driver tests/jit_proof_main.c).
#
#   make check-jit-proof   every ALU form, the register and immediate subset of
#                          the chapter, and the planted bugs of tests/mutants/jit_proof.sed
#                          (part of make check)
#   make proof-all         every register pair and every (immediate, destination)
#
# Boolector and cvc5 decide the claims Z3 gives up on (lit/jit-proof.nw).
DEB_PACKAGES += boolector cvc5

build/jit-proof: tests/jit_proof_main.c build/liblitbpf-host.a build/liblitbpf.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(HOST_CFLAGS) $(filter %.c %.a,$^) $(HOST_LIBS) -o $@

# Each planted bug must make the proof of "add reg", "mul reg" or "div reg"
# (the 64-bit division, through its routine's call) fail, by name.
JIT_PROOF_MUTANTS = MUTANT_WORK=build/mutants-proof MUTANT_TARGET=build/jit-proof \
  MUTANT_RUN='{ build/jit-proof --only add; build/jit-proof --only mul; \
    build/jit-proof --only "div reg"; } | tee proof.out; \
    ! grep -Eq "^FAILED  (add|mul|div) reg " proof.out' \
  tests/pbt_mutants.sh jit-proof

.PHONY: check-jit-proof proof-all
check-jit-proof: build/jit-proof
	build/jit-proof
	$(JIT_PROOF_MUTANTS) generated/jit/jit_alu.c tests/mutants/jit_proof.sed

proof-all: build/jit-proof
	build/jit-proof --all

CHECK_TARGETS += check-jit-proof
