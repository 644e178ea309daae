#line 28 "spec/semantics.nw"
#include "lbpf.h"
#include "lbpf_isa.h"

#line 55 "spec/semantics.nw"
typedef uint64_t V;
typedef int VB;
#define V_K(k) ((uint64_t)(k))
#define V_ADD(a, b) ((a) + (b))
#define V_SUB(a, b) ((a) - (b))
#define V_MUL(a, b) ((a) * (b))
#define V_UDIV(a, b) ((a) / (b))
#define V_UREM(a, b) ((a) % (b))
#define V_SDIV(a, b) concrete_sdiv((a), (b))
#define V_SREM(a, b) concrete_srem((a), (b))
#define V_AND(a, b) ((a) & (b))
#define V_OR(a, b) ((a) | (b))
#define V_XOR(a, b) ((a) ^ (b))
#define V_SHL(a, n) ((a) << (n))
#define V_LSHR(a, n) ((a) >> (n))
#define V_ASHR(a, n) concrete_ashr((a), (n))
#define V_EQ(a, b) ((a) == (b))
#define V_ULT(a, b) ((a) < (b))
#define V_SLT(a, b) (concrete_signed(a) < concrete_signed(b))
#define V_NOT(c) (!(c))
#define V_ITE(c, a, b) ((c) ? (a) : (b))
#line 83 "spec/semantics.nw"
static int64_t concrete_signed(uint64_t a) {
  return a < (UINT64_C(1) << 63) ? (int64_t)a : -(int64_t)(~a) - 1;
}

static uint64_t magnitude(uint64_t a) {
  return (a >> 63) ? 0 - a : a;
}

static uint64_t concrete_sdiv(uint64_t a, uint64_t b) {
  uint64_t q = magnitude(a) / magnitude(b);
  return ((a ^ b) >> 63) ? 0 - q : q;
}

static uint64_t concrete_srem(uint64_t a, uint64_t b) {
  uint64_t r = magnitude(a) % magnitude(b);
  return (a >> 63) ? 0 - r : r; /* the remainder takes the dividend's sign */
}

static uint64_t concrete_ashr(uint64_t a, uint64_t n) {
  uint64_t fill = (a >> 63) ? ~UINT64_C(0) : 0;
  return n == 0 ? a : (a >> n) | (fill << (63 - n) << 1);
}
#line 32 "spec/semantics.nw"
#include "alu_sem.h"
#line 254 "spec/semantics.nw"
struct frame {
  uint32_t return_pc;
  uint64_t saved[4]; /* r6..r9 */
};

struct machine {
  uint64_t reg[LBPF_NREGS];
  uint32_t pc;
  unsigned depth, max_depth; /* frames in use beyond the entry frame; frames available */
  int halted;                /* the entry frame has executed exit */
  struct frame frames[LBPF_MAX_CALL_DEPTH];
  struct lbpf_helper_ctx ctx; /* the environment, the input and stack regions */
  const struct lbpf_program *prog;
  const struct lbpf_env *env;
  uint64_t budget_used, insns;
};

static uint64_t stack_top(const struct machine *m) {
  return (uint64_t)(uintptr_t)m->ctx.stack.base + m->ctx.stack.length;
}

static uint64_t frame_pointer(const struct machine *m) {
  return stack_top(m) - (uint64_t)LBPF_STACK_SIZE * m->depth;
}
#line 302 "spec/semantics.nw"
struct location {
  const struct lbpf_region *region;
  uint64_t offset;
};

static int region_holds(const struct lbpf_region *r, uint64_t a, uint64_t n, unsigned perm) {
  uint64_t base = (uint64_t)(uintptr_t)r->base, len = r->length;
  return (r->perm & perm) == perm && n <= len && a >= base && a - base <= len - n;
}

