#line 365 "lit/pbt.nw"
#include <string.h>

#include "lbpf_isa.h"
#include "lbpf_pbt.h"

void lbpf_pbt_default_config(struct lbpf_pbt_config *cfg) {
  cfg->features = LBPF_PBT_ALL;
  cfg->max_slots = 160;
  cfg->max_mem = 64;
  cfg->max_functions = 10;
  cfg->alu_runs = 0;
  cfg->wide_aims = 0;
}
#line 413 "lit/pbt.nw"
#define MAX_LABELS (LBPF_PBT_MAX_SLOTS + LBPF_PBT_MAX_FUNCTIONS + 1)

enum fix_field { FIX_OFFSET, FIX_IMM };

struct gen {
  struct lbpf_pbt_rng *rng;
  const struct lbpf_pbt_config *cfg;
  struct lbpf_pbt_case *c;
  uint32_t nlabels;
  int32_t label_at[MAX_LABELS]; /* slot, or -1 while unplaced */
  uint32_t nfixes;
  struct {
    uint32_t slot, label;
    enum fix_field field;
  } fixes[LBPF_PBT_MAX_SLOTS];
  uint16_t reserved; /* registers the code being generated must not write */
  uint32_t function; /* the function being generated: 0 is the entry */
  uint32_t function_label[LBPF_PBT_MAX_FUNCTIONS + 1];
  unsigned depth;    /* nesting of blocks */
  int r1_intact;     /* no instruction emitted so far writes r1 */
  uint32_t open[64]; /* labels of the enclosing shapes: targets for escapes */
  unsigned nopen;
};

static void push_open(struct gen *g, uint32_t label) {
  if (g->nopen < sizeof g->open / sizeof g->open[0]) g->open[g->nopen] = label;
  g->nopen++;
}

static void pop_open(struct gen *g) {
  g->nopen--;
}

static uint64_t below(struct gen *g, uint64_t n) {
  return lbpf_pbt_below(g->rng, n);
}
static int percent(struct gen *g, unsigned p) {
  return below(g, 100) < p;
}
static int has(struct gen *g, unsigned feature) {
  return (g->cfg->features & feature) != 0;
}
#line 454 "lit/pbt.nw"
/* Does this instruction (or, for a local call, its callee) write r1?  The
   instruction table says what the instruction itself writes; a local call's
   callee may write any of r0-r5. */
static int writes_r1(uint8_t opcode, unsigned dst, unsigned src, int16_t offset, int32_t imm) {
  const struct lbpf_insn insn = {opcode, (uint8_t)dst, (uint8_t)src, offset, imm};
  const struct lbpf_form *f = lbpf_form_of(insn);
  if (f == NULL) return 0; /* lddw's second half */
  if (f->kind == LBPF_KIND_CALL && src == LBPF_CALL_LOCAL) return 1;
  return (lbpf_insn_writes(f, insn) & (1u << 1)) != 0;
}

static void emit(struct gen *g, uint8_t opcode, unsigned dst, unsigned src, int16_t offset,
                 int32_t imm) {
  if (writes_r1(opcode, dst, src, offset, imm)) g->r1_intact = 0;
  struct lbpf_insn *i = &g->c->insns[g->c->nslots++];
  i->opcode = opcode;
  i->dst = (uint8_t)dst;
  i->src = (uint8_t)src;
  i->offset = offset;
  i->imm = imm;
}

static void emit_lddw(struct gen *g, unsigned dst, uint64_t value) {
  emit(g, LBPF_CLASS_LD | LBPF_MODE_IMM | LBPF_SIZE_DW, dst, 0, 0, (int32_t)(uint32_t)value);
  emit(g, 0, 0, 0, 0, (int32_t)(uint32_t)(value >> 32));
}

static uint32_t new_label(struct gen *g) {
  g->label_at[g->nlabels] = -1;
  return g->nlabels++;
}

static void place(struct gen *g, uint32_t label) {
  g->label_at[label] = (int32_t)g->c->nslots;
}

static void emit_to(struct gen *g, uint8_t opcode, unsigned dst, unsigned src, int32_t imm,
                    uint32_t label, enum fix_field field) {
  g->fixes[g->nfixes].slot = g->c->nslots;
  g->fixes[g->nfixes].label = label;
  g->fixes[g->nfixes].field = field;
  g->nfixes++;
  emit(g, opcode, dst, src, 0, imm);
}

static void resolve(struct gen *g) {
  for (uint32_t i = 0; i < g->nfixes; i++) {
    struct lbpf_insn *insn = &g->c->insns[g->fixes[i].slot];
    int32_t delta = g->label_at[g->fixes[i].label] - (int32_t)g->fixes[i].slot - 1;
    if (g->fixes[i].field == FIX_OFFSET)
      insn->offset = (int16_t)delta;
    else
      insn->imm = delta;
  }
}
#line 520 "lit/pbt.nw"
static const int32_t edge32[] = {0,
                                 1,
                                 -1,
                                 2,
                                 -2,
                                 3,
                                 7,
                                 8,
                                 15,
                                 16,
                                 31,
                                 32,
                                 33,
                                 63,
                                 64,
                                 65,
                                 127,
                                 128,
                                 255,
                                 256,
                                 0x7fff,
                                 0x8000,
                                 -0x8000,
                                 0xffff,
                                 0x10000,
                                 INT32_MAX,
                                 INT32_MIN,
                                 INT32_MIN + 1,
                                 INT32_MAX - 1};

