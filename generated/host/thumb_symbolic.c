#line 364 "lit/thumb-symbolic.nw"
/* The symbolic instance of the Thumb-2 semantics: the same step function as
   the concrete machine, over Z3 terms. */
#include "lbpf_thumb_sym.h"
#include <string.h>

#line 32 "lit/thumb-symbolic.nw"
typedef Z3_ast V;
#define CTX (m->ctx)
#define K(x) Z3_mk_unsigned_int(CTX, (unsigned)(x), m->bv32)
#define ADD(a, b) Z3_mk_bvadd(CTX, (a), (b))
#define SUB(a, b) Z3_mk_bvsub(CTX, (a), (b))
#define MUL(a, b) Z3_mk_bvmul(CTX, (a), (b))
#define AND(a, b) Z3_mk_bvand(CTX, (a), (b))
#define OR(a, b) Z3_mk_bvor(CTX, (a), (b))
#define XOR(a, b) Z3_mk_bvxor(CTX, (a), (b))
#define NOT(a) Z3_mk_bvnot(CTX, (a))
#define SHL(a, n) Z3_mk_bvshl(CTX, (a), (n))
#define LSHR(a, n) Z3_mk_bvlshr(CTX, (a), (n))
#define ASHR(a, n) Z3_mk_bvashr(CTX, (a), (n))
#define BOOL01(b) Z3_mk_ite(CTX, (b), m->one, m->zero)
#define EQ(a, b) BOOL01(Z3_mk_eq(CTX, (a), (b)))
#define ULT(a, b) BOOL01(Z3_mk_bvult(CTX, (a), (b)))
#define ITE(c, a, b) Z3_mk_ite(CTX, Z3_mk_eq(CTX, (c), m->one), (a), (b))
#define UDIV(a, b) Z3_mk_bvudiv(CTX, (a), (b))
#define SDIV(a, b) Z3_mk_bvsdiv(CTX, (a), (b))
#define MULHU(a, b) mul_high(m, (a), (b), false)
#define MULHS(a, b) mul_high(m, (a), (b), true)
#define CONCRETE(m, v, out) concrete_value((m), (v), (out))
#define ADDRESS(m, v, out) address_value((m), (v), (out))
#line 64 "lit/thumb-symbolic.nw"
struct machine {
  Z3_context ctx;
  Z3_sort bv32;
  Z3_ast zero, one;
  Z3_ast r[16], n, z, c, v, pass;
  unsigned itstate;
  uint32_t pc, fault_addr;
  const uint8_t *code;
  size_t code_len;
  uint32_t code_base;
  struct lbpf_thumb_sym_area *areas;
  size_t nareas;
  struct lbpf_thumb_sym_area *placed; /* this step's access is relative to it (see below) */
  const uint8_t *decisions;           /* see "Both sides of a branch" */
  size_t ndecisions, decided;
  Z3_ast path, decided_term;
  uint32_t decided_value;
  bool lacks_decision;
};
#define MACHINE struct machine

