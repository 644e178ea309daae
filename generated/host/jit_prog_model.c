#line 2320 "lit/jit.nw"
/* The whole-program JIT's code on the Thumb-2 model (host only). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lbpf_jit_prog.h"

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the model reads the state in place: a little-endian host"
#endif

#define MODEL_CODE 0x00010000u
#define MODEL_STATE 0x20000000u
#define MODEL_MSTACK 0x20100000u
#define MODEL_MSTACK_SIZE 2048u
#define MODEL_INPUT 0x30000000u
#define MODEL_STACK 0x40000000u
#define MODEL_REGIONS 0x50000000u
#define MODEL_REGION_STRIDE 0x01000000u
#define MODEL_SENTINEL 0x00f00000u
#define MODEL_MAX_AREAS 16u

struct model {
  const struct lbpf_jit_prog *vm;
  const struct lbpf_helper_ctx *hctx;
  struct lbpf_thumb_area areas[MODEL_MAX_AREAS];
  size_t nareas;
  uint8_t mstack[MODEL_MSTACK_SIZE];
};

static _Noreturn void witness_broken(const char *what, uint32_t pc, uint32_t addr) {
  fprintf(stderr, "jit: isolation witness: %s at code offset 0x%x (address 0x%08x)\n", what,
          (unsigned)(pc - MODEL_CODE), (unsigned)addr);
  abort();
}

static unsigned thumb_perm(unsigned perm) {
  return (perm & LBPF_PERM_READ ? LBPF_THUMB_READ : 0) |
         (perm & LBPF_PERM_WRITE ? LBPF_THUMB_WRITE : 0);
}

static void map(struct model *m, uint32_t at, const struct lbpf_region *r, unsigned perm) {
  if (r->length == 0) return;
  if (r->length > MODEL_REGION_STRIDE || m->nareas == MODEL_MAX_AREAS)
    witness_broken("a region the model cannot map", 0, at);
  m->areas[m->nareas++] = (struct lbpf_thumb_area){at, (uint32_t)r->length, perm, r->base};
}

/* The model address of region r (one of hctx's, or of the environment's). */
static uint32_t model_base(const struct model *m, const struct lbpf_region *r) {
  if (r == &m->hctx->input) return MODEL_INPUT;
  if (r == &m->hctx->stack) return MODEL_STACK;
  return MODEL_REGIONS + MODEL_REGION_STRIDE * (uint32_t)(r - m->vm->env->regions);
}