static const uint64_t edge64[] = {0,
                                  1,
                                  UINT64_MAX,
                                  0x8000000000000000u,
                                  0x7fffffffffffffffu,
                                  0x8000000000000001u,
                                  0x00000000ffffffffu,
                                  0x0000000100000000u,
                                  0x0000000080000000u,
                                  0x000000007fffffffu,
                                  0xffffffff80000000u,
                                  0xffffffff7fffffffu,
                                  0x00000001ffffffffu,
                                  0xffffffff00000000u,
                                  0x0000000100000005u, /* a helper id plus 2^32 */
                                  63,
                                  64};

static int32_t imm32(struct gen *g) {
  unsigned r = (unsigned)below(g, 100);
  if (r < 50) return edge32[below(g, sizeof edge32 / sizeof edge32[0])];
  if (r < 70) return (int32_t)below(g, 33) - 16;
  return (int32_t)(uint32_t)lbpf_pbt_next(g->rng);
}

static uint64_t imm64(struct gen *g) {
  unsigned r = (unsigned)below(g, 100);
  if (r < 50) return edge64[below(g, sizeof edge64 / sizeof edge64[0])];
  if (r < 65) return (uint64_t)(int64_t)imm32(g);
  return lbpf_pbt_next(g->rng);
}
#line 571 "lit/pbt.nw"
#define R_MEM 6
#define R_LEN 7

static int writable(struct gen *g, unsigned r) {
  return r < 10 && (g->reserved & (1u << r)) == 0;
}

/* A register the code may write. r0..r5, r8, r9 minus reservations; never empty
   since r0..r5 are never reserved. */
static unsigned pick_dst(struct gen *g) {
  for (;;) {
    unsigned r = (unsigned)below(g, 10);
    if (writable(g, r)) return r;
  }
}

/* Any register may be read, r10 and the reserved ones included. */
static unsigned pick_src(struct gen *g) {
  return (unsigned)below(g, 11);
}
#line 597 "lit/pbt.nw"
static uint32_t room(struct gen *g, uint32_t end) {
  return end > g->c->nslots ? end - g->c->nslots : 0;
}

static void set_value(struct gen *g, uint32_t end, unsigned r) {
  unsigned how = (unsigned)below(g, 3);
  if (how == 2 && has(g, LBPF_PBT_LDDW) && room(g, end) >= 2)
    emit_lddw(g, r, imm64(g));
  else if (how == 1 && has(g, LBPF_PBT_ALU32))
    emit(g, LBPF_CLASS_ALU | LBPF_ALU_MOV | LBPF_SRC_K, r, 0, 0, imm32(g));
  else if (has(g, LBPF_PBT_ALU64))
    emit(g, LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_K, r, 0, 0, imm32(g));
  else
    emit(g, LBPF_CLASS_ALU | LBPF_ALU_MOV | LBPF_SRC_K, r, 0, 0, imm32(g));
}
#line 629 "lit/pbt.nw"
static const uint8_t binops[] = {LBPF_ALU_ADD, LBPF_ALU_SUB, LBPF_ALU_MUL, LBPF_ALU_DIV,
                                 LBPF_ALU_OR,  LBPF_ALU_AND, LBPF_ALU_LSH, LBPF_ALU_RSH,
                                 LBPF_ALU_MOD, LBPF_ALU_XOR, LBPF_ALU_MOV, LBPF_ALU_ARSH};

static uint8_t alu_class(struct gen *g) {
  int a32 = has(g, LBPF_PBT_ALU32), a64 = has(g, LBPF_PBT_ALU64);
  if (a32 && a64) return percent(g, 50) ? LBPF_CLASS_ALU64 : LBPF_CLASS_ALU;
  return a64 ? LBPF_CLASS_ALU64 : LBPF_CLASS_ALU;
}

/* The second operand of op: for division, modulo and shifts, two times in
   five one of the values where their definitions have special cases. */
static int32_t operand(struct gen *g, uint8_t op) {
  static const int32_t divisors[] = {0, 1, -1, 2, INT32_MIN};
  static const int32_t shifts[] = {0, 1, 31, 32, 33, 63, 64, 65, -1};
  if ((op == LBPF_ALU_DIV || op == LBPF_ALU_MOD) && percent(g, 40))
    return divisors[below(g, sizeof divisors / sizeof divisors[0])];
  if ((op == LBPF_ALU_LSH || op == LBPF_ALU_RSH || op == LBPF_ALU_ARSH) && percent(g, 40))
    return shifts[below(g, sizeof shifts / sizeof shifts[0])];
  return imm32(g);
}

