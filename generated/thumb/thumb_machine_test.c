#line 1005 "lit/thumb-sem.nw"
#include "lbpf_thumb.h"
#include <check.h>
#include <string.h>

#line 1026 "lit/thumb-sem.nw"
#define CODE 0x1000u
#define DATA 0x20000000u
#define ROM 0x30000000u
#define SENTINEL 0xfffffffeu
static uint8_t code[256], data[256], rom[64];
static struct lbpf_thumb_area areas[3] = {
    {CODE, sizeof code, LBPF_THUMB_READ | LBPF_THUMB_EXEC, code},
    {DATA, sizeof data, LBPF_THUMB_READ | LBPF_THUMB_WRITE, data},
    {ROM, sizeof rom, LBPF_THUMB_READ, rom}};

static void assemble(const struct lbpf_thumb_insn *insns, size_t n) {
  size_t len = 0;
  memset(code, 0xff, sizeof code);
  for (size_t k = 0; k < n; k++) {
    uint16_t hw[2];
    int size = lbpf_thumb_encode(&insns[k], hw);
    ck_assert_msg(size > 0, "instruction %zu is not valid", k);
    for (int j = 0; j < size; j++)
      code[len++] = (uint8_t)hw[j], code[len++] = (uint8_t)(hw[j] >> 8);
  }
}
static struct lbpf_thumb_result run(struct lbpf_thumb_state *s) {
  struct lbpf_thumb_result r;
  s->r[14] = SENTINEL | 1;
  s->r[15] = CODE | 1;
  lbpf_thumb_run(s, areas, 3, SENTINEL, 1000, &r);
  return r;
}
#define I(...) ((struct lbpf_thumb_insn){__VA_ARGS__})
#define F(x) .form = LBPF_THUMB_F_##x
#define O(x) .op = LBPF_THUMB_##x
static const struct lbpf_thumb_insn bx_lr = {F(BX), O(BX), .rm = 14};
#line 1063 "lit/thumb-sem.nw"
START_TEST(add64) {
  struct lbpf_thumb_insn p[] = {I(F(ADDSUB_REG16), O(ADD), .rd = 0, .rn = 0, .rm = 2),
                                I(F(DP_REG16), O(ADC), .rd = 1, .rn = 1, .rm = 3), bx_lr};
  assemble(p, 3);
  struct lbpf_thumb_state s = {.r = {0xffffffffu, 1, 1, 2}};
  struct lbpf_thumb_result r = run(&s);
  ck_assert_int_eq(r.status, LBPF_THUMB_RETURNED);
  ck_assert_uint_eq(s.r[0], 0);
  ck_assert_uint_eq(s.r[1], 4);
  ck_assert_uint_eq(r.insns, 3);
  ck_assert_uint_eq(r.cycles, 4);
  ck_assert_uint_eq(s.r[15], SENTINEL);
}
END_TEST
#line 1082 "lit/thumb-sem.nw"
START_TEST(memory_faults) {
  struct lbpf_thumb_insn p[] = {I(F(MOV_IMM8), O(MOV), .rd = 3, .imm = 9),
                                I(F(LDST_IMM16), O(LDR), .rd = 0, .rn = 1, .imm = 4), bx_lr};
  assemble(p, 3);
  struct lbpf_thumb_state s = {.r = {7, DATA + 252}};
  struct lbpf_thumb_result r = run(&s);
  ck_assert_int_eq(r.status,
                   LBPF_THUMB_FAULT_MEMORY); /* 4 bytes at DATA + 256: just past the end */
  ck_assert_uint_eq(r.fault_addr, DATA + 256);
  ck_assert_uint_eq(r.pc, CODE + 2);
  ck_assert_uint_eq(s.r[15], CODE + 2);
  ck_assert_uint_eq(s.r[0], 7);
  ck_assert_uint_eq(s.r[3], 9);
  s = (struct lbpf_thumb_state){.r = {7, DATA + 248}};
  ck_assert_int_eq(run(&s).status, LBPF_THUMB_RETURNED); /* the last word is fine */
  struct lbpf_thumb_insn q[] = {I(F(LDST_IMM12), O(STRB), .rd = 0, .rn = 1, .imm = 0), bx_lr};
  assemble(q, 2);
  s = (struct lbpf_thumb_state){.r = {7, ROM}};
  r = run(&s);
  ck_assert_int_eq(r.status, LBPF_THUMB_FAULT_MEMORY); /* read-only */
  ck_assert_uint_eq(r.fault_addr, ROM);
  s = (struct lbpf_thumb_state){.r = {7, 0xffffffffu}};
  ck_assert_int_eq(run(&s).status, LBPF_THUMB_FAULT_MEMORY); /* no wrap-around */
}
END_TEST
#line 1111 "lit/thumb-sem.nw"
START_TEST(alignment) {
  struct lbpf_thumb_insn p[] = {I(F(LDRD_STRD), O(LDRD), .rd = 2, .ra = 3, .rn = 1, .add = 1),
                                bx_lr};
  assemble(p, 2);
  struct lbpf_thumb_state s = {.r = {0, DATA + 2}};
  struct lbpf_thumb_result r = run(&s);
  ck_assert_int_eq(r.status, LBPF_THUMB_FAULT_ALIGNMENT);
  ck_assert_uint_eq(r.fault_addr, DATA + 2);
  struct lbpf_thumb_insn q[] = {I(F(LDMSTM16), O(STM), .rn = 1, .reglist = 0x0c, .writeback = 1),
                                bx_lr};
  assemble(q, 2);
  s = (struct lbpf_thumb_state){.r = {0, DATA + 1}};
  ck_assert_int_eq(run(&s).status, LBPF_THUMB_FAULT_ALIGNMENT);
  struct lbpf_thumb_insn u[] = {I(F(LDST_IMM12), O(LDR), .rd = 0, .rn = 1, .imm = 1), bx_lr};
  assemble(u, 2);
  data[1] = 0x11, data[2] = 0x22, data[3] = 0x33, data[4] = 0x44;
  s = (struct lbpf_thumb_state){.r = {0, DATA}};
  ck_assert_int_eq(run(&s).status, LBPF_THUMB_RETURNED);
  ck_assert_uint_eq(s.r[0], 0x44332211u);
}
END_TEST
#line 1137 "lit/thumb-sem.nw"
START_TEST(it_blocks) {
  struct lbpf_thumb_insn p[] = {I(F(CMP_IMM8), O(CMP), .setflags = 1, .rn = 0, .imm = 5),
                                I(F(IT), O(IT), .cond = LBPF_THUMB_EQ, .mask = 0xc), /* ite eq */
                                I(F(MOV_IMM8), O(MOV), .rd = 1, .imm = 1),
                                I(F(MOV_IMM8), O(MOV), .rd = 1, .imm = 0), bx_lr};
  assemble(p, 5);
  struct lbpf_thumb_state s = {.r = {5}};
  ck_assert_int_eq(run(&s).status, LBPF_THUMB_RETURNED);
  ck_assert_uint_eq(s.r[1], 1);
  ck_assert_uint_eq(s.z, 1);
  s = (struct lbpf_thumb_state){.r = {6, 77}};
  ck_assert_int_eq(run(&s).status, LBPF_THUMB_RETURNED);
  ck_assert_uint_eq(s.r[1], 0);
  ck_assert_uint_eq(s.z, 0);
  ck_assert_uint_eq(s.itstate, 0);
  struct lbpf_thumb_insn q[] = {I(F(IT), O(IT), .cond = LBPF_THUMB_EQ, .mask = 0x4), /* itt eq */
                                I(F(B16), O(B), .imm = 0), I(F(NOP16), O(NOP)), bx_lr};
  assemble(q, 4);
  s = (struct lbpf_thumb_state){.z = 1};
  struct lbpf_thumb_result r = run(&s);
  ck_assert_int_eq(r.status, LBPF_THUMB_FAULT_UNPREDICTABLE);
  ck_assert_uint_eq(r.pc, CODE + 2);
}
END_TEST
#line 1167 "lit/thumb-sem.nw"
START_TEST(control_faults) {
  struct lbpf_thumb_insn loop[] = {I(F(B16), O(B), .imm = -4)};
  assemble(loop, 1);
  struct lbpf_thumb_state s = {.r = {0}};
  struct lbpf_thumb_result r = run(&s);
  ck_assert_int_eq(r.status, LBPF_THUMB_STEP_LIMIT);
  ck_assert_uint_eq(r.insns, 1000);
  struct lbpf_thumb_insn even[] = {I(F(BX), O(BX), .rm = 0)};
  assemble(even, 1);
  s = (struct lbpf_thumb_state){.r = {CODE}};
  r = run(&s);
  ck_assert_int_eq(r.status, LBPF_THUMB_FAULT_INTERWORKING);
  ck_assert_uint_eq(r.fault_addr, CODE);
  code[0] = 0x00, code[1] = 0xde; /* udf #0 */
  ck_assert_int_eq(run(&s).status, LBPF_THUMB_FAULT_UNDEFINED);
  struct lbpf_thumb_insn away[] = {I(F(B), O(B), .imm = 0x10000)};
  assemble(away, 1);
  r = run(&s);
  ck_assert_int_eq(r.status, LBPF_THUMB_FAULT_FETCH);
  ck_assert_uint_eq(r.fault_addr, CODE + 4 + 0x10000);
}
END_TEST
#line 1195 "lit/thumb-sem.nw"
START_TEST(division_and_stack) {
  struct lbpf_thumb_insn p[] = {I(F(DIV), O(UDIV), .rd = 2, .rn = 0, .rm = 1),
                                I(F(DIV), O(SDIV), .rd = 3, .rn = 4, .rm = 5), bx_lr};
  assemble(p, 3);
  struct lbpf_thumb_state s = {.r = {10, 0, 99, 99, 0x80000000u, 0xffffffffu}};
  ck_assert_int_eq(run(&s).status, LBPF_THUMB_RETURNED);
  ck_assert_uint_eq(s.r[2], 0);
  ck_assert_uint_eq(s.r[3], 0x80000000u);
  struct lbpf_thumb_insn q[] = {I(F(PUSHPOP16), O(PUSH), .reglist = 0x4010),
                                I(F(MOV_IMM8), O(MOV), .rd = 4, .imm = 7),
                                I(F(PUSHPOP16), O(POP), .reglist = 0x8010)};
  assemble(q, 3);
  s = (struct lbpf_thumb_state){.r = {[4] = 1234, [13] = DATA + 128}};
  struct lbpf_thumb_result r = run(&s);
  ck_assert_int_eq(r.status, LBPF_THUMB_RETURNED);
  ck_assert_uint_eq(s.r[4], 1234);
  ck_assert_uint_eq(s.r[13], DATA + 128);
  ck_assert_uint_eq(r.cycles, 3 + 1 + 3 + 1); /* push 1+2, mov 1, pop 1+2+P */
}
END_TEST
#line 1223 "lit/thumb-sem.nw"
START_TEST(costs) {
  struct lbpf_thumb_insn loads[] = {I(F(LDST_IMM16), O(LDR), .rd = 0, .rn = 2, .imm = 0),
                                    I(F(LDST_IMM16), O(LDR), .rd = 1, .rn = 2, .imm = 4), bx_lr};
  assemble(loads, 3);
  struct lbpf_thumb_state s = {.r = {[2] = DATA}};
  ck_assert_uint_eq(run(&s).cycles, 2 + 1 + 2);
  struct lbpf_thumb_insn div[] = {I(F(DIV), O(UDIV), .rd = 2, .rn = 0, .rm = 1), bx_lr};
  assemble(div, 2);
  s = (struct lbpf_thumb_state){.r = {3, 2}};
  ck_assert_uint_eq(run(&s).cycles, 2 + 2); /* same magnitude: the minimum, 2 */
  s = (struct lbpf_thumb_state){.r = {0xffffffffu, 1}};
  ck_assert_uint_eq(run(&s).cycles, 2 + 8 + 2); /* leading zeros differ by 31: 2 + 8 */
  struct lbpf_thumb_insn branch[] = {I(F(CMP_IMM8), O(CMP), .setflags = 1, .rn = 0, .imm = 0),
                                     I(F(BCOND16), O(B), .cond = LBPF_THUMB_EQ, .imm = 0),
                                     I(F(NOP16), O(NOP)), bx_lr};
  assemble(branch, 4);
  s = (struct lbpf_thumb_state){.r = {0}};
  struct lbpf_thumb_result r = run(&s); /* cmp 1, beq taken 1 + 1, bx 1 + 1 */
  ck_assert_uint_eq(r.insns, 3);
  ck_assert_uint_eq(r.cycles, 5);
  s = (struct lbpf_thumb_state){.r = {1}};
  r = run(&s); /* cmp 1, beq not taken 1, nop 1, bx 1 + 1 */
  ck_assert_uint_eq(r.insns, 4);
  ck_assert_uint_eq(r.cycles, 5);
}
END_TEST

#line 1012 "lit/thumb-sem.nw"
Suite *thumb_machine_suite(void) {
  Suite *s = suite_create("thumb_machine");
  TCase *tc = tcase_create("semantics");

#line 1252 "lit/thumb-sem.nw"
  tcase_add_test(tc, costs);
  tcase_add_test(tc, add64);
  tcase_add_test(tc, memory_faults);
  tcase_add_test(tc, alignment);
  tcase_add_test(tc, it_blocks);
  tcase_add_test(tc, control_faults);
  tcase_add_test(tc, division_and_stack);
#line 1016 "lit/thumb-sem.nw"
  suite_add_tcase(s, tc);
  return s;
}
