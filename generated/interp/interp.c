#line 918 "lit/interp.nw"
/* The production interpreter (level I): pre-decoded, threaded, every check kept. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lbpf_interp.h"

#line 155 "lit/interp.nw"
#define LBPF_INTERP_ALU_FAMILY(X, W)                                                               \
  X(ADD##W##_K)                                                                                    \
  X(ADD##W##_X) X(SUB##W##_K) X(SUB##W##_X) X(MUL##W##_K) X(MUL##W##_X) X(DIV##W##_K)              \
      X(DIV##W##_X) X(OR##W##_K) X(OR##W##_X) X(AND##W##_K) X(AND##W##_X) X(LSH##W##_K)            \
          X(LSH##W##_X) X(RSH##W##_K) X(RSH##W##_X) X(NEG##W) X(HOLE_NEG##W##_X) X(MOD##W##_K)     \
              X(MOD##W##_X) X(XOR##W##_K) X(XOR##W##_X) X(MOV##W##_K) X(MOV##W##_X) X(ARSH##W##_K) \
                  X(ARSH##W##_X) X(HOLE_END##W##_K) X(HOLE_END##W##_X)

#define LBPF_INTERP_JMP_FAMILY(X, W, JA, CALL, CALLX, EXIT, EXITX)                                 \
  X(JA)                                                                                            \
  X(HOLE_JA##W##_X) X(JEQ##W##_K) X(JEQ##W##_X) X(JGT##W##_K) X(JGT##W##_X) X(JGE##W##_K)          \
      X(JGE##W##_X) X(JSET##W##_K) X(JSET##W##_X) X(JNE##W##_K) X(JNE##W##_X) X(JSGT##W##_K)       \
          X(JSGT##W##_X) X(JSGE##W##_K) X(JSGE##W##_X) X(CALL) X(CALLX) X(EXIT) X(EXITX)           \
              X(JLT##W##_K) X(JLT##W##_X) X(JLE##W##_K) X(JLE##W##_X) X(JSLT##W##_K)               \
                  X(JSLT##W##_X) X(JSLE##W##_K) X(JSLE##W##_X)

#define LBPF_INTERP_HANDLERS(X)                                                                    \
  LBPF_INTERP_ALU_FAMILY(X, 64)                                                                    \
  LBPF_INTERP_ALU_FAMILY(X, 32)                                                                    \
  LBPF_INTERP_JMP_FAMILY(X, 64, JA, CALL_HELPER, CALLX, EXIT, HOLE_EXIT_X)                         \
  LBPF_INTERP_JMP_FAMILY(X, 32, JA32, HOLE_CALL32_K, HOLE_CALL32_X, HOLE_EXIT32_K, HOLE_EXIT32_X)  \
  X(SDIV64_K)                                                                                      \
  X(SDIV64_X) X(SMOD64_K) X(SMOD64_X) X(SDIV32_K) X(SDIV32_X) X(SMOD32_K) X(SMOD32_X) X(MOVSX64_8) \
      X(MOVSX64_16) X(MOVSX64_32) X(MOVSX32_8) X(MOVSX32_16) X(LE16) X(LE32) X(LE64) X(BSWAP16)    \
          X(BSWAP32) X(BSWAP64) X(CALL_LOCAL) X(LDX_W) X(LDX_H) X(LDX_B) X(LDX_DW) X(LDXS_W)       \
              X(LDXS_H) X(LDXS_B) X(HOLE_LDXS_DW) X(ST_W) X(ST_H) X(ST_B) X(ST_DW) X(STX_W)        \
                  X(STX_H) X(STX_B) X(STX_DW) X(ATOMIC_W) X(ATOMIC_DW) X(LDDW) X(LDDW_HIGH)

#define LBPF_INTERP_ENUM(name) H_##name,
enum lbpf_interp_handler { LBPF_INTERP_HANDLERS(LBPF_INTERP_ENUM) H_COUNT };
#line 242 "lit/interp.nw"
static uint32_t lbpf_interp_le32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
#line 255 "lit/interp.nw"
static void lbpf_interp_predecode(struct lbpf_interp_slot *slot, const uint8_t *insn,
                                  const struct lbpf_env *env) {
  uint8_t opcode = insn[0];
  unsigned dst = insn[1] & 0x0f, src = insn[1] >> 4;
  int16_t off = (int16_t)(uint16_t)(insn[2] | insn[3] << 8);
  int32_t imm = (int32_t)lbpf_interp_le32(insn + 4);
  unsigned op = opcode >> 4, x = (opcode & LBPF_SRC_X) != 0; /* for ALU and JMP classes */
  unsigned h = H_LDDW_HIGH; /* overwritten below for every verified opcode */
  int32_t arg = imm;
  switch (LBPF_CLASS(opcode)) {
  case LBPF_CLASS_ALU64:
  case LBPF_CLASS_ALU: {
    unsigned base = LBPF_CLASS(opcode) == LBPF_CLASS_ALU64 ? H_ADD64_K : H_ADD32_K;
    bool wide = base == H_ADD64_K;
    h = base + 2 * op + x;
    if (x) arg = (int32_t)src;

#line 311 "lit/interp.nw"
    if (off == 1 && (opcode & 0xf0) == LBPF_ALU_DIV)
      h = (wide ? H_SDIV64_K : H_SDIV32_K) + x;
    else if (off == 1 && (opcode & 0xf0) == LBPF_ALU_MOD)
      h = (wide ? H_SMOD64_K : H_SMOD32_K) + x;
    else if (off != 0 && (opcode & 0xf0) == LBPF_ALU_MOV)
      h = wide ? (off == 8    ? H_MOVSX64_8
                  : off == 16 ? H_MOVSX64_16
                              : H_MOVSX64_32)
               : (off == 8 ? H_MOVSX32_8 : H_MOVSX32_16);
    else if ((opcode & 0xf0) == LBPF_ALU_END) {
      unsigned width = imm == 16 ? 0 : imm == 32 ? 1 : 2;
      h = (!wide && !x ? H_LE16 : H_BSWAP16) + width;
    }
#line 272 "lit/interp.nw"
    break;
  }
  case LBPF_CLASS_JMP:
  case LBPF_CLASS_JMP32:
    h = (LBPF_CLASS(opcode) == LBPF_CLASS_JMP ? H_JA : H_JA32) + 2 * op + x;
    if (x) arg = (int32_t)src;

#line 331 "lit/interp.nw"
    if (h == H_CALL_HELPER && src == LBPF_CALL_LOCAL)
      h = H_CALL_LOCAL;
    else if (h == H_CALL_HELPER) {
      size_t i = 0;
      while (env->helpers[i].id != (uint32_t)imm || env->helpers[i].fn == NULL)
        i++;
      arg = (int32_t)i;
    }
#line 279 "lit/interp.nw"
    break;
  case LBPF_CLASS_LDX:
    h = (LBPF_MODE(opcode) == LBPF_MODE_MEMSX ? H_LDXS_W : H_LDX_W) + (LBPF_SIZE(opcode) >> 3);
    arg = (int32_t)src;
    break;
  case LBPF_CLASS_ST: h = H_ST_W + (LBPF_SIZE(opcode) >> 3); break;
  case LBPF_CLASS_STX:
    if (LBPF_MODE(opcode) == LBPF_MODE_ATOMIC) {
      /* the source register in the low byte, the atomic operation above it */
      h = LBPF_SIZE(opcode) == LBPF_SIZE_DW ? H_ATOMIC_DW : H_ATOMIC_W;
      arg = (int32_t)(src | (uint32_t)imm << 8);
    } else {
      h = H_STX_W + (LBPF_SIZE(opcode) >> 3);
      arg = (int32_t)src;
    }
    break;
  case LBPF_CLASS_LD: h = H_LDDW; break;
  }
  slot->op = (uint8_t)h;
  slot->dst = (uint8_t)dst;
  slot->off = off;
  slot->imm = arg;
}
#line 199 "lit/interp.nw"
size_t lbpf_interp_code_size(uint32_t ninsns) {
  return (size_t)ninsns * sizeof(struct lbpf_interp_slot);
}

