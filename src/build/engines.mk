# The engines (lit/engines.nw).  ENGINES lists the engines every conformance
# check runs: on the host through build/litbpf, plain and under ASan+UBSan
# (check-conformance, in the top Makefile), and on the emulated Cortex-M4
# through both firmwares (target-check, src/build/target.mk).  A later engine
# adds itself with `ENGINES += NAME' in its own src/build/*.mk, which this
# file precedes in the include order.
ENGINES := spec interp

# The comparison's own suite (generated/host/engines/compare_test.c) runs with
# check-units like every other suite.