static void gen_alu_op(struct gen *g, uint32_t end, unsigned dst) {
  uint8_t cls = alu_class(g);
  int v4 = has(g, LBPF_PBT_V4);
  unsigned kind = (unsigned)below(g, 100);
  if (room(g, end) >= 2 && percent(g, 25)) {
    set_value(g, end - 1, dst);
    if (room(g, end) < 1) return;
  }
  if (kind < 8) {
    emit(g, (uint8_t)(cls | LBPF_ALU_NEG), dst, 0, 0, 0);
  } else if (kind < 18) {
    static const int32_t widths[] = {16, 32, 64};
    int32_t width = widths[below(g, 3)];
    if (cls == LBPF_CLASS_ALU64 && v4)
      emit(g, LBPF_CLASS_ALU64 | LBPF_ALU_END, dst, 0, 0, width);
    else
      emit(g, (uint8_t)(LBPF_CLASS_ALU | LBPF_ALU_END | (percent(g, 50) ? LBPF_SRC_X : 0)), dst, 0,
           0, width);
  } else if (kind < 30 && v4) {
    unsigned src = pick_src(g);
    int16_t from = (int16_t)(8 << below(g, cls == LBPF_CLASS_ALU64 ? 3 : 2));
    emit(g, (uint8_t)(cls | LBPF_ALU_MOV | LBPF_SRC_X), dst, src, from, 0);
  } else {
    uint8_t op = binops[below(g, sizeof binops / sizeof binops[0])];
    int16_t offset = (op == LBPF_ALU_DIV || op == LBPF_ALU_MOD) && v4 && percent(g, 50);
    if (percent(g, 50)) {
      emit(g, (uint8_t)(cls | op | LBPF_SRC_K), dst, 0, offset, operand(g, op));
    } else {
      unsigned src = pick_src(g);
      if (writable(g, src) && src != dst && room(g, end) >= 3 && percent(g, 40)) {
        if (percent(g, 50))
          emit(g, (uint8_t)(alu_class(g) | LBPF_ALU_MOV | LBPF_SRC_K), src, 0, 0, operand(g, op));
        else
          set_value(g, end - 1, src);
      }
      emit(g, (uint8_t)(cls | op | LBPF_SRC_X), dst, src, offset, 0);
    }
  }
}
#line 705 "lit/pbt.nw"
static void gen_alu(struct gen *g, uint32_t end) {
  int observe = has(g, LBPF_PBT_MEMORY) && room(g, end) >= 2 && percent(g, 30);
  unsigned dst = pick_dst(g);
  gen_alu_op(g, observe ? end - 1 : end, dst);
  if (observe)
    emit(g, LBPF_CLASS_STX | LBPF_MODE_MEM | LBPF_SIZE_DW, 10, dst,
         (int16_t)(-8 * (11 + (int)below(g, 40))), 0);
}
#line 753 "lit/pbt.nw"
static const uint8_t sizes[4] = {LBPF_SIZE_B, LBPF_SIZE_H, LBPF_SIZE_W, LBPF_SIZE_DW};

static unsigned size_bytes(uint8_t size) {
  switch (size) {
  case LBPF_SIZE_B: return 1;
  case LBPF_SIZE_H: return 2;
  case LBPF_SIZE_W: return 4;
  default: return 8;
  }
}

/* The offset (relative to the region's base) of an access of n bytes to a
   region of length len, by aim.  For the stack the base is r10 and the region
   is [-512, 0). */
