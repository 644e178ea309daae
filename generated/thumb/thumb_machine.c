#line 987 "lit/thumb-sem.nw"
/* The concrete instance of the Thumb-2 semantics (freestanding). */
#include "lbpf_thumb.h"
#include <string.h>

#line 762 "lit/thumb-sem.nw"
typedef uint32_t V;
static inline uint32_t shl32(uint32_t a, uint32_t n) {
  return n >= 32 ? 0 : a << n;
}
static inline uint32_t lshr32(uint32_t a, uint32_t n) {
  return n >= 32 ? 0 : a >> n;
}
static inline uint32_t ashr32(uint32_t a, uint32_t n) {
  uint32_t fill = (a >> 31) ? 0xffffffffu : 0;
  return n >= 32 ? fill : (a >> n) | (n ? fill << (32 - n) : 0);
}
static inline uint32_t sdiv32(uint32_t a, uint32_t b) {
  uint32_t ua = a >> 31 ? 0u - a : a, ub = b >> 31 ? 0u - b : b, q = ua / ub;
  return (a ^ b) >> 31 ? 0u - q : q;
}
static inline uint32_t mulhs32(uint32_t a, uint32_t b) {
  uint64_t p = (uint64_t)a * b; /* correct the unsigned product for the signs */
  uint32_t hi = (uint32_t)(p >> 32);
  if (a >> 31) hi -= b;
  if (b >> 31) hi -= a;
  return hi;
}
#define K(x) ((uint32_t)(x))
#define ADD(a, b) ((uint32_t)((a) + (b)))
#define SUB(a, b) ((uint32_t)((a) - (b)))
#define MUL(a, b) ((uint32_t)((uint32_t)(a) * (uint32_t)(b)))
#define AND(a, b) ((uint32_t)((a) & (b)))
#define OR(a, b) ((uint32_t)((a) | (b)))
#define XOR(a, b) ((uint32_t)((a) ^ (b)))
#define NOT(a) ((uint32_t) ~(a))
#define SHL(a, n) shl32((a), (n))
#define LSHR(a, n) lshr32((a), (n))
#define ASHR(a, n) ashr32((a), (n))
#define EQ(a, b) ((uint32_t)((a) == (b)))
#define ULT(a, b) ((uint32_t)((a) < (b)))
#define ITE(c, a, b) ((c) ? (a) : (b))
#define UDIV(a, b) ((a) / (b))
#define SDIV(a, b) sdiv32((a), (b))
#define MULHU(a, b) ((uint32_t)(((uint64_t)(a) * (b)) >> 32))
#define MULHS(a, b) mulhs32((a), (b))
#define CONCRETE(m, v, out) ((void)(m), *(out) = (v), true)
#define ADDRESS(m, v, out) CONCRETE(m, v, out)
#line 813 "lit/thumb-sem.nw"
struct machine {
  uint32_t r[16], n, z, c, v;
  unsigned itstate;
  uint32_t pc, pass, fault_addr;
  const struct lbpf_thumb_area *areas;
  size_t nareas;
};
#define MACHINE struct machine

