#line 36 "lit/helpers.nw"
/* The standard helpers (lit/helpers.nw). */
#ifndef LBPF_HELPERS_H
#define LBPF_HELPERS_H
#include <stddef.h>
#include <stdint.h>

#include "lbpf.h"

#line 51 "lit/helpers.nw"
#define LBPF_HELPER_PRINTF 0x01
#define LBPF_HELPER_MEMCPY 0x02
#define LBPF_HELPER_STORE_LOCAL 0x10
#define LBPF_HELPER_STORE_GLOBAL 0x11
#define LBPF_HELPER_FETCH_LOCAL 0x12
#define LBPF_HELPER_FETCH_GLOBAL 0x13
#define LBPF_HELPER_NOW_MS 0x20
/* What a helper returns when it refuses: -1 to a C program. */
#define LBPF_HELPER_FAILED UINT64_MAX
#line 76 "lit/helpers.nw"
struct lbpf_kv_entry {
  uint32_t key, value;
};

struct lbpf_kv {
  struct lbpf_kv_entry *entries; /* capacity of them */
  uint32_t capacity, count;
};

/* 0, or -1 when the store is full. */
int lbpf_kv_store(struct lbpf_kv *kv, uint32_t key, uint32_t value);
/* 0 and *value, or -1 when the key is not there. */
int lbpf_kv_fetch(const struct lbpf_kv *kv, uint32_t key, uint32_t *value);
#line 92 "lit/helpers.nw"
struct lbpf_std_helpers {
  struct lbpf_kv *global; /* the device's store (NULL: store/fetch global refuse) */
  struct lbpf_kv *local;  /* this program's store (NULL: local ones refuse) */
  void (*output)(void *out, const char *text, size_t len); /* NULL: printf prints nothing */
  void *out;
  uint64_t (*now_ms)(void *clock); /* NULL: now_ms returns 0 */
  void *clock;
  void *user; /* the embedding's own */
};

/* The table to register (env.helpers), with env.user pointing at a
   struct lbpf_std_helpers; an embedding with more helpers copies it into a
   larger table. */
#define LBPF_STD_NHELPERS 7
extern const struct lbpf_helper lbpf_std_helpers[LBPF_STD_NHELPERS];
extern const size_t lbpf_std_nhelpers;

/* The longest text one bpf_printf writes, and the longest format string. */
#define LBPF_PRINTF_MAX 256
#line 47 "lit/helpers.nw"
#endif