static int locate_in(const struct lbpf_helper_ctx *ctx, uint64_t a, uint64_t n, unsigned perm,
                     struct location *loc) {
  const struct lbpf_region *fixed[2] = {&ctx->input, &ctx->stack};
  for (int i = 0; i < 2; i++)
    if (region_holds(fixed[i], a, n, perm)) {
      *loc = (struct location){fixed[i], a - (uint64_t)(uintptr_t)fixed[i]->base};
      return 1;
    }
  for (size_t i = 0; i < ctx->env->nregions; i++)
    if (region_holds(&ctx->env->regions[i], a, n, perm)) {
      *loc = (struct location){&ctx->env->regions[i],
                               a - (uint64_t)(uintptr_t)ctx->env->regions[i].base};
      return 1;
    }
  return 0;
}

static int locate(const struct machine *m, uint64_t a, unsigned n, unsigned perm,
                  struct location *loc) {
  return locate_in(&m->ctx, a, n, perm, loc);
}

int lbpf_helper_may_read(const struct lbpf_helper_ctx *ctx, uint64_t addr, uint64_t len) {
  struct location loc;
  return ctx != NULL && ctx->env != NULL && locate_in(ctx, addr, len, LBPF_PERM_READ, &loc);
}

int lbpf_helper_may_write(const struct lbpf_helper_ctx *ctx, uint64_t addr, uint64_t len) {
  struct location loc;
  return ctx != NULL && ctx->env != NULL && locate_in(ctx, addr, len, LBPF_PERM_WRITE, &loc);
}

const struct lbpf_region *lbpf_helper_region(const struct lbpf_helper_ctx *ctx, uint64_t addr,
                                             uint64_t len, unsigned perm) {
  struct location loc;
  if (ctx == NULL || ctx->env == NULL || !locate_in(ctx, addr, len, perm, &loc)) return NULL;
  return loc.region;
}
#line 359 "spec/semantics.nw"
void lbpf_helper_ctx_init(struct lbpf_helper_ctx *ctx, const struct lbpf_env *env, void *mem,
                          size_t mem_len) {
  size_t frames = env->stack_size / LBPF_STACK_SIZE;
  size_t depth = frames > LBPF_MAX_CALL_DEPTH ? LBPF_MAX_CALL_DEPTH : frames;
  size_t stack_len = depth * LBPF_STACK_SIZE;
  ctx->env = env;
  ctx->input = (struct lbpf_region){mem, mem_len, LBPF_PERM_READ | LBPF_PERM_WRITE};
  ctx->stack = (struct lbpf_region){(uint8_t *)env->stack + (env->stack_size - stack_len),
                                    stack_len, LBPF_PERM_READ | LBPF_PERM_WRITE};
}
#line 390 "spec/semantics.nw"
static uint64_t read_bytes(struct location loc, unsigned n) {
  const uint8_t *p = (const uint8_t *)loc.region->base + loc.offset;
  uint64_t v = 0;
  for (unsigned i = 0; i < n; i++)
    v |= (uint64_t)p[i] << (8 * i);
  return v;
}

static void write_bytes(struct location loc, unsigned n, uint64_t v) {
  uint8_t *p = (uint8_t *)loc.region->base + loc.offset;
  for (unsigned i = 0; i < n; i++)
    p[i] = (uint8_t)(v >> (8 * i));
}

static unsigned size_bytes(uint8_t opcode) {
  switch (LBPF_SIZE(opcode)) {
  case LBPF_SIZE_B: return 1;
  case LBPF_SIZE_H: return 2;
  case LBPF_SIZE_W: return 4;
  default: return 8;
  }
}
#line 432 "spec/semantics.nw"
static int spend_budget(struct machine *m, uint64_t cost) {
  if (m->env->budget - m->budget_used < cost) return 0;
  m->budget_used += cost;
  return 1;
}
#line 446 "spec/semantics.nw"
static void call_helper(struct machine *m, lbpf_helper_fn fn) {
  uint64_t *r = m->reg;
  r[0] = fn(&m->ctx, r[1], r[2], r[3], r[4], r[5]);
}

