# The hybrid VM (lit/havm.nw).  Its unit suite (generated/havm/havm_test.c)
# runs the interpreter's test cases, which it includes from the
# interpreter's directory, with the interpreter's source.
build/check/havm build/san/check/havm build/cov/check/havm: generated/interp/interp_cases.h \
  generated/interp/interp.c

# Every conformance check (host plain and sanitized, both firmwares) runs havm.
ENGINES += havm
