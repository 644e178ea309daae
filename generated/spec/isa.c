#line 14 "spec/isa.nw"
#include "lbpf.h"
#include "lbpf_isa.h"

#line 65 "spec/isa.nw"
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
#line 108 "spec/isa.nw"
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
    [LBPF_ERR_ENGINE] = "engine failure",
};

const char *lbpf_status_name(enum lbpf_status status) {
  if ((unsigned)status >= LBPF_STATUS_COUNT) return "unknown status";
  return status_names[status];
}
#line 140 "spec/isa.nw"
lbpf_helper_fn lbpf_env_helper(const struct lbpf_env *env, uint32_t id) {
  if (env == NULL || env->helpers == NULL) return NULL;
  for (size_t i = 0; i < env->nhelpers; i++)
    if (env->helpers[i].id == id && env->helpers[i].fn != NULL) return env->helpers[i].fn;
  return NULL;
}
#line 373 "spec/isa.nw"
#define LBPF_FORM_ROW(name, opcode, kind, value, reads, writes, cpu)                               \
  {(opcode), (value), (kind), (cpu), (reads), (writes)},
const struct lbpf_form lbpf_forms[LBPF_NFORMS] = {LBPF_FORMS(LBPF_FORM_ROW)};
#undef LBPF_FORM_ROW
#line 446 "spec/isa.nw"
#include "isa_index.h"

static int32_t distinguishing_value(enum lbpf_kind kind, struct lbpf_insn insn) {
  switch (kind) {
  case LBPF_KIND_ALU_K:
  case LBPF_KIND_ALU_X: return insn.offset;
  case LBPF_KIND_END:
  case LBPF_KIND_ATOMIC: return insn.imm;
  case LBPF_KIND_CALL:
  case LBPF_KIND_LDDW: return insn.src;
  default: return 0;
  }
}

bool lbpf_form_matches(const struct lbpf_form *form, struct lbpf_insn insn) {
  return form->opcode == insn.opcode &&
         distinguishing_value((enum lbpf_kind)form->kind, insn) == form->value;
}

const struct lbpf_form *lbpf_form_lookup(struct lbpf_insn insn, bool *opcode_known) {
  unsigned i = lbpf_form_first[insn.opcode];
  if (opcode_known != NULL) *opcode_known = i != LBPF_FORM_NONE;
  for (; i != LBPF_FORM_NONE; i = lbpf_form_next[i])
    if (lbpf_form_matches(&lbpf_forms[i], insn)) return &lbpf_forms[i];
  return NULL;
}

const struct lbpf_form *lbpf_form_of(struct lbpf_insn insn) {
  return lbpf_form_lookup(insn, NULL);
}

uint16_t lbpf_form_registers(unsigned roles, struct lbpf_insn insn) {
  uint16_t regs = 0;
  if (roles & LBPF_ROLE_DST) regs |= (uint16_t)(1u << (insn.dst & 15));
  if (roles & LBPF_ROLE_SRC) regs |= (uint16_t)(1u << (insn.src & 15));
  if (roles & LBPF_ROLE_R0) regs |= LBPF_REGS_R0;
  if (roles & LBPF_ROLE_ARGS) regs |= LBPF_REGS_ARGS;
  return regs;
}
#line 599 "spec/isa.nw"
#define FIELD_DST 0x1u
#define FIELD_SRC 0x2u
#define FIELD_OFFSET 0x4u
#define FIELD_IMM 0x8u

/* The fields an instruction of each kind may hold nonzero, besides the
   registers its row names: the distinguishing field and the operands. */
static const uint8_t kind_fields[] = {
    [LBPF_KIND_ALU_K] = FIELD_OFFSET | FIELD_IMM,
    [LBPF_KIND_ALU_X] = FIELD_OFFSET,
    [LBPF_KIND_NEG] = 0,
    [LBPF_KIND_END] = FIELD_IMM,
    [LBPF_KIND_JA] = FIELD_OFFSET,
    [LBPF_KIND_JA32] = FIELD_IMM,
    [LBPF_KIND_JCOND_K] = FIELD_OFFSET | FIELD_IMM,
    [LBPF_KIND_JCOND_X] = FIELD_OFFSET,
    [LBPF_KIND_CALL] = FIELD_SRC | FIELD_IMM,
    [LBPF_KIND_CALLX] = 0,
    [LBPF_KIND_EXIT] = 0,
    [LBPF_KIND_LDDW] = FIELD_SRC | FIELD_IMM,
    [LBPF_KIND_LDX] = FIELD_OFFSET,
    [LBPF_KIND_ST] = FIELD_OFFSET | FIELD_IMM,
    [LBPF_KIND_STX] = FIELD_OFFSET,
    [LBPF_KIND_ATOMIC] = FIELD_OFFSET | FIELD_IMM,
};

static unsigned fields_used(const struct lbpf_form *f) {
  unsigned roles = f->reads | f->writes;
  return kind_fields[f->kind] | (roles & LBPF_ROLE_DST ? FIELD_DST : 0) |
         (roles & LBPF_ROLE_SRC ? FIELD_SRC : 0);
}

