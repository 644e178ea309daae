#line 1534 "lit/pbt.nw"
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
#line 1568 "lit/pbt.nw"
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
#line 1599 "lit/pbt.nw"
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

static void run_in(const struct lbpf_engine *e, const struct lbpf_pbt_case *c, uint8_t *block,
                   unsigned shift, struct lbpf_pbt_outcome *out) {
  uint8_t code[LBPF_PBT_MAX_SLOTS * 8];
  size_t size = (size_t)c->nslots * 8;
  struct arena a;
  lbpf_pbt_encode(c, code);
  arena_init(&a, block, c, shift);
  for (uint32_t i = 0; i + 1 < c->nslots; i++) /* bind the read-only region's address */
    if (lbpf_is_lddw(c->insns[i].opcode) && ((uint64_t)(uint32_t)c->insns[i + 1].imm << 32 |
                                             (uint32_t)c->insns[i].imm) == LBPF_PBT_RO_ADDRESS) {
      uint64_t addr = (uint64_t)(uintptr_t)a.ro;
      for (int b = 0; b < 4; b++) {
        code[(size_t)i * 8 + 4 + b] = (uint8_t)(addr >> (8 * b));
        code[(size_t)i * 8 + 12 + b] = (uint8_t)(addr >> (32 + 8 * b));
      }
    }
  struct lbpf_env env;
  memset(&env, 0, sizeof env);
  env.helpers = lbpf_pbt_helpers;
  env.nhelpers = lbpf_pbt_nhelpers;
  struct lbpf_region ro = {a.ro, c->ro_len, LBPF_PERM_READ};
  env.regions = &ro;
  env.nregions = c->ro_len > 0;
  env.budget = c->budget;
  env.stack = a.stack;
  env.stack_size = a.stack_size;
  memset(out, 0, sizeof *out);
  out->mem_len = c->mem_len;
  out->stack_size = (uint32_t)a.stack_size;
  void *state = malloc(e->state_size(size) + 1);
  if (state == NULL) {
    out->load = LBPF_ERR_ARGUMENT;
    return;
  }
  memset(state, 0xa5, e->state_size(size) + 1);
  out->load = e->load(state, code, size, &env, &out->fault);
  if (out->load == LBPF_OK) e->run(state, a.mem, c->mem_len, &out->result);
  free(state);
  memcpy(out->mem, a.mem, c->mem_len);
  memcpy(out->stack, a.stack, a.stack_size);
  out->guards_intact = guards_intact(&a, c);
}

void lbpf_pbt_run(const struct lbpf_engine *e, const struct lbpf_pbt_case *c, unsigned shift,
                  struct lbpf_pbt_outcome *out) {
  uint8_t *block = arena_block();
  if (block == NULL) {
    memset(out, 0, sizeof *out);
    out->load = LBPF_ERR_ARGUMENT;
    return;
  }
  run_in(e, c, block, shift, out);
}
#line 1725 "lit/pbt.nw"
static int32_t first_difference(const uint8_t *x, const uint8_t *y, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (x[i] != y[i]) return (int32_t)i;
  return -1;
}

/* Which counters an engine fills: asked once per engine, with a probe
   r0 = 2; loop: r0 -= 1; if r0 != 0 goto loop; exit
   that executes 6 instructions and takes 1 backward jump. */
enum { COUNTS_BUDGET = 1, COUNTS_INSNS = 2 };

static unsigned counts(const struct lbpf_engine *e) {
  static const struct lbpf_engine *known[16];
  static unsigned answer[16];
  static unsigned nknown;
  for (unsigned i = 0; i < nknown; i++)
    if (known[i] == e) return answer[i];
  static struct lbpf_pbt_case probe;
  static struct lbpf_pbt_outcome out;
  memset(&probe, 0, sizeof probe);
  probe.insns[0] = (struct lbpf_insn){LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_K, 0, 0, 0, 2};
  probe.insns[1] = (struct lbpf_insn){LBPF_CLASS_ALU64 | LBPF_ALU_SUB | LBPF_SRC_K, 0, 0, 0, 1};
  probe.insns[2] = (struct lbpf_insn){LBPF_CLASS_JMP | LBPF_JMP_JNE | LBPF_SRC_K, 0, 0, -2, 0};
  probe.insns[3] = (struct lbpf_insn){LBPF_CLASS_JMP | LBPF_JMP_EXIT, 0, 0, 0, 0};
  probe.nslots = 4;
  probe.frames = 1;
  probe.budget = 10;
  run_in(e, &probe, arena_block(), 0, &out);
  unsigned has =
      (out.result.budget_used ? COUNTS_BUDGET : 0) | (out.result.insns ? COUNTS_INSNS : 0);
  if (nknown < 16) known[nknown] = e, answer[nknown++] = has;
  return has;
}

