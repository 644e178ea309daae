#line 14 "spec/isa.nw"
#include "lbpf.h"
#include "lbpf_isa.h"

#line 57 "spec/isa.nw"
static int16_t as_int16(uint16_t u) {
  return u < 0x8000u ? (int16_t)u : (int16_t)((int32_t)u - 0x10000);
}

static int32_t as_int32(uint32_t u) {
  return u < 0x80000000u ? (int32_t)u : (int32_t)((int64_t)u - 0x100000000);
}

struct lbpf_insn lbpf_decode(const uint8_t *p) {
  struct lbpf_insn insn;
  insn.opcode = p[0];
  insn.dst = p[1] & 0x0f;
  insn.src = p[1] >> 4;
  insn.offset = as_int16((uint16_t)(p[2] | p[3] << 8));
  insn.imm =
      as_int32((uint32_t)p[4] | (uint32_t)p[5] << 8 | (uint32_t)p[6] << 16 | (uint32_t)p[7] << 24);
  return insn;
}

void lbpf_encode(struct lbpf_insn insn, uint8_t *p) {
  uint16_t off = (uint16_t)insn.offset;
  uint32_t imm = (uint32_t)insn.imm;
  p[0] = insn.opcode;
  p[1] = (uint8_t)((insn.dst & 0x0f) | (insn.src & 0x0f) << 4);
  p[2] = (uint8_t)off;
  p[3] = (uint8_t)(off >> 8);
  for (int i = 0; i < 4; i++)
    p[4 + i] = (uint8_t)(imm >> (8 * i));
}

struct lbpf_insn lbpf_program_insn(const struct lbpf_program *prog, uint32_t pc) {
  return lbpf_decode(prog->code + (size_t)pc * LBPF_INSN_SIZE);
}

int lbpf_is_lddw(uint8_t opcode) {
  return opcode == (LBPF_CLASS_LD | LBPF_MODE_IMM | LBPF_SIZE_DW);
}
#line 100 "spec/isa.nw"
static const char *const status_names[LBPF_STATUS_COUNT] = {
    [LBPF_OK] = "ok",
    [LBPF_ERR_EMPTY_PROGRAM] = "empty program",
    [LBPF_ERR_PROGRAM_SIZE] = "bad program size",
    [LBPF_ERR_UNKNOWN_OPCODE] = "unknown opcode",
    [LBPF_ERR_UNUSED_FIELD] = "nonzero unused field",
    [LBPF_ERR_BAD_REGISTER] = "bad register",
    [LBPF_ERR_WRITE_R10] = "write to r10",
    [LBPF_ERR_JUMP_TARGET] = "bad jump target",
    [LBPF_ERR_INCOMPLETE_LDDW] = "incomplete lddw",
    [LBPF_ERR_UNKNOWN_HELPER] = "unknown helper",
    [LBPF_ERR_FALLS_OFF_END] = "falls off the end",
    [LBPF_ERR_MEMORY] = "memory access violation",
    [LBPF_ERR_CALLX_TARGET] = "callx to unknown helper",
    [LBPF_ERR_CALL_DEPTH] = "call depth exceeded",
    [LBPF_ERR_BUDGET] = "budget exhausted",
    [LBPF_ERR_ARGUMENT] = "bad argument",
};

const char *lbpf_status_name(enum lbpf_status status) {
  if ((unsigned)status >= LBPF_STATUS_COUNT) return "unknown status";
  return status_names[status];
}
#line 131 "spec/isa.nw"
lbpf_helper_fn lbpf_env_helper(const struct lbpf_env *env, uint32_t id) {
  if (env == NULL || env->helpers == NULL) return NULL;
  for (size_t i = 0; i < env->nhelpers; i++)
    if (env->helpers[i].id == id && env->helpers[i].fn != NULL) return env->helpers[i].fn;
  return NULL;
}
#line 157 "spec/isa.nw"
enum form {
  FORM_NONE = 0, /* not an opcode of RFC 9669 */
  FORM_ALU_K,    /* dst op= imm; offset 0, or 1 for sdiv/smod */
  FORM_ALU_X,    /* dst op= src; offset 0, 1 for sdiv/smod, 8/16(/32) for movsx */
  FORM_NEG,      /* dst = -dst */
  FORM_END,      /* byte swap of dst; imm is 16, 32 or 64 */
  FORM_JA,       /* pc += offset */
  FORM_JA32,     /* pc += imm */
  FORM_JCOND_K,  /* if dst op imm: pc += offset */
  FORM_JCOND_X,  /* if dst op src: pc += offset */
  FORM_CALL,     /* helper (src 0) or local (src 1) call; imm is id or offset */
  FORM_CALLX,    /* helper whose id is in dst */
  FORM_EXIT,     /* return */
  FORM_LDDW,     /* dst = 64-bit immediate from two slots */
  FORM_LDX,      /* dst = *(src + offset) */
  FORM_ST,       /* *(dst + offset) = imm */
  FORM_STX,      /* *(dst + offset) = src */
  FORM_ATOMIC    /* atomic op on *(dst + offset) with src; imm names the op */
};