static int64_t aim_offset(struct gen *g, enum lbpf_pbt_aim aim, int64_t lo, int64_t hi,
                          unsigned n) {
  /* The accesses that fit start in [lo, hi - n]. */
  int64_t last = hi - (int64_t)n;
  if (aim == LBPF_PBT_AIM_EDGE) return percent(g, 50) ? lo : last;
  if (aim == LBPF_PBT_AIM_INSIDE) return lo + (int64_t)below(g, (uint64_t)(last - lo + 1));
  switch (below(g, 6)) {
  case 0: return lo - 1;
  case 1: return last + 1;
  case 2: return hi;                                    /* wholly past the end */
  case 3: return lo - (int64_t)n;                       /* wholly before */
  case 4: return hi - 1 + (int64_t)below(g, n ? n : 1); /* straddling */
  default:
    return percent(g, 50) ? lo - 4096 - (int64_t)below(g, 20000)
                          : hi + 4096 + (int64_t)below(g, 20000);
  }
}
#line 800 "lit/pbt.nw"
static void emit_access(struct gen *g, uint32_t end, unsigned base, int16_t offset, uint8_t size,
                        int mostly_loads) {
  unsigned kind = (unsigned)below(g, 100);
  if (mostly_loads && kind >= 35 && percent(g, 60)) kind = 0;
  int atomic_ok = has(g, LBPF_PBT_ATOMICS) && (size == LBPF_SIZE_W || size == LBPF_SIZE_DW);
  if (kind < 35) {
    uint8_t mode = LBPF_MODE_MEM;
    if (has(g, LBPF_PBT_V4) && size != LBPF_SIZE_DW && percent(g, 35)) mode = LBPF_MODE_MEMSX;
    emit(g, (uint8_t)(LBPF_CLASS_LDX | mode | size), pick_dst(g), base, offset, 0);
  } else if (kind < 55) {
    emit(g, (uint8_t)(LBPF_CLASS_ST | LBPF_MODE_MEM | size), base, 0, offset, imm32(g));
  } else if (kind < 80 || !atomic_ok) {
    emit(g, (uint8_t)(LBPF_CLASS_STX | LBPF_MODE_MEM | size), base, pick_src(g), offset, 0);
  } else {
    static const int32_t ops[] = {LBPF_ATOMIC_ADD, LBPF_ATOMIC_OR,   LBPF_ATOMIC_AND,
                                  LBPF_ATOMIC_XOR, LBPF_ATOMIC_XCHG, LBPF_ATOMIC_CMPXCHG};
    int32_t op = ops[below(g, sizeof ops / sizeof ops[0])];
    if (op != LBPF_ATOMIC_XCHG && op != LBPF_ATOMIC_CMPXCHG && percent(g, 50))
      op |= LBPF_ATOMIC_FETCH;
    unsigned src = (op & LBPF_ATOMIC_FETCH) ? pick_dst(g) : pick_src(g);
    if (op == LBPF_ATOMIC_CMPXCHG && base != 0 && room(g, end) >= 2 && percent(g, 60)) {
      /* Expect what is there, so that the exchange happens; a sign-extending
         load gives r0 the right low half and ones above it. */
      uint8_t mode = size == LBPF_SIZE_W && has(g, LBPF_PBT_V4) && percent(g, 50) ? LBPF_MODE_MEMSX
                                                                                  : LBPF_MODE_MEM;
      emit(g, (uint8_t)(LBPF_CLASS_LDX | mode | size), 0, base, offset, 0);
    }
    emit(g, (uint8_t)(LBPF_CLASS_STX | LBPF_MODE_ATOMIC | size), base, src, offset, op);
  }
}
#line 853 "lit/pbt.nw"
static void gen_wide(struct gen *g, uint32_t end) {
  uint8_t size = sizes[below(g, 4)];
  unsigned n = size_bytes(size), base = R_MEM, t = pick_dst(g);
  unsigned where = (unsigned)below(g, 4); /* input, read-only, stack, the top */
  int64_t lo = 0, hi = (int64_t)g->c->mem_len;
  if (where == 1 && g->c->ro_len > 0) lo = LBPF_PBT_RO_OFFSET, hi = lo + (int64_t)g->c->ro_len;
  if (where == 2 || hi - lo < (int64_t)n) base = 10, lo = -LBPF_STACK_SIZE, hi = 0;
  int64_t offset = lo + (int64_t)below(g, (uint64_t)(hi - lo - (int64_t)n + 1));
  uint32_t first = g->c->nslots + (where == 3 ? 2 : 3); /* after the lddw (and the add) */
  if (where == 3) {
    emit_lddw(g, t, (UINT64_C(1) << 32) - n + 1 + below(g, n + 1));
    offset = 0;
  } else {
    emit_lddw(g, t, percent(g, 50) ? UINT64_C(1) << 32 : UINT64_C(0xffffffff00000000));
    emit(g, LBPF_CLASS_ALU64 | LBPF_ALU_ADD | LBPF_SRC_X, t, base, 0, 0);
  }
  emit_access(g, end, t, (int16_t)offset, size, 0);
  if (g->c->nwide < LBPF_PBT_MAX_WIDE) g->c->wide[g->c->nwide] = first;
  g->c->nwide++;
}
#line 883 "lit/pbt.nw"
static void gen_memory(struct gen *g, uint32_t end) {
  if (g->cfg->wide_aims && room(g, end) >= 5 && percent(g, g->cfg->wide_aims)) {
    gen_wide(g, end);
    return;
  }
  unsigned which = (unsigned)below(g, 100);
  enum lbpf_pbt_region region = which < 50   ? LBPF_PBT_INPUT
                                : which < 85 ? LBPF_PBT_STACK
                                             : LBPF_PBT_RO;
  if (region == LBPF_PBT_RO && g->c->ro_len == 0) region = LBPF_PBT_INPUT;
  uint8_t size = sizes[below(g, 4)];
  unsigned n = size_bytes(size);
  unsigned base = R_MEM;
  int64_t lo = 0, hi = (int64_t)g->c->mem_len;
  if (region == LBPF_PBT_RO) lo = LBPF_PBT_RO_OFFSET, hi = lo + (int64_t)g->c->ro_len;
  unsigned r = (unsigned)below(g, 100);
  enum lbpf_pbt_aim aim = r < 76   ? LBPF_PBT_AIM_INSIDE
                          : r < 88 ? LBPF_PBT_AIM_EDGE
                          : r < 94 ? LBPF_PBT_AIM_OUTSIDE
                                   : LBPF_PBT_AIM_DYNAMIC;
  if (region != LBPF_PBT_STACK && hi - lo < (int64_t)n) {
    /* The region is too short for this access.  Mostly go to the stack
       instead, so that short inputs do not end most runs at their first
       access. */
    if (percent(g, 75))
      region = LBPF_PBT_STACK;
    else
      aim = LBPF_PBT_AIM_OUTSIDE;
  }
  if (region == LBPF_PBT_STACK) base = 10, lo = -LBPF_STACK_SIZE, hi = 0;
  if (region == LBPF_PBT_INPUT && g->function == 0 && g->r1_intact && percent(g, 40)) base = 1;
  if (region == LBPF_PBT_RO && room(g, end) >= 6 && percent(g, 40)) {
    /* as a global: the region's own address, bound when the case runs */
    base = pick_dst(g);
    emit_lddw(g, base, LBPF_PBT_RO_ADDRESS);
    lo -= LBPF_PBT_RO_OFFSET, hi -= LBPF_PBT_RO_OFFSET;
  }
  int loads = region == LBPF_PBT_RO;
  if (aim == LBPF_PBT_AIM_DYNAMIC) {
    if (room(g, end) < 4)
      aim = LBPF_PBT_AIM_INSIDE;
    else {
      uint64_t span = (uint64_t)(hi - lo) - n, mask = 1;
      while (mask * 2 - 1 <= span)
        mask *= 2;
      mask -= 1;
      unsigned t = pick_dst(g), idx = pick_src(g);
      emit(g, LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_X, t, idx, 0, 0);
      emit(g, LBPF_CLASS_ALU64 | LBPF_ALU_AND | LBPF_SRC_K, t, 0, 0, (int32_t)mask);
      emit(g, LBPF_CLASS_ALU64 | LBPF_ALU_ADD | LBPF_SRC_X, t, base, 0, 0);
      emit_access(g, end, t, (int16_t)lo, size, loads);
      g->c->aims[region][aim]++;
      return;
    }
  }
  int64_t offset = aim_offset(g, aim, lo, hi, n);
  int fits16 = offset >= INT16_MIN && offset <= INT16_MAX;
  if ((!fits16 || percent(g, 30)) && room(g, end) >= 3) {
    /* Derived pointer: t = base + j, access [t + offset - j]. */
    unsigned t = pick_dst(g);
    int64_t j = fits16 ? (int64_t)below(g, 64) - 32 : offset;
    emit(g, LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_X, t, base, 0, 0);
    emit(g, LBPF_CLASS_ALU64 | LBPF_ALU_ADD | LBPF_SRC_K, t, 0, 0, (int32_t)j);
    emit_access(g, end, t, (int16_t)(offset - j), size, loads);
  } else {
    if (!fits16) offset = hi; /* no room for a derived pointer: still outside */
    emit_access(g, end, base, (int16_t)offset, size, loads);
  }
  g->c->aims[region][aim]++;
}
#line 964 "lit/pbt.nw"
static void set_arguments(struct gen *g, uint32_t end) {
  unsigned k = (unsigned)below(g, 4);
  for (unsigned i = 0; i < k && room(g, end) >= 3; i++) {
    unsigned r = 1 + (unsigned)below(g, 5);
    if (percent(g, 25))
      emit(g, LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_X, r, R_MEM, 0, 0);
    else
      set_value(g, end - 1, r);
  }
}

