#include "runner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void write_stderr(void *out, const char *text, size_t len) {
  (void)out;
  fwrite(text, 1, len, stderr);
  fflush(stderr);
}

static uint64_t monotonic_ms(void *clock) {
  (void)clock;
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* The device's store: one for the whole process. */
static struct lbpf_kv_entry global_entries[LBPF_RUNNER_KV_ENTRIES];
static struct lbpf_kv global_store = {global_entries, LBPF_RUNNER_KV_ENTRIES, 0};

enum lbpf_status lbpf_runner_load(struct lbpf_runner *r, const struct lbpf_engine *engine,
                                  const uint8_t *code, size_t size,
                                  const struct lbpf_region *regions, size_t nregions,
                                  uint64_t budget, struct lbpf_fault *fault) {
  memset(r, 0, sizeof *r);
  r->engine = engine;
  lbpf_test_env(&r->env, r->stack, sizeof r->stack, budget);
  r->local = (struct lbpf_kv){r->local_entries, LBPF_RUNNER_KV_ENTRIES, 0};
  r->std = (struct lbpf_std_helpers){&global_store, &r->local, write_stderr, NULL,
                                     monotonic_ms, NULL, NULL};
  lbpf_tool_helpers(&r->env, r->helpers, &r->std);
  fault->status = LBPF_OK;
  fault->pc = 0;
  if (nregions > LBPF_RUNNER_MAX_REGIONS) {
    fault->status = LBPF_ERR_ARGUMENT;
    return LBPF_ERR_ARGUMENT;
  }
  if (nregions) memcpy(r->regions, regions, nregions * sizeof *regions);
  r->env.regions = r->regions;
  r->env.nregions = nregions;
  /* a private copy (never NULL), so the caller's buffer may go away */
  r->code = malloc(size ? size : 1);
  r->state = malloc(engine->state_size(size) ? engine->state_size(size) : 1);
  if (!r->code || !r->state) {
    fault->status = LBPF_ERR_ARGUMENT;
    return LBPF_ERR_ARGUMENT;
  }
  if (size) memcpy(r->code, code, size);
  r->code_size = size;
  enum lbpf_status st = engine->load(r->state, r->code, size, &r->env, fault);
  if (st != LBPF_OK && fault->status == LBPF_OK) fault->status = st;
  return st;
}

void lbpf_runner_run(struct lbpf_runner *r, const uint8_t *mem, size_t mem_len,
                     struct lbpf_result *result) {
  uint8_t *copy = malloc(mem_len ? mem_len : 1);
  memset(result, 0, sizeof *result);
  if (!copy) {
    result->status = LBPF_ERR_ARGUMENT;
    return;
  }
  if (mem_len) memcpy(copy, mem, mem_len);
  memset(r->stack, 0, sizeof r->stack);
  r->engine->run(r->state, copy, mem_len, result);
  free(copy);
}

void lbpf_runner_free(struct lbpf_runner *r) {
  free(r->state);
  free(r->code);
  r->state = NULL;
  r->code = NULL;
}

void lbpf_engine_names(char *buf, size_t len) {
  size_t n = 0;
  if (len) buf[0] = '\0';
  for (size_t i = 0; i < lbpf_nengines && n < len; i++) {
    int k = snprintf(buf + n, len - n, "%s%s", i ? ", " : "", lbpf_engines[i].name);
    if (k < 0) break;
    n += (size_t)k;
  }
}