static enum form alu_form(uint8_t opcode) {
  uint8_t op = LBPF_OP(opcode);
  int is_x = (opcode & LBPF_SRC_X) != 0;
  if (op > LBPF_ALU_END) return FORM_NONE;
  if (op == LBPF_ALU_NEG) return is_x ? FORM_NONE : FORM_NEG;
  if (op == LBPF_ALU_END) {
    /* ALU: le (K) and be (X); ALU64: bswap (K) only. */
    if (LBPF_CLASS(opcode) == LBPF_CLASS_ALU64 && is_x) return FORM_NONE;
    return FORM_END;
  }
  return is_x ? FORM_ALU_X : FORM_ALU_K;
}

static enum form jmp_form(uint8_t opcode) {
  uint8_t op = LBPF_OP(opcode);
  int is_x = (opcode & LBPF_SRC_X) != 0;
  int is32 = LBPF_CLASS(opcode) == LBPF_CLASS_JMP32;
  switch (op) {
  case LBPF_JMP_JA: return is_x ? FORM_NONE : (is32 ? FORM_JA32 : FORM_JA);
  case LBPF_JMP_CALL: return is32 ? FORM_NONE : (is_x ? FORM_CALLX : FORM_CALL);
  case LBPF_JMP_EXIT: return (is32 || is_x) ? FORM_NONE : FORM_EXIT;
  case 0xe0:
  case 0xf0: return FORM_NONE;
  default: return is_x ? FORM_JCOND_X : FORM_JCOND_K;
  }
}
#line 212 "spec/isa.nw"
static enum form mem_form(uint8_t opcode) {
  uint8_t mode = LBPF_MODE(opcode), size = LBPF_SIZE(opcode);
  switch (LBPF_CLASS(opcode)) {
  case LBPF_CLASS_LD: return lbpf_is_lddw(opcode) ? FORM_LDDW : FORM_NONE;
  case LBPF_CLASS_LDX:
    if (mode == LBPF_MODE_MEM) return FORM_LDX;
    if (mode == LBPF_MODE_MEMSX && size != LBPF_SIZE_DW) return FORM_LDX;
    return FORM_NONE;
  case LBPF_CLASS_ST: return mode == LBPF_MODE_MEM ? FORM_ST : FORM_NONE;
  default: /* STX */
    if (mode == LBPF_MODE_MEM) return FORM_STX;
    if (mode == LBPF_MODE_ATOMIC && (size == LBPF_SIZE_W || size == LBPF_SIZE_DW))
      return FORM_ATOMIC;
    return FORM_NONE;
  }
}

static enum form form_of(uint8_t opcode) {
  switch (LBPF_CLASS(opcode)) {
  case LBPF_CLASS_ALU:
  case LBPF_CLASS_ALU64: return alu_form(opcode);
  case LBPF_CLASS_JMP:
  case LBPF_CLASS_JMP32: return jmp_form(opcode);
  default: return mem_form(opcode);
  }
}
#line 300 "spec/isa.nw"
static int is_sdiv_smod(uint8_t opcode) {
  return LBPF_OP(opcode) == LBPF_ALU_DIV || LBPF_OP(opcode) == LBPF_ALU_MOD;
}

static int alu_offset_ok(struct lbpf_insn insn, int is_x) {
  if (insn.offset == 0) return 1;
  if (is_sdiv_smod(insn.opcode)) return insn.offset == 1;
  if (is_x && LBPF_OP(insn.opcode) == LBPF_ALU_MOV) {
    int is64 = LBPF_CLASS(insn.opcode) == LBPF_CLASS_ALU64;
    return insn.offset == 8 || insn.offset == 16 || (is64 && insn.offset == 32);
  }
  return 0;
}

static int atomic_op_ok(int32_t imm) {
  switch (imm) {
  case LBPF_ATOMIC_ADD:
  case LBPF_ATOMIC_ADD | LBPF_ATOMIC_FETCH:
  case LBPF_ATOMIC_OR:
  case LBPF_ATOMIC_OR | LBPF_ATOMIC_FETCH:
  case LBPF_ATOMIC_AND:
  case LBPF_ATOMIC_AND | LBPF_ATOMIC_FETCH:
  case LBPF_ATOMIC_XOR:
  case LBPF_ATOMIC_XOR | LBPF_ATOMIC_FETCH:
  case LBPF_ATOMIC_XCHG:
  case LBPF_ATOMIC_CMPXCHG: return 1;
  default: return 0;
  }
}

