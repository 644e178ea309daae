#line 116 "lit/helpers.nw"
#include <string.h>

#include "lbpf_helpers.h"

#line 128 "lit/helpers.nw"
int lbpf_kv_store(struct lbpf_kv *kv, uint32_t key, uint32_t value) {
  for (uint32_t i = 0; i < kv->count; i++)
    if (kv->entries[i].key == key) {
      kv->entries[i].value = value;
      return 0;
    }
  if (kv->count >= kv->capacity) return -1;
  kv->entries[kv->count++] = (struct lbpf_kv_entry){key, value};
  return 0;
}

int lbpf_kv_fetch(const struct lbpf_kv *kv, uint32_t key, uint32_t *value) {
  for (uint32_t i = 0; i < kv->count; i++)
    if (kv->entries[i].key == key) {
      *value = kv->entries[i].value;
      return 0;
    }
  return -1;
}
#line 150 "lit/helpers.nw"
static struct lbpf_std_helpers *state_of(const struct lbpf_helper_ctx *ctx) {
  return (struct lbpf_std_helpers *)ctx->env->user;
}

static void *host_pointer(uint64_t addr) {
  return (void *)(uintptr_t)addr;
}
#line 163 "lit/helpers.nw"
static uint64_t h_memcpy(const struct lbpf_helper_ctx *ctx, uint64_t dst, uint64_t src, uint64_t n,
                         uint64_t r4, uint64_t r5) {
  (void)r4, (void)r5;
  if (!lbpf_helper_may_write(ctx, dst, n) || !lbpf_helper_may_read(ctx, src, n))
    return LBPF_HELPER_FAILED;
  if (n) memmove(host_pointer(dst), host_pointer(src), (size_t)n);
  return dst;
}

static uint64_t store(struct lbpf_kv *kv, uint64_t key, uint64_t value) {
  if (kv == NULL || lbpf_kv_store(kv, (uint32_t)key, (uint32_t)value) != 0)
    return LBPF_HELPER_FAILED;
  return 0;
}

static uint64_t fetch(const struct lbpf_helper_ctx *ctx, struct lbpf_kv *kv, uint64_t key,
                      uint64_t out) {
  uint32_t value;
  if (kv == NULL || !lbpf_helper_may_write(ctx, out, 4) ||
      lbpf_kv_fetch(kv, (uint32_t)key, &value) != 0)
    return LBPF_HELPER_FAILED;
  uint8_t *p = host_pointer(out);
  for (int i = 0; i < 4; i++)
    p[i] = (uint8_t)(value >> (8 * i));
  return 0;
}

static uint64_t h_store_local(const struct lbpf_helper_ctx *ctx, uint64_t key, uint64_t value,
                              uint64_t r3, uint64_t r4, uint64_t r5) {
  (void)r3, (void)r4, (void)r5;
  return store(state_of(ctx)->local, key, value);
}
static uint64_t h_store_global(const struct lbpf_helper_ctx *ctx, uint64_t key, uint64_t value,
                               uint64_t r3, uint64_t r4, uint64_t r5) {
  (void)r3, (void)r4, (void)r5;
  return store(state_of(ctx)->global, key, value);
}
static uint64_t h_fetch_local(const struct lbpf_helper_ctx *ctx, uint64_t key, uint64_t out,
                              uint64_t r3, uint64_t r4, uint64_t r5) {
  (void)r3, (void)r4, (void)r5;
  return fetch(ctx, state_of(ctx)->local, key, out);
}
static uint64_t h_fetch_global(const struct lbpf_helper_ctx *ctx, uint64_t key, uint64_t out,
                               uint64_t r3, uint64_t r4, uint64_t r5) {
  (void)r3, (void)r4, (void)r5;
  return fetch(ctx, state_of(ctx)->global, key, out);
}
static uint64_t h_now_ms(const struct lbpf_helper_ctx *ctx, uint64_t r1, uint64_t r2, uint64_t r3,
                         uint64_t r4, uint64_t r5) {
  (void)r1, (void)r2, (void)r3, (void)r4, (void)r5;
  struct lbpf_std_helpers *s = state_of(ctx);
  return s->now_ms ? s->now_ms(s->clock) : 0;
}
#line 237 "lit/helpers.nw"
struct text {
  char buf[LBPF_PRINTF_MAX];
  size_t len;
  int ok;
};

