#line 129 "lit/image.nw"
#include <string.h>

#include "lbpf_image.h"

static uint32_t word(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static uint32_t half(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}
static uint64_t pad8(uint64_t n) {
  return (n + 7) & ~(uint64_t)7;
}

const char *lbpf_image_status_name(enum lbpf_image_status s) {
  switch (s) {
  case LBPF_IMAGE_OK: return "ok";
  case LBPF_IMAGE_ERR_TRUNCATED: return "truncated image";
  case LBPF_IMAGE_ERR_MAGIC: return "not an image (bad magic number)";
  case LBPF_IMAGE_ERR_VERSION: return "unsupported image version";
  case LBPF_IMAGE_ERR_FLAGS: return "unsupported image flags";
  case LBPF_IMAGE_ERR_LENGTHS: return "section lengths do not match the image";
  case LBPF_IMAGE_ERR_PADDING: return "bad padding or alignment";
  case LBPF_IMAGE_ERR_FUNCTIONS: return "function record outside its sections";
  case LBPF_IMAGE_ERR_CHECKSUM: return "checksum mismatch";
  case LBPF_IMAGE_ERR_LDDW: return "malformed LDDWD/LDDWR instruction";
  case LBPF_IMAGE_ERR_BUFFER: return "buffer too small for the image";
  }
  return "unknown image status";
}

uint32_t lbpf_image_checksum(const uint8_t *bytes, size_t len) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++)
    h = (h ^ bytes[i]) * 16777619u;
  return h;
}

static int all_zero(const uint8_t *p, uint64_t n) {
  for (uint64_t i = 0; i < n; i++)
    if (p[i]) return 0;
  return 1;
}

/* The name at offset off of the read-only data must end inside it. */
static int name_inside(const struct lbpf_image *img, uint32_t off) {
  return off < img->rodata_len && memchr(img->rodata + off, 0, img->rodata_len - off) != NULL;
}

static enum lbpf_image_status parse_lbpf(const uint8_t *b, size_t len, struct lbpf_image *img) {
  if (len < LBPF_IMAGE_HEADER) return LBPF_IMAGE_ERR_TRUNCATED;
  if (word(b + 4) != LBPF_MAGIC_VERSION) return LBPF_IMAGE_ERR_VERSION;
  if (word(b + 8) != 0) return LBPF_IMAGE_ERR_FLAGS;
  uint64_t d = word(b + 12), r = word(b + 16), t = word(b + 20), f = word(b + 24);
  if (t == 0 || t % LBPF_INSN_SIZE || t / LBPF_INSN_SIZE > LBPF_MAX_INSNS || f == 0)
    return LBPF_IMAGE_ERR_LENGTHS;
  uint64_t total = LBPF_IMAGE_HEADER + pad8(d) + pad8(r) + t + f * LBPF_IMAGE_FUNCTION;
  if (total > len) return LBPF_IMAGE_ERR_TRUNCATED;
  if (total < len) return LBPF_IMAGE_ERR_LENGTHS;
  if (lbpf_image_checksum(b + LBPF_IMAGE_HEADER, len - LBPF_IMAGE_HEADER) != word(b + 28))
    return LBPF_IMAGE_ERR_CHECKSUM;
  const uint8_t *p = b + LBPF_IMAGE_HEADER;
  *img = (struct lbpf_image){0,           p,           p + pad8(d), p + pad8(d) + pad8(r),
                             (uint32_t)d, (uint32_t)r, (uint32_t)t, (uint32_t)f};
  if (!all_zero(p + d, pad8(d) - d) || !all_zero(img->rodata + r, pad8(r) - r))
    return LBPF_IMAGE_ERR_PADDING;
  const uint8_t *fn = img->text + t;
  for (uint64_t i = 0; i < f; i++, fn += LBPF_IMAGE_FUNCTION) {
    uint32_t at = word(fn + 4);
    if (!name_inside(img, word(fn)) || at % LBPF_INSN_SIZE || at >= t || (i == 0 && at != 0))
      return LBPF_IMAGE_ERR_FUNCTIONS;
  }
  return LBPF_IMAGE_OK;
}