unsigned lbpf_pbt_compare(const struct lbpf_engine *a, const struct lbpf_engine *b,
                          const struct lbpf_pbt_case *c, struct lbpf_pbt_report *report) {
  struct lbpf_pbt_outcome *x = &report->a, *y = &report->b;
  unsigned d = 0;
  report->engine_a = a;
  report->engine_b = b;
  report->mem_at = report->stack_at = -1;
  uint8_t *block = arena_block();
  if (block == NULL) {
    report->diff = LBPF_PBT_DIFF_LOAD;
    return report->diff;
  }
  run_in(a, c, block, 0, x);
  run_in(b, c, block, 0, y);
  if (x->load != y->load || (x->load != LBPF_OK && x->fault.pc != y->fault.pc))
    d |= LBPF_PBT_DIFF_LOAD;
  if (x->load == LBPF_OK && y->load == LBPF_OK) {
    const struct lbpf_result *p = &x->result, *q = &y->result;
    if (p->status != q->status)
      d |= LBPF_PBT_DIFF_STATUS;
    else if (p->status != LBPF_OK && p->pc != q->pc)
      d |= LBPF_PBT_DIFF_PC;
    else if (p->status == LBPF_OK && p->r0 != q->r0)
      d |= LBPF_PBT_DIFF_R0;
    report->mem_at = first_difference(x->mem, y->mem, c->mem_len);
    report->stack_at = first_difference(x->stack, y->stack, x->stack_size);
    if (report->mem_at >= 0) d |= LBPF_PBT_DIFF_MEM;
    if (report->stack_at >= 0) d |= LBPF_PBT_DIFF_STACK;
    if ((counts(a) & counts(b) & COUNTS_BUDGET) && p->budget_used != q->budget_used)
      d |= LBPF_PBT_DIFF_BUDGET;
    if ((counts(a) & counts(b) & COUNTS_INSNS) && p->insns != q->insns) d |= LBPF_PBT_DIFF_INSNS;
  }
  if (!x->guards_intact || !y->guards_intact) d |= LBPF_PBT_DIFF_GUARD;
  report->diff = d;
  return d;
}
#line 1800 "lit/pbt.nw"
static void describe_result(FILE *f, const char *name, const struct lbpf_pbt_outcome *o) {
  if (o->load != LBPF_OK) {
    fprintf(f, "  %-8s refused at load: %s at pc %u\n", name, lbpf_status_name(o->load),
            (unsigned)o->fault.pc);
    return;
  }
  const struct lbpf_result *r = &o->result;
  if (r->status == LBPF_OK)
    fprintf(f, "  %-8s ok, r0 = 0x%llx", name, (unsigned long long)r->r0);
  else
    fprintf(f, "  %-8s %s at pc %u", name, lbpf_status_name(r->status), (unsigned)r->pc);
  fprintf(f, " (insns %llu, budget used %llu)%s\n", (unsigned long long)r->insns,
          (unsigned long long)r->budget_used, o->guards_intact ? "" : " GUARD BYTES CHANGED");
}

void lbpf_pbt_describe(const struct lbpf_pbt_report *r, FILE *f) {
  static const char *const what[] = {"load",  "status", "pc",     "r0",   "memory",
                                     "stack", "guard",  "budget", "insns"};
  fprintf(f, "  differs in:");
  for (unsigned i = 0; i < sizeof what / sizeof what[0]; i++)
    if (r->diff & (1u << i)) fprintf(f, " %s", what[i]);
  fprintf(f, "\n");
  describe_result(f, r->engine_a->name, &r->a);
  describe_result(f, r->engine_b->name, &r->b);
  if (r->mem_at >= 0)
    fprintf(f, "  memory[%d]: %s 0x%02x, %s 0x%02x\n", r->mem_at, r->engine_a->name,
            r->a.mem[r->mem_at], r->engine_b->name, r->b.mem[r->mem_at]);
  if (r->stack_at >= 0)
    fprintf(f, "  stack[top - %d]: %s 0x%02x, %s 0x%02x\n", (int)r->a.stack_size - r->stack_at,
            r->engine_a->name, r->a.stack[r->stack_at], r->engine_b->name, r->b.stack[r->stack_at]);
}
