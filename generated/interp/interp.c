#line 1771 "lit/interp.nw"
/* The production interpreter (level I): pre-decoded, threaded, every check kept. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lbpf_interp.h"
#include "lbpf_isa.h"

#line 584 "lit/interp.nw"
#ifndef LBPF_INTERP_HAVM
#define LBPF_INTERP_HAVM 0 /* 1: the hybrid VM's reading (lit/havm.nw) */
#endif
#ifndef LBPF_INTERP_COMPACT
#if defined(__OPTIMIZE_SIZE__)
#define LBPF_INTERP_COMPACT 1
#else
#define LBPF_INTERP_COMPACT 0
#endif
#endif
#line 210 "lit/interp.nw"
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
                  X(STX_H) X(STX_B) X(STX_DW) X(ATOMIC_W) X(ATOMIC_DW) X(LDDW) X(LDDW_HIGH)        \
                      X(EXIT_TOP) X(CLEAR_REGISTERS)

/* The fast shape's jumps backward (see "Taking a jump"): the two jump
   families again, in the same order, after every other handler. */
#define LBPF_INTERP_BACKWARD_HANDLERS(X)                                                           \
  LBPF_INTERP_JMP_FAMILY(X, 64_B, JA_B, HOLE_CALL_B, HOLE_CALLX_B, HOLE_EXIT_B, HOLE_EXITX_B)      \
  LBPF_INTERP_JMP_FAMILY(X, 32_B, JA32_B, HOLE_CALL32_B_K, HOLE_CALL32_B_X, HOLE_EXIT32_B_K,       \
                         HOLE_EXIT32_B_X)

/* The hybrid VM's handler (lit/havm.nw), in that configuration only. */
#line 170 "lit/havm.nw"
#if LBPF_INTERP_HAVM
#define LBPF_INTERP_HAVM_HANDLERS(X) X(JIT_RUN) X(JIT_RUN_LDDW)
#else
#define LBPF_INTERP_HAVM_HANDLERS(X)
#endif

#line 246 "lit/interp.nw"
#define LBPF_INTERP_ENUM(name) H_##name,
enum lbpf_interp_handler {
  LBPF_INTERP_HANDLERS(LBPF_INTERP_ENUM) LBPF_INTERP_HAVM_HANDLERS(LBPF_INTERP_ENUM)
      LBPF_INTERP_BACKWARD_HANDLERS(LBPF_INTERP_ENUM) H_COUNT
};
_Static_assert(H_COUNT <= 256, "a handler index fits the slot's byte");
#line 471 "lit/interp.nw"
/* The family arithmetic: first is the family's handler for operation 0, K. */
#define LBPF_INTERP_FAMILY(opcode, first) ((first) + 2 * ((opcode) >> 4) + ((opcode) >> 3 & 1))
#define LBPF_INTERP_WIDE(opcode) (LBPF_CLASS(opcode) == LBPF_CLASS_ALU64)
#define LBPF_INTERP_SRC_X(opcode) ((opcode) >> 3 & 1)
#define LBPF_INTERP_ALU_HANDLER(opcode, value)                                                     \
  ((value) == 1 && ((opcode)&0xf0) == LBPF_ALU_DIV                                                 \
       ? (LBPF_INTERP_WIDE(opcode) ? H_SDIV64_K : H_SDIV32_K) + LBPF_INTERP_SRC_X(opcode)          \
   : (value) == 1 && ((opcode)&0xf0) == LBPF_ALU_MOD                                               \
       ? (LBPF_INTERP_WIDE(opcode) ? H_SMOD64_K : H_SMOD32_K) + LBPF_INTERP_SRC_X(opcode)          \
   : (value) != 0 && ((opcode)&0xf0) == LBPF_ALU_MOV                                               \
       ? (LBPF_INTERP_WIDE(opcode) ? ((value) == 8    ? H_MOVSX64_8                                \
                                      : (value) == 16 ? H_MOVSX64_16                               \
                                                      : H_MOVSX64_32)                              \
                                   : ((value) == 8 ? H_MOVSX32_8 : H_MOVSX32_16))                  \
       : LBPF_INTERP_FAMILY(opcode, LBPF_INTERP_WIDE(opcode) ? H_ADD64_K : H_ADD32_K))
#define LBPF_INTERP_END_HANDLER(opcode, value)                                                     \
  ((!LBPF_INTERP_WIDE(opcode) && !LBPF_INTERP_SRC_X(opcode) ? H_LE16 : H_BSWAP16) +                \
   ((value) == 16   ? 0                                                                            \
    : (value) == 32 ? 1                                                                            \
                    : 2))
#define LBPF_INTERP_JUMP_HANDLER(opcode)                                                           \
  LBPF_INTERP_FAMILY(opcode, LBPF_CLASS(opcode) == LBPF_CLASS_JMP ? H_JA : H_JA32)
#define LBPF_INTERP_MEM_HANDLER(opcode, kind)                                                      \
  ((kind) == LBPF_KIND_LDX                                                                         \
       ? (LBPF_MODE(opcode) == LBPF_MODE_MEMSX ? H_LDXS_W : H_LDX_W) + (LBPF_SIZE(opcode) >> 3)    \
   : (kind) == LBPF_KIND_ST            ? H_ST_W + (LBPF_SIZE(opcode) >> 3)                         \
   : (kind) == LBPF_KIND_STX           ? H_STX_W + (LBPF_SIZE(opcode) >> 3)                        \
   : LBPF_SIZE(opcode) == LBPF_SIZE_DW ? H_ATOMIC_DW                                               \
                                       : H_ATOMIC_W)
/* the kinds in the order of enum lbpf_kind: arithmetic up to END, jumps up to EXIT */
#define LBPF_INTERP_ROW_HANDLER(name, opcode, kind, value, reads, writes, cpu)                       \
  ((kind) == LBPF_KIND_ALU_K || (kind) == LBPF_KIND_ALU_X   ? LBPF_INTERP_ALU_HANDLER(opcode, value) \
   : (kind) == LBPF_KIND_END                                ? LBPF_INTERP_END_HANDLER(opcode, value) \
   : (kind) == LBPF_KIND_NEG                                ? LBPF_INTERP_ALU_HANDLER(opcode, 0)     \
   : (kind) == LBPF_KIND_CALL && (value) == LBPF_CALL_LOCAL ? H_CALL_LOCAL                           \
   : (kind) <= LBPF_KIND_EXIT                               ? LBPF_INTERP_JUMP_HANDLER(opcode)       \
   : (kind) == LBPF_KIND_LDDW                               ? H_LDDW                                 \
                              : LBPF_INTERP_MEM_HANDLER(opcode, kind)),