enum lbpf_status lbpf_interp_load(struct lbpf_interp *vm, const uint8_t *code, size_t size,
                                  const struct lbpf_env *env, void *buf, size_t buf_size,
                                  struct lbpf_fault *fault) {
  struct lbpf_program prog;
  enum lbpf_status status = lbpf_verify(code, size, env, &prog, fault);
  if (status != LBPF_OK) return status;
  if (buf == NULL || (uintptr_t)buf % _Alignof(struct lbpf_interp_slot) != 0 ||
      buf_size < lbpf_interp_code_size(prog.ninsns)) {
    fault->status = LBPF_ERR_ARGUMENT;
    fault->pc = 0;
    return LBPF_ERR_ARGUMENT;
  }
  struct lbpf_interp_slot *slots = buf;
  for (uint32_t pc = 0; pc < prog.ninsns; pc++) {
    lbpf_interp_predecode(&slots[pc], prog.code + (size_t)pc * LBPF_INSN_SIZE, env);
    if (slots[pc].op == H_LDDW) {
      pc++;

#line 231 "lit/interp.nw"
      const uint8_t *high = prog.code + (size_t)pc * LBPF_INSN_SIZE;
      slots[pc].op = H_LDDW_HIGH;
      slots[pc].dst = 0;
      slots[pc].off = 0;
      slots[pc].imm = (int32_t)lbpf_interp_le32(high + 4);
#line 221 "lit/interp.nw"
    }
  }
  vm->code = slots;
  vm->ninsns = prog.ninsns;
  vm->env = env;
  return LBPF_OK;
}
#line 365 "lit/interp.nw"
struct lbpf_interp_cache {
  uint64_t lo;
  uint64_t len; /* at least 8 */
};

