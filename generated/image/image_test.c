#line 289 "lit/image.nw"
#include <check.h>
#include <string.h>

#include "lbpf_image.h"
#include "lbpf_isa.h"

#line 308 "lit/image.nw"
static void put32(uint8_t *p, uint32_t v) {
  for (int i = 0; i < 4; i++)
    p[i] = (uint8_t)(v >> (8 * i));
}

/* r1 = &data[4]; r0 = *(u16 *)r1; r2 = &rodata[1]; r0 += *(u8 *)r2; exit */
static const uint8_t text[] = {
    LBPF_OP_LDDWD, 0x01, 0, 0, 4, 0, 0, 0, 0,    0, 0, 0, 0, 0, 0, 0, 0x69, 0x10, 0, 0, 0, 0, 0, 0,
    LBPF_OP_LDDWR, 0x02, 0, 0, 1, 0, 0, 0, 0,    0, 0, 0, 0, 0, 0, 0, 0x71, 0x23, 0, 0, 0, 0, 0, 0,
    0x0f,          0x30, 0, 0, 0, 0, 0, 0, 0x95, 0, 0, 0, 0, 0, 0, 0,
};
/* no zero at their ends, so that a shorter length leaves bad padding */
static const uint8_t data_sec[8] = {0, 0, 0, 0, 40, 0, 0, 9};
static const uint8_t rodata_sec[8] = {2, 'm', 'a', 'i', 'n', 0, 'x', 'y'}; /* 'm' = 109 at 1 */

static size_t make_lbpf(uint8_t *b) {
  size_t n = LBPF_IMAGE_HEADER;
  memset(b, 0, 256);
  put32(b, LBPF_MAGIC), put32(b + 4, 1), put32(b + 12, sizeof data_sec);
  put32(b + 16, sizeof rodata_sec), put32(b + 20, sizeof text), put32(b + 24, 1);
  memcpy(b + n, data_sec, sizeof data_sec), n += 8;
  memcpy(b + n, rodata_sec, sizeof rodata_sec), n += sizeof rodata_sec;
  memcpy(b + n, text, sizeof text), n += sizeof text;
  put32(b + n, 1), put32(b + n + 4, 0), n += LBPF_IMAGE_FUNCTION;
  put32(b + 28, lbpf_image_checksum(b + LBPF_IMAGE_HEADER, n - LBPF_IMAGE_HEADER));
  return n;
}

static size_t make_rbpf(uint8_t *b) {
  size_t n = LBPF_RBPF_HEADER;
  memset(b, 0, 256);
  put32(b, LBPF_RBPF_MAGIC), put32(b + 4, 7), put32(b + 12, sizeof data_sec);
  put32(b + 16, 4), put32(b + 20, sizeof text), put32(b + 24, 1);
  memcpy(b + n, data_sec, sizeof data_sec), n += 8;
  static const uint8_t rodata4[4] = {2, 'm', 0, 0}; /* 'm' at 1, named "m" */
  memcpy(b + n, rodata4, 4), n += 4;                /* 28 + 8 + 4 = 40: text aligned */
  memcpy(b + n, text, sizeof text), n += sizeof text;
  b[n] = 1, n += LBPF_RBPF_FUNCTION; /* name at 1, flags 0, code at 0 */
  return n;
}

/* Parse, place and run; the status of the first step that refuses. */
static enum lbpf_image_status load_and_run(const uint8_t *b, size_t n, uint64_t *r0) {
  static uint8_t data[64], rodata[64], code[256], stack[LBPF_STACK_SIZE];
  struct lbpf_image img;
  struct lbpf_region regions[2];
  uint32_t bad;
  enum lbpf_image_status s = lbpf_image_parse(b, n, &img);
  if (s == LBPF_IMAGE_OK && (img.data_len > sizeof data || img.rodata_len > sizeof rodata))
    s = LBPF_IMAGE_ERR_BUFFER;
  if (s == LBPF_IMAGE_OK)
    s = lbpf_image_place(&img, data, rodata, code, sizeof code, regions, &bad);
  if (s != LBPF_IMAGE_OK) return s;
  struct lbpf_env env = {regions, 2, NULL, 0, NULL, 100, stack, sizeof stack};
  struct lbpf_program prog;
  struct lbpf_fault f;
  struct lbpf_result res = {0};
  if (lbpf_verify(code, img.text_len, &env, &prog, &f) == LBPF_OK)
    lbpf_spec_run(&prog, &env, NULL, 0, &res);
  *r0 = res.status == LBPF_OK ? res.r0 : UINT64_MAX;
  return s;
}