static void gen_helper_call(struct gen *g, uint32_t end) {
  set_arguments(g, end - 1);
  int32_t id = percent(g, 50) ? LBPF_PBT_HELPER_IDENTITY : LBPF_PBT_HELPER_MIX;
  emit(g, LBPF_CLASS_JMP | LBPF_JMP_CALL, 0, LBPF_CALL_HELPER, 0, id);
}

static void gen_callx(struct gen *g, uint32_t end) {
  unsigned r = pick_dst(g);
  unsigned what = (unsigned)below(g, 100);
  set_arguments(g, end - 3);
  if (what < 40)
    emit(g, LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_K, r, 0, 0, LBPF_PBT_HELPER_IDENTITY);
  else if (what < 60)
    emit(g, LBPF_CLASS_ALU | LBPF_ALU_MOV | LBPF_SRC_K, r, 0, 0, LBPF_PBT_HELPER_MIX);
  else if (what < 80) {
    static const int32_t bad[] = {0, 1, 4, 7, -1, -5, 0x10005, INT32_MIN};
    emit(g, LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_K, r, 0, 0, bad[below(g, 8)]);
  } else if (what < 90 && has(g, LBPF_PBT_LDDW))
    emit_lddw(g, r, (1ull << 32) | LBPF_PBT_HELPER_IDENTITY);
  else if (percent(g, 50)) {
    r = pick_src(g); /* whatever it holds: r6 and r10 are pointers */
  }
  emit(g, LBPF_CLASS_JMP | LBPF_JMP_CALL | LBPF_SRC_X, r, 0, 0, 0);
}
#line 1010 "lit/pbt.nw"
static int gen_local_call(struct gen *g, uint32_t end) {
  uint32_t nf = g->c->nfunctions, cur = g->function, target;
  if (nf == 0) return 0;
  if (cur > 0 && (cur == nf || percent(g, 30))) {
    target = cur;
    g->c->shapes[LBPF_PBT_SHAPE_RECURSION]++;
  } else {
    target = cur + 1 + (uint32_t)below(g, nf - cur);
  }
  set_arguments(g, end - 1);
  emit_to(g, LBPF_CLASS_JMP | LBPF_JMP_CALL, 0, LBPF_CALL_LOCAL, 0, g->function_label[target],
          FIX_IMM);
  return 1;
}
#line 1034 "lit/pbt.nw"
static const uint8_t conds[] = {LBPF_JMP_JEQ, LBPF_JMP_JGT,  LBPF_JMP_JGE,  LBPF_JMP_JSET,
                                LBPF_JMP_JNE, LBPF_JMP_JSGT, LBPF_JMP_JSGE, LBPF_JMP_JLT,
                                LBPF_JMP_JLE, LBPF_JMP_JSLT, LBPF_JMP_JSLE};