static unsigned fields_set(struct lbpf_insn insn) {
  return (insn.dst ? FIELD_DST : 0) | (insn.src ? FIELD_SRC : 0) |
         (insn.offset ? FIELD_OFFSET : 0) | (insn.imm ? FIELD_IMM : 0);
}

static enum lbpf_status check_fields(struct lbpf_insn insn, const struct lbpf_env *env) {
  bool opcode_known;
  const struct lbpf_form *f = lbpf_form_lookup(insn, &opcode_known);
  if (!opcode_known) return LBPF_ERR_UNKNOWN_OPCODE;
  if (f == NULL) {
    /* The opcode's forms share a kind: ask the first one what it uses. */
    const struct lbpf_form *any = lbpf_forms;
    while (any->opcode != insn.opcode)
      any++;
    if (fields_set(insn) & ~fields_used(any)) return LBPF_ERR_UNUSED_FIELD;
    return any->kind == LBPF_KIND_ALU_K || any->kind == LBPF_KIND_ALU_X ? LBPF_ERR_UNUSED_FIELD
                                                                        : LBPF_ERR_UNKNOWN_OPCODE;
  }
  if (fields_set(insn) & ~fields_used(f)) return LBPF_ERR_UNUSED_FIELD;
  const unsigned roles = f->reads | f->writes;
  if ((roles & LBPF_ROLE_DST && insn.dst > 10) || (roles & LBPF_ROLE_SRC && insn.src > 10))
    return LBPF_ERR_BAD_REGISTER;
  if ((f->writes & LBPF_ROLE_DST && insn.dst == 10) ||
      (f->writes & LBPF_ROLE_SRC && insn.src == 10))
    return LBPF_ERR_WRITE_R10;
  if (f->kind == LBPF_KIND_CALL && insn.src == LBPF_CALL_HELPER &&
      lbpf_env_helper(env, (uint32_t)insn.imm) == NULL)
    return LBPF_ERR_UNKNOWN_HELPER;
  return LBPF_OK;
}
#line 671 "spec/isa.nw"
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
  /* check_fields accepted insn, so it has a form */
  switch (lbpf_form_of(insn)->kind) {
  case LBPF_KIND_JA:
  case LBPF_KIND_JCOND_K:
  case LBPF_KIND_JCOND_X: return check_target(code, n, pc, insn.offset);
  case LBPF_KIND_JA32: return check_target(code, n, pc, insn.imm);
  case LBPF_KIND_CALL:
    return insn.src == LBPF_CALL_LOCAL ? check_target(code, n, pc, insn.imm) : LBPF_OK;
  case LBPF_KIND_LDDW: {
    if (pc + 1 >= n) return LBPF_ERR_INCOMPLETE_LDDW;
    struct lbpf_insn hi = lbpf_decode(code + (size_t)(pc + 1) * LBPF_INSN_SIZE);
    if (hi.opcode != 0 || hi.dst != 0 || hi.src != 0 || hi.offset != 0)
      return LBPF_ERR_INCOMPLETE_LDDW;
    return LBPF_OK;
  }
  default: return LBPF_OK;
  }
}

#line 543 "spec/isa.nw"
enum lbpf_status lbpf_verify(const uint8_t *code, size_t size, const struct lbpf_env *env,
                             struct lbpf_program *prog, struct lbpf_fault *fault) {
  struct lbpf_fault ignored;
  if (fault == NULL) fault = &ignored;
  fault->pc = 0;
  fault->status = LBPF_OK;
  if (prog != NULL) *prog = (struct lbpf_program){NULL, 0}; /* until accepted */
  if (code == NULL && size > 0) return fault->status = LBPF_ERR_ARGUMENT;

#line 736 "spec/isa.nw"
  if (env != NULL && env->regions != NULL)
    for (size_t i = 0; i < env->nregions; i++) {
      uintptr_t base = (uintptr_t)env->regions[i].base;
      size_t len = env->regions[i].length;
      if (len != 0 && len - 1 > UINTPTR_MAX - base) return fault->status = LBPF_ERR_ARGUMENT;
    }
#line 552 "spec/isa.nw"
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

#line 745 "spec/isa.nw"
  {
    uint32_t last = n - 1;
    struct lbpf_insn insn = lbpf_decode(code + (size_t)last * LBPF_INSN_SIZE);
    /* every slot was verified, so each but an lddw's second half has a form */
    unsigned k = is_second_half(code, last) ? LBPF_KIND_LDDW : lbpf_form_of(insn)->kind;
    if (k != LBPF_KIND_EXIT && k != LBPF_KIND_JA && k != LBPF_KIND_JA32) {
      fault->pc = last;
      return fault->status = LBPF_ERR_FALLS_OFF_END;
    }
  }
#line 567 "spec/isa.nw"
  if (prog != NULL) {
    prog->code = code;
    prog->ninsns = n;
  }
  return LBPF_OK;
}
