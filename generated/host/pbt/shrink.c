#line 1735 "lit/pbt.nw"
#include <stdlib.h>
#include <string.h>

#include "lbpf_isa.h"
#include "lbpf_pbt.h"

static int is_offset_jump(const struct lbpf_insn *i) {
  uint8_t cls = LBPF_CLASS(i->opcode), op = LBPF_OP(i->opcode);
  if (cls != LBPF_CLASS_JMP && cls != LBPF_CLASS_JMP32) return 0;
  if (op == LBPF_JMP_CALL || op == LBPF_JMP_EXIT) return 0;
  return !(cls == LBPF_CLASS_JMP32 && op == LBPF_JMP_JA);
}

static int is_imm_jump(const struct lbpf_insn *i) {
  if (i->opcode == (LBPF_CLASS_JMP32 | LBPF_JMP_JA)) return 1;
  return i->opcode == (LBPF_CLASS_JMP | LBPF_JMP_CALL) && i->src == LBPF_CALL_LOCAL;
}

int64_t lbpf_pbt_target(const struct lbpf_insn *insn, uint32_t pc) {
  if (is_offset_jump(insn)) return (int64_t)pc + 1 + insn->offset;
  if (is_imm_jump(insn)) return (int64_t)pc + 1 + insn->imm;
  return -1;
}

/* Which slots are the second half of an lddw. */
static void second_halves(const struct lbpf_pbt_case *c, uint8_t *second) {
  memset(second, 0, c->nslots);
  for (uint32_t i = 0; i < c->nslots; i++)
    if (lbpf_is_lddw(c->insns[i].opcode) && i + 1 < c->nslots) second[++i] = 1;
}

/* out = c without slots [lo, hi); 0 if that cannot be expressed. */
static int delete_slots(const struct lbpf_pbt_case *c, uint32_t lo, uint32_t hi,
                        struct lbpf_pbt_case *out) {
  uint8_t second[LBPF_PBT_MAX_SLOTS];
  uint32_t w = hi - lo;
  if (w == 0 || w >= c->nslots) return 0;
  second_halves(c, second);
  if (second[lo] || (hi < c->nslots && second[hi])) return 0; /* would split an lddw */
  *out = *c;
  out->nslots = c->nslots - w;
  for (uint32_t p = 0, q = 0; p < c->nslots; p++) {
    if (p >= lo && p < hi) continue;
    struct lbpf_insn insn = c->insns[p];
    int64_t t = second[p] ? -1 : lbpf_pbt_target(&insn, p);
    if (t >= 0) {
      int64_t nt = t < lo ? t : t < hi ? lo : t - w;
      int64_t delta = nt - (int64_t)q - 1;
      if (is_imm_jump(&insn))
        insn.imm = (int32_t)delta;
      else if (delta < INT16_MIN || delta > INT16_MAX)
        return 0;
      else
        insn.offset = (int16_t)delta;
    }
    out->insns[q++] = insn;
  }
  return 1;
}
#line 1803 "lit/pbt.nw"
struct shrinker {
  const struct lbpf_engine *a, *b;
  unsigned diff, tries, max_tries, kept;
  int must_verify; /* the original verifies: so must every smaller case */
  struct lbpf_comparison *report;
  struct lbpf_pbt_case *best, *cand;
};

static int try(struct shrinker *s) {
  if (s->tries >= s->max_tries) return 0;
  s->tries++;
  struct lbpf_fault fault;
  if (s->must_verify && lbpf_pbt_verify(s->cand, &fault) != LBPF_OK) return 0;
  if ((lbpf_pbt_compare(s->a, s->b, s->cand, s->report) & s->diff) == 0) return 0;
  *s->best = *s->cand;
  s->kept++;
  return 1;
}

static int shrink_deletions(struct shrinker *s) {
  int progress = 0;
  for (uint32_t w = s->best->nslots / 2; w >= 1; w /= 2) {
    for (uint32_t lo = 0; lo + w <= s->best->nslots && s->tries < s->max_tries;) {
      if (delete_slots(s->best, lo, lo + w, s->cand) && try(s))
        progress = 1; /* the slot at lo is new: try it again */
      else
        lo++;
    }
  }
  return progress;
}

static int shrink_instructions(struct shrinker *s) {
  int progress = 0;
  uint8_t second[LBPF_PBT_MAX_SLOTS];
  for (uint32_t p = 0; p < s->best->nslots && s->tries < s->max_tries; p++) {
    second_halves(s->best, second);
    struct lbpf_insn *orig = &s->best->insns[p];
    int has_target = !second[p] && lbpf_pbt_target(orig, p) >= 0;
    /* Immediates that are plain numbers: not jump or call targets, helper
       ids, byte-swap widths or atomic operations. */
    uint8_t cls = LBPF_CLASS(orig->opcode);
    int plain_imm = 0;
    if (second[p] || lbpf_is_lddw(orig->opcode) || cls == LBPF_CLASS_ST)
      plain_imm = 1;
    else if (cls == LBPF_CLASS_ALU || cls == LBPF_CLASS_ALU64)
      plain_imm = LBPF_OP(orig->opcode) != LBPF_ALU_END;
    else if (has_target)
      plain_imm = is_offset_jump(orig) && LBPF_OP(orig->opcode) != LBPF_JMP_JA;
    if (plain_imm && orig->imm != 0) {
      *s->cand = *s->best;
      s->cand->insns[p].imm = 0;
      if (try(s))
        progress = 1;
      else {
        *s->cand = *s->best;
        s->cand->insns[p].imm = s->best->insns[p].imm / 2;
        if (try(s)) progress = 1;
      }
    }
    /* make it inert */
    static const struct lbpf_insn inert = {LBPF_CLASS_ALU64 | LBPF_ALU_MOV, 0, 0, 0, 0};
    const struct lbpf_insn *now = &s->best->insns[p];
    int is_inert = now->opcode == inert.opcode && now->dst == 0 && now->src == 0 &&
                   now->offset == 0 && now->imm == 0;
    if (!second[p] && !lbpf_is_lddw(now->opcode) && !is_inert) {
      *s->cand = *s->best;
      s->cand->insns[p] = inert;
      if (try(s)) progress = 1;
    }
  }
  return progress;
}

