# Reliability: the checks that keep the tools honest, and the fuzz targets
# of tests/fuzz/ (described in tests/fuzz/README.md).
#
#   make check-make-knobs     no two layers share a make knob
#   make check-tools-robust   the tools fed each other's bad inputs
#   make fuzz FUZZ_SECONDS=N  every fuzz target for N seconds (default 60;
#                             FUZZ_JOBS=J runs J targets at once)
#   make check-fuzz           every fuzz target briefly, on fixed seeds (in make check)
#   make fuzz-report          make fuzz and make check-m4diff (M4DIFF_N cases), then
#                             bench/results/reliability.md

# 32-bit C library and run-time for the -m32 build of the differential target;
# gcc-multilib gives clang -m32 the kernel's headers (<asm/errno.h>).
DEB_PACKAGES += libc6-dev-i386 lib32gcc-12-dev lib32stdc++-12-dev gcc-multilib

.PHONY: check-make-knobs check-tools-robust fuzz check-fuzz fuzz-report
check-make-knobs:
	@tests/make-knobs.sh

check-tools-robust: build/san/litbpf build/san/litbpf-plugin build/m4run build/m4prep build/m4-O2/firmware.elf
	@tests/tools-robust.sh build/san/litbpf build/san/litbpf-plugin build/m4run

# ---- fuzz targets: libFuzzer with ASan and UBSan, clang ----
FUZZ_CC := clang
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS := $(CSTD) $(WARN) -g -O1 $(FUZZ_SAN)
FUZZ_READERS := elf data hex asm
FUZZ_TARGETS := $(FUZZ_READERS) load diff
# the Z3 instance is not needed by any target, and has no 32-bit library
FUZZ_LIB_SRCS = $(filter-out %thumb_symbolic.c,$(CORE_SRCS) $(HOST_SRCS))
FUZZ_SECONDS ?= 60
# targets run at once by make fuzz and make fuzz-report (make check runs one at a time)
FUZZ_JOBS ?= 1
# make check: this many executions of each target from its seeds, seed 1
FUZZ_CHECK_RUNS := 2000
fuzz_reader_id = $(if $(filter elf,$(1)),1,$(if $(filter data,$(1)),2,$(if $(filter hex,$(1)),3,4)))

# $(1) = 64 or 32 (the word size), $(2) = its flag
define FUZZ_RULES
build/fuzz/$(1)/obj/%.o: %.c
	@mkdir -p $$(@D)
	$$(FUZZ_CC) $(2) $$(CPPFLAGS) -Igenerated/host/pbt $$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link \
	  $$(if $$(filter src/%,$$<),-D_POSIX_C_SOURCE=200809L) -c $$< -o $$@
build/fuzz/$(1)/liblitbpf-fuzz.a: $$(patsubst %.c,build/fuzz/$(1)/obj/%.o,$$(FUZZ_LIB_SRCS))
	@rm -f $$@; ar rcs $$@ $$^
endef
$(eval $(call FUZZ_RULES,64,))
$(eval $(call FUZZ_RULES,32,-m32))
# The Thumb-2 model runs jitted code for the engines havm and jit; it is the
# witness, not what the targets explore, so it is built at -O2 without the
# fuzzer's coverage instrumentation (the sanitizers stay): a jitted run of
# the whole budget executes millions of model steps.
define FUZZ_MODEL_RULE
build/fuzz/$(1)/obj/generated/thumb/thumb_machine.o: generated/thumb/thumb_machine.c
	@mkdir -p $$(@D)
	$$(FUZZ_CC) $(2) $$(CPPFLAGS) $$(CSTD) $$(WARN) -g -O2 $$(FUZZ_SAN) -c $$< -o $$@
endef
$(eval $(call FUZZ_MODEL_RULE,64,))
$(eval $(call FUZZ_MODEL_RULE,32,-m32))

build/fuzz/64/fuzz-%: tests/fuzz/fuzz_readers.c build/fuzz/64/liblitbpf-fuzz.a
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer -D_POSIX_C_SOURCE=200809L \
	  -DLBPF_FUZZ_READER=$(call fuzz_reader_id,$*) $^ -lm -o $@
build/fuzz/64/fuzz-load: tests/fuzz/fuzz_load.c build/fuzz/64/liblitbpf-fuzz.a
	$(FUZZ_CC) $(CPPFLAGS) -Igenerated/host/pbt $(FUZZ_CFLAGS) -fsanitize=fuzzer $^ -lm -o $@
build/fuzz/%/fuzz-diff: tests/fuzz/fuzz_diff.c build/fuzz/%/liblitbpf-fuzz.a
	$(FUZZ_CC) $(if $(filter 32,$*),-m32) $(CPPFLAGS) -Igenerated/host/pbt $(FUZZ_CFLAGS) \
	  -fsanitize=fuzzer $^ -lm -o $@

# every target, and the differential one again built for 32 bits (diff32)
FUZZ_BINS := $(addprefix build/fuzz/64/fuzz-,$(FUZZ_TARGETS)) build/fuzz/32/fuzz-diff
fuzz: $(FUZZ_BINS)
	@FUZZ_JOBS=$(FUZZ_JOBS) tests/fuzz/run.sh time $(FUZZ_SECONDS) $(FUZZ_TARGETS) diff32
check-fuzz: $(FUZZ_BINS)
	@tests/fuzz/run.sh runs $(FUZZ_CHECK_RUNS) $(FUZZ_TARGETS) diff32
fuzz-report: $(FUZZ_BINS)
	@FUZZ_JOBS=$(FUZZ_JOBS) tests/fuzz/run.sh time $(FUZZ_SECONDS) $(FUZZ_TARGETS) diff32
	@$(MAKE) --no-print-directory check-m4diff
	@FUZZ_JOBS=$(FUZZ_JOBS) tests/fuzz/report.sh $(FUZZ_SECONDS) bench/results/reliability.md $(FUZZ_TARGETS) diff32 \
	  $(addprefix m4-,$(M4_OPTS))

CHECK_TARGETS += check-make-knobs check-tools-robust check-fuzz