START_TEST(images_place_and_run) {
  uint8_t b[256];
  uint64_t r0 = 0;
  ck_assert_int_eq(load_and_run(b, make_lbpf(b), &r0), LBPF_IMAGE_OK);
  ck_assert_uint_eq(r0, 40 + 'm');
  ck_assert_int_eq(load_and_run(b, make_rbpf(b), &r0), LBPF_IMAGE_OK);
  ck_assert_uint_eq(r0, 40 + 'm');
}
END_TEST
#line 384 "lit/image.nw"
START_TEST(hostile_images_are_refused) {
  uint8_t good[256], b[256];
  uint64_t r0;
  size_t (*const makers[2])(uint8_t *) = {make_lbpf, make_rbpf};
  for (int m = 0; m < 2; m++) {
    size_t n = makers[m](good);
    for (size_t k = 0; k < n; k++) /* every truncation */
      ck_assert_int_ne(load_and_run(good, k, &r0), LBPF_IMAGE_OK);
    size_t header = m ? LBPF_RBPF_HEADER : LBPF_IMAGE_HEADER;
    static const uint32_t hostile[] = {0,          1,           7,           9,
                                       0x7fffffff, 0x80000000u, 0xfffffff8u, 0xffffffffu};
    for (size_t w = 0; w < header / 4; w++) /* every header word */
      for (size_t h = 0; h < sizeof hostile / sizeof hostile[0]; h++) {
        memcpy(b, good, n);
        put32(b + 4 * w, hostile[h]);
        if (memcmp(b, good, n) == 0 || (m == 1 && w == 1)) continue; /* rBPF: any version */
        ck_assert_msg(load_and_run(b, n, &r0) != LBPF_IMAGE_OK,
                      "format %d, word %zu = %#x accepted", m, w, (unsigned)hostile[h]);
      }
    /* one more byte: the lengths no longer add up */
    memcpy(b, good, n);
    ck_assert_int_eq(load_and_run(b, n + 1, &r0), LBPF_IMAGE_ERR_LENGTHS);
    /* a bad second slot of LDDWD, a source register, a register above 10 */
    size_t t = m ? LBPF_RBPF_HEADER + 12 : LBPF_IMAGE_HEADER + 16;
    for (int c = 0; c < 3; c++) {
      makers[m](b);
      if (c == 0) b[t + 8] = 0x07;
      if (c == 1) b[t + 1] = 0x11;
      if (c == 2) b[t + 1] = 0x0b;
      if (!m) put32(b + 28, lbpf_image_checksum(b + LBPF_IMAGE_HEADER, n - LBPF_IMAGE_HEADER));
      ck_assert_int_eq(load_and_run(b, n, &r0), LBPF_IMAGE_ERR_LDDW);
    }
  }
  /* litbpf: a flipped byte anywhere after the header fails the checksum */
  size_t n = make_lbpf(good);
  for (size_t k = LBPF_IMAGE_HEADER; k < n; k++) {
    memcpy(b, good, n);
    b[k] ^= 0x20;
    ck_assert_int_eq(load_and_run(b, n, &r0), LBPF_IMAGE_ERR_CHECKSUM);
  }
  /* rBPF: compressed text, a function outside the text, misaligned text */
  n = make_rbpf(good);
  memcpy(b, good, n), put32(b + 8, 1);
  ck_assert_int_eq(load_and_run(b, n, &r0), LBPF_IMAGE_ERR_FLAGS);
  memcpy(b, good, n), b[n - 2] = 0xf0;
  ck_assert_int_eq(load_and_run(b, n, &r0), LBPF_IMAGE_ERR_FUNCTIONS);
  memcpy(b, good, n), b[n - 6] = 9;
  ck_assert_int_eq(load_and_run(b, n, &r0), LBPF_IMAGE_ERR_FUNCTIONS);
  ck_assert_int_eq(lbpf_image_parse((const uint8_t *)"ELF\177....", 8, &(struct lbpf_image){0}),
                   LBPF_IMAGE_ERR_MAGIC);
}
END_TEST

#line 297 "lit/image.nw"
Suite *image_suite(void) {
  Suite *s = suite_create("image");
  TCase *tc = tcase_create("image");
  tcase_add_test(tc, images_place_and_run);
  tcase_add_test(tc, hostile_images_are_refused);
  suite_add_tcase(s, tc);
  return s;
}
