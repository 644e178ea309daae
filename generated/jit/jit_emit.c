#line 312 "lit/jit-emit.nw"
/* The analyzer and the emitter E of the ALU-run JIT. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lbpf_isa.h"
#include "lbpf_jit.h"

#line 123 "lit/jit-emit.nw"
_Static_assert(LBPF_JIT_CALL_COST >= LBPF_JIT_INTERP_ALU_COST,
               "a run of one instruction never pays, and is not planned");
static bool worth(const struct lbpf_jit_plan *p) {
  uint64_t jitted = (uint64_t)LBPF_JIT_CALL_COST + lbpf_jit_plan_cost(p) +
                    (uint64_t)LBPF_JIT_ROUTINE_COST * p->calls;
  return jitted < (uint64_t)LBPF_JIT_INTERP_ALU_COST * p->insns;
}

bool lbpf_jit_alu_worth(const struct lbpf_program *prog, uint32_t pc, uint32_t len) {
  struct lbpf_jit_plan p;
  return lbpf_jit_plan_run(&p, prog, pc, len) && worth(&p);
}
#line 156 "lit/jit-emit.nw"
size_t lbpf_jit_alu_code_bound(uint32_t ninsns) {
  return (size_t)ninsns * (LBPF_JIT_MAX_FRAME_BYTES + 2u * LBPF_JIT_MAX_INSN_BYTES);
}
#line 172 "lit/jit-emit.nw"
#define SCAN_SLOTS 3u /* offset during the scan: lbpf_jit_run_slots of the slot */
#define SCAN_WIDE 4u  /* offset during the scan: the first slot of an lddw */

static void mark(const struct lbpf_program *prog, struct lbpf_jit_entry *entries, int64_t t) {
  if (t >= 0 && t < (int64_t)prog->ninsns) entries[t].len = 1;
}

static void mark_targets(const struct lbpf_program *prog, struct lbpf_jit_entry *entries) {
  for (uint32_t pc = 0; pc < prog->ninsns; pc++)
    entries[pc] = (struct lbpf_jit_entry){0, 0};
  for (uint32_t pc = 0; pc < prog->ninsns; pc++) {
    struct lbpf_insn in = lbpf_program_insn(prog, pc);
    uint8_t cls = LBPF_CLASS(in.opcode), op = LBPF_OP(in.opcode);
    entries[pc].offset = lbpf_jit_insn_run_slots(prog, pc, in);
    if (lbpf_is_lddw(in.opcode)) {
      entries[pc].offset |= SCAN_WIDE;
      pc++;
      continue;
    }
    if (cls != LBPF_CLASS_JMP && cls != LBPF_CLASS_JMP32) continue;
    if (op == LBPF_JMP_EXIT) continue;
    if (op == LBPF_JMP_CALL) {
      if (in.src == LBPF_CALL_LOCAL && !(in.opcode & LBPF_SRC_X)) {
        mark(prog, entries, (int64_t)pc + 1 + in.imm);
        mark(prog, entries, (int64_t)pc + 1);
      }
      continue;
    }
    bool ja32 = cls == LBPF_CLASS_JMP32 && op == LBPF_JMP_JA;
    mark(prog, entries, (int64_t)pc + 1 + (ja32 ? in.imm : in.offset));
  }
}
#line 221 "lit/jit-emit.nw"
/* Plan and record the suffix of a run from e to end, with the scan's slot
   counts (entries[e..end) not yet overwritten). */
static bool plan_suffix(const struct lbpf_program *prog, const struct lbpf_jit_entry *entries,
                        uint32_t e, uint32_t end, struct lbpf_jit_plan *p,
                        struct lbpf_jit_record *rec) {
  lbpf_jit_plan_init(p);
  lbpf_jit_record_init(rec);
  for (uint32_t k = e; k < end; k += entries[k].offset & SCAN_SLOTS)
    if (!lbpf_jit_plan_record(p, rec, prog, k)) return false;
  return true;
}

enum lbpf_status lbpf_jit_alu_compile(const struct lbpf_program *prog, uint8_t *code, size_t cap,
                                      size_t *code_len, struct lbpf_jit_entry *entries) {
  if (!prog || !entries || (!code && cap)) return LBPF_ERR_ARGUMENT;
  mark_targets(prog, entries);
  size_t len = 0;
  uint32_t allowance = prog->ninsns; /* slots suffixes may compile again */
  uint32_t pc = 0;
  while (pc < prog->ninsns) {
    if (!(entries[pc].offset & SCAN_SLOTS)) {
      uint32_t step = entries[pc].offset & SCAN_WIDE ? 2 : 1;
      for (uint32_t k = 0; k < step && pc + k < prog->ninsns; k++)
        entries[pc + k] = (struct lbpf_jit_entry){0, 0};
      pc += step;
      continue;
    }
    uint32_t next = pc + (entries[pc].offset & SCAN_SLOTS);
    if (next >= prog->ninsns || !(entries[next].offset & SCAN_SLOTS)) { /* one instruction */
      for (; pc < next; pc++)
        entries[pc] = (struct lbpf_jit_entry){0, 0};
      continue;
    }
    struct lbpf_jit_plan p;
    struct lbpf_jit_record rec;
    lbpf_jit_plan_init(&p);
    lbpf_jit_record_init(&rec);
    uint32_t end = pc, slots;
    while (end < prog->ninsns && (slots = entries[end].offset & SCAN_SLOTS) != 0 &&
           lbpf_jit_plan_record(&p, &rec, prog, end))
      end += slots;
    for (uint32_t e = pc, step; e < end; e += step) {
      bool target = entries[e].len != 0;
      step = entries[e].offset & SCAN_SLOTS;
      /* p and rec: the run's, then each suffix's in turn */
      bool entry = e == pc || (target && e + step < end && end - e <= allowance &&
                               plan_suffix(prog, entries, e, end, &p, &rec));
      entries[e] = (struct lbpf_jit_entry){0, 0};
      if (step == 2) entries[e + 1] = (struct lbpf_jit_entry){0, 0};
      if (!entry || !worth(&p)) continue;
      struct lbpf_jit_buf b;
      lbpf_jit_buf_init(&b, code ? code + len : NULL, code ? cap - len : 0, NULL, 0, NULL, 0, NULL,
                        0);
      if (!code || !lbpf_jit_alu_gen_recorded(&p, &rec, &b)) {
        for (uint32_t k = 0; k < prog->ninsns; k++)
          entries[k] = (struct lbpf_jit_entry){0, 0};
        return LBPF_ERR_ARGUMENT;
      }
      if (e != pc) allowance -= end - e;
      entries[e] = (struct lbpf_jit_entry){(uint32_t)len, end - e};
      len += b.len;
    }
    pc = end;
  }
  if (code_len) *code_len = len;
  return LBPF_OK;
}
#line 289 "lit/jit-emit.nw"
bool lbpf_jit_is_lddw_slot(const struct lbpf_program *prog, uint32_t pc) {
  return pc + 1 < prog->ninsns && lbpf_is_lddw(lbpf_program_insn(prog, pc).opcode);
}