static const uint8_t lbpf_interp_handler_of[LBPF_NFORMS] = {LBPF_FORMS(LBPF_INTERP_ROW_HANDLER)};
#line 510 "lit/interp.nw"
static void lbpf_interp_predecode(struct lbpf_interp_slot *slot, const uint8_t *insn,
                                  const struct lbpf_env *env) {
  const struct lbpf_insn decoded = lbpf_decode(insn);
  const struct lbpf_form *form = lbpf_form_of(decoded); /* verified: never NULL */
  unsigned h = lbpf_interp_handler_of[form - lbpf_forms];
  int32_t arg = decoded.imm;
  const int32_t imm = decoded.imm;
  const unsigned src = decoded.src;
  switch (form->kind) {
  case LBPF_KIND_ALU_X:
  case LBPF_KIND_JCOND_X:
  case LBPF_KIND_CALLX: /* its register is dst; src is 0 */
  case LBPF_KIND_LDX:
  case LBPF_KIND_STX: arg = (int32_t)src; break;
  case LBPF_KIND_ATOMIC: /* the source register in the low byte, the atomic operation above it */
    arg = (int32_t)(src | (uint32_t)imm << 8);
    break;
  case LBPF_KIND_CALL:

#line 556 "lit/interp.nw"
    if (h == H_CALL_HELPER) {
      size_t i = 0;
      while (env->helpers[i].id != (uint32_t)imm || env->helpers[i].fn == NULL)
        i++;
      arg = (int32_t)i;
    }
#line 529 "lit/interp.nw"
    break;
  default: break;
  }

#line 547 "lit/interp.nw"
#if !LBPF_INTERP_COMPACT
  /* every jump but calls and exits; ja32's distance is in the immediate */
  if (form->kind >= LBPF_KIND_JA && form->kind <= LBPF_KIND_JCOND_X &&
      (form->kind == LBPF_KIND_JA32 ? imm : decoded.offset) < 0)
    h += H_JA_B - H_JA;
#endif
#line 533 "lit/interp.nw"
  slot->op = (uint8_t)h;
  slot->dst = decoded.dst;
  slot->off = decoded.offset;
  slot->imm = arg;
}
#line 1784 "lit/interp.nw"
#if !LBPF_INTERP_COMPACT
#line 364 "lit/interp.nw"
#define REG(i) ((uint16_t)(1u << (i)))

struct lbpf_interp_flow {
  uint16_t uses, defs; /* registers read, registers surely written */
  uint32_t nsucc;      /* successors: 0, 1 or 2 */
  uint32_t succ[2];
};

static struct lbpf_interp_flow lbpf_interp_flow(const uint8_t *insn, uint32_t pc) {
  const struct lbpf_insn in = lbpf_decode(insn);
  const struct lbpf_form *form = lbpf_form_of(in); /* verified: never NULL */
  struct lbpf_interp_flow f = {
      lbpf_insn_reads(form, in), lbpf_insn_writes(form, in), 1, {pc + 1, 0}};
  switch (form->kind) {
  case LBPF_KIND_EXIT: f.nsucc = 0; break;
  case LBPF_KIND_JA: f.succ[0] += (uint32_t)in.offset; break;
  case LBPF_KIND_JA32: f.succ[0] += (uint32_t)in.imm; break;
  case LBPF_KIND_JCOND_K:
  case LBPF_KIND_JCOND_X:
    f.nsucc = 2;
    f.succ[1] = pc + 1 + (uint32_t)(int32_t)in.offset;
    break;
  case LBPF_KIND_CALL:
    if (in.src == LBPF_CALL_LOCAL) {
      f.nsucc = 2;
      f.succ[1] = pc + 1 + (uint32_t)in.imm;
    }
    break;
  case LBPF_KIND_LDDW: f.succ[0] = pc + 2; break;
  default: break;
  }
  return f;
}
#line 418 "lit/interp.nw"
#define LBPF_INTERP_UNSEEN ((int16_t)-1)
#define LBPF_INTERP_NIL UINT32_MAX

static bool lbpf_interp_reads_unwritten(const struct lbpf_program *prog,
                                        struct lbpf_interp_slot *scratch) {
  const uint32_t n = prog->ninsns;
  for (uint32_t pc = 0; pc < n; pc++)
    scratch[pc] = (struct lbpf_interp_slot){0, 0, LBPF_INTERP_UNSEEN, 0};
  uint32_t list = 0; /* the entry, on the list alone */
  scratch[0] = (struct lbpf_interp_slot){1, 0, REG(1) | REG(2) | REG(10), (int32_t)LBPF_INTERP_NIL};
  while (list != LBPF_INTERP_NIL) {
    const uint32_t pc = list;
    list = (uint32_t)scratch[pc].imm;
    scratch[pc].op = 0;
    const uint16_t defined = (uint16_t)scratch[pc].off;
    const struct lbpf_interp_flow f =
        lbpf_interp_flow(prog->code + (size_t)pc * LBPF_INSN_SIZE, pc);
    if ((f.uses & ~defined) != 0) return true;
    for (uint32_t k = 0; k < f.nsucc; k++) {
      struct lbpf_interp_slot *next = &scratch[f.succ[k] < n ? f.succ[k] : pc];
      const uint16_t was = (uint16_t)next->off, now = was & (defined | f.defs);
      if (f.succ[k] >= n || now == was) continue;
      next->off = (int16_t)now;
      if (!next->op) {
        next->op = 1;
        next->imm = (int32_t)list;
        list = f.succ[k];
      }
    }
  }
  return false;
}
#line 1787 "lit/interp.nw"
#endif
#line 643 "lit/interp.nw"
/* The size field's index of an access of n bytes (a constant where n is). */
#define SIZE_INDEX(n) ((n) == 4 ? 0 : (n) == 2 ? 1 : (n) == 1 ? 2 : 3)
#line 673 "lit/interp.nw"
#if defined(__GNUC__) && LBPF_INTERP_COMPACT
/* Not "cold": GCC would move the handlers that call it into .text.unlikely,
   and the compact dispatch table holds label differences within one section. */
