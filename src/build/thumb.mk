# The Thumb-2 model (lit/thumb-*.nw): its oracles and drivers.
#
#   make thumb-oracles           the LLVM oracle (encodings, decoder, printer)
#   make thumb-fuzz THUMB_SEED=S THUMB_N=N   more random sequences against unicorn

THUMB_LLVM_SEED ?= 1
THUMB_LLVM_N ?= 300

build/thumb-oracle: tests/thumb_oracle.c build/liblitbpf-host.a build/liblitbpf.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(HOST_CFLAGS) $^ $(HOST_LIBS) -o $@
build/san/thumb-oracle: tests/thumb_oracle.c build/san/liblitbpf-host.a build/san/liblitbpf.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(HOST_CFLAGS) $(SAN_FLAGS) $^ $(HOST_LIBS) -o $@

.PHONY: thumb-oracles check-thumb-llvm
check-thumb-llvm: build/thumb-oracle build/litbpf build/san/thumb-oracle build/san/litbpf
	tests/thumb_llvm_oracle.sh build/thumb-oracle "build/litbpf thumb-disasm" $(THUMB_LLVM_SEED) $(THUMB_LLVM_N)
	tests/thumb_llvm_oracle.sh build/san/thumb-oracle "build/san/litbpf thumb-disasm" 2 50
thumb-oracles: check-thumb-llvm

CHECK_TARGETS += check-thumb-llvm

# The execution oracle: the concrete model against unicorn's Cortex-M4.
THUMB_UC_COUNT ?= 25000
build/thumb-unicorn: tests/thumb_unicorn.c build/liblitbpf-host.a build/liblitbpf.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(HOST_CFLAGS) $^ -lunicorn $(HOST_LIBS) -o $@
build/san/thumb-unicorn: tests/thumb_unicorn.c build/san/liblitbpf-host.a build/san/liblitbpf.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(HOST_CFLAGS) $(SAN_FLAGS) $^ -lunicorn $(HOST_LIBS) -o $@

.PHONY: check-thumb-unicorn thumb-fuzz
check-thumb-unicorn: build/thumb-unicorn build/san/thumb-unicorn
	build/thumb-unicorn 1 $(THUMB_UC_COUNT)
	build/thumb-unicorn 2 $(THUMB_UC_COUNT)
	build/san/thumb-unicorn 3 2000

THUMB_SEED ?= 1
THUMB_N ?= 100000
thumb-fuzz: build/thumb-unicorn
	build/thumb-unicorn $(THUMB_SEED) $(THUMB_N)

CHECK_TARGETS += check-thumb-unicorn

# The symbolic instance links Z3.
SUITE_LIBS_thumb_symbolic := -lz3
HOST_LIBS += -lz3