struct lbpf_interp_memory {
  struct lbpf_interp_cache read, write; /* the last regions that answered */
  struct lbpf_region fixed[2];          /* the input memory and the stack */
  const struct lbpf_env *env;           /* for its regions */
};
#line 388 "lit/interp.nw"
static uint64_t cache_lo(const struct lbpf_region *r) {
  return (uint64_t)(uintptr_t)r->base;
}

static bool lbpf_interp_inside(const struct lbpf_region *r, uint64_t a, uint64_t n, unsigned perm) {
  uint64_t lo = cache_lo(r), len = r->length;
  return (r->perm & perm) == perm && len >= n && a >= lo && a - lo <= len - n;
}

static void *lbpf_interp_search(const struct lbpf_interp_memory *m, uint64_t a, uint64_t n,
                                unsigned perm, struct lbpf_interp_cache *cache) {
  const struct lbpf_region *hit = NULL;
  for (size_t i = 0; i < 2 && hit == NULL; i++)
    if (lbpf_interp_inside(&m->fixed[i], a, n, perm)) hit = &m->fixed[i];
  for (size_t i = 0; i < m->env->nregions && hit == NULL; i++)
    if (lbpf_interp_inside(&m->env->regions[i], a, n, perm)) hit = &m->env->regions[i];
  if (hit == NULL) return NULL;
  if (cache != NULL && hit->length >= 8 && hit->length <= UINT64_MAX - cache_lo(hit)) {
    cache->lo = (uint64_t)(uintptr_t)hit->base;
    cache->len = hit->length;
  }
  return (void *)(uintptr_t)a;
}
#line 420 "lit/interp.nw"
static inline void *lbpf_interp_access(const struct lbpf_interp_memory *m,
                                       struct lbpf_interp_cache *c, uint64_t a, uint64_t n,
                                       unsigned perm) {
  if (a - c->lo <= c->len - n) return (void *)(uintptr_t)a;
  return lbpf_interp_search(m, a, n, perm, c);
}
#line 613 "lit/interp.nw"
static inline uint16_t lbpf_interp_bswap16(uint16_t v) {
  return (uint16_t)(v >> 8 | v << 8);
}
static inline uint32_t lbpf_interp_bswap32(uint32_t v) {
  return v >> 24 | (v >> 8 & 0xff00) | (v << 8 & 0xff0000) | v << 24;
}
#line 478 "lit/interp.nw"
#if defined(__GNUC__) && !defined(LBPF_INTERP_SWITCH)
#define LBPF_INTERP_THREADED 1
#define HANDLER(name) L_##name:
#define DISPATCH() goto *labels[ip->op]
#define LBPF_INTERP_LABEL(name) &&L_##name,
#else
#define LBPF_INTERP_THREADED 0
#define HANDLER(name) case H_##name:
#define DISPATCH() goto dispatch
#endif
#define NEXT() goto next
#line 434 "lit/interp.nw"
#define ADDRESS(reg) (r[reg] + (uint64_t)(int64_t)ip->off)
#define CHECKED(p, a, n, cache, perm)                                                              \
  do {                                                                                             \
    if ((p = lbpf_interp_access(&memory, &memory.cache, (a), (n), (perm))) == NULL)                \
      goto error_memory;                                                                           \
  } while (0)