#define LBPF_INTERP_COLD __attribute__((noinline))
#define LBPF_INTERP_FAST_PATH __attribute__((noinline))
#define LBPF_INTERP_ONE_COPY __attribute__((noinline))
#define LBPF_INTERP_OUT_OF_LINE __attribute__((noinline))
#define LBPF_INTERP_UNLIKELY(c) __builtin_expect(!!(c), 0)
#elif defined(__GNUC__)
#define LBPF_INTERP_COLD __attribute__((noinline, cold))
#define LBPF_INTERP_FAST_PATH inline __attribute__((always_inline))
#define LBPF_INTERP_ONE_COPY
#define LBPF_INTERP_OUT_OF_LINE __attribute__((noinline))
#define LBPF_INTERP_UNLIKELY(c) __builtin_expect(!!(c), 0)
#else
#define LBPF_INTERP_COLD
#define LBPF_INTERP_FAST_PATH inline
#define LBPF_INTERP_ONE_COPY
#define LBPF_INTERP_OUT_OF_LINE
#define LBPF_INTERP_UNLIKELY(c) (c)
#endif

_Static_assert(sizeof(size_t) <= sizeof(uintptr_t), "a region's length fits a host word");

/* Put region r into cache c; a region whose extent wraps around the host's
   address space makes an entry that nothing hits (all counts zero).  Called
   from load, the run's set-up and the search: the compact shape keeps one copy. */
static LBPF_INTERP_ONE_COPY void lbpf_interp_fill(struct lbpf_interp_cache *c,
                                                  const struct lbpf_region *r) {
  uintptr_t lo = (uintptr_t)r->base, len = r->length;
  if (len > UINTPTR_MAX - lo) len = 0;
  c->lo = lo;
  c->count[0] = len >= 4 ? len - 3 : 0; /* W */
  c->count[1] = len >= 2 ? len - 1 : 0; /* H */
  c->count[2] = len;                    /* B */
  c->count[3] = len >= 8 ? len - 7 : 0; /* DW */
}

static bool lbpf_interp_inside(const struct lbpf_region *r, uint64_t a, uint64_t n, unsigned perm) {
  uint64_t lo = (uintptr_t)r->base, len = r->length;
  return (r->perm & perm) == perm && len >= n && a >= lo && a - lo <= len - n;
}

static LBPF_INTERP_COLD bool lbpf_interp_search(struct lbpf_interp *vm, uint64_t a, uint64_t n,
                                                unsigned perm, struct lbpf_interp_cache *cache) {
  const struct lbpf_region *hit = NULL;
  const struct lbpf_env *env = vm->env;
  if (lbpf_interp_inside(&vm->input, a, n, perm))
    hit = &vm->input;
  else if (lbpf_interp_inside(&vm->stack, a, n, perm))
    hit = &vm->stack;
  for (size_t i = 0; i < env->nregions && hit == NULL; i++)
    if (lbpf_interp_inside(&env->regions[i], a, n, perm)) hit = &env->regions[i];
  if (hit == NULL) return false;
  if (cache != NULL) lbpf_interp_fill(cache, hit);
  return true;
}
#line 1492 "lit/interp.nw"
/* Record a new input and start both caches on it; false, recording nothing,
   for a length without an input. */
static LBPF_INTERP_OUT_OF_LINE bool lbpf_interp_new_input(struct lbpf_interp *vm, void *mem,
                                                          size_t mem_len) {
  if (mem == NULL && mem_len != 0) return false;
  vm->input = (struct lbpf_region){mem, mem_len, LBPF_PERM_READ | LBPF_PERM_WRITE};
  lbpf_interp_fill(&vm->read, &vm->input);

#line 1569 "lit/interp.nw"
#if LBPF_INTERP_COMPACT
  lbpf_interp_fill(&vm->write, &vm->input);
#else
  vm->write = vm->read;
#endif
#line 1500 "lit/interp.nw"
  return true;
}
#line 521 "lit/havm.nw"
#if LBPF_INTERP_HAVM
#line 264 "lit/havm.nw"
static enum lbpf_status lbpf_havm_place_runs(struct lbpf_havm *vm, const struct lbpf_program *prog,
                                             struct lbpf_interp_slot *slots) {
  const size_t table = (size_t)prog->ninsns * sizeof(struct lbpf_jit_entry);
  if (vm->jit == NULL || (uintptr_t)vm->jit % 4 != 0 ||
      vm->jit_size < lbpf_havm_jit_size(prog->ninsns) || (vm->call == NULL) != LBPF_HAVM_NATIVE)
    return LBPF_ERR_ARGUMENT;
  struct lbpf_jit_entry *entries = (struct lbpf_jit_entry *)(void *)vm->jit;
  uint8_t *code = vm->jit + table;
  size_t code_len = 0;
  if (lbpf_jit_alu_compile(prog, code, vm->jit_size - table, &code_len, entries) != LBPF_OK)
    return LBPF_ERR_ARGUMENT;
  vm->code = vm->jit; /* where the code will be once moved, below */
  vm->code_len = code_len;
  for (uint32_t pc = 0; pc < prog->ninsns; pc++) {
    const uint32_t len = entries[pc].len;
    if (len == 0 || len > INT16_MAX || pc + len > prog->ninsns) continue;
    uint32_t lddws = 0;
    for (uint32_t k = pc; k < pc + len; k++)
      lddws += slots[k].op == H_LDDW;
    if (lddws > UINT8_MAX) continue;
#if LBPF_HAVM_NATIVE
    const int32_t where = (int32_t)(uint32_t)((uintptr_t)vm->jit + entries[pc].offset + 1u);
#else
    const int32_t where = (int32_t)entries[pc].offset;
#endif
    slots[pc] = (struct lbpf_interp_slot){lddws ? H_JIT_RUN_LDDW : H_JIT_RUN, (uint8_t)lddws,
                                          (int16_t)len, where};
  }
  memmove(vm->jit, code, code_len); /* over the entry table, read for the last time above */
#if LBPF_HAVM_NATIVE
  __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
  return LBPF_OK;
}
#line 523 "lit/havm.nw"
#endif
#line 278 "lit/interp.nw"
size_t lbpf_interp_code_size(uint32_t ninsns) {
  return (size_t)ninsns * sizeof(struct lbpf_interp_slot);
}

