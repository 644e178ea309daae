# The ALU-run JIT (lit/jit-alu.nw, lit/jit-emit.nw).  Its unit suite
# (generated/jit/jit_alu_test.c) runs in check-units like every other.
#
#   make check-jit-mutants   plant each bug of tests/mutants/jit*.sed into a
#                            copy of the JIT; the unit suite must catch each

JIT_MUTANTS = MUTANT_WORK=build/mutants-jit MUTANT_TARGET=build/check/jit_alu \
              MUTANT_RUN=build/check/jit_alu tests/pbt_mutants.sh jit

.PHONY: check-jit-mutants
check-jit-mutants:
	$(JIT_MUTANTS) generated/jit/jit_alu.c tests/mutants/jit.sed
	$(JIT_MUTANTS) generated/jit/jit_emit.c tests/mutants/jit_emit.sed

CHECK_TARGETS += check-jit-mutants

# The suite also runs J's code on unicorn.
SUITE_LIBS_jit_alu := -lunicorn

# litbpf jit --dump: the listing, checked against LLVM's assembler.
.PHONY: check-jit-dump
check-jit-dump: build/litbpf build/san/litbpf
	tests/jit_dump.sh build/litbpf
	tests/jit_dump.sh build/san/litbpf

CHECK_TARGETS += check-jit-dump