static const struct lbpf_thumb_area *find_area(const struct machine *m, uint32_t addr,
                                               uint32_t size, unsigned perm) {
  for (size_t k = 0; k < m->nareas; k++) {
    const struct lbpf_thumb_area *a = &m->areas[k];
    if ((a->perm & perm) == perm && size <= a->size && addr - a->base <= a->size - size) return a;
  }
  return NULL;
}
static uint32_t load_bytes(const struct machine *m, uint32_t addr, uint32_t size) {
  const struct lbpf_thumb_area *a = find_area(m, addr, size, LBPF_THUMB_READ);
  uint32_t v = 0;
  for (uint32_t k = 0; k < size; k++)
    v |= (uint32_t)a->bytes[addr - a->base + k] << (8 * k);
  return v;
}
static void store_bytes(const struct machine *m, uint32_t addr, uint32_t size, uint32_t v) {
  const struct lbpf_thumb_area *a = find_area(m, addr, size, LBPF_THUMB_WRITE);
  for (uint32_t k = 0; k < size; k++)
    a->bytes[addr - a->base + k] = (uint8_t)(v >> (8 * k));
}
static bool fetch_halfword(const struct machine *m, uint32_t addr, uint16_t *hw) {
  const struct lbpf_thumb_area *a = find_area(m, addr, 2, LBPF_THUMB_EXEC);
  if (!a) return false;
  *hw = (uint16_t)(a->bytes[addr - a->base] | a->bytes[addr - a->base + 1] << 8);
  return true;
}
#define ACCESSIBLE(m, addr, size, perm) (find_area((m), (addr), (size), (perm)) != NULL)
#define LOAD(m, addr, size) load_bytes((m), (addr), (size))
#define STORE(m, addr, size, v) store_bytes((m), (addr), (size), (v))
#define FETCH(m, addr, hw) fetch_halfword((m), (addr), (hw))
#line 993 "lit/thumb-sem.nw"
#include "thumb_semantics.h"
#line 878 "lit/thumb-sem.nw"
static unsigned refill(const struct machine *m, uint32_t target) {
  uint16_t hw;
  bool wide = fetch_halfword(m, target, &hw) && lbpf_thumb_insn_size(hw) == 2;
  return 1 + (wide && (target & 2));
}
static unsigned clz32(uint32_t x) {
  unsigned n = 0;
  for (; n < 32 && !(x >> 31); n++)
    x <<= 1;
  return n;
}
static unsigned cycles_of(const struct machine *m, const struct step_info *s, bool *prev_single) {
  const struct lbpf_thumb_insn *i = &s->insn;
  bool single = false;
  unsigned c = 1;
  if (s->executed) {
    switch (i->form) {
    case LBPF_THUMB_F_DIV: {
      unsigned qbits = s->div_m == 0 || clz32(s->div_m) < clz32(s->div_n)
                           ? 0
                           : clz32(s->div_m) - clz32(s->div_n);
      c = 2 + (qbits + 3) / 4;
      break;
    }
    case LBPF_THUMB_F_LDST_REG16:
    case LBPF_THUMB_F_LDST_IMM16:
    case LBPF_THUMB_F_LDST_SP16:
    case LBPF_THUMB_F_LDST_IMM12:
    case LBPF_THUMB_F_LDST_NEG8:
    case LBPF_THUMB_F_LDST_REG:
      single = true;
      c = *prev_single ? 1 : 2;
      break;
    case LBPF_THUMB_F_LDRD_STRD: c = 3; break;
    case LBPF_THUMB_F_PUSHPOP16:
    case LBPF_THUMB_F_LDMSTM16:
    case LBPF_THUMB_F_LDMSTM: {
      unsigned n = 0;
      for (unsigned r = 0; r < 16; r++)
        n += i->reglist >> r & 1;
      c = 1 + n;
      break;
    }
    default: break;
    }
    if (s->taken) c += refill(m, s->target);
  }
  *prev_single = single;
  return c;
}
#line 927 "lit/thumb-sem.nw"
const char *lbpf_thumb_status_name(enum lbpf_thumb_status s) {
  switch (s) {
  case LBPF_THUMB_RETURNED: return "returned";
  case LBPF_THUMB_FAULT_FETCH: return "fetch fault";
  case LBPF_THUMB_FAULT_UNDEFINED: return "undefined instruction";
  case LBPF_THUMB_FAULT_UNPREDICTABLE: return "unpredictable instruction";
  case LBPF_THUMB_FAULT_MEMORY: return "memory fault";
  case LBPF_THUMB_FAULT_ALIGNMENT: return "alignment fault";
  case LBPF_THUMB_FAULT_INTERWORKING: return "interworking fault";
  case LBPF_THUMB_STEP_LIMIT: return "step limit";
  case LBPF_THUMB_SYMBOLIC: return "symbolic value";
  }
  return "?";
}

enum lbpf_thumb_status lbpf_thumb_run(struct lbpf_thumb_state *state,
                                      const struct lbpf_thumb_area *areas, size_t nareas,
                                      uint32_t sentinel, uint64_t max_steps,
                                      struct lbpf_thumb_result *result) {
  struct machine m;
  memset(&m, 0, sizeof m);
  memcpy(m.r, state->r, sizeof m.r);
  m.n = state->n & 1, m.z = state->z & 1, m.c = state->c & 1, m.v = state->v & 1;
  m.itstate = state->itstate & 0xff;
  m.pc = state->r[15] & ~1u;
  m.areas = areas, m.nareas = nareas;
  sentinel &= ~1u;
  memset(result, 0, sizeof *result);
  enum lbpf_thumb_status status = LBPF_THUMB_RETURNED;
  bool prev_single = false;
  for (;;) {
    if (m.pc == sentinel) break;
    if (result->insns >= max_steps) {
      status = LBPF_THUMB_STEP_LIMIT;
      break;
    }
    struct step_info info;
    int err = step(&m, &info);
    result->insns++;
    if (err) {
      status = (enum lbpf_thumb_status)err;
      result->fault_addr = m.fault_addr;
      break;
    }
    result->cycles += cycles_of(&m, &info, &prev_single);
  }
  result->status = status;
  result->pc = m.pc;
  memcpy(state->r, m.r, sizeof m.r);
  state->r[15] = m.pc;
  state->n = m.n, state->z = m.z, state->c = m.c, state->v = m.v, state->itstate = m.itstate;
  return status;
}