#define UNUSED(cond)                                                                               \
  do {                                                                                             \
    if (cond) return LBPF_ERR_UNUSED_FIELD;                                                        \
  } while (0)
#define REGISTER(r)                                                                                \
  do {                                                                                             \
    if ((r) > 10) return LBPF_ERR_BAD_REGISTER;                                                    \
  } while (0)

static enum lbpf_status check_fields(struct lbpf_insn insn, const struct lbpf_env *env) {
  switch (form_of(insn.opcode)) {
  case FORM_NONE: return LBPF_ERR_UNKNOWN_OPCODE;
  case FORM_ALU_K:
    UNUSED(insn.src != 0 || !alu_offset_ok(insn, 0));
    REGISTER(insn.dst);
    return insn.dst == 10 ? LBPF_ERR_WRITE_R10 : LBPF_OK;
  case FORM_ALU_X:
    UNUSED(insn.imm != 0 || !alu_offset_ok(insn, 1));
    REGISTER(insn.dst);
    REGISTER(insn.src);
    return insn.dst == 10 ? LBPF_ERR_WRITE_R10 : LBPF_OK;
  case FORM_NEG:
    UNUSED(insn.src != 0 || insn.offset != 0 || insn.imm != 0);
    REGISTER(insn.dst);
    return insn.dst == 10 ? LBPF_ERR_WRITE_R10 : LBPF_OK;
  case FORM_END:
    UNUSED(insn.src != 0 || insn.offset != 0);
    if (insn.imm != 16 && insn.imm != 32 && insn.imm != 64) return LBPF_ERR_UNKNOWN_OPCODE;
    REGISTER(insn.dst);
    return insn.dst == 10 ? LBPF_ERR_WRITE_R10 : LBPF_OK;
  case FORM_JA: UNUSED(insn.dst != 0 || insn.src != 0 || insn.imm != 0); return LBPF_OK;
  case FORM_JA32: UNUSED(insn.dst != 0 || insn.src != 0 || insn.offset != 0); return LBPF_OK;
  case FORM_JCOND_K:
    UNUSED(insn.src != 0);
    REGISTER(insn.dst);
    return LBPF_OK;
  case FORM_JCOND_X:
    UNUSED(insn.imm != 0);
    REGISTER(insn.dst);
    REGISTER(insn.src);
    return LBPF_OK;
  case FORM_CALL:
    UNUSED(insn.dst != 0 || insn.offset != 0);
    if (insn.src == LBPF_CALL_LOCAL) return LBPF_OK;
    if (insn.src != LBPF_CALL_HELPER) return LBPF_ERR_UNKNOWN_OPCODE;
    return lbpf_env_helper(env, (uint32_t)insn.imm) ? LBPF_OK : LBPF_ERR_UNKNOWN_HELPER;
  case FORM_CALLX:
    UNUSED(insn.src != 0 || insn.offset != 0 || insn.imm != 0);
    REGISTER(insn.dst);
    return LBPF_OK;
  case FORM_EXIT:
    UNUSED(insn.dst != 0 || insn.src != 0 || insn.offset != 0 || insn.imm != 0);
    return LBPF_OK;
  case FORM_LDDW:
    UNUSED(insn.offset != 0);
    if (insn.src != 0) return LBPF_ERR_UNKNOWN_OPCODE; /* map and BTF pseudo-loads */
    REGISTER(insn.dst);
    return insn.dst == 10 ? LBPF_ERR_WRITE_R10 : LBPF_OK;
  case FORM_LDX:
    UNUSED(insn.imm != 0);
    REGISTER(insn.dst);
    REGISTER(insn.src);
    return insn.dst == 10 ? LBPF_ERR_WRITE_R10 : LBPF_OK;
  case FORM_ST:
    UNUSED(insn.src != 0);
    REGISTER(insn.dst);
    return LBPF_OK;
  case FORM_STX:
    UNUSED(insn.imm != 0);
    REGISTER(insn.dst);
    REGISTER(insn.src);
    return LBPF_OK;
  case FORM_ATOMIC:
    if (!atomic_op_ok(insn.imm)) return LBPF_ERR_UNKNOWN_OPCODE;
    REGISTER(insn.dst);
    REGISTER(insn.src);
    return (insn.imm & LBPF_ATOMIC_FETCH) && insn.src == 10 ? LBPF_ERR_WRITE_R10 : LBPF_OK;
  }
  return LBPF_ERR_UNKNOWN_OPCODE;
}
#undef UNUSED
#undef REGISTER
#line 424 "spec/isa.nw"
static int is_second_half(const uint8_t *code, uint32_t target) {
  /* A slot is the second half of an lddw iff an lddw starts right before it
     and that lddw is not itself a second half.  Walking back over a run of
     lddw opcodes settles it without scanning the whole program. */
  uint32_t run = 0;
  while (target > run && lbpf_is_lddw(code[(size_t)(target - run - 1) * LBPF_INSN_SIZE]))
    run++;
  return run % 2 == 1;
}