enum lbpf_status lbpf_interp_load(struct lbpf_interp *vm, const uint8_t *code, size_t size,
                                  const struct lbpf_env *env, void *buf, size_t buf_size,
                                  struct lbpf_fault *fault) {
  struct lbpf_program prog;
  vm->nframes = 0; /* unrunnable until this load succeeds */
  enum lbpf_status status = lbpf_verify(code, size, env, &prog, fault);
  if (status != LBPF_OK) return status;
  if (buf == NULL || (uintptr_t)buf % _Alignof(struct lbpf_interp_slot) != 0 ||
      buf_size < lbpf_interp_code_size(prog.ninsns)) {
    if (fault != NULL) *fault = (struct lbpf_fault){LBPF_ERR_ARGUMENT, 0};
    return LBPF_ERR_ARGUMENT;
  }
  struct lbpf_interp_slot *slots = buf;
#if LBPF_INTERP_COMPACT
  vm->clear_registers = 1;
#else
  vm->clear_registers = lbpf_interp_reads_unwritten(&prog, slots);
#endif
  vm->chunk_max = 0x40000000u; /* see "Counting" */
  bool calls = false;
  for (uint32_t pc = 0; pc < prog.ninsns; pc++) {
    lbpf_interp_predecode(&slots[pc], prog.code + (size_t)pc * LBPF_INSN_SIZE, env);
    calls |= slots[pc].op == H_CALL_LOCAL;
    if (slots[pc].op == H_LDDW) {
      pc++;

#line 323 "lit/interp.nw"
      const uint8_t *high = prog.code + (size_t)pc * LBPF_INSN_SIZE;
      slots[pc].op = H_LDDW_HIGH;
      slots[pc].dst = 0;
      slots[pc].off = 0;
      slots[pc].imm = lbpf_decode(high).imm;
#line 308 "lit/interp.nw"
    }
  }

#line 1431 "lit/interp.nw"
  for (uint32_t pc = 0; pc < prog.ninsns && !calls && !LBPF_INTERP_COMPACT; pc++)
    if (slots[pc].op == H_EXIT) slots[pc].op = H_EXIT_TOP;
#line 311 "lit/interp.nw"

#line 249 "lit/havm.nw"
#if LBPF_INTERP_HAVM
  status = lbpf_havm_place_runs((struct lbpf_havm *)vm, &prog, slots);
  if (status != LBPF_OK) {
    if (fault != NULL) *fault = (struct lbpf_fault){status, 0};
    return status;
  }
#endif
#line 312 "lit/interp.nw"
  vm->code = slots;
  vm->ninsns = prog.ninsns;
  vm->env = env;

#line 1633 "lit/interp.nw"
  vm->nframes = 0; /* unusable, unless proved otherwise */
  if (env != NULL && env->stack != NULL && env->stack_size >= LBPF_STACK_SIZE &&
      (env->nregions == 0 || env->regions != NULL)) {
    size_t nframes = env->stack_size / LBPF_STACK_SIZE;
    if (nframes > LBPF_MAX_CALL_DEPTH) nframes = LBPF_MAX_CALL_DEPTH;
    size_t stack_len = nframes * LBPF_STACK_SIZE;
    vm->nframes = (uint32_t)nframes;
    vm->stack = (struct lbpf_region){(uint8_t *)env->stack + (env->stack_size - stack_len),
                                     stack_len, LBPF_PERM_READ | LBPF_PERM_WRITE};
    lbpf_interp_fill(&vm->stack_cache, &vm->stack);
    vm->stack_top = (uint64_t)(uintptr_t)vm->stack.base + vm->stack.length;

#line 1606 "lit/interp.nw"
    vm->depth = 0;
    vm->regs[10] = vm->stack_top;
#line 1645 "lit/interp.nw"
  }
#line 316 "lit/interp.nw"
  vm->entry = vm->clear_registers ? H_CLEAR_REGISTERS : slots[0].op;
  (void)lbpf_interp_new_input(vm, NULL, 0); /* an empty input: nothing hits */
  return LBPF_OK;
}
#line 740 "lit/interp.nw"
static LBPF_INTERP_FAST_PATH bool lbpf_interp_check(struct lbpf_interp *vm,
                                                    struct lbpf_interp_cache *c, uint64_t a,
                                                    unsigned size, uint64_t n, unsigned perm) {
  uintptr_t h = (uintptr_t)a; /* a itself, if a is a host address at all */
  const struct lbpf_interp_cache *stack = &vm->stack_cache;
  return ((uint64_t)h == a && (h - c->lo < c->count[size] || h - stack->lo < stack->count[size])) ||
         lbpf_interp_search(vm, a, n, perm, c);
}
#line 1410 "lit/interp.nw"
static uint64_t lbpf_interp_call_helper(const struct lbpf_interp *vm, lbpf_helper_fn fn,
                                        const uint64_t *r) {
  struct lbpf_helper_ctx ctx;
  lbpf_helper_ctx_init(&ctx, vm->env, vm->input.base, vm->input.length);
  return fn(&ctx, r[1], r[2], r[3], r[4], r[5]);
}
#line 1192 "lit/interp.nw"
static inline uint16_t lbpf_interp_bswap16(uint16_t v) {
  return (uint16_t)(v >> 8 | v << 8);
}
static inline uint32_t lbpf_interp_bswap32(uint32_t v) {
  return v >> 24 | (v >> 8 & 0xff00) | (v << 8 & 0xff0000) | v << 24;
}
#line 836 "lit/interp.nw"
#if LBPF_INTERP_COMPACT
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "litbpf's interpreter moves memory in the host's byte order, which must be little-endian"
#endif
/* bytes of an access, indexed by the opcode's size field >> 3 (W, H, B, DW) */
static const uint8_t lbpf_interp_width[4] = {4, 2, 1, 8};

