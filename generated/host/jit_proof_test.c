#line 581 "lit/jit-proof.nw"
#include "lbpf_jit_proof.h"
#include <check.h>
#include <string.h>

#include "lbpf_jit.h"

#include "lbpf_isa.h"
#include "lbpf_thumb.h"

#line 604 "lit/jit-proof.nw"
enum { LDR, STR, ADDS, ADD, ADC, PUSH4, POP4, BX };
static struct lbpf_thumb_insn thumb(int what, unsigned rd, unsigned rn, unsigned rm, int32_t imm) {
  struct lbpf_thumb_insn i;
  memset(&i, 0, sizeof i);
  switch (what) {
  case LDR:
  case STR:
    i.form = LBPF_THUMB_F_LDST_IMM12, i.op = what == LDR ? LBPF_THUMB_LDR : LBPF_THUMB_STR;
    i.imm = imm;
    break;
  case ADDS:
  case ADD:
  case ADC:
    i.form = LBPF_THUMB_F_DP_REG, i.op = what == ADC ? LBPF_THUMB_ADC : LBPF_THUMB_ADD;
    i.setflags = what == ADDS;
    break;
  case PUSH4:
  case POP4:
    i.form = LBPF_THUMB_F_PUSHPOP16, i.op = what == PUSH4 ? LBPF_THUMB_PUSH : LBPF_THUMB_POP;
    i.reglist = 1u << 4;
    break;
  default: i.form = LBPF_THUMB_F_BX, i.op = LBPF_THUMB_BX; break;
  }
  i.rd = (uint8_t)rd, i.rn = (uint8_t)rn, i.rm = (uint8_t)rm;
  return i;
}

static uint8_t code[256];
static size_t assemble(const struct lbpf_thumb_insn *p, size_t n) {
  size_t len = 0;
  for (size_t k = 0; k < n; k++) {
    size_t size = lbpf_thumb_emit(&p[k], code + len, sizeof code - len);
    ck_assert_uint_gt(size, 0);
    len += size;
  }
  return len;
}

/* r1 += r2 (ALU64), with scratch as the fourth work register; the variant
   decides the flaw. */
enum variant { CORRECT, NO_CARRY, CLOBBERS_R4, STORES_OUTSIDE, SAVES_R4 };
static size_t add64(enum variant v) {
  unsigned scratch = v == CLOBBERS_R4 || v == SAVES_R4 ? 4 : 12;
  struct lbpf_thumb_insn p[12];
  size_t n = 0;
  if (v == SAVES_R4) p[n++] = thumb(PUSH4, 0, 0, 0, 0);
  p[n++] = thumb(LDR, 1, 0, 0, 8);
  p[n++] = thumb(LDR, 2, 0, 0, 12);
  p[n++] = thumb(LDR, 3, 0, 0, 16);
  p[n++] = thumb(LDR, scratch, 0, 0, 20);
  p[n++] = thumb(v == NO_CARRY ? ADD : ADDS, 1, 1, 3, 0);
  p[n++] = thumb(ADC, 2, 2, scratch, 0);
  p[n++] = thumb(STR, 1, 0, 0, 8);
  p[n++] = thumb(STR, 2, 0, 0, v == STORES_OUTSIDE ? 8 * LBPF_NREGS : 12);
  if (v == SAVES_R4) p[n++] = thumb(POP4, 0, 0, 0, 0);
  p[n++] = thumb(BX, 0, 0, 14, 0);
  return assemble(p, n);
}
#line 665 "lit/jit-proof.nw"
START_TEST(hand_written_add64) {
  static const struct {
    enum variant v;
    enum lbpf_jit_verdict want;
    const char *named; /* what the report must name */
  } cases[] = {{CORRECT, LBPF_JIT_PROVED, ""},
               {NO_CARRY, LBPF_JIT_REFUTED, "BPF r1 is wrong"},
               {CLOBBERS_R4, LBPF_JIT_REFUTED, "callee-saved r4"},
               {STORES_OUTSIDE, LBPF_JIT_STOPPED, "fault address 0x20000058"},
               {SAVES_R4, LBPF_JIT_PROVED, ""}};
  const struct lbpf_insn insn = {LBPF_CLASS_ALU64 | LBPF_ALU_ADD | LBPF_SRC_X, 1, 2, 0, 0};
  Z3_config cfg = Z3_mk_config();
  Z3_context ctx = Z3_mk_context(cfg);
  Z3_del_config(cfg);
  Z3_ast regs[LBPF_NREGS];
  for (unsigned i = 0; i < LBPF_NREGS; i++)
    regs[i] = lbpf_jit_proof_reg(ctx, i);
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    char why[512] = "";
    size_t len = add64(cases[c].v);
    enum lbpf_jit_verdict got =
        lbpf_jit_prove_code(ctx, &insn, 1, code, len, regs, 0, NULL, why, sizeof why);
    ck_assert_msg(got == cases[c].want, "variant %zu: verdict %d, want %d (%s)", c, (int)got,
                  (int)cases[c].want, why);
    ck_assert_msg(strstr(why, cases[c].named) != NULL, "variant %zu: report \"%s\" names no \"%s\"",
                  c, why, cases[c].named);
  }
  Z3_del_context(ctx);
}
END_TEST

#line 593 "lit/jit-proof.nw"
Suite *jit_proof_suite(void) {
  Suite *s = suite_create("jit_proof");
  TCase *tc = tcase_create("instrument");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, hand_written_add64);
  suite_add_tcase(s, tc);
  return s;
}
