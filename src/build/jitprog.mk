# The whole-program JIT (lit/jit.nw), engine jit.  Every conformance check
# (host plain and sanitized, both firmwares), check-m4run, the fuzz
# differential target, the benchmarks and the footprint run it from here.
ENGINES += jit

# The specification against jit in the property-based checker: four seeds of
# 5,000 cases (about 6 s of CPU), the same seeds biased toward long
# arithmetic runs, and 500 cases of each under ASan+UBSan.
PBT_JIT_SEEDS := 21,22,23,24
PBT_JIT_COUNT := 5000
PBT_JIT_SAN_COUNT := 500
PBT_JIT_ALU_COUNT := 1000
PBT_JIT_ENGINES := spec,jit

.PHONY: check-pbt-jit
check-pbt-jit: build/pbt build/san/pbt
	@fail=0; \
	$(call PBT_RUN,build/pbt --seed $(PBT_JIT_SEEDS) --count $(PBT_JIT_COUNT) --engines $(PBT_JIT_ENGINES)) \
	$(call PBT_RUN,build/pbt --quiet --alu-runs $(PBT_HAVM_ALU_RUNS) --seed $(PBT_JIT_SEEDS) --count $(PBT_JIT_ALU_COUNT) --engines $(PBT_JIT_ENGINES)) \
	$(call PBT_RUN,build/san/pbt --quiet --seed $(PBT_JIT_SEEDS) --count $(PBT_JIT_SAN_COUNT) --engines $(PBT_JIT_ENGINES)) \
	exit $$fail

CHECK_TARGETS += check-pbt-jit

# Planted bugs in the region check, the budget and the register pairs
# (tests/mutants/jit_prog.sed), each caught by the chapter's unit suite or the
# property-based checker on 4 x 300 cases (per mutant: a rebuild of both and
# a few seconds of running).
JIT_PROG_MUTANT_RUN := build/check/jit_prog && make build/pbt >/dev/null 2>&1 && \
  build/pbt --quiet --seed 1,2,3,4 --count 300 --engines spec,jit
.PHONY: check-jit-prog-mutants
check-jit-prog-mutants:
	MUTANT_WORK=build/mutants-jit-prog MUTANT_TARGET=build/check/jit_prog \
	  MUTANT_RUN='$(JIT_PROG_MUTANT_RUN)' \
	  tests/pbt_mutants.sh jit generated/jitprog/jit_prog.c tests/mutants/jit_prog.sed

CHECK_TARGETS += check-jit-prog-mutants

# Jitted programs on unicorn (tests/jit_unicorn.c): the property-based
# checker's programs compiled by jit and run by the host driver on unicorn's
# Cortex-M4 instead of the Thumb-2 model, against the specification and the
# model's run.  JIT_UC_COUNT cases of each of JIT_UC_SEEDS, and JIT_UC_SAN_COUNT
# under ASan+UBSan (make check: about ten seconds); more with e.g.
# `make check-jit-unicorn JIT_UC_COUNT=20000'.
JIT_UC_SEEDS ?= 31 32
JIT_UC_COUNT ?= 1500
JIT_UC_SAN_COUNT := 300
build/jit-unicorn: tests/jit_unicorn.c build/liblitbpf-host.a build/liblitbpf.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Igenerated/host/pbt $(HOST_CFLAGS) $(filter %.c %.a,$^) -lunicorn $(HOST_LIBS) -o $@
build/san/jit-unicorn: tests/jit_unicorn.c build/san/liblitbpf-host.a build/san/liblitbpf.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Igenerated/host/pbt $(HOST_CFLAGS) $(SAN_FLAGS) $(filter %.c %.a,$^) -lunicorn $(HOST_LIBS) -o $@

.PHONY: check-jit-unicorn
check-jit-unicorn: build/jit-unicorn build/san/jit-unicorn
	@for s in $(JIT_UC_SEEDS); do build/jit-unicorn $$s $(JIT_UC_COUNT) || exit 1; done
	@build/san/jit-unicorn 33 $(JIT_UC_SAN_COUNT)

CHECK_TARGETS += check-jit-unicorn
