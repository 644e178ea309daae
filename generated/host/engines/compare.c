#line 319 "lit/engines.nw"
#include "lbpf_compare.h"

#include <stdlib.h>
#include <string.h>

unsigned lbpf_areas(const struct lbpf_env *env, uint8_t *mem, size_t mem_len,
                    struct lbpf_area areas[LBPF_MAX_AREAS]) {
  unsigned n = 0;
  areas[n++] = (struct lbpf_area){mem, mem != NULL ? mem_len : 0};
  areas[n++] = (struct lbpf_area){env->stack, env->stack != NULL ? env->stack_size : 0};
  for (size_t i = 0; i < env->nregions && n < LBPF_MAX_AREAS; i++)
    if (env->regions[i].perm & LBPF_PERM_WRITE)
      areas[n++] = (struct lbpf_area){env->regions[i].base, env->regions[i].length};
  return n;
}

void lbpf_outcome_capture(struct lbpf_outcome *out, const struct lbpf_area *areas,
                          unsigned nareas) {
  out->nareas = nareas;
  for (unsigned k = 0; k < nareas; k++) {
    out->len[k] = areas[k].len;
    out->bytes[k] = malloc(areas[k].len ? areas[k].len : 1);
    if (out->bytes[k] == NULL) abort(); /* a check that cannot record cannot pass */
    if (areas[k].len) memcpy(out->bytes[k], areas[k].at, areas[k].len);
  }
}

void lbpf_outcome_free(struct lbpf_outcome *out) {
  for (unsigned k = 0; k < out->nareas; k++)
    free(out->bytes[k]);
  out->nareas = 0;
}
#line 417 "lit/engines.nw"
static int64_t first_difference(const uint8_t *x, const uint8_t *y, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (x[i] != y[i]) return (int64_t)i;
  return -1;
}

unsigned lbpf_compare_outcomes(struct lbpf_comparison *c, unsigned counters) {
  const struct lbpf_outcome *x = &c->a, *y = &c->b;
  unsigned d = 0;
  for (unsigned k = 0; k < LBPF_MAX_AREAS; k++)
    c->first[k] = -1;
  if (x->load != y->load || (x->load != LBPF_OK && x->fault.pc != y->fault.pc)) d |= LBPF_DIFF_LOAD;
  if (x->load == LBPF_OK && y->load == LBPF_OK) {
    const struct lbpf_result *p = &x->result, *q = &y->result;
    if (p->status != q->status)
      d |= LBPF_DIFF_STATUS;
    else if (p->status != LBPF_OK && p->pc != q->pc)
      d |= LBPF_DIFF_PC;
    else if (p->status == LBPF_OK && p->r0 != q->r0)
      d |= LBPF_DIFF_R0;
    for (unsigned k = 0; k < x->nareas && k < y->nareas; k++) {
      size_t n = x->len[k] < y->len[k] ? x->len[k] : y->len[k];
      c->first[k] = first_difference(x->bytes[k], y->bytes[k], n);
      if (c->first[k] >= 0 || x->len[k] != y->len[k]) d |= LBPF_DIFF_MEMORY;
    }
    if (x->nareas != y->nareas) d |= LBPF_DIFF_MEMORY;
    if ((counters & LBPF_DIFF_BUDGET) && p->budget_used != q->budget_used) d |= LBPF_DIFF_BUDGET;
    if ((counters & LBPF_DIFF_INSNS) && p->insns != q->insns) d |= LBPF_DIFF_INSNS;
  }
  if (!c->check_a || !c->check_b) d |= LBPF_DIFF_CHECK;
  c->diff = d;
  return d;
}
#line 455 "lit/engines.nw"
void lbpf_outcome_restore(const struct lbpf_outcome *o, const struct lbpf_area *areas) {
  for (unsigned k = 0; k < o->nareas; k++)
    if (o->len[k]) memcpy(areas[k].at, o->bytes[k], o->len[k]);
}

static void run_once(const struct lbpf_engine *e, const uint8_t *code, size_t size,
                     const struct lbpf_env *env, uint8_t *mem, size_t mem_len,
                     const struct lbpf_area *areas, unsigned nareas, struct lbpf_outcome *out) {
  size_t state_size = e->state_size(size) + 1;
  void *state = malloc(state_size);
  memset(out, 0, sizeof *out);
  if (state == NULL) abort();
  memset(state, 0xa5, state_size);
  out->load = e->load(state, code, size, env, &out->fault);
  if (out->load == LBPF_OK) e->run(state, mem, mem_len, &out->result);
  free(state);
  lbpf_outcome_capture(out, areas, nareas);
}

