#line 1813 "lit/thumb-isa.nw"
#include "lbpf_thumb.h"
#include <check.h>
#include <string.h>

#line 1834 "lit/thumb-isa.nw"
START_TEST(modimm_fields_are_unique) {
  int representable = 0;
  for (uint32_t field = 0; field < 4096; field++) {
    uint32_t value = lbpf_thumb_modimm_expand(field), back = 9999;
    bool zero_pattern = (field >> 10) == 0 && (field >> 8) != 0 && (field & 0xff) == 0;
    if (zero_pattern) continue;
    ck_assert_msg(lbpf_thumb_modimm_encode(value, &back), "field %03x", field);
    ck_assert_uint_eq(back, field);
    representable++;
  }
  ck_assert_int_eq(representable, 4096 - 3);
  /* and no other value has a field: every value one bit away from a
     representable one is encoded exactly when it is representable itself */
  for (uint32_t field = 0; field < 4096; field++)
    for (unsigned bit = 0; bit < 32; bit++) {
      uint32_t value = lbpf_thumb_modimm_expand(field) ^ (UINT32_C(1) << bit), back;
      if (lbpf_thumb_modimm_encode(value, &back))
        ck_assert_uint_eq(lbpf_thumb_modimm_expand(back), value);
    }
  uint32_t f;
  ck_assert(!lbpf_thumb_modimm_encode(0x12345678, &f));
  ck_assert(!lbpf_thumb_modimm_encode(0x101, &f));
}
END_TEST
#line 1864 "lit/thumb-isa.nw"
START_TEST(decode_inverts_encode) {
  uint64_t rng = 42;
  for (unsigned form = 1; form < LBPF_THUMB_NFORMS; form++) {
    for (int k = 0; k < 1000; k++) {
      struct lbpf_thumb_insn i, back;
      ck_assert_msg(lbpf_thumb_random_insn(&rng, form, &i), "form %u", form);
      uint16_t hw[2];
      int n = lbpf_thumb_encode(&i, hw);
      ck_assert_int_gt(n, 0);
      ck_assert_int_eq(lbpf_thumb_insn_size(hw[0]), n);
      ck_assert_int_eq(lbpf_thumb_decode(hw, 2, &back), n);
      ck_assert_msg(memcmp(&i, &back, sizeof i) == 0, "form %u: %04x %04x", form, hw[0], hw[1]);
    }
  }
}
END_TEST
#line 1892 "lit/thumb-isa.nw"
START_TEST(changed_byte_round_trips) {
  static const uint8_t values[] = {0, 1, 2, 3, 7, 8, 12, 13, 14, 15, 16, 31, 32, 0x80, 0xff};
  uint64_t rng = 11;
  long accepted = 0, refused = 0;
  for (unsigned form = 1; form < LBPF_THUMB_NFORMS; form++) {
    for (int k = 0; k < 30; k++) {
      struct lbpf_thumb_insn i, back;
      ck_assert(lbpf_thumb_random_insn(&rng, form, &i));
      for (size_t at = 1; at < sizeof i; at++) {
        for (size_t v = 0; v <= sizeof values; v++) {
          struct lbpf_thumb_insn c = i;
          uint8_t *bytes = (uint8_t *)&c;
          bytes[at] = v < sizeof values ? values[v] : (uint8_t)(bytes[at] ^ 1u);
          uint16_t hw[2];
          int n = lbpf_thumb_encode(&c, hw);
          ck_assert_int_eq(n > 0, lbpf_thumb_valid(&c));
          if (n == 0) {
            refused++;
            continue;
          }
          accepted++;
          ck_assert_int_eq(lbpf_thumb_decode(hw, 2, &back), n);
          ck_assert_msg(memcmp(&c, &back, sizeof c) == 0, "form %u, byte %zu: %04x %04x", form, at,
                        hw[0], hw[1]);
        }
      }
    }
  }
  ck_assert_int_gt(accepted, 40000);
  ck_assert_int_gt(refused, 200000);
}
END_TEST
#line 1932 "lit/thumb-isa.nw"
START_TEST(encode_inverts_decode) {
  int narrow = 0, wide = 0;
  for (uint32_t h = 0; h < 0x10000; h++) {
    uint16_t hw[2] = {(uint16_t)h, 0}, again[2];
    struct lbpf_thumb_insn i;
    if (lbpf_thumb_insn_size(hw[0]) != 1) continue;
    ck_assert_int_eq(lbpf_thumb_decode(hw, 1, &i), 1);
    if (i.form == LBPF_THUMB_F_INVALID) continue;
    ck_assert_int_eq(lbpf_thumb_encode(&i, again), 1);
    ck_assert_msg(again[0] == hw[0], "%04x -> %04x", hw[0], again[0]);
    narrow++;
  }
  uint64_t rng = 7;
  for (int k = 0; k < 400000; k++) {
    uint64_t r = lbpf_thumb_rand(&rng);
    uint16_t hw[2] = {(uint16_t)(0xe800 + (r & 0xffff) % 0x1800), (uint16_t)(r >> 16)}, again[2];
    struct lbpf_thumb_insn i;
    ck_assert_int_eq(lbpf_thumb_decode(hw, 2, &i), 2);
    if (i.form == LBPF_THUMB_F_INVALID) continue;
    ck_assert_int_eq(lbpf_thumb_encode(&i, again), 2);
    ck_assert_msg(again[0] == hw[0] && again[1] == hw[1], "%04x %04x", hw[0], hw[1]);
    wide++;
  }
  ck_assert_int_gt(narrow, 30000);
  ck_assert_int_gt(wide, 20000);
}
END_TEST
#line 1965 "lit/thumb-isa.nw"
START_TEST(known_encodings) {
  struct {
    struct lbpf_thumb_insn i;
    uint16_t hw[2];
  } cases[] = {
      {{.form = LBPF_THUMB_F_ADDSUB_REG16, .op = LBPF_THUMB_ADD, .rd = 0, .rn = 0, .rm = 1},
       {0x1840}},
      {{.form = LBPF_THUMB_F_BX, .op = LBPF_THUMB_BX, .rm = 14}, {0x4770}},
      {{.form = LBPF_THUMB_F_DP_IMM, .op = LBPF_THUMB_MOV, .rd = 0, .imm = (int32_t)0xff00ff00},
       {0xf04f, 0x20ff}},
      {{.form = LBPF_THUMB_F_LDST_IMM12, .op = LBPF_THUMB_LDR, .rd = 0, .rn = 1, .imm = 4095},
       {0xf8d1, 0x0fff}},
      {{.form = LBPF_THUMB_F_BCOND, .op = LBPF_THUMB_B, .cond = LBPF_THUMB_EQ, .imm = -20},
       {0xf43f, 0xaff6}},
      {{.form = LBPF_THUMB_F_BL, .op = LBPF_THUMB_BL, .imm = 100}, {0xf000, 0xf832}},
      {{.form = LBPF_THUMB_F_MOVWT, .op = LBPF_THUMB_MOVW, .rd = 0, .imm = 65535},
       {0xf64f, 0x70ff}},
      {{.form = LBPF_THUMB_F_LDMSTM,
        .op = LBPF_THUMB_STMDB,
        .rn = 13,
        .writeback = 1,
        .reglist = 0x30},
       {0xe92d, 0x0030}},
      {{.form = LBPF_THUMB_F_MULL, .op = LBPF_THUMB_UMULL, .rd = 0, .ra = 1, .rn = 2, .rm = 3},
       {0xfba2, 0x0103}},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    uint16_t hw[2] = {0, 0};
    int n = lbpf_thumb_encode(&cases[k].i, hw);
    ck_assert_int_gt(n, 0);
    uint8_t bytes[4];
    ck_assert_uint_eq(lbpf_thumb_emit(&cases[k].i, bytes, 4), 2u * (size_t)n);
    ck_assert_uint_eq(lbpf_thumb_emit(&cases[k].i, bytes, 2u * (size_t)n - 1), 0);
    ck_assert(bytes[0] == (hw[0] & 0xff) && bytes[1] == hw[0] >> 8);
    ck_assert_msg(hw[0] == cases[k].hw[0] && (n == 1 || hw[1] == cases[k].hw[1]),
                  "case %zu: %04x %04x", k, hw[0], hw[1]);
  }
}
END_TEST
#line 2003 "lit/thumb-isa.nw"
START_TEST(printed_text) {
  char buf[64];
  struct lbpf_thumb_insn adds = {
      .form = LBPF_THUMB_F_ADDSUB_REG16, .op = LBPF_THUMB_ADD, .rd = 0, .rn = 0, .rm = 1};
  lbpf_thumb_print(&adds, -1, buf, sizeof buf);
  ck_assert_str_eq(buf, "adds r0, r0, r1");
  lbpf_thumb_print(&adds, LBPF_THUMB_NE, buf, sizeof buf);
  ck_assert_str_eq(buf, "addne r0, r0, r1");
  struct lbpf_thumb_insn wide = {.form = LBPF_THUMB_F_DP_REG,
                                 .op = LBPF_THUMB_ADD,
                                 .setflags = 1,
                                 .rd = 8,
                                 .rn = 9,
                                 .rm = 10,
                                 .shift = LBPF_THUMB_SHIFT_ASR,
                                 .amount = 32};
  lbpf_thumb_print(&wide, -1, buf, sizeof buf);
  ck_assert_str_eq(buf, "adds.w r8, r9, r10, asr #32");
  struct lbpf_thumb_insn it = {
      .form = LBPF_THUMB_F_IT, .op = LBPF_THUMB_IT, .cond = LBPF_THUMB_EQ, .mask = 0xa};
  lbpf_thumb_print(&it, -1, buf, sizeof buf);
  ck_assert_str_eq(buf, "itet eq");
  ck_assert_int_eq(lbpf_thumb_print(&wide, -1, buf, 4), 27);
  ck_assert_str_eq(buf, "add");
}
END_TEST

#line 1819 "lit/thumb-isa.nw"
Suite *thumb_isa_suite(void) {
  Suite *s = suite_create("thumb_isa");
  TCase *tc = tcase_create("encodings");
  tcase_set_timeout(tc, 60);

#line 2026 "lit/thumb-isa.nw"
  tcase_add_test(tc, modimm_fields_are_unique);
  tcase_add_test(tc, decode_inverts_encode);
  tcase_add_test(tc, encode_inverts_decode);
  tcase_add_test(tc, changed_byte_round_trips);
  tcase_add_test(tc, known_encodings);
  tcase_add_test(tc, printed_text);
#line 1824 "lit/thumb-isa.nw"
  suite_add_tcase(s, tc);
  return s;
}
