/* The host benchmark harness: run one program once on one engine so that
   callgrind can count the host instructions of that single run.

     bench_host ENGINE PROGRAM INPUT.mem
     bench_host --engines      (lists the engine table, one name a line)

   PROGRAM is read by the host loader, as litbpf run reads it: normally the
   ELF object from clang -target bpf.  Loading, verifying and preparing happen before
   the measured call; so does one warm-up run, so that lazy symbol binding
   and cold first-touch work are not charged to the run.  The input memory is
   restored from a pristine copy before each run, because some programs write
   into it.  Then lbpf_bench_measured_run() calls engine->run exactly once: it
   is the function given to valgrind --toggle-collect.

   Prints one line: status, r0, executed BPF instructions, budget used, and
   the digest of the input memory after the run (lbpf_bench_digest). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_io.h"
#include "lbpf_engines.h"
#include "loader.h"

/* Eight frames of 512 bytes: as much as any engine allows. */
static uint8_t stack_memory[512 * LBPF_MAX_CALL_DEPTH] __attribute__((aligned(16)));

/* The one function callgrind counts.  noinline keeps it a real call, so the
   count starts at its entry and stops at its return.  The engine comes last
   so that the run's own arguments are already in place: the function
   compiles to one indirect jump, and adds one instruction to every count
   (the engine table's adapter adds a few more: it is part of the engine). */
__attribute__((noinline)) void lbpf_bench_measured_run(void *state, void *mem, size_t len,
                                                       struct lbpf_result *result,
                                                       const struct lbpf_engine *engine) {
  engine->run(state, mem, len, result);
}

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "--engines") == 0) {
    for (size_t i = 0; i < lbpf_nengines; i++)
      printf("%s\n", lbpf_engines[i].name);
    return 0;
  }
  if (argc != 4) {
    fprintf(stderr, "usage: %s ENGINE PROGRAM INPUT.mem | --engines\n", argv[0]);
    return 2;
  }
  const struct lbpf_engine *engine = lbpf_engine_find(argv[1]);
  if (engine == NULL) {
    fprintf(stderr, "%s: no engine called %s\n", argv[0], argv[1]);
    return 2;
  }
  struct lbpf_program_file pf;
  char err[256];
  if (lbpf_load_program_file(argv[2], &pf, err, sizeof err) != LBPF_LOAD_OK) {
    fprintf(stderr, "%s: %s\n", argv[0], err);
    return 1;
  }
  const uint8_t *code = pf.code;
  size_t code_size = pf.code_size, mem_len;
  uint8_t *pristine = lbpf_bench_read_file(argv[3], &mem_len);
  if (pristine == NULL) return 1;
  /* at least 8 bytes so that malloc(0) never arises */
  uint8_t *mem = malloc(mem_len + 8);
  void *state = malloc(engine->state_size(code_size) + 1);
  if (mem == NULL || state == NULL) {
    fprintf(stderr, "%s: out of memory\n", argv[0]);
    return 1;
  }

  struct lbpf_env env = {0};
  env.budget = UINT64_C(1) << 32; /* generous: a benchmark must not run out */
  env.stack = stack_memory;
  env.stack_size = sizeof stack_memory;

  struct lbpf_fault fault = {0};
  enum lbpf_status st = engine->load(state, code, code_size, &env, &fault);
  if (st != LBPF_OK) {
    fprintf(stderr, "%s: %s refuses %s: %s at pc %u\n", argv[0], engine->name, argv[2],
            lbpf_status_name(st), (unsigned)fault.pc);
    return 1;
  }

  struct lbpf_result warm, result;
  memcpy(mem, pristine, mem_len);
  engine->run(state, mem, mem_len, &warm);
  memcpy(mem, pristine, mem_len);
  lbpf_bench_measured_run(state, mem, mem_len, &result, engine);

  printf("status=%s r0=0x%016llx insns=%llu budget_used=%llu mem=0x%016llx\n",
         lbpf_status_name(result.status), (unsigned long long)result.r0,
         (unsigned long long)result.insns, (unsigned long long)result.budget_used,
         (unsigned long long)lbpf_bench_digest(mem, mem_len));
  free(state);
  free(mem);
  free(pristine);
  lbpf_program_file_free(&pf);
  return result.status == LBPF_OK && warm.r0 == result.r0 ? 0 : 1;
}