static void push_frame(struct machine *m, uint32_t target) {
  struct frame *f = &m->frames[m->depth++];
  f->return_pc = m->pc + 1;
  for (int i = 0; i < 4; i++)
    f->saved[i] = m->reg[6 + i];
  m->reg[10] = frame_pointer(m);
  m->pc = target;
}

static void pop_frame(struct machine *m) {
  struct frame *f = &m->frames[--m->depth];
  for (int i = 0; i < 4; i++)
    m->reg[6 + i] = f->saved[i];
  m->reg[10] = frame_pointer(m);
  m->pc = f->return_pc;
}
#line 505 "spec/semantics.nw"
static uint64_t operand(const struct machine *m, struct lbpf_insn insn) {
  return second_operand(insn.opcode, insn.imm, m->reg[insn.src]);
}

uint64_t lbpf_spec_alu(uint8_t opcode, int16_t offset, int32_t imm, uint64_t d, uint64_t s) {
  return alu_result(opcode, offset, imm, d, s);
}
#line 521 "spec/semantics.nw"
uint64_t lbpf_spec_udiv64(uint64_t d, uint64_t s) {
  return divide(d, s, 0, 0);
}
uint64_t lbpf_spec_umod64(uint64_t d, uint64_t s) {
  return divide(d, s, 0, 1);
}
uint64_t lbpf_spec_sdiv64(uint64_t d, uint64_t s) {
  return divide(d, s, 1, 0);
}
uint64_t lbpf_spec_smod64(uint64_t d, uint64_t s) {
  return divide(d, s, 1, 1);
}

static enum lbpf_status step_alu(struct machine *m, struct lbpf_insn insn) {
  m->reg[insn.dst] =
      alu_result(insn.opcode, insn.offset, insn.imm, m->reg[insn.dst], operand(m, insn));
  m->pc++;
  return LBPF_OK;
}
#line 542 "spec/semantics.nw"
static enum lbpf_status jump_to(struct machine *m, int64_t delta) {
  if (delta < 0 && !spend_budget(m, (uint64_t)-delta)) return LBPF_ERR_BUDGET;
  m->pc = (uint32_t)((int64_t)m->pc + 1 + delta);
  return LBPF_OK;
}

static enum lbpf_status step_jump(struct machine *m, struct lbpf_insn insn) {
  switch (LBPF_OP(insn.opcode)) {
  case LBPF_JMP_JA:
    return jump_to(m, LBPF_CLASS(insn.opcode) == LBPF_CLASS_JMP32 ? insn.imm : insn.offset);
  case LBPF_JMP_CALL:
#line 569 "spec/semantics.nw"
  {
    lbpf_helper_fn fn;
    if (insn.opcode & LBPF_SRC_X) { /* callx */
      uint64_t id = m->reg[insn.dst];
      fn = id <= UINT32_MAX ? lbpf_env_helper(m->env, (uint32_t)id) : NULL;
      if (fn == NULL) return LBPF_ERR_CALLX_TARGET;
    } else if (insn.src == LBPF_CALL_HELPER) {
      fn = lbpf_env_helper(m->env, (uint32_t)insn.imm);
    } else {
      fn = NULL;
    }
    uint32_t target = (uint32_t)((int64_t)m->pc + 1 + insn.imm); /* of a local call */
    if (!spend_budget(m, fn != NULL ? 1 : (uint64_t)(m->prog->ninsns - target)))
      return LBPF_ERR_BUDGET;
    if (fn != NULL) {
      call_helper(m, fn);
      m->pc++;
      return LBPF_OK;
    }
    if (m->depth + 1 >= m->max_depth) return LBPF_ERR_CALL_DEPTH;
    push_frame(m, target);
    return LBPF_OK;
  }
#line 553 "spec/semantics.nw"
  case LBPF_JMP_EXIT:
    if (m->depth == 0)
      m->halted = 1;
    else
      pop_frame(m);
    return LBPF_OK;
  default:
    if (jump_taken(insn.opcode, m->reg[insn.dst], operand(m, insn))) return jump_to(m, insn.offset);
    m->pc++;
    return LBPF_OK;
  }
}
#line 597 "spec/semantics.nw"
static enum lbpf_status step_lddw(struct machine *m, struct lbpf_insn insn) {
  struct lbpf_insn hi = lbpf_program_insn(m->prog, m->pc + 1);
  m->reg[insn.dst] = (uint64_t)(uint32_t)insn.imm | (uint64_t)(uint32_t)hi.imm << 32;
  m->pc += 2;
  return LBPF_OK;
}
#line 611 "spec/semantics.nw"
static uint64_t address(uint64_t base, int16_t offset) {
  return base + (uint64_t)(int64_t)offset;
}

