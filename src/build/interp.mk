# The production interpreter (lit/interp.nw): conformance through the engine
# table, plain and sanitized.  Its unit suite (generated/interp/interp_test.c)
# is built and run by check-units like every other suite.
.PHONY: check-conformance-interp

check-conformance-interp: build/litbpf build/san/litbpf
	build/litbpf conformance --engine interp --cpu v4 $(CONFORMANCE)/tests | tail -n 1 | \
	  tee build/conformance-interp.log | grep -q '^313 passed, 0 failed$$' || \
	  { build/litbpf conformance --engine interp --cpu v4 $(CONFORMANCE)/tests | grep -v '^PASS'; exit 1; }
	@cat build/conformance-interp.log
	build/san/litbpf conformance --engine interp --cpu v4 $(CONFORMANCE)/tests > build/conformance-interp-san.log 2>&1 || \
	  { grep -v '^PASS' build/conformance-interp-san.log; exit 1; }
	@tail -n 1 build/conformance-interp-san.log

CHECK_TARGETS += check-conformance-interp

# The compact shape (what -Os builds) on the emulated Cortex-M4: the -Os
# firmware of the target chapter runs the conformance suite with interp.
# (target-check runs the -O2 firmware, i.e. the fast shape.)
.PHONY: check-conformance-interp-m4os
check-conformance-interp-m4os: build/m4-Os/firmware.elf build/m4run build/m4prep
	M4RUN_FIRMWARE=$(CURDIR)/build/m4-Os/firmware.elf \
	  tests/target-check.sh build/m4run build/m4prep $(CONFORMANCE)/tests interp

CHECK_TARGETS += check-conformance-interp-m4os