static inline uint64_t lbpf_interp_sext(uint64_t v, unsigned n) {
  uint64_t sign = UINT64_C(1) << (8 * n - 1);
  return (v ^ sign) - sign;
}
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "litbpf's interpreter moves memory in the host's byte order, which must be little-endian"
#endif
#line 853 "lit/interp.nw"
#if defined(__GNUC__) && !defined(LBPF_INTERP_SWITCH)
#define LBPF_INTERP_THREADED 1
#define HANDLER(name) L_##name:
#if LBPF_INTERP_COMPACT
#define DISPATCH_TO(h) goto *(&&L_ADD64_K + labels[h])
#define LBPF_INTERP_LABEL(name) (int16_t)(&&L_##name - &&L_ADD64_K),
#else
#define DISPATCH_TO(h) goto *labels[h]
#define LBPF_INTERP_LABEL(name) &&L_##name,
#endif
#define DISPATCH() DISPATCH_TO(ip->op)
#else
#define LBPF_INTERP_THREADED 0
#define HANDLER(name) case H_##name:
#define DISPATCH_TO(h)                                                                             \
  do {                                                                                             \
    op = (h);                                                                                      \
    goto dispatch_op;                                                                              \
  } while (0)
#define DISPATCH() goto dispatch
#endif
#if LBPF_INTERP_COMPACT
#define NEXT() goto next
#else
#define NEXT()                                                                                     \
  do {                                                                                             \
    ip++;                                                                                          \
    DISPATCH();                                                                                    \
  } while (0)
#endif
#line 952 "lit/interp.nw"
#ifndef LBPF_INTERP_COUNTERS_IN_STATE
#define LBPF_INTERP_COUNTERS_IN_STATE (UINTPTR_MAX <= 0xffffffffu && !LBPF_INTERP_COMPACT)
#endif
#if !LBPF_INTERP_COUNTERS_IN_STATE
#define LBPF_INTERP_COUNTERS uint64_t budget_left = vm->env->budget, bias = 0;
#define SPEND(cost)                                                                                \
  do {                                                                                             \
    uint32_t cost_ = (cost);                                                                       \
    if (budget_left < cost_) goto error_budget;                                                    \
    budget_left -= cost_;                                                                          \
  } while (0)
#define BIAS_ADD(delta) (bias += (uint64_t)(delta))
#define BIAS_NOW bias
#define BUDGET_USED_NOW (vm->env->budget - budget_left)
#else
#define LBPF_INTERP_COUNTERS                                                                       \
  vm->budget_handed_out = 0;                                                                       \
  vm->budget_chunk = 0;                                                                            \
  vm->bias_base = 0;                                                                               \
  vm->bias_part = 0;
#define SPEND(cost)                                                                                \
  do {                                                                                             \
    int32_t cost_ = (int32_t)(cost);                                                               \
    vm->budget_chunk -= cost_;                                                                     \
    if (vm->budget_chunk < 0 && !lbpf_interp_refill(vm, cost_)) goto error_budget;                 \
  } while (0)
#define BIAS_ADD(delta) (vm->bias_part += (uint32_t)(delta))
#define BIAS_NOW (vm->bias_base + lbpf_interp_sext32(vm->bias_part))
/* (the chunk is never below 0 outside SPEND) */
#define BUDGET_USED_NOW (vm->budget_handed_out - (uint32_t)vm->budget_chunk)
#endif
#line 1799 "lit/interp.nw"
#if LBPF_INTERP_COUNTERS_IN_STATE
#line 986 "lit/interp.nw"
/* v as a signed 32-bit number (GCC and clang convert modulo 2^32). */
static inline uint64_t lbpf_interp_sext32(uint32_t v) {
  return (uint64_t)(int64_t)(int32_t)v;
}

/* The chunk went below 0 paying cost: fold the bias's 32-bit part into its
   base and hand out the next chunk; false, with the cost given back, if even
   then the budget cannot pay it. */
static LBPF_INTERP_OUT_OF_LINE bool lbpf_interp_refill(struct lbpf_interp *vm, int32_t cost) {
  uint64_t left = vm->env->budget - vm->budget_handed_out;
  uint32_t want = vm->chunk_max - (uint32_t)vm->budget_chunk; /* chunk_max plus what is owed */
  uint32_t take = left < want ? (uint32_t)left : want;
  vm->bias_base += lbpf_interp_sext32(vm->bias_part);
  vm->bias_part = 0;
  vm->budget_handed_out += take;
  vm->budget_chunk += (int32_t)take;
  if (vm->budget_chunk >= 0) return true;
  vm->budget_chunk += cost; /* refused: the run spent nothing for it */
  return false;
}
#line 1801 "lit/interp.nw"
#endif
#line 759 "lit/interp.nw"
#define ADDRESS(reg) (r[reg] + (uint64_t)(int64_t)ip->off)
#define CHECKED(p, a, size, n, cache, perm)                                                        \
  do {                                                                                             \
    uint64_t a_ = (a);                                                                             \
    if (!lbpf_interp_check(vm, &vm->cache, a_, (size), (n), (perm))) goto error_memory;            \
    p = (void *)(uintptr_t)a_;                                                                     \
  } while (0)
#define LOAD(T, reg)                                                                               \
  do {                                                                                             \
    void *p_;                                                                                      \
    T v_;                                                                                          \
    CHECKED(p_, ADDRESS(reg), SIZE_INDEX(sizeof(T)), sizeof(T), read, LBPF_PERM_READ);             \
    memcpy(&v_, p_, sizeof(T));                                                                    \
    value = (uint64_t)v_;                                                                          \
  } while (0)
#define LOAD_SIGNED(T, reg)                                                                        \
  do {                                                                                             \
    void *p_;                                                                                      \
    T v_;                                                                                          \
    CHECKED(p_, ADDRESS(reg), SIZE_INDEX(sizeof(T)), sizeof(T), read, LBPF_PERM_READ);             \
    memcpy(&v_, p_, sizeof(T));                                                                    \
    value = (uint64_t)(int64_t)v_;                                                                 \
  } while (0)
#define STORE(T, v)                                                                                \
  do {                                                                                             \
    void *p_;                                                                                      \
    T v_ = (T)(v);                                                                                 \
    CHECKED(p_, ADDRESS(ip->dst), SIZE_INDEX(sizeof(T)), sizeof(T), write, LBPF_PERM_WRITE);       \
    memcpy(p_, &v_, sizeof(T));                                                                    \
  } while (0)
