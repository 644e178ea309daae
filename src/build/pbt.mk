# Property-based differential checks (lit/pbt.nw, driver tests/pbt_main.c).
#
#   make pbt PBT_SEED=S PBT_N=N PBT_ENGINES=A,B
#                                         generate N cases from seed S, compare
#                                         engines A and B (default spec,interp),
#                                         print failures shrunk, and coverage
# (each layer's knobs carry its prefix: a bare SEED or COUNT would be read by
# whichever .mk file sets it first)
#   make check-pbt                        the fixed seed set (part of make check)

PBT_SEED ?= 1
PBT_N ?= 2000
PBT_ENGINES ?= spec,interp
# make check: four seeds of 25,000 cases, the same seeds' first 5,000 cases
# mutated (lbpf_pbt_mutate), and four other seeds of 5,000 under ASan+UBSan
# (each run takes seconds).
PBT_SEEDS := 1,2,3,4
PBT_SAN_SEEDS := 101,102,103,104
PBT_COUNT := 25000
PBT_SAN_COUNT := 5000
PBT_MUTATE_COUNT := 5000
PBT_CHECK_ENGINES := spec,interp
# The hybrid VM (lit/havm.nw) against the specification: four seeds of 5,000
# cases biased toward long arithmetic runs with jumps into them (--alu-runs),
# and four seeds of 500 under ASan+UBSan.
PBT_HAVM_SEEDS := 11,12,13,14
PBT_HAVM_COUNT := 5000
PBT_HAVM_SAN_COUNT := 500
PBT_HAVM_ALU_RUNS := 30
PBT_HAVM_ENGINES := spec,havm
PBT_REGRESSIONS = $(sort $(wildcard tests/regressions/*.data))

build/pbt: tests/pbt_main.c build/liblitbpf-host.a build/liblitbpf.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Igenerated/host/pbt $(HOST_CFLAGS) $< build/liblitbpf-host.a \
	  build/liblitbpf.a $(HOST_LIBS) -o $@
build/san/pbt: tests/pbt_main.c build/san/liblitbpf-host.a build/san/liblitbpf.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Igenerated/host/pbt $(HOST_CFLAGS) $(SAN_FLAGS) $< \
	  build/san/liblitbpf-host.a build/san/liblitbpf.a $(HOST_LIBS) -o $@

.PHONY: pbt check-pbt
pbt: build/pbt
	build/pbt --seed $(PBT_SEED) --count $(PBT_N) --engines $(PBT_ENGINES) --out build

# Every step runs even when an earlier one fails, so that one report shows
# the random cases and the regressions; the target fails if any step did.
PBT_RUN = echo "$(1)"; $(1) || fail=1;
check-pbt: build/pbt build/san/pbt
	@fail=0; \
	$(call PBT_RUN,build/pbt --seed $(PBT_SEEDS) --count $(PBT_COUNT) --engines $(PBT_CHECK_ENGINES)) \
	$(call PBT_RUN,build/pbt --quiet --mutate 100 --seed $(PBT_SEEDS) --count $(PBT_MUTATE_COUNT) --engines $(PBT_CHECK_ENGINES)) \
	$(call PBT_RUN,build/san/pbt --quiet --seed $(PBT_SAN_SEEDS) --count $(PBT_SAN_COUNT) --engines $(PBT_CHECK_ENGINES)) \
	$(call PBT_RUN,build/pbt --alu-runs $(PBT_HAVM_ALU_RUNS) --seed $(PBT_HAVM_SEEDS) --count $(PBT_HAVM_COUNT) --engines $(PBT_HAVM_ENGINES)) \
	$(call PBT_RUN,build/san/pbt --quiet --alu-runs $(PBT_HAVM_ALU_RUNS) --seed $(PBT_HAVM_SEEDS) --count $(PBT_HAVM_SAN_COUNT) --engines $(PBT_HAVM_ENGINES)) \
	$(if $(PBT_REGRESSIONS),$(call PBT_RUN,build/pbt --replay --engines $(PBT_CHECK_ENGINES) $(PBT_REGRESSIONS))) \
	$(if $(PBT_REGRESSIONS),$(call PBT_RUN,build/san/pbt --replay --engines $(PBT_CHECK_ENGINES) $(PBT_REGRESSIONS))) \
	exit $$fail

ALL_TARGETS += build/pbt
CHECK_TARGETS += check-pbt

# Not part of make check: plant each bug of tests/mutants/interp.sed into a
# copy of the interpreter and count the cases that expose it (see the chapter).
.PHONY: pbt-mutants
pbt-mutants:
	tests/pbt_mutants.sh interp generated/interp/interp.c tests/mutants/interp.sed 5000