static enum lbpf_status step_load(struct machine *m, struct lbpf_insn insn) {
  unsigned n = size_bytes(insn.opcode);
  struct location loc;
  if (!locate(m, address(m->reg[insn.src], insn.offset), n, LBPF_PERM_READ, &loc))
    return LBPF_ERR_MEMORY;
  uint64_t v = read_bytes(loc, n);
  if (LBPF_MODE(insn.opcode) == LBPF_MODE_MEMSX) v = sext_from(v, 8 * n);
  m->reg[insn.dst] = v;
  m->pc++;
  return LBPF_OK;
}

static enum lbpf_status step_store(struct machine *m, struct lbpf_insn insn) {
  unsigned n = size_bytes(insn.opcode);
  struct location loc;
  if (!locate(m, address(m->reg[insn.dst], insn.offset), n, LBPF_PERM_WRITE, &loc))
    return LBPF_ERR_MEMORY;
  write_bytes(loc, n,
              LBPF_CLASS(insn.opcode) == LBPF_CLASS_ST ? (uint64_t)(int64_t)insn.imm
                                                       : m->reg[insn.src]);
  m->pc++;
  return LBPF_OK;
}
#line 647 "spec/semantics.nw"
static enum lbpf_status step_atomic(struct machine *m, struct lbpf_insn insn) {
  unsigned n = size_bytes(insn.opcode);
  struct location loc;
  if (!locate(m, address(m->reg[insn.dst], insn.offset), n, LBPF_PERM_READ | LBPF_PERM_WRITE, &loc))
    return LBPF_ERR_MEMORY;
  uint64_t old = read_bytes(loc, n), src = m->reg[insn.src],
           mask = n == 8 ? ~UINT64_C(0) : 0xffffffffu;
  switch (insn.imm & ~LBPF_ATOMIC_FETCH) {
  case LBPF_ATOMIC_ADD: write_bytes(loc, n, old + src); break;
  case LBPF_ATOMIC_OR: write_bytes(loc, n, old | src); break;
  case LBPF_ATOMIC_AND: write_bytes(loc, n, old & src); break;
  case LBPF_ATOMIC_XOR: write_bytes(loc, n, old ^ src); break;
  case LBPF_ATOMIC_XCHG & ~LBPF_ATOMIC_FETCH: write_bytes(loc, n, src); break;
  default: /* cmpxchg */
    if ((m->reg[0] & mask) == old) write_bytes(loc, n, src);
    m->reg[0] = old;
    m->pc++;
    return LBPF_OK;
  }
  if (insn.imm & LBPF_ATOMIC_FETCH) m->reg[insn.src] = old;
  m->pc++;
  return LBPF_OK;
}

#line 483 "spec/semantics.nw"
static enum lbpf_status step(struct machine *m) {
  struct lbpf_insn insn = lbpf_program_insn(m->prog, m->pc);
  m->insns++;
  switch (LBPF_CLASS(insn.opcode)) {
  case LBPF_CLASS_ALU:
  case LBPF_CLASS_ALU64: return step_alu(m, insn);
  case LBPF_CLASS_JMP:
  case LBPF_CLASS_JMP32: return step_jump(m, insn);
  case LBPF_CLASS_LD: return step_lddw(m, insn);
  case LBPF_CLASS_STX:
    if (LBPF_MODE(insn.opcode) == LBPF_MODE_ATOMIC) return step_atomic(m, insn);
    return step_store(m, insn);
  case LBPF_CLASS_ST: return step_store(m, insn);
  default: return step_load(m, insn);
  }
}
#line 721 "spec/semantics.nw"
static int environment_ok(const struct lbpf_program *prog, const struct lbpf_env *env,
                          const void *mem, size_t mem_len) {
  return prog != NULL && prog->code != NULL && prog->ninsns > 0 && env != NULL &&
         env->stack != NULL && env->stack_size >= LBPF_STACK_SIZE &&
         (env->nregions == 0 || env->regions != NULL) && (mem != NULL || mem_len == 0);
}