#line 1046 "lit/interp.nw"
#define BINARY(NAME, W, body)                                                                      \
  HANDLER(NAME##W##_K) s = (uint64_t)(int64_t)ip->imm;                                             \
  body;                                                                                            \
  NEXT();                                                                                          \
  HANDLER(NAME##W##_X) s = r[ip->imm];                                                             \
  body;                                                                                            \
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
#line 1203 "lit/interp.nw"
#define COND(NAME, W, T, cmp, TAKE)                                                                \
  HANDLER(NAME##W##_K) s = (uint64_t)(int64_t)ip->imm;                                             \
  COND_BODY(T, cmp, TAKE)                                                                          \
  HANDLER(NAME##W##_X) s = r[ip->imm];                                                             \
  COND_BODY(T, cmp, TAKE)
#define COND_BODY(T, cmp, TAKE)                                                                    \
  {                                                                                                \
    T d = (T)r[ip->dst];                                                                           \
    T t = (T)s;                                                                                    \
    if (cmp) {                                                                                     \
      jump = ip->off;                                                                              \
      goto TAKE;                                                                                   \
    }                                                                                              \
  }                                                                                                \
  NEXT();
#define JUMPS(W, U, S, TAKE)                                                                       \
  COND(JEQ, W, U, d == t, TAKE)                                                                    \
  COND(JNE, W, U, d != t, TAKE)                                                                    \
  COND(JSET, W, U, (d & t) != 0, TAKE)                                                             \
  COND(JGT, W, U, d > t, TAKE)                                                                     \
  COND(JGE, W, U, d >= t, TAKE)                                                                    \
  COND(JLT, W, U, d < t, TAKE)                                                                     \
  COND(JLE, W, U, d <= t, TAKE)                                                                    \
  COND(JSGT, W, U, (S)d > (S)t, TAKE)                                                              \
  COND(JSGE, W, U, (S)d >= (S)t, TAKE)                                                             \
  COND(JSLT, W, U, (S)d < (S)t, TAKE)                                                              \
  COND(JSLE, W, U, (S)d <= (S)t, TAKE)
#line 1505 "lit/interp.nw"
void lbpf_interp_run(struct lbpf_interp *vm, void *mem, size_t mem_len,
                     struct lbpf_result *result) {
#if LBPF_INTERP_THREADED && LBPF_INTERP_COMPACT
  static const int16_t labels[] = {LBPF_INTERP_HANDLERS(LBPF_INTERP_LABEL)
                                       LBPF_INTERP_HAVM_HANDLERS(LBPF_INTERP_LABEL)};
#elif LBPF_INTERP_THREADED
  static const void *const labels[] = {LBPF_INTERP_HANDLERS(LBPF_INTERP_LABEL)
                                           LBPF_INTERP_HAVM_HANDLERS(LBPF_INTERP_LABEL)
                                               LBPF_INTERP_BACKWARD_HANDLERS(LBPF_INTERP_LABEL)};
#endif

#line 1620 "lit/interp.nw"
  if (vm->nframes == 0 ||
      (LBPF_INTERP_UNLIKELY(mem != vm->input.base || mem_len != vm->input.length) &&
       !lbpf_interp_new_input(vm, mem, mem_len))) {
    *result = (struct lbpf_result){LBPF_ERR_ARGUMENT, 0, 0, 0, 0};
    return;
  }
#line 1516 "lit/interp.nw"
  const struct lbpf_interp_slot *ip = vm->code;
  uint64_t *const r = vm->regs;
  LBPF_INTERP_COUNTERS
  uint64_t insns, s = 0, value, width;
  int32_t jump;
  const uint32_t nframes = vm->nframes;
  enum lbpf_status status = LBPF_OK;
#if !LBPF_INTERP_THREADED
  unsigned op;
#endif
  r[1] = (uint64_t)(uintptr_t)mem;
  r[2] = mem_len;
  DISPATCH_TO(vm->entry);
#if LBPF_INTERP_COMPACT
next:
  ip++;
  DISPATCH();
#endif
#if !LBPF_INTERP_THREADED
dispatch:
  op = ip->op;
dispatch_op:
  switch (op) {
#endif

#line 1077 "lit/interp.nw"
#if LBPF_INTERP_COMPACT
#line 1139 "lit/interp.nw"
#define ALU_LABEL(NAME, W) HANDLER(NAME##W##_K) HANDLER(NAME##W##_X)
#define ALU_LABELS(W)                                                                              \
  ALU_LABEL(ADD, W)                                                                                \
  ALU_LABEL(SUB, W) ALU_LABEL(MUL, W) ALU_LABEL(DIV, W) ALU_LABEL(OR, W) ALU_LABEL(AND, W)         \
      ALU_LABEL(LSH, W) ALU_LABEL(RSH, W) ALU_LABEL(MOD, W) ALU_LABEL(XOR, W) ALU_LABEL(MOV, W)    \
          ALU_LABEL(ARSH, W) ALU_LABEL(SDIV, W) ALU_LABEL(SMOD, W) HANDLER(NEG##W)
    ALU_LABELS(64)
    ALU_LABELS(32) {
      unsigned h = ip->op, op;
      bool wide, sign;
      if (h >= H_SDIV64_K) { /* SDIV64, SMOD64, SDIV32, SMOD32, each K then X */
        wide = h < H_SDIV32_K;
        op = (h - H_SDIV64_K) & 2 ? LBPF_ALU_MOD : LBPF_ALU_DIV;
        sign = true;
      } else {
        wide = h < H_ADD32_K;
        op = ((h - (wide ? H_ADD64_K : H_ADD32_K)) >> 1) << 4;
        sign = op == LBPF_ALU_ARSH;
      }
      uint64_t d = r[ip->dst];
      s = (h & 1) ? r[ip->imm] : (uint64_t)(int64_t)ip->imm;
      if (!wide) {
        d = sign ? (uint64_t)(int64_t)(int32_t)d : (uint32_t)d;
        s = sign ? (uint64_t)(int64_t)(int32_t)s : (uint32_t)s;
      }
      unsigned sh = (unsigned)s & (wide ? 63 : 31);
      switch (op) {
      case LBPF_ALU_ADD: d += s; break;
      case LBPF_ALU_SUB: d -= s; break;
      case LBPF_ALU_MUL: d *= s; break;
      case LBPF_ALU_OR: d |= s; break;
      case LBPF_ALU_AND: d &= s; break;
      case LBPF_ALU_XOR: d ^= s; break;
      case LBPF_ALU_LSH: d <<= sh; break;
      case LBPF_ALU_RSH: d >>= sh; break;
      case LBPF_ALU_ARSH: d = (uint64_t)((int64_t)d >> sh); break;
      case LBPF_ALU_NEG: d = 0 - d; break;
      case LBPF_ALU_MOV: d = s; break;
      case LBPF_ALU_DIV:
        d = s == 0            ? 0
            : !sign           ? d / s
            : s == UINT64_MAX ? 0 - d
                              : (uint64_t)((int64_t)d / (int64_t)s);
        break;
      default: /* LBPF_ALU_MOD */
        d = s == 0 ? d : !sign ? d % s : s == UINT64_MAX ? 0 : (uint64_t)((int64_t)d % (int64_t)s);
        break;
      }
      r[ip->dst] = wide ? d : (uint32_t)d;
      NEXT();
    }
#line 1079 "lit/interp.nw"
#else
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
#endif
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
#line 1541 "lit/interp.nw"

#line 1233 "lit/interp.nw"
#if LBPF_INTERP_COMPACT
#line 1257 "lit/interp.nw"
#define COND_LABEL(NAME, W) HANDLER(NAME##W##_K) HANDLER(NAME##W##_X)
#define COND_LABELS(W)                                                                             \
  COND_LABEL(JEQ, W)                                                                               \
  COND_LABEL(JNE, W) COND_LABEL(JSET, W) COND_LABEL(JGT, W) COND_LABEL(JGE, W) COND_LABEL(JLT, W)  \
      COND_LABEL(JLE, W) COND_LABEL(JSGT, W) COND_LABEL(JSGE, W) COND_LABEL(JSLT, W)               \
          COND_LABEL(JSLE, W)
    COND_LABELS(64)
    COND_LABELS(32) {
      unsigned h = ip->op, wide = h < H_JA32, op = (h - (wide ? H_JA : H_JA32)) >> 1;
      bool sign = op == LBPF_JMP_JSGT >> 4 || op == LBPF_JMP_JSGE >> 4 ||
                  op == LBPF_JMP_JSLT >> 4 || op == LBPF_JMP_JSLE >> 4;
      uint64_t d = r[ip->dst], flip = sign ? UINT64_C(1) << 63 : 0, taken;
      s = (h & 1) ? r[ip->imm] : (uint64_t)(int64_t)ip->imm;
      if (!wide) {
        d = sign ? (uint64_t)(int64_t)(int32_t)d : (uint32_t)d;
        s = sign ? (uint64_t)(int64_t)(int32_t)s : (uint32_t)s;
      }
      /* a signed comparison is the unsigned one with the sign bits flipped */
      d ^= flip;
      s ^= flip;
      switch (op << 4) {
      case LBPF_JMP_JEQ: taken = d == s; break;
      case LBPF_JMP_JNE: taken = d != s; break;
      case LBPF_JMP_JSET: taken = (d & s) != 0; break;
      case LBPF_JMP_JGT:
      case LBPF_JMP_JSGT: taken = d > s; break;
      case LBPF_JMP_JGE:
      case LBPF_JMP_JSGE: taken = d >= s; break;
      case LBPF_JMP_JLT:
      case LBPF_JMP_JSLT: taken = d < s; break;
      default: /* JLE, JSLE */ taken = d <= s; break;
      }
      if (taken) {
        jump = ip->off;
        goto take;
      }
      NEXT();
    }
#line 1235 "lit/interp.nw"
#else
  JUMPS(64, uint64_t, int64_t, take)
  JUMPS(32, uint32_t, int32_t, take)
  JUMPS(64_B, uint64_t, int64_t, take_back)
  JUMPS(32_B, uint32_t, int32_t, take_back)
  HANDLER(JA_B) jump = ip->off;
  goto take_back;
  HANDLER(JA32_B) jump = ip->imm;
  goto take_back;
#endif
    HANDLER(JA) jump = ip->off;
    goto take;
    HANDLER(JA32) jump = ip->imm;
    goto take;
#line 1021 "lit/interp.nw"
#if LBPF_INTERP_COMPACT
  take:
    if (jump < 0) SPEND((uint32_t)-jump);
#else
take_back:
  SPEND((uint32_t)-jump);
take:
#endif
    BIAS_ADD(-(int64_t)jump);
    ip += jump + 1;
    DISPATCH();
#line 1542 "lit/interp.nw"

#line 1301 "lit/interp.nw"
#if LBPF_INTERP_COMPACT
#line 813 "lit/interp.nw"
    HANDLER(LDX_W)
    HANDLER(LDX_H) HANDLER(LDX_B) HANDLER(LDX_DW) HANDLER(LDXS_W) HANDLER(LDXS_H) HANDLER(LDXS_B) {
      unsigned k = ip->op - H_LDX_W, n = lbpf_interp_width[k & 3];
      void *p;
      CHECKED(p, ADDRESS(ip->imm), k & 3, n, read, LBPF_PERM_READ);
      value = 0;
      memcpy(&value, p, n);
      if (k >= 4) value = lbpf_interp_sext(value, n);
      r[ip->dst] = value;
      NEXT();
    }
    HANDLER(ST_W)
    HANDLER(ST_H) HANDLER(ST_B) HANDLER(ST_DW) HANDLER(STX_W) HANDLER(STX_H) HANDLER(STX_B)
        HANDLER(STX_DW) {
      unsigned k = ip->op - H_ST_W, n = lbpf_interp_width[k & 3];
      void *p;
      value = k < 4 ? (uint64_t)(int64_t)ip->imm : r[ip->imm];
      CHECKED(p, ADDRESS(ip->dst), k & 3, n, write, LBPF_PERM_WRITE);
      memcpy(p, &value, n);
      NEXT();
    }
#line 1303 "lit/interp.nw"
#else
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
#endif
    HANDLER(LDDW)
    r[ip->dst] = (uint64_t)(uint32_t)ip[0].imm | (uint64_t)(uint32_t)ip[1].imm << 32;
    BIAS_ADD(-1); /* two slots, one instruction */
    ip += 2;
    DISPATCH();
#line 1543 "lit/interp.nw"

#line 1342 "lit/interp.nw"
    HANDLER(ATOMIC_W) width = 4;
    goto atomic;
    HANDLER(ATOMIC_DW) width = 8;
  atomic : {
    unsigned src = (unsigned)ip->imm & 0xff, aop = (unsigned)ip->imm >> 8;
    uint64_t old, v = r[src], mask = width == 8 ? UINT64_MAX : UINT32_MAX;
    uint64_t a = ADDRESS(ip->dst);
    if (!lbpf_interp_search(vm, a, width, LBPF_PERM_READ | LBPF_PERM_WRITE, NULL))
      goto error_memory;
    void *p = (void *)(uintptr_t)a;
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
#line 1544 "lit/interp.nw"

#line 1391 "lit/interp.nw"
    HANDLER(CALL_HELPER)
    SPEND(1);
    r[0] = lbpf_interp_call_helper(vm, vm->env->helpers[ip->imm].fn, r);
    NEXT();
    HANDLER(CALLX) {
      uint64_t id = r[ip->dst];
      lbpf_helper_fn fn = id <= UINT32_MAX ? lbpf_env_helper(vm->env, (uint32_t)id) : NULL;
      if (fn == NULL) goto error_callx;
      SPEND(1);
      r[0] = lbpf_interp_call_helper(vm, fn, r);
      NEXT();
    }
#line 1436 "lit/interp.nw"
    HANDLER(CALL_LOCAL)
    /* even if the depth check fails, as in the specification */
    SPEND(vm->ninsns - (uint32_t)(ip - vm->code) - 1 - (uint32_t)ip->imm);
    if (vm->depth + 1 >= nframes) goto error_depth;
    {
      struct lbpf_interp_frame *f = &vm->frames[vm->depth++];
      memcpy(f->saved, &r[6], sizeof f->saved);
      f->ret = (uint32_t)(ip - vm->code) + 1;
    }
    r[10] -= LBPF_STACK_SIZE;
    BIAS_ADD(-(int64_t)ip->imm);
    ip += ip->imm + 1;
    DISPATCH();
#if !LBPF_INTERP_COMPACT
    HANDLER(EXIT_TOP)
    insns =
#line 908 "lit/interp.nw"
        (uint64_t)(ip - vm->code) + BIAS_NOW + 1
#line 1451 "lit/interp.nw"
        ;
    goto done;
#else
  HANDLER(EXIT_TOP)
#endif
    HANDLER(EXIT)
    if (vm->depth == 0) {
      insns =
#line 908 "lit/interp.nw"
          (uint64_t)(ip - vm->code) + BIAS_NOW + 1
#line 1458 "lit/interp.nw"
          ;
      goto done;
    }
    {
      struct lbpf_interp_frame *f = &vm->frames[--vm->depth];
      memcpy(&r[6], f->saved, sizeof f->saved);
      BIAS_ADD((uint64_t)(ip - vm->code) + 1 - f->ret);
      ip = vm->code + f->ret;
    }
    r[10] += LBPF_STACK_SIZE;
    DISPATCH();
#line 1545 "lit/interp.nw"

#line 1586 "lit/interp.nw"
    HANDLER(CLEAR_REGISTERS)
#if LBPF_INTERP_COMPACT
    r[0] = 0;
    memset(&r[3], 0, 7 * sizeof r[0]); /* r3..r9; r1 and r2 are set, r10 is kept */
#else
  r[0] = r[3] = r[4] = r[5] = r[6] = r[7] = r[8] = r[9] = 0;
#endif
    DISPATCH();
#line 1546 "lit/interp.nw"

#line 198 "lit/havm.nw"
#if LBPF_INTERP_HAVM
    HANDLER(JIT_RUN_LDDW)
    BIAS_ADD(-(int64_t)ip->dst); /* each lddw: two slots, one instruction */
    goto jit_run;
    HANDLER(JIT_RUN)
  jit_run:
#if LBPF_HAVM_NATIVE
    ((lbpf_havm_native_fn)(uintptr_t)(uint32_t)ip->imm)(r);
#else
  {
    const struct lbpf_havm *havm = (const struct lbpf_havm *)vm;
    if (!havm->call(havm->call_ctx, havm->code, havm->code_len, (uint32_t)ip->imm, r)) {
      BIAS_ADD(ip->dst); /* the run did not execute: count only its first slot */
      status = LBPF_ERR_ENGINE;
      goto error;
    }
  }
#endif
    ip += (uint16_t)ip->off;
    DISPATCH();
#endif
#line 1547 "lit/interp.nw"

#line 1652 "lit/interp.nw"
    HANDLER(HOLE_NEG64_X)
    HANDLER(HOLE_END64_K) HANDLER(HOLE_END64_X) HANDLER(HOLE_NEG32_X) HANDLER(HOLE_END32_K)
        HANDLER(HOLE_END32_X) HANDLER(HOLE_JA64_X) HANDLER(HOLE_EXIT_X) HANDLER(HOLE_JA32_X)
            HANDLER(HOLE_CALL32_K) HANDLER(HOLE_CALL32_X) HANDLER(HOLE_EXIT32_K)
                HANDLER(HOLE_EXIT32_X) HANDLER(HOLE_LDXS_DW) HANDLER(LDDW_HIGH)
#if !LBPF_INTERP_COMPACT
                    HANDLER(HOLE_JA64_B_X) HANDLER(HOLE_CALL_B) HANDLER(HOLE_CALLX_B)
                        HANDLER(HOLE_EXIT_B) HANDLER(HOLE_EXITX_B) HANDLER(HOLE_JA32_B_X)
                            HANDLER(HOLE_CALL32_B_K) HANDLER(HOLE_CALL32_B_X)
                                HANDLER(HOLE_EXIT32_B_K) HANDLER(HOLE_EXIT32_B_X)
#endif
#if !LBPF_INTERP_THREADED
                                    default :
#endif
        status = LBPF_ERR_UNKNOWN_OPCODE;
    goto error;
#line 1548 "lit/interp.nw"
#if !LBPF_INTERP_THREADED
  }
#endif

#line 1673 "lit/interp.nw"
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
  insns =
#line 908 "lit/interp.nw"
      (uint64_t)(ip - vm->code) + BIAS_NOW + 1
#line 1686 "lit/interp.nw"
      ;
  r[0] = 0;

#line 1606 "lit/interp.nw"
  vm->depth = 0;
  vm->regs[10] = vm->stack_top;
#line 1689 "lit/interp.nw"
  goto done;
#line 1552 "lit/interp.nw"
done:
  result->status = status;
  result->pc = (uint32_t)(ip - vm->code);
  result->r0 = r[0];
  result->insns = insns;
  result->budget_used = BUDGET_USED_NOW;
}