unsigned lbpf_compare(const struct lbpf_engine *a, const struct lbpf_engine *b, const uint8_t *code,
                      size_t size, const struct lbpf_env *env, uint8_t *mem, size_t mem_len,
                      bool (*check)(void *ctx), void *ctx, struct lbpf_comparison *c) {
  struct lbpf_area areas[LBPF_MAX_AREAS];
  struct lbpf_outcome initial = {0};
  const unsigned n = lbpf_areas(env, mem, mem_len, areas);
  memset(c, 0, sizeof *c);
  c->name_a = a->name;
  c->name_b = b->name;
  lbpf_outcome_capture(&initial, areas, n);
  run_once(a, code, size, env, mem, mem_len, areas, n, &c->a);
  c->check_a = check == NULL || check(ctx);
  lbpf_outcome_restore(&initial, areas);
  run_once(b, code, size, env, mem, mem_len, areas, n, &c->b);
  c->check_b = check == NULL || check(ctx);
  lbpf_outcome_restore(&initial, areas);
  lbpf_outcome_free(&initial);
  return lbpf_compare_outcomes(c, lbpf_engine_counters(a) & lbpf_engine_counters(b));
}

void lbpf_comparison_free(struct lbpf_comparison *c) {
  lbpf_outcome_free(&c->a);
  lbpf_outcome_free(&c->b);
}
#line 507 "lit/engines.nw"
unsigned lbpf_engine_counters(const struct lbpf_engine *e) {
  static const struct lbpf_engine *known[16];
  static unsigned answer[16];
  static unsigned nknown;
  for (unsigned i = 0; i < nknown; i++)
    if (known[i] == e) return answer[i];
  static const uint8_t probe[] = {
      0xb7, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, /* r0 = 2 */
      0x17, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, /* r0 -= 1 */
      0x55, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x00, 0x00, /* if r0 != 0 goto -2 */
      0x95, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, /* exit */
  };
  /* 8 bytes of input, in a larger buffer: a checker's planted stray write
     just past the input stays in memory the probe owns */
  static uint8_t stack[LBPF_STACK_SIZE], mem[64];
  struct lbpf_env env;
  struct lbpf_area areas[LBPF_MAX_AREAS];
  struct lbpf_outcome out;
  lbpf_test_env(&env, stack, sizeof stack, 10);
  const unsigned n = lbpf_areas(&env, mem, 8, areas);
  run_once(e, probe, sizeof probe, &env, mem, 8, areas, n, &out);
  unsigned has =
      (out.result.budget_used ? LBPF_DIFF_BUDGET : 0) | (out.result.insns ? LBPF_DIFF_INSNS : 0);
  lbpf_outcome_free(&out);
  if (nknown < 16) known[nknown] = e, answer[nknown++] = has;
  return has;
}
#line 542 "lit/engines.nw"
static void describe_outcome(FILE *f, const char *name, const struct lbpf_outcome *o, bool check) {
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
          (unsigned long long)r->budget_used, check ? "" : " CHECK FAILED");
}

void lbpf_comparison_describe(const struct lbpf_comparison *c, FILE *f) {
  static const char *const what[] = {"load",   "status", "pc",    "r0",
                                     "memory", "budget", "insns", "check"};
  fprintf(f, "  differs in:");
  for (unsigned i = 0; i < sizeof what / sizeof what[0]; i++)
    if (c->diff & (1u << i)) fprintf(f, " %s", what[i]);
  fprintf(f, "\n");
  describe_outcome(f, c->name_a, &c->a, c->check_a);
  describe_outcome(f, c->name_b, &c->b, c->check_b);
  for (unsigned k = 0; k < c->a.nareas && k < c->b.nareas; k++) {
    const int64_t at = c->first[k];
    if (at < 0) continue;
    if (k == 0)
      fprintf(f, "  memory[%lld]:", (long long)at);
    else if (k == 1)
      fprintf(f, "  stack[top - %lld]:", (long long)c->a.len[1] - (long long)at);
    else
      fprintf(f, "  region %u[%lld]:", k - 2, (long long)at);
    fprintf(f, " %s 0x%02x, %s 0x%02x\n", c->name_a, c->a.bytes[k][at], c->name_b,
            c->b.bytes[k][at]);
  }
}
