#line 63 "lit/image.nw"
/* Program images: litbpf's and RIOT's femto-container files (lit/image.nw). */
#ifndef LBPF_IMAGE_H
#define LBPF_IMAGE_H
#include <stddef.h>
#include <stdint.h>

#include "lbpf.h"

#define LBPF_MAGIC 0x4650424cu /* "LBPF" */
#define LBPF_MAGIC_VERSION 1
#define LBPF_IMAGE_HEADER 32
#define LBPF_IMAGE_FUNCTION 8
#define LBPF_RBPF_MAGIC 0x72425046u /* "rBPF" as RIOT writes it */
#define LBPF_RBPF_HEADER 28
#define LBPF_RBPF_FUNCTION 6
#define LBPF_OP_LDDWD 0xb8 /* lddw of the data section's address + offset */
#define LBPF_OP_LDDWR 0xd8 /* lddw of the read-only data's address + offset */

enum lbpf_image_status {
  LBPF_IMAGE_OK = 0,
  LBPF_IMAGE_ERR_TRUNCATED, /* shorter than its header says */
  LBPF_IMAGE_ERR_MAGIC,     /* neither "LBPF" nor "rBPF" */
  LBPF_IMAGE_ERR_VERSION,   /* a litbpf image of another version */
  LBPF_IMAGE_ERR_FLAGS,     /* flags set (a compressed rBPF text, say) */
  LBPF_IMAGE_ERR_LENGTHS,   /* lengths that do not add up, text not whole instructions */
  LBPF_IMAGE_ERR_PADDING,   /* padding that is not zero, text misaligned */
  LBPF_IMAGE_ERR_FUNCTIONS, /* a function record outside its sections */
  LBPF_IMAGE_ERR_CHECKSUM,  /* the bytes are not those that were packed */
  LBPF_IMAGE_ERR_LDDW,      /* a malformed LDDWD or LDDWR */
  LBPF_IMAGE_ERR_BUFFER     /* the caller's buffers are too small */
};

const char *lbpf_image_status_name(enum lbpf_image_status s);

struct lbpf_image {
  int rbpf; /* 1: a femto-container file */
  const uint8_t *data, *rodata, *text;
  uint32_t data_len, rodata_len, text_len, nfunctions;
};

/* Check every field of len bytes at bytes; on success describe the image
   (pointers into bytes) in img. */
enum lbpf_image_status lbpf_image_parse(const uint8_t *bytes, size_t len, struct lbpf_image *img);

/* Place a parsed image: its data into data_buf (img->data_len bytes, the
   program's read-write region), its read-only data into rodata_buf, its
   text into code (code_cap bytes, at least img->text_len) with every LDDWD
   and LDDWR rewritten into the lddw of its address.  regions[0] and
   regions[1] describe the two sections for the environment (empty when the
   section is).  On LBPF_IMAGE_ERR_LDDW, *bad_slot is the instruction. */
enum lbpf_image_status lbpf_image_place(const struct lbpf_image *img, uint8_t *data_buf,
                                        uint8_t *rodata_buf, uint8_t *code, size_t code_cap,
                                        struct lbpf_region regions[2], uint32_t *bad_slot);

/* FNV-1a, 32 bits: the litbpf image's checksum. */
uint32_t lbpf_image_checksum(const uint8_t *bytes, size_t len);
#endif
