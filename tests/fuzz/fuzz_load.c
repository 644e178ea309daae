/* Fuzz target: the verifier and every engine's load, on arbitrary bytes.

   The input is a program (any bytes); the environment is the standard test
   environment of the engines chapter, with a budget of 200, plus, when the
   input's length is odd, one extra read-only region that ends exactly at
   the top of the address space and, when it is 3 mod 4, one that wraps
   around it (which every load must refuse).  For every engine of the table
   (lbpf_engines[], so engines added later join by themselves):

   - its load refuses exactly what lbpf_verify refuses, with the same
     status and pc, into a state filled with garbage first;
   - after an accepted load, a run on 64 bytes of input ends (the budget
     bounds it: at most ninsns + budget instructions, for an engine that
     counts them); after a refused one, a run executes nothing and reports
     an error — also when the same state held an accepted program before. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lbpf_compare.h"
#include "lbpf_engines.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t stack[LBPF_MAX_CALL_DEPTH * LBPF_STACK_SIZE / 8];
static const uint8_t accepted[] = {0xb7, 0, 0, 0, 7, 0, 0, 0, 0x95, 0, 0, 0, 0, 0, 0, 0};

#define FAIL(...)                                                                                  \
  do {                                                                                             \
    fprintf(stderr, __VA_ARGS__);                                                                  \
    fprintf(stderr, "\n");                                                                         \
    abort();                                                                                       \
  } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct lbpf_env env;
  lbpf_test_env(&env, stack, sizeof stack, 200);
  struct lbpf_region regions[2] = {
      {(void *)(UINTPTR_MAX - 0xff), 0x100, LBPF_PERM_READ},
      {(void *)(UINTPTR_MAX - 0xff), 0x101, LBPF_PERM_READ}};
  if (size % 2) env.regions = regions, env.nregions = size % 4 == 3 ? 2 : 1;
  struct lbpf_program prog;
  struct lbpf_fault vf = {LBPF_OK, 0};
  enum lbpf_status vs = lbpf_verify(data, size, &env, &prog, &vf);
  if (size % 4 == 3 && vs != LBPF_ERR_ARGUMENT && vs != LBPF_ERR_EMPTY_PROGRAM &&
      vs != LBPF_ERR_PROGRAM_SIZE)
    FAIL("verifier: a region wrapping around the address space accepted (%s)",
         lbpf_status_name(vs));
  uint8_t mem[64];
  for (size_t e = 0; e < lbpf_nengines; e++) {
    const struct lbpf_engine *eng = &lbpf_engines[e];
    size_t n = eng->state_size(size), m = eng->state_size(sizeof accepted);
    uint8_t *state = malloc((n > m ? n : m) + 1);
    if (!state) return 0;
    for (int before = 0; before < 2; before++) {
      struct lbpf_fault f = {LBPF_OK, 0};
      struct lbpf_result r;
      memset(state, 0xa5, n > m ? n : m);
      if (before) {
        /* a state that held an accepted program (in the standard environment) */
        struct lbpf_env plain;
        lbpf_test_env(&plain, stack, sizeof stack, 200);
        if (eng->load(state, accepted, sizeof accepted, &plain, &f) != LBPF_OK)
          FAIL("%s refuses r0 = 7; exit", eng->name);
        f = (struct lbpf_fault){LBPF_OK, 0};
      }
      enum lbpf_status s = eng->load(state, data, size, &env, &f);
      if (s != vs || (s != LBPF_OK && (f.status != vf.status || f.pc != vf.pc)))
        FAIL("%s load: %s at %u, verifier: %s at %u", eng->name, lbpf_status_name(f.status), f.pc,
             lbpf_status_name(vf.status), vf.pc);
      memset(mem, 0x5a, sizeof mem);
      memset(stack, 0, sizeof stack);
      eng->run(state, mem, sizeof mem, &r);
      if (s != LBPF_OK && (r.status == LBPF_OK || r.insns != 0 || r.r0 != 0))
        FAIL("%s ran after a refused load: %s, %llu instructions", eng->name,
             lbpf_status_name(r.status), (unsigned long long)r.insns);
      if (s == LBPF_OK && (lbpf_engine_counters(eng) & LBPF_DIFF_INSNS) &&
          r.insns > (uint64_t)prog.ninsns + env.budget)
        FAIL("%s executed %llu instructions, above %u slots + budget %llu", eng->name,
             (unsigned long long)r.insns, prog.ninsns, (unsigned long long)env.budget);
    }
    free(state);
  }
  return 0;
}
