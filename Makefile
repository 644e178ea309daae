# litbpf — a safe eBPF virtual machine for microcontrollers, as a literate program.
#
#   make         install what is missing, tangle, build, weave the book, run a demo
#   make check   the tests (unit suites, conformance, bad input, sanitizers, tangle drift);
#                CHECK_JOBS=N runs N checks at once (default 2)
#
# Components add to the variables below from src/build/*.mk, so that each
# layer's build lives beside the others without editing this file.

SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := all
MAKEFLAGS += --no-print-directory

CC ?= cc
ifeq ($(origin CC),default)
CC := gcc
endif
WARN := -Wall -Wextra -Werror
CSTD := -std=c11
OPT ?= -O2 -g
CPPFLAGS := -Igenerated/include -Isrc/host
# -MMD -MP: every object depends on the headers it includes (generated ones too).
CFLAGS := $(CSTD) $(WARN) $(OPT) -MMD -MP
HOST_CFLAGS := $(CFLAGS) -D_POSIX_C_SOURCE=200809L
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lm -lrt -lpthread)
CONFORMANCE := ../shared/conformance

# The Debian packages the build and the tests use.  `deps' installs any that
# are missing (as root, through apt-get), so a fresh machine needs nothing else.
DEB_PACKAGES := make gcc clang llvm clang-format noweb pandoc check pkg-config lcov \
                valgrind libz3-dev libunicorn-dev gcc-arm-none-eabi libnewlib-arm-none-eabi \
                qemu-system-arm gnuplot-nox graphviz python3
DEB_PDF_PACKAGES := texlive-latex-base texlive-latex-recommended texlive-fonts-recommended lmodern

NW_DOCS = $(sort $(shell find spec lit -name '*.nw'))