static uint8_t jmp_class(struct gen *g) {
  int j64 = has(g, LBPF_PBT_JMP), j32 = has(g, LBPF_PBT_JMP32);
  if (j64 && j32) return percent(g, 50) ? LBPF_CLASS_JMP32 : LBPF_CLASS_JMP;
  return j32 ? LBPF_CLASS_JMP32 : LBPF_CLASS_JMP;
}

static void emit_cond_to(struct gen *g, unsigned dst, uint32_t label) {
  uint8_t cls = jmp_class(g);
  uint8_t cond = conds[below(g, sizeof conds / sizeof conds[0])];
  if (percent(g, 50))
    emit_to(g, (uint8_t)(cls | cond | LBPF_SRC_K), dst, 0, imm32(g), label, FIX_OFFSET);
  else
    emit_to(g, (uint8_t)(cls | cond | LBPF_SRC_X), dst, pick_src(g), 0, label, FIX_OFFSET);
}

static void emit_ja_to(struct gen *g, uint32_t label) {
  if (has(g, LBPF_PBT_V4) && has(g, LBPF_PBT_JMP32) && percent(g, 40))
    emit_to(g, LBPF_CLASS_JMP32 | LBPF_JMP_JA, 0, 0, 0, label, FIX_IMM);
  else
    emit_to(g, LBPF_CLASS_JMP | LBPF_JMP_JA, 0, 0, 0, label, FIX_OFFSET);
}

static void gen_block(struct gen *g, uint32_t end);

/* A sub-block of at most `max' slots, ending before `end'. */
static void gen_sub_block(struct gen *g, uint32_t end, uint32_t max) {
  uint32_t limit = g->c->nslots + 1 + (uint32_t)below(g, max);
  gen_block(g, limit < end ? limit : end);
}
#line 1082 "lit/pbt.nw"
static int gen_if(struct gen *g, uint32_t end, int with_else) {
  if (room(g, end) < (with_else ? 4u : 2u)) return 0;
  uint32_t skip = new_label(g);
  emit_cond_to(g, pick_src(g), skip);
  if (!with_else) {
    push_open(g, skip);
    gen_sub_block(g, end, 12);
    pop_open(g);
    place(g, skip);
    g->c->shapes[LBPF_PBT_SHAPE_IF]++;
    return 1;
  }
  uint32_t join = new_label(g);
  push_open(g, join);
  gen_sub_block(g, end - 2, 8);
  emit_ja_to(g, join);
  place(g, skip);
  gen_sub_block(g, end, 8);
  pop_open(g);
  place(g, join);
  g->c->shapes[LBPF_PBT_SHAPE_IF_ELSE]++;
  return 1;
}

static int gen_counted_loop(struct gen *g, uint32_t end) {
  unsigned counter = writable(g, 8) ? 8 : writable(g, 9) ? 9 : 0;
  if (counter == 0 || room(g, end) < 5 || !has(g, LBPF_PBT_LOOPS)) return 0;
  int is_long = percent(g, 16);
  emit(g, LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_K, counter, 0, 0,
       is_long ? 1 << 20 : 1 + (int32_t)below(g, 6));
  uint32_t top = new_label(g);
  place(g, top);
  g->reserved |= (uint16_t)(1u << counter);
  push_open(g, top);
  gen_sub_block(g, end - 2, 10);
  pop_open(g);
  g->reserved &= (uint16_t) ~(1u << counter);
  uint8_t cls = alu_class(g);
  if (percent(g, 50))
    emit(g, (uint8_t)(cls | LBPF_ALU_ADD | LBPF_SRC_K), counter, 0, 0, -1);
  else
    emit(g, (uint8_t)(cls | LBPF_ALU_SUB | LBPF_SRC_K), counter, 0, 0, 1);
  static const uint8_t tests[] = {LBPF_JMP_JNE, LBPF_JMP_JGT, LBPF_JMP_JSGT};
  emit_to(g, (uint8_t)(jmp_class(g) | tests[below(g, 3)] | LBPF_SRC_K), counter, 0, 0, top,
          FIX_OFFSET);
  g->c->shapes[is_long ? LBPF_PBT_SHAPE_LONG_LOOP : LBPF_PBT_SHAPE_COUNTED_LOOP]++;
  return 1;
}

static int gen_wild_loop(struct gen *g, uint32_t end) {
  if (room(g, end) < 3 || !has(g, LBPF_PBT_LOOPS)) return 0;
  uint32_t top = new_label(g);
  place(g, top);
  push_open(g, top);
  gen_sub_block(g, end - 2, 6);
  pop_open(g);
  if (percent(g, 12)) {
    emit_ja_to(g, top);
  } else {
    unsigned r = pick_dst(g);
    emit(g, (uint8_t)(alu_class(g) | LBPF_ALU_ADD | LBPF_SRC_K), r, 0, 0, (int32_t)below(g, 9) - 4);
    emit_cond_to(g, r, top);
  }
  g->c->shapes[LBPF_PBT_SHAPE_WILD_LOOP]++;
  return 1;
}

