/* The standard helpers (lit/helpers.nw) as a program of the corpus calls
   them.  Compiled to eBPF (clang -target bpf defines __bpf__) each is a
   pointer to a function at the helper's number, as RIOT's femto-container
   programs declare them, and clang emits `call ID`.  Compiled natively each
   is an ordinary function, implemented once, with the helpers' semantics,
   beside the native driver (tests/c/native_main.c).  The numbers are the
   library's own (lbpf_helpers.h). */
#ifndef CORPUS_HELPERS_H
#define CORPUS_HELPERS_H
#include <stdint.h>

#include "lbpf_helpers.h"

#ifdef __bpf__
static int (*bpf_printf)(const char *fmt, ...) = (void *)LBPF_HELPER_PRINTF;
static void *(*bpf_memcpy)(void *dst, const void *src, uint32_t n) = (void *)LBPF_HELPER_MEMCPY;
static int (*bpf_store_local)(uint32_t key, uint32_t value) = (void *)LBPF_HELPER_STORE_LOCAL;
static int (*bpf_store_global)(uint32_t key, uint32_t value) = (void *)LBPF_HELPER_STORE_GLOBAL;
static int (*bpf_fetch_local)(uint32_t key, uint32_t *value) = (void *)LBPF_HELPER_FETCH_LOCAL;
static int (*bpf_fetch_global)(uint32_t key, uint32_t *value) = (void *)LBPF_HELPER_FETCH_GLOBAL;
static uint32_t (*bpf_now_ms)(void) = (void *)LBPF_HELPER_NOW_MS;
#else
int bpf_printf(const char *fmt, ...);
void *bpf_memcpy(void *dst, const void *src, uint32_t n);
int bpf_store_local(uint32_t key, uint32_t value);
int bpf_store_global(uint32_t key, uint32_t value);
int bpf_fetch_local(uint32_t key, uint32_t *value);
int bpf_fetch_global(uint32_t key, uint32_t *value);
uint32_t bpf_now_ms(void);
#endif
#endif