static enum lbpf_status check_target(const uint8_t *code, uint32_t n, uint32_t pc, int64_t delta) {
  int64_t target = (int64_t)pc + 1 + delta;
  if (target < 0 || target >= (int64_t)n) return LBPF_ERR_JUMP_TARGET;
  return is_second_half(code, (uint32_t)target) ? LBPF_ERR_JUMP_TARGET : LBPF_OK;
}

static enum lbpf_status check_targets(const uint8_t *code, uint32_t n, uint32_t pc,
                                      struct lbpf_insn insn) {
  switch (form_of(insn.opcode)) {
  case FORM_JA:
  case FORM_JCOND_K:
  case FORM_JCOND_X: return check_target(code, n, pc, insn.offset);
  case FORM_JA32: return check_target(code, n, pc, insn.imm);
  case FORM_CALL:
    return insn.src == LBPF_CALL_LOCAL ? check_target(code, n, pc, insn.imm) : LBPF_OK;
  case FORM_LDDW: {
    if (pc + 1 >= n) return LBPF_ERR_INCOMPLETE_LDDW;
    struct lbpf_insn hi = lbpf_decode(code + (size_t)(pc + 1) * LBPF_INSN_SIZE);
    if (hi.opcode != 0 || hi.dst != 0 || hi.src != 0 || hi.offset != 0)
      return LBPF_ERR_INCOMPLETE_LDDW;
    return LBPF_OK;
  }
  default: return LBPF_OK;
  }
}

#line 255 "spec/isa.nw"
enum lbpf_status lbpf_verify(const uint8_t *code, size_t size, const struct lbpf_env *env,
                             struct lbpf_program *prog, struct lbpf_fault *fault) {
  struct lbpf_fault ignored;
  if (fault == NULL) fault = &ignored;
  fault->pc = 0;
  fault->status = LBPF_OK;
  if (prog != NULL) *prog = (struct lbpf_program){NULL, 0}; /* until accepted */
  if (code == NULL && size > 0) return fault->status = LBPF_ERR_ARGUMENT;

#line 488 "spec/isa.nw"
  if (env != NULL && env->regions != NULL)
    for (size_t i = 0; i < env->nregions; i++) {
      uintptr_t base = (uintptr_t)env->regions[i].base;
      size_t len = env->regions[i].length;
      if (len != 0 && len - 1 > UINTPTR_MAX - base) return fault->status = LBPF_ERR_ARGUMENT;
    }
#line 264 "spec/isa.nw"
  if (size == 0) return fault->status = LBPF_ERR_EMPTY_PROGRAM;
  if (size % LBPF_INSN_SIZE != 0 || size / LBPF_INSN_SIZE > LBPF_MAX_INSNS)
    return fault->status = LBPF_ERR_PROGRAM_SIZE;
  uint32_t n = (uint32_t)(size / LBPF_INSN_SIZE);
  for (uint32_t pc = 0; pc < n; pc++) {
    struct lbpf_insn insn = lbpf_decode(code + (size_t)pc * LBPF_INSN_SIZE);
    enum lbpf_status s = check_fields(insn, env);
    if (s == LBPF_OK) s = check_targets(code, n, pc, insn);
    if (s != LBPF_OK) {
      fault->pc = pc;
      return fault->status = s;
    }
    if (lbpf_is_lddw(insn.opcode)) pc++; /* the second slot was checked with the first */
  }

#line 497 "spec/isa.nw"
  {
    uint32_t last = n - 1;
    struct lbpf_insn insn = lbpf_decode(code + (size_t)last * LBPF_INSN_SIZE);
    enum form f = is_second_half(code, last) ? FORM_LDDW : form_of(insn.opcode);
    if (f != FORM_EXIT && f != FORM_JA && f != FORM_JA32) {
      fault->pc = last;
      return fault->status = LBPF_ERR_FALLS_OFF_END;
    }
  }
#line 279 "spec/isa.nw"
  if (prog != NULL) {
    prog->code = code;
    prog->ninsns = n;
  }
  return LBPF_OK;
}