static Z3_ast mul_high(struct machine *m, Z3_ast a, Z3_ast b, bool is_signed) {
  Z3_ast a64 = is_signed ? Z3_mk_sign_ext(CTX, 32, a) : Z3_mk_zero_ext(CTX, 32, a);
  Z3_ast b64 = is_signed ? Z3_mk_sign_ext(CTX, 32, b) : Z3_mk_zero_ext(CTX, 32, b);
  return Z3_mk_extract(CTX, 63, 32, Z3_mk_bvmul(CTX, a64, b64));
}
static bool decide_condition(struct machine *m, Z3_ast v, uint32_t *out);
static bool concrete_value(struct machine *m, Z3_ast v, uint32_t *out) {
  Z3_ast s = Z3_simplify(CTX, v);
  unsigned u;
  if (!Z3_is_numeral_ast(CTX, s) || !Z3_get_numeral_uint(CTX, s, &u))
    return decide_condition(m, v, out);
  *out = u;
  return true;
}
#line 117 "lit/thumb-symbolic.nw"
static bool decide_condition(struct machine *m, Z3_ast v, uint32_t *out) {
  if (v == m->decided_term) {
    *out = m->decided_value;
    return true;
  }
  if (v != m->pass) return false;
  if (m->decided >= m->ndecisions) {
    m->lacks_decision = true;
    return false;
  }
  uint32_t d = m->decisions[m->decided++] != 0;
  Z3_ast assumed = Z3_mk_eq(CTX, v, d ? m->one : m->zero);
  Z3_ast both[2] = {m->path, assumed};
  m->path = m->path ? Z3_mk_and(CTX, 2, both) : assumed;
  m->decided_term = v, m->decided_value = d;
  *out = d;
  return true;
}
#line 162 "lit/thumb-symbolic.nw"
static struct lbpf_thumb_sym_area *find_area(struct machine *m, uint32_t addr, uint32_t size,
                                             unsigned perm) {
  if (m->placed) {
    struct lbpf_thumb_sym_area *a = m->placed;
    return (a->perm & perm) == perm && size <= a->size && addr <= a->size - size ? a : NULL;
  }
  for (size_t k = 0; k < m->nareas; k++) {
    struct lbpf_thumb_sym_area *a = &m->areas[k];
    if (a->at) continue;
    if ((a->perm & perm) == perm && size <= a->size && addr - a->base <= a->size - size) return a;
  }
  return NULL;
}
static uint32_t area_origin(const struct machine *m, const struct lbpf_thumb_sym_area *a) {
  return m->placed ? 0 : a->base;
}
/* The base of a single load or store: a known address, or an offset into
   an area placed at a symbolic address. */
static bool address_value(struct machine *m, Z3_ast v, uint32_t *out) {
  if (concrete_value(m, v, out)) return true;
  for (size_t k = 0; k < m->nareas; k++) {
    if (!m->areas[k].at) continue;
    Z3_ast d = Z3_simplify(CTX, Z3_mk_bvsub(CTX, v, m->areas[k].at));
    unsigned u;
    if (Z3_is_numeral_ast(CTX, d) && Z3_get_numeral_uint(CTX, d, &u)) {
      m->placed = &m->areas[k];
      *out = u;
      return true;
    }
  }
  return false;
}
static Z3_ast load_terms(struct machine *m, uint32_t addr, uint32_t size) {
  struct lbpf_thumb_sym_area *a = find_area(m, addr, size, LBPF_THUMB_READ);
  uint32_t off = addr - area_origin(m, a);
  Z3_ast v = a->bytes[off + size - 1];
  for (uint32_t k = size - 1; k-- > 0;)
    v = Z3_mk_concat(CTX, v, a->bytes[off + k]);
  return size == 4 ? v : Z3_mk_zero_ext(CTX, 32 - 8 * size, v);
}
static void store_terms(struct machine *m, uint32_t addr, uint32_t size, Z3_ast v) {
  struct lbpf_thumb_sym_area *a = find_area(m, addr, size, LBPF_THUMB_WRITE);
  uint32_t off = addr - area_origin(m, a);
  for (uint32_t k = 0; k < size; k++)
    a->bytes[off + k] = Z3_simplify(CTX, Z3_mk_extract(CTX, 8 * k + 7, 8 * k, v));
}
static bool fetch_code(struct machine *m, uint32_t addr, uint16_t *hw) {
  uint32_t off = addr - m->code_base;
  if (off >= m->code_len || m->code_len - off < 2) return false;
  *hw = (uint16_t)(m->code[off] | m->code[off + 1] << 8);
  return true;
}
#define ACCESSIBLE(m, addr, size, perm) (find_area((m), (addr), (size), (perm)) != NULL)
#define LOAD(m, addr, size) load_terms((m), (addr), (size))
#define STORE(m, addr, size, v) store_terms((m), (addr), (size), (v))
#define FETCH(m, addr, hw) fetch_code((m), (addr), (hw))
#line 371 "lit/thumb-symbolic.nw"
#include "../thumb/thumb_semantics.h"
#line 226 "lit/thumb-symbolic.nw"
static bool is_stop(const struct lbpf_thumb_sym_state *s, uint32_t pc);

