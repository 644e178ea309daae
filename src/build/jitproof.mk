# The per-form proof of the JIT (lit/jit-proof.nw, driver tests/jit_proof_main.c),
# and of the whole-program JIT's cores (lit/jit-prog-proof.nw).
#
#   make check-jit-proof   every ALU form, the register and immediate subset of
#                          the chapter, every piece of the whole-program JIT,
#                          and the planted bugs of tests/mutants/jit_proof.sed
#                          and tests/mutants/jit_prog_proof.sed (part of make check)
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

# Each planted bug must make one of the whole-program JIT's pieces fail with a
# counterexample: the pieces its "#> " line names (all of them if it names
# none), so that a bug costs a rebuild and the proof of a few pieces.
JIT_PROG_PROOF_MUTANTS = MUTANT_WORK=build/mutants-prog-proof MUTANT_TARGET=build/jit-proof \
  MUTANT_RUN='build/jit-proof --only "$${MUTANT_PIECES:-prog}" > proof.out; cat proof.out; \
    ! grep -q "^FAILED .*counterexample" proof.out' \
  tests/pbt_mutants.sh jit-prog-proof

# Three parts, which make -j runs side by side: the proofs, and each list of
# planted bugs (each in its own scratch copy).
.PHONY: check-jit-proof check-jit-proof-forms check-jit-proof-mutants check-jit-prog-proof-mutants \
        proof-all
check-jit-proof: check-jit-proof-forms check-jit-proof-mutants check-jit-prog-proof-mutants
check-jit-proof-forms: build/jit-proof
	build/jit-proof
check-jit-proof-mutants: build/jit-proof
	$(JIT_PROOF_MUTANTS) generated/jit/jit_alu.c tests/mutants/jit_proof.sed
check-jit-prog-proof-mutants: build/jit-proof
	$(JIT_PROG_PROOF_MUTANTS) generated/jitprog/jit_prog.c tests/mutants/jit_prog_proof.sed

proof-all: build/jit-proof
	build/jit-proof --all

CHECK_TARGETS += check-jit-proof