static int gen_goto(struct gen *g, uint32_t end) {
  if (room(g, end) < 2) return 0;
  uint32_t over = new_label(g);
  emit_ja_to(g, over);
  push_open(g, over);
  gen_sub_block(g, end, 4);
  pop_open(g);
  place(g, over);
  g->c->shapes[LBPF_PBT_SHAPE_GOTO]++;
  return 1;
}
#line 1189 "lit/pbt.nw"
static void gen_alu_run(struct gen *g, uint32_t end) {
  const uint32_t len = 4 + (uint32_t)below(g, 21), inside = (uint32_t)below(g, len);
  const int jumps = g->depth < 4 && has(g, LBPF_PBT_JMP | LBPF_PBT_JMP32) && room(g, end) >= 3;
  const int forward = jumps && percent(g, 50);
  const int backward = jumps && !forward && has(g, LBPF_PBT_LOOPS);
  const uint32_t body_end = backward ? end - 2 : end; /* room for the jump back */
  const uint32_t target = new_label(g);
  int placed = 0;
  if (forward) emit_cond_to(g, pick_src(g), target);
  for (uint32_t i = 0; i < len && room(g, body_end) >= 1; i++) {
    if (i == inside) place(g, target), placed = 1;
    gen_alu_op(g, body_end, pick_dst(g));
  }
  if (!placed) place(g, target);
  if (backward) {
    unsigned r = pick_dst(g);
    emit(g, (uint8_t)(alu_class(g) | LBPF_ALU_ADD | LBPF_SRC_K), r, 0, 0, (int32_t)below(g, 9) - 4);
    emit_cond_to(g, r, target);
  }
  g->c->shapes[LBPF_PBT_SHAPE_ALU_RUN]++;
}

#line 1221 "lit/pbt.nw"
/* A jump out of the structure: to the label of an enclosing shape (a break
   to the end of an if, a continue to the top of a loop, bypassing its
   counter) or, more rarely, into another function's code. */
static int gen_escape(struct gen *g) {
  uint32_t nf = g->c->nfunctions;
  int cross = nf > 0 && percent(g, 30);
  uint32_t label;
  if (cross) {
    uint32_t f = (uint32_t)below(g, nf + 1);
    if (f == g->function) return 0;
    label = g->function_label[f];
  } else {
    unsigned n = g->nopen < 64 ? g->nopen : 64;
    if (n == 0) return 0;
    label = g->open[below(g, n)];
  }
  if (percent(g, 50))
    emit_ja_to(g, label);
  else
    emit_cond_to(g, pick_src(g), label);
  g->c->shapes[cross ? LBPF_PBT_SHAPE_CROSS : LBPF_PBT_SHAPE_ESCAPE]++;
  return 1;
}

static void gen_item(struct gen *g, uint32_t end) {
  if (g->cfg->alu_runs != 0 && percent(g, g->cfg->alu_runs)) {
    gen_alu_run(g, end);
    return;
  }
  unsigned r = (unsigned)below(g, 100);
  int done = 0;
  int nested = g->depth < 4 && has(g, LBPF_PBT_JMP | LBPF_PBT_JMP32);
  if (r < 34) {
  } else if (r < 56) {
    if (has(g, LBPF_PBT_MEMORY)) gen_memory(g, end), done = 1;
  } else if (r < 65) {
    done = nested && gen_if(g, end, 0);
  } else if (r < 69) {
    done = nested && gen_if(g, end, 1);
  } else if (r < 74) {
    done = nested && gen_counted_loop(g, end);
  } else if (r < 76) {
    done = nested && gen_wild_loop(g, end);
  } else if (r < 78) {
    done = nested && gen_goto(g, end);
  } else if (r < 83) {
    if (has(g, LBPF_PBT_HELPERS)) gen_helper_call(g, end), done = 1;
  } else if (r < 86) {
    if (has(g, LBPF_PBT_CALLX) && room(g, end) >= 4) gen_callx(g, end), done = 1;
  } else if (r < 92) {
    done = has(g, LBPF_PBT_LOCAL_CALLS) && gen_local_call(g, end);
  } else if (r < 96) {
    if (has(g, LBPF_PBT_LDDW) && room(g, end) >= 2) emit_lddw(g, pick_dst(g), imm64(g)), done = 1;
  } else if (r < 97) {
    if (g->depth > 1) {
      emit(g, LBPF_CLASS_JMP | LBPF_JMP_EXIT, 0, 0, 0, 0);
      g->c->shapes[LBPF_PBT_SHAPE_EARLY_EXIT]++;
      done = 1;
    }
  } else if (r < 98) {
    if (nested) {
      uint32_t next = new_label(g);
      emit_cond_to(g, pick_src(g), next);
      place(g, next);
      done = 1;
    }
  } else {
    done = nested && gen_escape(g);
  }
  if (!done) gen_alu(g, end);
}