static void put(struct text *t, char c) {
  if (t->len < sizeof t->buf)
    t->buf[t->len++] = c;
  else
    t->ok = 0;
}

/* The byte at addr, if the program may read it. */
static int byte_at(const struct lbpf_helper_ctx *ctx, uint64_t addr, char *c) {
  if (!lbpf_helper_may_read(ctx, addr, 1)) return 0;
  *c = *(const char *)host_pointer(addr);
  return 1;
}

static void put_number(struct text *t, uint64_t v, int negative, unsigned base, int upper) {
  char digits[20];
  int n = 0;
  const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  if (negative) put(t, '-');
  do {
    digits[n++] = set[v % base];
    v /= base;
  } while (v);
  while (n)
    put(t, digits[--n]);
}

static void put_string(struct text *t, const struct lbpf_helper_ctx *ctx, uint64_t addr) {
  for (size_t i = 0; t->ok; i++) {
    char c;
    if (i >= LBPF_PRINTF_MAX || !byte_at(ctx, addr + i, &c))
      t->ok = 0;
    else if (c == '\0')
      return;
    else
      put(t, c);
  }
}

/* One conversion (the format's bytes after '%' from *at); 0 if unknown. */
static int convert(struct text *t, const struct lbpf_helper_ctx *ctx, uint64_t *at, uint64_t arg) {
  char c;
  int longs = 0;
  while (byte_at(ctx, *at, &c) && c == 'l' && longs < 2)
    longs++, (*at)++;
  if (!byte_at(ctx, (*at)++, &c)) return 0;
  uint64_t v = longs ? arg : (uint32_t)arg;
  switch (c) {
  case 'd':
  case 'i': {
    int64_t s = longs ? (int64_t)arg : (int64_t)(int32_t)(uint32_t)arg;
    put_number(t, s < 0 ? 0 - (uint64_t)s : (uint64_t)s, s < 0, 10, 0);
    return 1;
  }
  case 'u': put_number(t, v, 0, 10, 0); return 1;
  case 'x': put_number(t, v, 0, 16, 0); return 1;
  case 'X': put_number(t, v, 0, 16, 1); return 1;
  case 'c': put(t, (char)arg); return !longs;
  case 's': put_string(t, ctx, arg); return !longs;
  default: return 0;
  }
}

static uint64_t h_printf(const struct lbpf_helper_ctx *ctx, uint64_t fmt, uint64_t a1, uint64_t a2,
                         uint64_t a3, uint64_t a4) {
  const uint64_t args[4] = {a1, a2, a3, a4};
  struct text t = {.len = 0, .ok = 1};
  unsigned used = 0;
  for (uint64_t at = fmt; t.ok;) {
    char c;
    if (at - fmt >= LBPF_PRINTF_MAX || !byte_at(ctx, at++, &c)) return LBPF_HELPER_FAILED;
    if (c == '\0') break;
    if (c != '%') {
      put(&t, c);
      continue;
    }
    char next;
    if (byte_at(ctx, at, &next) && next == '%') {
      put(&t, '%');
      at++;
    } else if (used == 4 || !convert(&t, ctx, &at, args[used++])) {
      return LBPF_HELPER_FAILED;
    }
  }
  if (!t.ok) return LBPF_HELPER_FAILED;
  struct lbpf_std_helpers *s = state_of(ctx);
  if (s->output && t.len) s->output(s->out, t.buf, t.len);
  return t.len;
}
#line 331 "lit/helpers.nw"
const struct lbpf_helper lbpf_std_helpers[LBPF_STD_NHELPERS] = {
    {LBPF_HELPER_PRINTF, h_printf},           {LBPF_HELPER_MEMCPY, h_memcpy},
    {LBPF_HELPER_STORE_LOCAL, h_store_local}, {LBPF_HELPER_STORE_GLOBAL, h_store_global},
    {LBPF_HELPER_FETCH_LOCAL, h_fetch_local}, {LBPF_HELPER_FETCH_GLOBAL, h_fetch_global},
    {LBPF_HELPER_NOW_MS, h_now_ms},
};
const size_t lbpf_std_nhelpers = sizeof lbpf_std_helpers / sizeof lbpf_std_helpers[0];
