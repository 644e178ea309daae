/* incr: the paper's smallest benchmark, one 32-bit addition.
   Input: u32 x (156).  r0 = x + 1. */
#include <stdint.h>

uint64_t incr(uint8_t *mem, uint64_t len) {
  (void)len;
  uint32_t x = *(uint32_t *)mem;
  return x + 1;
}