static void gen_block(struct gen *g, uint32_t end) {
  g->depth++;
  while (g->c->nslots < end)
    gen_item(g, end);
  g->depth--;
}
#line 1319 "lit/pbt.nw"
static void gen_function(struct gen *g, uint32_t index, uint32_t quota) {
  /* The entry's register dump: r0..r9 (r6 and r7 are pointers and lengths,
     but cheap to include); a subprogram's: r0..r5, its results. */
  unsigned dumped = index == 0 ? 10 : 6;
  int dump = has(g, LBPF_PBT_MEMORY) && quota >= 2 * dumped && percent(g, index == 0 ? 75 : 30);
  uint32_t end = g->c->nslots + quota - 1 - (dump ? dumped : 0); /* then the dump, the exit */
  g->function = index;
  g->reserved = 0;
  place(g, g->function_label[index]);
  g->r1_intact = index == 0;
  if (index == 0) {
    emit(g, LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_X, R_MEM, 1, 0, 0);
    emit(g, LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_X, R_LEN, 2, 0, 0);
  }
  g->reserved = (1u << R_MEM) | (1u << R_LEN);
  unsigned inits = (unsigned)below(g, index == 0 ? 5 : 2);
  for (unsigned i = 0; i < inits && room(g, end) >= 2; i++)
    set_value(g, end, pick_dst(g));
  gen_block(g, end);
  for (unsigned r = 0; dump && r < dumped; r++)
    emit(g, LBPF_CLASS_STX | LBPF_MODE_MEM | LBPF_SIZE_DW, 10, r, (int16_t)(-8 * (int)(r + 1)), 0);
  emit(g, LBPF_CLASS_JMP | LBPF_JMP_EXIT, 0, 0, 0, 0);
}
#line 1354 "lit/pbt.nw"
static void gen_input(struct gen *g) {
  struct lbpf_pbt_case *c = g->c;
  uint32_t max = g->cfg->max_mem < LBPF_PBT_MAX_MEM ? g->cfg->max_mem : LBPF_PBT_MAX_MEM;
  unsigned r = (unsigned)below(g, 10);
  c->mem_len = r == 0 ? 0 : r == 1 ? 1 + (uint32_t)below(g, 7) : (uint32_t)below(g, max + 1);
  if (c->mem_len > max) c->mem_len = max;
  static const uint8_t special[] = {0x00, 0x01, 0x7f, 0x80, 0xff};
  for (uint32_t i = 0; i < c->mem_len; i++)
    c->mem[i] = percent(g, 33) ? special[below(g, 5)] : (uint8_t)lbpf_pbt_next(g->rng);
  if (has(g, LBPF_PBT_MEMORY) && percent(g, 50)) {
    c->ro_len = 1 + (uint32_t)below(g, LBPF_PBT_MAX_RO);
    for (uint32_t i = 0; i < c->ro_len; i++)
      c->ro[i] = (uint8_t)lbpf_pbt_next(g->rng);
  }
  c->budget = percent(g, 15) ? below(g, 13) : 64 + below(g, 3937);
  c->frames =
      percent(g, 70) ? LBPF_MAX_CALL_DEPTH : 1 + (uint32_t)below(g, LBPF_MAX_CALL_DEPTH - 1);
}

void lbpf_pbt_gen(struct lbpf_pbt_rng *rng, const struct lbpf_pbt_config *cfg,
                  struct lbpf_pbt_case *out) {
  struct gen gen;
  struct gen *g = &gen;
  memset(g, 0, sizeof *g);
  memset(out, 0, sizeof *out);
  g->rng = rng;
  g->cfg = cfg;
  g->c = out;
  gen_input(g);
  uint32_t max = cfg->max_slots < LBPF_PBT_MAX_SLOTS ? cfg->max_slots : LBPF_PBT_MAX_SLOTS;
  if (max < 4) max = 4;
  uint32_t total = percent(g, 33) ? 4 + (uint32_t)below(g, 21) : 4 + (uint32_t)below(g, max - 3);
  if (total > max) total = max;
  uint32_t nf = 0, maxf = cfg->max_functions < LBPF_PBT_MAX_FUNCTIONS ? cfg->max_functions
                                                                      : LBPF_PBT_MAX_FUNCTIONS;
  if (has(g, LBPF_PBT_LOCAL_CALLS) && maxf > 0 && percent(g, 50)) nf = 1 + (uint32_t)below(g, maxf);
  while (nf > 0 && total < 6 + 3 * nf)
    nf--; /* every function needs a few slots */
  out->nfunctions = nf;
  for (uint32_t f = 0; f <= nf; f++)
    g->function_label[f] = new_label(g);
  /* Subprograms get 3 slots each and up to half of the rest, so that the
     entry keeps at least 4: its prologue, one item, its exit. */
  uint32_t spare = total - 4 - 3 * nf;
  uint32_t share = nf ? spare / (2 * nf) : 0;
  uint32_t quotas[LBPF_PBT_MAX_FUNCTIONS + 1], used = 0;
  for (uint32_t f = 1; f <= nf; f++)
    used += quotas[f] = 3 + (uint32_t)below(g, share + 1);
  quotas[0] = total - used;
  for (uint32_t f = 0; f <= nf; f++)
    gen_function(g, f, quotas[f]);
  resolve(g);
}
