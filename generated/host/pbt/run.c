#line 1334 "lit/pbt.nw"
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "lbpf_pbt.h"

#define GUARD 64
#define GUARD_BYTE 0xa5
#define STACK_MAX (LBPF_MAX_CALL_DEPTH * LBPF_STACK_SIZE)
#define ARENA (64 + GUARD + LBPF_PBT_RO_OFFSET + LBPF_PBT_MAX_RO + GUARD)

_Static_assert(LBPF_PBT_RO_OFFSET == LBPF_PBT_MAX_MEM + GUARD + STACK_MAX + GUARD,
               "the read-only region follows the stack's guard");

struct arena {
  uint8_t *block, *mem, *stack, *ro;
  size_t stack_size;
};
#line 1367 "lit/pbt.nw"
#define ARENA_ADDRESS ((uintptr_t)0x20000000u)

static uint8_t *arena_block(void) {
  static uint8_t *block;
  if (block == NULL) {
    void *p = mmap((void *)ARENA_ADDRESS, ARENA, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    block = p == MAP_FAILED ? malloc(ARENA) : p;
  }
  return block;
}

static void arena_init(struct arena *a, uint8_t *block, const struct lbpf_pbt_case *c,
                       unsigned shift) {
  a->block = block;
  a->stack_size = (size_t)c->frames * LBPF_STACK_SIZE;
  memset(block, GUARD_BYTE, ARENA);
  a->mem = block + (shift % 64) + GUARD;
  a->stack = a->mem + LBPF_PBT_MAX_MEM + GUARD + STACK_MAX - a->stack_size;
  a->ro = a->mem + LBPF_PBT_RO_OFFSET;
  memcpy(a->mem, c->mem, c->mem_len);
  memset(a->stack, 0, a->stack_size);
  memcpy(a->ro, c->ro, c->ro_len);
}
#line 1398 "lit/pbt.nw"
static bool guards_intact(const struct arena *a, const struct lbpf_pbt_case *c) {
  for (size_t i = 0; i < ARENA; i++) {
    const uint8_t *p = a->block + i;
    if (p >= a->mem && p < a->mem + c->mem_len) continue;
    if (p >= a->stack && p < a->stack + a->stack_size) continue;
    uint8_t want = p >= a->ro && p < a->ro + c->ro_len ? c->ro[p - a->ro] : GUARD_BYTE;
    if (*p != want) return false;
  }
  return true;
}

/* The standard environment, with the case's stack, budget and read-only
   region, laid out in the arena. */
static void case_env(const struct lbpf_pbt_case *c, const struct arena *a, struct lbpf_region *ro,
                     struct lbpf_env *env) {
  lbpf_test_env(env, a->stack, a->stack_size, c->budget);
  *ro = (struct lbpf_region){a->ro, c->ro_len, LBPF_PERM_READ};
  env->regions = ro;
  env->nregions = c->ro_len > 0;
}

bool lbpf_pbt_run(const struct lbpf_engine *e, const struct lbpf_pbt_case *c, unsigned shift,
                  struct lbpf_outcome *out) {
  uint8_t code[LBPF_PBT_MAX_SLOTS * 8];
  const size_t size = (size_t)c->nslots * 8;
  uint8_t *block = arena_block();
  lbpf_outcome_free(out);
  memset(out, 0, sizeof *out);
  if (block == NULL) {
    out->load = LBPF_ERR_ARGUMENT;
    return false;
  }
  struct arena a;
  struct lbpf_region ro;
  struct lbpf_env env;
  struct lbpf_area areas[LBPF_MAX_AREAS];
  lbpf_pbt_encode(c, code);
  arena_init(&a, block, c, shift);
  case_env(c, &a, &ro, &env);
  size_t state_size = e->state_size(size) + 1;
  void *state = malloc(state_size);
  if (state == NULL) {
    out->load = LBPF_ERR_ARGUMENT;
    return false;
  }
  memset(state, 0xa5, state_size); /* no free zeros */
  out->load = e->load(state, code, size, &env, &out->fault);
  if (out->load == LBPF_OK) e->run(state, a.mem, c->mem_len, &out->result);
  free(state);
  lbpf_outcome_capture(out, areas, lbpf_areas(&env, a.mem, c->mem_len, areas));
  return guards_intact(&a, c);
}
#line 1474 "lit/pbt.nw"
struct guard_check {
  struct arena *arena;
  const struct lbpf_pbt_case *c;
};

/* After each engine's run: were the guards kept?  Then lay the arena out
   afresh, guards included, for the next run. */
static bool check_and_reset(void *ctx) {
  struct guard_check *g = ctx;
  bool intact = guards_intact(g->arena, g->c);
  arena_init(g->arena, g->arena->block, g->c, 0);
  return intact;
}

unsigned lbpf_pbt_compare(const struct lbpf_engine *a, const struct lbpf_engine *b,
                          const struct lbpf_pbt_case *c, struct lbpf_comparison *report) {
  uint8_t code[LBPF_PBT_MAX_SLOTS * 8];
  uint8_t *block = arena_block();
  lbpf_comparison_free(report);
  memset(report, 0, sizeof *report);
  if (block == NULL) return report->diff = LBPF_DIFF_LOAD;
  struct arena arena;
  struct lbpf_region ro;
  struct lbpf_env env;
  struct guard_check g = {&arena, c};
  lbpf_pbt_encode(c, code);
  arena_init(&arena, block, c, 0);
  case_env(c, &arena, &ro, &env);
  return lbpf_compare(a, b, code, (size_t)c->nslots * 8, &env, arena.mem, c->mem_len,
                      check_and_reset, &g, report);
}
