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
# counterexample; the groups of pieces below (every access, then a few of each
# other core) are enough to catch them, and a run stops at the first group that
# does.
JIT_PROG_PROOF_PIECES = "prog access" "prog fast_region" "prog check input n=8" "prog compare jgt32 homes" \
  "prog compare jgt file" "prog compare jgt k=" "prog compare jle k=-1" "prog compare jlt32 k=-42" \
  "prog compare jsge file" "prog compare jeq k=-42" "prog compare jeq32 file backward" \
  "prog compare jset k=-42" "prog compare jset high" "prog compare jge src high ones" \
  "prog spend cost=0x1 " "prog spend cost=0xffff " "prog frame" "prog helper" "prog local" \
  "prog slow path n=2 write" "prog ja forward settles" "prog callx r1" "prog stops" \
  "prog exit at depth 0 homes-b" "prog div64 sdiv r6" "prog alu rsh imm" "prog alu mov reg" \
  "prog alu lddw" "prog alu mul reg"
JIT_PROG_PROOF_MUTANTS = MUTANT_WORK=build/mutants-prog-proof MUTANT_TARGET=build/jit-proof \
  MUTANT_RUN='rm -f proof.out; for p in $(JIT_PROG_PROOF_PIECES); do \
    build/jit-proof --only "$$p" | tee -a proof.out; \
    if grep -q "^FAILED .*counterexample" proof.out; then exit 1; fi; done' \
  tests/pbt_mutants.sh jit-prog-proof

.PHONY: check-jit-proof proof-all
check-jit-proof: build/jit-proof
	build/jit-proof
	$(JIT_PROOF_MUTANTS) generated/jit/jit_alu.c tests/mutants/jit_proof.sed
	$(JIT_PROG_PROOF_MUTANTS) generated/jitprog/jit_prog.c tests/mutants/jit_prog_proof.sed

proof-all: build/jit-proof
	build/jit-proof --all

CHECK_TARGETS += check-jit-proof