static void start(struct machine *m, const struct lbpf_program *prog, const struct lbpf_env *env,
                  void *mem, size_t mem_len) {
  lbpf_helper_ctx_init(&m->ctx, env, mem, mem_len);
  m->max_depth = (unsigned)(m->ctx.stack.length / LBPF_STACK_SIZE);
  m->prog = prog;
  m->env = env;
  m->reg[1] = (uint64_t)(uintptr_t)mem;
  m->reg[2] = mem_len;
  m->reg[10] = frame_pointer(m);
}

void lbpf_spec_run(const struct lbpf_program *prog, const struct lbpf_env *env, void *mem,
                   size_t mem_len, struct lbpf_result *result) {
  struct machine m = {0};
  *result = (struct lbpf_result){.status = LBPF_ERR_ARGUMENT};
  if (!environment_ok(prog, env, mem, mem_len)) return;
  start(&m, prog, env, mem, mem_len);
  enum lbpf_status s = LBPF_OK;
  while (s == LBPF_OK && !m.halted)
    s = step(&m);
  *result = (struct lbpf_result){s, m.pc, s == LBPF_OK ? m.reg[0] : 0, m.insns, m.budget_used};
}
#line 764 "spec/semantics.nw"
static void attempted_access(const struct machine *m, struct lbpf_step *st) {
  struct lbpf_insn insn = lbpf_program_insn(m->prog, m->pc);
  unsigned cls = LBPF_CLASS(insn.opcode);
  st->addr = 0;
  st->size = 0;
  st->perm = 0;
  if (cls == LBPF_CLASS_LDX) {
    st->addr = address(m->reg[insn.src], insn.offset);
    st->perm = LBPF_PERM_READ;
  } else if (cls == LBPF_CLASS_ST || cls == LBPF_CLASS_STX) {
    st->addr = address(m->reg[insn.dst], insn.offset);
    st->perm = cls == LBPF_CLASS_STX && LBPF_MODE(insn.opcode) == LBPF_MODE_ATOMIC
                   ? LBPF_PERM_READ | LBPF_PERM_WRITE
                   : LBPF_PERM_WRITE;
  } else {
    return;
  }
  st->size = size_bytes(insn.opcode);
}

void lbpf_spec_run_watched(const struct lbpf_program *prog, const struct lbpf_env *env, void *mem,
                           size_t mem_len, struct lbpf_result *result, lbpf_watch_fn watch,
                           void *user) {
  struct machine m = {0};
  *result = (struct lbpf_result){.status = LBPF_ERR_ARGUMENT};
  if (!environment_ok(prog, env, mem, mem_len) || watch == NULL) return;
  start(&m, prog, env, mem, mem_len);
  enum lbpf_status s = LBPF_OK;
  while (s == LBPF_OK && !m.halted) {
    struct lbpf_step st;
    st.pc = m.pc;
    st.depth = m.depth;
    for (int i = 0; i < LBPF_NREGS; i++)
      st.before[i] = m.reg[i];
    attempted_access(&m, &st);
    s = step(&m);
    st.status = s;
    for (int i = 0; i < LBPF_NREGS; i++)
      st.after[i] = m.reg[i];
    watch(user, &st);
  }
  *result = (struct lbpf_result){s, m.pc, s == LBPF_OK ? m.reg[0] : 0, m.insns, m.budget_used};
}
