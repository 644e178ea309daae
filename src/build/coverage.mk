# Line coverage of the literate sources: `make coverage' builds the coverage
# flavour (build/cov, from the top Makefile's rules), runs the unit suites, the
# conformance suite through every engine of the command-line tool (or only
# those COVERAGE_ENGINES names; the specification always) and the negative
# cases, and writes build/coverage/index.html with a per-chapter summary on
# the terminal.  `make coverage-check' also fails if a chapter matching
# COVERAGE_GLOB has less than COVERAGE_MIN percent of its lines run.
# Script: src/build/coverage.sh.

COVERAGE_MIN ?= 95
COVERAGE_GLOB ?= spec/*.nw
COVERAGE_ENGINES ?=
COV_TOOL = $(if $(wildcard src/cli/litbpf.c),build/cov/litbpf)

.PHONY: coverage coverage-check

coverage:
	$(MAKE) $(addprefix build/cov/check/,$(SUITES)) $(COV_TOOL)
	@COVERAGE_ENGINES='$(COVERAGE_ENGINES)' src/build/coverage.sh run $(CONFORMANCE) $(SUITES)

coverage-check: coverage
	@src/build/coverage.sh check $(COVERAGE_MIN) '$(COVERAGE_GLOB)'

# The specification's coverage is a claim of the book (proofs-notes/spec.md): check it.
CHECK_TARGETS += coverage-check