# Sources once tangled.  The core (everything a firmware links) is every
# generated .c outside generated/host/ that is not a test; generated/host/ holds
# tangled code that needs a hosted C library (the symbolic instance, say);
# generated/target/ is the Cortex-M4 firmware, built by src/build/target.mk.
GEN_C = $(sort $(shell find generated -name '*.c' 2>/dev/null))
GEN_TESTS = $(filter %_test.c,$(GEN_C))
CORE_SRCS = $(filter-out generated/host/% generated/target/% $(GEN_TESTS),$(GEN_C))
GEN_HOST_SRCS = $(filter generated/host/%,$(filter-out $(GEN_TESTS),$(GEN_C)))
HOST_SRCS = $(sort $(wildcard src/host/*.c)) $(GEN_HOST_SRCS)
HOST_LIBS := -lm
TOOLS := build/litbpf build/litbpf-plugin
CHECK_TARGETS :=
ALL_TARGETS :=

include $(sort $(wildcard src/build/*.mk))

.PHONY: all deps deps-pdf tangle tangle-check lib tools demo check check-units check-conformance \
        check-negative check-badinput check-freestanding clean

all: deps
	$(MAKE) tangle
	$(MAKE) lib tools $(ALL_TARGETS)
	$(MAKE) book
	$(MAKE) demo

deps:
	@src/build/deps.sh $(DEB_PACKAGES)

deps-pdf:
	@src/build/deps.sh $(DEB_PDF_PACKAGES)

tangle:
	@src/build/tangle.sh

# generated/ is committed; a fresh tangle must reproduce it to the byte.
tangle-check: tangle
	@if [ -n "$$(git status --porcelain -- generated)" ]; then \
	  echo "generated/ differs from a fresh 'make tangle':"; git status --porcelain -- generated; exit 1; \
	else echo "generated/ equals a fresh tangle"; fi

# ---- objects: one tree per flavour (plain, sanitized, coverage) ----
# $(call objs,DIR,SRCS)
objs = $(patsubst %.c,$(1)/%.o,$(2))

build/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(if $(filter src/%,$<),$(HOST_CFLAGS),$(CFLAGS)) -c $< -o $@
build/san/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(if $(filter src/%,$<),$(HOST_CFLAGS),$(CFLAGS)) $(SAN_FLAGS) -c $< -o $@
build/cov/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(if $(filter src/%,$<),$(HOST_CFLAGS),$(CFLAGS)) -O0 --coverage -c $< -o $@

build/liblitbpf.a: $(call objs,build/obj,$(CORE_SRCS))
	@rm -f $@; ar rcs $@ $^
build/san/liblitbpf.a: $(call objs,build/san,$(CORE_SRCS))
	@rm -f $@; ar rcs $@ $^
build/cov/liblitbpf.a: $(call objs,build/cov,$(CORE_SRCS))
	@rm -f $@; ar rcs $@ $^
# The host library holds the core's objects too: on a host a core object may
# call host code (the engine table's hybrid VM runs jitted code on the Thumb-2
# model), and the linker resolves a reference only from the archive it is
# scanning or a later one; within one archive it finds every member needed.
build/liblitbpf-host.a: $(call objs,build/obj,$(HOST_SRCS) $(CORE_SRCS))
	@rm -f $@; ar rcs $@ $^
build/san/liblitbpf-host.a: $(call objs,build/san,$(HOST_SRCS) $(CORE_SRCS))
	@rm -f $@; ar rcs $@ $^
build/cov/liblitbpf-host.a: $(call objs,build/cov,$(HOST_SRCS) $(CORE_SRCS))
	@rm -f $@; ar rcs $@ $^

-include $(shell find build -name '*.d' 2>/dev/null)

lib: build/liblitbpf.a build/liblitbpf-host.a
tools: $(TOOLS) build/san/litbpf

# $(1) = flavour dir (build, build/san, build/cov), $(2) = extra flags
define TOOL_RULES
$(1)/litbpf: build/$(3)/src/cli/litbpf.o $(1)/liblitbpf-host.a $(1)/liblitbpf.a
	$$(CC) $(2) $$^ $$(HOST_LIBS) -o $$@
$(1)/litbpf-plugin: build/$(3)/src/cli/plugin.o $(1)/liblitbpf-host.a $(1)/liblitbpf.a
	$$(CC) $(2) $$^ $$(HOST_LIBS) -o $$@
endef
$(eval $(call TOOL_RULES,build,,obj))
$(eval $(call TOOL_RULES,build/san,$(SAN_FLAGS),san))
$(eval $(call TOOL_RULES,build/cov,--coverage,cov))
build/liblitbpf.a build/liblitbpf-host.a: | build/obj
build/obj:
	@mkdir -p $@

# ---- Check suites: generated/**/NAME_test.c defines Suite *NAME_suite(void) ----
SUITES = $(patsubst %_test.c,%,$(notdir $(GEN_TESTS)))
suite_src = $(filter %/$(1)_test.c,$(GEN_TESTS))
# what a suite includes beside it (test cases tangled once, sources included again)
suite_deps = $(wildcard $(dir $(call suite_src,$(1)))*.h $(dir $(call suite_src,$(1)))*.c)
define SUITE_RULES
build/check/$(1): tests/check_main.c $(call suite_src,$(1)) $(call suite_deps,$(1)) build/liblitbpf-host.a build/liblitbpf.a
	@mkdir -p $$(@D)
	$$(CC) $$(CPPFLAGS) $$(HOST_CFLAGS) -DLBPF_SUITE=$(1)_suite tests/check_main.c $(call suite_src,$(1)) \
	  build/liblitbpf-host.a build/liblitbpf.a $$(SUITE_LIBS_$(1)) $$(HOST_LIBS) $$(CHECK_LIBS) -o $$@
build/san/check/$(1): tests/check_main.c $(call suite_src,$(1)) $(call suite_deps,$(1)) build/san/liblitbpf-host.a build/san/liblitbpf.a
	@mkdir -p $$(@D)
	$$(CC) $$(CPPFLAGS) $$(HOST_CFLAGS) $$(SAN_FLAGS) -DLBPF_SUITE=$(1)_suite tests/check_main.c $(call suite_src,$(1)) \
	  build/san/liblitbpf-host.a build/san/liblitbpf.a $$(SUITE_LIBS_$(1)) $$(HOST_LIBS) $$(CHECK_LIBS) -o $$@
build/cov/check/$(1): tests/check_main.c $(call suite_src,$(1)) $(call suite_deps,$(1)) build/cov/liblitbpf-host.a build/cov/liblitbpf.a
	@mkdir -p $$(@D)
	$$(CC) $$(CPPFLAGS) $$(HOST_CFLAGS) -O0 --coverage -DLBPF_SUITE=$(1)_suite tests/check_main.c $(call suite_src,$(1)) \
	  build/cov/liblitbpf-host.a build/cov/liblitbpf.a $$(SUITE_LIBS_$(1)) $$(HOST_LIBS) $$(CHECK_LIBS) -o $$@
endef
$(foreach s,$(SUITES),$(eval $(call SUITE_RULES,$(s))))

# A suite's time limits catch a hang, not a slow machine: the sanitized build
# runs several times slower than the plain one, so its limits are four times
# theirs (Check's CK_TIMEOUT_MULTIPLIER).
check-units: $(addprefix build/check/,$(SUITES)) $(addprefix build/san/check/,$(SUITES))
	@for s in $(SUITES); do echo "== unit suite $$s"; build/check/$$s; \
	  echo "== unit suite $$s (ASan+UBSan)"; CK_TIMEOUT_MULTIPLIER=4 build/san/check/$$s; done

# The conformance suite through every engine of ENGINES (src/build/engines.mk),
# plain and sanitized: each run must pass every test.
check-conformance: build/litbpf build/san/litbpf
	@for e in $(ENGINES); do for tool in build/litbpf build/san/litbpf; do \
	  echo "== conformance, engine $$e ($$tool)"; \
	  log=build/conformance-$$e$$(test $$tool = build/litbpf || echo -san).log; \
	  $$tool conformance --engine $$e --cpu v4 $(CONFORMANCE)/tests > $$log 2>&1 && \
	    tail -n 1 $$log | grep -q ' passed, 0 failed$$' || { grep -v '^PASS' $$log; exit 1; }; \
	  tail -n 1 $$log; done; done

check-negative: build/san/litbpf
	tests/negative.sh build/san/litbpf $(CONFORMANCE)/negative

check-badinput: build/san/litbpf build/san/litbpf-plugin
	tests/badinput.sh build/san/litbpf build/san/litbpf-plugin

# The core must build for the Cortex-M4 with nothing but a freestanding C library.
check-freestanding:
	@tests/freestanding.sh $(CORE_SRCS)

# The checks run CHECK_JOBS at a time (CI's machine has two cores); each
# check's output is printed whole when it ends (--output-sync), so a log reads
# as if they had run one after the other.  Every package, the PDF's included,
# is installed first, by one apt-get.
CHECK_JOBS ?= 2
check:
	@src/build/deps.sh $(DEB_PACKAGES) $(DEB_PDF_PACKAGES)
	$(MAKE) tangle-check
	$(MAKE) -j$(CHECK_JOBS) lib tools
	$(MAKE) -j$(CHECK_JOBS) --output-sync=target check-freestanding check-units check-conformance \
	  check-negative check-badinput $(CHECK_TARGETS)
	@echo "make check: all checks passed"

# A clang-compiled C program, run by the specification.
demo: build/litbpf m4
	@src/build/demo.sh

clean:
	rm -rf build book/litbpf.html book/litbpf.pdf