static int shrink_input(struct shrinker *s) {
  int progress = 0;
  while (s->best->mem_len > 0 && s->tries < s->max_tries) {
    *s->cand = *s->best;
    s->cand->mem_len = s->best->mem_len / 2;
    if (try(s)) {
      progress = 1;
      continue;
    }
    *s->cand = *s->best;
    s->cand->mem_len = s->best->mem_len - 1;
    if (try(s)) {
      progress = 1;
      continue;
    }
    break;
  }
  while (s->best->ro_len > 0 && s->tries < s->max_tries) {
    *s->cand = *s->best;
    s->cand->ro_len = s->best->ro_len / 2;
    if (try(s)) {
      progress = 1;
      continue;
    }
    *s->cand = *s->best;
    s->cand->ro_len = s->best->ro_len - 1;
    if (try(s)) {
      progress = 1;
      continue;
    }
    break;
  }
  for (uint32_t i = 0; i < s->best->mem_len && s->tries < s->max_tries; i++) {
    if (s->best->mem[i] == 0) continue;
    *s->cand = *s->best;
    s->cand->mem[i] = 0;
    if (try(s)) progress = 1;
  }
  if (s->best->frames != LBPF_MAX_CALL_DEPTH) {
    *s->cand = *s->best;
    s->cand->frames = LBPF_MAX_CALL_DEPTH;
    if (try(s)) progress = 1;
  }
  while (s->best->budget > 0 && s->tries < s->max_tries) {
    *s->cand = *s->best;
    s->cand->budget = s->best->budget / 2;
    if (!try(s)) break;
    progress = 1;
  }
  for (int k = 0; k < 64 && s->best->budget > 0 && s->tries < s->max_tries; k++) {
    *s->cand = *s->best;
    s->cand->budget = s->best->budget - 1;
    if (!try(s)) break;
    progress = 1;
  }
  return progress;
}

unsigned lbpf_pbt_shrink(const struct lbpf_engine *a, const struct lbpf_engine *b,
                         struct lbpf_pbt_case *c, unsigned diff, unsigned max_tries) {
  struct lbpf_fault fault;
  struct shrinker s = {a, b, diff, 0, max_tries, 0, 0, NULL, c, NULL};
  s.must_verify = lbpf_pbt_verify(c, &fault) == LBPF_OK;
  s.report = calloc(1, sizeof *s.report);
  s.cand = malloc(sizeof *s.cand);
  if (s.report && s.cand) {
    int progress = 1;
    while (progress && s.tries < s.max_tries) {
      progress = shrink_deletions(&s);
      progress |= shrink_instructions(&s);
      progress |= shrink_input(&s);
    }
  }
  if (s.report) lbpf_comparison_free(s.report);
  free(s.report);
  free(s.cand);
  return s.kept;
}
#line 1966 "lit/pbt.nw"
void lbpf_pbt_mutate(struct lbpf_pbt_rng *rng, struct lbpf_pbt_case *c) {
  if (c->nslots == 0) return;
  unsigned n = 1 + (unsigned)lbpf_pbt_below(rng, 3);
  for (unsigned k = 0; k < n; k++) {
    uint32_t pc = (uint32_t)lbpf_pbt_below(rng, c->nslots);
    struct lbpf_insn *i = &c->insns[pc];
    switch (lbpf_pbt_below(rng, 4)) {
    case 0: { /* a byte */
      uint8_t code[8];
      lbpf_encode(*i, code);
      code[lbpf_pbt_below(rng, 8)] = (uint8_t)lbpf_pbt_next(rng);
      *i = lbpf_decode(code);
      break;
    }
    case 1: { /* a jump's target, if this slot or a later one has one */
      for (uint32_t q = pc; q < c->nslots; q++) {
        struct lbpf_insn *j = &c->insns[q];
        int32_t delta = (int32_t)lbpf_pbt_below(rng, 9) - 4;
        if (is_imm_jump(j)) {
          /* modulo 2^32: an earlier mutation may have left any immediate */
          j->imm = (int32_t)((uint32_t)j->imm + (uint32_t)delta);
          break;
        }
        if (is_offset_jump(j)) {
          j->offset = (int16_t)(j->offset + delta);
          break;
        }
      }
      break;
    }
    case 2: /* a register */
      if (lbpf_pbt_below(rng, 2))
        i->dst = (uint8_t)lbpf_pbt_below(rng, 12);
      else
        i->src = (uint8_t)lbpf_pbt_below(rng, 12);
      break;
    default: { /* another opcode, keeping the other fields */
      struct lbpf_insn other = *i;
      other.opcode = 0;
      for (int tries = 0; tries < 8 && lbpf_pbt_form(other) < 0; tries++)
        other.opcode = (uint8_t)lbpf_pbt_next(rng);
      i->opcode = other.opcode;
      break;
    }
    }
  }
}