void lbpf_thumb_sym_init(struct lbpf_thumb_sym_state *s, Z3_context ctx) {
  memset(s, 0, sizeof *s);
  s->ctx = ctx;
  Z3_sort bv32 = Z3_mk_bv_sort(ctx, 32);
  static const char *const flag_names[4] = {"n", "z", "c", "v"};
  Z3_ast *flags[4] = {&s->n, &s->z, &s->c, &s->v};
  for (int k = 0; k < 16; k++) {
    char name[8] = {'r', (char)('0' + k / 10), (char)('0' + k % 10), 0};
    s->r[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), bv32);
  }
  for (int k = 0; k < 4; k++)
    *flags[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, flag_names[k]), Z3_mk_bool_sort(ctx));
}

enum lbpf_thumb_status lbpf_thumb_sym_run(struct lbpf_thumb_sym_state *s, const uint8_t *code,
                                          size_t code_len, uint32_t code_base,
                                          struct lbpf_thumb_sym_area *areas, size_t nareas,
                                          uint32_t sentinel, uint64_t max_steps,
                                          struct lbpf_thumb_result *result) {
  struct machine mm, *m = &mm;
  memset(m, 0, sizeof *m);
  m->ctx = s->ctx;
  m->bv32 = Z3_mk_bv_sort(m->ctx, 32);
  m->zero = K(0), m->one = K(1);
  memcpy(m->r, s->r, sizeof m->r);
  m->n = BOOL01(s->n), m->z = BOOL01(s->z), m->c = BOOL01(s->c), m->v = BOOL01(s->v);
  m->itstate = s->itstate & 0xff;
  m->pc = s->pc & ~1u;
  m->code = code, m->code_len = code_len, m->code_base = code_base;
  m->areas = areas, m->nareas = nareas;
  m->decisions = s->decisions, m->ndecisions = s->ndecisions;
  sentinel &= ~1u;
  memset(result, 0, sizeof *result);
  enum lbpf_thumb_status status = LBPF_THUMB_RETURNED;
  for (;;) {
    if (m->pc == sentinel || is_stop(s, m->pc)) break;
    if (result->insns >= max_steps) {
      status = LBPF_THUMB_STEP_LIMIT;
      break;
    }
    struct step_info info;
    m->decided_term = NULL, m->lacks_decision = false, m->placed = NULL;
    int err = step(m, &info);
    result->insns++;
    if (err) {
      status = (enum lbpf_thumb_status)err;
      result->fault_addr = m->fault_addr;
      break;
    }
    for (int k = 0; k < 15; k++)
      m->r[k] = Z3_simplify(m->ctx, m->r[k]);
    m->n = Z3_simplify(m->ctx, m->n), m->z = Z3_simplify(m->ctx, m->z);
    m->c = Z3_simplify(m->ctx, m->c), m->v = Z3_simplify(m->ctx, m->v);
  }
  result->status = status;
  result->pc = m->pc;
  memcpy(s->r, m->r, sizeof s->r);
  s->r[15] = K(m->pc);
  s->pc = m->pc;
  Z3_ast *flags[4] = {&s->n, &s->z, &s->c, &s->v}, bits[4] = {m->n, m->z, m->c, m->v};
  for (int k = 0; k < 4; k++)
    *flags[k] = Z3_simplify(CTX, Z3_mk_eq(CTX, bits[k], m->one));
  s->itstate = m->itstate;
  s->decided = m->decided, s->path = m->path;
  s->lacks_decision = status == LBPF_THUMB_SYMBOLIC && m->lacks_decision;
  return status;
}
#line 299 "lit/thumb-symbolic.nw"
static bool is_stop(const struct lbpf_thumb_sym_state *s, uint32_t pc) {
  for (size_t k = 0; k < s->nstops; k++)
    if ((s->stops[k] & ~1u) == pc) return true;
  return false;
}
