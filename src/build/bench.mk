# Benchmarks (bench/): the programs compiled to eBPF and natively, a cheap
# correctness check of them for `make check', and the host benchmark, which is
# a measurement and never part of `make check'.

# The paper's eight first, in the paper's order, then the other kernels.
BENCH_PAPER := incr square fib bitswap memcpy bubblesort sock_buffer fletcher32
BENCH_PROGRAMS := $(BENCH_PAPER) \
  $(sort $(filter-out $(BENCH_PAPER),$(basename $(notdir $(wildcard bench/programs/*.c)))))
BPF_CC := clang
BPF_CFLAGS := -O2 -ffreestanding -target bpf -mcpu=v3 -Wall -Wextra -Werror
# The native twin is the limit an engine is judged against: gcc -O2.
BENCH_NATIVE_CC := gcc
BENCH_NATIVE_CFLAGS := $(CSTD) $(WARN) -O2

BENCH_BPF_OBJS := $(patsubst %,build/bench/bpf/%.o,$(BENCH_PROGRAMS))
BENCH_NATIVE_RUNS := $(patsubst %,build/bench/native/run-%,$(BENCH_PROGRAMS))

.PHONY: bench-programs check-bench-programs bench-host
.SECONDARY: $(BENCH_BPF_OBJS) $(patsubst %,build/bench/native/%.o,$(BENCH_PROGRAMS))

build/bench/bpf/%.o: bench/programs/%.c
	@mkdir -p $(@D)
	$(BPF_CC) $(BPF_CFLAGS) -c $< -o $@

# Renamed lbpf_bench_NAME: a global called memcpy would replace the C library's.
build/bench/native/%.o: bench/programs/%.c
	@mkdir -p $(@D)
	$(BENCH_NATIVE_CC) $(BENCH_NATIVE_CFLAGS) -D$*=lbpf_bench_$* -c $< -o $@

build/bench/native/run-%: bench/harness/native_run.c bench/harness/bench_io.h build/bench/native/%.o
	$(BENCH_NATIVE_CC) $(BENCH_NATIVE_CFLAGS) -g -Ibench/harness -DBENCH_FN=lbpf_bench_$* \
	  bench/harness/native_run.c build/bench/native/$*.o -o $@

build/bench/gen_inputs: bench/gen_inputs.c
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) -O2 $< -o $@

build/bench/bench_host: bench/harness/bench_host.c bench/harness/bench_io.h build/liblitbpf-host.a build/liblitbpf.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(HOST_CFLAGS) -Ibench/harness bench/harness/bench_host.c \
	  build/liblitbpf-host.a build/liblitbpf.a $(HOST_LIBS) -o $@

bench-programs: $(BENCH_BPF_OBJS) $(BENCH_NATIVE_RUNS) build/bench/gen_inputs

# Cheap: each program's object is one function without relocations, the
# inputs are reproducible, and native code and the specification agree with
# the committed expected r0.
check-bench-programs: bench-programs build/litbpf build/bench/bench_host
	tests/bench_programs.sh $(BENCH_PROGRAMS)

# The host benchmark: callgrind counts of one run per program and engine.
bench-host: bench-programs build/bench/bench_host bench-jit-profile
	src/build/bench_host.sh $(BENCH_PROGRAMS)

CHECK_TARGETS += check-bench-programs

# Programs of chosen sizes for the whole-program JIT's compile-cost curve, and
# its memory per size (bench/jit_sizes.c; used by bench-target).
build/bench/jit_sizes: bench/jit_sizes.c build/liblitbpf-host.a build/liblitbpf.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(HOST_CFLAGS) $(filter %.c %.a,$^) $(HOST_LIBS) -o $@

# The profile of the whole-program JIT's code by the model's cost counters
# (bench/jit_profile.c): bench/results/jit-profile.md.  A measurement, never
# part of `make check'; bench-host runs it too.
build/bench/jit_profile: bench/jit_profile.c bench/harness/bench_io.h build/liblitbpf-host.a build/liblitbpf.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(HOST_CFLAGS) -Ibench/harness $(filter %.c %.a,$^) $(HOST_LIBS) -o $@

.PHONY: bench-jit-profile
bench-jit-profile: $(BENCH_BPF_OBJS) build/bench/jit_profile
	build/bench/jit_profile bench/results/jit-profile.md $(BENCH_PROGRAMS)