/* The word at model address a of the machine stack. */
static uint32_t mstack_word(const struct model *m, uint32_t a) {
  if (a < MODEL_MSTACK || a + 4 > MODEL_MSTACK + MODEL_MSTACK_SIZE)
    witness_broken("helper arguments outside the machine stack", 0, a);
  const uint8_t *p = m->mstack + (a - MODEL_MSTACK);
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t mstack_dword(const struct model *m, uint32_t a) {
  return (uint64_t)mstack_word(m, a + 4) << 32 | mstack_word(m, a);
}

/* Perform the call out named by the gate word at pc; false if pc names none. */
static bool call_out(struct model *m, struct lbpf_thumb_state *s, struct lbpf_jit_prog_state *st) {
  const struct lbpf_env *env = m->vm->env;
  uint32_t pc = s->r[15] & ~1u;
  uint64_t ret;
  if (pc >= LBPF_JIT_PROG_GATE_HELPERS) {
    size_t k = (pc - LBPF_JIT_PROG_GATE_HELPERS) / 4;
    if (pc % 4 || k >= env->nhelpers || env->helpers[k].fn == NULL || s->r[0] != st->ctx)
      return false;
    uint32_t sp = s->r[13];
    ret = env->helpers[k].fn(m->hctx, (uint64_t)s->r[3] << 32 | s->r[2], mstack_dword(m, sp),
                             mstack_dword(m, sp + 8), mstack_dword(m, sp + 16),
                             mstack_dword(m, sp + 24));
  } else if (pc == LBPF_JIT_PROG_GATE + 4u * LBPF_JIT_RT_LOCATE) {
    uint64_t a = (uint64_t)s->r[2] << 32 | s->r[1];
    const struct lbpf_region *r = lbpf_helper_region(m->hctx, a, s->r[3] & 15u, s->r[3] >> 4);
    ret = r == NULL ? 0
                    : UINT64_C(1) << 32 |
                          (uint32_t)(model_base(m, r) + (a - (uint64_t)(uintptr_t)r->base));
  } else if (pc == LBPF_JIT_PROG_GATE + 4u * LBPF_JIT_RT_CALLX) {
    uint64_t id = (uint64_t)s->r[2] << 32 | s->r[1];
    lbpf_helper_fn fn = id <= UINT32_MAX ? lbpf_env_helper(env, (uint32_t)id) : NULL;
    ret = fn == NULL ? 0
                     : UINT64_C(1) << 32 |
                           ((LBPF_JIT_PROG_GATE_HELPERS +
                             4u * (uint32_t)lbpf_jit_prog_helper_index(env, (uint32_t)id)) |
                            1u);
  } else if (pc == LBPF_JIT_PROG_GATE + 4u * LBPF_JIT_RT_ALU) {
    if (s->r[0] != MODEL_STATE) return false;
    lbpf_jit_rt_alu(st->regs, s->r[1], (int32_t)s->r[2]);
    ret = 0;
  } else {
    return false;
  }
  s->r[0] = (uint32_t)ret;
  s->r[1] = (uint32_t)(ret >> 32);
  s->r[2] = s->r[3] = s->r[12] = 0xdeadbeefu; /* the AAPCS lets a callee clobber them */
  s->r[15] = s->r[14];
  return true;
}

/* A run executes at most ninsns + budget BPF instructions (the
   specification's bound), and one BPF instruction at most
   LBPF_JIT_PROG_MAX_SLOT_BYTES / 2 model instructions (its code, slow path
   and stub included, fit that many bytes): more means the code does not
   spend the budget as the specification does. */
static uint64_t step_limit(const struct lbpf_jit_prog *vm) {
  const uint64_t per = LBPF_JIT_PROG_MAX_SLOT_BYTES / 2, n = vm->prog.ninsns + UINT64_C(2);
  uint64_t budget = vm->env->budget;
  return budget > UINT64_MAX / per - n ? UINT64_MAX : (n + budget) * per;
}

bool lbpf_jit_prog_machine_call(lbpf_jit_prog_machine_fn run, void *machine,
                                struct lbpf_havm_model_count *count, const struct lbpf_jit_prog *vm,
                                struct lbpf_jit_prog_state *st,
                                const struct lbpf_helper_ctx *hctx) {
  static struct model m;
  m.vm = vm, m.hctx = hctx, m.nareas = 0;
  memset(m.mstack, 0, sizeof m.mstack);
  m.areas[m.nareas++] =
      (struct lbpf_thumb_area){MODEL_CODE, (uint32_t)vm->code_len, LBPF_THUMB_EXEC, vm->code};
  m.areas[m.nareas++] = (struct lbpf_thumb_area){MODEL_STATE, sizeof *st,
                                                 LBPF_THUMB_READ | LBPF_THUMB_WRITE, (uint8_t *)st};
  m.areas[m.nareas++] = (struct lbpf_thumb_area){MODEL_MSTACK, MODEL_MSTACK_SIZE,
                                                 LBPF_THUMB_READ | LBPF_THUMB_WRITE, m.mstack};
  map(&m, MODEL_INPUT, &hctx->input, thumb_perm(hctx->input.perm));
  map(&m, MODEL_STACK, &hctx->stack, thumb_perm(hctx->stack.perm));
  for (size_t i = 0; i < vm->env->nregions; i++)
    map(&m, MODEL_REGIONS + MODEL_REGION_STRIDE * (uint32_t)i, &vm->env->regions[i],
        thumb_perm(vm->env->regions[i].perm));
  lbpf_jit_prog_fast_delta(&st->fast[LBPF_JIT_PROG_FAST_INPUT],
                           MODEL_INPUT - (uint32_t)(uintptr_t)hctx->input.base);
  lbpf_jit_prog_fast_delta(&st->fast[LBPF_JIT_PROG_FAST_STACK],
                           MODEL_STACK - (uint32_t)(uintptr_t)hctx->stack.base);
  st->ctx = 0x00e7c700u; /* a token: helpers get the host's context */
  struct lbpf_thumb_state s;
  memset(&s, 0, sizeof s);
  s.r[0] = MODEL_STATE;
  s.r[13] = MODEL_MSTACK + MODEL_MSTACK_SIZE;
  s.r[14] = MODEL_SENTINEL | 1u;
  s.r[15] = MODEL_CODE | 1u;
  uint64_t steps = 0, limit = step_limit(vm);
  for (;;) {
    struct lbpf_thumb_result r;
    enum lbpf_thumb_status status =
        run(machine, &s, m.areas, m.nareas, MODEL_SENTINEL, limit - steps, &r);
    steps += r.insns;
    if (count) count->insns += r.insns, count->cycles += r.cycles;
    if (status == LBPF_THUMB_RETURNED) break;
    bool ours =
        r.pc >= LBPF_JIT_PROG_GATE && r.pc < LBPF_JIT_PROG_GATE_END; /* else the ALU runs' */
    bool called =
        status == LBPF_THUMB_FAULT_FETCH && (ours ? call_out(&m, &s, st) : lbpf_jit_model_gate(&s));
    if (!called) witness_broken(lbpf_thumb_status_name(status), r.pc, r.fault_addr);
  }
  if (count) count->runs++;
  return true;
}

static enum lbpf_thumb_status thumb_model(void *machine, struct lbpf_thumb_state *s,
                                          const struct lbpf_thumb_area *areas, size_t nareas,
                                          uint32_t sentinel, uint64_t max_steps,
                                          struct lbpf_thumb_result *r) {
  (void)machine;
  return lbpf_thumb_run(s, areas, nareas, sentinel, max_steps, r);
}

bool lbpf_jit_prog_model_call(void *ctx, const struct lbpf_jit_prog *vm,
                              struct lbpf_jit_prog_state *st, const struct lbpf_helper_ctx *hctx) {
  return lbpf_jit_prog_machine_call(thumb_model, NULL, ctx, vm, st, hctx);
}
