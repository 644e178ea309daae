#line 1485 "lit/pbt.nw"
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "lbpf_isa.h"
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
#line 1521 "lit/pbt.nw"
static uintptr_t arena_address = 0x20000000u;
static struct lbpf_region extra_regions[LBPF_PBT_MAX_EXTRA];
static size_t nextra;

void lbpf_pbt_place(uintptr_t address, const struct lbpf_region *extra, size_t n) {
  arena_address = address;
  nextra = n < LBPF_PBT_MAX_EXTRA ? n : LBPF_PBT_MAX_EXTRA;
  if (nextra) memcpy(extra_regions, extra, nextra * sizeof extra[0]);
}

static uint8_t *arena_block(void) {
  static uint8_t *block;
  if (block == NULL) {
    void *p = mmap((void *)arena_address, ARENA, PROT_READ | PROT_WRITE,
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
#line 1560 "lit/pbt.nw"
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

/* Programs reach the read-only region through an lddw of
   LBPF_PBT_RO_ADDRESS, bound here to the region's place in the arena. */
static void bind_ro(const struct lbpf_pbt_case *c, const struct arena *a, uint8_t *code) {
  for (uint32_t i = 0; i + 1 < c->nslots; i++)
    if (lbpf_is_lddw(c->insns[i].opcode) && ((uint64_t)(uint32_t)c->insns[i + 1].imm << 32 |
                                             (uint32_t)c->insns[i].imm) == LBPF_PBT_RO_ADDRESS) {
      uint64_t addr = (uint64_t)(uintptr_t)a->ro;
      for (int b = 0; b < 4; b++) {
        code[(size_t)i * 8 + 4 + b] = (uint8_t)(addr >> (8 * b));
        code[(size_t)i * 8 + 12 + b] = (uint8_t)(addr >> (32 + 8 * b));
      }
    }
}

/* The standard environment, with the case's stack, budget and read-only
   region, laid out in the arena, then the extra regions. */
static void case_env(const struct lbpf_pbt_case *c, const struct arena *a,
                     struct lbpf_region regions[1 + LBPF_PBT_MAX_EXTRA], struct lbpf_env *env) {
  lbpf_test_env(env, a->stack, a->stack_size, c->budget);
  size_t n = 0;
  if (c->ro_len > 0) regions[n++] = (struct lbpf_region){a->ro, c->ro_len, LBPF_PERM_READ};
  for (size_t i = 0; i < nextra; i++)
    regions[n++] = extra_regions[i];
  env->regions = regions;
  env->nregions = n;
}

/* Lay the case out in the arena: a, and l's code and environment. */
static bool lay_out(const struct lbpf_pbt_case *c, unsigned shift, struct arena *a,
                    struct lbpf_pbt_layout *l) {
  uint8_t *block = arena_block();
  if (block == NULL) return false;
  lbpf_pbt_encode(c, l->code);
  l->code_size = (size_t)c->nslots * 8;
  arena_init(a, block, c, shift);
  bind_ro(c, a, l->code);
  case_env(c, a, l->regions, &l->env);
  l->mem = a->mem;
  l->arena = block;
  l->arena_len = ARENA;
  return true;
}

bool lbpf_pbt_lay_out(const struct lbpf_pbt_case *c, unsigned shift, struct lbpf_pbt_layout *l) {
  struct arena a;
  return lay_out(c, shift, &a, l);
}

bool lbpf_pbt_run(const struct lbpf_engine *e, const struct lbpf_pbt_case *c, unsigned shift,
                  struct lbpf_outcome *out) {
  static struct lbpf_pbt_layout l;
  struct arena a;
  struct lbpf_area areas[LBPF_MAX_AREAS];
  lbpf_outcome_free(out);
  memset(out, 0, sizeof *out);
  if (!lay_out(c, shift, &a, &l)) {
    out->load = LBPF_ERR_ARGUMENT;
    return false;
  }
  size_t state_size = e->state_size(l.code_size) + 1;
  void *state = malloc(state_size);
  if (state == NULL) {
    out->load = LBPF_ERR_ARGUMENT;
    return false;
  }
  memset(state, 0xa5, state_size); /* no free zeros */
  out->load = e->load(state, l.code, l.code_size, &l.env, &out->fault);
  if (out->load == LBPF_OK) e->run(state, a.mem, c->mem_len, &out->result);
  free(state);
  lbpf_outcome_capture(out, areas, lbpf_areas(&l.env, a.mem, c->mem_len, areas));
  return guards_intact(&a, c);
}
#line 1667 "lit/pbt.nw"
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
  static struct lbpf_pbt_layout l;
  struct arena arena;
  struct guard_check g = {&arena, c};
  lbpf_comparison_free(report);
  memset(report, 0, sizeof *report);
  if (!lay_out(c, 0, &arena, &l)) return report->diff = LBPF_DIFF_LOAD;
  return lbpf_compare(a, b, l.code, l.code_size, &l.env, arena.mem, c->mem_len, check_and_reset, &g,
                      report);
}