#define LOAD(T, reg)                                                                               \
  do {                                                                                             \
    void *p_;                                                                                      \
    T v_;                                                                                          \
    CHECKED(p_, ADDRESS(reg), sizeof(T), read, LBPF_PERM_READ);                                    \
    memcpy(&v_, p_, sizeof(T));                                                                    \
    value = (uint64_t)v_;                                                                          \
  } while (0)
#define LOAD_SIGNED(T, reg)                                                                        \
  do {                                                                                             \
    void *p_;                                                                                      \
    T v_;                                                                                          \
    CHECKED(p_, ADDRESS(reg), sizeof(T), read, LBPF_PERM_READ);                                    \
    memcpy(&v_, p_, sizeof(T));                                                                    \
    value = (uint64_t)(int64_t)v_;                                                                 \
  } while (0)
#define STORE(T, v)                                                                                \
  do {                                                                                             \
    void *p_;                                                                                      \
    T v_ = (T)(v);                                                                                 \
    CHECKED(p_, ADDRESS(ip->dst), sizeof(T), write, LBPF_PERM_WRITE);                              \
    memcpy(p_, &v_, sizeof(T));                                                                    \
  } while (0)
#line 532 "lit/interp.nw"
#define BINARY(NAME, W, body)                                                                      \
  HANDLER(NAME##W##_K) s = (uint64_t)(int64_t)ip->imm;                                             \
  goto NAME##W;                                                                                    \
  HANDLER(NAME##W##_X) s = r[ip->imm];                                                             \
  NAME##W : body;                                                                                  \
  NEXT();
#define ALU64(NAME, expr)                                                                          \
  BINARY(NAME, 64, {                                                                               \
    uint64_t d = r[ip->dst];                                                                       \
    (void)d; /* mov ignores it */                                                                  \
    r[ip->dst] = (expr);                                                                           \
  })
#define ALU32(NAME, expr)                                                                          \
  BINARY(NAME, 32, {                                                                               \
    uint32_t d = (uint32_t)r[ip->dst];                                                             \
    uint32_t t = (uint32_t)s;                                                                      \
    (void)d;                                                                                       \
    r[ip->dst] = (uint32_t)(expr);                                                                 \
  })
#line 624 "lit/interp.nw"
#define COND(NAME, W, T, cmp)                                                                      \
  HANDLER(NAME##W##_K) s = (uint64_t)(int64_t)ip->imm;                                             \
  goto NAME##W;                                                                                    \
  HANDLER(NAME##W##_X) s = r[ip->imm];                                                             \
  NAME##W : {                                                                                      \
    T d = (T)r[ip->dst];                                                                           \
    T t = (T)s;                                                                                    \
    if (cmp) {                                                                                     \
      jump = ip->off;                                                                              \
      goto take;                                                                                   \
    }                                                                                              \
  }                                                                                                \
  NEXT();
#define JUMPS(W, U, S)                                                                             \
  COND(JEQ, W, U, d == t)                                                                          \
  COND(JNE, W, U, d != t)                                                                          \
  COND(JSET, W, U, (d & t) != 0)                                                                   \
  COND(JGT, W, U, d > t)                                                                           \
  COND(JGE, W, U, d >= t)                                                                          \
  COND(JLT, W, U, d < t)                                                                           \
  COND(JLE, W, U, d <= t)                                                                          \
  COND(JSGT, W, U, (S)d > (S)t)                                                                    \
  COND(JSGE, W, U, (S)d >= (S)t)                                                                   \
  COND(JSLT, W, U, (S)d < (S)t)                                                                    \
  COND(JSLE, W, U, (S)d <= (S)t)
#line 803 "lit/interp.nw"
void lbpf_interp_run(struct lbpf_interp *vm, void *mem, size_t mem_len,
                     struct lbpf_result *result) {
#if LBPF_INTERP_THREADED
  static const void *const labels[] = {LBPF_INTERP_HANDLERS(LBPF_INTERP_LABEL)};
#endif
  const struct lbpf_env *env = vm->env;

#line 862 "lit/interp.nw"
  if (env == NULL || env->stack == NULL || env->stack_size < LBPF_STACK_SIZE ||
      (env->nregions != 0 && env->regions == NULL) || (mem == NULL && mem_len != 0)) {
    *result = (struct lbpf_result){LBPF_ERR_ARGUMENT, 0, 0, 0, 0};
    return;
  }
#line 810 "lit/interp.nw"
  const struct lbpf_interp_slot *const code = vm->code;
  const struct lbpf_interp_slot *ip = code, *run_start = code;
  uint64_t *const r = vm->regs;
  uint64_t budget_left = env->budget, insns = 0, s = 0, value, width;
  int32_t jump;
  uint32_t depth = 0;
  size_t nframes = env->stack_size / LBPF_STACK_SIZE;
  if (nframes > LBPF_MAX_CALL_DEPTH) nframes = LBPF_MAX_CALL_DEPTH;

#line 874 "lit/interp.nw"
  size_t stack_len = nframes * LBPF_STACK_SIZE;
  uint8_t *stack = (uint8_t *)env->stack + (env->stack_size - stack_len);
#line 819 "lit/interp.nw"
  enum lbpf_status status = LBPF_OK;
  struct lbpf_interp_memory memory = {{(uint64_t)(uintptr_t)stack, stack_len},
                                      {(uint64_t)(uintptr_t)stack, stack_len},
                                      {{mem, mem_len, LBPF_PERM_READ | LBPF_PERM_WRITE},
                                       {stack, stack_len, LBPF_PERM_READ | LBPF_PERM_WRITE}},
                                      env};
  memset(r, 0, sizeof vm->regs);
  r[1] = (uint64_t)(uintptr_t)mem;
  r[2] = mem_len;
  r[10] = (uint64_t)(uintptr_t)stack + stack_len;
  DISPATCH();
next:
  ip++;
  DISPATCH();
#if !LBPF_INTERP_THREADED
dispatch:
  switch (ip->op) {
#endif

#line 562 "lit/interp.nw"
    ALU64(ADD, d + s)
    ALU64(SUB, d - s)
    ALU64(MUL, d * s)
    ALU64(DIV, s ? d / s : 0)
    ALU64(MOD, s ? d % s : d)
    ALU64(OR, d | s)
    ALU64(AND, d & s)
    ALU64(XOR, d ^ s)
    ALU64(LSH, d << (s & 63))
    ALU64(RSH, d >> (s & 63))
    ALU64(ARSH, (uint64_t)((int64_t)d >> (s & 63)))
    ALU64(MOV, s)
    ALU64(SDIV, s == 0 ? 0 : s == UINT64_MAX ? 0 - d : (uint64_t)((int64_t)d / (int64_t)s))
    ALU64(SMOD, s == 0 ? d : s == UINT64_MAX ? 0 : (uint64_t)((int64_t)d % (int64_t)s))
    ALU32(ADD, d + t)
    ALU32(SUB, d - t)
    ALU32(MUL, d * t)
    ALU32(DIV, t ? d / t : 0)
    ALU32(MOD, t ? d % t : d)
    ALU32(OR, d | t)
    ALU32(AND, d & t)
    ALU32(XOR, d ^ t)
    ALU32(LSH, d << (t & 31))
    ALU32(RSH, d >> (t & 31))
    ALU32(ARSH, (uint32_t)((int32_t)d >> (t & 31)))
    ALU32(MOV, t)
    ALU32(SDIV, t == 0 ? 0 : t == UINT32_MAX ? 0 - d : (uint32_t)((int32_t)d / (int32_t)t))
    ALU32(SMOD, t == 0 ? d : t == UINT32_MAX ? 0 : (uint32_t)((int32_t)d % (int32_t)t))
    HANDLER(NEG64) r[ip->dst] = 0 - r[ip->dst];
    NEXT();
    HANDLER(NEG32) r[ip->dst] = (uint32_t)(0 - (uint32_t)r[ip->dst]);
    NEXT();
    HANDLER(MOVSX64_8) r[ip->dst] = (uint64_t)(int64_t)(int8_t)r[ip->imm];
    NEXT();
    HANDLER(MOVSX64_16) r[ip->dst] = (uint64_t)(int64_t)(int16_t)r[ip->imm];
    NEXT();
    HANDLER(MOVSX64_32) r[ip->dst] = (uint64_t)(int64_t)(int32_t)r[ip->imm];
    NEXT();
    HANDLER(MOVSX32_8) r[ip->dst] = (uint32_t)(int32_t)(int8_t)r[ip->imm];
    NEXT();
    HANDLER(MOVSX32_16) r[ip->dst] = (uint32_t)(int32_t)(int16_t)r[ip->imm];
    NEXT();
    HANDLER(LE16) r[ip->dst] = (uint16_t)r[ip->dst];
    NEXT();
    HANDLER(LE32) r[ip->dst] = (uint32_t)r[ip->dst];
    NEXT();
    HANDLER(LE64) NEXT();
    HANDLER(BSWAP16) r[ip->dst] = lbpf_interp_bswap16((uint16_t)r[ip->dst]);
    NEXT();
    HANDLER(BSWAP32) r[ip->dst] = lbpf_interp_bswap32((uint32_t)r[ip->dst]);
    NEXT();
    HANDLER(BSWAP64) {
      uint64_t v = r[ip->dst];
      r[ip->dst] = (uint64_t)lbpf_interp_bswap32((uint32_t)v) << 32 |
                   lbpf_interp_bswap32((uint32_t)(v >> 32));
      NEXT();
    }
#line 839 "lit/interp.nw"

#line 652 "lit/interp.nw"
    JUMPS(64, uint64_t, int64_t)
    JUMPS(32, uint32_t, int32_t)
    HANDLER(JA) jump = ip->off;
    goto take;
    HANDLER(JA32) jump = ip->imm;
    goto take;
#line 511 "lit/interp.nw"
  take:
    if (jump < 0) {
      if (budget_left == 0) goto error_budget;
      budget_left--;
    }

#line 503 "lit/interp.nw"
    insns += (uint64_t)(ip - run_start) + 1;
#line 517 "lit/interp.nw"
    ip += jump + 1;
    run_start = ip;
    DISPATCH();
#line 840 "lit/interp.nw"

#line 662 "lit/interp.nw"
    HANDLER(LDX_B) LOAD(uint8_t, ip->imm);
    r[ip->dst] = value;
    NEXT();
    HANDLER(LDX_H) LOAD(uint16_t, ip->imm);
    r[ip->dst] = value;
    NEXT();
    HANDLER(LDX_W) LOAD(uint32_t, ip->imm);
    r[ip->dst] = value;
    NEXT();
    HANDLER(LDX_DW) LOAD(uint64_t, ip->imm);
    r[ip->dst] = value;
    NEXT();
    HANDLER(LDXS_B) LOAD_SIGNED(int8_t, ip->imm);
    r[ip->dst] = value;
    NEXT();
    HANDLER(LDXS_H) LOAD_SIGNED(int16_t, ip->imm);
    r[ip->dst] = value;
    NEXT();
    HANDLER(LDXS_W) LOAD_SIGNED(int32_t, ip->imm);
    r[ip->dst] = value;
    NEXT();
    HANDLER(ST_B) STORE(uint8_t, ip->imm);
    NEXT();
    HANDLER(ST_H) STORE(uint16_t, ip->imm);
    NEXT();
    HANDLER(ST_W) STORE(uint32_t, ip->imm);
    NEXT();
    HANDLER(ST_DW) STORE(uint64_t, (int64_t)ip->imm);
    NEXT();
    HANDLER(STX_B) STORE(uint8_t, r[ip->imm]);
    NEXT();
    HANDLER(STX_H) STORE(uint16_t, r[ip->imm]);
    NEXT();
    HANDLER(STX_W) STORE(uint32_t, r[ip->imm]);
    NEXT();
    HANDLER(STX_DW) STORE(uint64_t, r[ip->imm]);
    NEXT();
    HANDLER(LDDW)
    r[ip->dst] = (uint64_t)(uint32_t)ip[0].imm | (uint64_t)(uint32_t)ip[1].imm << 32;
    insns--; /* two slots, one instruction */
    ip += 2;
    DISPATCH();
#line 841 "lit/interp.nw"

#line 699 "lit/interp.nw"
    HANDLER(ATOMIC_W) width = 4;
    goto atomic;
    HANDLER(ATOMIC_DW) width = 8;
  atomic : {
    unsigned src = (unsigned)ip->imm & 0xff, aop = (unsigned)ip->imm >> 8;
    uint64_t old, v = r[src], mask = width == 8 ? UINT64_MAX : UINT32_MAX;
    void *p = lbpf_interp_search(&memory, ADDRESS(ip->dst), width, LBPF_PERM_READ | LBPF_PERM_WRITE,
                                 NULL);
    if (p == NULL) goto error_memory;
    if (width == 8) {
      memcpy(&old, p, 8);
    } else {
      uint32_t w;
      memcpy(&w, p, 4);
      old = w;
    }
    switch (aop & ~(unsigned)LBPF_ATOMIC_FETCH) {
    case LBPF_ATOMIC_ADD: v = old + v; break;
    case LBPF_ATOMIC_OR: v = old | v; break;
    case LBPF_ATOMIC_AND: v = old & v; break;
    case LBPF_ATOMIC_XOR: v = old ^ v; break;
    case LBPF_ATOMIC_XCHG & ~LBPF_ATOMIC_FETCH: break;
    default: /* cmpxchg, the only other operation the verifier admits */
      if (((r[0] ^ old) & mask) != 0) v = old;
      r[0] = old;
      aop = 0; /* its result went to r0, not to the source */
      break;
    }
    if (width == 8) {
      memcpy(p, &v, 8);
    } else {
      uint32_t w = (uint32_t)v;
      memcpy(p, &w, 4);
    }
    if (aop & LBPF_ATOMIC_FETCH) r[src] = old;
    NEXT();
  }
#line 842 "lit/interp.nw"

#line 747 "lit/interp.nw"
    HANDLER(CALL_HELPER)
    if (budget_left == 0) goto error_budget;
    budget_left--;
    r[0] = env->helpers[ip->imm].fn(env->user, r[1], r[2], r[3], r[4], r[5]);
    NEXT();
    HANDLER(CALLX) {
      uint64_t id = r[ip->dst];
      lbpf_helper_fn fn = id <= UINT32_MAX ? lbpf_env_helper(env, (uint32_t)id) : NULL;
      if (fn == NULL) goto error_callx;
      if (budget_left == 0) goto error_budget;
      budget_left--;
      r[0] = fn(env->user, r[1], r[2], r[3], r[4], r[5]);
      NEXT();
    }
#line 768 "lit/interp.nw"
    HANDLER(CALL_LOCAL)
    if (budget_left == 0) goto error_budget;
    budget_left--; /* spent even if the depth check fails, as in the specification */
    if (depth + 1 >= nframes) goto error_depth;
    {
      struct lbpf_interp_frame *f = &vm->frames[depth++];
      memcpy(f->saved, &r[6], sizeof f->saved);
      f->ret = (uint32_t)(ip - code) + 1;
    }
    r[10] -= LBPF_STACK_SIZE;

#line 503 "lit/interp.nw"
    insns += (uint64_t)(ip - run_start) + 1;
#line 779 "lit/interp.nw"
    ip += ip->imm + 1;
    run_start = ip;
    DISPATCH();
    HANDLER(EXIT)

#line 503 "lit/interp.nw"
    insns += (uint64_t)(ip - run_start) + 1;
#line 784 "lit/interp.nw"
    if (depth == 0) goto done;
    {
      struct lbpf_interp_frame *f = &vm->frames[--depth];
      memcpy(&r[6], f->saved, sizeof f->saved);
      ip = code + f->ret;
    }
    r[10] += LBPF_STACK_SIZE;
    run_start = ip;
    DISPATCH();
#line 843 "lit/interp.nw"

#line 882 "lit/interp.nw"
    HANDLER(HOLE_NEG64_X)
    HANDLER(HOLE_END64_K) HANDLER(HOLE_END64_X) HANDLER(HOLE_NEG32_X) HANDLER(HOLE_END32_K)
        HANDLER(HOLE_END32_X) HANDLER(HOLE_JA64_X) HANDLER(HOLE_EXIT_X) HANDLER(HOLE_JA32_X)
            HANDLER(HOLE_CALL32_K) HANDLER(HOLE_CALL32_X) HANDLER(HOLE_EXIT32_K)
                HANDLER(HOLE_EXIT32_X) HANDLER(HOLE_LDXS_DW) HANDLER(LDDW_HIGH)
#if !LBPF_INTERP_THREADED
                    default :
#endif
        status = LBPF_ERR_UNKNOWN_OPCODE;
    goto error;
#line 844 "lit/interp.nw"
#if !LBPF_INTERP_THREADED
  }
#endif

#line 897 "lit/interp.nw"
error_memory:
  status = LBPF_ERR_MEMORY;
  goto error;
error_budget:
  status = LBPF_ERR_BUDGET;
  goto error;
error_depth:
  status = LBPF_ERR_CALL_DEPTH;
  goto error;
error_callx:
  status = LBPF_ERR_CALLX_TARGET;
  goto error;
error:

#line 503 "lit/interp.nw"
  insns += (uint64_t)(ip - run_start) + 1;
#line 911 "lit/interp.nw"
  r[0] = 0;
  goto done;
#line 848 "lit/interp.nw"
done:
  result->status = status;
  result->pc = (uint32_t)(ip - code);
  result->r0 = r[0];
  result->insns = insns;
  result->budget_used = env->budget - budget_left;
}
