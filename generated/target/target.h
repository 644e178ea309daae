#line 213 "lit/target.nw"
/* The Cortex-M4 firmware's internal interface: semihosting, output, cost. */
#ifndef LBPF_TARGET_H
#define LBPF_TARGET_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#line 229 "lit/target.nw"
enum {
  SYS_OPEN = 0x01,
  SYS_CLOSE = 0x02,
  SYS_WRITE0 = 0x04,
  SYS_WRITE = 0x05,
  SYS_READ = 0x06,
  SYS_FLEN = 0x0c,
  SYS_GET_CMDLINE = 0x15,
  SYS_EXIT = 0x18,
  SYS_EXIT_EXTENDED = 0x20,
};
/* the open modes of SYS_OPEN, as fopen's "rb" and "wb" */
enum { SH_MODE_RB = 1, SH_MODE_WB = 5 };

uint32_t lbpf_sh_call(uint32_t op, const void *args);
/* Open the host file path in mode SH_MODE_*: a handle, or -1. */
long lbpf_sh_open(const char *path, uint32_t mode);
/* Read or write n bytes at the handle's position: true if all were. */
bool lbpf_sh_read(long fd, void *buf, size_t n);
bool lbpf_sh_write(long fd, const void *buf, size_t n);
void lbpf_sh_close(long fd);
/* Read the host file path into buf (at most cap bytes).  Returns its length
   or -1 if it cannot be opened or read or is longer than cap. */
long lbpf_sh_read_file(const char *path, void *buf, size_t cap);
/* The length of the host file path, or -1. */
long lbpf_sh_file_length(const char *path);
_Noreturn void lbpf_sh_exit(int status);
#line 333 "lit/target.nw"
void lbpf_m4_puts(const char *s);
void lbpf_m4_putu(uint64_t v);
/* v in hexadecimal with at least digits digits, after "0x" */
void lbpf_m4_puthex(uint64_t v, int digits);
void lbpf_m4_flush(void);
#line 450 "lit/target.nw"
/* A call to time: fn(a[0], a[1], a[2], a[3]) through the AAPCS, which
   covers both an engine's run(state, mem, len, result) and a native
   benchmark f(mem, (uint64_t)len) (its 64-bit argument in r2 and r3).
   ret receives r0 and r1 after the call. */
struct lbpf_m4_call {
  void *fn;
  uint32_t a[4];
  uint32_t ret[2];
};

void lbpf_m4_cost_init(void);
/* Ticks since the timed call running now began (the helpers' clock). */
uint64_t lbpf_m4_ticks_now(void);
/* Ticks elapsed during the call, padded by pad (0..4) instructions. */
uint64_t lbpf_m4_ticks(struct lbpf_m4_call *call, uint32_t pad);
/* The exact instruction count of one call (five timed calls); before
   each of them, restore(ctx) puts the input memory back. */
uint64_t lbpf_m4_cost(struct lbpf_m4_call *call, void (*restore)(void *ctx), void *ctx);
#line 593 "lit/target.nw"
/* Make freshly written Thumb code at code callable: complete the stores,
   flush the pipeline, and return its address with the Thumb bit set. */
static inline void *lbpf_m4_code_entry(void *code) {
  __asm__ volatile("dsb\n\tisb" ::: "memory");
  return (void *)((uintptr_t)code | 1u);
}
#line 224 "lit/target.nw"
int lbpf_m4_main(void);
#endif
