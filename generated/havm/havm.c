#line 500 "lit/havm.nw"
/* The hybrid VM (level H): the interpreter's text, read with the JIT's runs. */
#include "lbpf_havm.h"

#define LBPF_INTERP_HAVM 1
#define lbpf_interp_code_size lbpf_havm_interp_code_size
#define lbpf_interp_load lbpf_havm_interp_load
#define lbpf_interp_run lbpf_havm_interp_run

#line 243 "lit/havm.nw"
size_t lbpf_havm_jit_size(uint32_t ninsns) {
  return (size_t)ninsns * sizeof(struct lbpf_jit_entry) + lbpf_jit_alu_code_bound(ninsns);
}
#line 509 "lit/havm.nw"
#include "../interp/interp.c"
#undef lbpf_interp_code_size
#undef lbpf_interp_load
#undef lbpf_interp_run
#line 308 "lit/havm.nw"
enum lbpf_status lbpf_havm_load(struct lbpf_havm *vm, const uint8_t *code, size_t size,
                                const struct lbpf_env *env, void *buf, size_t buf_size, void *jit,
                                size_t jit_size, lbpf_havm_call_fn call, void *call_ctx,
                                struct lbpf_fault *fault) {
  vm->jit = jit;
  vm->jit_size = jit_size;
  vm->code = NULL;
  vm->code_len = 0;
  vm->call = call;
  vm->call_ctx = call_ctx;
  return lbpf_havm_interp_load(&vm->interp, code, size, env, buf, buf_size, fault);
}