static enum lbpf_image_status parse_rbpf(const uint8_t *b, size_t len, struct lbpf_image *img) {
  if (len < LBPF_RBPF_HEADER) return LBPF_IMAGE_ERR_TRUNCATED;
  if (word(b + 8) != 0) return LBPF_IMAGE_ERR_FLAGS;
  uint64_t d = word(b + 12), r = word(b + 16), t = word(b + 20), f = word(b + 24);
  if (t == 0 || t % LBPF_INSN_SIZE || t / LBPF_INSN_SIZE > LBPF_MAX_INSNS)
    return LBPF_IMAGE_ERR_LENGTHS;
  uint64_t total = LBPF_RBPF_HEADER + d + r + t + f * LBPF_RBPF_FUNCTION;
  if (total > len) return LBPF_IMAGE_ERR_TRUNCATED;
  if (total < len) return LBPF_IMAGE_ERR_LENGTHS;
  if ((LBPF_RBPF_HEADER + d + r) % LBPF_INSN_SIZE) return LBPF_IMAGE_ERR_PADDING;
  const uint8_t *p = b + LBPF_RBPF_HEADER;
  *img = (struct lbpf_image){1,           p,           p + d,       p + d + r,
                             (uint32_t)d, (uint32_t)r, (uint32_t)t, (uint32_t)f};
  const uint8_t *fn = img->text + t;
  for (uint64_t i = 0; i < f; i++, fn += LBPF_RBPF_FUNCTION) {
    uint32_t at = half(fn + 4);
    if (!name_inside(img, half(fn)) || at % LBPF_INSN_SIZE || at >= t)
      return LBPF_IMAGE_ERR_FUNCTIONS;
  }
  return LBPF_IMAGE_OK;
}

enum lbpf_image_status lbpf_image_parse(const uint8_t *bytes, size_t len, struct lbpf_image *img) {
  memset(img, 0, sizeof *img);
  if (bytes == NULL || len < 4) return LBPF_IMAGE_ERR_TRUNCATED;
  if (word(bytes) == LBPF_MAGIC) return parse_lbpf(bytes, len, img);
  if (word(bytes) == LBPF_RBPF_MAGIC) return parse_rbpf(bytes, len, img);
  return LBPF_IMAGE_ERR_MAGIC;
}
#line 239 "lit/image.nw"
enum lbpf_image_status lbpf_image_place(const struct lbpf_image *img, uint8_t *data_buf,
                                        uint8_t *rodata_buf, uint8_t *code, size_t code_cap,
                                        struct lbpf_region regions[2], uint32_t *bad_slot) {
  if (code_cap < img->text_len || (img->data_len && data_buf == NULL) ||
      (img->rodata_len && rodata_buf == NULL))
    return LBPF_IMAGE_ERR_BUFFER;
  if (img->data_len) memcpy(data_buf, img->data, img->data_len);
  if (img->rodata_len) memcpy(rodata_buf, img->rodata, img->rodata_len);
  memcpy(code, img->text, img->text_len);
  regions[0] = (struct lbpf_region){data_buf, img->data_len, LBPF_PERM_READ | LBPF_PERM_WRITE};
  regions[1] = (struct lbpf_region){rodata_buf, img->rodata_len, LBPF_PERM_READ};
  uint32_t n = img->text_len / LBPF_INSN_SIZE;
  for (uint32_t i = 0; i < n; i++) {
    uint8_t *s = code + (size_t)i * LBPF_INSN_SIZE;
    uint8_t op = s[0];
    if (op == LBPF_OP_LDDWD || op == LBPF_OP_LDDWR) {
      const uint8_t *next = s + LBPF_INSN_SIZE;
      if (i + 1 >= n || (s[1] & 0xf) > 10 || (s[1] >> 4) != 0 || s[2] || s[3] ||
          !all_zero(next, 4)) {
        *bad_slot = i;
        return LBPF_IMAGE_ERR_LDDW;
      }
      uint64_t offset = word(s + 4) | (uint64_t)word(next + 4) << 32;
      const uint8_t *base = op == LBPF_OP_LDDWD ? data_buf : rodata_buf;
      uint64_t addr = (uint64_t)(uintptr_t)base + offset;
      s[0] = LBPF_CLASS_LD | LBPF_MODE_IMM | LBPF_SIZE_DW;
      for (int k = 0; k < 4; k++) {
        s[4 + k] = (uint8_t)(addr >> (8 * k));
        s[LBPF_INSN_SIZE + 4 + k] = (uint8_t)(addr >> (32 + 8 * k));
      }
      i++;
    } else if (op == (LBPF_CLASS_LD | LBPF_MODE_IMM | LBPF_SIZE_DW)) {
      i++; /* its second slot is no instruction */
    }
  }
  return LBPF_IMAGE_OK;
}
